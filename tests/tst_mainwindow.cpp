#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/CreateTaskDialog.h"
#include "app/MainWindow.h"
#include "app/NowCard.h"
#include "app/TaskDetails.h"
#include "app/TaskTableModel.h"
#include "appcore/AppCore.h"
#include "appcore/SourceStatus.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"

#include "app/TaskFilterModel.h"
#include "core/SyncState.h"
#include "core/Translations.h"
#include "sim/SimClickUp.h"
#include "sources/ClickUpReader.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
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
    void initTestCase();
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
    void fullDiskIsToldAndLosesNothing();
    void closedElsewhereIsTold();
    void newTaskAppearsAndIsSelected();
    void selectionSurvivesChanges();
    void markDoneNamesTheTaskItClosed();
    void theListFollowsTheNowCard();
    void closedByOthersStaysReadable();
    void closedByOthersInABigSync();
    void syncSaysWhatChangedPerSource();
    void readableAtEverySize();
    void cutOffTitlesHaveTooltips();
    void narrowStatusBarKeepsWhatMatters();
    void wordsAndValuesAgree();
    void keyboardHasNoTraps();
    void searchFromTheKeyboard();
    void everyMenuActionHasAShortcut();
    void undoneDoneIsNeverSent();
    void skipAndCommentUndoWithCtrlZ();
    void undoRunsOut();
    void offlineIsObviousAndRecoverable();
    void quitWithChangesWaitingSaysWhenTheyGo();

private:
};

void TestMainWindow::initTestCase()
{
    // English plurals ("1 change") come from a translation, as in the app.
    Translations::install(QStringLiteral("en"));
}

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
    int readers = 0;
    engine.addSource(Sources::GitHub, [&] {
        ++readers;
        return new GitHubReader(&client, m_store.get(), engine.state(), nullptr, {});
    });

    OutboxProcessor processor(m_outbox.get());
    SourceStatus status(&engine, &processor, m_outbox.get(), &m_clock);

    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    window.setSyncEngine(&engine);
    window.setSyncEngine(&engine); // again, as after the sources reload: still one sync a press
    window.setSourceStatus(&status);
    QVERIFY(window.isShowingEmptyState());
    QCOMPARE(window.syncStatus(), QStringLiteral("GitHub: not synced yet"));

    QAction *syncNow = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Sync Now"))
            syncNow = action;
    }
    QVERIFY(syncNow && syncNow->isEnabled());
    QSignalSpy idle(&engine, &SyncEngine::idle);
    syncNow->trigger();
    QCOMPARE(window.syncStatus(), QStringLiteral("GitHub: syncing…"));
    QVERIFY(idle.wait(10000));
    QCOMPARE(readers, 1);
    const auto time = [this] {
        return QLocale().toString(m_clock.now().toLocalTime().time(), QLocale::ShortFormat);
    };
    QCOMPARE(window.syncStatus(), QStringLiteral("GitHub: synced at ") + time());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("sourceState_github"))->text(),
             window.syncStatus());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("sourceState_github"))->toolTip(),
             QStringLiteral("1 new, 0 updated, 0 closed"));
    QVERIFY(!window.isShowingEmptyState());
    QCOMPARE(window.taskView()->model()->index(0, 1).data().toString(),
             QStringLiteral("Synced issue"));

    sim.injectFault(QStringLiteral("*"), {Sim::SimFault::Kind::Status, 500});
    m_clock.advance(3 * 3600);
    syncNow->trigger();
    QVERIFY(idle.wait(10000));
    // Why, in the words on the status bar.
    QVERIFY2(window.syncStatus().startsWith(
                 QStringLiteral("GitHub: can't reach since %1 — 500 (").arg(time())),
             qPrintable(window.syncStatus()));
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
    // The message says what was done, with Undo beside it.
    auto *message = window.findChild<QLabel *>(QStringLiteral("undoMessage"));
    QVERIFY(message && message->isVisible());
    QVERIFY2(message->text().startsWith(QStringLiteral("Done: “First”")),
             qPrintable(message->text()));
    QVERIFY(window.findChild<QToolButton *>(QStringLiteral("undoButton"))->isVisible());
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

