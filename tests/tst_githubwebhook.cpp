#include "ProfileFixture.h"
#include "SimClient.h"

#include "core/WebhookLog.h"
#include "server/GitHubWebhook.h"
#include "server/WebhookServer.h"
#include "server/WebhookSignature.h"
#include "sim/SimGitHub.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace UpNext::Test;
using namespace UpNext::TestSim;

namespace {

const QByteArray Token = "ghp_webhooktest";
const QByteArray Secret = "It's a Secret to Everybody";
const QString Repo = QStringLiteral("acme/web");

} // namespace

// The GitHub receiver on the real server, fed by the simulated GitHub's signed deliveries.
class TestGitHubWebhook : public QObject, public ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signatureVector();
    void pingOnHookCreation();
    void teammateCloseReachesTheFeed();
    void assignedToTheUserIsAdded();
    void unassignedLeavesTheList();
    void commentIsActivity();
    void deletedLeaves();
    void transferredTakesItsNewId();
    void ownChangeIsMarked();
    void echoOfAPendingWriteIsOwn();
    void redeliveryAppliedOnce();
    void redeliveryAcrossRestart();
    void olderEventNeverRollsBack();
    void pendingCompletionWins();
    void formEncodedBody();
    void replayUnderANewDeliveryIdChangesNothing();
    void refusedInput_data();
    void refusedInput();
    void untrackedIsIgnored_data();
    void untrackedIsIgnored();

private:
    void startServer();
    // Registers a hook at the receiver (content type json or form); waits for its ping.
    void addHook(const QString &contentType = QStringLiteral("json"));
    // Sends a delivery to the receiver, signed with secret unless it is empty.
    Reply post(const QByteArray &body, const QByteArray &event, const QByteArray &delivery,
               const QByteArray &secret = Secret,
               const QByteArray &contentType = "application/json");
    // The last delivery the simulator sent.
    SimWebhookSender::Delivery lastDelivery() const;
    QUrl hookUrl() const;

    std::unique_ptr<SimGitHub> m_sim;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<WebhookServer> m_server;
    QNetworkAccessManager m_manager;
};

void TestGitHubWebhook::init()
{
    QVERIFY(openProfile());
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), QString::fromLatin1(Token));
    m_sim->addRepo(Repo);
    for (int number : {1, 2})
        m_sim->addIssue({.repo = Repo,
                         .number = number,
                         .title = QStringLiteral("Issue %1").arg(number),
                         .author = QStringLiteral("bob"),
                         .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = Repo,
                     .number = 3,
                     .title = QStringLiteral("Bob's"),
                     .author = QStringLiteral("bob"),
                     .assignees = {QStringLiteral("bob")}});
    // What a sync stored before: issues 1 and 2, older than the simulator's versions.
    QVERIFY(m_store->upsert({TestTasks::gitHub(Repo, 1, QStringLiteral("Issue 1")),
                             TestTasks::gitHub(Repo, 2, QStringLiteral("Issue 2"))}));
    startServer();
}

