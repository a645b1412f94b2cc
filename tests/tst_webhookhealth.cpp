#include "ProfileFixture.h"
#include "SimClient.h"

#include "server/WebhookHealth.h"
#include "server/WebhookServer.h"
#include "server/WebhookSignature.h"
#include "sources/SourceReader.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace UpNext;
using namespace UpNext::Test;
using namespace UpNext::TestSim;
using namespace std::chrono_literals;

namespace {

const QByteArray Secret = "health-secret";
const QString Repo = QStringLiteral("acme/web");

// A GitHub read that finds the tasks the test gives it.
class ScriptedReader final : public SourceReader
{
public:
    ScriptedReader(const QList<Task> &tasks, TaskStore *store, SyncState *state)
        : SourceReader(Sources::GitHub, nullptr, store, state, nullptr)
    {
        m_result.tasks = tasks;
    }
    void start() override
    {
        QTimer::singleShot(0, this, [this] {
            m_result.complete = true;
            finish();
        });
    }
};

} // namespace

class TestWebhookHealth : public QObject, protected ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aChangeNoWebhookBroughtWarnsOnceAndSyncsEarly();
    void aDeliveryEndsTheEarlySyncs();
    void changesFromBeforeListeningAreNoWebhooksFault();
    void recentChangesMayStillArrive();
    void sourcesWithoutWebhooksAreNotWatched();
    void failedSyncsSayNothing();

private:
    // A sync of GitHub that finds issue number changed at the source at changedAt.
    void syncFinding(int number, const QDateTime &changedAt);
    int ping();

    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<WebhookServer> m_server;
    std::unique_ptr<WebhookHealth> m_health;
    QList<Task> m_read;
    QNetworkAccessManager m_manager;
};

