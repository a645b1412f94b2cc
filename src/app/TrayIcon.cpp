#include "TrayIcon.h"
#include "Icons.h"
#include "MainWindow.h"
#include "TaskText.h"
#include "Theme.h"

#include "appcore/AppCore.h"
#include "appcore/ChangeNotifier.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"

#include <QApplication>
#include <QLocale>
#include <QMenu>
#include <QSystemTrayIcon>

namespace UpNext {

TrayIcon::TrayIcon(AppCore *core, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
    , m_icon(new QSystemTrayIcon(this))
{
    TaskService *service = core->service();
    m_task = m_menu->addAction(QString());
    connect(m_task, &QAction::triggered, this, [this] {
        if (const auto current = m_core->store()->currentTask())
            m_window->openTask(current->taskId);
    });
    m_menu->addSeparator();
    m_done = m_menu->addAction(tr("&Done"), this, [this, service] {
        moveOn([service] { return service->done(service->now()); }, tr("Done: %1"));
    });
    m_skip = m_menu->addAction(tr("&Skip for Today"), this, [this, service] {
        moveOn([service] { return service->skip(service->now()); }, tr("Skipped %1 for today"));
    });
    m_next = m_menu->addAction(tr("&Next"), this, [this, service] {
        const TaskResult next = service->next(service->now());
        if (!next.ok())
            tell(next.error);
        else if (next.task)
            notify({Notification::Kind::Summary, tr("Next"), withScore(*next.task), next.task->id});
        else
            notify({Notification::Kind::Summary, tr("Next"), tr("Nothing left to do."), {}});
    });
    m_menu->addSeparator();
    m_sync = m_menu->addAction(tr("S&ync Now"), core->engine(), &SyncEngine::syncAll);
    m_briefing = m_menu->addAction(tr("Morning &Briefing"), window, &MainWindow::showBriefing);
    m_open = m_menu->addAction(tr("&Open UpNext"), this, [this] {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    });
    m_menu->addSeparator();
    // With changes waiting, the window says they go at the next start first.
    m_quit = m_menu->addAction(tr("&Quit UpNext"), window, &MainWindow::requestQuit);
    m_icon->setContextMenu(m_menu.get());

    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    toggleWindow();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_notifiedTask.isEmpty())
            m_window->openTask(m_notifiedTask);
    });
    connect(service, &TaskService::currentChanged, this, &TrayIcon::update);
    connect(core->store(), &TaskStore::changed, this, &TrayIcon::update);
    connect(core->outbox(), &Outbox::changed, this, &TrayIcon::update);
    connect(core->engine(), &SyncEngine::syncStarted, this, &TrayIcon::update);
    connect(core->engine(), &SyncEngine::idle, this, &TrayIcon::update);
    connect(core->engine(), &SyncEngine::sourceFinished, this, &TrayIcon::syncFinished);
    // The badges take the palette's colours: a new palette (a dark theme) draws them again.
    connect(Theme::instance(), &Theme::changed, this,
            [this] { m_icon->setIcon(stateIcon(m_state)); });
    update();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::show()
{
    m_icon->show();
}

void TrayIcon::notify(const Notification &notification)
{
    m_notifiedTask = notification.taskId;
    const bool needsTheUser = notification.kind == Notification::Kind::WriteRefused ||
                              notification.kind == Notification::Kind::TokenRejected ||
                              notification.kind == Notification::Kind::WebhooksNotArriving;
    m_icon->showMessage(notification.title, notification.text,
                        needsTheUser ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    Q_EMIT notified(notification);
}

void TrayIcon::tell(const QString &error)
{
    if (!error.isEmpty())
        notify({Notification::Kind::Summary, tr("UpNext"), error, {}});
}

void TrayIcon::moveOn(const std::function<TaskResult()> &act, const QString &what)
{
    const std::optional<CurrentTask> current = m_core->store()->currentTask();
    const std::optional<Task> before =
        current ? m_core->store()->task(current->taskId) : std::nullopt;
    const TaskResult result = act();
    if (!result.ok())
        return tell(result.error);
    // In sight, the window says it (with Undo); from the tray or a launcher, a notification.
    if (m_window->isVisible() && !m_window->isMinimized())
        return;
    notify({Notification::Kind::Summary, before ? what.arg(TaskText::quoted(*before)) : what,
            result.task ? tr("Next: %1").arg(withScore(*result.task)) : tr("Nothing else is open."),
            result.task ? result.task->id : QString()});
}

void TrayIcon::toggleWindow()
{
    // In front: the window or one of its dialogs (the briefing, the outbox) has the focus.
    const QWidget *active = QApplication::activeWindow();
    if (m_window->isVisible() && active && (active == m_window || m_window->isAncestorOf(active))) {
        m_window->hide();
        return;
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::syncFinished(const SourceSyncResult &result)
{
    if (result.ok())
        m_failedSources.remove(result.source);
    else
        m_failedSources.insert(result.source);
    update();
}

QString TrayIcon::withScore(const Task &task) const
{
    // The score the list and the Now card show.
    return tr("%1 (score %2)").arg(TaskText::shownTitle(task), TaskText::score(task.score));
}

QString TrayIcon::toolTip(const std::optional<Task> &task) const
{
    QString tip = tr("UpNext") + QLatin1Char('\n') +
                  (task ? tr("Now: %1").arg(withScore(*task)) : tr("Nothing to do right now"));
    switch (m_state) {
    case State::Syncing:
        tip += QLatin1Char('\n') + tr("Syncing…");
        break;
    case State::Error:
        tip += QLatin1Char('\n') + tr("The last sync failed");
        break;
    case State::ChangeFailed:
        tip += QLatin1Char('\n') + tr("A change was not made: see the outbox");
        break;
    case State::Normal:
        break;
    }
    return tip;
}

void TrayIcon::update()
{
    const OutboxCounts counts = m_core->service()->outboxCounts();
    const State state = counts.failed > 0             ? State::ChangeFailed
                        : !m_failedSources.isEmpty()  ? State::Error
                        : !m_core->engine()->isIdle() ? State::Syncing
                                                      : State::Normal;
    if (state != m_state || m_icon->icon().isNull())
        m_icon->setIcon(stateIcon(state));
    m_state = state;

    const auto current = m_core->store()->currentTask();
    const std::optional<Task> task =
        current ? m_core->store()->task(current->taskId) : std::nullopt;
    constexpr int Longest = 50;
    const QString title = task ? task->title : QString();
    m_task->setText(task
                        ? (title.size() > Longest ? title.left(Longest - 1) + QChar(0x2026) : title)
                        : tr("Nothing to do right now"));
    m_task->setEnabled(task.has_value());
    m_done->setEnabled(task.has_value());
    m_skip->setEnabled(task.has_value());
    m_icon->setToolTip(toolTip(task));
}

QIcon TrayIcon::stateIcon(State state)
{
    switch (state) {
    case State::Syncing:
        return Icons::withBadge(Icons::Badge::Syncing);
    case State::Error:
        return Icons::withBadge(Icons::Badge::Error);
    case State::ChangeFailed:
        return Icons::withBadge(Icons::Badge::ChangeFailed);
    case State::Normal:
        break;
    }
    return Icons::app();
}

} // namespace UpNext
