#include "ProfileFixture.h"

#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sync/SyncEngine.h"

#include "core/Entities.h"
#include "core/LocalDay.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace std::chrono_literals;

namespace {

// A GitHub issue due on day with nothing else that scores, so its score is its due date's.
Task dueOn(const QDate &day)
{
    Task task;
    task.source = Sources::GitHub;
    task.sourceId = QStringLiteral("o/r#1");
    task.id = Task::makeId(task.source, task.sourceId);
    task.title = QStringLiteral("Due today");
    task.dueDate = day;
    return task;
}

const QString Token = QStringLiteral("ghp_engine");

// A source whose every read fails, to show the other source carries on.
class FailingReader final : public SourceReader
{
public:
    FailingReader(TaskStore *store, SyncState *state)
        : SourceReader(Sources::ClickUp, nullptr, store, state, nullptr)
    {}
    void start() override
    {
        QTimer::singleShot(0, this,
                           [this] { finish(QStringLiteral("ClickUp error: 500 (boom)")); });
    }
};

} // namespace

class TestSyncEngine : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countsNewUpdatedAndClosed();
    void containerNamesComeWithTheTasks();
    void unassignedTasksLeaveTheOpenList();
    void tasksAreScored();
    void scoresMoveWithTheDays();
    void scoresMoveAtTheLocalMidnight_data();
    void scoresMoveAtTheLocalMidnight();
    void nightlyRescoreFollowsTheClock_data();
    void nightlyRescoreFollowsTheClock();
    void clientChangesRescore();
    void oneSourceFailingDoesNotStopTheOther();
    void requestsDuringASyncAreCoalesced();
    void olderRemoteStateDoesNotOverwrite();
    void failedSyncRecoversNextTime();
    void timerSyncsAgain();
    void pendingCompletionIsNotUndoneBySync();
    void reopenedWhileTheCloseWasUnconfirmedShowsAfterIt();
    void renamedRepoMovesTasksWithWhatTheUserDid();
    void transferredIssueMovesWithoutOverwriting();
    void movedTaskAlreadyStoredUnderItsNewId();

private:
    SourceSyncResult syncGitHub();

    std::unique_ptr<SimGitHub> m_sim;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<SyncEngine> m_engine;
    QNetworkAccessManager m_manager;
};

void TestSyncEngine::init()
{
    QVERIFY(openProfile());
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), Token);
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    m_client->setTimeout(2000);
    GitHubReader::configure(m_client.get(), Token.toUtf8());
    m_engine = std::make_unique<SyncEngine>(m_store.get(), nullptr);
    m_engine->setClock(&m_clock);
    m_engine->addSource(Sources::GitHub, [this] {
        return new GitHubReader(m_client.get(), m_store.get(), m_engine->state(), nullptr, {});
    });
}

void TestSyncEngine::cleanup()
{
    m_engine.reset();
}

SourceSyncResult TestSyncEngine::syncGitHub()
{
    QSignalSpy finished(m_engine.get(), &SyncEngine::sourceFinished);
    QSignalSpy progress(m_engine.get(), &SyncEngine::progress);
    m_engine->sync(Sources::GitHub);
    if (!finished.wait(30000))
        return {.error = QStringLiteral("timed out")};
    const SourceSyncResult result = finished.first().first().value<SourceSyncResult>();
    // Progress is reported per page and never runs ahead of the pages read.
    if (result.ok() && progress.isEmpty())
        return {.error = QStringLiteral("no progress was reported")};
    return result;
}

