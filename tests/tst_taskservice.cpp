#include "ProfileFixture.h"
#include "TestTasks.h"

#include "core/LocalDay.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

namespace {

// A wall-clock time in the user's zone, given in UTC as the app passes it.
QDateTime local(const QDate &day, const QTime &time)
{
    return QDateTime(day, time).toUTC();
}

} // namespace

class TestTaskService : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nextPicksTheBestAndKeepsIt();
    void nextWithNothingToDo();
    void doneNeedsACurrentTask();
    void doneCompletesAndMovesOnInOneStep();
    void skipLastsUntilTheEndOfTheDay();
    void completeById();
    void badIds_data();
    void badIds();
    void comments();
    void createShowsAtOnce();
    void createChecksItsInput_data();
    void createChecksItsInput();
    void createCountsCharacters();
    void morningBriefing();
    void briefingAndScoreShareTheLocalDay_data();
    void briefingAndScoreShareTheLocalDay();
    void doneIsHeldAndCanBeUndone();
    void markDoneOfTheCurrentTaskCanBeUndone();
    void skipCanBeUndone();
    void commentCanBeUndone();
    void undoGoesBackStepByStep();
    void undoRunsOut();
    void undoComesTooLateOnceSent();
    void noUndoWithoutAGrace();
    void retryWriteSendsAWaitingOneNow();
};

void TestTaskService::init()
{
    QVERIFY(openProfile());
    startService();
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Best"), 30),
                             gitHub(QStringLiteral("o/r"), 1, QStringLiteral("Second"), 20),
                             clickUp(QStringLiteral("c"), QStringLiteral("Third"), 10)}));
}

void TestTaskService::nextPicksTheBestAndKeepsIt()
{
    // Tasks arriving made the best current at once, with no one asking.
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("clickup:a"));
    QCOMPARE(m_store->currentTask()->startedAt, m_now);
    QSignalSpy changed(m_service.get(), &TaskService::currentChanged);
    TaskResult result = m_service->next(m_now.addSecs(5));
    QVERIFY(result.ok());
    QCOMPARE(result.task->id, QStringLiteral("clickup:a"));
    QCOMPARE(m_store->currentTask()->startedAt, m_now);
    QCOMPARE(changed.size(), 0);

    // A better task arriving later does not take the place of the one being worked on.
    m_clock.advance(30);
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("z"), QStringLiteral("Even better"), 99)}));
    result = m_service->next(m_now.addSecs(60));
    QCOMPARE(result.task->id, QStringLiteral("clickup:a"));
    QCOMPARE(m_store->currentTask()->startedAt, m_now);
    QCOMPARE(changed.size(), 0);
}

void TestTaskService::nextWithNothingToDo()
{
    TaskStore empty;
    QVERIFY(empty.open(m_dir->filePath(QStringLiteral("empty.db"))));
    Outbox outbox(&empty);
    TaskService service(&empty, &outbox, nullptr);
    const TaskResult result = service.next(m_now);
    QVERIFY(result.ok());
    QCOMPARE(result.task, std::nullopt);
    QCOMPARE(empty.currentTask(), std::nullopt);
}

void TestTaskService::doneNeedsACurrentTask()
{
    TaskStore empty;
    QVERIFY(empty.open(m_dir->filePath(QStringLiteral("empty.db"))));
    Outbox outbox(&empty);
    TaskService service(&empty, &outbox, nullptr);
    QSignalSpy queued(&service, &TaskService::queued);
    QCOMPARE(service.done(m_now).error, QStringLiteral("No current task to complete"));
    QCOMPARE(service.skip(m_now).error, QStringLiteral("No current task to skip"));
    QCOMPARE(queued.size(), 0);
    QVERIFY(outbox.entries().isEmpty());
}

void TestTaskService::doneCompletesAndMovesOnInOneStep()
{
    QVERIFY(m_service->next(m_now).ok());
    QSignalSpy queued(m_service.get(), &TaskService::queued);
    const TaskResult result = m_service->done(m_now.addSecs(600));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(queued.size(), 1); // so the outbox sends it now
    QCOMPARE(result.task->id, QStringLiteral("github:o/r#1"));
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->entries().size(), 1);
    QCOMPARE(m_outbox->entries().first().kind, OutboxEntry::Kind::Complete);
    QCOMPARE(m_outbox->entries().first().taskId, QStringLiteral("clickup:a"));

    const TaskResult second = m_service->done(m_now);
    QCOMPARE(second.task->id, QStringLiteral("clickup:c"));
    const TaskResult last = m_service->done(m_now);
    QVERIFY(last.ok());
    QCOMPARE(last.task, std::nullopt); // all done
    QCOMPARE(m_store->currentTask(), std::nullopt);
    QCOMPARE(m_outbox->entries().size(), 3);
}

