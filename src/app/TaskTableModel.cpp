#include "TaskTableModel.h"
#include "TaskText.h"

#include "core/Entities.h"
#include "core/LocalDay.h"
#include "core/TaskStore.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace UpNext {

TaskTableModel::TaskTableModel(TaskStore *store, const Entities *entities, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_entities(entities)
{
    connect(m_store, &TaskStore::tasksChanged, this, &TaskTableModel::reload);
    if (m_entities)
        connect(m_entities, &Entities::changed, this, &TaskTableModel::reload);
    reload();
}

void TaskTableModel::reload()
{
    beginResetModel();
    m_tasks = m_store->openTasks();
    endResetModel();
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::display(const Task &task, int column) const
{
    switch (column) {
    case ScoreColumn:
        return QLocale().toString(task.score, 'f', 1);
    case TitleColumn:
        return task.title;
    case SourceColumn:
        return TaskText::sourceName(task.source);
    case ClientColumn: {
        if (task.entity.isEmpty() || !m_entities)
            return task.entity;
        const std::optional<Entity> entity = m_entities->find(task.entity);
        return entity ? entity->name : task.entity;
    }
    case StatusColumn:
        return TaskText::statusName(task.status);
    case DueColumn:
        return task.dueDate.isValid() ? QLocale().toString(task.dueDate, QLocale::ShortFormat)
                                      : QString();
    }
    return {};
}

QVariant TaskTableModel::sortKey(const Task &task, int column) const
{
    switch (column) {
    case ScoreColumn:
        return task.score;
    case DueColumn:
        // Tasks without a due date sort after every dated one.
        return task.dueDate.isValid() ? task.dueDate.toJulianDay()
                                      : std::numeric_limits<qint64>::max();
    default:
        return display(task, column);
    }
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &task = m_tasks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(task, index.column());
    case Qt::ToolTipRole:
        return index.column() == TitleColumn ? QVariant(task.url) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ScoreColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == DueColumn && task.dueDate.isValid() &&
            task.dueDate < LocalDay::today())
            return QBrush(Qt::red);
        return {};
    case TaskIdRole:
        return task.id;
    case SortRole:
        return sortKey(task, index.column());
    default:
        return {};
    }
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ScoreColumn:
        return tr("Score");
    case TitleColumn:
        return tr("Task");
    case SourceColumn:
        return tr("Source");
    case ClientColumn:
        return tr("Client");
    case StatusColumn:
        return tr("Status");
    case DueColumn:
        return tr("Due");
    }
    return {};
}

} // namespace UpNext