void TestSyncEngine::countsNewUpdatedAndClosed()
{
    for (int i = 0; i < 3; ++i)
        m_sim->addIssue({.repo = QStringLiteral("o/r"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
    SourceSyncResult result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.newTasks, 3);
    QCOMPARE(result.updated, 0);
    QCOMPARE(result.closed, 0);
    QCOMPARE(m_store->openTaskCount(), 3);

    result = syncGitHub();
    QCOMPARE(result.newTasks, 0);
    QCOMPARE(result.updated, 0);
    QCOMPARE(result.closed, 0);

    m_sim->issue(QStringLiteral("o/r"), 1)->title = QStringLiteral("Renamed");
    m_sim->touch(QStringLiteral("o/r"), 1);
    m_sim->closeIssue(QStringLiteral("o/r"), 2, QStringLiteral("bob"));
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Fresh"),
                     .assignees = {QStringLiteral("me")}});
    result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.newTasks, 1);
    QCOMPARE(result.updated, 1);
    QCOMPARE(result.closed, 1);
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->title, QStringLiteral("Renamed"));
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#2"))->status, TaskStatus::Done);
    QCOMPARE(m_store->openTaskCount(), 3);
    QVERIFY(result.requests > 0);
}

void TestSyncEngine::containerNamesComeWithTheTasks()
{
    ReadResult read;
    read.source = Sources::ClickUp;
    read.tasks = {TestTasks::clickUp(QStringLiteral("a"), QStringLiteral("Listed"))};
    read.containerNames = {{QStringLiteral("901"), QStringLiteral("Backlog")}};
    // A view that reads the task on the change feed finds its list's name already.
    QString seen;
    connect(m_store.get(), &TaskStore::changed, this, [this, &seen] {
        seen = SyncState(m_store.get()).containerName(Sources::ClickUp, QStringLiteral("901"));
    });
    SourceSyncResult result;
    QVERIFY(m_engine->merge(read, ChangeOrigin::Sync, &result));
    QCOMPARE(seen, QStringLiteral("Backlog"));
    QCOMPARE(result.newTasks, 1);
}

void TestSyncEngine::unassignedTasksLeaveTheOpenList()
{
    for (int i = 0; i < 2; ++i)
        m_sim->addIssue({.repo = QStringLiteral("o/r"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    m_sim->setAssignees(QStringLiteral("o/r"), 1, {QStringLiteral("bob")}, QStringLiteral("bob"));
    m_sim->deleteIssue(QStringLiteral("o/r"), 2, QStringLiteral("bob"));
    const SourceSyncResult result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.closed, 2);
    QCOMPARE(m_store->openTaskCount(), 0);
    QVERIFY(!m_store->task(QStringLiteral("github:o/r#1"))->assignedToMe);
    // Reassigned back: it returns.
    m_sim->setAssignees(QStringLiteral("o/r"), 1, {QStringLiteral("me")}, QStringLiteral("bob"));
    QVERIFY(syncGitHub().ok());
    QCOMPARE(m_store->openTaskCount(), 1);
}

void TestSyncEngine::tasksAreScored()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Plain"),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Urgent"),
                     .assignees = {QStringLiteral("me")},
                     .labels = {QStringLiteral("blocking")}});
    ScoreWeights weights;
    weights.blocking = 77;
    m_engine->setScoreWeights(weights);
    QVERIFY(syncGitHub().ok());
    QCOMPARE(m_store->openTasks().first().id, QStringLiteral("github:o/r#2"));
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#2"))->score -
                 m_store->task(QStringLiteral("github:o/r#1"))->score,
             77.0);
}

void TestSyncEngine::scoresMoveWithTheDays()
{
    // Scored when it was due in two days; unchanged at the source since.
    const QDateTime monday(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::utc());
    Task task;
    task.source = Sources::GitHub;
    task.sourceId = QStringLiteral("o/r#1");
    task.id = Task::makeId(task.source, task.sourceId);
    task.title = QStringLiteral("Due Wednesday");
    task.dueDate = monday.date().addDays(2);
    task.updatedAt = monday;
    QVERIFY(m_store->upsert({task}));
    QVERIFY(m_engine->rescore(monday)); // Monday's score
    const double mondayScore = m_store->task(task.id)->score;

    QSignalSpy changed(m_store.get(), &TaskStore::changed);
    QVERIFY(m_engine->rescore(monday)); // nothing moved: nothing written
    QCOMPARE(changed.size(), 0);
    QVERIFY(m_engine->rescore(monday.addDays(2))); // due today now
    QCOMPARE(changed.size(), 1);
    const ScoreWeights weights;
    QCOMPARE(m_store->task(task.id)->score - mondayScore, weights.dueToday - weights.dueThisWeek);
}