void TestTaskService::skipLastsUntilTheEndOfTheDay()
{
    // In the evening: already tomorrow in UTC west of it.
    const QDateTime evening = local(QDate(2026, 3, 10), QTime(20, 33));
    QVERIFY(m_service->next(evening).ok());
    TaskResult result = m_service->skip(evening);
    QCOMPARE(result.task->id, QStringLiteral("github:o/r#1"));
    result = m_service->skip(evening);
    QCOMPARE(result.task->id, QStringLiteral("clickup:c"));
    result = m_service->skip(evening);
    QVERIFY(result.ok());
    QCOMPARE(result.task, std::nullopt); // everything set aside today
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status,
             TaskStatus::Todo); // skipping is not doing
    QVERIFY(m_outbox->entries().isEmpty());

    // Until the user's midnight; then the best task is back.
    QCOMPARE(m_service->next(local(QDate(2026, 3, 10), QTime(23, 59, 30))).task, std::nullopt);
    QCOMPARE(m_service->next(local(QDate(2026, 3, 11), QTime(0, 0, 30))).task->id,
             QStringLiteral("clickup:a"));
}

void TestTaskService::completeById()
{
    QVERIFY(m_service->next(m_now).ok());
    TaskResult result = m_service->complete(QStringLiteral("github:o/r#1"), m_now);
    QVERIFY(result.ok());
    QCOMPARE(result.task->status, TaskStatus::Done);
    QCOMPARE(m_store->currentTask()->taskId,
             QStringLiteral("clickup:a")); // another task: current stays

    QSignalSpy changed(m_service.get(), &TaskService::currentChanged);
    result = m_service->complete(QStringLiteral("clickup:a"), m_now);
    QVERIFY(result.ok());
    // The current task closed: the next open one takes its place.
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("clickup:c"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("clickup:c"));

    QVERIFY(!m_service->complete(QStringLiteral("clickup:a"), m_now).ok()); // already done
}

void TestTaskService::badIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown") << "clickup:nope"
                             << "Task clickup:nope not found";
    QTest::newRow("malformed") << "clickup:no pe"
                               << "Invalid task id: \"clickup:no pe\"";
    QTest::newRow("no source") << "42"
                               << "Invalid task id: \"42\"";
}

void TestTaskService::badIds()
{
    QFETCH(QString, id);
    QFETCH(QString, error);
    QCOMPARE(m_service->complete(id, m_now).error, error);
    QCOMPARE(m_service->comment(id, QStringLiteral("hi"), m_now).error, error);
    QVERIFY(m_outbox->entries().isEmpty());
}

void TestTaskService::comments()
{
    QSignalSpy queued(m_service.get(), &TaskService::queued);
    QVERIFY(!m_service->comment(QStringLiteral("clickup:a"), QStringLiteral("   "), m_now).ok());
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(queued.size(), 0);
    const TaskResult result =
        m_service->comment(QStringLiteral("clickup:a"), QStringLiteral("On it"), m_now);
    QVERIFY(result.ok());
    QCOMPARE(result.task->lastActivity, m_now);
    QCOMPARE(m_outbox->entries().first().text, QStringLiteral("On it"));
    QCOMPARE(queued.size(), 1);
}

void TestTaskService::createShowsAtOnce()
{
    const TaskResult result =
        m_service->create(Sources::GitHub, QStringLiteral("acme/web"), QStringLiteral("Brand new"),
                          QStringLiteral("acme"), QStringLiteral("Body"), m_now);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(Task::isLocalId(result.task->id));
    QCOMPARE(result.task->title, QStringLiteral("Brand new"));
    QCOMPARE(result.task->entity, QStringLiteral("acme"));
    bool listed = false;
    for (const Task &task : m_store->openTasks())
        listed = listed || task.id == result.task->id;
    QVERIFY(listed);
    QCOMPARE(m_outbox->entries().first().kind, OutboxEntry::Kind::Create);
}

