#include "ProfileFixture.h"
#include "TestTasks.h"

#include "appcore/SourceStatus.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"
#include "core/Translations.h"
#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;
using namespace std::chrono_literals;

namespace {

const QString Token = QStringLiteral("ghp_status");
const QString Repo = QStringLiteral("acme/web");

} // namespace

// Each source's state from real syncs and writes against the simulated GitHub: synced, can't
// be reached (and when that is worth a banner), token rejected, rate limited; back again.
class TestSourceStatus : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void syncedAt();
    void unreachableUntilBack();
    void offlineAfterAWhile();
    void writesTellToo();
    void tokenRejected();
    void rateLimitedWrites();
    void notSetUp();

private:
    // The simulated GitHub on port (0: any), with the user and an issue of theirs.
    void startSim(quint16 port = 0);
    bool sync();
    QString time(const QDateTime &when) const
    {
        return QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
    }

    std::unique_ptr<Sim::SimGitHub> m_sim;
    quint16 m_port = 0;
    QNetworkAccessManager m_manager;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<GitHubWriter> m_writer;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<OutboxProcessor> m_processor;
    std::unique_ptr<SourceStatus> m_status;
};

void TestSourceStatus::initTestCase()
{
    // English plurals ("1 change") come from a translation, as in the app.
    Translations::install(QStringLiteral("en"));
}

void TestSourceStatus::startSim(quint16 port)
{
    m_sim = std::make_unique<Sim::SimGitHub>();
    m_port = m_sim->listen(port);
    QVERIFY(m_port > 0);
    m_sim->addUser(QStringLiteral("me"), Token);
    m_sim->addRepo(Repo);
    m_sim->addIssue(
        {.repo = Repo, .title = QStringLiteral("Fix login"), .assignees = {QStringLiteral("me")}});
}

void TestSourceStatus::init()
{
    QVERIFY(openProfile());
    startSim();
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    m_client->setTimeout(2000);
    GitHubReader::configure(m_client.get(), Token.toUtf8());
    m_writer = std::make_unique<GitHubWriter>(m_client.get(),
                                              GitHubWriterOptions{QStringLiteral("me"), Repo});
    m_engine = std::make_unique<SyncEngine>(m_store.get(), nullptr);
    m_engine->setClock(&m_clock);
    m_engine->addSource(Sources::GitHub, [this] {
        auto *reader =
            new GitHubReader(m_client.get(), m_store.get(), m_engine->state(), nullptr, {});
        reader->setClock(&m_clock);
        return reader;
    });
    m_processor = std::make_unique<OutboxProcessor>(m_outbox.get());
    m_processor->addWriter(Sources::GitHub, m_writer.get(), 1ms);
    m_processor->setBackoff(10min, 10min); // a retry only when the test asks
    m_status =
        std::make_unique<SourceStatus>(m_engine.get(), m_processor.get(), m_outbox.get(), &m_clock);
}

void TestSourceStatus::cleanup()
{
    m_status.reset();
    m_processor.reset();
    m_engine.reset();
    m_writer.reset();
    m_client.reset();
    m_sim.reset();
}

bool TestSourceStatus::sync()
{
    QSignalSpy finished(m_engine.get(), &SyncEngine::sourceFinished);
    m_engine->sync(Sources::GitHub);
    return finished.wait(20000);
}

void TestSourceStatus::syncedAt()
{
    QCOMPARE(m_status->sources(), QStringList{Sources::GitHub});
    QCOMPARE(m_status->describe(Sources::GitHub), QStringLiteral("GitHub: not synced yet"));
    QSignalSpy changed(m_status.get(), &SourceStatus::changed);
    m_engine->sync(Sources::GitHub);
    QCOMPARE(m_status->describe(Sources::GitHub), QStringLiteral("GitHub: syncing…"));
    QVERIFY(changed.wait(20000));
    QTRY_COMPARE(m_status->state(Sources::GitHub).kind, SourceStatus::State::Kind::Synced);
    QCOMPARE(m_status->describe(Sources::GitHub),
             QStringLiteral("GitHub: synced at %1").arg(time(m_now)));
    QVERIFY(m_status->queuedReason(Sources::GitHub).isEmpty());
    QVERIFY(m_status->offlineText().isEmpty());
}