void TestWebhookHealth::init()
{
    QVERIFY(openProfile());
    m_engine = std::make_unique<SyncEngine>(m_store.get(), nullptr);
    m_engine->setClock(&m_clock);
    m_engine->addSource(Sources::GitHub, [this] {
        return new ScriptedReader(m_read, m_store.get(), m_engine->state());
    });
    m_server = std::make_unique<WebhookServer>(WebhookReceiver::Parts{
        m_store.get(), m_engine.get(), nullptr, nullptr, &m_clock});
    m_server->setSecrets({}, Secret);
    QString error;
    QVERIFY2(m_server->listen(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
    QCOMPARE(m_server->listeningSince(), m_now);
    m_health = std::make_unique<WebhookHealth>(m_engine.get(), m_server.get());
    m_health->setSilence(30min);
}

void TestWebhookHealth::cleanup()
{
    m_health.reset();
    m_server.reset();
    m_engine.reset();
    m_read.clear();
    closeProfile();
}

void TestWebhookHealth::syncFinding(int number, const QDateTime &changedAt)
{
    Task task = TestTasks::gitHub(Repo, number, QStringLiteral("Issue %1").arg(number));
    task.updatedAt = changedAt;
    m_read = {task};
    QSignalSpy finished(m_engine.get(), &SyncEngine::sourceFinished);
    m_engine->sync(Sources::GitHub);
    QVERIFY(finished.wait());
    QVERIFY(finished.first().first().value<SourceSyncResult>().ok());
}

// A signed ping, which is a delivery like any other; the status it got.
int TestWebhookHealth::ping()
{
    const QByteArray body = R"({"zen":"Keep it logically awesome.","hook_id":1})";
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/webhooks/github").arg(m_server->port()));
    return send(m_manager, "POST", url,
                {{"Content-Type", "application/json"},
                 {"X-GitHub-Event", "ping"},
                 {"X-GitHub-Delivery", "health-ping"},
                 {"X-Hub-Signature-256", "sha256=" + WebhookSignature::sign(Secret, body)}},
                body)
        .status;
}

void TestWebhookHealth::aChangeNoWebhookBroughtWarnsOnceAndSyncsEarly()
{
    QSignalSpy notArriving(m_health.get(), &WebhookHealth::notArriving);
    QSignalSpy started(m_engine.get(), &SyncEngine::syncStarted);
    m_clock.advance(2 * 3600);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not arriving")));
    syncFinding(1, m_now.addSecs(600)); // made 110 minutes ago, while listening

    QCOMPARE(notArriving.count(), 1);
    QCOMPARE(notArriving.first().at(0).toString(), Sources::GitHub);
    const QString message = notArriving.first().at(1).toString();
    QVERIFY2(message.contains(QStringLiteral("GitHub webhooks are not arriving")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("1 change")), qPrintable(message));
    QVERIFY(!m_health->isArriving(Sources::GitHub));

    // Syncs come every silence now, and say nothing new.
    m_health->setSilence(50ms);
    const qsizetype before = started.count();
    QTRY_VERIFY(started.count() >= before + 2);
    m_health->setSilence(30min);
    QTRY_VERIFY(m_engine->isIdle());
    syncFinding(2, m_now.addSecs(1200));
    QCOMPARE(notArriving.count(), 1);
}

void TestWebhookHealth::aDeliveryEndsTheEarlySyncs()
{
    QSignalSpy arriving(m_health.get(), &WebhookHealth::arrivingAgain);
    m_clock.advance(2 * 3600);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not arriving")));
    syncFinding(1, m_now.addSecs(600));
    QVERIFY(!m_health->isArriving(Sources::GitHub));
    QVERIFY(!m_health->lastDelivery(Sources::GitHub).isValid());

    m_clock.advance(60);
    QCOMPARE(ping(), 200);
    QCOMPARE(m_health->lastDelivery(Sources::GitHub), m_clock.now());
    m_health->setSilence(50ms); // the next early sync notices
    QTRY_COMPARE(arriving.count(), 1);
    QVERIFY(m_health->isArriving(Sources::GitHub));

    // A later silence is a new problem, said again.
    QSignalSpy notArriving(m_health.get(), &WebhookHealth::notArriving);
    m_health->setSilence(30min);
    m_clock.advance(3 * 3600);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not arriving")));
    syncFinding(3, m_clock.now().addSecs(-3600));
    QCOMPARE(notArriving.count(), 1);
}

void TestWebhookHealth::changesFromBeforeListeningAreNoWebhooksFault()
{
    QSignalSpy notArriving(m_health.get(), &WebhookHealth::notArriving);
    m_clock.advance(2 * 3600);
    syncFinding(1, m_now.addSecs(-60)); // made while the app was not running
    QCOMPARE(notArriving.count(), 0);
    QVERIFY(m_health->isArriving(Sources::GitHub));
}

void TestWebhookHealth::recentChangesMayStillArrive()
{
    QSignalSpy notArriving(m_health.get(), &WebhookHealth::notArriving);
    m_clock.advance(2 * 3600);
    syncFinding(1, m_clock.now().addSecs(-29 * 60));
    QCOMPARE(notArriving.count(), 0);
}

void TestWebhookHealth::sourcesWithoutWebhooksAreNotWatched()
{
    QSignalSpy notArriving(m_health.get(), &WebhookHealth::notArriving);
    m_clock.advance(2 * 3600);
    SourceSyncResult result;
    result.source = Sources::ClickUp; // no ClickUp secret: its webhooks are not set up
    result.changedAt = {m_now.addSecs(600)};
    Q_EMIT m_engine->sourceFinished(result);
    QCOMPARE(notArriving.count(), 0);
}

void TestWebhookHealth::failedSyncsSayNothing()
{
    QSignalSpy notArriving(m_health.get(), &WebhookHealth::notArriving);
    m_clock.advance(2 * 3600);
    SourceSyncResult result;
    result.source = Sources::GitHub;
    result.changedAt = {m_now.addSecs(600)};
    result.error = QStringLiteral("GitHub error: 500");
    Q_EMIT m_engine->sourceFinished(result);
    QCOMPARE(notArriving.count(), 0);
}

QTEST_GUILESS_MAIN(TestWebhookHealth)
#include "tst_webhookhealth.moc"