void TestTaskService::createChecksItsInput_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty title") << "github"
                                 << "o/r"
                                 << "  "
                                 << ""
                                 << "A task needs a title";
    QTest::newRow("unknown source") << "jira"
                                    << "x"
                                    << "T"
                                    << ""
                                    << "Unknown source \"jira\"";
    QTest::newRow("no repo") << "github"
                             << ""
                             << "T"
                             << ""
                             << "No repository chosen for the new issue";
    QTest::newRow("no list") << "clickup"
                             << ""
                             << "T"
                             << ""
                             << "No list chosen for the new task";
    QTest::newRow("github too long") << "github"
                                     << "o/r" << QString(257, QLatin1Char('x')) << ""
                                     << "The title is too long for GitHub (256 characters at most)";
    // The client prefix counts: 245 + "[CLIENT:acme] " (14) > 256.
    QTest::newRow("github prefix too long")
        << "github"
        << "o/r" << QString(245, QLatin1Char('x')) << "acme"
        << "The title is too long for GitHub (256 characters at most)";
    // Characters, not UTF-16 units: 256 emoji fit GitHub's limit, 257 do not.
    QTest::newRow("github emoji too long")
        << "github"
        << "o/r" << QString(QStringLiteral("🚀")).repeated(257) << ""
        << "The title is too long for GitHub (256 characters at most)";
    QTest::newRow("clickup too long")
        << "clickup"
        << "901" << QString(2049, QLatin1Char('x')) << ""
        << "The title is too long for ClickUp (2048 characters at most)";
}

void TestTaskService::createCountsCharacters()
{
    const TaskResult result =
        m_service->create(Sources::GitHub, QStringLiteral("o/r"),
                          QString(QStringLiteral("🚀")).repeated(256), {}, {}, m_now);
    QVERIFY2(result.ok(), qPrintable(result.error));
}

void TestTaskService::createChecksItsInput()
{
    QFETCH(QString, source);
    QFETCH(QString, container);
    QFETCH(QString, title);
    QFETCH(QString, entity);
    QFETCH(QString, error);
    QCOMPARE(m_service->create(source, container, title, entity, {}, m_now).error, error);
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_store->openTaskCount(), 3);
}

void TestTaskService::morningBriefing()
{
    Task overdue = clickUp(QStringLiteral("late"), QStringLiteral("Late"), 5);
    overdue.dueDate = m_now.date().addDays(-2);
    Task today = clickUp(QStringLiteral("today"), QStringLiteral("Today"), 4);
    today.dueDate = m_now.date();
    Task changed = gitHub(QStringLiteral("o/r"), 9, QStringLiteral("Changed by Bob"), 3);
    changed.updatedAt = m_now.addSecs(-3600);
    QVERIFY(m_store->upsert(
        {overdue, today, changed, clickUp(QStringLiteral("x"), QStringLiteral("Fourth"), 2)}));
    const qint64 failedId =
        *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("lost?"), m_now);
    QVERIFY(m_outbox->fail(failedId, QStringLiteral("ClickUp error: 404 (Task not found)")));

    Briefing briefing = m_service->briefing(m_now);
    QCOMPARE(briefing.top.size(), 5);
    QCOMPARE(briefing.top.first().first.id, QStringLiteral("clickup:a"));
    QCOMPARE(briefing.overdue.size(), 1);
    QCOMPARE(briefing.overdue.first().id, QStringLiteral("clickup:late"));
    QCOMPARE(briefing.dueToday.first().id, QStringLiteral("clickup:today"));
    // The first briefing looks back a day: Bob's change an hour ago, not older ones.
    QCOMPARE(briefing.changedElsewhere.size(), 1);
    QCOMPARE(briefing.changedElsewhere.first().id, QStringLiteral("github:o/r#9"));
    QCOMPARE(briefing.failedWrites.size(), 1);
    // The breakdown explains the score.
    const auto &[task, why] = briefing.top.at(3);
    QVERIFY(!why.breakdown.isEmpty());
    QCOMPARE(task.id, QStringLiteral("clickup:late"));

    // Only what changed since: nothing yet, then Bob's next change.
    briefing = m_service->briefing(m_now.addSecs(60));
    QVERIFY(briefing.changedElsewhere.isEmpty());
    changed.updatedAt = m_now.addSecs(120);
    QVERIFY(m_store->upsert({changed}));
    briefing = m_service->briefing(m_now.addSecs(180));
    QCOMPARE(briefing.changedElsewhere.size(), 1);
    QCOMPARE(briefing.changedElsewhere.first().id, QStringLiteral("github:o/r#9"));
}

