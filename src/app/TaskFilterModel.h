#pragma once

#include <QSortFilterProxyModel>
#include <QStringMatcher>

#include <vector>

namespace UpNext {

class TaskTableModel;

// The task list as shown: a TaskTableModel (its source model) filtered by the
// search text (title, client, source or status), in the model's order (best
// first) unless sorted by a column. Reads the rows straight from the model, not
// through QVariant, so 100,000 rows filter between two keystrokes.
class TaskFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskFilterModel)

public:
    explicit TaskFilterModel(QObject *parent = nullptr);

    void setQuery(const QString &text);
    // Must be a TaskTableModel.
    void setSourceModel(QAbstractItemModel *model) override;
    // The source's, known without mapping the index to it.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool matches(int sourceRow) const;
    // Marks in m_accepted the rows whose search text holds the query.
    void markMatches();
    void buildCorpus();

    const TaskTableModel *m_tasks = nullptr; // the source model, typed
    QString m_query;
    QString m_folded;         // the query case-folded
    QStringMatcher m_matcher; // m_folded, its skip table made once
    // Source row → whether the query accepts it, marked by setQuery() for the filtering it
    // runs (m_noting); forgotten when the source's rows change.
    std::vector<bool> m_accepted;
    bool m_noting = false;
    // Every row's search text, one after the other, and where each begins (one more: the end);
    // made again at the first query after the rows changed.
    QString m_corpus;
    std::vector<qsizetype> m_starts;
    bool m_corpusStale = true;
};

} // namespace UpNext
