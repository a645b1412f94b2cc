#include "TaskFilterModel.h"
#include "TaskTableModel.h"
#include "TaskText.h"

#include <QTimer>

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
        // Rows changed: what the last query accepted is no longer known row by row, and the
        // text searched is made again at the next query.
        const auto forget = [this] {
            m_accepted.clear();
            m_corpusStale = true;
        };
        connect(model, &QAbstractItemModel::rowsInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(model, &QAbstractItemModel::rowsMoved, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
        connect(model, &QAbstractItemModel::modelReset, this, forget);
    }
    QSortFilterProxyModel::setSourceModel(model);
    m_corpusStale = true;
    // The first search text is made once the list is up, not at the first key typed: most
    // of its cost is fresh memory, which later ones reuse.
    QTimer::singleShot(0, this, [this] {
        if (m_tasks && m_corpus.capacity() == 0)
            buildCorpus();
    });
}

void TaskFilterModel::buildCorpus()
{
    const int rows = m_tasks->rowCount();
    // Every row's search text in one string, each ended by a character no query has: one
    // search through it costs a fraction of one search in each of 100,000 rows.
    m_starts.resize(size_t(rows) + 1);
    qsizetype length = 0;
    for (int row = 0; row < rows; ++row)
        length += m_tasks->rowAt(row).searchText.size() + 1;
    m_corpus.truncate(0); // keeps its memory
    m_corpus.reserve(length);
    for (int row = 0; row < rows; ++row) {
        m_starts[size_t(row)] = m_corpus.size();
        m_corpus += m_tasks->rowAt(row).searchText;
        m_corpus += QChar(0);
    }
    m_starts[size_t(rows)] = m_corpus.size();
    m_corpusStale = false;
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
    m_folded = query.toCaseFolded();
    m_matcher = QStringMatcher(m_folded, Qt::CaseSensitive);
    m_accepted.assign(query.isEmpty() ? 0 : size_t(m_tasks->rowCount()), false);
    if (!query.isEmpty())
        markMatches();
    // One layout change for the whole list: removing thousands of rows one range at a time
    // costs a pass over the list for each range. Filtered here (rowCount() maps every row)
    // from the rows marked.
    m_noting = true;
    invalidate();
    rowCount();
    m_noting = false;
}

void TaskFilterModel::markMatches()
{
    if (m_corpusStale)
        buildCorpus();
    const int rows = m_tasks->rowCount();
    const bool oneCharacter = m_folded.size() == 1;
    size_t row = 0;
    for (qsizetype at = 0; row < size_t(rows);) {
        // The first key typed: a vectorised search for one character beats Boyer-Moore's.
        at =
            oneCharacter ? m_corpus.indexOf(m_folded.front(), at) : m_matcher.indexIn(m_corpus, at);
        if (at < 0)
            break;
        while (m_starts[row + 1] <= at)
            ++row;
        m_accepted[row] = true;
        at = m_starts[++row]; // the next row's text
    }
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_query.isEmpty())
        return true;
    return m_noting ? bool(m_accepted[size_t(sourceRow)]) : matches(sourceRow);
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
        return byText(Task::sourceName(a.source), Task::sourceName(b.source));
    case TaskTableModel::ClientColumn:
        return byText(m_tasks->clientName(a.entity), m_tasks->clientName(b.entity));
    case TaskTableModel::StatusColumn:
        return a.status < b.status;
    case TaskTableModel::DueColumn:
        // Tasks without a due date sort after every dated one, whichever way: a descending
        // sort asks lessThan(right, left), so there "no date" is the lesser.
        if (a.dueDate.isValid() != b.dueDate.isValid())
            return sortOrder() == Qt::DescendingOrder ? !a.dueDate.isValid() : !b.dueDate.isValid();
        return a.dueDate.isValid() && a.dueDate < b.dueDate;
    }
    return false;
}

} // namespace UpNext
