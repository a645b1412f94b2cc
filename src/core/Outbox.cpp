#include "Outbox.h"
#include "Logging.h"
#include "TaskStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace UpNext {

namespace {

const QString Columns = QStringLiteral(
    "id, task_id, kind, payload, state, attempts, next_attempt, last_error, created_at, sent_at,"
    " hold_until");

OutboxEntry::State stateFromName(const QString &name)
{
    if (name == QLatin1String("sending"))
        return OutboxEntry::State::Sending;
    if (name == QLatin1String("failed"))
        return OutboxEntry::State::Failed;
    return OutboxEntry::State::Pending;
}

// A time in a payload: UTC milliseconds, absent for none.
QDateTime payloadTime(const QJsonObject &payload, const QString &key)
{
    const QJsonValue value = payload.value(key);
    return value.isDouble() ? TaskStore::timeFromColumn(qint64(value.toDouble())) : QDateTime();
}

QJsonValue toPayloadTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(double(time.toMSecsSinceEpoch())) : QJsonValue();
}

QVariant toColumn(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

OutboxEntry entryFrom(const SqliteStatement &row)
{
    OutboxEntry entry;
    entry.id = row.integer(0);
    entry.taskId = row.text(1);
    const QString kind = row.text(2);
    entry.kind = kind == QLatin1String("comment")  ? OutboxEntry::Kind::Comment
                 : kind == QLatin1String("create") ? OutboxEntry::Kind::Create
                                                   : OutboxEntry::Kind::Complete;
    const QJsonObject payload = QJsonDocument::fromJson(row.bytes(3)).object();
    entry.text = payload.value(QStringLiteral("text")).toString();
    entry.title = payload.value(QStringLiteral("title")).toString();
    entry.entity = payload.value(QStringLiteral("entity")).toString();
    entry.description = payload.value(QStringLiteral("description")).toString();
    entry.previousStatus = payload.value(QStringLiteral("previousStatus")).toString();
    entry.previousActivity = payloadTime(payload, QStringLiteral("previousActivity"));
    entry.previousLocalUpdate = payloadTime(payload, QStringLiteral("previousLocalUpdate"));
    entry.state = stateFromName(row.text(4));
    entry.attempts = int(row.integer(5));
    entry.nextAttempt = row.time(6);
    entry.lastError = row.text(7);
    entry.createdAt = row.time(8);
    entry.sentAt = row.time(9);
    entry.holdUntil = row.time(10);
    return entry;
}

QByteArray payload(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Outbox::Outbox(TaskStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

bool Outbox::exec(QSqlQuery &query, const QString &sql, const QVariantList &values,
                  const QString &what) const
{
    if (m_store->exec(query, sql, values, what))
        return true;
    m_lastError = m_store->lastError();
    return false;
}

bool Outbox::transaction(ChangeOrigin origin, const std::function<bool()> &work)
{
    m_lastError.clear();
    if (!m_store->transaction(origin, work)) {
        if (m_lastError.isEmpty())
            m_lastError = m_store->lastError();
        return false;
    }
    Q_EMIT changed();
    return true;
}

bool Outbox::update(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_store->database());
    if (!exec(query, sql, values, tr("update the outbox")))
        return false;
    Q_EMIT changed();
    return true;
}

std::optional<qint64> Outbox::complete(const QString &taskId, const QDateTime &now,
                                       const QDateTime &holdUntil)
{
    m_lastError.clear();
    const std::optional<Task> task = m_store->task(taskId);
    if (!task) {
        m_lastError = tr("Task %1 not found").arg(taskId);
        return std::nullopt;
    }
    if (!task->isOpen()) {
        m_lastError = tr("Task %1 is already done").arg(taskId);
        return std::nullopt;
    }
    // Remember what to go back to should the source refuse, or the user take it back.
    return enqueue(
        taskId, OutboxEntry::kindName(OutboxEntry::Kind::Complete),
        {{QStringLiteral("previousStatus"), Task::statusName(task->status)},
         {QStringLiteral("previousActivity"), toPayloadTime(task->lastActivity)},
         {QStringLiteral("previousLocalUpdate"), toPayloadTime(task->localUpdatedAt)}},
        [&] { return m_store->setStatus(taskId, TaskStatus::Done, now); }, now, holdUntil);
}

std::optional<qint64> Outbox::comment(const QString &taskId, const QString &text,
                                      const QDateTime &now, const QDateTime &holdUntil)
{
    m_lastError.clear();
    if (text.trimmed().isEmpty()) {
        m_lastError = tr("A comment needs some text");
        return std::nullopt;
    }
    const std::optional<Task> task = m_store->task(taskId);
    if (!task) {
        m_lastError = tr("Task %1 not found").arg(taskId);
        return std::nullopt;
    }
    return enqueue(
        taskId, OutboxEntry::kindName(OutboxEntry::Kind::Comment),
        {{QStringLiteral("text"), text},
         {QStringLiteral("previousActivity"), toPayloadTime(task->lastActivity)},
         {QStringLiteral("previousLocalUpdate"), toPayloadTime(task->localUpdatedAt)}},
        [&] { return m_store->touch(taskId, now); }, now, holdUntil);
}

std::optional<qint64> Outbox::enqueue(const QString &taskId, const QString &kind,
                                      const QJsonObject &data, const std::function<bool()> &effect,
                                      const QDateTime &now, const QDateTime &holdUntil)
{
    qint64 id = 0;
    const bool ok = transaction(ChangeOrigin::User, [&] {
        if (!effect())
            return false;
        const std::optional<qint64> added = m_store->insert(
            QStringLiteral("INSERT INTO outbox (task_id, kind, payload, next_attempt, created_at,"
                           " hold_until) VALUES (?, ?, ?, ?, ?, ?)"),
            {taskId, kind, payload(data), now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(),
             toColumn(holdUntil)},
            tr("queue a change of %1").arg(taskId));
        if (!added) {
            m_lastError = m_store->lastError();
            return false;
        }
        id = *added;
        return true;
    });
    return ok ? std::optional<qint64>(id) : std::nullopt;
}

std::optional<QString> Outbox::create(const Task &draft, const QDateTime &now)
{
    m_lastError.clear();
    if (draft.title.trimmed().isEmpty()) {
        m_lastError = tr("A task needs a title");
        return std::nullopt;
    }
    QString localId;
    TaskChanges described;
    described.origin = ChangeOrigin::User;
    const bool ok = transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(m_store->database());
        // The outbox's own ids are unique for good (AUTOINCREMENT), so they make local ids too.
        if (!exec(query,
                  QStringLiteral(
                      "INSERT INTO outbox (task_id, kind, payload, next_attempt, created_at)"
                      " VALUES ('', 'create', ?, ?, ?)"),
                  {payload({{QStringLiteral("title"), draft.title},
                            {QStringLiteral("entity"), draft.entity},
                            {QStringLiteral("description"), draft.description}}),
                   now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()},
                  tr("queue a new task")))
            return false;
        const qint64 id = query.lastInsertId().toLongLong();
        Task task = draft;
        task.sourceId = draft.source == Sources::GitHub
                            ? QStringLiteral("%1#local-%2").arg(draft.container).arg(id)
                            : QStringLiteral("local-%1").arg(id);
        task.id = Task::makeId(task.source, task.sourceId);
        task.assignedToMe = true;
        task.status = TaskStatus::Todo;
        task.updatedAt = {};
        task.lastActivity = now;
        task.localUpdatedAt = now;
        localId = task.id;
        described.added = {localId};
        return exec(query, QStringLiteral("UPDATE outbox SET task_id = ? WHERE id = ?"),
                    {localId, id}, tr("queue a new task")) &&
               m_store->upsert({task}, described);
    });
    return ok ? std::optional<QString>(localId) : std::nullopt;
}

