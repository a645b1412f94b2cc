#include "TestTasks.h"

#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/ClickUpReader.h"
#include "sources/GitHubHooks.h"
#include "sources/GitHubReader.h"
#include "sync/WebhookRegistrar.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace UpNext;
using namespace UpNext::Sim;

namespace {

const QString ClickUpToken = QStringLiteral("pk_101_registrar");
const QString GitHubToken = QStringLiteral("ghp_registrar");
constexpr qint64 Me = 101;
const QString Web = QStringLiteral("acme/web");
const QString Api = QStringLiteral("acme/api");
// Nothing listens on port 9: the pings GitHub sends to a new hook fail at once.
const QUrl One(QStringLiteral("http://127.0.0.1:9/one"));
const QUrl Two(QStringLiteral("http://127.0.0.1:9/two"));
const QUrl Three(QStringLiteral("http://127.0.0.1:9/three"));
const QUrl Elsewhere(QStringLiteral("https://ci.example.net/hooks"));
using Secret = SecretStore::Secret;
using Action = WebhookRegistration::Action;

QUrl at(const QUrl &base, const QString &source)
{
    return WebhookRegistrar::endpoint(base, source);
}

QString actionName(Action action)
{
    switch (action) {
    case Action::None:
        return QStringLiteral("none");
    case Action::Created:
        return QStringLiteral("created");
    case Action::Updated:
        return QStringLiteral("updated");
    case Action::Moved:
        return QStringLiteral("moved");
    case Action::Kept:
        return QStringLiteral("kept");
    case Action::Removed:
        return QStringLiteral("removed");
    case Action::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// "github acme/web created", one line per place, sorted.
QStringList summary(const WebhookRegistrationReport &report)
{
    QStringList lines;
    for (const WebhookRegistration &result : report.results)
        lines.append(QStringLiteral("%1 %2 %3")
                         .arg(result.source, result.target, actionName(result.action))
                         .simplified());
    lines.sort();
    return lines;
}

} // namespace

// WebhookRegistrar against the simulators and the session's keychain (gnome-keyring in CI,
// under a service name of its own): the hooks end up at the public URL, once each, whatever
// was there before and whatever fails on the way.
class TestWebhookRegistrar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void endpoints();
    void registersBothSources();
    void secondRunChangesNothing();
    void newUrlMovesTheHooks();
    void otherHooksAreNeverTouched();
    void differingHooksAreUpdatedAndDuplicatesRemoved();
    void unregisterRemovesOnlyUpNextsHooks();
    void reposOfTheUsersTasksWhenNoneConfigured();
    void gitHubSecretIsKeptBeforeAHookUsesIt();
    void lostGitHubSecretIsReplacedOnEveryHook();
    void lostClickUpSecretComesBack();
    void environmentSecretIsUsed();
    void failures_data();
    void failures();
    void failedMoveKeepsTheEarlierUrl();
    void failedRemovalKeepsTheClickUpSecret();
    void rateLimitStopsTheSource();
    void badUrlSendsNothing();
    void sourcesNotSetUp();
    void noClickUpWorkspace();
    void callsDuringARunRunAfterIt();

private:
    WebhookRegistrationReport run(const std::function<void()> &start);
    WebhookRegistrationReport registerAt(const QUrl &url)
    {
        return run([&] { m_registrar->registerHooks(url); });
    }
    WebhookRegistrationReport unregister()
    {
        return run([&] { m_registrar->unregisterHooks(); });
    }
    SecretResult readSecret(Secret secret);
    QString writeSecret(Secret secret, const QString &value);
    QString removeSecret(Secret secret);
    QString account(Secret secret) const
    {
        return WebhookRegistrar::secretAccount(*m_settings, secret == Secret::GitHubWebhookSecret
                                                                ? Sources::GitHub
                                                                : Sources::ClickUp);
    }
    QList<SimGitHubHook> gitHubHooks(const QString &repo) const;
    // Every place has exactly one hook at url, signed with the secret in the keychain.
    void verifyRegisteredAt(const QUrl &url, const QStringList &repos = {Web, Api});

    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<SimClickUp> m_clickUp;
    std::unique_ptr<SimGitHub> m_gitHub;
    QNetworkAccessManager m_manager;
    std::unique_ptr<RestClient> m_clickUpClient;
    std::unique_ptr<RestClient> m_gitHubClient;
    std::unique_ptr<WebhookRegistrar> m_registrar;
};

void TestWebhookRegistrar::initTestCase()
{
    m_secrets = std::make_unique<SecretStore>(QStringLiteral("UpNext-test-") +
                                              QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("probe.ini")));
    const QString error = writeSecret(Secret::LocalApiToken, QStringLiteral("x"));
    if (!error.isEmpty()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(QStringLiteral("No usable keychain in CI: ") + error));
        QSKIP(qPrintable(QStringLiteral("No usable keychain (run through dbus-run-session with "
                                        "gnome-keyring): ") +
                         error));
    }
    QVERIFY(removeSecret(Secret::LocalApiToken).isEmpty());
}