void TestTaskService::briefingAndScoreShareTheLocalDay_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDate>("due");
    QTest::addColumn<bool>("overdue");

    // The evening is already tomorrow in UTC west of it; just after midnight it is still
    // yesterday in UTC east of it. Also on the days the clocks change (US, EU).
    for (const QDate &day : {QDate(2026, 3, 10), QDate(2026, 3, 8), QDate(2026, 11, 1),
                             QDate(2026, 3, 29), QDate(2026, 10, 25)}) {
        const QByteArray name = day.toString(Qt::ISODate).toLatin1();
        QTest::addRow("%s 20:33, due that day", name.constData())
            << local(day, QTime(20, 33)) << day << false;
        QTest::addRow("%s 00:00:30, due the day before", name.constData())
            << local(day, QTime(0, 0, 30)) << day.addDays(-1) << true;
    }
}

void TestTaskService::briefingAndScoreShareTheLocalDay()
{
    QFETCH(QDateTime, now);
    QFETCH(QDate, due);
    QFETCH(bool, overdue);

    Task task = clickUp(QStringLiteral("due"), QStringLiteral("Due"), 99);
    task.dueDate = due;
    QVERIFY(m_store->upsert({task}));
    const Briefing briefing = m_service->briefing(now);
    QCOMPARE(idsOf(briefing.overdue).contains(task.id), overdue);
    QCOMPARE(idsOf(briefing.dueToday).contains(task.id), !overdue);

    // The score's reasons say the same as the briefing.
    const auto &[top, why] = briefing.top.first();
    QCOMPARE(top.id, task.id);
    QStringList keys;
    for (const ScoreContribution &contribution : why.breakdown)
        keys.append(contribution.key);
    QCOMPARE(keys.contains(QStringLiteral("overdue")), overdue);
    QCOMPARE(keys.contains(QStringLiteral("due_today")), !overdue);
}

void TestTaskService::doneIsHeldAndCanBeUndone()
{
    const CurrentTask before = *m_store->currentTask();
    QSignalSpy offered(m_service.get(), &TaskService::undoChanged);
    QVERIFY(m_service->done(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
    // Held in the outbox as long as it can be undone.
    const OutboxEntry entry = m_outbox->entries().constFirst();
    QCOMPARE(entry.holdUntil, m_now.addMSecs(TaskService::DefaultUndoGrace.count()));
    QVERIFY(m_outbox->due(m_now.addSecs(4)).isEmpty());
    QCOMPARE(offered.size(), 1);
    const std::optional<UndoOffer> offer = m_service->undoOffer();
    QVERIFY(offer);
    QCOMPARE(offer->kind, UndoOffer::Kind::Done);
    QCOMPARE(offer->taskId, QStringLiteral("clickup:a"));
    QCOMPARE(offer->title, QStringLiteral("Best"));

    m_clock.advance(4);
    QSignalSpy current(m_service.get(), &TaskService::currentChanged);
    const TaskResult undone = m_service->undo(m_clock.now());
    QVERIFY2(undone.ok(), qPrintable(undone.error));
    QCOMPARE(undone.task->id, QStringLiteral("clickup:a"));
    // Never sent, open again, and the task it was: current since when it was before.
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Todo);
    QCOMPARE(*m_store->currentTask(), before);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().first().toString(), QStringLiteral("clickup:a"));
    QCOMPARE(offered.size(), 2);
    QCOMPARE(m_service->undoOffer(), std::nullopt);
    QCOMPARE(m_service->undo(m_clock.now()).error, QStringLiteral("Nothing to undo"));
}