void TestSourceStatus::unreachableUntilBack()
{
    QVERIFY(sync());
    const QDateTime synced = m_clock.now();
    QVERIFY(m_outbox->comment(QStringLiteral("github:acme/web#1"), QStringLiteral("Hi"), m_now));

    // The service goes away.
    m_sim.reset();
    m_clock.advance(60);
    QVERIFY(sync());
    SourceStatus::State state = m_status->state(Sources::GitHub);
    QCOMPARE(state.kind, SourceStatus::State::Kind::Unreachable);
    QCOMPARE(state.since, m_clock.now());
    QCOMPARE(state.syncedAt, synced);
    QVERIFY2(state.reason.startsWith(QStringLiteral("Connection error: ")),
             qPrintable(state.reason));
    // The reason in the words on the status bar, not just a tooltip.
    QCOMPARE(m_status->describe(Sources::GitHub),
             QStringLiteral("GitHub: can't reach since %1 — %2")
                 .arg(time(m_clock.now()), state.reason.mid(18)));
    QCOMPARE(m_status->queuedReason(Sources::GitHub),
             QStringLiteral("queued until GitHub can be reached"));
    // One failed sync, a moment ago: no banner yet.
    QVERIFY(!m_status->isOffline(Sources::GitHub));
    QVERIFY(m_status->offlineText().isEmpty());

    // The second failed sync: now it is worth a banner, with what waits.
    const QDateTime since = m_clock.now();
    m_clock.advance(30);
    QVERIFY(sync());
    QVERIFY(m_status->isOffline(Sources::GitHub));
    QCOMPARE(m_status->state(Sources::GitHub).since, since);
    QCOMPARE(m_status->offlineText(),
             QStringLiteral("Can't reach GitHub since %1 (%2) — 1 change will be sent when it is "
                            "back.")
                 .arg(time(since), m_status->state(Sources::GitHub).reason));
    QVERIFY(m_outbox->comment(QStringLiteral("github:acme/web#1"), QStringLiteral("Two"), m_now));
    QVERIFY(m_status->offlineText().contains(QStringLiteral("2 changes will be sent")));

    // Back: Retry now syncs and sends.
    startSim(m_port);
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->start();
    m_status->retryNow();
    QVERIFY(idle.wait(20000));
    QTRY_COMPARE(m_status->state(Sources::GitHub).kind, SourceStatus::State::Kind::Synced);
    QTRY_VERIFY(!m_engine->isSyncing(Sources::GitHub));
    QCOMPARE(m_sim->comments(Repo, 1).size(), 2);
    QVERIFY(!m_status->isOffline(Sources::GitHub));
    QVERIFY(m_status->offlineText().isEmpty());
    QVERIFY(m_status->queuedReason(Sources::GitHub).isEmpty());
}

void TestSourceStatus::offlineAfterAWhile()
{
    m_status->setOfflineAfter(50ms);
    m_sim.reset();
    QVERIFY(sync());
    QVERIFY(!m_status->isOffline(Sources::GitHub));
    // Unreachable for longer than offlineAfter by the clock: offline, said by itself, and the
    // source is tried again.
    m_clock.advance(1);
    QVERIFY(m_status->isOffline(Sources::GitHub));
    QSignalSpy started(m_engine.get(), &SyncEngine::syncStarted);
    QSignalSpy changed(m_status.get(), &SourceStatus::changed);
    QVERIFY(started.wait(5000));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_status->offlineText().left(22), QStringLiteral("Can't reach GitHub sin"));
    QVERIFY(m_status->offlineText().contains(QStringLiteral("its tasks here may be out of date")));
}

