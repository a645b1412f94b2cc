#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/TaskDetails.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include "appcore/TaskComments.h"
#include "core/Entities.h"
#include "core/SyncState.h"
#include "sim/SimGitHub.h"
#include "sources/CommentReader.h"
#include "sources/GitHubReader.h"

#include <QNetworkAccessManager>
#include <QTextBrowser>

#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestTaskDetails : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nothingSelected();
    void commentGoesToTheOutbox();
    void markDone();
    void followsChangesFromSync();
    void saysWhatOthersDid();
    void namesWhereTheTaskIs();
    void showsTheCommentThread();

private:
};

void TestTaskDetails::init()
{
    QVERIFY(openProfile());
    startService();
    Task task = gitHub(QStringLiteral("acme/web"), 3, QStringLiteral("Fix login"));
    task.description = QStringLiteral("Steps:\n\n1. open\n2. **fail**");
    QVERIFY(m_store->upsert({task}));
}

void TestTaskDetails::nothingSelected()
{
    TaskDetails details(m_service.get(), m_store.get());
    QVERIFY(!details.isEnabled());
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    QVERIFY(details.isEnabled());
    details.setTaskId({});
    QVERIFY(!details.isEnabled());
}

void TestTaskDetails::commentGoesToTheOutbox()
{
    TaskDetails details(m_service.get(), m_store.get());
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    QVERIFY(!details.commentButton()->isEnabled());
    details.commentBox()->setPlainText(QStringLiteral("  \n "));
    QVERIFY(!details.commentButton()->isEnabled()); // blank: nothing to send

    const QString text = QStringLiteral("Done 🎉\nשלום — line two");
    details.commentBox()->setPlainText(text);
    QVERIFY(details.commentButton()->isEnabled());
    QSignalSpy message(&details, &TaskDetails::message);
    QTest::mouseClick(details.commentButton(), Qt::LeftButton);
    QCOMPARE(m_outbox->entries().size(), 1);
    QCOMPARE(m_outbox->entries().constFirst().kind, OutboxEntry::Kind::Comment);
    QCOMPARE(m_outbox->entries().constFirst().text, text);
    QVERIFY(details.commentBox()->toPlainText().isEmpty());
    QVERIFY(details.errorText().isEmpty());
    QCOMPARE(message.size(), 1);
}

void TestTaskDetails::markDone()
{
    TaskDetails details(m_service.get(), m_store.get());
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    QVERIFY(details.completeButton()->isEnabled());
    QTest::mouseClick(details.completeButton(), Qt::LeftButton);
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#3"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->entries().constFirst().kind, OutboxEntry::Kind::Complete);
    QVERIFY(!details.completeButton()->isEnabled()); // already done
}

void TestTaskDetails::followsChangesFromSync()
{
    TaskDetails details(m_service.get(), m_store.get());
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    Task closed = gitHub(QStringLiteral("acme/web"), 3, QStringLiteral("Fix login"));
    closed.status = TaskStatus::Done;
    QVERIFY(m_store->upsert({closed}));
    QVERIFY(!details.completeButton()->isEnabled());
}

void TestTaskDetails::saysWhatOthersDid()
{
    TaskDetails details(m_service.get(), m_store.get());
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    auto *note = details.findChild<QLabel *>(QStringLiteral("outsideChange"));
    QVERIFY(note);
    QVERIFY(details.outsideChangeText().isEmpty());
    const auto at = [](const QDateTime &time) {
        return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    };

    // Bob closes it at GitHub: the pane says who and when (the source's time).
    Task task = *m_store->task(QStringLiteral("github:acme/web#3"));
    task.status = TaskStatus::Done;
    task.updatedAt = utc(2026, 3, 8, 14);
    TaskChanges closed;
    closed.origin = ChangeOrigin::Webhook;
    closed.external = {
        {task.id,
         {{FieldChange::Field::Status, QStringLiteral("todo"), QStringLiteral("done")}},
         QStringLiteral("bob")}};
    QVERIFY(m_store->upsert({task}, closed));
    QCOMPARE(details.outsideChangeText(), QStringLiteral("Closed by bob at ") + at(task.updatedAt));
    QVERIFY(!details.completeButton()->isEnabled());

    // Reopened and given to alice by carol, today: the time alone.
    task.status = TaskStatus::Todo;
    task.assignedToMe = false;
    task.assignee = QStringLiteral("alice");
    task.updatedAt = m_now.addSecs(-600);
    TaskChanges reassigned;
    reassigned.origin = ChangeOrigin::Sync;
    reassigned.external = {{task.id,
                            {{FieldChange::Field::Assignee, QStringLiteral("me"), QString()}},
                            QStringLiteral("carol")}};
    QVERIFY(m_store->upsert({task}, reassigned));
    QCOMPARE(details.outsideChangeText(),
             QStringLiteral("Reassigned to alice by carol at ") +
                 QLocale().toString(task.updatedAt.toLocalTime().time(), QLocale::ShortFormat));

    // The echo of the user's own change is no news; another task's change waits for it.
    Task other = gitHub(QStringLiteral("acme/web"), 4, QStringLiteral("Other"));
    QVERIFY(m_store->upsert({other}));
    other.dueDate = QDate(2026, 3, 20);
    TaskChanges moved;
    moved.origin = ChangeOrigin::Webhook;
    moved.external = {
        {other.id, {{FieldChange::Field::Due, QDate(), other.dueDate}}, QStringLiteral("dave")}};
    QVERIFY(m_store->upsert({other}, moved));
    details.setTaskId(other.id);
    QVERIFY(details.outsideChangeText().startsWith(
        QStringLiteral("Due date moved to %1 by dave at ")
            .arg(QLocale().toString(other.dueDate, QLocale::ShortFormat))));
    other.status = TaskStatus::Done;
    TaskChanges echo;
    echo.origin = ChangeOrigin::Webhook;
    echo.external = {
        {other.id,
         {{FieldChange::Field::Status, QStringLiteral("todo"), QStringLiteral("done")}},
         QStringLiteral("me"),
         true}};
    QVERIFY(m_store->upsert({other}, echo));
    QVERIFY(details.outsideChangeText().startsWith(QStringLiteral("Due date moved")));
    details.setTaskId({});
    QVERIFY(!note->isVisible());
}

