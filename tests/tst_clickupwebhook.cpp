#include "ProfileFixture.h"
#include "SimClient.h"

#include "core/WebhookLog.h"
#include "server/ClickUpFetcher.h"
#include "server/ClickUpWebhook.h"
#include "server/WebhookServer.h"
#include "server/WebhookSignature.h"
#include "sim/SimClickUp.h"
#include "sources/ClickUpReader.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace UpNext::Test;
using namespace UpNext::TestSim;

namespace {

const QString Token = QStringLiteral("pk_101_WEBHOOK");
constexpr qint64 Me = 101;
constexpr qint64 Bob = 102;
const QString List = QStringLiteral("901");

} // namespace

// The ClickUp receiver on the real server, fed by the simulated ClickUp's signed deliveries,
// fetching what they leave out from the simulator.
class TestClickUpWebhook : public QObject, public ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signatureVector();
    void teammateStatusReachesTheFeed();
    void commentIsActivity();
    void newlyAssignedIsFetched();
    void unassignedLeaves();
    void redeliveryAppliedOnce();
    void lateDeliveryDoesNotUndoANewerChange();
    void wrongSignatureChangesNothing();
    void malformedIs400();
    void untrackedIsIgnored();
    void queuedFetchSurvivesRestart();

private:
    void startServer(bool withClient = true);
    QString idOf(const QString &sourceId) const { return Task::makeId(Sources::ClickUp, sourceId); }
    Reply post(const QByteArray &body, const QByteArray &secret);

    std::unique_ptr<SimClickUp> m_sim;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<WebhookServer> m_server;
    std::unique_ptr<RestClient> m_client;
    QNetworkAccessManager m_manager;
    QString m_mine; // assigned to the user, stored
    QString m_bobs; // Bob's, not stored
    QByteArray m_secret;
};

void TestClickUpWebhook::init()
{
    QVERIFY(openProfile());
    m_sim = std::make_unique<SimClickUp>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(Me, QStringLiteral("me"), QStringLiteral("me@example.com"), Token);
    m_sim->addUser(Bob, QStringLiteral("bob"), QStringLiteral("bob@example.com"));
    m_sim->addList(List, QStringLiteral("Backlog"));
    m_mine = m_sim->addTask({.name = QStringLiteral("Mine"), .listId = List, .assignees = {Me}});
    m_bobs = m_sim->addTask({.name = QStringLiteral("Bob's"), .listId = List, .assignees = {Bob}});
    Task stored = TestTasks::clickUp(m_mine, QStringLiteral("Mine"));
    stored.container = List;
    QVERIFY(m_store->upsert({stored}));
    startServer();
    m_sim->addWebhook(
        QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/clickup").arg(m_server->port())),
        {QStringLiteral("*")}, Me);
    m_secret = m_sim->hooks().first().secret.toLatin1();
    m_server->setSecrets(m_secret, {});
}

