#include "ProfileFixture.h"
#include "TestTasks.h"

#include "core/Outbox.h"
#include "core/TaskStore.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/ClickUpReader.h"
#include "sources/ClickUpWriter.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"
#include "sync/OutboxProcessor.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace UpNext::TestTasks;
using namespace std::chrono_literals;

namespace {

const QString Token = QStringLiteral("ghp_outbox");

} // namespace

// The outbox against the simulated services: delivery, retries, pauses,
// failures, no duplicates, re-keying and pacing.
class TestOutboxProcessor : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deliversInOrder();
    void conflictKeepsTheTaskDone();
    void closeWhoseAnswerWasLostIsConfirmed();
    void closedByTheUserElsewhereIsConfirmed();
    void closeBySomeoneElseAfterALostAnswerIsAConflict();
    void clickUpCloseWhoseAnswerWasLostIsConfirmed();
    void retriesUntilTheSourceIsBack();
    void retryComesDueByTheClock();
    void rateLimitWaitIsCountedFromTheClock();
    void rejectedTokenPausesUntilResumed();
    void permanentRefusalUndoesAndTells();
    void noDuplicateCommentAfterACrash();
    void noDuplicateWhenTheAnswerIsLost();
    void createIsReKeyedWithItsComments();
    void pacingStaysUnderTheWriteLimit();
    void anotherProcessDrainsWhatIsLeft();
    void clickUpToo();
    void heldEntryWaitsForItsHold();

private:
    void makeProcessor();
    bool waitIdle();

    std::unique_ptr<SimGitHub> m_sim;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<GitHubWriter> m_writer;
    std::unique_ptr<OutboxProcessor> m_processor;
    QNetworkAccessManager m_manager;
};

void TestOutboxProcessor::init()
{
    // The processor runs on the system clock (its pacing waits for real time to pass); the
    // entries are made at m_now, before it.
    QVERIFY(openProfile());
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), Token);
    for (int i = 0; i < 3; ++i)
        m_sim->addIssue({.repo = QStringLiteral("o/r"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
    QVERIFY(m_store->upsert({gitHub(QStringLiteral("o/r"), 1, QStringLiteral("Issue 0")),
                             gitHub(QStringLiteral("o/r"), 2, QStringLiteral("Issue 1")),
                             gitHub(QStringLiteral("o/r"), 3, QStringLiteral("Issue 2"))}));
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    m_client->setTimeout(1000);
    GitHubReader::configure(m_client.get(), Token.toUtf8());
    m_writer = std::make_unique<GitHubWriter>(
        m_client.get(), GitHubWriterOptions{QStringLiteral("me"), QStringLiteral("o/r")});
    makeProcessor();
}

void TestOutboxProcessor::cleanup()
{
    m_processor.reset();
}

void TestOutboxProcessor::makeProcessor()
{
    m_processor = std::make_unique<OutboxProcessor>(m_outbox.get());
    m_processor->addWriter(Sources::GitHub, m_writer.get(), 5ms);
    m_processor->setBackoff(20ms, 200ms);
}

bool TestOutboxProcessor::waitIdle()
{
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->start();
    return idle.wait(20000);
}

void TestOutboxProcessor::deliversInOrder()
{
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("first"), m_now));
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("second"), m_now));
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#1"), m_now));
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#2"), QStringLiteral("elsewhere"), m_now));
    QSignalSpy sent(m_processor.get(), &OutboxProcessor::sent);
    QVERIFY(waitIdle());
    QCOMPARE(sent.size(), 4);
    QVERIFY(m_outbox->entries().isEmpty());
    const QList<SimGitHubComment> comments = m_sim->comments(QStringLiteral("o/r"), 1);
    QCOMPARE(comments.size(), 2);
    QCOMPARE(comments.at(0).body, QStringLiteral("first"));
    QCOMPARE(comments.at(1).body, QStringLiteral("second"));
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 1)->state, QStringLiteral("closed"));
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 1)->stateReason, QStringLiteral("completed"));
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 2).size(), 1);
}

