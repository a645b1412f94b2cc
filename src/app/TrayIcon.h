#pragma once

#include "appcore/ChangeNotifier.h"
#include "core/Task.h"

#include <QIcon>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace UpNext {

class AppCore;
class MainWindow;
struct SourceSyncResult;
struct TaskResult;

// UpNext in the system tray: an icon that shows the state, the current task and its score in
// the tooltip, a menu with the task flow (the same TaskService operations as the window), and
// the desktop notifications. A left click shows or hides the window.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    enum class State { Normal, Syncing, Error, ChangeFailed };

    TrayIcon(AppCore *core, MainWindow *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();
    // Shows a notification; a click on it opens its task where the desktop supports that.
    void notify(const Notification &notification);

    State state() const { return m_state; }
    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu.get(); }
    QAction *taskAction() const { return m_task; }
    QAction *doneAction() const { return m_done; }
    QAction *skipAction() const { return m_skip; }
    QAction *nextAction() const { return m_next; }
    QAction *syncAction() const { return m_sync; }
    QAction *briefingAction() const { return m_briefing; }
    QAction *openAction() const { return m_open; }
    QAction *quitAction() const { return m_quit; }
    // Shows the window when it is hidden or behind others, hides it when it is in front.
    void toggleWindow();

Q_SIGNALS:
    // A notification was handed to the desktop.
    void notified(const UpNext::Notification &notification);

private:
    void update();
    void syncFinished(const SourceSyncResult &result);
    // "Fix login (score 42)".
    QString withScore(const Task &task) const;
    QString toolTip(const std::optional<Task> &current) const;
    // Runs a Done or Skip; what (e.g. "Done: %1") and the next task are told when the window
    // is not in sight, an error always.
    void moveOn(const std::function<TaskResult()> &act, const QString &what);
    // What the tray says when a task-flow call failed.
    void tell(const QString &error);
    static QIcon stateIcon(State state);

    AppCore *m_core;
    MainWindow *m_window;
    std::unique_ptr<QMenu> m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_task;
    QAction *m_done;
    QAction *m_skip;
    QAction *m_next;
    QAction *m_sync;
    QAction *m_briefing;
    QAction *m_open;
    QAction *m_quit;
    State m_state = State::Normal;
    QSet<QString> m_failedSources; // whose last sync failed
    QString m_notifiedTask;        // what a click on the last notification opens
};

} // namespace UpNext
