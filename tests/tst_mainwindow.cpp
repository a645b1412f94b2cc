#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/CreateTaskDialog.h"
#include "app/MainWindow.h"
#include "app/NowCard.h"
#include "app/TaskDetails.h"
#include "app/TaskTableModel.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace UpNext;
using namespace UpNext::TestTasks;

namespace {

QUrl listening(Sim::SimGitHub &sim)
{
    return sim.listen() > 0 ? sim.baseUrl() : QUrl();
}

// Simulated GitHub behind the writer and outbox processor the app uses; writes go out as
// they are made, as AppCore has them.
struct GitHubSide
{
    GitHubSide(Outbox *outbox, TaskService *service)
        : processor(outbox)
    {
        QObject::connect(service, &TaskService::queued, &processor, &OutboxProcessor::processNow);
        sim.addUser(QStringLiteral("me"), QStringLiteral("t"));
        sim.addRepo(QStringLiteral("acme/web"));
        GitHubReader::configure(&client, "t");
        processor.addWriter(Sources::GitHub, &writer, std::chrono::milliseconds(1));
    }

    Sim::SimGitHub sim;
    QNetworkAccessManager manager;
    RestClient client{&manager, listening(sim)};
    GitHubWriter writer{&client, {QStringLiteral("me"), QStringLiteral("acme/web")}};
    OutboxProcessor processor;
};

} // namespace

class TestMainWindow : public QObject, protected Test::ProfileFixture
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
    void bannerCanBeDismissed();
    void doneIsWrittenBack();
    void refusedWriteIsShownAndUndone();
    void closedElsewhereIsTold();
    void newTaskAppearsAndIsSelected();
    void selectionSurvivesChanges();
    void markDoneNamesTheTaskItClosed();
    void theListFollowsTheNowCard();

private:
};

void TestMainWindow::init()
{
    QVERIFY(openProfile());
    startService();
}

void TestMainWindow::emptyStateWhenThereAreNoTasks()
{
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isShowingEmptyState());
    QVERIFY(!window.taskView()->isVisible());
    QVERIFY(!window.findChild<QLineEdit *>()->isEnabled());
}

void TestMainWindow::tableOnceTasksArrive()
{
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
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

    // A sync-sized batch arrives, and then closes, all at once.
    const auto counted = [&window](const QString &text) {
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>())
            if (label->text() == text)
                return true;
        return false;
    };
    QList<Task> batch;
    for (int i = 0; i < 40; ++i)
        batch.append(clickUp(QStringLiteral("b%1").arg(i), QStringLiteral("Batch %1").arg(i), i));
    QVERIFY(m_store->upsert(batch));
    QVERIFY(counted(QStringLiteral("42 open tasks")));
    batch.append(*m_store->task(QStringLiteral("clickup:a")));
    batch.append(*m_store->task(QStringLiteral("github:acme/web#1")));
    for (Task &task : batch)
        task.status = TaskStatus::Done;
    QVERIFY(m_store->upsert(batch));
    QVERIFY(counted(QStringLiteral("No open tasks")));
    QVERIFY(window.isShowingEmptyState());
}

void TestMainWindow::searchFiltersTheTable()
{
    QVERIFY(
        m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10),
                         gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fix login"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
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
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
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
    MainWindow window(m_store.get(), &entities, m_service.get(), m_outbox.get(), m_dir->path());
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
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
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
    engine.setClock(&m_clock);
    engine.addSource(Sources::GitHub, [&] {
        return new GitHubReader(&client, m_store.get(), engine.state(), nullptr, {});
    });

    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
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
    const auto time = [this] {
        return QLocale().toString(m_clock.now().toLocalTime().time(), QLocale::ShortFormat);
    };
    QCOMPARE(window.syncStatus(), QStringLiteral("GitHub synced at ") + time());
    QVERIFY(!window.isShowingEmptyState());
    QCOMPARE(window.taskView()->model()->index(0, 1).data().toString(),
             QStringLiteral("Synced issue"));

    sim.injectFault(QStringLiteral("*"), {Sim::SimFault::Kind::Status, 500});
    m_clock.advance(3 * 3600);
    syncNow->trigger();
    QVERIFY(idle.wait(10000));
    QVERIFY2(window.syncStatus().startsWith(QStringLiteral("GitHub sync failed at ")),
             qPrintable(window.syncStatus()));
    QCOMPARE(window.syncStatus(), QStringLiteral("GitHub sync failed at ") + time());
    QCOMPARE(window.taskView()->model()->rowCount(), 1); // a failed sync keeps what we have
}

