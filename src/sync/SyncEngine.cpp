#include "SyncEngine.h"

#include "core/Clock.h"
#include "core/Entities.h"
#include "core/LocalDay.h"
#include "core/Logging.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"
#include "sources/SourceReader.h"

namespace UpNext {

SyncEngine::SyncEngine(TaskStore *store, const Entities *entities, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_state(store)
    , m_entities(entities)
    , m_clock(Clock::system())
{
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::tick);
    m_nightly.setSingleShot(true);
    connect(&m_nightly, &QTimer::timeout, this, &SyncEngine::rescoreAtMidnight);
    if (m_entities) // a client's weight or revenue flag changed
        connect(m_entities, &Entities::changed, this, [this] { rescore(m_clock->now()); });
}

void SyncEngine::addSource(const QString &source, ReaderFactory factory)
{
    m_factories.insert(source, std::move(factory));
}

void SyncEngine::start(std::chrono::milliseconds interval)
{
    rescoreAtMidnight();
    m_timer.start(interval);
    syncAll();
}

void SyncEngine::stop()
{
    m_timer.stop();
    m_nightly.stop();
    m_nightlyAt = {};
}

void SyncEngine::rescoreAtMidnight()
{
    const QDateTime now = m_clock->now();
    rescore(now);
    // A little after the local midnight, when "due today", "overdue" and idle days change.
    m_nightlyAt = LocalDay::startOfNextDay(now).addSecs(30);
    m_nightly.start(std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(m_nightlyAt))));
}

void SyncEngine::tick()
{
    // The nightly timer counts time the machine is awake: after a suspend across midnight
    // it is late, and the day's scores would wait for it.
    if (m_nightlyAt.isValid() && m_clock->now() >= m_nightlyAt)
        rescoreAtMidnight();
    syncAll();
}

double SyncEngine::scoreOf(const Task &task, const QDateTime &now) const
{
    const std::optional<Entity> entity = m_entities ? m_entities->find(task.entity) : std::nullopt;
    return m_scorer.score(task, entity ? &*entity : nullptr, now).score;
}

bool SyncEngine::rescore(const QDateTime &now)
{
    QHash<QString, double> moved;
    for (const Task &task : m_store->openTasks()) {
        const double score = scoreOf(task, now);
        if (score != task.score)
            moved.insert(task.id, score);
    }
    if (moved.isEmpty())
        return true;
    qCDebug(lcSync) << "Rescored" << moved.size() << "tasks";
    if (!m_store->setScores(moved)) {
        qCWarning(lcSync).noquote() << m_store->lastError();
        return false;
    }
    return true;
}

void SyncEngine::syncAll()
{
    for (const QString &source : m_factories.keys())
        sync(source);
}

void SyncEngine::sync(const QString &source)
{
    if (!m_factories.contains(source))
        return;
    if (m_running.contains(source)) {
        m_again.insert(source);
        return;
    }
    SourceReader *reader = m_factories.value(source)();
    reader->setParent(this);
    m_running.insert(source, reader);
    connect(reader, &SourceReader::progress, this,
            [this, source](int tasksRead) { Q_EMIT progress(source, tasksRead); });
    connect(reader, &SourceReader::rateLimited, this,
            [this, source](const QDateTime &until) { Q_EMIT rateLimited(source, until); });
    connect(reader, &SourceReader::finished, this,
            [this, source, reader](const ReadResult &read) { finishRun(source, reader, read); });
    qCInfo(lcSync) << "Syncing" << source;
    Q_EMIT syncStarted(source);
    reader->start();
}