void TestOutboxProcessor::conflictKeepsTheTaskDone()
{
    m_sim->closeIssue(QStringLiteral("o/r"), 2, QStringLiteral("bob"));
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#2"), m_now));
    QSignalSpy conflict(m_processor.get(), &OutboxProcessor::conflict);
    QVERIFY(waitIdle());
    QCOMPARE(conflict.size(), 1);
    QVERIFY2(conflict.first().at(1).toString().contains(QStringLiteral("bob")),
             qPrintable(conflict.first().at(1).toString()));
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#2"))->status, TaskStatus::Done);
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 2)->closedBy,
             QStringLiteral("bob")); // not closed twice
}

// The close reached GitHub but its answer did not come back: the next attempt finds the issue
// closed by the user, which confirms the first one. Nothing is sent twice, no conflict is told.
void TestOutboxProcessor::closeWhoseAnswerWasLostIsConfirmed()
{
    const QString patch = QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}");
    m_sim->injectFault(patch, {SimFault::Kind::Reset}, 1);
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#2"), m_now));
    QSignalSpy conflict(m_processor.get(), &OutboxProcessor::conflict);
    QSignalSpy sent(m_processor.get(), &OutboxProcessor::sent);
    QSignalSpy retrying(m_processor.get(), &OutboxProcessor::retrying);
    QVERIFY(waitIdle());
    QCOMPARE(retrying.size(), 1); // the lost answer
    QCOMPARE(conflict.size(), 0);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent.first().at(1).value<WriteResult>().conflict);
    QCOMPARE(m_sim->requestLog().count(patch), 1);
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 2)->closedBy, QStringLiteral("me"));
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#2"))->status, TaskStatus::Done);
    QVERIFY(m_outbox->entries().isEmpty());
}

// The user closed the issue on GitHub before the close queued here went: done as they asked,
// no conflict told, nothing sent twice.
void TestOutboxProcessor::closedByTheUserElsewhereIsConfirmed()
{
    m_sim->closeIssue(QStringLiteral("o/r"), 2, QStringLiteral("me"));
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#2"), m_now));
    QSignalSpy conflict(m_processor.get(), &OutboxProcessor::conflict);
    QSignalSpy sent(m_processor.get(), &OutboxProcessor::sent);
    QVERIFY(waitIdle());
    QCOMPARE(conflict.size(), 0);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent.first().at(1).value<WriteResult>().conflict);
    QCOMPARE(
        m_sim->requestLog().count(QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}")),
        0);
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#2"))->status, TaskStatus::Done);
    QVERIFY(m_outbox->entries().isEmpty());
}

// An attempt was made, but someone else closed the issue: still a conflict, naming them.
void TestOutboxProcessor::closeBySomeoneElseAfterALostAnswerIsAConflict()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("github:o/r#2"), m_now);
    // The app stopped while the close was being sent; it never arrived, bob closed the issue.
    QVERIFY(m_outbox->markSending(id, m_now));
    m_sim->closeIssue(QStringLiteral("o/r"), 2, QStringLiteral("bob"));
    QSignalSpy conflict(m_processor.get(), &OutboxProcessor::conflict);
    QVERIFY(waitIdle());
    QCOMPARE(conflict.size(), 1);
    QCOMPARE(conflict.first().at(1).toString(), QStringLiteral("closed by bob"));
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 2)->closedBy, QStringLiteral("bob"));
    QVERIFY(m_outbox->entries().isEmpty());
}

