#include "ProfileFixture.h"
#include "TestTasks.h"

#include "core/Outbox.h"
#include "core/TaskStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestOutbox : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void completeIsLocalAtOnceAndQueued();
    void completeNeedsAnOpenKnownTask();
    void commentsKeepTheirTextExactly();
    void emptyCommentIsRefused();
    void entriesForTasks();
    void createAppearsAtOnceUnderALocalId();
    void entriesOfATaskGoInOrder();
    void notDueBeforeItsTime();
    void failedCompletionReopensTheTask();
    void failedCreateIsHiddenUntilRetried();
    void discardingACreateRemovesItsTask();
    void discardingAPendingCloseReopens();
    void whatCannotBeRetriedOrDiscarded();
    void rekeyKeepsCurrentSkipsAndQueuedComments();
    void rekeyOntoAnImportedTaskMergesThem();
    void survivesARestart();
    void heldEntryWaitsForItsHold();
    void heldEntryOutlivesARestart();
    void takeBackRestoresTheTask();
    void takeBackOnlyBeforeItWasSent();
    void retrySendsAWaitingEntryNow();
    void pendingCountPerSource();

private:
};

void TestOutbox::init()
{
    QVERIFY(openProfile());
    Task started = clickUp(QStringLiteral("a"), QStringLiteral("Started"), 10);
    started.status = TaskStatus::InProgress;
    QVERIFY(
        m_store->upsert({started, gitHub(QStringLiteral("o/r"), 1, QStringLiteral("Issue"), 5)}));
}

void TestOutbox::entriesForTasks()
{
    const QString a = QStringLiteral("clickup:a");
    const QString issue = QStringLiteral("github:o/r#1");
    const std::optional<qint64> first = m_outbox->comment(a, QStringLiteral("One"), m_now);
    const std::optional<qint64> second = m_outbox->comment(issue, QStringLiteral("Two"), m_now);
    const std::optional<qint64> third = m_outbox->complete(a, m_now);
    QVERIFY(first && second && third);
    const auto ids = [](const QList<OutboxEntry> &entries) {
        QList<qint64> list;
        for (const OutboxEntry &entry : entries)
            list.append(entry.id);
        return list;
    };
    QCOMPARE(ids(m_outbox->entriesFor({a})), QList<qint64>({*first, *third}));
    QCOMPARE(ids(m_outbox->entriesFor({issue, a})), QList<qint64>({*first, *second, *third}));
    QVERIFY(m_outbox->entriesFor({QStringLiteral("clickup:none")}).isEmpty());
    QVERIFY(m_outbox->entriesFor({}).isEmpty());
    QVERIFY(m_store->contains(a));
    QVERIFY(!m_store->contains(QStringLiteral("clickup:none")));
}

void TestOutbox::completeIsLocalAtOnceAndQueued()
{
    QSignalSpy changed(m_store.get(), &TaskStore::changed);
    const std::optional<qint64> id = m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    QVERIFY2(id, qPrintable(m_outbox->lastError()));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->localUpdatedAt, m_now);
    const QList<OutboxEntry> entries = m_outbox->entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().id, *id);
    QCOMPARE(entries.first().kind, OutboxEntry::Kind::Complete);
    QCOMPARE(entries.first().state, OutboxEntry::State::Pending);
    QCOMPARE(entries.first().taskId, QStringLiteral("clickup:a"));
    QCOMPARE(entries.first().createdAt, m_now);
    QCOMPARE(m_outbox->pendingCount(), 1);
}

void TestOutbox::completeNeedsAnOpenKnownTask()
{
    QVERIFY(!m_outbox->complete(QStringLiteral("clickup:nope"), m_now));
    QVERIFY(m_outbox->lastError().contains(QStringLiteral("not found")));
    QVERIFY(m_outbox->complete(QStringLiteral("clickup:a"), m_now));
    QVERIFY(!m_outbox->complete(QStringLiteral("clickup:a"), m_now));
    QVERIFY(m_outbox->lastError().contains(QStringLiteral("already done")));
    QCOMPARE(m_outbox->entries().size(), 1);
}

void TestOutbox::commentsKeepTheirTextExactly()
{
    const QString text =
        QStringLiteral("Done 🚀\nשלום — مرحبا\n") + QString(64 * 1024, QLatin1Char('x'));
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), text, m_now));
    QCOMPARE(m_outbox->entries().first().text, text);
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->lastActivity, m_now);
}

