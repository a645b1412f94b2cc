#include "TestTasks.h"

#include "app/MainWindow.h"
#include "core/TaskStore.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void emptyStateWhenThereAreNoTasks();
    void tableOnceTasksArrive();
    void searchFiltersTheTable();
    void problemsAreShown();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<TaskStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))));
}

void TestMainWindow::emptyStateWhenThereAreNoTasks()
{
    MainWindow window(m_store.get(), nullptr, m_dir->path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isShowingEmptyState());
    QVERIFY(!window.taskView()->isVisible());
    QVERIFY(!window.findChild<QLineEdit *>()->isEnabled());
}

void TestMainWindow::tableOnceTasksArrive()
{
    MainWindow window(m_store.get(), nullptr, m_dir->path());
    window.show();
    QVERIFY(window.isShowingEmptyState());

    QVERIFY(
        m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10),
                         gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fix login"), 20)}));
    QVERIFY(!window.isShowingEmptyState());
    QVERIFY(window.taskView()->isVisible());
    QCOMPARE(window.taskView()->model()->rowCount(), 2);
    QCOMPARE(window.taskView()->model()->index(0, 1).data().toString(),
             QStringLiteral("Fix login"));
}

void TestMainWindow::searchFiltersTheTable()
{
    QVERIFY(
        m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10),
                         gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fix login"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_dir->path());
    window.show();
    auto *search = window.findChild<QLineEdit *>();
    QVERIFY(search->isEnabled());
    QTest::keyClicks(search, QStringLiteral("REPORT"));
    QCOMPARE(window.taskView()->model()->rowCount(), 1);
    QCOMPARE(window.taskView()->model()->index(0, 1).data().toString(),
             QStringLiteral("Write report"));
    search->clear();
    QCOMPARE(window.taskView()->model()->rowCount(), 2);
}

void TestMainWindow::problemsAreShown()
{
    MainWindow window(m_store.get(), nullptr, m_dir->path());
    window.show();
    window.addProblem(QString()); // nothing to say: no banner
    const auto hasBannerWith = [&window](const QString &text) {
        for (QLabel *label : window.findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(text))
                return true;
        }
        return false;
    };
    QVERIFY(!hasBannerWith(QStringLiteral("damaged")));
    window.addProblem(QStringLiteral("The task database x was damaged"));
    window.addProblem(QStringLiteral("entities.json:3:4: bad"));
    QVERIFY(hasBannerWith(QStringLiteral("damaged")));
    QVERIFY(hasBannerWith(QStringLiteral("entities.json:3:4")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
