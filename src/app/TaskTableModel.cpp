#include "TaskTableModel.h"
#include "TaskText.h"

#include "core/Clock.h"
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
    , m_clock(Clock::system())
{
    connect(m_store, &TaskStore::changed, this, &TaskTableModel::apply);
    // A client's name may have changed.
    if (m_entities)
        connect(m_entities, &Entities::changed, this, [this] {
            if (!m_tasks.isEmpty())
                Q_EMIT dataChanged(index(0, ClientColumn), index(rowCount() - 1, ClientColumn));
        });
    m_tasks = m_store->openTasks(-1, TaskStore::Fields::WithoutDescription);
    indexRows(0);
}

void TaskTableModel::indexRows(int from)
{
    for (int row = from; row < m_tasks.size(); ++row)
        m_rows.insert(m_tasks.at(row).id, row);
}

void TaskTableModel::apply(const TaskChanges &changes)
{
    QList<int> gone;
    for (const QString &id : changes.removed) {
        if (const int row = rowOf(id); row >= 0)
            gone.append(row);
    }
    QList<Task> arrived;
    QList<int> changedRows;
    const QList<Task> tasks =
        m_store->tasks(changes.added + changes.changed, TaskStore::Fields::WithoutDescription);
    for (const Task &task : tasks) {
        const int row = rowOf(task.id);
        const bool listed = task.isOpen() && task.assignedToMe;
        if (row < 0) {
            if (listed)
                arrived.append(task);
        } else if (!listed) {
            gone.append(row);
        } else if (!(m_tasks.at(row) == task)) {
            m_tasks[row] = task;
            changedRows.append(row);
        }
    }
    for (const int row : std::as_const(changedRows))
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    removeRows(gone);
    if (!arrived.isEmpty()) {
        const int first = int(m_tasks.size());
        beginInsertRows({}, first, first + int(arrived.size()) - 1);
        m_tasks.append(arrived);
        indexRows(first);
        endInsertRows();
    }
}

void TaskTableModel::removeRows(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    // Last first, a run of neighbours at a time, so earlier rows keep their numbers.
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) - 1)
            ++j;
        const int first = rows.at(j);
        const int last = rows.at(i);
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_rows.remove(m_tasks.at(row).id);
        m_tasks.remove(first, last - first + 1);
        endRemoveRows();
        i = j + 1;
    }
    indexRows(rows.constLast());
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
            task.dueDate < LocalDay::of(m_clock->now()))
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