void TestSyncEngine::scoresMoveAtTheLocalMidnight_data()
{
    QTest::addColumn<QDate>("day");
    // An ordinary day and the days the clocks change (US, EU, New Zealand).
    for (const QDate &day :
         {QDate(2026, 3, 10), QDate(2026, 3, 8), QDate(2026, 11, 1), QDate(2026, 3, 29),
          QDate(2026, 10, 25), QDate(2026, 4, 5), QDate(2026, 9, 27)})
        QTest::newRow(qPrintable(day.toString(Qt::ISODate))) << day;
}

void TestSyncEngine::scoresMoveAtTheLocalMidnight()
{
    QFETCH(QDate, day);

    const Task task = dueOn(day);
    QVERIFY(m_store->upsert({task}));
    const ScoreWeights weights;

    // The app passes UTC times: in the evening west of UTC, that is already tomorrow there.
    QVERIFY(m_engine->rescore(QDateTime(day, QTime(20, 33)).toUTC()));
    QCOMPARE(m_store->task(task.id)->score, weights.dueToday);
    QVERIFY(m_engine->rescore(QDateTime(day, QTime(23, 59, 30)).toUTC()));
    QCOMPARE(m_store->task(task.id)->score, weights.dueToday);
    // Just after the local midnight, when the nightly rescore runs: east of UTC, that is still
    // today there.
    QVERIFY(m_engine->rescore(QDateTime(day.addDays(1), QTime(0, 0, 30)).toUTC()));
    QCOMPARE(m_store->task(task.id)->score, weights.overdue);
}

void TestSyncEngine::nightlyRescoreFollowsTheClock_data()
{
    scoresMoveAtTheLocalMidnight_data();
}

void TestSyncEngine::nightlyRescoreFollowsTheClock()
{
    QFETCH(QDate, day);

    const Task task = dueOn(day);
    QVERIFY(m_store->upsert({task}));
    const ScoreWeights weights;
    SyncEngine engine(m_store.get(), nullptr);
    engine.setClock(&m_clock);
    // A source that only fails, so that each interval shows (and changes no task).
    engine.addSource(Sources::ClickUp,
                     [this, &engine] { return new FailingReader(m_store.get(), engine.state()); });
    QSignalSpy started(&engine, &SyncEngine::syncStarted);

    // Started in the evening: scored for today, and the nightly rescore planned a little
    // after the local midnight, by the engine's clock.
    m_clock.set(QDateTime(day, QTime(20, 33)).toUTC());
    engine.start(20ms);
    QCOMPARE(m_store->task(task.id)->score, weights.dueToday);
    QCOMPARE(engine.nightlyRescoreAt(), day.addDays(1).startOfDay().addSecs(30));

    // Not yet: the day has not turned.
    m_clock.set(engine.nightlyRescoreAt().addSecs(-1));
    QSignalSpy changed(m_store.get(), &TaskStore::changed);
    const qsizetype runs = started.size();
    QTRY_VERIFY_WITH_TIMEOUT(started.size() >= runs + 3, 5000); // a few intervals go by
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_store->task(task.id)->score, weights.dueToday);

    // The clock passes it (as after a night the machine slept through): the next interval
    // rescores with the clock's time, and plans the night after.
    m_clock.set(day.addDays(1).startOfDay().addSecs(45));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->task(task.id)->score, weights.overdue, 5000);
    QCOMPARE(engine.nightlyRescoreAt(), day.addDays(2).startOfDay().addSecs(30));
    engine.stop();
    QVERIFY(!engine.nightlyRescoreAt().isValid());
}