// The profile's disk fills up (a size limit on the database stands in for it): a Done fails
// with a message the user sees, what was stored stays whole, and Done works once there is room.
void TestMainWindow::fullDiskIsToldAndLosesNothing()
{
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("First"), 20),
         TestTasks::gitHub(QStringLiteral("acme/web"), 2, QStringLiteral("Second"), 10)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#1"));

    QSqlQuery query(m_store->database());
    const auto pragma = [&](const QString &sql) {
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    };
    QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1")
                           .arg(pragma(QStringLiteral("PRAGMA page_count")).toInt())));
    // Not a byte left: comments fill the outbox's pages until not even one character fits.
    const QDateTime later = m_service->now().addDays(1);
    int queued = 0;
    for (int size = 2048; size >= 1; size /= 2) {
        while (m_outbox->comment(QStringLiteral("github:acme/web#2"), QString(size, u'x'),
                                 m_service->now(), later))
            ++queued;
    }
    QVERIFY(m_outbox->lastError().contains(QStringLiteral("is full")));

    window.nowCard()->doneAction()->trigger();
    QCOMPARE(window.problems().size(), 1);
    QVERIFY2(window.problems().constFirst().contains(QStringLiteral("disk")) &&
                 window.problems().constFirst().contains(QStringLiteral("is full")),
             qPrintable(window.problems().constFirst()));
    // Nothing half done, nothing damaged.
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#1"));
    QCOMPARE(m_outbox->entries().size(), queued);
    QCOMPARE(pragma(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));

    // Room again: the same Done goes through.
    QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
    window.nowCard()->doneAction()->trigger();
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Done);
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#2"));
    QCOMPARE(m_outbox->entries().size(), queued + 1);
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
    const QString message = window.findChild<QLabel *>(QStringLiteral("undoMessage"))->text();
    QVERIFY2(message.contains(QStringLiteral("Picked task")), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("Now task")));
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

namespace {

// Someone else's change to a task, as a webhook brings it.
TaskChanges byOthers(const QString &taskId, FieldChange change, const QString &actor)
{
    TaskChanges changes;
    changes.origin = ChangeOrigin::Webhook;
    changes.external = {{taskId, {change}, actor}};
    return changes;
}

QString selectedId(const MainWindow &window)
{
    return window.taskView()->currentIndex().data(TaskTableModel::TaskIdRole).toString();
}

} // namespace

void TestMainWindow::closedByOthersStaysReadable()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Now task"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Shared task"), 20),
                             clickUp(QStringLiteral("c"), QStringLiteral("Third"), 10)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    window.openTask(QStringLiteral("clickup:b"));
    auto *note = window.findChild<QLabel *>(QStringLiteral("outsideChange"));
    QVERIFY(note && !note->isVisible());

    // Bob closes the task the user is reading: it leaves the list, not the details.
    Task closed = *m_store->task(QStringLiteral("clickup:b"));
    closed.status = TaskStatus::Done;
    closed.updatedAt = m_now.addSecs(-60);
    QVERIFY(m_store->upsert({closed}, byOthers(closed.id,
                                               {FieldChange::Field::Status, QStringLiteral("todo"),
                                                QStringLiteral("done")},
                                               QStringLiteral("bob"))));
    QCOMPARE(window.taskView()->model()->rowCount(), 2);
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:b"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(),
             QStringLiteral("Closed by bob at ") +
                 QLocale().toString(closed.updatedAt.toLocalTime().time(), QLocale::ShortFormat));
    QVERIFY(!window.taskView()->currentIndex().isValid()); // nothing else looks selected
    // A sync of other tasks meanwhile leaves it shown.
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("d"), QStringLiteral("New one"), 5)}));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:b"));

    // Reopened: back in the list, and selected there again.
    closed.status = TaskStatus::Todo;
    QVERIFY(m_store->upsert({closed}, byOthers(closed.id,
                                               {FieldChange::Field::Status, QStringLiteral("done"),
                                                QStringLiteral("todo")},
                                               QStringLiteral("bob"))));
    QCOMPARE(selectedId(window), QStringLiteral("clickup:b"));
    QVERIFY(note->text().startsWith(QStringLiteral("Reopened by bob at ")));

    // The user picks another row: the details follow it.
    window.openTask(QStringLiteral("clickup:c"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:c"));
    QVERIFY(!note->isVisible());

    // The user's own Done still moves on to the task to work on.
    window.details()->completeButton()->click();
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:a"));
    QCOMPARE(selectedId(window), QStringLiteral("clickup:a"));
}

void TestMainWindow::closedByOthersInABigSync()
{
    QList<Task> tasks;
    for (int i = 0; i < 50; ++i)
        tasks.append(
            clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), 100 - i));
    QVERIFY(m_store->upsert(tasks));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    window.openTask(QStringLiteral("clickup:t10"));
    // A sync closes forty tasks at once (one layout change), the one shown among them,
    // reassigned to alice by carol.
    TaskChanges described;
    described.origin = ChangeOrigin::Sync;
    QList<Task> batch;
    for (int i = 5; i < 45; ++i) {
        Task task = tasks.at(i);
        task.status = TaskStatus::Done;
        batch.append(task);
    }
    batch[5].status = TaskStatus::Todo; // t10
    batch[5].assignedToMe = false;
    batch[5].assignee = QStringLiteral("alice");
    described.external = {{QStringLiteral("clickup:t10"),
                           {{FieldChange::Field::Assignee, QStringLiteral("me"), QString()}},
                           QStringLiteral("carol")}};
    QVERIFY(m_store->upsert(batch, described));
    QCOMPARE(window.taskView()->model()->rowCount(), 10);
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:t10"));
    QVERIFY(window.details()->outsideChangeText().startsWith(
        QStringLiteral("Reassigned to alice by carol at ")));
    QVERIFY(!window.taskView()->currentIndex().isValid());
}