void TestWebhookRegistrar::init()
{
    qunsetenv("UPNEXT_CLICKUP_WEBHOOK_SECRET");
    qunsetenv("UPNEXT_GITHUB_WEBHOOK_SECRET");
    m_registrar.reset();
    m_clickUp = std::make_unique<SimClickUp>();
    QVERIFY(m_clickUp->listen() > 0);
    m_clickUp->addUser(Me, QStringLiteral("Me"), QStringLiteral("me@example.com"), ClickUpToken);
    m_clickUp->addUser(202, QStringLiteral("Bob"), QStringLiteral("bob@example.com"),
                       QStringLiteral("pk_202_bob"));
    m_gitHub = std::make_unique<SimGitHub>();
    QVERIFY(m_gitHub->listen() > 0);
    m_gitHub->addUser(QStringLiteral("me"), GitHubToken);
    for (const QString &repo : {Web, Api, QStringLiteral("acme/other")})
        m_gitHub->addRepo(repo);

    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    QVERIFY(m_settings->setClickUpBaseUrl(m_clickUp->baseUrl()));
    QVERIFY(m_settings->setGitHubBaseUrl(m_gitHub->baseUrl()));
    QVERIFY(m_settings->setClickUpTeamId(m_clickUp->teamId()));
    QVERIFY(m_settings->setGitHubRepos({Web, Api}));
    m_store = std::make_unique<TaskStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))));
    QVERIFY(removeSecret(Secret::ClickUpWebhookSecret).isEmpty());
    QVERIFY(removeSecret(Secret::GitHubWebhookSecret).isEmpty());

    m_clickUpClient = std::make_unique<RestClient>(&m_manager, m_clickUp->baseUrl());
    m_clickUpClient->setTimeout(5000);
    ClickUpReader::configure(m_clickUpClient.get(), ClickUpToken.toUtf8());
    m_gitHubClient = std::make_unique<RestClient>(&m_manager, m_gitHub->baseUrl());
    m_gitHubClient->setTimeout(5000);
    GitHubReader::configure(m_gitHubClient.get(), GitHubToken.toUtf8());
    m_registrar =
        std::make_unique<WebhookRegistrar>(m_settings.get(), m_secrets.get(), m_store.get());
    m_registrar->setClients(m_clickUpClient.get(), m_gitHubClient.get());
}

void TestWebhookRegistrar::cleanup()
{
    removeSecret(Secret::ClickUpWebhookSecret);
    removeSecret(Secret::GitHubWebhookSecret);
    qunsetenv("UPNEXT_CLICKUP_WEBHOOK_SECRET");
    qunsetenv("UPNEXT_GITHUB_WEBHOOK_SECRET");
}

WebhookRegistrationReport TestWebhookRegistrar::run(const std::function<void()> &start)
{
    std::optional<WebhookRegistrationReport> report;
    QObject context;
    connect(m_registrar.get(), &WebhookRegistrar::finished, &context,
            [&report](const WebhookRegistrationReport &r) { report = r; });
    start();
    if (!report && !QTest::qWaitFor([&report] { return report.has_value(); }, 30000)) {
        WebhookRegistrationReport timedOut;
        timedOut.results.append({{}, {}, Action::Failed, {}, 0, QStringLiteral("timed out"), {}});
        return timedOut;
    }
    return *report;
}