void TestOutbox::emptyCommentIsRefused()
{
    for (const QString &text : {QString(), QStringLiteral("  \n\t ")}) {
        QVERIFY(!m_outbox->comment(QStringLiteral("clickup:a"), text, m_now));
        QVERIFY(!m_outbox->lastError().isEmpty());
    }
    QVERIFY(!m_outbox->comment(QStringLiteral("clickup:nope"), QStringLiteral("hi"), m_now));
    QVERIFY(m_outbox->entries().isEmpty());
}

void TestOutbox::createAppearsAtOnceUnderALocalId()
{
    Task draft;
    draft.source = Sources::GitHub;
    draft.container = QStringLiteral("acme/web");
    draft.title = QStringLiteral("New thing");
    draft.entity = QStringLiteral("acme");
    draft.description = QStringLiteral("Details");
    draft.score = 50;
    const std::optional<QString> localId = m_outbox->create(draft, m_now);
    QVERIFY2(localId, qPrintable(m_outbox->lastError()));
    QVERIFY(localId->startsWith(QStringLiteral("github:acme/web#local-")));
    QVERIFY(Task::isLocalId(*localId));
    QVERIFY(Task::parseId(*localId));
    QCOMPARE(m_store->openTasks().first().id, *localId);
    const OutboxEntry entry = m_outbox->entries().first();
    QCOMPARE(entry.kind, OutboxEntry::Kind::Create);
    QCOMPARE(entry.taskId, *localId);
    QCOMPARE(entry.title, QStringLiteral("New thing"));
    QCOMPARE(entry.entity, QStringLiteral("acme"));
    QCOMPARE(entry.description, QStringLiteral("Details"));

    draft.source = Sources::ClickUp;
    draft.container = QStringLiteral("901");
    const std::optional<QString> clickUpId = m_outbox->create(draft, m_now);
    QVERIFY(clickUpId && clickUpId->startsWith(QStringLiteral("clickup:local-")));
    QVERIFY(*clickUpId != *localId);

    draft.title = QStringLiteral("   ");
    QVERIFY(!m_outbox->create(draft, m_now));
}

void TestOutbox::entriesOfATaskGoInOrder()
{
    const qint64 first =
        *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("one"), m_now);
    const qint64 second =
        *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("two"), m_now);
    const qint64 other =
        *m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("elsewhere"), m_now);
    auto dueIds = [this] {
        QList<qint64> ids;
        for (const OutboxEntry &entry : m_outbox->due(m_now))
            ids.append(entry.id);
        return ids;
    };
    QCOMPARE(dueIds(), QList<qint64>({first, other}));
    QVERIFY(m_outbox->markSending(first, m_now));
    QCOMPARE(dueIds(), QList<qint64>({first, other})); // sending still holds the task's turn
    QCOMPARE(m_outbox->entries().first().attempts, 1);
    QCOMPARE(m_outbox->entries().first().sentAt, m_now);
    QVERIFY(m_outbox->finish(first));
    QCOMPARE(dueIds(), QList<qint64>({second, other}));
}

void TestOutbox::notDueBeforeItsTime()
{
    const qint64 id =
        *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("later"), m_now);
    QVERIFY(
        m_outbox->retryLater(id, m_now.addSecs(30), QStringLiteral("Connection error: timeout")));
    QVERIFY(m_outbox->due(m_now).isEmpty());
    QCOMPARE(m_outbox->due(m_now.addSecs(30)).size(), 1);
    QCOMPARE(m_outbox->entries().first().lastError, QStringLiteral("Connection error: timeout"));
    QVERIFY(m_outbox->bringForward(m_now));
    QCOMPARE(m_outbox->due(m_now).size(), 1);
}