void TestGitHubWebhook::startServer()
{
    m_server.reset();
    m_engine = std::make_unique<SyncEngine>(m_store.get(), nullptr);
    m_engine->setOutbox(m_outbox.get());
    m_engine->setClock(&m_clock);
    QVERIFY(m_engine->state()->setValue(Sources::GitHub, QStringLiteral("login"),
                                        QStringLiteral("me")));
    m_server = std::make_unique<WebhookServer>(
        WebhookReceiver::Parts{m_store.get(), m_engine.get(), nullptr, nullptr, &m_clock});
    m_server->setSecrets({}, Secret);
    QString error;
    QVERIFY2(m_server->listen(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
}

void TestGitHubWebhook::cleanup()
{
    m_server.reset();
    m_engine.reset();
    m_sim.reset();
    closeProfile();
}

QUrl TestGitHubWebhook::hookUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/github").arg(m_server->port()));
}

void TestGitHubWebhook::addHook(const QString &contentType)
{
    const QJsonObject hook{{QStringLiteral("name"), QStringLiteral("web")},
                           {QStringLiteral("events"),
                            QJsonArray{QStringLiteral("issues"), QStringLiteral("issue_comment")}},
                           {QStringLiteral("config"),
                            QJsonObject{{QStringLiteral("url"), hookUrl().toString()},
                                        {QStringLiteral("content_type"), contentType},
                                        {QStringLiteral("secret"), QString::fromLatin1(Secret)}}}};
    const Reply reply = send(
        m_manager, "POST", m_sim->baseUrl().resolved(QUrl(QStringLiteral("/repos/acme/web/hooks"))),
        {{"Authorization", "Bearer " + Token}}, QJsonDocument(hook).toJson());
    QCOMPARE(reply.status, 201);
    QTRY_COMPARE(m_sim->webhooks().pending(), 0);
    QCOMPARE(m_sim->webhooks().deliveries().last().status, 200); // the ping
}

SimWebhookSender::Delivery TestGitHubWebhook::lastDelivery() const
{
    return m_sim->webhooks().deliveries().last();
}

Reply TestGitHubWebhook::post(const QByteArray &body, const QByteArray &event,
                              const QByteArray &delivery, const QByteArray &secret,
                              const QByteArray &contentType)
{
    QList<std::pair<QByteArray, QByteArray>> headers = {
        {"Content-Type", contentType}, {"X-GitHub-Event", event}, {"X-GitHub-Delivery", delivery}};
    if (!secret.isEmpty())
        headers.append({"X-Hub-Signature-256", "sha256=" + WebhookSignature::sign(secret, body)});
    return send(m_manager, "POST", hookUrl(), headers, body);
}

void TestGitHubWebhook::signatureVector()
{
    // GitHub's documented example.
    const QByteArray expected = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    QCOMPARE(WebhookSignature::sign(Secret, "Hello, World!"), expected);
    QVERIFY(WebhookSignature::matches(Secret, "Hello, World!", expected.toUpper()));
    QVERIFY(!WebhookSignature::matches(Secret, "Hello, World?", expected));
    QVERIFY(!WebhookSignature::matches(Secret, "Hello, World!", expected.left(63)));
    QVERIFY(!WebhookSignature::matches("other", "Hello, World!", expected));
}

void TestGitHubWebhook::pingOnHookCreation()
{
    addHook();
    QCOMPARE(lastDelivery().status, 200);
    QVERIFY(m_server->gitHub()->lastDelivery().isValid());
}

void TestGitHubWebhook::teammateCloseReachesTheFeed()
{
    addHook();
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    m_sim->closeIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(TestTasks::gitHub(Repo, 1, {}).id)->status, TaskStatus::Done);
    QTRY_COMPARE(lastDelivery().status, 200); // answered after the store took it
    QCOMPARE(feed.size(), 1);
    const auto changes = feed.at(0).at(0).value<TaskChanges>();
    QCOMPARE(changes.origin, ChangeOrigin::Webhook);
    QCOMPARE(changes.changed, QStringList{QStringLiteral("github:acme/web#1")});
    QCOMPARE(changes.external.size(), 1);
    const ExternalChange change = changes.external.first();
    QCOMPARE(change.actor, QStringLiteral("bob"));
    QVERIFY(!change.byUser);
    QVERIFY(change.fields.contains(
        FieldChange{FieldChange::Field::Status, QStringLiteral("todo"), QStringLiteral("done")}));
}

void TestGitHubWebhook::assignedToTheUserIsAdded()
{
    addHook();
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    m_sim->setAssignees(Repo, 3, {QStringLiteral("bob"), QStringLiteral("me")},
                        QStringLiteral("bob"));
    QTRY_VERIFY(m_store->task(QStringLiteral("github:acme/web#3")).has_value());
    QVERIFY(m_store->task(QStringLiteral("github:acme/web#3"))->assignedToMe);
    const auto changes = feed.last().at(0).value<TaskChanges>();
    QCOMPARE(changes.added, QStringList{QStringLiteral("github:acme/web#3")});
    // News for the user: who gave it to them.
    QCOMPARE(changes.external.size(), 1);
    QCOMPARE(changes.external.first().actor, QStringLiteral("bob"));
    QVERIFY(!changes.external.first().byUser);
    QCOMPARE(changes.external.first().fields,
             QList<FieldChange>({{FieldChange::Field::Assignee, QString(),
                                  m_store->task(QStringLiteral("github:acme/web#3"))->assignee}}));
}