void TestClickUpWebhook::startServer(bool withClient)
{
    m_server.reset();
    m_engine = std::make_unique<SyncEngine>(m_store.get(), nullptr);
    m_engine->setOutbox(m_outbox.get());
    m_engine->setClock(&m_clock);
    QVERIFY(m_engine->state()->setValue(Sources::ClickUp, QStringLiteral("userId"),
                                        QString::number(Me)));
    m_server = std::make_unique<WebhookServer>(WebhookReceiver::Parts{
        m_store.get(), m_engine.get(), nullptr, nullptr, &m_clock});
    m_server->setSecrets(m_secret, {});
    QString error;
    QVERIFY2(m_server->listen(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    if (withClient) {
        m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
        ClickUpReader::configure(m_client.get(), Token.toUtf8());
        m_server->setClickUpClient(m_client.get());
    }
}

void TestClickUpWebhook::cleanup()
{
    m_server.reset();
    m_client.reset();
    m_engine.reset();
    m_sim.reset();
    closeProfile();
}

Reply TestClickUpWebhook::post(const QByteArray &body, const QByteArray &secret)
{
    return send(m_manager, "POST",
                QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/clickup").arg(m_server->port())),
                {{"Content-Type", "application/json"},
                 {"X-Signature", WebhookSignature::sign(secret, body)}},
                body);
}

void TestClickUpWebhook::signatureVector()
{
    // API-NOTES.md's vector.
    QCOMPARE(
        WebhookSignature::sign(
            "secret",
            R"({"webhook_id":"7689a169-a000-4985-8676-6902b96d6627","event":"taskCreated","task_id":"c0j"})"),
        QByteArray("4830bf524f6e29a3e8da953936c6f21c1fea2b9669b825d3e1be293ef3416c8c"));
}

void TestClickUpWebhook::teammateStatusReachesTheFeed()
{
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    QVERIFY(m_sim->setStatus(m_mine, QStringLiteral("complete"), Bob));
    QTRY_COMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Done);
    const auto changes = feed.last().at(0).value<TaskChanges>();
    QCOMPARE(changes.origin, ChangeOrigin::Webhook);
    QCOMPARE(changes.external.size(), 1);
    QCOMPARE(changes.external.first().actor, QStringLiteral("bob"));
    QVERIFY(changes.external.first().fields.contains(
        FieldChange{FieldChange::Field::Status, QStringLiteral("todo"), QStringLiteral("done")}));
    QTRY_COMPARE(m_sim->webhooks().deliveries().last().status, 200);
}

void TestClickUpWebhook::commentIsActivity()
{
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    QVERIFY(!m_sim->addComment(m_mine, QStringLiteral("Ping"), Bob).isEmpty());
    QTRY_COMPARE(feed.size(), 1);
    QVERIFY(feed.at(0).at(0).value<TaskChanges>().external.first().fields.contains(
        FieldChange{FieldChange::Field::Comments, QVariant(), QStringLiteral("Ping")}));
    QVERIFY(m_store->task(idOf(m_mine))->lastActivity > TestTasks::utc(2026, 3, 1));
}

void TestClickUpWebhook::newlyAssignedIsFetched()
{
    QVERIFY(m_sim->setAssignees(m_bobs, {Bob, Me}, Bob));
    QTRY_VERIFY(m_store->task(idOf(m_bobs)).has_value());
    const Task task = *m_store->task(idOf(m_bobs));
    QVERIFY(task.assignedToMe);
    QCOMPARE(task.title, QStringLiteral("Bob's"));
    QTRY_VERIFY(m_server->log()->fetches().isEmpty());
}

void TestClickUpWebhook::unassignedLeaves()
{
    QVERIFY(m_sim->setAssignees(m_mine, {Bob}, Bob));
    QTRY_VERIFY(!m_store->task(idOf(m_mine))->assignedToMe);
}

void TestClickUpWebhook::redeliveryAppliedOnce()
{
    QVERIFY(m_sim->setStatus(m_mine, QStringLiteral("complete"), Bob));
    QTRY_COMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Done);
    const QByteArray body = m_sim->webhooks().deliveries().last().body;
    QVERIFY(m_store->setStatus(idOf(m_mine), TaskStatus::Todo));
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    const Reply again = post(body, m_secret);
    QCOMPARE(again.status, 200);
    QCOMPARE(feed.size(), 0);
    QCOMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Todo);
}

// Bob closes the task, then opens it again; the deliveries come the other way round. The late
// one is older than what the task says: it is not applied, the task is fetched instead.
void TestClickUpWebhook::lateDeliveryDoesNotUndoANewerChange()
{
    // The simulator's deliveries go nowhere: the test delivers them, in its own order.
    QVERIFY(m_sim->removeWebhook(m_sim->hooks().first().id));
    m_sim->addWebhook(QUrl(QStringLiteral("http://127.0.0.1:9/webhooks/clickup")),
                      {QStringLiteral("*")}, Me);
    m_secret = m_sim->hooks().first().secret.toLatin1();
    m_server->setSecrets(m_secret, {});
    QVERIFY(m_sim->setStatus(m_mine, QStringLiteral("complete"), Bob));
    // The two changes a millisecond apart at least, as ClickUp dates them.
    const qint64 closedAt = QDateTime::currentMSecsSinceEpoch();
    QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > closedAt);
    QVERIFY(m_sim->setStatus(m_mine, QStringLiteral("to do"), Bob));
    QTRY_COMPARE(m_sim->webhooks().pending(), 0);
    const QList<SimWebhookSender::Delivery> deliveries = m_sim->webhooks().deliveries();
    QCOMPARE(deliveries.size(), 2);

    QCOMPARE(post(deliveries.at(1).body, m_secret).status, 200);
    QCOMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Todo);
    QCOMPARE(post(deliveries.at(0).body, m_secret).status, 200);
    QCOMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Todo);
    // The fetch brings the task as ClickUp has it now: open.
    QTRY_VERIFY(m_server->log()->fetches().isEmpty());
    QCOMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Todo);
}

