#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace UpNext {

class Entities;
class SyncEngine;
class TaskStore;
struct SourceSyncResult;
class TaskTableModel;

// The task list with a search field, an empty state when there is nothing to
// show and a banner for problems found at start-up.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(TaskStore *store, Entities *entities, const QString &profileDirectory,
               QWidget *parent = nullptr);

    // Shows the engine's progress and results in the status bar and offers Sync Now.
    void setSyncEngine(SyncEngine *engine);

    // Shows a problem the user should know about (e.g. a recovered database).
    void addProblem(const QString &message);

    QTableView *taskView() const { return m_view; }
    QString syncStatus() const;
    bool isShowingEmptyState() const;

private:
    void updateView();
    void reloadEntities();
    void showSyncResult(const SourceSyncResult &result);

    TaskStore *m_store;
    Entities *m_entities;
    TaskTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_banner;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QTableView *m_view;
    QLabel *m_countLabel;
    QLabel *m_syncLabel;
    QAction *m_syncNow;
    SyncEngine *m_engine = nullptr;
    QStringList m_problems;
};

} // namespace UpNext