QList<OutboxEntry> Outbox::select(const QString &where, const QVariantList &values) const
{
    const TaskStore::Statement query =
        m_store->statement(QStringLiteral("SELECT %1 FROM outbox o %2").arg(Columns, where), values,
                           tr("read the outbox"));
    QList<OutboxEntry> result;
    while (query && query->next())
        result.append(entryFrom(*query));
    if (!query || query->failed())
        m_lastError = query ? query->errorText() : m_store->lastError();
    return result;
}

std::optional<OutboxEntry> Outbox::entry(qint64 id) const
{
    const QList<OutboxEntry> found = select(QStringLiteral("WHERE id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<OutboxEntry>(found.first());
}

namespace {

// "AND task_id NOT LIKE 'github:%' …" for the sources to leave out, with their values.
QString skipping(const QStringList &sources, QVariantList *values)
{
    QString sql;
    for (const QString &source : sources) {
        sql += QStringLiteral(" AND task_id NOT LIKE ?");
        values->append(source + QStringLiteral(":%"));
    }
    return sql;
}

} // namespace

QList<OutboxEntry> Outbox::due(const QDateTime &now, const QStringList &skipSources,
                               int limit) const
{
    QVariantList values{now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()};
    const QString skip = skipping(skipSources, &values);
    values.append(limit);
    return select(QStringLiteral("WHERE state <> 'failed' AND next_attempt <= ?"
                                 " AND (hold_until IS NULL OR hold_until <= ?)%1"
                                 " AND id = (SELECT min(id) FROM outbox WHERE task_id = o.task_id)"
                                 " ORDER BY next_attempt, id LIMIT ?")
                      .arg(skip),
                  values);
}

QDateTime Outbox::nextAttempt(const QStringList &skipSources) const
{
    QVariantList values;
    const QString skip = skipping(skipSources, &values);
    QSqlQuery query(m_store->database());
    if (!exec(query,
              QStringLiteral("SELECT min(max(next_attempt, coalesce(hold_until, 0))) FROM outbox"
                             " WHERE state <> 'failed'%1")
                  .arg(skip),
              values, tr("read the outbox")) ||
        !query.next())
        return {};
    return TaskStore::timeFromColumn(query.value(0));
}

QList<OutboxEntry> Outbox::entries() const
{
    return select(QStringLiteral("ORDER BY id"), {});
}

QList<OutboxEntry> Outbox::entriesFor(const QStringList &taskIds) const
{
    if (taskIds.isEmpty())
        return {};
    const QStringList marks(taskIds.size(), QStringLiteral("?"));
    return select(
        QStringLiteral("WHERE task_id IN (%1) ORDER BY id").arg(marks.join(QLatin1Char(','))),
        QVariantList(taskIds.cbegin(), taskIds.cend()));
}

QList<OutboxEntry> Outbox::failed() const
{
    return select(QStringLiteral("WHERE state = 'failed' ORDER BY id"), {});
}

int Outbox::pendingCount(const QString &source) const
{
    QSqlQuery query(m_store->database());
    QVariantList values;
    QString where = QStringLiteral("state <> 'failed'");
    if (!source.isEmpty()) {
        where += QStringLiteral(" AND task_id LIKE ?");
        values.append(source + QStringLiteral(":%"));
    }
    if (!exec(query, QStringLiteral("SELECT count(*) FROM outbox WHERE %1").arg(where), values,
              tr("read the outbox")) ||
        !query.next())
        return 0;
    return query.value(0).toInt();
}

bool Outbox::bringForward(const QDateTime &now)
{
    return update(
        QStringLiteral(
            "UPDATE outbox SET next_attempt = ? WHERE state <> 'failed' AND next_attempt > ?"),
        {now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()});
}

bool Outbox::markSending(qint64 id, const QDateTime &now)
{
    return update(QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                                 "sent_at = ? WHERE id = ?"),
                  {now.toMSecsSinceEpoch(), id});
}

bool Outbox::finish(qint64 id)
{
    return update(QStringLiteral("DELETE FROM outbox WHERE id = ?"), {id});
}

bool Outbox::retryLater(qint64 id, const QDateTime &when, const QString &error)
{
    return update(
        QStringLiteral(
            "UPDATE outbox SET state = 'pending', next_attempt = ?, last_error = ? WHERE id = ?"),
        {when.toMSecsSinceEpoch(), error, id});
}

bool Outbox::fail(qint64 id, const QString &error)
{
    const std::optional<OutboxEntry> found = entry(id);
    if (!found)
        return false;
    return transaction(ChangeOrigin::Outbox, [&] {
        QSqlQuery query(m_store->database());
        if (!exec(query,
                  QStringLiteral("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?"),
                  {error, id}, tr("update the outbox")))
            return false;
        switch (found->kind) {
        case OutboxEntry::Kind::Complete:
            return reopen(*found);
        case OutboxEntry::Kind::Create:
            return m_store->setAssignedToMe(found->taskId, false);
        case OutboxEntry::Kind::Comment:
            return true; // nothing to undo: the comment only lived in the outbox
        }
        return true;
    });
}

bool Outbox::retry(qint64 id, const QDateTime &now)
{
    const std::optional<OutboxEntry> found = userEntry(id);
    if (!found)
        return false;
    if (found->state == OutboxEntry::State::Sending) {
        m_lastError = tr("This change is being sent right now");
        return false;
    }
    // A waiting one goes now, whatever it waited for (a backoff, its hold); a failed one
    // again, with its local effect back.
    const bool wasFailed = found->state == OutboxEntry::State::Failed;
    return transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(m_store->database());
        if (!exec(query,
                  QStringLiteral("UPDATE outbox SET next_attempt = ?, hold_until = NULL,"
                                 " last_error = CASE state WHEN 'failed' THEN '' ELSE last_error"
                                 " END, state = 'pending' WHERE id = ?"),
                  {now.toMSecsSinceEpoch(), id}, tr("update the outbox")))
            return false;
        if (!wasFailed)
            return true;
        if (found->kind == OutboxEntry::Kind::Complete)
            return m_store->setStatus(found->taskId, TaskStatus::Done);
        if (found->kind == OutboxEntry::Kind::Create)
            return m_store->setAssignedToMe(found->taskId, true);
        return true;
    });
}

