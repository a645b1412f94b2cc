#include "TestTasks.h"

#include "app/Desktop.h"
#include "app/MainWindow.h"
#include "app/TaskDetails.h"
#include "app/TrayIcon.h"
#include "appcore/AppCore.h"
#include "appcore/ChangeNotifier.h"
#include "core/Outbox.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

// The desktop front end with and without a system tray, on X (Xvfb in CI) with trayer as the
// tray host that this test starts once the window-only case has run.
class TestTrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void withoutATrayTheWindowIsTheApp();
    void trayHostStarts();
    void menuRunsTheTaskFlow();
    void tooltipAndStateFollowTheApp();
    void leftClickShowsAndHidesTheWindow();
    void closingTheWindowKeepsUpNextAndSaysSoOnce();
    void notificationsOpenTheirTask();

private:
    QString current() const;
    // "Send invoice (score 90)", as the tray words a task.
    QString withScore(const QString &taskId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<Desktop> m_desktop;
    QProcess m_trayer;
};

void TestTrayIcon::initTestCase()
{
    if (QGuiApplication::platformName() != QLatin1String("xcb")) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("The tray test needs X (scripts/test.sh runs it under Xvfb)");
        QSKIP("The tray test needs X: run it through scripts/test.sh");
    }
}

void TestTrayIcon::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_core = std::make_unique<AppCore>(Profile(m_dir->path()));
    QString error;
    QVERIFY2(m_core->open(&error), qPrintable(error));
    QVERIFY(
        m_core->store()->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Send invoice"), 90),
                                 clickUp(QStringLiteral("b"), QStringLiteral("Fix login"), 50),
                                 clickUp(QStringLiteral("c"), QStringLiteral("Write notes"), 10)}));
    QVERIFY(m_core->service()->next(m_core->service()->now()).ok());
    m_core->settings()->setNotifyMorningBriefing(false); // no briefing window in the way
    m_desktop = std::make_unique<Desktop>(m_core.get());
    QSignalSpy listening(m_core.get(), &AppCore::webhooksListening);
    m_desktop->start(0);
    QVERIFY(listening.wait());
}

void TestTrayIcon::cleanup()
{
    m_desktop.reset();
    m_core.reset();
    m_dir.reset();
    QApplication::setQuitOnLastWindowClosed(true);
}

void TestTrayIcon::cleanupTestCase()
{
    m_trayer.kill();
    m_trayer.waitForFinished();
}

QString TestTrayIcon::current() const
{
    const auto task = m_core->store()->currentTask();
    return task ? task->taskId : QString();
}

QString TestTrayIcon::withScore(const QString &taskId) const
{
    // The score the list shows: the stored one (whole points here).
    const Task task = *m_core->store()->task(taskId);
    return QStringLiteral("%1 (score %2)").arg(task.title, QString::number(task.score));
}

void TestTrayIcon::withoutATrayTheWindowIsTheApp()
{
    if (QSystemTrayIcon::isSystemTrayAvailable())
        QSKIP("This display has a tray already");
    QVERIFY(!m_desktop->tray());
    QVERIFY(m_desktop->window()->isVisible());
    QVERIFY(QApplication::quitOnLastWindowClosed()); // closing the window quits UpNext
    // (Not here, though: a quit would end every event loop of the tests that follow.)
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(m_desktop->window()->close()); // nothing keeps it open
}

void TestTrayIcon::trayHostStarts()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayer.start(QStringLiteral("trayer"),
                       {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                        QStringLiteral("right")});
        QVERIFY2(m_trayer.waitForStarted(), qPrintable(m_trayer.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10000);
    }
}

void TestTrayIcon::menuRunsTheTaskFlow()
{
    TrayIcon *tray = m_desktop->tray();
    QVERIFY(tray);
    QCOMPARE(current(), QStringLiteral("clickup:a"));
    QCOMPARE(tray->taskAction()->text(), QStringLiteral("Send invoice"));
    const QList<QAction *> menu = tray->menu()->actions();
    for (QAction *action :
         {tray->taskAction(), tray->doneAction(), tray->skipAction(), tray->nextAction(),
          tray->syncAction(), tray->openAction(), tray->quitAction()})
        QVERIFY(menu.contains(action));

    QSignalSpy notified(tray, &TrayIcon::notified);
    QVERIFY(m_desktop->window()->isVisible());
    tray->doneAction()->trigger();
    QCOMPARE(m_core->store()->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_core->outbox()->entries().size(), 1); // on its way to ClickUp
    QCOMPARE(current(), QStringLiteral("clickup:b"));
    QCOMPARE(tray->taskAction()->text(), QStringLiteral("Fix login"));
    QVERIFY(notified.isEmpty()); // the window in sight says it

    // With the window out of sight, the tray tells what it did and what is next.
    m_desktop->window()->hide();
    tray->skipAction()->trigger();
    QCOMPARE(current(), QStringLiteral("clickup:c"));
    QVERIFY(m_core->store()
                ->skippedOn(m_core->service()->now().toLocalTime().date())
                .contains(QStringLiteral("clickup:b")));
    QCOMPARE(notified.count(), 1);
    const Notification skipped = notified.takeFirst().first().value<Notification>();
    QCOMPARE(skipped.title, QStringLiteral("Skipped “Fix login” for today"));
    QCOMPARE(skipped.text, QStringLiteral("Next: ") + withScore(QStringLiteral("clickup:c")));
    QCOMPARE(skipped.taskId, QStringLiteral("clickup:c"));

    tray->nextAction()->trigger();
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Notification>().text,
             withScore(QStringLiteral("clickup:c")));

    tray->doneAction()->trigger(); // the last one
    QCOMPARE(tray->taskAction()->text(), QStringLiteral("Nothing to do right now"));
    QVERIFY(!tray->taskAction()->isEnabled());
    QVERIFY(!tray->doneAction()->isEnabled());
    QVERIFY(!tray->skipAction()->isEnabled());
}