SecretResult TestWebhookRegistrar::readSecret(Secret secret)
{
    std::optional<SecretResult> result;
    m_secrets->read(secret, account(secret), this,
                    [&result](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return {SecretResult::Status::Error, {}, QStringLiteral("timed out")};
    return *result;
}

QString TestWebhookRegistrar::writeSecret(Secret secret, const QString &value)
{
    std::optional<QString> error;
    m_secrets->write(secret, account(secret), value, this,
                     [&error](const QString &e) { error = e; });
    return QTest::qWaitFor([&error] { return error.has_value(); }, 10000)
               ? *error
               : QStringLiteral("timed out");
}

QString TestWebhookRegistrar::removeSecret(Secret secret)
{
    std::optional<QString> error;
    m_secrets->remove(secret, account(secret), this, [&error](const QString &e) { error = e; });
    return QTest::qWaitFor([&error] { return error.has_value(); }, 10000)
               ? *error
               : QStringLiteral("timed out");
}

QList<SimGitHubHook> TestWebhookRegistrar::gitHubHooks(const QString &repo) const
{
    QList<SimGitHubHook> hooks;
    for (const SimGitHubHook &hook : m_gitHub->hooks()) {
        if (hook.repo == repo)
            hooks.append(hook);
    }
    return hooks;
}

void TestWebhookRegistrar::verifyRegisteredAt(const QUrl &url, const QStringList &repos)
{
    const QUrl clickUpUrl = at(url, Sources::ClickUp);
    QList<SimClickUpWebhook> clickUp;
    for (const SimClickUpWebhook &hook : m_clickUp->hooks()) {
        if (hook.endpoint == clickUpUrl)
            clickUp.append(hook);
    }
    QCOMPARE(clickUp.size(), 1);
    QCOMPARE(clickUp.first().userId, Me);
    QCOMPARE(clickUp.first().events, WebhookRegistrar::ClickUpEvents);
    const SecretResult clickUpSecret = readSecret(Secret::ClickUpWebhookSecret);
    QCOMPARE(clickUpSecret.status, SecretResult::Status::Found);
    QCOMPARE(clickUpSecret.value, clickUp.first().secret);

    const SecretResult gitHubSecret = readSecret(Secret::GitHubWebhookSecret);
    QCOMPARE(gitHubSecret.status, SecretResult::Status::Found);
    QVERIFY(
        QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(gitHubSecret.value).hasMatch());
    for (const QString &repo : repos) {
        QList<SimGitHubHook> hooks;
        for (const SimGitHubHook &hook : gitHubHooks(repo)) {
            if (hook.url == at(url, Sources::GitHub))
                hooks.append(hook);
        }
        QVERIFY2(hooks.size() == 1, qPrintable(repo));
        QCOMPARE(hooks.first().events, WebhookRegistrar::GitHubEvents);
        QCOMPARE(hooks.first().secret, gitHubSecret.value);
        QVERIFY(hooks.first().active);
    }
}

void TestWebhookRegistrar::endpoints()
{
    QCOMPARE(at(QUrl(QStringLiteral("https://abc.trycloudflare.com")), Sources::ClickUp),
             QUrl(QStringLiteral("https://abc.trycloudflare.com/webhooks/clickup")));
    QCOMPARE(at(QUrl(QStringLiteral("https://abc.trycloudflare.com/")), Sources::GitHub),
             QUrl(QStringLiteral("https://abc.trycloudflare.com/webhooks/github")));
    QCOMPARE(at(QUrl(QStringLiteral("https://me.example.net/upnext/")), Sources::GitHub),
             QUrl(QStringLiteral("https://me.example.net/upnext/webhooks/github")));
    QCOMPARE(WebhookRegistrar::ClickUpEvents.size(), 10);
    QCOMPARE(WebhookRegistrar::GitHubEvents,
             QStringList({QStringLiteral("issues"), QStringLiteral("issue_comment")}));
    // The tokens' account: the API host.
    QCOMPARE(WebhookRegistrar::secretAccount(*m_settings, Sources::GitHub),
             m_gitHub->baseUrl().host());
}

void TestWebhookRegistrar::registersBothSources()
{
    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(report.ok());
    QVERIFY(!report.unregistering);
    QCOMPARE(report.publicUrl, One);
    QCOMPARE(summary(report), QStringList({QStringLiteral("clickup 9015000001 created"),
                                           QStringLiteral("github acme/api created"),
                                           QStringLiteral("github acme/web created")}));
    for (const WebhookRegistration &result : report.results)
        QVERIFY(!result.hookId.isEmpty());
    verifyRegisteredAt(One);
    QVERIFY(gitHubHooks(QStringLiteral("acme/other")).isEmpty());
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>{One});
    // Saved, not only set.
    QCOMPARE(Settings(m_settings->filePath()).webhookRegisteredUrls(), QList<QUrl>{One});
}

void TestWebhookRegistrar::secondRunChangesNothing()
{
    QVERIFY(registerAt(One).ok());
    const SecretResult secret = readSecret(Secret::GitHubWebhookSecret);
    m_clickUp->requestLog().clear();
    m_gitHub->requestLog().clear();

    const WebhookRegistrationReport again = registerAt(One);
    QVERIFY(again.ok());
    QCOMPARE(summary(again), QStringList({QStringLiteral("clickup 9015000001 kept"),
                                          QStringLiteral("github acme/api kept"),
                                          QStringLiteral("github acme/web kept")}));
    // Listed, nothing written.
    QCOMPARE(m_clickUp->requestLog().count(), 1);
    QCOMPARE(m_gitHub->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/hooks")), 2);
    QCOMPARE(m_gitHub->requestLog().count(), 2);
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_gitHub->hooks().size(), 2);
    QCOMPARE(readSecret(Secret::GitHubWebhookSecret).value, secret.value);
    verifyRegisteredAt(One);
}

void TestWebhookRegistrar::newUrlMovesTheHooks()
{
    const WebhookRegistrationReport first = registerAt(One);
    QVERIFY(first.ok());
    const QString clickUpSecret = m_clickUp->hooks().first().secret;

    const WebhookRegistrationReport moved = registerAt(Two);
    QVERIFY(moved.ok());
    QCOMPARE(summary(moved), QStringList({QStringLiteral("clickup 9015000001 moved"),
                                          QStringLiteral("github acme/api moved"),
                                          QStringLiteral("github acme/web moved")}));
    // The same hooks, pointing elsewhere: no new ones.
    QStringList before;
    QStringList after;
    for (const WebhookRegistration &result : first.results)
        before.append(result.hookId);
    for (const WebhookRegistration &result : moved.results)
        after.append(result.hookId);
    before.sort();
    after.sort();
    QCOMPARE(after, before);
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_gitHub->hooks().size(), 2);
    QCOMPARE(m_clickUp->hooks().first().secret, clickUpSecret);
    verifyRegisteredAt(Two);
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>{Two});

    // Another spelling of the same URL is the same URL.
    QCOMPARE(summary(registerAt(QUrl(QStringLiteral("http://127.0.0.1:9/two/")))),
             QStringList({QStringLiteral("clickup 9015000001 kept"),
                          QStringLiteral("github acme/api kept"),
                          QStringLiteral("github acme/web kept")}));
}