// ClickUp does not say who closed a task: closed after a send of ours is that send.
void TestOutboxProcessor::clickUpCloseWhoseAnswerWasLostIsConfirmed()
{
    SimClickUp sim;
    QVERIFY(sim.listen() > 0);
    sim.addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                QStringLiteral("pk_outbox"));
    sim.addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    const QString id = sim.addTask(
        {.name = QStringLiteral("Ship it"), .listId = QStringLiteral("901"), .assignees = {7}});
    const QString other = sim.addTask(
        {.name = QStringLiteral("Closed by a teammate"), .listId = QStringLiteral("901")});
    QVERIFY(m_store->upsert({TestTasks::clickUp(id, QStringLiteral("Ship it")),
                             TestTasks::clickUp(other, QStringLiteral("Closed by a teammate"))}));
    QVERIFY(sim.setStatus(other, QStringLiteral("complete"), 8));

    RestClient client(&m_manager, sim.baseUrl());
    client.setTimeout(1000);
    ClickUpReader::configure(&client, "pk_outbox");
    ClickUpWriter writer(&client, {QStringLiteral("7"), QStringLiteral("901")});
    m_processor->addWriter(Sources::ClickUp, &writer, 5ms);
    const QString put = QStringLiteral("PUT /task/{task_id}");
    sim.injectFault(put, {SimFault::Kind::Reset}, 1);
    QVERIFY(m_outbox->complete(Task::makeId(Sources::ClickUp, id), m_now));
    // Never sent: a close found done is someone else's.
    QVERIFY(m_outbox->complete(Task::makeId(Sources::ClickUp, other), m_now));
    QSignalSpy conflict(m_processor.get(), &OutboxProcessor::conflict);
    QVERIFY(waitIdle());
    QCOMPARE(conflict.size(), 1);
    QCOMPARE(conflict.first().at(0).value<OutboxEntry>().taskId,
             Task::makeId(Sources::ClickUp, other));
    QCOMPARE(sim.requestLog().count(put), 1);
    QCOMPARE(sim.task(id)->status, QStringLiteral("complete"));
    QVERIFY(m_outbox->entries().isEmpty());
}

void TestOutboxProcessor::retriesUntilTheSourceIsBack()
{
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Status, 503}, 3);
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("eventually"), m_now));
    QSignalSpy unreachable(m_processor.get(), &OutboxProcessor::unreachable);
    QVERIFY(waitIdle());
    QCOMPARE(unreachable.size(), 3); // the window says GitHub cannot be reached
    QCOMPARE(unreachable.first().at(0).toString(), Sources::GitHub);
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);
    QCOMPARE(m_sim->requestLog().countWithStatus(503), 3);
}

void TestOutboxProcessor::retryComesDueByTheClock()
{
    // The processor and the writer on a clock the test moves; the backoff is long, so only
    // the clock brings the retry.
    m_processor->setClock(&m_clock);
    m_writer->setClock(&m_clock);
    m_processor->setBackoff(20s, 5min);
    m_processor->addWriter(Sources::GitHub, m_writer.get(), 0ms);
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Status, 503}, 1);
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("later"), m_now));
    QSignalSpy retrying(m_processor.get(), &OutboxProcessor::retrying);
    m_processor->start();
    QVERIFY(retrying.wait(20000));
    // The first backoff (20 s, ±20 %) from the clock's now.
    const QDateTime when = retrying.first().at(2).toDateTime();
    QVERIFY2(when >= m_now.addSecs(16) && when <= m_now.addSecs(24),
             qPrintable(when.toString(Qt::ISODateWithMs)));
    QCOMPARE(m_outbox->entries().first().nextAttempt, when);
    QVERIFY(m_outbox->due(when.addMSecs(-1)).isEmpty());

    // The clock reaches it: the next look sends it.
    m_clock.set(when);
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->processNow();
    QVERIFY(idle.wait(20000));
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);
    QCOMPARE(retrying.size(), 1);
}

void TestOutboxProcessor::rateLimitWaitIsCountedFromTheClock()
{
    // GitHub answers 429 without a header to say how long: a minute, from the clock's now.
    m_processor->setClock(&m_clock);
    m_writer->setClock(&m_clock);
    m_processor->addWriter(Sources::GitHub, m_writer.get(), 0ms);
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Status, 429}, 1);
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("limited"), m_now));
    QSignalSpy retrying(m_processor.get(), &OutboxProcessor::retrying);
    QSignalSpy rateLimited(m_processor.get(), &OutboxProcessor::rateLimited);
    QSignalSpy unreachable(m_processor.get(), &OutboxProcessor::unreachable);
    m_processor->start();
    QVERIFY(retrying.wait(20000));
    QCOMPARE(retrying.first().at(2).toDateTime(), m_now.addSecs(60));
    QCOMPARE(rateLimited.size(), 1);
    QCOMPARE(rateLimited.first().at(1).toDateTime(), m_now.addSecs(60));
    QCOMPARE(unreachable.size(), 0);
    QCOMPARE(m_outbox->entries().first().nextAttempt, m_now.addSecs(60));

    m_clock.set(m_now.addSecs(60));
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->processNow();
    QVERIFY(idle.wait(20000));
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);
}

