#pragma once

#include "CreateTaskDialog.h"

#include <QMainWindow>

class QAction;
class QLabel;
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
    QString syncStatus() const;
    QString outboxStatus() const;
    bool isShowingEmptyState() const;

Q_SIGNALS:
    // File > Settings…: the desktop opens the settings dialog.
    void settingsRequested();

private:
    void updateView();
    void updateOutboxState();
    void reloadEntities();
    void showSyncResult(const SourceSyncResult &result);
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
    QTreeView *m_view;
    TaskDetails *m_details;
    QLabel *m_countLabel;
    QLabel *m_outboxLabel;
    QLabel *m_syncLabel;
    QAction *m_syncNow;
    QAction *m_newTask;
    QAction *m_showOutbox;
    OutboxDialog *m_outboxDialog = nullptr;
    QAction *m_showBriefing;
    BriefingWindow *m_briefing = nullptr;
    OutboxProcessor *m_processor = nullptr;
    QList<Destination> m_destinations;
    QStringList m_problems;
    QString m_outboxStatus;
    bool m_lostSelection = false; // the task looked at is leaving the list
    QString m_createdTaskId;      // local id of the last task made here, followed when re-keyed
};

} // namespace UpNext