void TestWebhookRegistrar::otherHooksAreNeverTouched()
{
    // Someone else's, and the user's own for another service.
    m_clickUp->addWebhook(at(Elsewhere, Sources::ClickUp), {QStringLiteral("*")}, Me);
    m_clickUp->addWebhook(at(One, Sources::ClickUp), {QStringLiteral("taskCreated")}, 202);
    const QList<SimClickUpWebhook> clickUpBefore = m_clickUp->hooks();
    GitHubHooks hooks(m_gitHubClient.get());
    for (const QString &repo : {Web, QStringLiteral("acme/other")}) {
        bool done = false;
        GitHubHooks::Config config;
        config.url = at(Elsewhere, Sources::GitHub);
        config.secret = QStringLiteral("theirs");
        config.events = {QStringLiteral("push")};
        hooks.create(repo, config, this, [&done](const WebhookResult &r) { done = r.success; });
        QTRY_VERIFY(done);
    }

    QVERIFY(registerAt(One).ok());
    QVERIFY(registerAt(Two).ok());
    verifyRegisteredAt(Two);
    QVERIFY(unregister().ok());

    QCOMPARE(m_clickUp->hooks().size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(m_clickUp->hooks().at(i).id, clickUpBefore.at(i).id);
        QCOMPARE(m_clickUp->hooks().at(i).endpoint, clickUpBefore.at(i).endpoint);
        QCOMPARE(m_clickUp->hooks().at(i).events, clickUpBefore.at(i).events);
        QCOMPARE(m_clickUp->hooks().at(i).secret, clickUpBefore.at(i).secret);
    }
    QCOMPARE(m_gitHub->hooks().size(), 2);
    for (const SimGitHubHook &hook : m_gitHub->hooks()) {
        QCOMPARE(hook.url, at(Elsewhere, Sources::GitHub));
        QCOMPARE(hook.secret, QStringLiteral("theirs"));
        QCOMPARE(hook.events, QStringList{QStringLiteral("push")});
    }
    QCOMPARE(m_gitHub->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/hooks")), 6);
}

void TestWebhookRegistrar::differingHooksAreUpdatedAndDuplicatesRemoved()
{
    // At UpNext's URL but with other events (ClickUp), or unsigned and for other events, twice
    // (GitHub): made by hand, or by an older UpNext.
    m_clickUp->addWebhook(at(One, Sources::ClickUp), {QStringLiteral("taskCreated")}, Me);
    m_clickUp->addWebhook(at(One, Sources::ClickUp), {QStringLiteral("*")}, Me);
    GitHubHooks hooks(m_gitHubClient.get());
    for (int i = 0; i < 2; ++i) {
        bool done = false;
        GitHubHooks::Config config;
        config.url = at(One, Sources::GitHub);
        config.events = {QStringLiteral("push")};
        hooks.create(Web, config, this, [&done](const WebhookResult &r) { done = r.success; });
        QTRY_VERIFY(done);
    }
    const QString firstClickUp = m_clickUp->hooks().first().id;
    const qint64 firstGitHub = m_gitHub->hooks().first().id;

    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(report.ok());
    QCOMPARE(summary(report), QStringList({QStringLiteral("clickup 9015000001 updated"),
                                           QStringLiteral("github acme/api created"),
                                           QStringLiteral("github acme/web updated")}));
    for (const WebhookRegistration &result : report.results) {
        if (result.source == Sources::ClickUp) {
            QCOMPARE(result.hookId, firstClickUp);
            QCOMPARE(result.removed, 1);
        } else if (result.target == Web) {
            QCOMPARE(result.hookId, QString::number(firstGitHub));
            QCOMPARE(result.removed, 1);
        }
    }
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_gitHub->hooks().size(), 2);
    verifyRegisteredAt(One);
}

