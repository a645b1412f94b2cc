#include "SimClient.h"

#include "appcore/ApiToken.h"
#include "core/Profile.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "server/WebhookSignature.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sim/SimSeeder.h"

#include <QDirIterator>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace UpNext::TestSim;

namespace {

const QString ClickUpToken = QStringLiteral("pk_4711_LEAKCHECKCLICKUPTOKEN0000000000");
const QString GitHubToken = QStringLiteral("ghp_LEAKCHECKGITHUBTOKEN000000000000000");

} // namespace

// A whole headless session with known tokens and secrets — sync, writes, webhooks, errors, debug
// logging on, and a crash at the end — after which none of them is found in what the app
// leaves behind: its log, database, settings, other files, or its command line.
class TestSecretsNeverLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wholeSession();

private:
    // The local API of the running app.
    Reply api(const QByteArray &verb, const QString &path, const QByteArray &body = {},
              const QByteArray &token = {});
    bool writeSecret(SecretStore::Secret secret, const QUrl &baseUrl, const QString &value);

    QTemporaryDir m_profileDir;
    QTemporaryDir m_xdg; // the app's config, data and cache homes
    SimSeeder m_seeder{7};
    SimClickUp m_clickUp;
    SimGitHub m_gitHub;
    QNetworkAccessManager m_manager;
    quint16 m_port = 0;
    QByteArray m_apiToken;
};

void TestSecretsNeverLeak::initTestCase()
{
    QVERIFY(m_profileDir.isValid() && m_xdg.isValid());
    m_seeder.setClickUpToken(ClickUpToken);
    m_seeder.setGitHubToken(GitHubToken);
    m_seeder.seedClickUp(m_clickUp, 20);
    m_seeder.seedGitHub(m_gitHub, 20);
    QVERIFY(m_clickUp.listen() > 0 && m_gitHub.listen() > 0);
}

bool TestSecretsNeverLeak::writeSecret(SecretStore::Secret secret, const QUrl &baseUrl,
                                       const QString &value)
{
    SecretStore store;
    std::optional<QString> error;
    store.write(secret, baseUrl.host(), value, this,
                [&](const QString &result) { error = result; });
    return QTest::qWaitFor([&] { return error.has_value(); }, 35000) && error->isEmpty();
}

Reply TestSecretsNeverLeak::api(const QByteArray &verb, const QString &path, const QByteArray &body,
                                const QByteArray &token)
{
    return send(m_manager, verb,
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)),
                {{"Authorization", "Bearer " + (token.isEmpty() ? m_apiToken : token)},
                 {"Content-Type", "application/json"}},
                body);
}

