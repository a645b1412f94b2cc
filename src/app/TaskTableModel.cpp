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
            if (!m_tasks.empty())
                Q_EMIT dataChanged(index(0, ClientColumn), index(rowCount() - 1, ClientColumn));
        });
    append(m_store->openTasks(-1, TaskStore::Fields::Listed));
    indexRows(0);
}

void TaskTableModel::append(QList<Task> tasks)
{
    m_tasks.reserve(m_tasks.size() + size_t(tasks.size()));
    for (Task &task : tasks)
        m_tasks.push_back(std::make_unique<Task>(std::move(task)));
}

void TaskTableModel::indexRows(int from)
{
    for (int row = from; row < int(m_tasks.size()); ++row)
        m_rows.insert(m_tasks[row]->id, row);
}

void TaskTableModel::apply(const TaskChanges &changes)
{
    QList<int> gone;
    for (const QString &id : changes.removed) {
        if (const int row = rowOf(id); row >= 0)
            gone.append(row);
    }
    QList<Task> arrived;
    QList<std::pair<int, Task>> updated;
    const QList<Task> tasks =
        m_store->tasks(changes.added + changes.changed, TaskStore::Fields::Listed);
    for (const Task &task : tasks) {
        const int row = rowOf(task.id);
        const bool listed = task.isOpen() && task.assignedToMe;
        if (row < 0) {
            if (listed)
                arrived.append(task);
        } else if (!listed) {
            gone.append(row);
        } else if (!(*m_tasks[row] == task)) {
            updated.append({row, task});
        }
    }
    if (gone.size() + arrived.size() > BulkChange)
        return applyAsLayoutChange(gone, std::move(arrived), updated);

    for (const auto &[row, task] : std::as_const(updated)) {
        // Only the columns that changed, so a view sorted by another one need not move the row.
        int first = ColumnCount;
        int last = -1;
        for (int column = 0; column < ColumnCount; ++column) {
            if (display(*m_tasks[row], column) != display(task, column)) {
                first = std::min(first, column);
                last = column;
            }
        }
        *m_tasks[row] = task;
        if (last >= 0)
            Q_EMIT dataChanged(index(row, first), index(row, last));
    }
    removeRows(gone);
    if (!arrived.isEmpty()) {
        const int first = int(m_tasks.size());
        beginInsertRows({}, first, first + int(arrived.size()) - 1);
        append(std::move(arrived));
        indexRows(first);
        endInsertRows();
    }
}

void TaskTableModel::applyAsLayoutChange(const QList<int> &gone, QList<Task> arrived,
                                         const QList<std::pair<int, Task>> &updated)
{
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const QModelIndex &index : before)
        ids.append(m_tasks[index.row()]->id);

    for (const auto &[row, task] : updated)
        *m_tasks[row] = task;
    for (const int row : gone)
        m_tasks[row].reset();
    std::erase(m_tasks, nullptr);
    append(std::move(arrived));
    m_rows.clear();
    indexRows(0);

    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOf(ids.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
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
            m_rows.remove(m_tasks[row]->id);
        m_tasks.erase(m_tasks.begin() + first, m_tasks.begin() + last + 1);
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

QString TaskTableModel::clientName(const Task &task) const
{
    if (task.entity.isEmpty() || !m_entities)
        return task.entity;
    const std::optional<Entity> entity = m_entities->find(task.entity);
    return entity ? entity->name : task.entity;
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
    case ClientColumn:
        return clientName(task);
    case StatusColumn:
        return TaskText::statusName(task.status);
    case DueColumn:
        return task.dueDate.isValid() ? QLocale().toString(task.dueDate, QLocale::ShortFormat)
                                      : QString();
    }
    return {};
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &task = *m_tasks[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(task, index.column());
    case Qt::ToolTipRole: // rows hold no links: the one hovered is read
        if (index.column() != TitleColumn)
            return {};
        if (const std::optional<Task> whole = m_store->task(task.id))
            return whole->url;
        return {};
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