void TestWebhookRegistrar::unregisterRemovesOnlyUpNextsHooks()
{
    QVERIFY(registerAt(One).ok());
    const QString gitHubSecret = readSecret(Secret::GitHubWebhookSecret).value;
    const QString clickUpSecret = readSecret(Secret::ClickUpWebhookSecret).value;
    // A hook at the public URL that UpNext did not register stays: nobody registered it there.
    QVERIFY(m_settings->setWebhookPublicUrl(Three));
    m_clickUp->addWebhook(at(Three, Sources::ClickUp), WebhookRegistrar::ClickUpEvents, Me);

    const WebhookRegistrationReport report = unregister();
    QVERIFY(report.ok());
    QVERIFY(report.unregistering);
    QCOMPARE(summary(report), QStringList({QStringLiteral("clickup 9015000001 removed"),
                                           QStringLiteral("github acme/api removed"),
                                           QStringLiteral("github acme/web removed")}));
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_clickUp->hooks().first().endpoint, at(Three, Sources::ClickUp));
    QVERIFY(m_gitHub->hooks().isEmpty());
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>());
    // The secrets stay: the receiver keeps refusing what is not signed.
    QCOMPARE(readSecret(Secret::GitHubWebhookSecret).value, gitHubSecret);
    QCOMPARE(readSecret(Secret::ClickUpWebhookSecret).value, clickUpSecret);

    // Nothing left to remove.
    const WebhookRegistrationReport again = unregister();
    QVERIFY(again.ok());
    QCOMPARE(again.results.size(), 1);
    QCOMPARE(again.results.first().action, Action::None);
}

void TestWebhookRegistrar::reposOfTheUsersTasksWhenNoneConfigured()
{
    QVERIFY(m_settings->setGitHubRepos({}));
    const Task web = TestTasks::gitHub(Web, 1, QStringLiteral("Mine"));
    const Task webToo = TestTasks::gitHub(Web, 2, QStringLiteral("Mine too"));
    Task api = TestTasks::gitHub(Api, 7, QStringLiteral("Done, still mine"));
    api.status = TaskStatus::Done;
    Task notMine = TestTasks::gitHub(QStringLiteral("acme/other"), 3, QStringLiteral("Bob's"));
    notMine.assignedToMe = false;
    const Task clickUp = TestTasks::clickUp(QStringLiteral("86abc"), QStringLiteral("On ClickUp"));
    QVERIFY(m_store->upsert({web, webToo, api, notMine, clickUp}));

    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(report.ok());
    QCOMPARE(summary(report), QStringList({QStringLiteral("clickup 9015000001 created"),
                                           QStringLiteral("github acme/api created"),
                                           QStringLiteral("github acme/web created")}));
    verifyRegisteredAt(One);
    QVERIFY(gitHubHooks(QStringLiteral("acme/other")).isEmpty());

    // No repos at all: GitHub has nothing to do, and says so.
    QVERIFY(m_store->removeTask(web.id) && m_store->removeTask(webToo.id) &&
            m_store->removeTask(api.id));
    const WebhookRegistrationReport none = registerAt(One);
    QVERIFY(none.ok());
    QVERIFY(summary(none).contains(QStringLiteral("github none")));
}

void TestWebhookRegistrar::gitHubSecretIsKeptBeforeAHookUsesIt()
{
    // What the keychain holds at the moment the first hook is created.
    std::optional<SecretResult> atCreate;
    m_gitHub->afterAnswer(QStringLiteral("POST /repos/{owner}/{repo}/hooks"), 1, [this, &atCreate] {
        m_secrets->read(Secret::GitHubWebhookSecret, account(Secret::GitHubWebhookSecret), this,
                        [&atCreate](const SecretResult &r) { atCreate = r; });
    });
    QVERIFY(registerAt(One).ok());
    QTRY_VERIFY(atCreate.has_value());
    QCOMPARE(atCreate->status, SecretResult::Status::Found);
    QCOMPARE(atCreate->value, gitHubHooks(Web).first().secret);
    verifyRegisteredAt(One);
}