void TestTrayIcon::tooltipAndStateFollowTheApp()
{
    TrayIcon *tray = m_desktop->tray();
    QVERIFY(tray);
    QCOMPARE(tray->state(), TrayIcon::State::Normal);
    QCOMPARE(tray->icon()->toolTip(),
             QStringLiteral("UpNext\nNow: ") + withScore(QStringLiteral("clickup:a")));

    SourceSyncResult failed;
    failed.source = Sources::GitHub;
    failed.error = QStringLiteral("Connection error: refused");
    Q_EMIT m_core->engine()->sourceFinished(failed);
    QCOMPARE(tray->state(), TrayIcon::State::Error);
    QVERIFY(tray->icon()->toolTip().endsWith(QStringLiteral("The last sync failed")));
    failed.error.clear();
    Q_EMIT m_core->engine()->sourceFinished(failed);
    QCOMPARE(tray->state(), TrayIcon::State::Normal);

    const std::optional<qint64> id = m_core->outbox()->comment(
        QStringLiteral("clickup:b"), QStringLiteral("Hi"), m_core->service()->now());
    QVERIFY(id && m_core->outbox()->fail(*id, QStringLiteral("ClickUp error: 403")));
    QCOMPARE(tray->state(), TrayIcon::State::ChangeFailed);
    QVERIFY(tray->icon()->toolTip().endsWith(QStringLiteral("see the outbox")));
    QVERIFY(m_core->outbox()->discard(*id));
    QCOMPARE(tray->state(), TrayIcon::State::Normal);
}

void TestTrayIcon::leftClickShowsAndHidesTheWindow()
{
    TrayIcon *tray = m_desktop->tray();
    QVERIFY(tray);
    MainWindow *window = m_desktop->window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    Q_EMIT tray->icon()->activated(QSystemTrayIcon::Trigger);
    QVERIFY(!window->isVisible());
    Q_EMIT tray->icon()->activated(QSystemTrayIcon::Trigger);
    QVERIFY(window->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(window));
    // The menu's button is not a click on the icon.
    Q_EMIT tray->icon()->activated(QSystemTrayIcon::Context);
    QVERIFY(window->isVisible());
}

void TestTrayIcon::closingTheWindowKeepsUpNextAndSaysSoOnce()
{
    TrayIcon *tray = m_desktop->tray();
    QVERIFY(tray);
    QVERIFY(!QApplication::quitOnLastWindowClosed());
    QSignalSpy notified(tray, &TrayIcon::notified);
    MainWindow *window = m_desktop->window();
    QVERIFY(!window->close()); // kept: hidden, not closed
    QVERIFY(!window->isVisible());
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Notification>().title,
             QStringLiteral("UpNext is still running"));
    QVERIFY(m_core->settings()->trayHintShown());

    tray->openAction()->trigger();
    QVERIFY(window->isVisible());
    window->close();
    QVERIFY(!window->isVisible());
    QCOMPARE(notified.count(), 1); // said once
    // And the next start knows it too.
    QVERIFY(Settings(m_core->profile().settingsPath()).trayHintShown());
}

void TestTrayIcon::notificationsOpenTheirTask()
{
    TrayIcon *tray = m_desktop->tray();
    QVERIFY(tray);
    MainWindow *window = m_desktop->window();
    window->hide();
    QSignalSpy notified(tray, &TrayIcon::notified);
    // Through the notifier, as the app does: someone closed "Write notes".
    Task closed = clickUp(QStringLiteral("c"), QStringLiteral("Write notes"), 10);
    closed.status = TaskStatus::Done;
    TaskChanges described;
    described.origin = ChangeOrigin::Webhook;
    described.external = {
        {closed.id,
         {{FieldChange::Field::Status, QStringLiteral("todo"), QStringLiteral("done")}},
         QStringLiteral("bob")}};
    QVERIFY(m_core->store()->upsert({closed}, described));
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Notification>().text,
             QStringLiteral("bob closed “Write notes” (ClickUp)"));

    // "Fix login" is still listed; a click on its notification opens it.
    tray->notify({Notification::Kind::Commented, QStringLiteral("UpNext"),
                  QStringLiteral("bob commented on 'Fix login' (ClickUp): Hi"),
                  QStringLiteral("clickup:b")});
    Q_EMIT tray->icon()->messageClicked();
    QVERIFY(window->isVisible());
    QCOMPARE(window->details()->taskId(), QStringLiteral("clickup:b"));
}

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
