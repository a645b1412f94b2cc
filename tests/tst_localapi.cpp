#include "SimClient.h"
#include "TestTasks.h"

#include "appcore/ApiToken.h"
#include "appcore/AppCore.h"
#include "appcore/LocalApi.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sim/SimGitHub.h"
#include "sync/OutboxProcessor.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QNetworkInterface>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::TestTasks;

namespace {
const QByteArray GitHubWebhookSecret = "github-secret";
} // namespace

// The local API on an app core whose GitHub is the simulator: every endpoint, its errors,
// the token and loopback rules, and how a write's answer waits for the source.
class TestLocalApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void tokenAndLoopbackOnly();
    void refusedFromAnotherMachineWhenBoundWider();
    void readEndpoints();
    void tasksFilters();
    void errorsAreJsonDetails();
    void doneCommentsCompletesAndGivesTheNext();
    void doneWithoutWaitAnswersAtOnce();
    void completedExternally();
    void refusedBySourceIs502();
    void notSentInTimeIs202();
    void commentAndCreate();
    void outboxRetryAndDiscard();
    void skipAndMorning();
    void entities();

private:
    Reply call(const QByteArray &verb, const QString &path, const QByteArray &body = {},
               const QByteArray &token = "default");
    QJsonObject json(const Reply &reply) const { return object(reply); }

    const QString m_repo = QStringLiteral("acme/web");
    std::unique_ptr<Sim::SimGitHub> m_gitHub;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppCore> m_core;
    QNetworkAccessManager m_manager;
    QByteArray m_token;
    quint16 m_port = 0;
};

void TestLocalApi::init()
{
    m_gitHub = std::make_unique<Sim::SimGitHub>();
    QVERIFY(m_gitHub->listen() > 0);
    m_gitHub->addUser(QStringLiteral("me"), QStringLiteral("ghp_api"));
    m_gitHub->addRepo(m_repo);
    for (int number : {1, 2})
        m_gitHub->addIssue({.repo = m_repo,
                            .number = number,
                            .title = QStringLiteral("Issue %1").arg(number),
                            .author = QStringLiteral("bob"),
                            .assignees = {QStringLiteral("me")}});
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_api");
    // The environment's secrets win over the keychain, which other tests may be writing to.
    qputenv("UPNEXT_CLICKUP_WEBHOOK_SECRET", "clickup-secret");
    qputenv("UPNEXT_GITHUB_WEBHOOK_SECRET", GitHubWebhookSecret);
    m_dir = std::make_unique<QTemporaryDir>();
    const Profile profile(m_dir->path());
    {
        Settings settings(profile.settingsPath());
        QVERIFY(settings.setGitHubBaseUrl(m_gitHub->baseUrl()) &&
                settings.setGitHubCreateRepo(m_repo) && settings.sync());
        QFile entities(profile.entitiesPath());
        QVERIFY(entities.open(QIODevice::WriteOnly));
        entities.write(
            R"([{"id":"acme","name":"Acme Corp","revenue":true,"weight":2,"aliases":["acmecorp"]}])");
    }
    m_core = std::make_unique<AppCore>(profile);
    QString error;
    QVERIFY2(m_core->open(&error), qPrintable(error));
    Task one = gitHub(m_repo, 1, QStringLiteral("Issue 1"), 50);
    one.entity = QStringLiteral("acme");
    one.isRevenue = true;
    Task two = gitHub(m_repo, 2, QStringLiteral("Issue 2"), 10);
    Task ghost = gitHub(QStringLiteral("ghost/gone"), 7, QStringLiteral("Gone"), 1);
    Task list = clickUp(QStringLiteral("c1"), QStringLiteral("In ClickUp"), 5);
    Task closed = gitHub(m_repo, 9, QStringLiteral("Closed long ago"), 0);
    closed.status = TaskStatus::Done;
    QVERIFY(m_core->store()->upsert({one, two, ghost, list, closed}));
    QSignalSpy loaded(m_core.get(), &AppCore::sourcesLoaded);
    m_core->loadSources();
    QVERIFY(loaded.wait());
    m_core->processor()->start();
    QSignalSpy listening(m_core.get(), &AppCore::webhooksListening);
    m_core->startWebhooks(0);
    QVERIFY(listening.wait(30000));
    m_port = listening.first().first().value<quint16>();
    m_token = ApiToken::readFile(profile);
    QVERIFY(!m_token.isEmpty());
}

