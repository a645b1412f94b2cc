#pragma once

// upnext_app: the Qt Widgets desktop app — main window, task models and,
// later, tray, notifications and dialogs. The only library that links Widgets.

#include "core/Task.h"
#include "core/TaskChanges.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <memory>
#include <vector>

namespace UpNext {

class Clock;
class Entities;
class TaskStore;

// The user's open tasks, read once from the TaskStore and then kept in step
// with its change feed in place: rows are inserted, removed and changed, never
// reset, so selection, current index and scroll position stay. Rows hold no
// descriptions; the details pane reads the one task it shows.
class TaskTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTableModel)

public:
    enum Column {
        ScoreColumn,
        TitleColumn,
        SourceColumn,
        ClientColumn,
        StatusColumn,
        DueColumn,
        ColumnCount
    };
    enum Role { TaskIdRole = Qt::UserRole + 1 };

    TaskTableModel(TaskStore *store, const Entities *entities, QObject *parent = nullptr);

    // What "overdue" is counted from; the system clock by default (the window passes the
    // task service's).
    void setClock(const Clock *clock) { m_clock = clock; }

    const Task &taskAt(int row) const { return *m_tasks.at(row); }
    // The client's name from the entities, or its id when it has none.
    QString clientName(const Task &task) const;
    // The row of the task, or -1 when it is not listed.
    int rowOf(const QString &taskId) const { return m_rows.value(taskId, -1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Rows inserted, removed and changed one by one for the few tasks a user action or a
    // webhook touches. A batch larger than BulkChange rows in or out (a sync, a rescore) is
    // one layout change: views re-sort once instead of once for each row, and keep their
    // selection through the persistent indexes.
    static constexpr qsizetype BulkChange = 32;
    void apply(const TaskChanges &changes);
    void applyAsLayoutChange(const QList<int> &gone, QList<Task> arrived,
                             const QList<std::pair<int, Task>> &updated);
    void removeRows(QList<int> rows);
    void append(QList<Task> tasks);
    void indexRows(int from);
    QVariant display(const Task &task, int column) const;

    TaskStore *m_store;
    const Entities *m_entities;
    const Clock *m_clock;
    // Rows point to their tasks, so removing one moves pointers, not tasks.
    std::vector<std::unique_ptr<Task>> m_tasks;
    QHash<QString, int> m_rows; // task id → row
};

} // namespace UpNext