void TestMainWindow::syncSaysWhatChangedPerSource()
{
    GitHubSide gitHub(m_outbox.get(), m_service.get());
    for (const QString &title : {QStringLiteral("One"), QStringLiteral("Two")})
        gitHub.sim.addIssue({.repo = QStringLiteral("acme/web"),
                             .title = title,
                             .assignees = {QStringLiteral("me")}});
    Sim::SimClickUp clickUpSim;
    QVERIFY(clickUpSim.listen() > 0);
    clickUpSim.addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                       QStringLiteral("pk_t"));
    clickUpSim.addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    clickUpSim.addTask(
        {.name = QStringLiteral("On ClickUp"), .listId = QStringLiteral("901"), .assignees = {7}});
    RestClient clickUpClient(&gitHub.manager, clickUpSim.baseUrl());
    ClickUpReader::configure(&clickUpClient, "pk_t");

    SyncEngine engine(m_store.get(), nullptr);
    engine.setClock(&m_clock);
    engine.addSource(Sources::GitHub, [&] {
        return new GitHubReader(&gitHub.client, m_store.get(), engine.state(), nullptr, {});
    });
    engine.addSource(Sources::ClickUp, [&] {
        return new ClickUpReader(&clickUpClient, m_store.get(), engine.state(), nullptr,
                                 {.listIds = {QStringLiteral("901")}});
    });
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    window.setSyncEngine(&engine);
    auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("syncChanges"));
    QVERIFY(label && !label->isVisible());

    QSignalSpy idle(&engine, &SyncEngine::idle);
    engine.syncAll();
    QVERIFY(idle.wait(10000));
    QVERIFY(label->isVisible());
    QCOMPARE(window.syncChanges(), QStringLiteral("ClickUp: 1 new · GitHub: 2 new"));

    // Bob closes one issue and opens another for the user; ClickUp has nothing new.
    gitHub.sim.closeIssue(QStringLiteral("acme/web"), 1, QStringLiteral("bob"));
    gitHub.sim.addIssue({.repo = QStringLiteral("acme/web"),
                         .title = QStringLiteral("Three"),
                         .assignees = {QStringLiteral("me")}});
    m_clock.advance(3600);
    engine.syncAll();
    QVERIFY(idle.wait(10000));
    QCOMPARE(window.syncChanges(), QStringLiteral("ClickUp: no changes · GitHub: 1 new, 1 closed"));
}

