#include "TaskTableModel.h"
#include "TaskText.h"
#include "Theme.h"

#include "core/Clock.h"
#include "core/Entities.h"
#include "core/LocalDay.h"
#include "core/TaskStore.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace UpNext {

namespace {

// The text as the search compares it. Most titles are ASCII: folded here in one pass rather
// than through the Unicode tables, as 100,000 of them are at startup.
QString folded(const QString &text)
{
    QString result(text.size(), Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(result.data());
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit >= 0x80)
            return text.toCaseFolded();
        *out++ = unit >= u'A' && unit <= u'Z' ? unit + (u'a' - u'A') : unit;
    }
    return result;
}

} // namespace

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
            m_searchSuffixes.clear();
            for (const std::unique_ptr<Row> &row : m_rows)
                refreshSearchText(*row);
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0, ClientColumn), index(rowCount() - 1, ClientColumn));
        });
    m_skippedDay = LocalDay::of(m_clock->now());
    m_skipped = m_store->skippedOn(m_skippedDay);
    QList<Task> tasks = m_store->openTasksUnordered();
    m_rows.reserve(size_t(tasks.size()));
    m_scores.reserve(tasks.size());
    for (Task &task : tasks) {
        m_scores.insert(task.id, task.score);
        m_rows.push_back(std::make_unique<Row>(rowFrom(std::move(task))));
    }
    std::sort(m_rows.begin(), m_rows.end(), &TaskTableModel::beforeRow);
}

void TaskTableModel::setClock(const Clock *clock)
{
    m_clock = clock;
    refreshSkipped();
}

void TaskTableModel::refreshSkipped()
{
    m_skippedDay = LocalDay::of(m_clock->now());
    QSet<QString> skipped = m_store->skippedOn(m_skippedDay);
    if (skipped == m_skipped)
        return;
    for (const QSet<QString> *moved : {&m_skipped, &skipped}) {
        for (const QString &id : *moved) {
            const int row = rowOf(id);
            if (row < 0)
                continue;
            Row &listed = *m_rows[size_t(row)];
            const bool now = skipped.contains(id);
            if (listed.skipped != now) {
                listed.skipped = now;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        }
    }
    m_skipped = std::move(skipped);
}

TaskTableModel::Row TaskTableModel::rowFrom(Task task)
{
    const bool skipped = m_skipped.contains(task.id);
    // As shown: a GitHub title's client prefix is in the client column.
    QString title = TaskText::shownTitle(task.source, task.entity, task.title);
    Row row{std::move(task.id),
            std::move(task.source),
            std::move(title),
            {},
            std::move(task.entity),
            task.dueDate,
            task.score,
            task.status,
            skipped};
    refreshSearchText(row);
    return row;
}

void TaskTableModel::refreshSearchText(Row &row)
{
    auto client = m_searchSuffixes.constFind(row.entity);
    if (client == m_searchSuffixes.cend()) {
        // The client's line, then one for each status and source: a suffix per pair.
        QStringList suffixes;
        const QString name = u'\n' + folded(clientName(row.entity)) + u'\n';
        for (const TaskStatus status :
             {TaskStatus::Todo, TaskStatus::InProgress, TaskStatus::Done}) {
            for (const QString &source : {Sources::ClickUp, Sources::GitHub})
                suffixes.append(name + folded(TaskText::statusName(status)) + u'\n' +
                                folded(Task::sourceName(source)));
        }
        client = m_searchSuffixes.insert(row.entity, suffixes);
    }
    row.searchText =
        folded(row.title) + client->at(int(row.status) * 2 + (row.source == Sources::GitHub));
}

bool TaskTableModel::before(const Row &a, const Row &b)
{
    // The store's order: score, then id.
    return a.score > b.score || (a.score == b.score && a.id < b.id);
}

bool TaskTableModel::beforeRow(const std::unique_ptr<Row> &a, const std::unique_ptr<Row> &b)
{
    return before(*a, *b);
}

int TaskTableModel::insertionRow(const Row &row) const
{
    const auto at = std::lower_bound(
        m_rows.begin(), m_rows.end(), row,
        [](const std::unique_ptr<Row> &listed, const Row &key) { return before(*listed, key); });
    return int(at - m_rows.begin());
}

int TaskTableModel::rowOf(const QString &taskId) const
{
    const auto score = m_scores.constFind(taskId);
    if (score == m_scores.cend())
        return -1;
    Row key;
    key.id = taskId;
    key.score = *score;
    const int row = insertionRow(key);
    return row < rowCount() && m_rows[size_t(row)]->id == taskId ? row : -1;
}

void TaskTableModel::apply(const TaskChanges &changes)
{
    if (changes.origin == ChangeOrigin::User || LocalDay::of(m_clock->now()) != m_skippedDay)
        refreshSkipped();
    QStringList gone;
    for (const QString &id : changes.removed) {
        if (m_scores.contains(id))
            gone.append(id);
    }
    std::vector<Row> arrived;
    std::vector<Row> moved;   // their score changed
    std::vector<Row> updated; // in place
    const QList<Task> tasks =
        m_store->tasks(changes.added + changes.changed, TaskStore::Fields::Listed);
    for (const Task &task : tasks) {
        const bool listed = task.isOpen() && task.assignedToMe;
        const auto score = m_scores.constFind(task.id);
        if (score == m_scores.cend()) {
            if (listed)
                arrived.push_back(rowFrom(task));
        } else if (!listed) {
            gone.append(task.id);
        } else if (task.score != *score) {
            moved.push_back(rowFrom(task));
        } else {
            updated.push_back(rowFrom(task));
        }
    }
    if (qsizetype(gone.size() + arrived.size() + moved.size()) > BulkChange) {
        std::move(moved.begin(), moved.end(), std::back_inserter(arrived));
        return applyAsLayoutChange(gone, std::move(arrived), updated);
    }
    for (Row &row : updated) {
        const int at = rowOf(row.id);
        update(at, std::move(row));
    }
    for (Row &row : moved) {
        const int at = rowOf(row.id);
        move(at, std::move(row));
    }
    for (const QString &id : std::as_const(gone)) {
        if (const int row = rowOf(id); row >= 0)
            remove(row);
    }
    for (Row &row : arrived)
        insert(std::move(row));
}

void TaskTableModel::update(int row, Row changed)
{
    Row &current = *m_rows[size_t(row)];
    if (current == changed)
        return;
    // Only the columns that changed, so a view sorted by another one need not move the row.
    int first = ColumnCount;
    int last = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (display(current, column) != display(changed, column)) {
            first = std::min(first, column);
            last = column;
        }
    }
    current = std::move(changed);
    if (last >= 0)
        Q_EMIT dataChanged(index(row, first), index(row, last));
}