void TestGitHubWebhook::unassignedLeavesTheList()
{
    addHook();
    m_sim->setAssignees(Repo, 2, {QStringLiteral("bob")}, QStringLiteral("bob"));
    QTRY_VERIFY(!m_store->task(QStringLiteral("github:acme/web#2"))->assignedToMe);
    QCOMPARE(m_store->openTaskCount(), 1);
}

void TestGitHubWebhook::commentIsActivity()
{
    addHook();
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    m_sim->addComment(Repo, 1, QStringLiteral("Any news?"), QStringLiteral("bob"));
    QTRY_COMPARE(feed.size(), 1);
    const auto changes = feed.at(0).at(0).value<TaskChanges>();
    QCOMPARE(changes.external.size(), 1);
    QVERIFY(changes.external.first().fields.contains(
        FieldChange{FieldChange::Field::Comments, QVariant(), QStringLiteral("Any news?")}));
    QVERIFY(m_store->task(QStringLiteral("github:acme/web#1"))->lastActivity >
            TestTasks::utc(2026, 3, 1));
}

void TestGitHubWebhook::deletedLeaves()
{
    addHook();
    m_sim->deleteIssue(Repo, 2, QStringLiteral("bob"));
    QTRY_VERIFY(!m_store->task(QStringLiteral("github:acme/web#2"))->assignedToMe);
}

void TestGitHubWebhook::transferredTakesItsNewId()
{
    m_sim->addRepo(QStringLiteral("acme/api"));
    addHook();
    const int number =
        m_sim->transferIssue(Repo, 1, QStringLiteral("acme/api"), QStringLiteral("bob"));
    QVERIFY(number > 0);
    const QString newId = QStringLiteral("github:acme/api#%1").arg(number);
    QTRY_VERIFY(m_store->task(newId).has_value());
    QVERIFY(!m_store->task(QStringLiteral("github:acme/web#1")).has_value());
}

void TestGitHubWebhook::ownChangeIsMarked()
{
    addHook();
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    m_sim->closeIssue(Repo, 1, QStringLiteral("me"));
    QTRY_COMPARE(feed.size(), 1);
    const auto changes = feed.at(0).at(0).value<TaskChanges>();
    QCOMPARE(changes.external.first().actor, QStringLiteral("me"));
    QVERIFY(changes.external.first().byUser);
}

void TestGitHubWebhook::echoOfAPendingWriteIsOwn()
{
    // Before a sync has kept the user's login, the pending write is what tells its echo apart.
    QVERIFY(m_engine->state()->setValue(Sources::GitHub, QStringLiteral("login"), QString()));
    addHook();
    startService();
    const QString id = TestTasks::gitHub(Repo, 1, {}).id;
    QVERIFY(m_service->complete(id, m_clock.now()).ok());
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    m_sim->issue(Repo, 1)->title = QStringLiteral("Issue 1, done");
    m_sim->closeIssue(Repo, 1, QStringLiteral("me"));
    QTRY_COMPARE(feed.size(), 1);
    const auto changes = feed.at(0).at(0).value<TaskChanges>();
    QCOMPARE(changes.origin, ChangeOrigin::Webhook);
    QCOMPARE(changes.external.size(), 1);
    QCOMPARE(changes.external.first().taskId, id);
    QVERIFY(changes.external.first().byUser);
}