bool Outbox::discard(qint64 id)
{
    const std::optional<OutboxEntry> found = userEntry(id);
    if (!found)
        return false;
    if (found->state == OutboxEntry::State::Sending) {
        m_lastError = tr("This change is being sent right now; it can be discarded if it fails");
        return false;
    }
    return transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(m_store->database());
        switch (found->kind) {
        case OutboxEntry::Kind::Complete:
            // A close that never went out: the task is open here again (a failed one already is).
            if (found->state == OutboxEntry::State::Pending && !reopen(*found))
                return false;
            break;
        case OutboxEntry::Kind::Create:
            // A task that never reached its source goes, with what waited for it.
            return exec(query, QStringLiteral("DELETE FROM outbox WHERE task_id = ?"),
                        {found->taskId}, tr("update the outbox")) &&
                   m_store->removeTask(found->taskId);
        case OutboxEntry::Kind::Comment:
            break;
        }
        return exec(query, QStringLiteral("DELETE FROM outbox WHERE id = ?"), {id},
                    tr("update the outbox"));
    });
}

std::optional<OutboxEntry> Outbox::takeBack(qint64 id)
{
    const std::optional<OutboxEntry> found = userEntry(id);
    if (!found)
        return std::nullopt;
    // Once handed to the source it may have arrived: only a discard (and a reply) can say.
    if (found->state != OutboxEntry::State::Pending || found->attempts > 0) {
        m_lastError = tr("This change was already sent");
        return std::nullopt;
    }
    if (found->kind == OutboxEntry::Kind::Create) { // a new task goes with Discard
        m_lastError = tr("Only a close or a comment can be taken back");
        return std::nullopt;
    }
    const bool ok = transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(m_store->database());
        if (!exec(query, QStringLiteral("DELETE FROM outbox WHERE id = ?"), {id},
                  tr("update the outbox")))
            return false;
        switch (found->kind) {
        case OutboxEntry::Kind::Complete:
            if (!reopen(*found))
                return false;
            [[fallthrough]];
        case OutboxEntry::Kind::Comment:
            // Its task as it was: a comment taken back made no activity.
            return m_store->setLocalTimes(found->taskId, found->previousActivity,
                                          found->previousLocalUpdate);
        case OutboxEntry::Kind::Create:
            break;
        }
        return true;
    });
    return ok ? found : std::nullopt;
}

std::optional<OutboxEntry> Outbox::userEntry(qint64 id) const
{
    m_lastError.clear();
    std::optional<OutboxEntry> found = entry(id);
    if (!found && m_lastError.isEmpty())
        m_lastError = tr("This change is no longer in the outbox");
    return found;
}

bool Outbox::reopen(const OutboxEntry &entry)
{
    return m_store->setStatus(
        entry.taskId, Task::statusFromName(entry.previousStatus).value_or(TaskStatus::Todo));
}

bool Outbox::rekey(const QString &fromId, const QString &toId)
{
    return transaction(ChangeOrigin::Outbox, [&] {
        QSqlQuery query(m_store->database());
        return m_store->moveTask(fromId, toId) &&
               exec(query, QStringLiteral("UPDATE outbox SET task_id = ? WHERE task_id = ?"),
                    {toId, fromId}, tr("re-key %1").arg(fromId));
    });
}

} // namespace UpNext
