#include "Desktop.h"
#include "MainWindow.h"
#include "NowCard.h"
#include "SettingsDialog.h"
#include "TaskDetails.h"
#include "TrayIcon.h"

#include "appcore/AppCore.h"
#include "appcore/BriefingSchedule.h"
#include "appcore/ChangeNotifier.h"
#include "appcore/TaskComments.h"
#include "core/Logging.h"
#include "core/Profile.h"
#include "core/Settings.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QProcess>
#include <QSystemTrayIcon>

namespace UpNext {

Desktop::Desktop(AppCore *core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_window(std::make_unique<MainWindow>(core->store(), core->entities(), core->service(),
                                            core->outbox(), core->profile().directory()))
{
    for (const QString &problem : core->problems())
        m_window->addProblem(problem);
    if (const QString name = core->settings()->profileName(); !name.isEmpty())
        m_window->setProfileName(name);
    m_window->setOutboxProcessor(core->processor());
    connect(m_window.get(), &MainWindow::settingsRequested, this, &Desktop::showSettings);
    connect(m_window.get(), &MainWindow::demoRequested, this, &Desktop::startDemo);
    m_window->details()->setComments(core->comments());
    connect(core, &AppCore::sourcesLoaded, this, [this](const QStringList &problems) {
        for (const QString &problem : problems)
            m_window->addProblem(problem);
        // No token for either source, and the keychain said so (an error may hide one): the
        // welcome, until an account is connected. Never in the demo, which has both.
        m_window->setWelcome(!m_demo && problems.isEmpty() &&
                             m_core->engine()->sources().isEmpty());
        m_window->setSyncEngine(m_core->engine());
        m_window->setSourceStatus(m_core->sourceStatus());
        m_window->setCreateDestinations(m_core->sources()->createDestinations());
        // A sync learns the names of the lists New Task offers.
        connect(m_core->engine(), &SyncEngine::sourceFinished, m_window.get(), [this] {
            m_window->setCreateDestinations(m_core->sources()->createDestinations());
        });
        m_core->start();
    });
}

Desktop::~Desktop() = default;

bool Desktop::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window.get() && event->type() == QEvent::Close && m_tray) {
        event->ignore();
        m_window->hide();
        Settings *settings = m_core->settings();
        if (!settings->trayHintShown()) {
            m_tray->notify({Notification::Kind::Summary,
                            tr("UpNext is still running"),
                            tr("It stays in the tray and keeps your tasks in sync. Quit it from "
                               "the tray's menu."),
                            {}});
            settings->setTrayHintShown(true);
            settings->sync();
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void Desktop::showSettings()
{
    if (!m_settings) {
        m_settings = new SettingsDialog(m_core, m_window.get());
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settings, &SettingsDialog::saved, this, [this] {
            if (m_briefings)
                m_briefings->setTime(m_core->settings()->briefingTime());
        });
    }
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

void Desktop::setDemo(int teammateSeconds)
{
    m_demo = true;
    m_window->showDemoBanner(teammateSeconds);
}

bool Desktop::startDemo()
{
    // A process of its own: this UpNext stays as it is on the user's profile, and closing the
    // demo ends it with its throwaway profile and simulators.
    const QString program =
        m_demoProgram.isEmpty() ? QCoreApplication::applicationFilePath() : m_demoProgram;
    if (QProcess::startDetached(program, {QStringLiteral("--demo")}))
        return true;
    m_window->addProblem(tr("Cannot start the demo (%1).").arg(program));
    return false;
}

void Desktop::perform(SingleInstance::Request action)
{
    using Request = SingleInstance::Request;
    if (action == Request::Sync) {
        m_core->engine()->syncAll();
        return;
    }
    if (action != Request::Next && action != Request::Done && action != Request::Skip)
        return;
    if (m_tray) {
        (action == Request::Next   ? m_tray->nextAction()
         : action == Request::Done ? m_tray->doneAction()
                                   : m_tray->skipAction())
            ->trigger();
        return;
    }
    // No tray to tell it: the window, in front, says what was done.
    m_window->bringToFront();
    const NowCard *card = m_window->nowCard();
    (action == Request::Next   ? card->nextAction()
     : action == Request::Done ? card->doneAction()
                               : card->skipAction())
        ->trigger();
}

void Desktop::start(int webhookPort, bool inTray)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = std::make_unique<TrayIcon>(m_core, m_window.get());
        connect(m_core->notifier(), &ChangeNotifier::notify, m_tray.get(), &TrayIcon::notify);
        m_window->installEventFilter(this);
        QApplication::setQuitOnLastWindowClosed(false);
        m_tray->show();
    } else {
        const QString missing = tr("There is no system tray here, so UpNext shows no tray icon "
                                   "or notifications, and closing the window quits it.");
        qCInfo(lcNotify).noquote() << missing;
        m_window->addProblem(missing);
    }
    if (!inTray || !m_tray)
        m_window->show();
    if (m_core->settings()->notifyMorningBriefing()) {
        m_briefings = new BriefingSchedule(m_core->store(), m_core->clock(), this);
        m_briefings->setTime(m_core->settings()->briefingTime());
        connect(m_briefings, &BriefingSchedule::due, this, [this] {
            const QString summary = m_window->showBriefing();
            if (m_tray)
                m_tray->notify({Notification::Kind::Summary, tr("Morning briefing"), summary, {}});
        });
        // After the first sync: a briefing made before it would miss what the sources hold.
        connect(m_core, &AppCore::sourcesLoaded, m_briefings, [this] {
            // No account yet: an empty briefing over the welcome would say nothing. It starts
            // once one is connected (the sources load again).
            if (m_core->engine()->sources().isEmpty())
                return;
            if (m_core->engine()->isIdle())
                m_briefings->start(); // nothing to sync
            else
                connect(m_core->engine(), &SyncEngine::idle, m_briefings, &BriefingSchedule::start,
                        Qt::SingleShotConnection);
        });
    }
    connect(m_core, &AppCore::webhooksFailed, m_window.get(), &MainWindow::addProblem);
    m_core->loadSources();
    m_core->startWebhooks(webhookPort);
}

} // namespace UpNext