void TestTaskService::markDoneOfTheCurrentTaskCanBeUndone()
{
    // Mark Done in the details pane on the current task, and on another one.
    QVERIFY(m_service->complete(QStringLiteral("clickup:a"), m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
    QVERIFY(m_service->complete(QStringLiteral("clickup:c"), m_now).ok());
    QVERIFY(m_service->undo(m_now).ok());
    QCOMPARE(m_store->task(QStringLiteral("clickup:c"))->status, TaskStatus::Todo);
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1")); // it stays
    QVERIFY(m_service->undo(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("clickup:a"));
    QVERIFY(m_outbox->entries().isEmpty());
}

void TestTaskService::skipCanBeUndone()
{
    QVERIFY(m_service->skip(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
    QCOMPARE(m_service->undoOffer()->kind, UndoOffer::Kind::Skip);
    QVERIFY(m_service->undo(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("clickup:a"));
    QVERIFY(m_store->skippedOn(LocalDay::of(m_now)).isEmpty());
    // Not skipped any more: it comes up again after another task is done.
    QVERIFY(m_service->skip(m_now).ok());
    QVERIFY(m_service->undo(m_now).ok());
    QVERIFY(m_service->done(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
}

void TestTaskService::commentCanBeUndone()
{
    const QString a = QStringLiteral("clickup:a");
    QVERIFY(m_service->comment(a, QStringLiteral("Typo"), m_now.addSecs(60)).ok());
    QCOMPARE(m_store->task(a)->lastActivity, m_now.addSecs(60));
    const std::optional<UndoOffer> offer = m_service->undoOffer();
    QCOMPARE(offer->kind, UndoOffer::Kind::Comment);
    QCOMPARE(offer->text, QStringLiteral("Typo"));
    QVERIFY(m_service->undo(m_now.addSecs(61)).ok());
    QVERIFY(m_outbox->entries().isEmpty());
    QVERIFY(!m_store->task(a)->lastActivity.isValid()); // as before the comment
    QCOMPARE(m_store->currentTask()->taskId, a);
}

void TestTaskService::undoGoesBackStepByStep()
{
    QVERIFY(m_service->done(m_now).ok());
    QVERIFY(m_service->skip(m_now).ok());
    QVERIFY(m_service->comment(QStringLiteral("clickup:c"), QStringLiteral("Hi"), m_now).ok());
    QCOMPARE(m_service->undoOffer()->kind, UndoOffer::Kind::Comment);
    QVERIFY(m_service->undo(m_now).ok());
    QCOMPARE(m_service->undoOffer()->kind, UndoOffer::Kind::Skip);
    QVERIFY(m_service->undo(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
    QVERIFY(m_service->undo(m_now).ok());
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("clickup:a"));
    QCOMPARE(m_service->undoOffer(), std::nullopt);
}

void TestTaskService::undoRunsOut()
{
    m_service->setUndoGrace(std::chrono::milliseconds(50));
    QSignalSpy changed(m_service.get(), &TaskService::undoChanged);
    QVERIFY(m_service->done(m_now).ok());
    QVERIFY(m_service->undoOffer());
    m_clock.advance(1);
    QCOMPARE(m_service->undoOffer(), std::nullopt);
    // The service says so by itself, for the window to take its Undo away.
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(m_service->undo(m_clock.now()).error, QStringLiteral("Nothing to undo"));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->due(m_clock.now()).size(), 1); // and it goes
}

void TestTaskService::undoComesTooLateOnceSent()
{
    QVERIFY(m_service->done(m_now).ok());
    const qint64 id = m_outbox->entries().constFirst().id;
    QVERIFY(m_outbox->retry(id, m_now)); // the user sent it at once (Outbox → Retry)
    QVERIFY(m_outbox->markSending(id, m_now));
    const TaskResult result = m_service->undo(m_now);
    QCOMPARE(result.error,
             QStringLiteral("“Best” cannot be undone any more: This change was already sent"));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:o/r#1"));
}

void TestTaskService::noUndoWithoutAGrace()
{
    m_service->setUndoGrace(std::chrono::milliseconds(0));
    QVERIFY(m_service->done(m_now).ok());
    QVERIFY(m_service->comment(QStringLiteral("clickup:c"), QStringLiteral("Hi"), m_now).ok());
    QCOMPARE(m_service->undoOffer(), std::nullopt);
    QCOMPARE(m_outbox->due(m_now).size(), 2); // both go at once
}

void TestTaskService::retryWriteSendsAWaitingOneNow()
{
    QVERIFY(m_service->comment(QStringLiteral("clickup:c"), QStringLiteral("Hi"), m_now).ok());
    const qint64 id = m_outbox->entries().constFirst().id;
    QVERIFY(m_outbox->due(m_now).isEmpty()); // held for undo
    QSignalSpy queued(m_service.get(), &TaskService::queued);
    QVERIFY(m_service->retryWrite(id, m_now).ok());
    QCOMPARE(m_outbox->due(m_now).size(), 1);
    QCOMPARE(queued.size(), 1);
}

QTEST_GUILESS_MAIN(TestTaskService)
#include "tst_taskservice.moc"
