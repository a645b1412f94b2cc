#pragma once

#include "CreateTaskDialog.h"
#include "TaskListView.h"

#include <QHash>
#include <QMainWindow>
#include <QMap>

class QAction;
class QLabel;
class QMenu;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace UpNext {

class BriefingWindow;
class Entities;
class NowCard;
class Outbox;
class OutboxDialog;
class OutboxProcessor;
class SourceStatus;
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
// banner for problems and one for a source that cannot be reached, and each
// source's state and the outbox's in the status bar. Done, Skip and a comment
// can be undone for a few seconds (Ctrl+Z, or the Undo button by their message).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(TaskStore *store, Entities *entities, TaskService *service, Outbox *outbox,
               const QString &profileDirectory, QWidget *parent = nullptr);

    // Offers Sync Now (or says there is nothing to sync).
    void setSyncEngine(SyncEngine *engine);
    // Shows each source's state in the status bar, a banner with Retry Now when one cannot be
    // reached for a while, and says "queued" of a change that cannot go now.
    void setSourceStatus(SourceStatus *status);
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

    // No account is set up: the list's empty state welcomes the user, offering Connect
    // Accounts (settingsRequested()) and Try the Demo (demoRequested()).
    void setWelcome(bool noAccounts);
    bool isShowingWelcome() const;
    // Says across the top (and in the title) that this is the demo, with a teammate changing
    // something about every teammateSeconds.
    void showDemoBanner(int teammateSeconds);
    // Shown, not minimized, in front (another launch on the profile asked for it).
    void bringToFront();

    // Shows a problem the user should know about (e.g. a recovered database).
    void addProblem(const QString &message);
    // Quits UpNext; with changes still waiting, first says they are sent at the next start
    // and asks.
    void requestQuit();
    QStringList problems() const { return m_problems; }

    NowCard *nowCard() const { return m_nowCard; }
    TaskDetails *details() const { return m_details; }
    QTreeView *taskView() const { return m_view; }
    QAction *newTaskAction() const { return m_newTask; }
    QAction *outboxAction() const { return m_showOutbox; }
    QAction *briefingAction() const { return m_showBriefing; }
    QAction *undoAction() const { return m_undo; }
    BriefingWindow *briefingWindow() const { return m_briefing; }
    QAction *findAction() const { return m_find; }
    QString syncStatus() const;
    // What the last sync of each source changed: "GitHub: 2 new, 1 closed · ClickUp: …".
    QString syncChanges() const;
    QString outboxStatus() const;
    bool isShowingEmptyState() const;

Q_SIGNALS:
    // File > Settings…: the desktop opens the settings dialog.
    void settingsRequested();
    // The welcome's Try the Demo.
    void demoRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateView();
    void updateOutboxState();
    void reloadEntities();
    void updateSourceState();
    void noteSyncChanges(const SourceSyncResult &result);
    // Before the list hears of a change: whether someone else changed the task shown.
    void noteChanges(const TaskChanges &changes);
    // "UpNext — <the current task>".
    void updateWindowTitle();
    void makeKeyboard(QMenu *editMenu);
    // A message in the status bar; the one after a Done, Skip or comment comes with Undo.
    void showMessage(const QString &text);
    // An undo was offered, taken or ran out.
    void updateUndo();
    void fitStatusBar();
    void showUndoMessage(const QString &text);
    void undo();
    void createTask();
    // Selects the task in the list (and so shows its details); false when it is not listed.
    bool selectTask(const QString &taskId);
    void openOutbox();
    void makeMenus();
    QWidget *makeBanner();
    QWidget *makeOfflineBanner();
    QWidget *makeWelcome();
    QWidget *makeUndoBar();

    TaskStore *m_store;
    Entities *m_entities;
    TaskService *m_service;
    Outbox *m_outbox;
    TaskTableModel *m_model;
    TaskFilterModel *m_proxy;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText;
    QWidget *m_offlineBanner = nullptr;
    QLabel *m_offlineText = nullptr;
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoMessage = nullptr;
    QString m_undoText; // in full; the label may show it elided
    NowCard *m_nowCard;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QWidget *m_welcome = nullptr;
    bool m_noAccounts = false;
    QWidget *m_demoBanner = nullptr;
    QLabel *m_demoText = nullptr;
    bool m_isDemo = false;
    TaskListView *m_view;
    TaskDetails *m_details;
    QLabel *m_countLabel;
    QLabel *m_outboxLabel;
    QLabel *m_syncLabel;
    QLabel *m_syncChanges;
    QLabel *m_profileLabel = nullptr;
    QWidget *m_sourceLabelsBox;
    QHash<QString, QLabel *> m_sourceLabels;
    QHash<QString, QString> m_lastSync; // per source: what its last good sync brought
    QAction *m_syncNow;
    QAction *m_newTask;
    QAction *m_showOutbox;
    QAction *m_find;
    OutboxDialog *m_outboxDialog = nullptr;
    QAction *m_showBriefing;
    QAction *m_undo;
    BriefingWindow *m_briefing = nullptr;
    OutboxProcessor *m_processor = nullptr;
    SourceStatus *m_sourceStatus = nullptr;
    quint64 m_undoShown = 0;   // the offer whose message is shown (or was)
    quint64 m_undoPending = 0; // an offer whose message has not come yet
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
    SyncEngine *m_syncEngine = nullptr; // set by setSyncEngine(), connected once
};

} // namespace UpNext