void TestWebhookRegistrar::lostGitHubSecretIsReplacedOnEveryHook()
{
    QVERIFY(registerAt(One).ok());
    const QString old = readSecret(Secret::GitHubWebhookSecret).value;
    QVERIFY(removeSecret(Secret::GitHubWebhookSecret).isEmpty());

    // GitHub never shows a hook's secret: a new one goes to every hook.
    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(report.ok());
    QCOMPARE(summary(report), QStringList({QStringLiteral("clickup 9015000001 kept"),
                                           QStringLiteral("github acme/api updated"),
                                           QStringLiteral("github acme/web updated")}));
    QVERIFY(readSecret(Secret::GitHubWebhookSecret).value != old);
    verifyRegisteredAt(One);
}

void TestWebhookRegistrar::lostClickUpSecretComesBack()
{
    QVERIFY(registerAt(One).ok());
    const QString secret = m_clickUp->hooks().first().secret;
    QVERIFY(removeSecret(Secret::ClickUpWebhookSecret).isEmpty());
    // ClickUp's listing has it.
    QVERIFY(registerAt(One).ok());
    QCOMPARE(readSecret(Secret::ClickUpWebhookSecret).value, secret);
}

void TestWebhookRegistrar::environmentSecretIsUsed()
{
    // The receiver reads UPNEXT_GITHUB_WEBHOOK_SECRET first: the hooks sign with it.
    qputenv("UPNEXT_GITHUB_WEBHOOK_SECRET", "from the environment");
    qputenv("UPNEXT_CLICKUP_WEBHOOK_SECRET", "not the webhook's");
    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(report.ok());
    for (const SimGitHubHook &hook : m_gitHub->hooks())
        QCOMPARE(hook.secret, QStringLiteral("from the environment"));
    // ClickUp makes its own secret: a variable that differs would refuse every delivery.
    for (const WebhookRegistration &result : report.results) {
        if (result.source == Sources::ClickUp)
            QVERIFY2(result.message.contains(QLatin1String("UPNEXT_CLICKUP_WEBHOOK_SECRET")),
                     qPrintable(result.message));
    }
    qunsetenv("UPNEXT_GITHUB_WEBHOOK_SECRET");
    qunsetenv("UPNEXT_CLICKUP_WEBHOOK_SECRET");
    QCOMPARE(readSecret(Secret::GitHubWebhookSecret).status, SecretResult::Status::NotFound);
    QCOMPARE(readSecret(Secret::ClickUpWebhookSecret).value, m_clickUp->hooks().first().secret);
}

void TestWebhookRegistrar::failures_data()
{
    QTest::addColumn<QString>("breakage"); // what goes wrong
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("message"); // of the first failure

    QTest::newRow("GitHub 401") << QStringLiteral("github token")
                                << QStringList({QStringLiteral("clickup 9015000001 created"),
                                                QStringLiteral("github acme/api failed"),
                                                QStringLiteral("github acme/web failed")})
                                << QStringLiteral("GitHub error: 401 (Bad credentials)");
    QTest::newRow("ClickUp 401") << QStringLiteral("clickup token")
                                 << QStringList({QStringLiteral("clickup 9015000001 failed"),
                                                 QStringLiteral("github acme/api created"),
                                                 QStringLiteral("github acme/web created")})
                                 << QStringLiteral("ClickUp error: 401 (Token invalid)");
    QTest::newRow("404 repo") << QStringLiteral("repo")
                              << QStringList({QStringLiteral("clickup 9015000001 created"),
                                              QStringLiteral("github acme/api created"),
                                              QStringLiteral("github acme/gone failed"),
                                              QStringLiteral("github acme/web created")})
                              << QStringLiteral("GitHub error: 404 (Not Found)");
    QTest::newRow("GitHub 500") << QStringLiteral("github 500")
                                << QStringList({QStringLiteral("clickup 9015000001 created"),
                                                QStringLiteral("github acme/api created"),
                                                QStringLiteral("github acme/web failed")})
                                << QStringLiteral("GitHub error: 500 (Injected failure)");
    QTest::newRow("ClickUp 500") << QStringLiteral("clickup 500")
                                 << QStringList({QStringLiteral("clickup 9015000001 failed"),
                                                 QStringLiteral("github acme/api created"),
                                                 QStringLiteral("github acme/web created")})
                                 << QStringLiteral("ClickUp error: 500 (Injected failure)");
}