void TestOutbox::failedCompletionReopensTheTask()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    const qint64 later =
        *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("after"), m_now);
    QVERIFY(m_outbox->fail(id, QStringLiteral("ClickUp error: 404 (Task not found)")));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status,
             TaskStatus::InProgress); // as it was
    QCOMPARE(m_outbox->failed().size(), 1);
    QCOMPARE(m_outbox->failed().first().lastError,
             QStringLiteral("ClickUp error: 404 (Task not found)"));
    QVERIFY(m_outbox->due(m_now).isEmpty()); // the failure holds back the task's later entries
    QCOMPARE(m_outbox->pendingCount(), 1);

    QVERIFY(m_outbox->retry(id, m_now));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->due(m_now).first().id, id);

    QVERIFY(m_outbox->fail(id, QStringLiteral("again")));
    QVERIFY(m_outbox->discard(id));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::InProgress);
    QCOMPARE(m_outbox->due(m_now).first().id, later);
}

void TestOutbox::failedCreateIsHiddenUntilRetried()
{
    Task draft = clickUp(QStringLiteral("x"), QStringLiteral("Draft"));
    const QString localId = *m_outbox->create(draft, m_now);
    const qint64 id = m_outbox->entries().first().id;
    QVERIFY(m_outbox->fail(id, QStringLiteral("ClickUp error: 400 (Task name invalid)")));
    QCOMPARE(m_store->openTaskCount(), 2); // just the two from init()
    QVERIFY(m_outbox->retry(id, m_now));
    QCOMPARE(m_store->openTaskCount(), 3);
    QVERIFY(m_store->task(localId)->assignedToMe);
}

void TestOutbox::discardingACreateRemovesItsTask()
{
    const QString localId =
        *m_outbox->create(clickUp(QStringLiteral("x"), QStringLiteral("Draft")), m_now);
    const qint64 id = m_outbox->entries().first().id;
    QVERIFY(m_outbox->fail(id, QStringLiteral("refused")));
    QVERIFY(m_outbox->comment(localId, QStringLiteral("waits for the create"), m_now));
    QVERIFY(m_outbox->discard(id));
    QCOMPARE(m_store->task(localId), std::nullopt);
    QVERIFY(m_outbox->entries().isEmpty()); // the comment on it went too
}

void TestOutbox::discardingAPendingCloseReopens()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QVERIFY(m_outbox->discard(id));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::InProgress);
    QVERIFY(m_outbox->entries().isEmpty());
}

void TestOutbox::whatCannotBeRetriedOrDiscarded()
{
    const qint64 id = *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("hi"), m_now);
    QVERIFY(m_outbox->markSending(id, m_now));
    QVERIFY(!m_outbox->discard(id)); // it may be arriving right now
    QVERIFY(m_outbox->lastError().startsWith(QStringLiteral("This change is being sent")));
    QVERIFY(!m_outbox->retry(id, m_now));
    QVERIFY(m_outbox->lastError().startsWith(QStringLiteral("This change is being sent")));
    QCOMPARE(m_outbox->entries().size(), 1);
    QVERIFY(m_outbox->finish(id));
    QVERIFY(!m_outbox->discard(id));
    QCOMPARE(m_outbox->lastError(), QStringLiteral("This change is no longer in the outbox"));
    QVERIFY(!m_outbox->retry(id, m_now));
    QCOMPARE(m_outbox->lastError(), QStringLiteral("This change is no longer in the outbox"));
}

void TestOutbox::rekeyKeepsCurrentSkipsAndQueuedComments()
{
    Task draft = gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fresh"));
    const QString localId = *m_outbox->create(draft, m_now);
    QVERIFY(m_store->setCurrentTask({localId, m_now}));
    QVERIFY(m_store->markSkipped(localId, m_now.date().addDays(-1)));
    QVERIFY(m_outbox->comment(localId, QStringLiteral("first comment"), m_now));
    const qint64 createId = m_outbox->entries().first().id;
    QVERIFY(m_outbox->finish(createId));

    QVERIFY(!m_outbox->rekey(localId, QStringLiteral("github:acme/web#local-9")));
    QVERIFY(m_outbox->rekey(localId, QStringLiteral("github:acme/web#43")));
    QCOMPARE(m_store->task(localId), std::nullopt);
    const std::optional<Task> task = m_store->task(QStringLiteral("github:acme/web#43"));
    QVERIFY(task);
    QCOMPARE(task->sourceId, QStringLiteral("acme/web#43"));
    QCOMPARE(task->title, QStringLiteral("Fresh"));
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:acme/web#43"));
    QCOMPARE(m_store->skippedOn(m_now.date().addDays(-1)),
             QSet<QString>{QStringLiteral("github:acme/web#43")});
    QCOMPARE(m_outbox->entries().first().taskId, QStringLiteral("github:acme/web#43"));
    QCOMPARE(m_outbox->entries().first().text, QStringLiteral("first comment"));
}