void TaskTableModel::move(int from, Row changed)
{
    const auto begin = m_rows.begin();
    int to = from; // where it lands once moved
    if (from > 0 && before(changed, *m_rows[size_t(from) - 1])) {
        to = int(std::lower_bound(begin, begin + from, changed,
                                  [](const std::unique_ptr<Row> &listed, const Row &key) {
                                      return before(*listed, key);
                                  }) -
                 begin);
        beginMoveRows({}, from, from, {}, to);
        std::rotate(begin + to, begin + from, begin + from + 1);
    } else if (from + 1 < rowCount() && before(*m_rows[size_t(from) + 1], changed)) {
        const int past = int(std::lower_bound(begin + from + 1, m_rows.end(), changed,
                                              [](const std::unique_ptr<Row> &listed,
                                                 const Row &key) { return before(*listed, key); }) -
                             begin);
        to = past - 1;
        beginMoveRows({}, from, from, {}, past);
        std::rotate(begin + from, begin + from + 1, begin + past);
    }
    m_scores.insert(changed.id, changed.score);
    *m_rows[size_t(to)] = std::move(changed);
    if (to != from)
        endMoveRows();
    Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
}

void TaskTableModel::remove(int row)
{
    beginRemoveRows({}, row, row);
    m_scores.remove(m_rows[size_t(row)]->id);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

void TaskTableModel::insert(Row row)
{
    const int at = insertionRow(row);
    beginInsertRows({}, at, at);
    m_scores.insert(row.id, row.score);
    m_rows.insert(m_rows.begin() + at, std::make_unique<Row>(std::move(row)));
    endInsertRows();
}

void TaskTableModel::applyAsLayoutChange(const QStringList &gone, std::vector<Row> incoming,
                                         const std::vector<Row> &updated)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const QModelIndex &index : before)
        ids.append(m_rows[size_t(index.row())]->id);

    for (const Row &row : updated)
        *m_rows[size_t(rowOf(row.id))] = row;
    // The rows leaving and those moving drop out (found before any does), then the moving and
    // the new ones are merged back in at their places: one pass over the list.
    QList<int> out;
    for (const QString &id : gone)
        out.append(rowOf(id));
    std::vector<std::unique_ptr<Row>> merging;
    for (Row &row : incoming) {
        out.append(rowOf(row.id));
        merging.push_back(std::make_unique<Row>(std::move(row)));
    }
    for (const int row : std::as_const(out)) {
        if (row >= 0)
            m_rows[size_t(row)].reset();
    }
    for (const QString &id : gone)
        m_scores.remove(id);
    for (const std::unique_ptr<Row> &row : merging)
        m_scores.insert(row->id, row->score);
    std::erase(m_rows, nullptr);
    std::sort(merging.begin(), merging.end(), &TaskTableModel::beforeRow);
    const auto middle = m_rows.insert(m_rows.end(), std::make_move_iterator(merging.begin()),
                                      std::make_move_iterator(merging.end()));
    std::inplace_merge(m_rows.begin(), middle, m_rows.end(), &TaskTableModel::beforeRow);

    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = rowOf(ids.at(i));
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaskTableModel::clientName(const QString &entity) const
{
    if (entity.isEmpty() || !m_entities)
        return entity;
    const std::optional<Entity> found = m_entities->find(entity);
    return found ? found->name : entity;
}

QVariant TaskTableModel::display(const Row &task, int column) const
{
    switch (column) {
    case ScoreColumn:
        return TaskText::score(task.score);
    case TitleColumn:
        return task.title;
    case SourceColumn:
        return Task::sourceName(task.source);
    case ClientColumn:
        return clientName(task.entity);
    case StatusColumn:
        return task.skipped ? TaskText::skippedToday() : TaskText::statusName(task.status);
    case DueColumn:
        return task.dueDate.isValid() ? QLocale().toString(task.dueDate, QLocale::ShortFormat)
                                      : QString();
    }
    return {};
}

Qt::ItemFlags TaskTableModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? RowFlags : QAbstractTableModel::flags(index);
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &task = *m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(task, index.column());
    case Qt::ToolTipRole:
        // The delegate shows a cell's whole text when it is cut off; a skipped task says why
        // it is greyed.
        return task.skipped && index.column() != TitleColumn
                   ? tr("Skipped today: back in the running tomorrow")
                   : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ScoreColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == DueColumn && task.dueDate.isValid() &&
            task.dueDate < LocalDay::of(m_clock->now()))
            return QBrush(Theme::color(Theme::Role::Error));
        if (task.skipped) // set aside for today
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
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