void TestSourceStatus::writesTellToo()
{
    // Never synced; a write finds the service gone: unreachable, though no sync said so.
    QVERIFY(m_store->upsert({gitHub(Repo, 1, QStringLiteral("Fix login"))}));
    QVERIFY(m_outbox->comment(QStringLiteral("github:acme/web#1"), QStringLiteral("Hi"), m_now));
    m_sim.reset();
    QSignalSpy retrying(m_processor.get(), &OutboxProcessor::retrying);
    m_processor->start();
    QVERIFY(retrying.wait(20000));
    QCOMPARE(m_status->state(Sources::GitHub).kind, SourceStatus::State::Kind::Unreachable);
    QVERIFY(m_status->describe(Sources::GitHub).startsWith(QStringLiteral("GitHub: can't reach")));

    // A write that gets through says it is back, and a sync catches up at once.
    startSim(m_port);
    QSignalSpy sent(m_processor.get(), &OutboxProcessor::sent);
    QSignalSpy synced(m_engine.get(), &SyncEngine::sourceFinished);
    m_processor->retryNow();
    QVERIFY(sent.wait(20000));
    QVERIFY(synced.wait(20000));
    QCOMPARE(m_status->state(Sources::GitHub).kind, SourceStatus::State::Kind::Synced);
}

void TestSourceStatus::tokenRejected()
{
    GitHubReader::configure(m_client.get(), "expired");
    QVERIFY(sync());
    const SourceStatus::State state = m_status->state(Sources::GitHub);
    QCOMPARE(state.kind, SourceStatus::State::Kind::TokenRejected);
    QCOMPARE(m_status->describe(Sources::GitHub),
             QStringLiteral("GitHub: token rejected (%1)").arg(state.reason));
    QVERIFY(state.reason.startsWith(QStringLiteral("GitHub error: 401")));
    QCOMPARE(m_status->queuedReason(Sources::GitHub),
             QStringLiteral("queued until GitHub accepts the token"));
    QVERIFY(m_status->offlineText().isEmpty()); // the problems banner tells of tokens

    GitHubReader::configure(m_client.get(), Token.toUtf8());
    QVERIFY(sync());
    QCOMPARE(m_status->state(Sources::GitHub).kind, SourceStatus::State::Kind::Synced);
}

void TestSourceStatus::rateLimitedWrites()
{
    m_processor->setClock(&m_clock);
    m_writer->setClock(&m_clock);
    QVERIFY(m_store->upsert({gitHub(Repo, 1, QStringLiteral("Fix login"))}));
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {Sim::SimFault::Kind::Status, 429}, 1);
    QVERIFY(m_outbox->comment(QStringLiteral("github:acme/web#1"), QStringLiteral("Hi"), m_now));
    QSignalSpy retrying(m_processor.get(), &OutboxProcessor::retrying);
    m_processor->start();
    QVERIFY(retrying.wait(20000));
    const QDateTime until = m_now.addSecs(60); // GitHub's 429 without a header: a minute
    QCOMPARE(m_status->state(Sources::GitHub).until, until);
    QCOMPARE(m_status->describe(Sources::GitHub),
             QStringLiteral("GitHub: rate limited until %1").arg(time(until)));
    QCOMPARE(m_status->queuedReason(Sources::GitHub),
             QStringLiteral("queued until %1 (GitHub's rate limit)").arg(time(until)));
    m_clock.set(until);
    QVERIFY(m_status->queuedReason(Sources::GitHub).isEmpty());
    QCOMPARE(m_status->describe(Sources::GitHub), QStringLiteral("GitHub: not synced yet"));
}

void TestSourceStatus::notSetUp()
{
    QCOMPARE(m_status->queuedReason(Sources::ClickUp),
             QStringLiteral("queued: ClickUp is not set up"));
    QVERIFY(!m_status->sources().contains(Sources::ClickUp));
}

QTEST_GUILESS_MAIN(TestSourceStatus)
#include "tst_sourcestatus.moc"