void TestMainWindow::bannerCanBeDismissed()
{
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    window.addProblem(QStringLiteral("Something to know"));
    window.addProblem(QStringLiteral("Something to know")); // said once
    QCOMPARE(window.problems().size(), 1);
    QToolButton *dismiss = nullptr;
    for (QToolButton *button : window.findChildren<QToolButton *>()) {
        if (button->text() == QStringLiteral("Dismiss"))
            dismiss = button;
    }
    QVERIFY(dismiss && dismiss->isVisible());
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(!dismiss->isVisible());
    QVERIFY(window.problems().isEmpty());
}

void TestMainWindow::doneIsWrittenBack()
{
    GitHubSide gitHub(m_outbox.get(), m_service.get());
    for (const QString &title : {QStringLiteral("First"), QStringLiteral("Second")})
        gitHub.sim.addIssue({.repo = QStringLiteral("acme/web"),
                             .title = title,
                             .assignees = {QStringLiteral("me")}});
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("First"), 20),
         TestTasks::gitHub(QStringLiteral("acme/web"), 2, QStringLiteral("Second"), 10)}));
    OutboxProcessor &processor = gitHub.processor;

    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.setOutboxProcessor(&processor);
    processor.start();
    window.show();
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#1"));
    QSignalSpy sent(&processor, &OutboxProcessor::sent);
    window.nowCard()->doneAction()->trigger();
    // Done here at once, the next task is up, and the close waits for GitHub.
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#2"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("github:acme/web#2"));
    QCOMPARE(window.taskView()->model()->rowCount(), 1);
    QCOMPARE(window.outboxStatus(), QStringLiteral("1 change waiting"));
    QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Done: “First”")));
    QVERIFY(sent.wait(10000));
    QCOMPARE(gitHub.sim.issue(QStringLiteral("acme/web"), 1)->state, QStringLiteral("closed"));
    QTRY_COMPARE(window.outboxStatus(), QString());
}

void TestMainWindow::refusedWriteIsShownAndUndone()
{
    GitHubSide gitHub(m_outbox.get(), m_service.get());
    OutboxProcessor &processor = gitHub.processor;
    // Known here, gone at the source: GitHub answers 404.
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 9, QStringLiteral("Gone"), 20)}));

    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.setOutboxProcessor(&processor);
    processor.start();
    window.show();
    QSignalSpy failed(&processor, &OutboxProcessor::failed);
    window.nowCard()->doneAction()->trigger();
    QVERIFY(failed.wait(10000));
    QCOMPARE(window.outboxStatus(), QStringLiteral("1 change failed"));
    QCOMPARE(window.problems().size(), 1);
    QVERIFY2(window.problems().constFirst().startsWith(
                 QStringLiteral("“Gone” could not be written back: GitHub error: 404")),
             qPrintable(window.problems().constFirst()));
    // Open again, and current again: nothing was lost.
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#9"))->status, TaskStatus::Todo);
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#9"));
}

void TestMainWindow::closedElsewhereIsTold()
{
    GitHubSide gitHub(m_outbox.get(), m_service.get());
    gitHub.sim.addIssue({.repo = QStringLiteral("acme/web"),
                         .title = QStringLiteral("Shared"),
                         .assignees = {QStringLiteral("me")}});
    gitHub.sim.closeIssue(QStringLiteral("acme/web"), 1, QStringLiteral("bob"));
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Shared"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.setOutboxProcessor(&gitHub.processor);
    gitHub.processor.start();
    window.show();
    QSignalSpy conflict(&gitHub.processor, &OutboxProcessor::conflict);
    window.nowCard()->doneAction()->trigger();
    QVERIFY(conflict.wait(10000));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("“Shared” was already closed at the source (closed by bob); it stays "
                            "done."));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
    QVERIFY(window.problems().isEmpty()); // nothing went wrong
}

