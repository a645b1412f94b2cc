#include "ProfileFixture.h"

#include "app/BriefingWindow.h"
#include "core/Translations.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace UpNext;
using namespace UpNext::Test;

// The briefing as the user reads it, from a store with something in every section.
class TestBriefingWindow : public QObject, protected ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsEverySection();
    void nothingWaiting();
    void longListsShowTheirFirstTen();
    void aTitleOpensItsTask();

private:
    std::unique_ptr<BriefingWindow> m_window;
};

void TestBriefingWindow::initTestCase()
{
    // English plurals ("1 change") come from a translation, as in the app.
    Translations::install(QStringLiteral("en"));
}

void TestBriefingWindow::init()
{
    QVERIFY(openProfile());
    startService();
    m_window = std::make_unique<BriefingWindow>(m_service.get());
}

void TestBriefingWindow::cleanup()
{
    m_window.reset();
    closeProfile();
}

void TestBriefingWindow::showsEverySection()
{
    const QDate today = m_now.toLocalTime().date();
    QList<Task> tasks;
    for (int i = 1; i <= 7; ++i)
        tasks.append(TestTasks::clickUp(QStringLiteral("t%1").arg(i),
                                        QStringLiteral("Task %1").arg(i), 100 - i));
    tasks[5].dueDate = today.addDays(-2); // Task 6
    tasks[6].dueDate = today;             // Task 7
    for (Task &task : tasks)
        task.updatedAt = {};
    tasks[0].updatedAt = m_now.addSecs(-3600); // changed at the source, not here
    QVERIFY(m_store->upsert(tasks));
    const std::optional<qint64> comment =
        m_outbox->comment(QStringLiteral("clickup:t2"), QStringLiteral("Hi"), m_now);
    QVERIFY(comment && m_outbox->fail(*comment, QStringLiteral("ClickUp error: 403 (Forbidden)")));

    m_window->refresh();
    const QString text = m_window->content()->toPlainText();
    for (const QString &expected :
         {QStringLiteral("Good morning"), QStringLiteral("Next up"), QStringLiteral("Task 1"),
          QStringLiteral("Task 5"), QStringLiteral("Overdue (1)"), QStringLiteral("Due today (1)"),
          QStringLiteral("Changed elsewhere since the last briefing (1)"),
          QStringLiteral("Changes the sources refused (1)"),
          QStringLiteral("Comment on “Task 2”: ClickUp error: 403 (Forbidden)")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" in:\n") + text));
    // The best five only, each with why.
    const qsizetype next = text.indexOf(QStringLiteral("Next up"));
    const qsizetype overdue = text.indexOf(QStringLiteral("Overdue ("));
    QVERIFY(!text.mid(next, overdue - next).contains(QStringLiteral("Task 6")));
    QVERIFY(text.mid(next, overdue - next).contains(QStringLiteral("Score ")));
    QCOMPARE(m_window->summary(),
             QStringLiteral("5 tasks ahead · 1 overdue · 1 due today · 1 change refused"));

    // The next briefing counts changes from this one on.
    m_window->refresh();
    QVERIFY(!m_window->content()->toPlainText().contains(QStringLiteral("Changed elsewhere")));
}

void TestBriefingWindow::nothingWaiting()
{
    m_window->refresh();
    QVERIFY(m_window->content()->toPlainText().contains(
        QStringLiteral("Nothing waiting. Enjoy the day.")));
    QCOMPARE(m_window->summary(), QStringLiteral("0 tasks ahead"));
}

void TestBriefingWindow::longListsShowTheirFirstTen()
{
    QList<Task> tasks;
    for (int i = 1; i <= 12; ++i) {
        Task task = TestTasks::clickUp(QStringLiteral("late%1").arg(i),
                                       QStringLiteral("Late %1").arg(i), 50 - i);
        task.dueDate = m_now.toLocalTime().date().addDays(-i);
        tasks.append(task);
    }
    QVERIFY(m_store->upsert(tasks));
    m_window->refresh();
    const QString text = m_window->content()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("Overdue (12)")));
    QVERIFY(text.contains(QStringLiteral("Late 10, due")));
    QVERIFY(!text.contains(QStringLiteral("Late 11, due")));
    QVERIFY(text.contains(QStringLiteral("and 2 more")));
}

void TestBriefingWindow::aTitleOpensItsTask()
{
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 7, QStringLiteral("Fix login"))}));
    m_window->refresh();
    QVERIFY(m_window->content()->toHtml().contains(QStringLiteral("task:github:acme/web%237")));
    QSignalSpy open(m_window.get(), &BriefingWindow::openTask);
    Q_EMIT m_window->content()->anchorClicked(QUrl(QStringLiteral("task:github:acme/web%237")));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().toString(), QStringLiteral("github:acme/web#7"));
}

QTEST_MAIN(TestBriefingWindow)
#include "tst_briefingwindow.moc"
