#include "TaskFilterModel.h"
#include "TaskTableModel.h"
#include "TaskText.h"

namespace UpNext {

TaskFilterModel::TaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void TaskFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_tasks = qobject_cast<const TaskTableModel *>(model);
    Q_ASSERT(m_tasks || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

Qt::ItemFlags TaskFilterModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? TaskTableModel::RowFlags : QSortFilterProxyModel::flags(index);
}

void TaskFilterModel::setQuery(const QString &text)
{
    const QString query = text.trimmed();
    if (query == m_query)
        return;
    m_query = query;
    m_matcher = QStringMatcher(query.toCaseFolded(), Qt::CaseSensitive);
    m_statuses.clear();
    for (const TaskStatus status : {TaskStatus::Todo, TaskStatus::InProgress, TaskStatus::Done}) {
        if (TaskText::statusName(status).contains(query, Qt::CaseInsensitive))
            m_statuses.append(status);
    }
    m_sources.clear();
    for (const QString &source : {Sources::ClickUp, Sources::GitHub}) {
        if (TaskText::sourceName(source).contains(query, Qt::CaseInsensitive))
            m_sources.append(source);
    }
    m_clients.clear();
    // One layout change for the whole list: removing thousands of rows one range at a time
    // costs a pass over the list for each range.
    invalidate();
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_query.isEmpty())
        return true;
    const TaskTableModel::Row &task = m_tasks->rowAt(sourceRow);
    if (m_matcher.indexIn(task.foldedTitle) >= 0 || m_statuses.contains(task.status) ||
        m_sources.contains(task.source))
        return true;
    if (task.entity.isEmpty())
        return false;
    auto client = m_clients.find(task.entity);
    if (client == m_clients.end())
        client = m_clients.insert(
            task.entity, m_tasks->clientName(task.entity).contains(m_query, Qt::CaseInsensitive));
    return *client;
}

bool TaskFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const TaskTableModel::Row &a = m_tasks->rowAt(left.row());
    const TaskTableModel::Row &b = m_tasks->rowAt(right.row());
    const auto byText = [](const QString &x, const QString &y) {
        return QString::compare(x, y, Qt::CaseInsensitive) < 0;
    };
    switch (left.column()) {
    case TaskTableModel::ScoreColumn:
        return a.score < b.score;
    case TaskTableModel::TitleColumn:
        return byText(a.title, b.title);
    case TaskTableModel::SourceColumn:
        return byText(TaskText::sourceName(a.source), TaskText::sourceName(b.source));
    case TaskTableModel::ClientColumn:
        return byText(m_tasks->clientName(a.entity), m_tasks->clientName(b.entity));
    case TaskTableModel::StatusColumn:
        return a.status < b.status;
    case TaskTableModel::DueColumn:
        // Tasks without a due date sort after every dated one.
        if (!a.dueDate.isValid())
            return false;
        return !b.dueDate.isValid() || a.dueDate < b.dueDate;
    }
    return false;
}

} // namespace UpNext
