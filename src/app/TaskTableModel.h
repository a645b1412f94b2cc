#pragma once

// upnext_app: the Qt Widgets desktop app — main window, task models and,
// later, tray, notifications and dialogs. The only library that links Widgets.

#include "core/Task.h"
#include "core/TaskChanges.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace UpNext {

class Clock;
class Entities;
class TaskStore;

// The user's open tasks in the order the Now card ranks them (best score first, then
// id), read once from the TaskStore and then kept in step with its change feed in
// place: rows are inserted, removed, moved and changed, never reset, so selection,
// current index and scroll position stay, and a view shows them best first without
// sorting. Rows hold no descriptions; the details pane reads the one task it shows.
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

    // What a row shows of its task, and what the search looks in: the title, client, status
    // and source names case-folded, a line each (a query is one line, so it matches within
    // one of them).
    struct Row
    {
        QString id;
        QString source;
        QString title;
        QString searchText;
        QString entity;
        QDate dueDate;
        double score = 0;
        TaskStatus status = TaskStatus::Todo;
        bool skipped = false; // set aside for today: shown as such

        bool operator==(const Row &other) const = default;
    };

    TaskTableModel(TaskStore *store, const Entities *entities, QObject *parent = nullptr);

    // What "overdue" and "skipped today" are counted from; the system clock by default (the
    // window passes the task service's).
    void setClock(const Clock *clock);

    const Row &rowAt(int row) const { return *m_rows.at(size_t(row)); }
    // The client's name from the entities, or its id when it has none.
    QString clientName(const QString &entity) const;
    // The row of the task, or -1 when it is not listed.
    int rowOf(const QString &taskId) const;

    // Every row's: the same for all, so a proxy can answer without asking (QTreeView asks for
    // each row on each layout).
    static constexpr Qt::ItemFlags RowFlags =
        Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Rows inserted, removed and moved one by one for the few tasks a user action or a
    // webhook touches. A batch that moves more than BulkChange rows (a sync, a rescore) is
    // one layout change: one merge instead of a pass over the list for each row, and the
    // views keep their selection through the persistent indexes.
    static constexpr qsizetype BulkChange = 32;
    Row rowFrom(Task task);
    void refreshSearchText(Row &row);
    // Rows in display order: the better first.
    static bool before(const Row &a, const Row &b);
    static bool beforeRow(const std::unique_ptr<Row> &a, const std::unique_ptr<Row> &b);
    int insertionRow(const Row &row) const;
    void apply(const TaskChanges &changes);
    void applyAsLayoutChange(const QStringList &gone, std::vector<Row> incoming,
                             const std::vector<Row> &updated);
    void update(int row, Row changed);
    void move(int from, Row changed);
    void remove(int row);
    void insert(Row row);
    QVariant display(const Row &row, int column) const;
    // Reads the tasks skipped today again (a skip, or a new day) and marks the rows that moved.
    void refreshSkipped();

    TaskStore *m_store;
    const Entities *m_entities;
    const Clock *m_clock;
    // Rows point to their tasks, so moving one moves a pointer.
    std::vector<std::unique_ptr<Row>> m_rows;
    // Each listed task's score: with the id, where its row is in m_rows (a binary search),
    // however many rows moved before it.
    QHash<QString, double> m_scores;
    // Entity id → what follows the title in searchText, for each status and source.
    QHash<QString, QStringList> m_searchSuffixes;
    // The tasks skipped on m_skippedDay: read again only when the user acted (a skip is theirs)
    // or the day turned, not for every sync.
    QSet<QString> m_skipped;
    QDate m_skippedDay;
};

} // namespace UpNext