void TestMainWindow::readableAtEverySize()
{
    QVERIFY(m_store->upsert(
        {clickUp(QStringLiteral("a"),
                 QStringLiteral("Write the quarterly report for the board, with every figure"), 20),
         clickUp(QStringLiteral("b"), QStringLiteral("Short"), 10)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The title bar names the task to work on.
    QCOMPARE(
        window.windowTitle(),
        QStringLiteral("UpNext — Write the quarterly report for the board, with every figure"));
    window.nowCard()->skipAction()->trigger();
    QCOMPARE(window.windowTitle(), QStringLiteral("UpNext — Short"));
    Task renamed = *m_store->task(QStringLiteral("clickup:b"));
    renamed.title = QStringLiteral("Short, renamed");
    QVERIFY(m_store->upsert({renamed}));
    QCOMPARE(window.windowTitle(), QStringLiteral("UpNext — Short, renamed"));

    QHeaderView *header = window.taskView()->header();
    const int enough = 36 * window.taskView()->fontMetrics().averageCharWidth();
    const auto hiddenColumns = [header] {
        int hidden = 0;
        for (int column = 0; column < header->count(); ++column)
            hidden += header->isSectionHidden(column) ? 1 : 0;
        return hidden;
    };
    // Wide: every column, the title with the spare width.
    window.resize(1400, 700);
    QTRY_COMPARE(window.width(), 1400);
    QTRY_COMPARE(hiddenColumns(), 0);
    QVERIFY(header->sectionSize(TaskTableModel::TitleColumn) > enough);
    // As small as it goes: a minimum that keeps it usable, and a title still readable.
    window.resize(200, 150);
    QTRY_COMPARE(window.size(), window.minimumSize());
    QVERIFY(window.minimumWidth() >= 600 && window.minimumHeight() >= 400);
    QTRY_VERIFY(header->sectionSize(TaskTableModel::TitleColumn) >= enough);
    QVERIFY(hiddenColumns() > 0);
    QVERIFY(!header->isSectionHidden(TaskTableModel::ScoreColumn));
    // Wide again: the columns come back.
    window.resize(1400, 700);
    QTRY_COMPARE(hiddenColumns(), 0);
    QVERIFY(header->sectionSize(TaskTableModel::TitleColumn) > enough);
}

void TestMainWindow::narrowStatusBarKeepsWhatMatters()
{
    const QString longTitle = QStringLiteral(
        "Migrate the billing service to the new payments provider before the old contract ends");
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), longTitle, 20),
                             clickUp(QStringLiteral("b"), QStringLiteral("Short"), 10)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.resize(window.minimumSize());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *profile = window.findChild<QLabel *>(QStringLiteral("profileName"));
    auto *message = window.findChild<QLabel *>(QStringLiteral("undoMessage"));
    QVERIFY(profile && message);
    QVERIFY(!profile->isVisible());

    window.nowCard()->doneAction()->trigger();
    const QString full = QStringLiteral("Done: “%1”. Next: “Short”").arg(longTitle);
    QTRY_COMPARE(message->toolTip(), full);
    QVERIFY2(message->text().contains(QStringLiteral("…")), qPrintable(message->text()));
    QVERIFY(message->width() <= window.width() / 2 + 20);

    // Wide: the whole message, and the profile again.
    window.resize(1400, 700);
    QTRY_COMPARE(message->text(), full);
    QVERIFY(message->toolTip().isEmpty());
    QVERIFY(profile->isVisible());
}

void TestMainWindow::cutOffTitlesHaveTooltips()
{
    const QString longTitle = QStringLiteral(
        "Migrate the billing service to the new payments provider before the old contract ends");
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), longTitle, 20),
                             clickUp(QStringLiteral("b"), QStringLiteral("Short"), 10)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.resize(window.minimumSize());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView *view = window.taskView();
    QTRY_VERIFY(!view->visualRect(view->model()->index(0, TaskTableModel::TitleColumn)).isEmpty());
    const auto tooltipOver = [view](int row) {
        QToolTip::hideText();
        if (!QTest::qWaitFor([] { return !QToolTip::isVisible(); }, 5000))
            return QStringLiteral("(the tooltip did not go)");
        const QRect cell = view->visualRect(view->model()->index(row, TaskTableModel::TitleColumn));
        QHelpEvent event(QEvent::ToolTip, cell.center(),
                         view->viewport()->mapToGlobal(cell.center()));
        QApplication::sendEvent(view->viewport(), &event);
        return QToolTip::isVisible() ? QToolTip::text() : QString();
    };
    QCOMPARE(tooltipOver(0), longTitle);
    QCOMPARE(tooltipOver(1), QString()); // shown whole: nothing to add
}

