#include "TestTasks.h"

#include "app/MainWindow.h"
#include "core/Entities.h"
#include "core/TaskStore.h"
#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStatusBar>
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
    void reloadClientsShowsErrors();
    void notConnectedWithoutSources();
    void syncFillsTheTableAndReports();

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

void TestMainWindow::reloadClientsShowsErrors()
{
    const QString path = m_dir->filePath(QStringLiteral("entities.json"));
    auto writeEntities = [&path](const QByteArray &json) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    };
    writeEntities(R"([{"id": "acme", "name": "Acme"}])");
    Entities entities;
    QVERIFY(entities.load(path));
    MainWindow window(m_store.get(), &entities, m_dir->path());
    window.show();

    QAction *reload = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Reload Clients"))
            reload = action;
    }
    QVERIFY(reload);

    writeEntities(R"([{"id": "acme", "name": "Acme Corp"}, {"id": "globex"}])");
    reload->trigger();
    QCOMPARE(entities.all().size(), 2);
    QVERIFY(window.statusBar()->currentMessage().contains(path));

    writeEntities("[{\"id\": }]");
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("keeping the previous entities")));
    reload->trigger();
    QCOMPARE(entities.all().size(), 2);
    bool shown = false;
    for (QLabel *label : window.findChildren<QLabel *>())
        shown =
            shown || (label->isVisible() && label->text().contains(path + QStringLiteral(":1:")));
    QVERIFY(shown);
}

void TestMainWindow::notConnectedWithoutSources()
{
    MainWindow window(m_store.get(), nullptr, m_dir->path());
    SyncEngine engine(m_store.get(), nullptr);
    window.setSyncEngine(&engine);
    QCOMPARE(window.syncStatus(), QStringLiteral("Not connected"));
}

void TestMainWindow::syncFillsTheTableAndReports()
{
    Sim::SimGitHub sim;
    QVERIFY(sim.listen() > 0);
    sim.addUser(QStringLiteral("me"), QStringLiteral("t"));
    sim.addIssue({.repo = QStringLiteral("acme/web"),
                  .title = QStringLiteral("Synced issue"),
                  .assignees = {QStringLiteral("me")}});
    QNetworkAccessManager manager;
    RestClient client(&manager, sim.baseUrl());
    GitHubReader::configure(&client, "t");
    SyncEngine engine(m_store.get(), nullptr);
    engine.addSource(Sources::GitHub,
                     [&] { return new GitHubReader(&client, m_store.get(), nullptr, {}); });

    MainWindow window(m_store.get(), nullptr, m_dir->path());
    window.show();
    window.setSyncEngine(&engine);
    QVERIFY(window.isShowingEmptyState());

    QAction *syncNow = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Sync Now"))
            syncNow = action;
    }
    QVERIFY(syncNow && syncNow->isEnabled());
    QSignalSpy idle(&engine, &SyncEngine::idle);
    syncNow->trigger();
    QCOMPARE(window.syncStatus(), QStringLiteral("Syncing GitHub…"));
    QVERIFY(idle.wait(10000));
    QVERIFY2(window.syncStatus().startsWith(QStringLiteral("GitHub synced at ")),
             qPrintable(window.syncStatus()));
    QVERIFY(!window.isShowingEmptyState());
    QCOMPARE(window.taskView()->model()->index(0, 1).data().toString(),
             QStringLiteral("Synced issue"));

    sim.injectFault(QStringLiteral("*"), {Sim::SimFault::Kind::Status, 500});
    syncNow->trigger();
    QVERIFY(idle.wait(10000));
    QVERIFY2(window.syncStatus().startsWith(QStringLiteral("GitHub sync failed at ")),
             qPrintable(window.syncStatus()));
    QCOMPARE(window.taskView()->model()->rowCount(), 1); // a failed sync keeps what we have
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