void TestSyncEngine::clientChangesRescore()
{
    const QString path = m_dir->filePath(QStringLiteral("entities.json"));
    const auto writeEntities = [&path](const QByteArray &json) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(json) > 0;
    };
    QVERIFY(writeEntities(R"([{"id": "acme", "name": "Acme"}])"));
    Entities entities;
    QVERIFY(entities.load(path));
    SyncEngine engine(m_store.get(), &entities);
    engine.setClock(&m_clock);
    Task task;
    task.source = Sources::GitHub;
    task.sourceId = QStringLiteral("o/r#1");
    task.id = Task::makeId(task.source, task.sourceId);
    task.title = QStringLiteral("[CLIENT:acme] Invoice");
    task.entity = QStringLiteral("acme");
    QVERIFY(m_store->upsert({task}));
    QVERIFY(engine.rescore(m_clock.now()));
    const double before = m_store->task(task.id)->score;

    // Acme becomes a revenue client: its task moves up as soon as the file is read again.
    QVERIFY(writeEntities(R"([{"id": "acme", "name": "Acme", "revenue": true}])"));
    QVERIFY(entities.reload());
    QCOMPARE(m_store->task(task.id)->score - before, ScoreWeights().revenue);
}

void TestSyncEngine::oneSourceFailingDoesNotStopTheOther()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("A"),
                     .assignees = {QStringLiteral("me")}});
    m_engine->addSource(Sources::ClickUp,
                        [this] { return new FailingReader(m_store.get(), m_engine->state()); });
    QSignalSpy finished(m_engine.get(), &SyncEngine::sourceFinished);
    QSignalSpy idle(m_engine.get(), &SyncEngine::idle);
    m_engine->syncAll();
    QVERIFY(idle.wait(30000));
    QCOMPARE(finished.size(), 2);
    QHash<QString, SourceSyncResult> results;
    for (const QList<QVariant> &arguments : finished) {
        const SourceSyncResult result = arguments.first().value<SourceSyncResult>();
        results.insert(result.source, result);
    }
    QCOMPARE(results.value(Sources::ClickUp).error, QStringLiteral("ClickUp error: 500 (boom)"));
    QVERIFY(results.value(Sources::GitHub).ok());
    QCOMPARE(results.value(Sources::GitHub).newTasks, 1);
    QCOMPARE(idle.size(), 1);
}

void TestSyncEngine::requestsDuringASyncAreCoalesced()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("A"),
                     .assignees = {QStringLiteral("me")}});
    QSignalSpy started(m_engine.get(), &SyncEngine::syncStarted);
    QSignalSpy idle(m_engine.get(), &SyncEngine::idle);
    m_engine->sync(Sources::GitHub);
    QVERIFY(m_engine->isSyncing(Sources::GitHub));
    m_engine->sync(Sources::GitHub);
    m_engine->sync(Sources::GitHub);
    m_engine->syncAll();
    QCOMPARE(started.size(), 1); // never two at once
    QVERIFY(idle.wait(30000));
    QCOMPARE(started.size(), 2); // the requests made during the run became one more run
    QVERIFY(m_engine->isIdle());
}

void TestSyncEngine::olderRemoteStateDoesNotOverwrite()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Remote"),
                     .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    // A newer state arrived meanwhile (as a webhook would bring it).
    Task newer = *m_store->task(QStringLiteral("github:o/r#1"));
    newer.title = QStringLiteral("Newer");
    newer.updatedAt = newer.updatedAt.addSecs(3600);
    QVERIFY(m_store->upsert({newer}));

    m_sim->issue(QStringLiteral("o/r"), 1)->title = QStringLiteral("Stale");
    m_sim->touch(QStringLiteral("o/r"), 1);
    const SourceSyncResult result = syncGitHub();
    QVERIFY(result.ok());
    QCOMPARE(result.updated, 0);
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->title, QStringLiteral("Newer"));
}