void SyncEngine::finishRun(const QString &source, SourceReader *reader, const ReadResult &read)
{
    SourceSyncResult result;
    result.source = source;
    result.requests = read.requests;
    result.warnings = read.warnings;
    result.error = read.error;
    result.failure = read.failure;
    result.retryAfter = read.retryAfter;
    if (merge(read, ChangeOrigin::Sync, &result) && read.error.isEmpty())
        saveState(read);
    result.finishedAt = m_clock->now();
    if (result.ok())
        qCInfo(lcSync).noquote() << QStringLiteral("%1: %2 new, %3 updated, %4 closed, %5 requests")
                                        .arg(source)
                                        .arg(result.newTasks)
                                        .arg(result.updated)
                                        .arg(result.closed)
                                        .arg(result.requests);
    else
        qCWarning(lcSync).noquote() << source << "sync failed:" << result.error;

    m_running.remove(source);
    reader->deleteLater();
    Q_EMIT sourceFinished(result);
    if (m_again.remove(source))
        sync(source);
    else if (m_running.isEmpty())
        Q_EMIT idle();
}

bool SyncEngine::merge(const ReadResult &read, ChangeOrigin origin, SourceSyncResult *out)
{
    SourceSyncResult &result = *out;
    const QDateTime now = m_clock->now();
    QList<Task> changes;

    if (read.tasks.isEmpty() && read.notMine.isEmpty() && read.moved.isEmpty() &&
        read.rechecked.isEmpty())
        return true;
    // A sync brings a source's tasks, a webhook one: read the ones it names.
    QStringList ids = read.notMine;
    ids.reserve(ids.size() + read.tasks.size() + 2 * read.moved.size());
    for (const Task &task : read.tasks)
        ids.append(task.id);
    for (auto it = read.moved.cbegin(); it != read.moved.cend(); ++it)
        ids << it.key() << it.value();
    ids.removeDuplicates();
    QHash<QString, Task> known;
    for (const Task &task : m_store->tasks(ids))
        known.insert(task.id, task);
    QSet<QString> completing; // done here, not yet confirmed by the source
    QSet<QString> writing;    // with an outbox entry not failed
    if (m_outbox) {
        // A webhook names a task or two, a sync up to all of them.
        const bool few = ids.size() <= 100;
        for (const OutboxEntry &entry : few ? m_outbox->entriesFor(ids) : m_outbox->entries()) {
            if (entry.state == OutboxEntry::State::Failed)
                continue;
            writing.insert(entry.taskId);
            if (entry.kind == OutboxEntry::Kind::Complete)
                completing.insert(entry.taskId);
        }
    }
    QStringList heldBack; // open at the source, done here: see below
    const auto byUser = [&](const QString &id) {
        return read.byUser || (read.writingIsOwn && writing.contains(id));
    };
    TaskChanges described;
    described.origin = origin;
    const bool stored = m_store->transaction(origin, [&] {
        // A renamed repo or a transferred issue: the task takes its new id, and the current task,
        // skips and what waits in the outbox go with it; when the new id is already stored, the
        // old row is folded into it.
        for (auto it = read.moved.cbegin(); it != read.moved.cend(); ++it) {
            const auto old = known.constFind(it.key());
            if (old == known.cend())
                continue;
            if (m_outbox ? !m_outbox->rekey(it.key(), it.value())
                         : !m_store->moveTask(it.key(), it.value()))
                return false;
            if (!known.contains(it.value())) {
                Task moved = *old;
                moved.id = it.value();
                Task::parseId(moved.id, nullptr, &moved.sourceId);
                known.insert(moved.id, moved);
            }
            known.remove(it.key());
            if (completing.contains(it.key()))
                completing.insert(it.value());
            if (writing.contains(it.key()))
                writing.insert(it.value());
        }

        for (Task task : read.tasks) {
            const auto existing = known.constFind(task.id);
            const bool isNew = existing == known.cend();
            // A task we never had that is already closed or not ours is of no interest.
            if (isNew && (!task.isOpen() || !task.assignedToMe))
                continue;
            // An older remote state never overwrites a newer one (e.g. from a webhook).
            if (!isNew && existing->updatedAt.isValid() && task.updatedAt.isValid() &&
                task.updatedAt < existing->updatedAt)
                continue;
            if (!isNew) {
                task.localUpdatedAt = existing->localUpdatedAt;
                task.score = existing->score;
                // The user's pending completion is newer than any remote state still open. That
                // state may yet be newer than the close when it arrives; the listings will not
                // show it again, so the task is read again once its close is settled.
                if (completing.contains(task.id) && task.status != existing->status) {
                    task.status = existing->status;
                    heldBack.append(task.id);
                }
            }
            const bool changed = isNew || !(task == *existing);
            if (changed && task.updatedAt.isValid())
                result.changedAt.append(task.updatedAt);
            const double before = task.score;
            task.score = scoreOf(task, now);
            if (isNew) {
                ++result.newTasks;
                described.added.append(task.id);
                // Someone gave the user a task: news, unlike a sync's first import.
                if (origin == ChangeOrigin::Webhook)
                    described.external.append(
                        {task.id,
                         {{FieldChange::Field::Assignee, QString(), task.assignee}},
                         read.actor,
                         byUser(task.id)});
            } else if (changed) {
                const bool wasListed = existing->isOpen() && existing->assignedToMe;
                const bool isListed = task.isOpen() && task.assignedToMe;
                ++(wasListed && !isListed ? result.closed : result.updated);
                noteExternal(*existing, task, read, byUser(task.id), described);
            } else if (task.score == before) {
                continue; // nothing to store
            }
            changes.append(task);
        }
        for (const QString &id : read.notMine) {
            const auto existing = known.constFind(id);
            if (existing == known.cend() || !existing->assignedToMe)
                continue;
            Task task = *existing;
            task.assignedToMe = false;
            if (task.isOpen())
                ++result.closed;
            noteExternal(*existing, task, read, byUser(task.id), described);
            changes.append(task);
        }
        if (!heldBack.isEmpty() || !read.rechecked.isEmpty()) {
            QStringList recheck = m_state.recheck(read.source);
            recheck.removeIf([&read](const QString &id) { return read.rechecked.contains(id); });
            recheck += heldBack;
            recheck.removeDuplicates();
            if (!m_state.setRecheck(read.source, recheck))
                return false;
        }
        // The lists' names with the tasks: views reading the change feed name them.
        if (!read.containerNames.isEmpty() &&
            !m_state.setContainerNames(read.source, read.containerNames))
            return false;
        return changes.isEmpty() || m_store->upsert(changes, described);
    });
    if (!stored) {
        result.error = m_outbox && !m_outbox->lastError().isEmpty() ? m_outbox->lastError()
                                                                    : m_store->lastError();
        result.newTasks = result.updated = result.closed = 0;
        result.changedAt.clear();
        return false;
    }
    return true;
}