void TestClickUpWebhook::wrongSignatureChangesNothing()
{
    const QByteArray body =
        QStringLiteral(
            R"({"event":"taskStatusUpdated","task_id":"%1","webhook_id":"w","history_items":[{"id":"h1","date":"1900000000000","field":"status","user":{"id":102,"username":"bob"},"before":{"status":"to do","type":"open"},"after":{"status":"complete","type":"closed"}}]})")
            .arg(m_mine)
            .toUtf8();
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    QCOMPARE(post(body, "guess").status, 401);
    QCOMPARE(feed.size(), 0);
    QCOMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Todo);
    QCOMPARE(post(body, m_secret).status, 200); // the same, signed right
    QCOMPARE(m_store->task(idOf(m_mine))->status, TaskStatus::Done);
}

void TestClickUpWebhook::malformedIs400()
{
    QSignalSpy feed(m_store.get(), &TaskStore::changed);
    QCOMPARE(post("{\"event\":", m_secret).status, 400);
    QCOMPARE(post(R"({"event":"taskUpdated"})", m_secret).status, 400);
    // Ids go into API paths: one that could climb out of /task/ is refused.
    for (const char *id : {"../team", "..%2Fteam", "a/b", "86a?x=1", "86a#x"})
        QCOMPARE(post(R"({"event":"taskUpdated","webhook_id":"w","task_id":")" + QByteArray(id) +
                          R"(","history_items":[]})",
                      m_secret)
                     .status,
                 400);
    QCOMPARE(post(R"({"event":"taskUpdated","task_id":)" + QByteArray(100000, '[') + "}", m_secret)
                 .status,
             400);
    QCOMPARE(feed.size(), 0);
    QVERIFY(m_server->log()->fetches().isEmpty());
}

void TestClickUpWebhook::untrackedIsIgnored()
{
    QVERIFY(m_sim->setStatus(m_bobs, QStringLiteral("complete"), Bob));
    QTRY_COMPARE(m_sim->webhooks().pending(), 0);
    QVERIFY(!m_store->task(idOf(m_bobs)).has_value());
    const Reply reply = post(m_sim->webhooks().deliveries().last().body, m_secret);
    QCOMPARE(object(reply).value(QStringLiteral("status")).toString(), QStringLiteral("ignored"));
}

void TestClickUpWebhook::queuedFetchSurvivesRestart()
{
    m_client.reset();
    startServer(false); // no token yet: nothing can be fetched
    QVERIFY(m_sim->removeWebhook(m_sim->hooks().first().id));
    m_sim->addWebhook(
        QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/clickup").arg(m_server->port())),
        {QStringLiteral("*")}, Me);
    m_secret = m_sim->hooks().first().secret.toLatin1();
    m_server->setSecrets(m_secret, {});
    QVERIFY(m_sim->setAssignees(m_bobs, {Bob, Me}, Bob));
    QTRY_COMPARE(m_server->log()->fetches().size(), 1);

    m_server.reset();
    m_engine.reset();
    QVERIFY(reopenProfile());
    startServer(true);
    QTRY_VERIFY(m_store->task(idOf(m_bobs)).has_value());
    QVERIFY(m_server->log()->fetches().isEmpty());
}

QTEST_GUILESS_MAIN(TestClickUpWebhook)
#include "tst_clickupwebhook.moc"