void TestWebhookRegistrar::failures()
{
    QFETCH(QString, breakage);
    QFETCH(QStringList, expected);
    QFETCH(QString, message);

    if (breakage == QLatin1String("github token"))
        GitHubReader::configure(m_gitHubClient.get(), "ghp_wrong");
    else if (breakage == QLatin1String("clickup token"))
        ClickUpReader::configure(m_clickUpClient.get(), "pk_wrong");
    else if (breakage == QLatin1String("repo"))
        QVERIFY(m_settings->setGitHubRepos({QStringLiteral("acme/gone"), Api, Web}));
    else if (breakage == QLatin1String("github 500"))
        // acme/web comes first: its create fails, acme/api's goes ahead.
        m_gitHub->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/hooks"),
                              SimFault{SimFault::Kind::Status, 500, 0});
    else if (breakage == QLatin1String("clickup 500"))
        m_clickUp->injectFault(QStringLiteral("POST /team/{team_id}/webhook"),
                               SimFault{SimFault::Kind::Status, 500, 0});

    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(!report.ok());
    QCOMPARE(summary(report), expected);
    QStringList messages;
    for (const WebhookRegistration &result : report.results) {
        if (result.action == Action::Failed)
            messages.append(result.message);
    }
    QCOMPARE(messages.first(), message);
    if (breakage == QLatin1String("github token")) // the other repo is not tried
        QCOMPARE(messages.last(), QStringLiteral("Not tried: ") + message);
    // What did go through is kept, and the URL remembered.
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>{One});

    // Fixed, the next run completes the rest, and nothing twice.
    GitHubReader::configure(m_gitHubClient.get(), GitHubToken.toUtf8());
    ClickUpReader::configure(m_clickUpClient.get(), ClickUpToken.toUtf8());
    QVERIFY(m_settings->setGitHubRepos({Web, Api}));
    const WebhookRegistrationReport fixed = registerAt(One);
    QVERIFY(fixed.ok());
    verifyRegisteredAt(One);
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_gitHub->hooks().size(), 2);
}

void TestWebhookRegistrar::failedMoveKeepsTheEarlierUrl()
{
    QVERIFY(registerAt(One).ok());
    m_gitHub->injectFault(QStringLiteral("PATCH /repos/{owner}/{repo}/hooks/{id}"),
                          SimFault{SimFault::Kind::Status, 502, 0});
    const WebhookRegistrationReport failed = registerAt(Two);
    QVERIFY(!failed.ok());
    QCOMPARE(summary(failed), QStringList({QStringLiteral("clickup 9015000001 moved"),
                                           QStringLiteral("github acme/api moved"),
                                           QStringLiteral("github acme/web failed")}));
    // acme/web's hook still points at One: One stays on the list of UpNext's URLs.
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>({One, Two}));
    QCOMPARE(gitHubHooks(Web).first().url, at(One, Sources::GitHub));

    // Even after yet another URL change, it is found and moved.
    const WebhookRegistrationReport moved = registerAt(Three);
    QVERIFY(moved.ok());
    QCOMPARE(summary(moved), QStringList({QStringLiteral("clickup 9015000001 moved"),
                                          QStringLiteral("github acme/api moved"),
                                          QStringLiteral("github acme/web moved")}));
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>{Three});
    verifyRegisteredAt(Three);
    QCOMPARE(m_gitHub->hooks().size(), 2);
    QCOMPARE(m_clickUp->hooks().size(), 1);
}

void TestWebhookRegistrar::failedRemovalKeepsTheClickUpSecret()
{
    // UpNext's hooks at an earlier URL and at the current one: the current one stays, the other
    // goes, and that fails.
    QVERIFY(m_settings->setWebhookRegisteredUrls({One}));
    m_clickUp->addWebhook(at(One, Sources::ClickUp), WebhookRegistrar::ClickUpEvents, Me);
    m_clickUp->addWebhook(at(Two, Sources::ClickUp), WebhookRegistrar::ClickUpEvents, Me);
    const SimClickUpWebhook current = m_clickUp->hooks().last();
    m_clickUp->injectFault(QStringLiteral("DELETE /webhook/{webhook_id}"),
                           SimFault{SimFault::Kind::Status, 500, 0});
    const WebhookRegistrationReport report = registerAt(Two);
    QVERIFY(!report.ok());
    QVERIFY(summary(report).contains(QStringLiteral("clickup 9015000001 failed")));
    QCOMPARE(readSecret(Secret::ClickUpWebhookSecret).value, current.secret);
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>({One, Two}));

    QVERIFY(registerAt(Two).ok());
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_clickUp->hooks().first().id, current.id);
    verifyRegisteredAt(Two);
}