void TestOutbox::rekeyOntoAnImportedTaskMergesThem()
{
    const QString localId =
        *m_outbox->create(gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fresh")), m_now);
    QVERIFY(m_store->setCurrentTask({localId, m_now}));
    QVERIFY(m_store->markSkipped(localId, m_now.date().addDays(-1)));
    QVERIFY(m_outbox->complete(localId, m_now.addSecs(5)));
    QVERIFY(m_outbox->finish(m_outbox->entries().first().id));
    // A sync brought the created issue in before the create was confirmed.
    Task imported = gitHub(QStringLiteral("acme/web"), 43, QStringLiteral("Fresh"));
    imported.url = QStringLiteral("https://github.com/acme/web/issues/43");
    imported.updatedAt = m_now.addSecs(1);
    QVERIFY(m_store->upsert({imported}));
    QVERIFY(m_store->markSkipped(imported.id, m_now.date().addDays(-1)));

    QVERIFY(m_outbox->rekey(localId, imported.id));
    QCOMPARE(m_store->task(localId), std::nullopt);
    QCOMPARE(m_store->tasksBySource(Sources::GitHub).size(), 2); // with acme/web#1 from init()
    const std::optional<Task> task = m_store->task(imported.id);
    QCOMPARE(task->url, imported.url);
    QCOMPARE(task->updatedAt, imported.updatedAt);
    QCOMPARE(task->status, TaskStatus::Done); // the close made here waits to be sent
    QCOMPARE(task->localUpdatedAt, m_now.addSecs(5));
    QCOMPARE(m_store->currentTask()->taskId, imported.id);
    QCOMPARE(m_store->skippedOn(m_now.date().addDays(-1)), QSet<QString>{imported.id});
    const QList<OutboxEntry> entries = m_outbox->entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().kind, OutboxEntry::Kind::Complete);
    QCOMPARE(entries.first().taskId, imported.id);
}

void TestOutbox::survivesARestart()
{
    QVERIFY(m_outbox->complete(QStringLiteral("clickup:a"), m_now));
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("queued"), m_now));
    m_outbox.reset();
    m_store.reset();

    TaskStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
    Outbox outbox(&store);
    QCOMPARE(outbox.due(m_now).size(), 2);
    QCOMPARE(store.task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
}

void TestOutbox::heldEntryWaitsForItsHold()
{
    const QDateTime hold = m_now.addSecs(5);
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now, hold);
    const qint64 comment =
        *m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("held"), m_now, hold);
    QCOMPARE(m_outbox->entries().first().holdUntil, hold);
    QVERIFY(m_outbox->due(m_now.addSecs(4)).isEmpty());
    QCOMPARE(m_outbox->nextAttempt(), hold);
    // "Retry now" (the network is back, a sync worked) does not cut the hold short.
    QVERIFY(m_outbox->bringForward(m_now.addSecs(1)));
    QVERIFY(m_outbox->due(m_now.addSecs(4)).isEmpty());
    QCOMPARE(m_outbox->due(hold).size(), 2);
    // A backoff later than the hold is what counts then.
    QVERIFY(m_outbox->retryLater(id, hold.addSecs(60), QStringLiteral("Connection error: x")));
    QCOMPARE(m_outbox->nextAttempt(), hold);
    QVERIFY(m_outbox->finish(comment));
    QCOMPARE(m_outbox->nextAttempt(), hold.addSecs(60));
    QCOMPARE(m_outbox->entries().first().dueAt(), hold.addSecs(60));
}

void TestOutbox::heldEntryOutlivesARestart()
{
    QVERIFY(m_outbox->complete(QStringLiteral("clickup:a"), m_now, m_now.addSecs(5)));
    QVERIFY(reopenProfile());
    // Still held right after the restart; sent once the hold is over, whatever the restart.
    QVERIFY(m_outbox->due(m_now.addSecs(1)).isEmpty());
    QCOMPARE(m_outbox->due(m_now.addSecs(5)).size(), 1);
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
}