void TestSecretsNeverLeak::wholeSession()
{
    // The tokens wait in the keychain, where the app reads them.
    if (!writeSecret(SecretStore::Secret::ClickUpToken, m_clickUp.baseUrl(), ClickUpToken) ||
        !writeSecret(SecretStore::Secret::GitHubToken, m_gitHub.baseUrl(), GitHubToken))
        QSKIP("No keychain here (run it under dbus-run-session with an unlocked keyring)");
    {
        QTcpServer probe; // a free port for the app's server
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_port = probe.serverPort();
    }
    const Profile profile(m_profileDir.path());
    {
        Settings settings(profile.settingsPath());
        QVERIFY(
            settings.setClickUpBaseUrl(m_clickUp.baseUrl()) &&
            settings.setClickUpTeamId(m_clickUp.teamId()) &&
            settings.setClickUpCreateListId(m_seeder.listIds().value(0)) &&
            settings.setGitHubBaseUrl(m_gitHub.baseUrl()) &&
            settings.setGitHubCreateRepo(m_seeder.repos().value(0)) &&
            settings.setWebhookPublicUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port))));
        QVERIFY(settings.sync());
    }

    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("upnext.*.debug=true"));
    for (const char *home : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(home), m_xdg.filePath(QString::fromLatin1(home)));
    for (const char *variable : {"UPNEXT_CLICKUP_TOKEN", "UPNEXT_GITHUB_TOKEN",
                                 "UPNEXT_CLICKUP_WEBHOOK_SECRET", "UPNEXT_GITHUB_WEBHOOK_SECRET"})
        environment.remove(QString::fromLatin1(variable));
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(UPNEXT_BINARY),
              {QStringLiteral("--headless"), QStringLiteral("--profile"), profile.directory(),
               QStringLiteral("--port"), QString::number(m_port)});
    QVERIFY(app.waitForStarted());
    const auto stop = qScopeGuard([&] {
        app.kill();
        app.waitForFinished();
    });
    QFile cmdlineFile(QStringLiteral("/proc/%1/cmdline").arg(app.processId()));
    QVERIFY(cmdlineFile.open(QIODevice::ReadOnly));
    const QByteArray cmdline = cmdlineFile.readAll();

    // Up, synced, and its webhooks registered at both simulators.
    QTRY_VERIFY_WITH_TIMEOUT(!(m_apiToken = ApiToken::readFile(profile)).isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        QJsonDocument::fromJson(
            api("GET", QStringLiteral("/health")).body)[QLatin1String("open_tasks")]
                .toInt() > 0,
        30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_clickUp.hooks().isEmpty() && !m_gitHub.hooks().isEmpty(), 30000);

    // The user's writes, one of them through a 500 first.
    m_gitHub.injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues"),
                         {SimFault::Kind::Status, 500}, 1);
    QCOMPARE(api("POST", QStringLiteral("/done?wait=20"), R"({"comment":"Finished"})").status, 200);
    QCOMPARE(
        api("POST", QStringLiteral("/tasks?wait=30"), R"({"title":"Leak check","source":"github"})")
            .status,
        200);
    QCOMPARE(api("POST", QStringLiteral("/sync")).status, 202);

    // A teammate's changes arrive as signed webhooks.
    const SimSeeder::Person teammate = m_seeder.teammates().constFirst();
    const QString repo = m_seeder.repos().value(0);
    const int number = m_gitHub.addIssue({.repo = repo,
                                          .title = QStringLiteral("Shared"),
                                          .author = teammate.login,
                                          .assignees = {m_seeder.me().login}});
    m_gitHub.closeIssue(repo, number, teammate.login);
    QTRY_VERIFY_WITH_TIMEOUT(m_gitHub.webhooks().pending() == 0 &&
                                 m_gitHub.webhooks().deliveries().size() > 1 &&
                                 m_gitHub.webhooks().deliveries().last().status == 200,
                             30000);

    // Errors: a forged delivery and a wrong API token.
    const QByteArray forged = R"({"action":"closed","issue":{"number":1}})";
    QCOMPARE(send(m_manager, "POST",
                  QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/github").arg(m_port)),
                  {{"Content-Type", "application/json"},
                   {"X-GitHub-Event", "issues"},
                   {"X-GitHub-Delivery", "forged-1"},
                   {"X-Hub-Signature-256", "sha256=" + WebhookSignature::sign("guess", forged)}},
                  forged)
                 .status,
             401);
    QCOMPARE(api("GET", QStringLiteral("/next"), {}, "wrong-token").status, 401);

    // Then it crashes.
    QTRY_COMPARE_WITH_TIMEOUT(
        QJsonDocument::fromJson(api("GET", QStringLiteral("/status"))
                                    .body)[QLatin1String("outbox")][QLatin1String("waiting")]
            .toInt(-1),
        0, 30000);
    ::kill(pid_t(app.processId()), SIGABRT);
    QVERIFY(app.waitForFinished(10000));
    const QByteArray log = app.readAllStandardOutput() + app.readAllStandardError();

    // What there is to find: the source tokens, the webhook secrets (ClickUp's from its
    // registration, GitHub's generated by the app) and the local API's token.
    QStringList secrets = {ClickUpToken, GitHubToken, m_clickUp.hooks().constFirst().secret};
    for (const SimGitHubHook &hook : m_gitHub.hooks())
        secrets.append(hook.secret);
    for (const QString &secret : std::as_const(secrets))
        QVERIFY(secret.size() >= 16);
    const QByteArray apiToken = m_apiToken;
    QVERIFY(apiToken.size() >= 16);

    // The log is there to search: debug lines from sync, outbox and webhooks.
    for (const char *category : {"upnext.sync", "upnext.webhook", "upnext.store"})
        QVERIFY2(log.contains(category), category);
    const auto leaks = [&](const QByteArray &where, const QString &name, bool withApiToken) {
        for (const QString &secret : std::as_const(secrets)) {
            QVERIFY2(!where.contains(secret.toUtf8()) &&
                         !where.contains(QUrl::toPercentEncoding(secret)),
                     qPrintable(name + QStringLiteral(" holds a secret")));
        }
        QVERIFY2(!withApiToken || !where.contains(apiToken),
                 qPrintable(name + QStringLiteral(" holds the API token")));
    };
    leaks(log, QStringLiteral("the log"), true);
    leaks(cmdline, QStringLiteral("the command line"), true);
    int files = 0;
    for (const QString &root : {profile.directory(), m_xdg.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            // The API token's own file holds it, readable by the user only.
            leaks(file.readAll(), file.fileName(), file.fileName() != ApiToken::tokenPath(profile));
            ++files;
        }
    }
    QVERIFY(QFile::exists(profile.databasePath()) && QFile::exists(profile.settingsPath()));
    QVERIFY(files >= 3);
}

QTEST_GUILESS_MAIN(TestSecretsNeverLeak)
#include "tst_secretsneverleak.moc"
