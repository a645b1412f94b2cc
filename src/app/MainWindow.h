#pragma once

#include "CreateTaskDialog.h"
#include "TaskListView.h"

#include <QMainWindow>
#include <QMap>

class QAction;
class QLabel;
class QMenu;
class QLineEdit;
class QStackedWidget;
class QTreeView;

namespace UpNext {

class BriefingWindow;
class Entities;
class NowCard;
class Outbox;
class OutboxDialog;
class OutboxProcessor;
class SyncEngine;
class TaskDetails;
class TaskService;
class TaskStore;
struct SourceSyncResult;
struct TaskChanges;
class TaskFilterModel;
class TaskTableModel;

// The Now card, the task list with a search field (an empty state when there
// is nothing to show), the selected task's details with a comment box, a
// banner for problems, and the sync and outbox state in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(TaskStore *store, Entities *entities, TaskService *service, Outbox *outbox,
               const QString &profileDirectory, QWidget *parent = nullptr);

    // Shows the engine's progress and results in the status bar and offers Sync Now.
    void setSyncEngine(SyncEngine *engine);
    // Shows what the outbox sends, retries and fails.
    void setOutboxProcessor(OutboxProcessor *processor);
    // Where New Task can create (sources with a token and a list or repo to create in).
    void setCreateDestinations(const QList<Destination> &destinations);

    // Brings the window to the front with the task selected (and its details shown).
    void openTask(const QString &taskId);
    // Makes today's briefing and shows it; returns its one-line summary.
    QString showBriefing();

    // What the status bar calls the profile (settings' [profile] name, e.g. "Demo"); the
    // folder's name until then.
    void setProfileName(const QString &name);

    // Shows a problem the user should know about (e.g. a recovered database).
    void addProblem(const QString &message);
    QStringList problems() const { return m_problems; }

    NowCard *nowCard() const { return m_nowCard; }
    TaskDetails *details() const { return m_details; }
    QTreeView *taskView() const { return m_view; }
    QAction *newTaskAction() const { return m_newTask; }
    QAction *outboxAction() const { return m_showOutbox; }
    QAction *briefingAction() const { return m_showBriefing; }
    BriefingWindow *briefingWindow() const { return m_briefing; }
    QAction *findAction() const { return m_find; }
    QString syncStatus() const;
    // What the last sync of each source changed: "GitHub: 2 new, 1 closed · ClickUp: …".
    QString syncChanges() const;
    QString outboxStatus() const;
    bool isShowingEmptyState() const;

private:
    void updateView();
    void updateOutboxState();
    void reloadEntities();
    void showSyncResult(const SourceSyncResult &result);
    void noteSyncChanges(const SourceSyncResult &result);
    // Before the list hears of a change: whether someone else changed the task shown.
    void noteChanges(const TaskChanges &changes);
    // "UpNext — <the current task>".
    void updateWindowTitle();
    void makeKeyboard(QMenu *editMenu);
    void showMessage(const QString &text);
    void createTask();
    // Selects the task in the list (and so shows its details); false when it is not listed.
    bool selectTask(const QString &taskId);
    void openOutbox();
    void makeMenus();
    QWidget *makeBanner();

    TaskStore *m_store;
    Entities *m_entities;
    TaskService *m_service;
    Outbox *m_outbox;
    TaskTableModel *m_model;
    TaskFilterModel *m_proxy;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText;
    NowCard *m_nowCard;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    TaskListView *m_view;
    TaskDetails *m_details;
    QLabel *m_countLabel;
    QLabel *m_outboxLabel;
    QLabel *m_syncLabel;
    QLabel *m_syncChanges;
    QLabel *m_profileLabel = nullptr;
    QAction *m_syncNow;
    QAction *m_newTask;
    QAction *m_showOutbox;
    QAction *m_find;
    OutboxDialog *m_outboxDialog = nullptr;
    QAction *m_showBriefing;
    BriefingWindow *m_briefing = nullptr;
    OutboxProcessor *m_processor = nullptr;
    QList<Destination> m_destinations;
    QStringList m_problems;
    QString m_outboxStatus;
    bool m_lostSelection = false; // the task looked at is leaving the list
    // Someone else changed the task looked at, in the change being applied: when it leaves the
    // list for it (closed, reassigned), the details keep showing it and say so ("pinned").
    bool m_changedOutside = false;
    bool m_leavingOutside = false; // it is leaving the list now, for that
    bool m_pinned = false;         // the details show a task the list no longer has
    QMap<QString, QString> m_syncChangesBySource;
    QString m_createdTaskId; // local id of the last task made here, followed when re-keyed
};

} // namespace UpNext