void TestSyncEngine::failedSyncRecoversNextTime()
{
    for (int i = 0; i < 2; ++i)
        m_sim->addIssue({.repo = QStringLiteral("o/r"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    m_sim->closeIssue(QStringLiteral("o/r"), 1, QStringLiteral("bob"));
    m_sim->injectFault(QStringLiteral("*"), {SimFault::Kind::Status, 502}, 1);
    SourceSyncResult result = syncGitHub();
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(QStringLiteral("GitHub error: 502")),
             qPrintable(result.error));
    QCOMPARE(m_store->openTaskCount(), 2); // a failed sync wipes nothing

    result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.closed, 1);
    QCOMPARE(m_store->openTaskCount(), 1);
}

void TestSyncEngine::timerSyncsAgain()
{
    QSignalSpy started(m_engine.get(), &SyncEngine::syncStarted);
    m_engine->start(std::chrono::milliseconds(50));
    QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 3, 10000);
    m_engine->stop();
}

void TestSyncEngine::pendingCompletionIsNotUndoneBySync()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Mine"),
                     .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    m_engine->setOutbox(m_outbox.get());
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#1"), m_clock.now()));

    // The source still says open (and changed meanwhile): the local completion stands.
    m_sim->issue(QStringLiteral("o/r"), 1)->title = QStringLiteral("Renamed");
    m_sim->touch(QStringLiteral("o/r"), 1);
    const SourceSyncResult result = syncGitHub();
    QVERIFY(result.ok());
    const std::optional<Task> task = m_store->task(QStringLiteral("github:o/r#1"));
    QCOMPARE(task->status, TaskStatus::Done);
    QCOMPARE(task->title, QStringLiteral("Renamed")); // the rest of the remote state still arrives
    QCOMPARE(m_store->openTaskCount(), 0);
}

void TestSyncEngine::reopenedWhileTheCloseWasUnconfirmedShowsAfterIt()
{
    m_sim->addUser(QStringLiteral("bob"), QStringLiteral("ghp_bob"));
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Mine"),
                     .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    m_engine->setOutbox(m_outbox.get());
    const std::optional<qint64> entry =
        m_outbox->complete(QStringLiteral("github:o/r#1"), m_clock.now());
    QVERIFY(entry);

    // The close reaches GitHub, and bob reopens the issue before its answer is in: a sync
    // meanwhile keeps the user's pending completion.
    m_sim->closeIssue(QStringLiteral("o/r"), 1, QStringLiteral("me"));
    m_sim->reopenIssue(QStringLiteral("o/r"), 1, QStringLiteral("bob"));
    QVERIFY(syncGitHub().ok());
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->status, TaskStatus::Done);
    const QStringList heldBack{QStringLiteral("github:o/r#1")};
    QCOMPARE(m_engine->state()->recheck(Sources::GitHub), heldBack);
    QVERIFY(syncGitHub().ok()); // still on its way: still held back
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->status, TaskStatus::Done);
    QCOMPARE(m_engine->state()->recheck(Sources::GitHub), heldBack);

    // Confirmed: bob's reopen came after it. The listings do not show the issue again (its
    // page is unchanged), so the engine reads it again at once.
    const OutboxEntry confirmed = m_outbox->entries().first();
    QVERIFY(m_outbox->finish(*entry));
    m_sim->requestLog().clear();
    QSignalSpy finished(m_engine.get(), &SyncEngine::sourceFinished);
    m_engine->writeSettled(confirmed);
    QVERIFY(finished.wait());
    QVERIFY(finished.first().first().value<SourceSyncResult>().ok());
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             1);
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->status, TaskStatus::Todo);
    QCOMPARE(m_store->openTaskCount(), 1);
    QVERIFY(m_engine->state()->recheck(Sources::GitHub).isEmpty());

    // Settled: nothing more to read again, nor a sync for another write.
    m_sim->requestLog().clear();
    QVERIFY(syncGitHub().ok());
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             0);
    m_engine->writeSettled(confirmed);
    QVERIFY(m_engine->isIdle());
}