void SyncEngine::writeSettled(const OutboxEntry &entry)
{
    QString source;
    Task::parseId(entry.taskId, &source);
    if (m_state.recheck(source).contains(entry.taskId))
        sync(source);
}

void SyncEngine::noteExternal(const Task &before, const Task &after, const ReadResult &read,
                              bool byUser, TaskChanges &changes)
{
    ExternalChange change;
    change.taskId = after.id;
    change.actor = read.actor;
    change.byUser = byUser;
    const auto note = [&change](FieldChange::Field field, const QVariant &from,
                                const QVariant &to) {
        if (from != to)
            change.fields.append({field, from, to});
    };
    note(FieldChange::Field::Status, Task::statusName(before.status),
         Task::statusName(after.status));
    note(FieldChange::Field::Assignee, before.assignedToMe ? before.assignee : QString(),
         after.assignedToMe ? after.assignee : QString());
    note(FieldChange::Field::Title, before.title, after.title);
    note(FieldChange::Field::Due, before.dueDate, after.dueDate);
    if (const auto comment = read.comments.constFind(after.id); comment != read.comments.cend())
        change.fields.append({FieldChange::Field::Comments, QVariant(), *comment});
    if (!change.fields.isEmpty())
        changes.external.append(change);
}

void SyncEngine::saveState(const ReadResult &read)
{
    m_state.setValues(read.source, read.state);
}

} // namespace UpNext