void TestOutbox::takeBackRestoresTheTask()
{
    const QString a = QStringLiteral("clickup:a");
    const Task before = *m_store->task(a);
    const QDateTime later = m_now.addSecs(3600);
    const qint64 close = *m_outbox->complete(a, later, later.addSecs(5));
    const qint64 comment =
        *m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("oops"), later);
    QCOMPARE(m_store->task(QStringLiteral("github:o/r#1"))->lastActivity, later);

    QSignalSpy changed(m_store.get(), &TaskStore::changed);
    const std::optional<OutboxEntry> taken = m_outbox->takeBack(close);
    QVERIFY2(taken, qPrintable(m_outbox->lastError()));
    QCOMPARE(taken->kind, OutboxEntry::Kind::Complete);
    const Task after = *m_store->task(a);
    QCOMPARE(after.status, TaskStatus::InProgress); // as it was
    QCOMPARE(after.localUpdatedAt, before.localUpdatedAt);
    QCOMPARE(after.lastActivity, before.lastActivity);
    QCOMPARE(changed.size(), 1); // one change on the feed
    QVERIFY(changed.first().first().value<TaskChanges>().touches(a));

    QCOMPARE(m_outbox->takeBack(comment)->text, QStringLiteral("oops"));
    // No activity before the comment, none after it was taken back.
    QVERIFY(!m_store->task(QStringLiteral("github:o/r#1"))->lastActivity.isValid());
    QVERIFY(!m_store->task(QStringLiteral("github:o/r#1"))->localUpdatedAt.isValid());
    QVERIFY(m_outbox->entries().isEmpty());
}

void TestOutbox::takeBackOnlyBeforeItWasSent()
{
    const QString a = QStringLiteral("clickup:a");
    const qint64 id = *m_outbox->complete(a, m_now, m_now.addSecs(5));
    QVERIFY(m_outbox->markSending(id, m_now.addSecs(5)));
    QVERIFY(!m_outbox->takeBack(id));
    QCOMPARE(m_outbox->lastError(), QStringLiteral("This change was already sent"));
    // Back to waiting after a lost answer: it may have arrived, so it is not taken back either.
    QVERIFY(m_outbox->retryLater(id, m_now.addSecs(60), QStringLiteral("Connection error: x")));
    QVERIFY(!m_outbox->takeBack(id));
    QCOMPARE(m_store->task(a)->status, TaskStatus::Done);
    QCOMPARE(m_outbox->entries().size(), 1);
    QVERIFY(m_outbox->finish(id));
    QVERIFY(!m_outbox->takeBack(id));
    QCOMPARE(m_outbox->lastError(), QStringLiteral("This change is no longer in the outbox"));
    // A new task goes with Discard, not Undo.
    QVERIFY(m_outbox->create(clickUp(QStringLiteral("x"), QStringLiteral("Draft")), m_now));
    QVERIFY(!m_outbox->takeBack(m_outbox->entries().first().id));
}

void TestOutbox::retrySendsAWaitingEntryNow()
{
    const qint64 id = *m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("hi"), m_now,
                                         m_now.addSecs(5));
    QVERIFY(m_outbox->retryLater(id, m_now.addSecs(600), QStringLiteral("Connection error: x")));
    QVERIFY(m_outbox->due(m_now.addSecs(1)).isEmpty());
    QVERIFY(m_outbox->retry(id, m_now.addSecs(1)));
    QCOMPARE(m_outbox->due(m_now.addSecs(1)).size(), 1); // no backoff, no hold
    QCOMPARE(m_outbox->entries().first().lastError, QStringLiteral("Connection error: x"));
    QCOMPARE(m_outbox->entries().first().state, OutboxEntry::State::Pending);
}

void TestOutbox::pendingCountPerSource()
{
    QVERIFY(m_outbox->comment(QStringLiteral("clickup:a"), QStringLiteral("one"), m_now));
    QVERIFY(m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("two"), m_now));
    const qint64 failed =
        *m_outbox->comment(QStringLiteral("github:o/r#1"), QStringLiteral("three"), m_now);
    QVERIFY(m_outbox->fail(failed, QStringLiteral("refused")));
    QCOMPARE(m_outbox->pendingCount(), 2);
    QCOMPARE(m_outbox->pendingCount(Sources::ClickUp), 1);
    QCOMPARE(m_outbox->pendingCount(Sources::GitHub), 1);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
