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
    m_accepted.clear();
    if (model) {
        // Rows changed: what the last query accepted is no longer known row by row.
        const auto forget = [this] {
            m_accepted.clear();
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(model, &QAbstractItemModel::rowsMoved, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
        connect(model, &QAbstractItemModel::modelReset, this, forget);
    }
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
    const QString folded = query.toCaseFolded();
    // A query that extends the last one (a key typed) accepts none of the rows the last one
    // did not: only those it accepted are searched again.
    const bool narrowing = !m_folded.isEmpty() && folded.contains(m_folded) &&
                           m_accepted.size() == size_t(m_tasks->rowCount());
    m_previous = narrowing ? std::move(m_accepted) : std::vector<bool>();
    m_accepted.assign(query.isEmpty() ? 0 : size_t(m_tasks->rowCount()), false);
    m_folded = folded;
    m_matcher = QStringMatcher(m_folded, Qt::CaseSensitive);
    // One layout change for the whole list: removing thousands of rows one range at a time
    // costs a pass over the list for each range. Filtered here (rowCount() maps every row)
    // while the rows accepted are noted.
    m_noting = true;
    invalidate();
    rowCount();
    m_noting = false;
    m_previous.clear();
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_query.isEmpty())
        return true;
    if (!m_noting)
        return matches(sourceRow);
    if (!m_previous.empty() && !m_previous[size_t(sourceRow)])
        return false;
    const bool accepted = matches(sourceRow);
    m_accepted[size_t(sourceRow)] = accepted;
    return accepted;
}

bool TaskFilterModel::matches(int sourceRow) const
{
    const QString &text = m_tasks->rowAt(sourceRow).searchText;
    // The first key typed: a vectorised search for one character beats Boyer-Moore's.
    return m_query.size() == 1 ? text.contains(m_folded.front()) : m_matcher.indexIn(text) >= 0;
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