void TestGitHubWebhook::redeliveryAppliedOnce()
{
    addHook();
    m_sim->closeIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
    const SimWebhookSender::Delivery closed = lastDelivery();
    QByteArray delivery;
    for (const auto &[name, value] : closed.headers) {
        if (name.compare("X-GitHub-Delivery", Qt::CaseInsensitive) == 0)
            delivery = value;
    }
    QVERIFY(!delivery.isEmpty());
    // Reopened here meanwhile (as a later event would): the old delivery again changes nothing.
    QVERIFY(m_store->setStatus(QStringLiteral("github:acme/web#1"), TaskStatus::Todo));
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    const Reply again = post(closed.body, "issues", delivery);
    QCOMPARE(again.status, 200);
    QCOMPARE(object(again).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(feed.size(), 0);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
}

void TestGitHubWebhook::redeliveryAcrossRestart()
{
    addHook();
    m_sim->closeIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
    const QByteArray body = lastDelivery().body;
    QByteArray delivery;
    for (const auto &[name, value] : lastDelivery().headers) {
        if (name.compare("X-GitHub-Delivery", Qt::CaseInsensitive) == 0)
            delivery = value;
    }
    m_server.reset();
    m_engine.reset();
    QVERIFY(reopenProfile());
    startServer();
    QVERIFY(m_store->setStatus(QStringLiteral("github:acme/web#1"), TaskStatus::Todo));
    QCOMPARE(post(body, "issues", delivery).status, 200);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
    // Kept a day at least, then forgotten.
    QVERIFY(m_server->log()->seen(Sources::GitHub, QString::fromLatin1(delivery)));
    m_clock.advance((WebhookLog::KeepHours + 1) * 3600);
    QVERIFY(m_server->log()->add(Sources::GitHub, {QStringLiteral("another")}, m_clock.now()));
    QVERIFY(!m_server->log()->seen(Sources::GitHub, QString::fromLatin1(delivery)));
}

void TestGitHubWebhook::olderEventNeverRollsBack()
{
    addHook();
    m_sim->closeIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
    // An "opened" event from before the close arrives late.
    QJsonObject payload = QJsonDocument::fromJson(lastDelivery().body).object();
    QJsonObject issue = payload.value(QStringLiteral("issue")).toObject();
    issue.insert(QStringLiteral("state"), QStringLiteral("open"));
    issue.insert(QStringLiteral("updated_at"), QStringLiteral("2026-03-05T10:00:00Z"));
    payload.insert(QStringLiteral("issue"), issue);
    payload.insert(QStringLiteral("action"), QStringLiteral("reopened"));
    QCOMPARE(post(QJsonDocument(payload).toJson(), "issues", "late-1").status, 200);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
}

void TestGitHubWebhook::pendingCompletionWins()
{
    addHook();
    startService();
    QVERIFY(m_service->complete(QStringLiteral("github:acme/web#1"), m_clock.now()).ok());
    // A teammate's edit (still open at the source) arrives before the completion is sent.
    m_sim->issue(Repo, 1)->title = QStringLiteral("Issue 1, renamed");
    m_sim->addComment(Repo, 1, QStringLiteral("Renamed it"), QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->title,
                 QStringLiteral("Issue 1, renamed"));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
}

void TestGitHubWebhook::formEncodedBody()
{
    addHook(QStringLiteral("form"));
    m_sim->closeIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);

    // Built by hand too, with '+' for spaces as forms have them.
    QJsonObject payload = QJsonDocument::fromJson(R"({"action":"edited","issue":{"number":2,
        "title":"Renamed by form","state":"open","assignees":[{"login":"me"}],
        "updated_at":"2026-11-01T10:00:00Z"},"repository":{"full_name":"acme/web"},
        "sender":{"login":"bob"}})")
                              .object();
    const QByteArray form = "payload=" + QJsonDocument(payload)
                                             .toJson(QJsonDocument::Compact)
                                             .toPercentEncoding()
                                             .replace("%20", "+");
    QCOMPARE(post(form, "issues", "form-1", Secret, "application/x-www-form-urlencoded").status,
             200);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#2"))->title,
             QStringLiteral("Renamed by form"));
}