void TestMainWindow::wordsAndValuesAgree()
{
    const QString path = m_dir->filePath(QStringLiteral("entities.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id": "acme", "name": "Acme Corp"}])");
    file.close();
    Entities entities;
    QVERIFY(entities.load(path));
    startService(&entities);
    Task tagged = gitHub(QStringLiteral("acme/web"), 7, QStringLiteral("[CLIENT:acme] Fix login"));
    tagged.entity = QStringLiteral("acme");
    tagged.score = 57.5;
    Task listed = clickUp(QStringLiteral("86abc"), QStringLiteral("Write report"), 12);
    listed.dueDate = QDate(2026, 3, 12);
    QVERIFY(m_store->upsert({tagged, listed}));
    QVERIFY(SyncState(m_store.get())
                .setValue(Sources::ClickUp, SyncState::containerNameKey(QStringLiteral("901")),
                          QStringLiteral("Backlog")));

    MainWindow window(m_store.get(), &entities, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QAbstractItemModel *model = window.taskView()->model();
    // The client prefix is in the client column, not the title.
    QCOMPARE(model->index(0, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix login"));
    QCOMPARE(model->index(0, TaskTableModel::ClientColumn).data().toString(),
             QStringLiteral("Acme Corp"));
    QCOMPARE(window.windowTitle(), QStringLiteral("UpNext — Fix login"));
    // The list and the Now card show one score.
    QCOMPARE(model->index(0, TaskTableModel::ScoreColumn).data().toString(),
             QLocale().toString(57.5, 'f', 1));
    QVERIFY2(window.nowCard()->explanation().startsWith(
                 QStringLiteral("Score %1: ").arg(QLocale().toString(57.5, 'f', 1))),
             qPrintable(window.nowCard()->explanation()));
    // The list by its name, no raw id in the details.
    window.openTask(listed.id);
    auto *facts = window.details()->findChild<QLabel *>(QStringLiteral("taskFacts"));
    QVERIFY(facts->text().contains(QStringLiteral("Backlog")));
    QVERIFY2(!facts->text().contains(QStringLiteral("86abc")), qPrintable(facts->text()));
    QVERIFY(!facts->text().contains(QStringLiteral("901")));

    // Skipped today says so in the list; messages quote titles typographically.
    window.nowCard()->skipAction()->trigger();
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("undoMessage"))
                    ->text()
                    .startsWith(QStringLiteral("Skipped “Fix login” for today")));
    QCOMPARE(model->index(0, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix login"));
    QCOMPARE(model->index(0, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("Skipped today"));
    QCOMPARE(model->index(1, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("To do"));
    // Tasks without a due date sort last both ways.
    window.taskView()->sortByColumn(TaskTableModel::DueColumn, Qt::AscendingOrder);
    QCOMPARE(model->index(1, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix login"));
    window.taskView()->sortByColumn(TaskTableModel::DueColumn, Qt::DescendingOrder);
    QCOMPARE(model->index(1, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix login"));
    // The profile by its name.
    window.setProfileName(QStringLiteral("Demo"));
    QCOMPARE(window.statusBar()->findChild<QLabel *>(QStringLiteral("profileName"))->text(),
             QStringLiteral("Profile: Demo"));
}

void TestMainWindow::keyboardHasNoTraps()
{
    QList<Task> tasks;
    for (int i = 0; i < 5; ++i)
        tasks.append(
            clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), 10 - i));
    QVERIFY(m_store->upsert(tasks));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTreeView *view = window.taskView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    // Arrows move in the list.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(selectedId(window), QStringLiteral("clickup:t1"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:t1"));

    // Tab leaves the list for the details, then the comment box and the buttons, and comes
    // round to the list again: never cell by cell.
    QStringList stops;
    for (int i = 0; i < 20 && stops.size() < 20; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        stops.append(focus->objectName());
        if (focus == view)
            break;
    }
    QCOMPARE(stops.constLast(), QStringLiteral("taskList"));
    QCOMPARE(selectedId(window), QStringLiteral("clickup:t1")); // Tab did not move the row
    const qsizetype comment = stops.indexOf(QStringLiteral("commentBox"));
    QVERIFY2(comment > 0, qPrintable(stops.join(u',')));
    QVERIFY(stops.indexOf(QStringLiteral("taskDescription")) < comment);
    QCOMPARE(stops.at(comment + 1), QStringLiteral("markDone"));
    QVERIFY(stops.contains(QStringLiteral("taskSearch")));
    // Shift+Tab goes back the same way.
    window.details()->commentBox()->setFocus();
    QTest::keyClick(window.details()->commentBox(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("taskDescription"));
}

void TestMainWindow::searchFromTheKeyboard()
{
    QVERIFY(
        m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10),
                         gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fix login"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("taskSearch"));
    QTreeView *view = window.taskView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    // Ctrl+F, type, Esc clears, Esc again back to the list.
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("report"));
    QCOMPARE(view->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(search->hasFocus());
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(view->hasFocus());

    // "/" searches from the list or the description, but is a character in a text field.
    QTest::keyClick(view, Qt::Key_Slash);
    QVERIFY(search->hasFocus());
    QCOMPARE(search->text(), QString());
    QTest::keyClicks(search, QStringLiteral("a/b"));
    QCOMPARE(search->text(), QStringLiteral("a/b"));
    search->clear();
    QPlainTextEdit *comment = window.details()->commentBox();
    comment->setFocus();
    QTRY_VERIFY(comment->hasFocus());
    QTest::keyClicks(comment, QStringLiteral("and/or"));
    QCOMPARE(comment->toPlainText(), QStringLiteral("and/or"));
    QVERIFY(comment->hasFocus());
    auto *description = window.findChild<QTextBrowser *>(QStringLiteral("taskDescription"));
    description->setFocus();
    QTRY_VERIFY(description->hasFocus());
    QTest::keyClick(description, Qt::Key_Slash);
    QVERIFY(search->hasFocus());
}

void TestMainWindow::everyMenuActionHasAShortcut()
{
    Entities entities;
    MainWindow window(m_store.get(), &entities, m_service.get(), m_outbox.get(), m_dir->path());
    QStringList missing;
    QSet<QKeySequence> seen;
    QStringList twice;
    for (QAction *menu : window.menuBar()->actions()) {
        QVERIFY(menu->menu());
        for (QAction *action : menu->menu()->actions()) {
            if (action->isSeparator())
                continue;
            if (action->shortcut().isEmpty())
                missing.append(action->text());
            else if (seen.contains(action->shortcut()))
                twice.append(action->text());
            seen.insert(action->shortcut());
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u',')));
    QVERIFY2(twice.isEmpty(), qPrintable(twice.join(u',')));
    QVERIFY(seen.contains(QKeySequence(QKeySequence::Find)));
}

// Done offers Undo; undone, the close never reaches GitHub, even once its hold is over.
void TestMainWindow::undoneDoneIsNeverSent()
{
    GitHubSide gitHub(m_outbox.get(), m_service.get());
    OutboxProcessor &processor = gitHub.processor;
    processor.setClock(&m_clock); // the hold is by the service's clock
    gitHub.writer.setClock(&m_clock);
    for (const QString &title : {QStringLiteral("First"), QStringLiteral("Second")})
        gitHub.sim.addIssue({.repo = QStringLiteral("acme/web"),
                             .title = title,
                             .assignees = {QStringLiteral("me")}});
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("First"), 20),
         TestTasks::gitHub(QStringLiteral("acme/web"), 2, QStringLiteral("Second"), 10)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.setOutboxProcessor(&processor);
    processor.start();
    window.show();
    auto *undoAction = window.findChild<QAction *>(QStringLiteral("undoAction"));
    auto *undo = window.findChild<QToolButton *>(QStringLiteral("undoButton"));
    QVERIFY(undoAction && undo);
    QVERIFY(!undoAction->isEnabled());
    QVERIFY(!undo->isVisible());

    window.nowCard()->doneAction()->trigger();
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#2"));
    QCOMPARE(window.outboxStatus(), QStringLiteral("1 change waiting"));
    QVERIFY(undo->isVisible());
    QVERIFY(undoAction->isEnabled());
    QCOMPARE(undoAction->shortcut(), QKeySequence(QKeySequence::Undo));
    if (qEnvironmentVariableIsSet("UPNEXT_SCREENSHOTS"))
        window.grab().save(QDir(qEnvironmentVariable("UPNEXT_SCREENSHOTS"))
                               .filePath(QStringLiteral("undo-message.png")));

    m_clock.advance(3);
    QTest::mouseClick(undo, Qt::LeftButton);
    // Open again, current again, shown in the list, and nothing waits.
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#1"))->status, TaskStatus::Todo);
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("github:acme/web#1"));
    QCOMPARE(window.taskView()->currentIndex().data(TaskTableModel::TaskIdRole).toString(),
             QStringLiteral("github:acme/web#1"));
    QCOMPARE(window.taskView()->model()->rowCount(), 2);
    QCOMPARE(window.outboxStatus(), QString());
    QVERIFY(!undo->isVisible());
    QVERIFY(!undoAction->isEnabled());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Undone: “First” is open again"));

    m_clock.advance(10); // well past the hold
    QSignalSpy idle(&processor, &OutboxProcessor::idle);
    processor.processNow();
    QVERIFY(idle.wait(10000));
    QCOMPARE(gitHub.sim.issue(QStringLiteral("acme/web"), 1)->state, QStringLiteral("open"));
    QCOMPARE(gitHub.sim.requestLog().count(), 0); // nothing went to GitHub at all
}

void TestMainWindow::skipAndCommentUndoWithCtrlZ()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Now task"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Next task"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    window.nowCard()->skipAction()->trigger();
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("clickup:b"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("undoMessage"))
                ->text()
                .startsWith(QStringLiteral("Skipped “Now task” for today")));
    window.taskView()->setFocus();
    QTest::keyClick(window.taskView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.nowCard()->currentTaskId(), QStringLiteral("clickup:a"));
    QCOMPARE(window.details()->taskId(), QStringLiteral("clickup:a"));
    QVERIFY(m_store->skippedOn(m_clock.now().toLocalTime().date()).isEmpty());
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Undone: “Now task” is not skipped"));

    // A comment sent with Ctrl+Return; Ctrl+Z in the box, empty again, takes it back there.
    auto *box = window.findChild<QPlainTextEdit *>(QStringLiteral("commentBox"));
    QVERIFY(box);
    box->setFocus();
    QTest::keyClicks(box, QStringLiteral("Tpyo"));
    QTest::keyClick(box, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_outbox->entries().size(), 1);
    QVERIFY(box->toPlainText().isEmpty());
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("undoMessage"))
                ->text()
                .startsWith(QStringLiteral("Comment queued for “Now task”")));
    QTest::keyClick(box, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(box->toPlainText(), QStringLiteral("Tpyo")); // to be fixed and sent again
    QVERIFY(!m_store->task(QStringLiteral("clickup:a"))->lastActivity.isValid());
}

void TestMainWindow::undoRunsOut()
{
    m_service->setUndoGrace(std::chrono::milliseconds(100));
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Now task"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Next task"), 20)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    auto *bar = window.findChild<QWidget *>(QStringLiteral("undoBar"));
    window.nowCard()->doneAction()->trigger();
    QVERIFY(bar->isVisible());
    m_clock.advance(1);
    QTRY_VERIFY(!bar->isVisible());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("undoAction"))->isEnabled());
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->due(m_clock.now()).size(), 1); // it goes now
}

