#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/TaskDetails.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

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

QTEST_MAIN(TestTaskDetails)
#include "tst_taskdetails.moc"