void TestGitHubWebhook::replayUnderANewDeliveryIdChangesNothing()
{
    // A captured delivery is signed right: sent again under a new id, it must not undo what
    // happened since.
    addHook();
    m_sim->closeIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
    const QByteArray closed = lastDelivery().body;
    m_sim->reopenIssue(Repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    QCOMPARE(post(closed, "issues", "replayed-1").status, 200);
    QCOMPARE(feed.size(), 0);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
}

void TestGitHubWebhook::refusedInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<int>("status");
    const QByteArray good = R"({"action":"closed","issue":{"number":1,"title":"Issue 1",
        "state":"closed","assignees":[{"login":"me"}],"updated_at":"2026-11-01T10:00:00Z"},
        "repository":{"full_name":"acme/web"},"sender":{"login":"bob"}})";
    const QByteArray json = "application/json";
    QTest::newRow("no signature") << good << QByteArray() << json << QByteArray("issues") << 401;
    QTest::newRow("wrong secret") << good << QByteArray("guess") << json << QByteArray("issues")
                                  << 401;
    QTest::newRow("not JSON") << QByteArray("{\"action\":") << Secret << json
                              << QByteArray("issues") << 400;
    QTest::newRow("array") << QByteArray("[1,2]") << Secret << json << QByteArray("issues") << 400;
    QByteArray badUtf8 = good;
    badUtf8.replace("Issue 1", "Issue \xff\xfe");
    QTest::newRow("invalid UTF-8") << badUtf8 << Secret << json << QByteArray("issues") << 400;
    QTest::newRow("form without payload")
        << QByteArray("other=1") << Secret << QByteArray("application/x-www-form-urlencoded")
        << QByteArray("issues") << 400;
    QTest::newRow("no event") << good << Secret << json << QByteArray() << 400;
    QTest::newRow("no issue") << QByteArray(R"({"action":"closed"})") << Secret << json
                              << QByteArray("issues") << 400;
    QByteArray nested = good;
    nested.insert(nested.indexOf("\"state\""),
                  "\"deep\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + ",");
    QTest::newRow("deeply nested") << nested << Secret << json << QByteArray("issues") << 400;
    for (const char *repo : {"acme/..", "../web", "acme/web/../../user"}) {
        QByteArray traversal = good;
        traversal.replace("acme/web", repo);
        QTest::newRow(repo) << traversal << Secret << json << QByteArray("issues") << 400;
    }
}

void TestGitHubWebhook::refusedInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, event);
    QFETCH(int, status);
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    const Reply reply = post(body, event, "refused-1", secret, contentType);
    QCOMPARE(reply.status, status);
    QVERIFY(!object(reply).value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(feed.size(), 0);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
    QVERIFY(!m_server->log()->seen(Sources::GitHub, QStringLiteral("refused-1")));
}

void TestGitHubWebhook::untrackedIsIgnored_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("someone else's issue")
        << QByteArray("issues")
        << QByteArray(R"({"action":"edited","issue":{"number":3,"title":"Bob's","state":"open",
            "assignees":[{"login":"bob"}],"updated_at":"2026-11-01T10:00:00Z"},
            "repository":{"full_name":"acme/web"},"sender":{"login":"bob"}})");
    QTest::newRow("pull request")
        << QByteArray("issues")
        << QByteArray(R"({"action":"opened","issue":{"number":9,"title":"PR","state":"open",
            "pull_request":{},"assignees":[{"login":"me"}],"updated_at":"2026-11-01T10:00:00Z"},
            "repository":{"full_name":"acme/web"},"sender":{"login":"bob"}})");
    QTest::newRow("unknown action")
        << QByteArray("issues")
        << QByteArray(R"({"action":"pinned","issue":{"number":1,"title":"Issue 1","state":"open",
            "assignees":[{"login":"me"}],"updated_at":"2026-11-01T10:00:00Z"},
            "repository":{"full_name":"acme/web"},"sender":{"login":"bob"}})");
    QTest::newRow("other event") << QByteArray("push") << QByteArray(R"({"ref":"main"})");
}

void TestGitHubWebhook::untrackedIsIgnored()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, body);
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    const Reply reply = post(body, event, "ignored-1");
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("status")).toString(), QStringLiteral("ignored"));
    QCOMPARE(feed.size(), 0);
}

QTEST_GUILESS_MAIN(TestGitHubWebhook)
#include "tst_githubwebhook.moc"