void TestLocalApi::cleanup()
{
    m_core.reset();
    m_dir.reset();
    m_gitHub.reset();
    qunsetenv("UPNEXT_GITHUB_TOKEN");
    qunsetenv("UPNEXT_CLICKUP_WEBHOOK_SECRET");
    qunsetenv("UPNEXT_GITHUB_WEBHOOK_SECRET");
}

Reply TestLocalApi::call(const QByteArray &verb, const QString &path, const QByteArray &body,
                         const QByteArray &token)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!token.isEmpty())
        headers.append(std::pair(QByteArray("Authorization"),
                                 QByteArray("Bearer " + (token == "default" ? m_token : token))));
    if (!body.isEmpty())
        headers.append(std::pair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send(m_manager, verb,
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)), headers, body);
}

void TestLocalApi::tokenAndLoopbackOnly()
{
    // Where upnext-cli finds it.
    QFile port(ApiToken::portPath(Profile(m_dir->path())));
    QVERIFY(port.open(QIODevice::ReadOnly));
    QCOMPARE(port.readAll().trimmed().toUShort(), m_port);

    QCOMPARE(call("GET", QStringLiteral("/health"), {}, {}).status, 401);
    const Reply wrong = call("GET", QStringLiteral("/health"), {}, "not-the-token");
    QCOMPARE(wrong.status, 401);
    QVERIFY(!json(wrong).value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(call("GET", QStringLiteral("/health"), {}, m_token + "x").status, 401);
    QCOMPARE(call("GET", QStringLiteral("/health")).status, 200);
    // The webhooks need no token (they have their signatures): this one is signed, but lacks
    // its event header.
    const QByteArray body = "{}";
    const QByteArray signature =
        QMessageAuthenticationCode::hash(body, GitHubWebhookSecret, QCryptographicHash::Sha256)
            .toHex();
    const Reply unnamed = send(
        m_manager, "POST", QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/github").arg(m_port)),
        {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", "sha256=" + signature}},
        body);
    QCOMPARE(unnamed.status, 400);
    QCOMPARE(json(unnamed).value(QStringLiteral("detail")).toString(),
             QStringLiteral("No X-GitHub-Event header"));

    HttpRequest request;
    request.headers.insert("authorization", "Bearer " + m_token);
    for (const char *peer : {"192.168.1.5", "10.0.0.1", "::ffff:192.168.1.5", "2001:db8::1"}) {
        request.peer = QHostAddress(QString::fromLatin1(peer));
        const std::optional<HttpAnswer> refused = m_core->api()->refusal(request);
        QVERIFY2(refused && refused->status == 403, peer);
    }
    for (const char *peer : {"127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"}) {
        request.peer = QHostAddress(QString::fromLatin1(peer));
        QVERIFY2(!m_core->api()->refusal(request), peer);
    }
    // Stopping removes the port file: no one looks for an API that went.
    m_core.reset();
    QVERIFY(!QFile::exists(ApiToken::portPath(Profile(m_dir->path()))));
}

// Listening on every address for webhooks (with both secrets set) does not open the API: a
// request from another address of this machine's network is refused, the token alone is not
// enough.
void TestLocalApi::refusedFromAnotherMachineWhenBoundWider()
{
    QHostAddress outside;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            outside = address;
    }
    if (outside.isNull())
        QSKIP("This machine has no address besides loopback");
    // Both webhook secrets are set (init()): binding wider is allowed.
    QTemporaryDir dir;
    const Profile profile(dir.path());
    {
        QSettings ini(profile.settingsPath(), QSettings::IniFormat);
        ini.setValue(QStringLiteral("webhooks/address"), QStringLiteral("0.0.0.0"));
    }
    AppCore wide(profile);
    QString error;
    QVERIFY2(wide.open(&error), qPrintable(error));
    QSignalSpy listening(&wide, &AppCore::webhooksListening);
    wide.startWebhooks(0);
    QVERIFY(listening.wait(30000));
    const quint16 port = listening.first().first().value<quint16>();
    const QByteArray token = ApiToken::readFile(profile);
    const auto get = [&](const QHostAddress &host) {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(host.toString());
        url.setPort(port);
        url.setPath(QStringLiteral("/next"));
        return send(m_manager, "GET", url, {{"Authorization", "Bearer " + token}});
    };
    QCOMPARE(get(QHostAddress(QHostAddress::LocalHost)).status, 404); // nothing to do, but served
    const Reply refused = get(outside);
    QCOMPARE(refused.status, 403);
    QVERIFY(!json(refused).value(QStringLiteral("detail")).toString().isEmpty());
}

void TestLocalApi::readEndpoints()
{
    const Reply health = call("GET", QStringLiteral("/health"));
    QCOMPARE(json(health).value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(json(health).value(QStringLiteral("open_tasks")).toInt(), 4);

    const Reply next = call("GET", QStringLiteral("/next"));
    QCOMPARE(next.status, 200);
    const QJsonObject task = json(next);
    QCOMPARE(task.value(QStringLiteral("id")).toString(), QStringLiteral("github:acme/web#1"));
    QCOMPARE(task.value(QStringLiteral("client")).toString(), QStringLiteral("Acme Corp"));
    QCOMPARE(task.value(QStringLiteral("source")).toString(), QStringLiteral("github"));
    const QJsonArray breakdown = task.value(QStringLiteral("score_breakdown")).toArray();
    QVERIFY(!breakdown.isEmpty());
    double sum = 0;
    for (const QJsonValue &part : breakdown) {
        QVERIFY(!part[QStringLiteral("key")].toString().isEmpty());
        QVERIFY(!part[QStringLiteral("label")].toString().isEmpty());
        sum += part[QStringLiteral("points")].toDouble();
    }
    QCOMPARE(sum, task.value(QStringLiteral("score")).toDouble());

    const Reply one = call("GET", QStringLiteral("/tasks/github%3Aacme%2Fweb%232"));
    QCOMPARE(one.status, 200);
    QCOMPARE(json(one).value(QStringLiteral("title")).toString(), QStringLiteral("Issue 2"));

    // A sync waited for says how each source went; one not waited for has only begun.
    const Reply synced = call("POST", QStringLiteral("/sync?wait=20"));
    QCOMPARE(synced.status, 200);
    QVERIFY(json(synced).value(QStringLiteral("success")).toBool());
    const QJsonArray sources = json(synced).value(QStringLiteral("sources")).toArray();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first()[QStringLiteral("source")].toString(), QStringLiteral("github"));
    QVERIFY(sources.first()[QStringLiteral("error")].isNull());
    QCOMPARE(call("POST", QStringLiteral("/sync")).status, 202);

    const Reply status = call("GET", QStringLiteral("/status"));
    QCOMPARE(status.status, 200);
    QVERIFY(json(status).value(QStringLiteral("webhooks"))[QStringLiteral("listening")].toBool());
    QCOMPARE(json(status).value(QStringLiteral("webhooks"))[QStringLiteral("port")].toInt(),
             m_port);
    QCOMPARE(json(status).value(QStringLiteral("sources")).toArray().size(), 1);
    QVERIFY(json(status).value(QStringLiteral("outbox")).isObject());
    QVERIFY(json(status).value(QStringLiteral("rate_limits")).isArray());
}

void TestLocalApi::tasksFilters()
{
    const auto ids = [this](const QString &query) {
        QStringList found;
        const Reply reply = call("GET", QStringLiteral("/tasks") + query);
        for (const QJsonValue &task : array(reply))
            found.append(task[QStringLiteral("id")].toString());
        return found;
    };
    QCOMPARE(ids({}),
             (QStringList{QStringLiteral("github:acme/web#1"), QStringLiteral("github:acme/web#2"),
                          QStringLiteral("clickup:c1"), QStringLiteral("github:ghost/gone#7")}));
    QCOMPARE(ids(QStringLiteral("?source=clickup")), QStringList{QStringLiteral("clickup:c1")});
    QCOMPARE(ids(QStringLiteral("?status=done")), QStringList{QStringLiteral("github:acme/web#9")});
    QCOMPARE(ids(QStringLiteral("?entity=acmecorp")),
             QStringList{QStringLiteral("github:acme/web#1")});
    QCOMPARE(ids(QStringLiteral("?status=all&limit=2")).size(), 2);
    QCOMPARE(call("GET", QStringLiteral("/tasks?status=later")).status, 400);
    QCOMPARE(call("GET", QStringLiteral("/tasks?source=jira")).status, 400);
    QCOMPARE(call("GET", QStringLiteral("/tasks?limit=0")).status, 400);
}

void TestLocalApi::errorsAreJsonDetails()
{
    const auto detail = [this](const Reply &reply) {
        return json(reply).value(QStringLiteral("detail")).toString();
    };
    // No current task (the service makes one current as soon as tasks come in).
    QVERIFY(m_core->store()->clearCurrentTask());
    Reply reply = call("POST", QStringLiteral("/done"));
    QCOMPARE(reply.status, 400);
    QCOMPARE(detail(reply), QStringLiteral("No current task"));
    QCOMPARE(call("POST", QStringLiteral("/skip")).status, 400);
    QCOMPARE(call("GET", QStringLiteral("/next")).status, 200);
    QCOMPARE(call("POST", QStringLiteral("/done"), "not json").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/done"), R"({"comment": 3})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/done"), R"({"comment": "  "})").status, 400);
    QCOMPARE(call("POST", QStringLiteral("/done?wait=soon")).status, 400);
    reply = call("POST", QStringLiteral("/tasks/nonsense/complete"));
    QCOMPARE(reply.status, 400);
    QVERIFY(detail(reply).contains(QStringLiteral("Invalid task id")));
    QCOMPARE(call("POST", QStringLiteral("/tasks/github%3Aacme%2Fweb%2399/complete")).status, 404);
    QCOMPARE(call("POST", QStringLiteral("/tasks/github%3Aacme%2Fweb%239/complete")).status, 400);
    QCOMPARE(
        call("POST", QStringLiteral("/tasks/clickup%3Ac1/comment"), R"({"comment":""})").status,
        400);
    QCOMPARE(call("POST", QStringLiteral("/tasks/clickup%3Ac1/comment"), "[]").status, 400);
    QCOMPARE(call("GET", QStringLiteral("/nowhere")).status, 404);
    QCOMPARE(call("DELETE", QStringLiteral("/next")).status, 405);
    QCOMPARE(call("GET", QStringLiteral("/entities/nobody")).status, 404);
    QCOMPARE(call("POST", QStringLiteral("/outbox/abc/retry")).status, 400);
    QCOMPARE(call("DELETE", QStringLiteral("/outbox/999")).status, 404);
    // Ids that climb out of their place, and JSON nested deeper than any request needs.
    for (const char *path :
         {"/tasks/..%2F..%2Fsettings.ini/complete", "/tasks/github%3Aacme%2F..%231/complete",
          "/tasks/clickup%3A..%2Fteam/comment"})
        QVERIFY2(QList<int>({400, 404}).contains(call("POST", QString::fromLatin1(path)).status),
                 path);
    QCOMPARE(call("GET", QStringLiteral("/entities/..%2Fsettings.ini")).status, 404);
    QCOMPARE(call("POST", QStringLiteral("/done"),
                  R"({"comment":)" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}")
                 .status,
             400);
    // Over the body limit, before the body is read.
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token +
                 "\r\nContent-Type: application/json\r\nContent-Length: 6000000\r\n\r\n{");
    QTRY_VERIFY(answer.contains("\r\n\r\n"));
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    // Nothing above changed a thing.
    QVERIFY(m_core->outbox()->entries().isEmpty());
}

void TestLocalApi::doneCommentsCompletesAndGivesTheNext()
{
    QCOMPARE(call("GET", QStringLiteral("/next")).status, 200);
    const Reply reply =
        call("POST", QStringLiteral("/done?wait=20"), R"({"comment":"Fixed in 1.2"})");
    QCOMPARE(reply.status, 200);
    const QJsonObject answer = json(reply);
    QVERIFY(answer.value(QStringLiteral("success")).toBool());
    QCOMPARE(answer.value(QStringLiteral("message")).toString(),
             QStringLiteral("Completed: “Issue 1”"));
    QCOMPARE(answer.value(QStringLiteral("completed_task_id")).toString(),
             QStringLiteral("github:acme/web#1"));
    QCOMPARE(answer.value(QStringLiteral("next_task"))[QStringLiteral("id")].toString(),
             QStringLiteral("github:acme/web#2"));
    QCOMPARE(answer.value(QStringLiteral("outbox"))[QStringLiteral("state")].toString(),
             QStringLiteral("confirmed"));
    QVERIFY(answer.value(QStringLiteral("outbox"))[QStringLiteral("id")].toInteger() > 0);
    QCOMPARE(m_gitHub->issue(m_repo, 1)->state, QStringLiteral("closed"));
    QCOMPARE(m_gitHub->comments(m_repo, 1).size(), 1);
    QCOMPARE(m_gitHub->comments(m_repo, 1).constFirst().body, QStringLiteral("Fixed in 1.2"));
}

void TestLocalApi::doneWithoutWaitAnswersAtOnce()
{
    QCOMPARE(call("GET", QStringLiteral("/next")).status, 200);
    const Reply reply = call("POST", QStringLiteral("/done"));
    QCOMPARE(reply.status, 200);
    const QJsonObject outbox = json(reply).value(QStringLiteral("outbox")).toObject();
    QCOMPARE(outbox.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    QVERIFY(outbox.value(QStringLiteral("id")).toInteger() > 0);
    // It goes anyway.
    QTRY_COMPARE(m_gitHub->issue(m_repo, 1)->state, QStringLiteral("closed"));
}

void TestLocalApi::completedExternally()
{
    m_gitHub->closeIssue(m_repo, 2, QStringLiteral("bob"));
    const Reply reply =
        call("POST", QStringLiteral("/tasks/github%3Aacme%2Fweb%232/complete?wait=20"));
    QCOMPARE(reply.status, 200);
    QVERIFY(json(reply).value(QStringLiteral("success")).toBool());
    QCOMPARE(json(reply).value(QStringLiteral("message")).toString(),
             QStringLiteral("Completed: “Issue 2” (completed externally)"));
    QCOMPARE(json(reply).value(QStringLiteral("completed_task_id")).toString(),
             QStringLiteral("github:acme/web#2"));
}

void TestLocalApi::refusedBySourceIs502()
{
    const Reply reply =
        call("POST", QStringLiteral("/tasks/github%3Aghost%2Fgone%237/complete?wait=20"));
    QCOMPARE(reply.status, 502);
    QVERIFY2(json(reply)
                 .value(QStringLiteral("detail"))
                 .toString()
                 .startsWith(QStringLiteral("GitHub error: 404")),
             reply.body.constData());
    QCOMPARE(json(reply).value(QStringLiteral("outbox"))[QStringLiteral("state")].toString(),
             QStringLiteral("failed"));
}

void TestLocalApi::notSentInTimeIs202()
{
    // No ClickUp token here: the completion waits in the outbox.
    const Reply reply = call("POST", QStringLiteral("/tasks/clickup%3Ac1/complete?wait=1"));
    QCOMPARE(reply.status, 202);
    QVERIFY(json(reply).value(QStringLiteral("success")).toBool());
    const QJsonObject outbox = json(reply).value(QStringLiteral("outbox")).toObject();
    QCOMPARE(outbox.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(outbox.value(QStringLiteral("task_id")).toString(), QStringLiteral("clickup:c1"));
    QCOMPARE(m_core->outbox()->entries().size(), 1);
}

void TestLocalApi::commentAndCreate()
{
    Reply reply = call("POST", QStringLiteral("/tasks/github%3Aacme%2Fweb%232/comment?wait=20"),
                       R"({"comment":"On it"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(json(reply).value(QStringLiteral("message")).toString(),
             QStringLiteral("Comment added to “Issue 2”"));
    QCOMPARE(m_gitHub->comments(m_repo, 2).size(), 1);

    reply = call("POST", QStringLiteral("/tasks?wait=20"),
                 R"({"title":"Write the docs","entity":"acme","description":"All of them"})");
    QCOMPARE(reply.status, 200);
    const QJsonObject task = json(reply).value(QStringLiteral("task")).toObject();
    QCOMPARE(task.value(QStringLiteral("title")).toString(), QStringLiteral("Write the docs"));
    QVERIFY2(
        task.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("github:acme/web#")),
        reply.body.constData());
    QVERIFY(!Task::isLocalId(task.value(QStringLiteral("id")).toString()));
    QCOMPARE(m_gitHub->issue(m_repo, 3)->title, QStringLiteral("[CLIENT:acme] Write the docs"));

    // Over GitHub's limit, or nowhere to go: refused here, nothing queued.
    reply =
        call("POST", QStringLiteral("/tasks"),
             QJsonDocument(QJsonObject{{QStringLiteral("title"), QString(300, u'x')}}).toJson());
    QCOMPARE(reply.status, 400);
    QCOMPARE(
        call("POST", QStringLiteral("/tasks"), R"({"title":"x","repo":"a/b","list":"1"})").status,
        400);
    QCOMPARE(call("POST", QStringLiteral("/tasks"), R"({"title":"x","source":"jira"})").status,
             400);
    QCOMPARE(call("POST", QStringLiteral("/tasks"), R"({"title":"x","source":"clickup"})").status,
             400);
    QCOMPARE(call("POST", QStringLiteral("/tasks"), R"({"title":""})").status, 400);
    QVERIFY(m_core->outbox()->entries().isEmpty());
}

void TestLocalApi::outboxRetryAndDiscard()
{
    QCOMPARE(
        call("POST", QStringLiteral("/tasks/github%3Aghost%2Fgone%237/complete?wait=20")).status,
        502);
    const QJsonArray entries = array(call("GET", QStringLiteral("/outbox")));
    QCOMPARE(entries.size(), 1);
    const qint64 id = entries.first()[QStringLiteral("id")].toInteger();
    QCOMPARE(entries.first()[QStringLiteral("state")].toString(), QStringLiteral("failed"));
    QCOMPARE(entries.first()[QStringLiteral("kind")].toString(), QStringLiteral("complete"));
    QVERIFY(entries.first()[QStringLiteral("last_error")].toString().startsWith(
        QStringLiteral("GitHub error: 404")));

    QSignalSpy failed(m_core->processor(), &OutboxProcessor::failed);
    Reply reply = call("POST", QStringLiteral("/outbox/%1/retry").arg(id));
    QCOMPARE(reply.status, 200);
    QVERIFY(failed.wait());
    reply = call("DELETE", QStringLiteral("/outbox/%1").arg(id));
    QCOMPARE(reply.status, 200);
    QVERIFY(json(reply).value(QStringLiteral("success")).toBool());
    QVERIFY(array(call("GET", QStringLiteral("/outbox"))).isEmpty());
}

void TestLocalApi::skipAndMorning()
{
    QCOMPARE(call("GET", QStringLiteral("/next")).status, 200);
    const Reply skipped = call("POST", QStringLiteral("/skip"));
    QCOMPARE(skipped.status, 200);
    QCOMPARE(json(skipped).value(QStringLiteral("message")).toString(),
             QStringLiteral("Skipped: “Issue 1”"));
    QCOMPARE(json(skipped).value(QStringLiteral("next_task"))[QStringLiteral("id")].toString(),
             QStringLiteral("github:acme/web#2"));

    const Reply morning = call("GET", QStringLiteral("/morning"));
    QCOMPARE(morning.status, 200);
    for (const char *key :
         {"top_tasks", "overdue", "due_today", "changed_elsewhere", "failed_writes"})
        QVERIFY2(json(morning).value(QLatin1String(key)).isArray(), key);
    QVERIFY(!json(morning).value(QStringLiteral("top_tasks")).toArray().isEmpty());
}

void TestLocalApi::entities()
{
    const QJsonArray all = array(call("GET", QStringLiteral("/entities")));
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first()[QStringLiteral("name")].toString(), QStringLiteral("Acme Corp"));
    QVERIFY(all.first()[QStringLiteral("is_revenue")].toBool());

    const Reply one = call("GET", QStringLiteral("/entities/acmecorp"));
    QCOMPARE(one.status, 200);
    QCOMPARE(json(one).value(QStringLiteral("id")).toString(), QStringLiteral("acme"));
    QCOMPARE(json(one).value(QStringLiteral("open_tasks")).toArray().size(), 1);

    QFile file(m_core->profile().entitiesPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id":"acme","name":"Acme"},{"id":"globex","name":"Globex"}])");
    file.close();
    const Reply reloaded = call("POST", QStringLiteral("/entities/reload"));
    QCOMPARE(reloaded.status, 200);
    QCOMPARE(json(reloaded).value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(array(call("GET", QStringLiteral("/entities"))).size(), 2);
}

QTEST_GUILESS_MAIN(TestLocalApi)
#include "tst_localapi.moc"