void TestMainWindow::newTaskAppearsAndIsSelected()
{
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.setCreateDestinations(
        {{Sources::GitHub, QStringLiteral("acme/web"), QStringLiteral("GitHub: acme/web")}});
    window.show();
    bool filled = false;
    QTimer::singleShot(0, &window, [&filled] {
        auto *dialog = qobject_cast<CreateTaskDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), QStringLiteral("Write the docs"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        filled = true;
    });
    window.newTaskAction()->trigger(); // runs the dialog until the click above
    QVERIFY(filled);
    QCOMPARE(window.taskView()->model()->rowCount(), 1);
    const QModelIndex selected = window.taskView()->currentIndex();
    QVERIFY(selected.isValid());
    QCOMPARE(selected.siblingAtColumn(1).data().toString(), QStringLiteral("Write the docs"));
    QVERIFY(Task::isLocalId(m_outbox->entries().constFirst().taskId));
    QCOMPARE(window.outboxStatus(), QStringLiteral("1 change waiting"));

    // GitHub takes it: the task gets its issue number and stays selected.
    GitHubSide gitHub(m_outbox.get(), m_service.get());
    OutboxProcessor &processor = gitHub.processor;
    window.setOutboxProcessor(&processor);
    QSignalSpy sent(&processor, &OutboxProcessor::sent);
    processor.start();
    QVERIFY(sent.wait(10000));
    QCOMPARE(window.details()->taskId(), QStringLiteral("github:acme/web#1"));
    QCOMPARE(window.taskView()->currentIndex().data(TaskTableModel::TaskIdRole).toString(),
             QStringLiteral("github:acme/web#1"));
}

void TestMainWindow::selectionSurvivesChanges()
{
    QVERIFY(
        m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10),
                         gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fix login"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    // At first the current task is shown.
    QCOMPARE(window.details()->taskId(), QStringLiteral("github:acme/web#1"));
    window.taskView()->setCurrentIndex(window.taskView()->model()->index(1, 0));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:a"));
    // A sync reads the list again; the user keeps looking at the same task.
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("b"), QStringLiteral("New one"), 15)}));
    QCOMPARE(window.taskView()->model()->rowCount(), 3);
    QCOMPARE(window.taskView()->currentIndex().data(TaskTableModel::TaskIdRole).toString(),
             QStringLiteral("clickup:a"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:a"));
    // Next goes back to the task to work on.
    window.nowCard()->nextAction()->trigger();
    QCOMPARE(window.details()->taskId(), QStringLiteral("github:acme/web#1"));
}

void TestMainWindow::markDoneNamesTheTaskItClosed()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Now task"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Picked task"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("clickup:a"));
    window.openTask(QStringLiteral("clickup:b"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:b"));
    auto *markDone = window.details()->findChild<QPushButton *>(QStringLiteral("markDone"));
    QVERIFY(markDone);
    markDone->click();
    QCOMPARE(m_store->task(QStringLiteral("clickup:b"))->status, TaskStatus::Done);
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Todo);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Picked task")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("Now task")));
}

void TestMainWindow::theListFollowsTheNowCard()
{
    QList<Task> tasks;
    for (int i = 0; i < 60; ++i)
        tasks.append(
            clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), 100 - i));
    QVERIFY(m_store->upsert(tasks));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.resize(900, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto selected = [&window] {
        return window.taskView()->currentIndex().data(TaskTableModel::TaskIdRole).toString();
    };
    // The user looks at a task far down the list, then moves the Now card on.
    window.openTask(QStringLiteral("clickup:t50"));
    QCOMPARE(selected(), QStringLiteral("clickup:t50"));
    window.nowCard()->skipAction()->trigger();
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("clickup:t1"));
    QCOMPARE(selected(), QStringLiteral("clickup:t1"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:t1"));
    const QRect shown = window.taskView()->visualRect(window.taskView()->currentIndex());
    QVERIFY(window.taskView()->viewport()->rect().contains(shown)); // scrolled to it

    window.openTask(QStringLiteral("clickup:t40"));
    window.nowCard()->doneAction()->trigger();
    QCOMPARE(selected(), QStringLiteral("clickup:t2"));
    window.openTask(QStringLiteral("clickup:t30"));
    window.nowCard()->nextAction()->trigger();
    QCOMPARE(selected(), QStringLiteral("clickup:t2"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