void TestSyncEngine::renamedRepoMovesTasksWithWhatTheUserDid()
{
    for (int i = 0; i < 2; ++i)
        m_sim->addIssue({.repo = QStringLiteral("acme/old"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    const QDate today = LocalDay::of(m_clock.now());
    const CurrentTask current{QStringLiteral("github:acme/old#1"), m_clock.now()};
    QVERIFY(m_store->setCurrentTask(current));
    QVERIFY(m_store->markSkipped(QStringLiteral("github:acme/old#2"), today));
    m_sim->renameRepo(QStringLiteral("acme/old"), QStringLiteral("acme/new"));

    const SourceSyncResult result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.newTasks, 0);
    QCOMPARE(m_store->openTaskCount(), 2); // never two copies
    QVERIFY(!m_store->task(QStringLiteral("github:acme/old#1")));
    QVERIFY(!m_store->task(QStringLiteral("github:acme/old#2")));
    const std::optional<Task> moved = m_store->task(QStringLiteral("github:acme/new#1"));
    QVERIFY(moved);
    QCOMPARE(moved->container, QStringLiteral("acme/new"));
    QVERIFY(moved->url.endsWith(QStringLiteral("/acme/new/issues/1")));
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:acme/new#1"));
    QCOMPARE(m_store->currentTask()->startedAt, current.startedAt);
    QCOMPARE(m_store->skippedOn(today), QSet<QString>{QStringLiteral("github:acme/new#2")});

    // Settled: the next sync has nothing to move.
    const SourceSyncResult again = syncGitHub();
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(again.newTasks + again.updated + again.closed, 0);
    QCOMPARE(m_store->openTaskCount(), 2);
}

void TestSyncEngine::transferredIssueMovesWithoutOverwriting()
{
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Travels"),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Neighbour"),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/api"),
                     .title = QStringLiteral("Stays"),
                     .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    QVERIFY(m_store->setCurrentTask({QStringLiteral("github:acme/web#1"), m_clock.now()}));
    // It becomes acme/api#2: its old number is another issue's in acme/web, and its new one
    // is not what acme/web#2 would be.
    QCOMPARE(m_sim->transferIssue(QStringLiteral("acme/web"), 1, QStringLiteral("acme/api"),
                                  QStringLiteral("bob")),
             2);

    const SourceSyncResult result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_store->openTaskCount(), 3);
    QVERIFY(!m_store->task(QStringLiteral("github:acme/web#1")));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#2"))->title,
             QStringLiteral("Neighbour"));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/api#1"))->title, QStringLiteral("Stays"));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/api#2"))->title, QStringLiteral("Travels"));
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:acme/api#2"));
}

void TestSyncEngine::movedTaskAlreadyStoredUnderItsNewId()
{
    // E.g. read under its new name by an earlier version, or brought by a webhook: two rows.
    m_sim->addIssue({.repo = QStringLiteral("acme/old"),
                     .title = QStringLiteral("Moves"),
                     .assignees = {QStringLiteral("me")}});
    QVERIFY(syncGitHub().ok());
    QVERIFY(m_store->setCurrentTask({QStringLiteral("github:acme/old#1"), m_clock.now()}));
    m_sim->renameRepo(QStringLiteral("acme/old"), QStringLiteral("acme/new"));
    Task copy = *m_store->task(QStringLiteral("github:acme/old#1"));
    copy.sourceId = QStringLiteral("acme/new#1");
    copy.id = Task::makeId(copy.source, copy.sourceId);
    copy.container = QStringLiteral("acme/new");
    QVERIFY(m_store->upsert({copy}));
    QCOMPARE(m_store->openTaskCount(), 2);

    const SourceSyncResult result = syncGitHub();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_store->openTaskCount(), 1);
    QVERIFY(!m_store->task(QStringLiteral("github:acme/old#1")));
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:acme/new#1"));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