void TestOutboxProcessor::rejectedTokenPausesUntilResumed()
{
    GitHubReader::configure(m_client.get(), "expired");
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#3"), m_now));
    QSignalSpy paused(m_processor.get(), &OutboxProcessor::paused);
    QVERIFY(waitIdle());
    QCOMPARE(paused.size(), 1);
    QCOMPARE(paused.first().at(0).toString(), Sources::GitHub);
    QVERIFY(paused.first().at(1).toString().startsWith(QStringLiteral("GitHub error: 401")));
    QVERIFY(m_processor->isPaused(Sources::GitHub));
    // The user's work stays: done here, waiting in the outbox.
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#3"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->pendingCount(), 1);

    GitHubReader::configure(m_client.get(), Token.toUtf8());
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->resume(Sources::GitHub);
    QVERIFY(idle.wait(20000));
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 3)->state, QStringLiteral("closed"));
}

void TestOutboxProcessor::permanentRefusalUndoesAndTells()
{
    QVERIFY(m_store->upsert({gitHub(QStringLiteral("o/r"), 99, QStringLiteral("Gone"))}));
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#99"), m_now));
    QSignalSpy failed(m_processor.get(), &OutboxProcessor::failed);
    QVERIFY(waitIdle());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("GitHub error: 404 (Not Found)"));
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#99"))->status,
             TaskStatus::Todo); // open again
    QCOMPARE(m_outbox->failed().size(), 1);
}

void TestOutboxProcessor::noDuplicateCommentAfterACrash()
{
    const qint64 id = *m_outbox->comment(QStringLiteral("github:o/r#1"),
                                         QStringLiteral("sent just before the crash"), m_now);
    // The last run handed it over and the source got it, but the app stopped before the answer.
    QVERIFY(m_outbox->markSending(id, m_now));
    m_sim->addComment(QStringLiteral("o/r"), 1, QStringLiteral("sent just before the crash"),
                      QStringLiteral("me"));
    QVERIFY(waitIdle());
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);

    // A handed-over entry that did not arrive is sent.
    const qint64 lost = *m_outbox->comment(QStringLiteral("github:o/r#2"),
                                           QStringLiteral("lost on the way"), m_now);
    QVERIFY(m_outbox->markSending(lost, m_now));
    QVERIFY(waitIdle());
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 2).size(), 1);
}

void TestOutboxProcessor::noDuplicateWhenTheAnswerIsLost()
{
    // The source takes each write, then the connection drops before its answer.
    const QString comments = QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments");
    const QString issues = QStringLiteral("POST /repos/{owner}/{repo}/issues");
    m_sim->injectFault(comments, {SimFault::Kind::Reset}, 1);
    m_sim->injectFault(issues, {SimFault::Kind::Reset}, 1);
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("only once"), m_now));
    Task draft;
    draft.source = Sources::GitHub;
    draft.container = QStringLiteral("o/r");
    draft.title = QStringLiteral("Created once");
    const QString localId = *m_outbox->create(draft, m_now);
    QVERIFY(waitIdle());
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);
    QCOMPARE(m_sim->requestLog().count(comments), 1);
    QCOMPARE(m_sim->requestLog().count(issues), 1);
    QVERIFY(!m_sim->issue(QStringLiteral("o/r"), 5));
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#4"))->title, QStringLiteral("Created once"));
    QCOMPARE(m_store->task(localId), std::nullopt);
}