void TestWebhookRegistrar::rateLimitStopsTheSource()
{
    m_gitHub->setRateLimit(1, 3600); // one request: acme/web's listing
    m_clickUp->setRateLimit(1, 60);  // one request: the listing
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(!report.ok());
    QCOMPARE(summary(report), QStringList({QStringLiteral("clickup 9015000001 failed"),
                                           QStringLiteral("github acme/api failed"),
                                           QStringLiteral("github acme/web failed")}));
    for (const WebhookRegistration &result : report.results) {
        QVERIFY2(result.retryAfter > before, qPrintable(result.message));
        QVERIFY(result.retryAfter <= before.addSecs(3601));
    }
    // acme/api was not asked once the limit was known.
    QCOMPARE(m_gitHub->requestLog().count(), 2);
    QVERIFY(m_gitHub->hooks().isEmpty());
    QVERIFY(m_clickUp->hooks().isEmpty());
}

void TestWebhookRegistrar::badUrlSendsNothing()
{
    QVERIFY(m_settings->setWebhookRegisteredUrls({One}));
    for (const QString &bad :
         {QString(), QStringLiteral("ftp://example.net"),
          QStringLiteral("https://example.net/?x=1"), QStringLiteral("example.net")}) {
        const WebhookRegistrationReport report = registerAt(QUrl(bad));
        QVERIFY2(!report.ok(), qPrintable(bad));
        QCOMPARE(report.results.size(), 1);
        QVERIFY(report.results.first().message.contains(QLatin1String("public URL")));
    }
    QCOMPARE(m_clickUp->requestLog().count(), 0);
    QCOMPARE(m_gitHub->requestLog().count(), 0);
    QCOMPARE(m_settings->webhookRegisteredUrls(), QList<QUrl>{One});
}

void TestWebhookRegistrar::sourcesNotSetUp()
{
    m_registrar->setClients(nullptr, nullptr);
    const WebhookRegistrationReport report = registerAt(One);
    QVERIFY(report.ok());
    QCOMPARE(summary(report),
             QStringList({QStringLiteral("clickup none"), QStringLiteral("github none")}));
    for (const WebhookRegistration &result : report.results)
        QVERIFY(result.message.contains(QLatin1String("not set up")));
    QCOMPARE(m_clickUp->requestLog().count() + m_gitHub->requestLog().count(), 0);
}

void TestWebhookRegistrar::noClickUpWorkspace()
{
    Settings fresh(m_dir->filePath(QStringLiteral("other.ini")));
    QVERIFY(fresh.setClickUpBaseUrl(m_clickUp->baseUrl()));
    QVERIFY(fresh.setGitHubBaseUrl(m_gitHub->baseUrl()));
    QVERIFY(fresh.setGitHubRepos({Web}));
    WebhookRegistrar registrar(&fresh, m_secrets.get(), m_store.get());
    registrar.setClients(m_clickUpClient.get(), m_gitHubClient.get());
    std::optional<WebhookRegistrationReport> report;
    connect(&registrar, &WebhookRegistrar::finished, this,
            [&report](const WebhookRegistrationReport &r) { report = r; });
    registrar.registerHooks(One);
    QTRY_VERIFY(report.has_value());
    QCOMPARE(summary(*report), QStringList({QStringLiteral("clickup failed"),
                                            QStringLiteral("github acme/web created")}));
    QVERIFY(report->results.first().message.contains(QLatin1String("teamId")) ||
            report->results.last().message.contains(QLatin1String("teamId")));
    QCOMPARE(m_clickUp->requestLog().count(), 0);
}

void TestWebhookRegistrar::callsDuringARunRunAfterIt()
{
    QList<WebhookRegistrationReport> reports;
    connect(m_registrar.get(), &WebhookRegistrar::finished, this,
            [&reports](const WebhookRegistrationReport &r) { reports.append(r); });
    m_registrar->registerHooks(One);
    QVERIFY(m_registrar->isRunning());
    m_registrar->registerHooks(Two);
    m_registrar->registerHooks(Three); // the latest call wins
    QTRY_COMPARE(reports.size(), 2);
    QCOMPARE(reports.at(0).publicUrl, One);
    QCOMPARE(reports.at(1).publicUrl, Three);
    QVERIFY(reports.at(1).ok());
    QVERIFY(!m_registrar->isRunning());
    verifyRegisteredAt(Three);
    QCOMPARE(m_clickUp->hooks().size(), 1);
    QCOMPARE(m_gitHub->hooks().size(), 2);
}

QTEST_GUILESS_MAIN(TestWebhookRegistrar)
#include "tst_webhookregistrar.moc"