void TestTaskDetails::namesWhereTheTaskIs()
{
    QFile file(m_dir->filePath(QStringLiteral("entities.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id": "acme", "name": "Acme Corp"}])");
    file.close();
    Entities entities;
    QVERIFY(entities.load(file.fileName()));
    Task listed = clickUp(QStringLiteral("86abc"), QStringLiteral("Write report"));
    listed.entity = QStringLiteral("acme");
    Task tagged = gitHub(QStringLiteral("acme/web"), 5, QStringLiteral("[CLIENT:acme] Fix login"));
    tagged.entity = QStringLiteral("acme");
    QVERIFY(m_store->upsert({listed, tagged}));

    TaskDetails details(m_service.get(), m_store.get(), &entities);
    auto *facts = details.findChild<QLabel *>(QStringLiteral("taskFacts"));
    QVERIFY(facts);
    details.setTaskId(listed.id);
    // Before a sync has seen the list's name: no raw id in its place.
    QCOMPARE(facts->text(), QStringLiteral("ClickUp · Acme Corp · To do"));
    QVERIFY(SyncState(m_store.get())
                .setValue(Sources::ClickUp, SyncState::containerNameKey(QStringLiteral("901")),
                          QStringLiteral("Backlog")));
    details.setTaskId({});
    details.setTaskId(listed.id);
    QCOMPARE(facts->text(), QStringLiteral("ClickUp · Backlog · Acme Corp · To do"));

    // GitHub says where by repository and number; the title drops the client prefix.
    details.setTaskId(tagged.id);
    QCOMPARE(facts->text(), QStringLiteral("GitHub · acme/web#5 · Acme Corp · To do"));
    bool titled = false;
    for (QLabel *label : details.findChildren<QLabel *>())
        titled = titled || label->text().contains(QStringLiteral(">Fix login</a>"));
    QVERIFY(titled);
}

void TestTaskDetails::showsTheCommentThread()
{
    Sim::SimGitHub sim;
    QVERIFY(sim.listen() > 0);
    sim.addUser(QStringLiteral("me"), QStringLiteral("ghp_t"));
    for (int i = 1; i <= 3; ++i)
        sim.addIssue({.repo = QStringLiteral("acme/web"),
                      .title = QStringLiteral("Issue %1").arg(i),
                      .assignees = {QStringLiteral("me")}});
    sim.addComment(QStringLiteral("acme/web"), 3, QStringLiteral("Can you look?"),
                   QStringLiteral("bob"));
    sim.addComment(QStringLiteral("acme/web"), 3, QStringLiteral("Reproduced <here>"),
                   QStringLiteral("carol"));
    QNetworkAccessManager manager;
    RestClient client(&manager, sim.baseUrl());
    GitHubReader::configure(&client, "ghp_t");
    CommentReader reader([&client](const QString &) { return &client; });
    TaskComments comments(&reader, m_store.get(), m_outbox.get());

    TaskDetails details(m_service.get(), m_store.get());
    auto *thread = details.findChild<QTextBrowser *>(QStringLiteral("commentThread"));
    QVERIFY(thread && thread->isHidden()); // no threads without a source of them
    details.setComments(&comments);
    QVERIFY(!thread->isHidden());
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    QCOMPARE(details.threadText(), QStringLiteral("Reading comments…"));
    // Fetched on selection, newest last.
    QTRY_VERIFY(details.threadText().contains(QStringLiteral("Reproduced <here>")));
    const QString text = details.threadText();
    QVERIFY(text.indexOf(QStringLiteral("bob")) < text.indexOf(QStringLiteral("carol")));
    QVERIFY(text.indexOf(QStringLiteral("Can you look?")) <
            text.indexOf(QStringLiteral("Reproduced")));

    // The user's comment waits, marked, after the others.
    details.commentBox()->setPlainText(QStringLiteral("On it"));
    details.commentButton()->click();
    QVERIFY(details.threadText().endsWith(QStringLiteral("You · waiting to be sent\nOn it")));

    // Another task: its own thread; and back, kept (no second read).
    const int reads = sim.requestLog().count();
    sim.addIssue({.repo = QStringLiteral("acme/web"), .title = QStringLiteral("Quiet")});
    Task quiet = gitHub(QStringLiteral("acme/web"), 4, QStringLiteral("Quiet"));
    QVERIFY(m_store->upsert({quiet}));
    details.setTaskId(quiet.id);
    QTRY_COMPARE(details.threadText(), QStringLiteral("No comments yet."));
    details.setTaskId(QStringLiteral("github:acme/web#3"));
    QVERIFY(details.threadText().contains(QStringLiteral("Can you look?")));
    QCOMPARE(sim.requestLog().count(), reads + 1);
}

QTEST_MAIN(TestTaskDetails)
#include "tst_taskdetails.moc"
