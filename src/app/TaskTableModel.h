#pragma once

// upnext_app: the Qt Widgets desktop app — main window, task models and,
// later, tray, notifications and dialogs. The only library that links Widgets.

#include "core/Task.h"

#include <QAbstractTableModel>
#include <QList>

namespace UpNext {

class Entities;
class TaskStore;

// The user's open tasks, best first, read from the TaskStore and reloaded
// whenever the store or the entities change.
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
    enum Role { TaskIdRole = Qt::UserRole + 1, SortRole };

    TaskTableModel(TaskStore *store, const Entities *entities, QObject *parent = nullptr);

    void reload();
    Task taskAt(int row) const { return m_tasks.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Task &task, int column) const;
    QVariant sortKey(const Task &task, int column) const;

    TaskStore *m_store;
    const Entities *m_entities;
    QList<Task> m_tasks;
};

} // namespace UpNext