// Both services go away: each source says so in the status bar with why, changes made
// meanwhile say "queued", a banner comes on the second failed sync with what waits and Retry
// Now, and once they are back Retry Now brings everything through.
void TestMainWindow::offlineIsObviousAndRecoverable()
{
    const QString repo = QStringLiteral("acme/web");
    const QString list = QStringLiteral("901500100001");
    QString teamId;
    quint16 clickUpPort = 0;
    quint16 gitHubPort = 0;
    std::unique_ptr<Sim::SimClickUp> clickUp;
    std::unique_ptr<Sim::SimGitHub> gitHub;
    const auto startSims = [&] {
        clickUp = std::make_unique<Sim::SimClickUp>();
        if (!teamId.isEmpty())
            clickUp->setTeamId(teamId);
        teamId = clickUp->teamId();
        clickUpPort = clickUp->listen(clickUpPort);
        clickUp->addUser(101, QStringLiteral("Me"), QStringLiteral("me@example.com"),
                         QStringLiteral("pk_101_offline"));
        clickUp->addList(list, QStringLiteral("Inbox"));
        clickUp->addTask({.id = QStringLiteral("86a1"),
                          .name = QStringLiteral("Send the invoice"),
                          .listId = list,
                          .assignees = {101}});
        gitHub = std::make_unique<Sim::SimGitHub>();
        gitHubPort = gitHub->listen(gitHubPort);
        gitHub->addUser(QStringLiteral("me"), QStringLiteral("ghp_offline"));
        gitHub->addRepo(repo);
        gitHub->addIssue({.repo = repo,
                          .number = 1,
                          .title = QStringLiteral("Fix login"),
                          .assignees = {QStringLiteral("me")}});
    };
    startSims();
    QVERIFY(clickUpPort > 0 && gitHubPort > 0);
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_101_offline");
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_offline");
    const auto tokens = qScopeGuard([] {
        qunsetenv("UPNEXT_CLICKUP_TOKEN");
        qunsetenv("UPNEXT_GITHUB_TOKEN");
    });
    QTemporaryDir dir;
    const Profile profile(dir.path());
    {
        Settings settings(profile.settingsPath());
        QVERIFY(settings.setClickUpBaseUrl(clickUp->baseUrl()) &&
                settings.setClickUpTeamId(teamId) && settings.setGitHubBaseUrl(gitHub->baseUrl()) &&
                settings.setGitHubCreateRepo(repo) && settings.sync());
    }
    AppCore core{profile};
    QString error;
    QVERIFY2(core.open(&error), qPrintable(error));
    QSignalSpy loaded(&core, &AppCore::sourcesLoaded);
    core.loadSources();
    QVERIFY(loaded.wait());

    MainWindow window(core.store(), core.entities(), core.service(), core.outbox(), dir.path());
    window.setOutboxProcessor(core.processor());
    window.setSyncEngine(core.engine());
    window.setSourceStatus(core.sourceStatus());
    window.setCreateDestinations(core.sources()->createDestinations());
    window.resize(1100, 680);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy idle(core.engine(), &SyncEngine::idle);
    core.start();
    QVERIFY(idle.wait(20000));
    auto *clickUpState = window.findChild<QLabel *>(QStringLiteral("sourceState_clickup"));
    auto *gitHubState = window.findChild<QLabel *>(QStringLiteral("sourceState_github"));
    QVERIFY(clickUpState && gitHubState);
    QVERIFY2(clickUpState->text().startsWith(QStringLiteral("ClickUp: synced at ")),
             qPrintable(clickUpState->text()));
    QVERIFY2(gitHubState->text().startsWith(QStringLiteral("GitHub: synced at ")),
             qPrintable(gitHubState->text()));
    QCOMPARE(window.taskView()->model()->rowCount(), 2);
    auto *banner = window.findChild<QWidget *>(QStringLiteral("offlineBanner"));
    QVERIFY(banner && !banner->isVisible());

    // Both services stop answering; a sync finds out.
    clickUp.reset();
    gitHub.reset();
    QAction *syncNow = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Sync Now"))
            syncNow = action;
    }
    QVERIFY(syncNow);
    syncNow->trigger();
    QVERIFY(idle.wait(20000));
    // Each source, with why, in the status bar: not only the last one, not only a tooltip.
    for (QLabel *label : {clickUpState, gitHubState}) {
        QVERIFY2(label->text().contains(QStringLiteral(": can't reach since ")) &&
                     label->text().endsWith(QStringLiteral(" — Connection refused")),
                 qPrintable(label->text()));
        QVERIFY(label->isVisible());
    }
    QVERIFY(!banner->isVisible()); // one failed sync may be a blip

    // What the user does meanwhile says it waits.
    const QString current = window.nowCard()->currentTaskId();
    const QString source = current.section(QLatin1Char(':'), 0, 0);
    window.nowCard()->doneAction()->trigger();
    const QString done = window.findChild<QLabel *>(QStringLiteral("undoMessage"))->text();
    QVERIFY2(done.endsWith(
                 QStringLiteral(" — queued until %1 can be reached").arg(Task::sourceName(source))),
             qPrintable(done));
    bool filled = false;
    QTimer::singleShot(0, &window, [&filled] {
        auto *dialog = qobject_cast<CreateTaskDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(), QStringLiteral("Write the docs"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        filled = true;
    });
    window.newTaskAction()->trigger();
    QVERIFY(filled);
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Created “Write the docs” — queued until GitHub can be reached"));

    // The second failed sync: a banner says what waits, with Retry Now.
    syncNow->trigger();
    QVERIFY(idle.wait(20000));
    QTRY_VERIFY(banner->isVisible());
    const QString text = window.findChild<QLabel *>(QStringLiteral("offlineText"))->text();
    QVERIFY2(text.contains(QStringLiteral("Can't reach GitHub since ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Can't reach ClickUp since ")), qPrintable(text));
    const int gitHubWaiting = source == Sources::GitHub ? 2 : 1;
    QVERIFY2(text.contains(QStringLiteral("— %1 will be sent when it is back.")
                               .arg(gitHubWaiting == 1 ? QStringLiteral("1 change")
                                                       : QStringLiteral("2 changes"))),
             qPrintable(text));
    // Laid out whole: the banner takes the height its lines need.
    QTRY_VERIFY(banner->height() >= banner->heightForWidth(banner->width()));
    if (qEnvironmentVariableIsSet("UPNEXT_SCREENSHOTS"))
        window.grab().save(QDir(qEnvironmentVariable("UPNEXT_SCREENSHOTS"))
                               .filePath(QStringLiteral("offline-banner.png")));

    // Back: Retry Now syncs and sends what waited.
    startSims();
    auto *retry = window.findChild<QPushButton *>(QStringLiteral("retryNow"));
    QVERIFY(retry && retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(window.outboxStatus(), QString(), 20000);
    QTRY_VERIFY(gitHubState->text().startsWith(QStringLiteral("GitHub: synced at ")));
    QTRY_VERIFY(clickUpState->text().startsWith(QStringLiteral("ClickUp: synced at ")));
    QVERIFY(gitHub->issue(repo, 2)); // the new one
    core.stop();
}

void TestMainWindow::quitWithChangesWaitingSaysWhenTheyGo()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Now task"), 30)}));
    MainWindow window(m_store.get(), nullptr, m_service.get(), m_outbox.get(), m_dir->path());
    window.show();
    QVERIFY(m_service->comment(QStringLiteral("clickup:a"), QStringLiteral("Hi"), m_now).ok());
    QAction *quit = nullptr;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Quit"))
            quit = action;
    }
    QVERIFY(quit);
    quit->trigger();
    QPointer<QMessageBox> box = window.findChild<QMessageBox *>(QStringLiteral("quitConfirm"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("1 change has not reached its source yet."));
    QCOMPARE(box->informativeText(),
             QStringLiteral("They stay in the outbox and are sent the next time UpNext starts."));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
    QVERIFY(window.isVisible());
    QCOMPARE(m_outbox->pendingCount(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
