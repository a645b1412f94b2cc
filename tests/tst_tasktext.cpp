#include "TestTasks.h"

#include "app/TaskText.h"

#include <QTest>

using namespace UpNext;

class TestTaskText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names();
    void linkedTitle();
};

void TestTaskText::names()
{
    QCOMPARE(TaskText::statusName(TaskStatus::Todo), QStringLiteral("To do"));
    QCOMPARE(TaskText::statusName(TaskStatus::InProgress), QStringLiteral("In progress"));
    QCOMPARE(TaskText::statusName(TaskStatus::Done), QStringLiteral("Done"));
}

void TestTaskText::linkedTitle()
{
    Task task =
        TestTasks::gitHub(QStringLiteral("acme/web"), 4, QStringLiteral("<b>A & \"B\"</b>"));
    task.url = QStringLiteral("https://github.com/acme/web/issues/4?x=1&y=\"2\"");
    QCOMPARE(
        TaskText::linkedTitle(task),
        QStringLiteral("<a href=\"https://github.com/acme/web/issues/4?x=1&amp;y=&quot;2&quot;\">"
                       "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;</a>"));
    task.url.clear(); // a task created here has no page yet
    QCOMPARE(TaskText::linkedTitle(task),
             QStringLiteral("&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;"));
}

QTEST_GUILESS_MAIN(TestTaskText)
#include "tst_tasktext.moc"