void TestOutboxProcessor::createIsReKeyedWithItsComments()
{
    Task draft;
    draft.source = Sources::GitHub;
    draft.container = QStringLiteral("o/r");
    draft.title = QStringLiteral("Created here");
    draft.entity = QStringLiteral("acme");
    const QString localId = *m_outbox->create(draft, m_now);
    QVERIFY(m_store->setCurrentTask({localId, m_now}));
    QVERIFY(m_outbox->comment(localId, QStringLiteral("follow-up"), m_now));
    QVERIFY(waitIdle());
    QVERIFY(m_outbox->entries().isEmpty());
    const QString realId = QStringLiteral("github:o/r#4");
    QCOMPARE(m_store->task(localId), std::nullopt);
    QCOMPARE(m_store->task(realId)->title, QStringLiteral("Created here"));
    QCOMPARE(m_store->currentTask()->taskId, realId);
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 4)->title,
             QStringLiteral("[CLIENT:acme] Created here"));
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 4).size(), 1);
}

void TestOutboxProcessor::pacingStaysUnderTheWriteLimit()
{
    m_sim->setWriteLimit(4, 1); // four writes a second
    m_processor->addWriter(Sources::GitHub, m_writer.get(), 300ms);
    for (int i = 0; i < 8; ++i)
        QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#%1").arg(1 + i % 3),
                                  QStringLiteral("paced %1").arg(i), m_now));
    QVERIFY(waitIdle());
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->requestLog().countWithStatus(403), 0); // never over the limit
    QCOMPARE(m_sim->requestLog().count(
                 QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments")),
             8);
}

void TestOutboxProcessor::anotherProcessDrainsWhatIsLeft()
{
    QVERIFY(
        m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("left behind"), m_now));
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#2"), m_now));
    m_processor.reset();

    // Next start: a new store, outbox and processor on the same profile.
    QVERIFY(reopenProfile());
    makeProcessor();
    QVERIFY(waitIdle());
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 2)->state, QStringLiteral("closed"));
}

void TestOutboxProcessor::clickUpToo()
{
    SimClickUp sim;
    QVERIFY(sim.listen() > 0);
    sim.addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                QStringLiteral("pk_outbox"));
    sim.addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    const QString id = sim.addTask(
        {.name = QStringLiteral("Ship it"), .listId = QStringLiteral("901"), .assignees = {7}});
    Task task = TestTasks::clickUp(id, QStringLiteral("Ship it"));
    QVERIFY(m_store->upsert({task}));

    RestClient client(&m_manager, sim.baseUrl());
    ClickUpReader::configure(&client, "pk_outbox");
    ClickUpWriter writer(&client, {QStringLiteral("7"), QStringLiteral("901")});
    m_processor->addWriter(Sources::ClickUp, &writer, 5ms);
    QVERIFY(m_outbox->comment(task.id, QStringLiteral("Done 🚀"), m_now));
    QVERIFY(m_outbox->complete(task.id, m_now));
    QVERIFY(waitIdle());
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(sim.task(id)->status, QStringLiteral("complete"));
    QCOMPARE(sim.comments(id).size(), 1);
}

// A Done or comment the user can still undo waits out its hold, whatever asks the processor to
// send now; then it goes.
void TestOutboxProcessor::heldEntryWaitsForItsHold()
{
    m_processor->setClock(&m_clock);
    m_writer->setClock(&m_clock);
    m_processor->addWriter(Sources::GitHub, m_writer.get(), 0ms);
    const QDateTime hold = m_now.addSecs(5);
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("held"), m_now, hold));
    QVERIFY(m_outbox->complete(QStringLiteral("github:o/r#1"), m_now, hold));
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#2"), QStringLiteral("free"), m_now));
    QSignalSpy sent(m_processor.get(), &OutboxProcessor::sent);
    m_processor->start();
    m_processor->retryNow(); // "Retry now", the network back: not for held entries
    QVERIFY(sent.wait(20000));
    // The free one went; the held ones stayed, and the processor waits for their hold.
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 2).size(), 1);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 0);
    QCOMPARE(m_outbox->pendingCount(), 2);

    m_clock.set(hold);
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->processNow();
    QVERIFY(idle.wait(20000));
    QCOMPARE(sent.size(), 3);
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), 1).size(), 1);
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), 1)->state, QStringLiteral("closed"));
    QVERIFY(m_outbox->entries().isEmpty());
}

QTEST_GUILESS_MAIN(TestOutboxProcessor)
#include "tst_outboxprocessor.moc"
