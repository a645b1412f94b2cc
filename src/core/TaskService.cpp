#include "TaskService.h"
#include "Clock.h"
#include "Entities.h"
#include "LocalDay.h"
#include "Outbox.h"
#include "SyncState.h"
#include "TaskStore.h"

#include <QScopeGuard>

namespace UpNext {

TaskService::TaskService(TaskStore *store, Outbox *outbox, const Entities *entities,
                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_outbox(outbox)
    , m_entities(entities)
    , m_clock(Clock::system())
{
    connect(m_store, &TaskStore::changed, this, &TaskService::keepCurrent);
    if (const std::optional<CurrentTask> current = m_store->currentTask())
        m_currentId = current->taskId;
    m_undoExpiry.setSingleShot(true);
    connect(&m_undoExpiry, &QTimer::timeout, this, [this] {
        if (dropExpiredOffers(m_clock->now()))
            Q_EMIT undoChanged();
        scheduleExpiry();
    });
}

QDateTime TaskService::now() const
{
    return m_clock->now();
}

void TaskService::keepCurrent(const TaskChanges &changes)
{
    const std::optional<CurrentTask> current = m_store->currentTask();
    if (current ? !changes.touches(current->taskId) && current->taskId == m_currentId
                : changes.added.isEmpty() && changes.changed.isEmpty())
        return;
    next(m_clock->now());
}

ScoreResult TaskService::explain(const Task &task, const QDateTime &now) const
{
    const std::optional<Entity> entity = m_entities ? m_entities->find(task.entity) : std::nullopt;
    return m_scorer.score(task, entity ? &*entity : nullptr, now);
}

QString TaskService::containerName(const Task &task) const
{
    if (task.source == Sources::GitHub)
        return task.container;
    return SyncState(m_store).containerName(task.source, task.container);
}

TaskResult TaskService::knownTask(const QString &taskId) const
{
    if (!Task::parseId(taskId))
        return {tr("Invalid task id: \"%1\"").arg(taskId), std::nullopt};
    std::optional<Task> task = m_store->task(taskId);
    if (!task)
        return {tr("Task %1 not found").arg(taskId), std::nullopt};
    return {{}, task};
}

TaskResult TaskService::next(const QDateTime &now)
{
    std::optional<Task> task;
    if (const std::optional<CurrentTask> current = m_store->currentTask())
        task = m_store->task(current->taskId);
    if (!task || !task->isOpen() || !task->assignedToMe) {
        task = m_store->bestOpenTask(LocalDay::of(now));
        const bool stored =
            task ? m_store->setCurrentTask({task->id, now}) : m_store->clearCurrentTask();
        if (!stored)
            return {m_store->lastError(), std::nullopt};
    }
    const QString id = task ? task->id : QString();
    if (id != m_currentId) {
        m_currentId = id;
        Q_EMIT currentChanged(id);
    }
    return {{}, task};
}

TaskResult TaskService::done(const QDateTime &now, Undo undo)
{
    const std::optional<CurrentTask> current = m_store->currentTask();
    if (!current)
        return {tr("No current task to complete"), std::nullopt};
    const std::optional<Task> task = m_store->task(current->taskId);
    const std::optional<qint64> entry =
        m_outbox->complete(current->taskId, now, holdUntil(now, undo));
    if (!task || !entry)
        return {m_outbox->lastError(), std::nullopt};
    if (undo == Undo::Offer)
        offerUndo(UndoOffer::Kind::Done, *task, *entry, current, now);
    Q_EMIT queued();
    TaskResult result = next(now);
    result.entryId = *entry;
    return result;
}

TaskResult TaskService::skip(const QDateTime &now)
{
    const std::optional<CurrentTask> current = m_store->currentTask();
    if (!current)
        return {tr("No current task to skip"), std::nullopt};
    const std::optional<Task> task = m_store->task(current->taskId);
    if (!task || !m_store->markSkipped(current->taskId, LocalDay::of(now)) ||
        !m_store->clearCurrentTask())
        return {m_store->lastError(), std::nullopt};
    offerUndo(UndoOffer::Kind::Skip, *task, 0, current, now);
    return next(now);
}

QDateTime TaskService::holdUntil(const QDateTime &now, Undo undo) const
{
    return undo == Undo::Offer && m_undoGrace.count() > 0 ? now.addMSecs(m_undoGrace.count())
                                                          : QDateTime();
}

void TaskService::offerUndo(UndoOffer::Kind kind, const Task &task, qint64 entryId,
                            const std::optional<CurrentTask> &current, const QDateTime &now,
                            const QString &text)
{
    if (m_undoGrace.count() <= 0)
        return;
    dropExpiredOffers(now);
    UndoOffer offer;
    offer.kind = kind;
    offer.taskId = task.id;
    offer.title = task.title;
    offer.entryId = entryId;
    offer.text = text;
    offer.day = LocalDay::of(now);
    offer.current = current;
    offer.until = now.addMSecs(m_undoGrace.count());
    offer.serial = m_nextSerial++;
    m_undo.append(offer);
    // Ctrl+Z goes back a few steps at most; a long row of them is not kept.
    constexpr qsizetype MaxOffers = 20;
    if (m_undo.size() > MaxOffers)
        m_undo.removeFirst();
    scheduleExpiry();
    Q_EMIT undoChanged();
}

bool TaskService::dropExpiredOffers(const QDateTime &now)
{
    return m_undo.removeIf([&now](const UndoOffer &offer) { return offer.until <= now; }) > 0;
}

void TaskService::scheduleExpiry()
{
    if (m_undo.isEmpty()) {
        m_undoExpiry.stop();
        return;
    }
    QDateTime first = m_undo.constFirst().until;
    for (const UndoOffer &offer : std::as_const(m_undo))
        first = std::min(first, offer.until);
    m_undoExpiry.start(
        std::chrono::milliseconds(std::max<qint64>(0, m_clock->now().msecsTo(first))));
}

std::optional<UndoOffer> TaskService::undoOffer() const
{
    const QDateTime now = m_clock->now();
    for (auto it = m_undo.crbegin(); it != m_undo.crend(); ++it) {
        if (it->until > now)
            return *it;
    }
    return std::nullopt;
}

bool TaskService::restoreCurrent(const std::optional<CurrentTask> &current)
{
    if (!current)
        return true;
    const std::optional<Task> task = m_store->task(current->taskId);
    // Closed or reassigned elsewhere meanwhile: the one current now stays.
    if (!task || !task->isOpen() || !task->assignedToMe)
        return true;
    if (!m_store->setCurrentTask(*current))
        return false;
    if (m_currentId != current->taskId) {
        m_currentId = current->taskId;
        Q_EMIT currentChanged(m_currentId);
    }
    return true;
}

TaskResult TaskService::undo(const QDateTime &now)
{
    dropExpiredOffers(now);
    if (m_undo.isEmpty())
        return {tr("Nothing to undo"), std::nullopt};
    const UndoOffer offer = m_undo.takeLast();
    scheduleExpiry();
    // Said however it ends: the offer is gone.
    const auto changed = qScopeGuard([this] { Q_EMIT undoChanged(); });
    bool undone = true;
    QString error;
    switch (offer.kind) {
    case UndoOffer::Kind::Done:
    case UndoOffer::Kind::Comment:
        undone = m_outbox->takeBack(offer.entryId).has_value();
        error = m_outbox->lastError();
        break;
    case UndoOffer::Kind::Skip:
        undone = m_store->unmarkSkipped(offer.taskId, offer.day);
        error = m_store->lastError();
        break;
    }
    if (!undone)
        return {tr("“%1” cannot be undone any more: %2").arg(offer.title, error), std::nullopt};
    if (offer.kind != UndoOffer::Kind::Comment && !restoreCurrent(offer.current))
        return {m_store->lastError(), std::nullopt};
    return {{}, m_store->task(offer.taskId)};
}

TaskResult TaskService::fromOutbox(const QString &taskId, std::optional<qint64> entry)
{
    if (!entry)
        return {m_outbox->lastError(), std::nullopt};
    Q_EMIT queued();
    return {{}, m_store->task(taskId), *entry};
}

TaskResult TaskService::complete(const QString &taskId, const QDateTime &now, Undo undo)
{
    // A copy: the caller's may belong to a view that moves to another task when this one
    // leaves the list, in the middle of this call.
    const QString id = taskId;
    const TaskResult known = knownTask(id);
    if (!known.ok())
        return known;
    const std::optional<CurrentTask> current = m_store->currentTask();
    // The current task closing makes the next one current (keepCurrent()).
    const std::optional<qint64> entry = m_outbox->complete(id, now, holdUntil(now, undo));
    if (entry && undo == Undo::Offer)
        offerUndo(UndoOffer::Kind::Done, *known.task, *entry, current, now);
    return fromOutbox(id, entry);
}

TaskResult TaskService::comment(const QString &taskId, const QString &text, const QDateTime &now,
                                Undo undo)
{
    const QString id = taskId; // as in complete()
    const TaskResult known = knownTask(id);
    if (!known.ok())
        return known;
    const std::optional<qint64> entry = m_outbox->comment(id, text, now, holdUntil(now, undo));
    if (entry && undo == Undo::Offer)
        offerUndo(UndoOffer::Kind::Comment, *known.task, *entry, std::nullopt, now, text);
    return fromOutbox(id, entry);
}

TaskResult TaskService::create(const QString &source, const QString &container,
                               const QString &title, const QString &entity,
                               const QString &description, const QDateTime &now)
{
    if (source != Sources::ClickUp && source != Sources::GitHub)
        return {tr("Unknown source \"%1\"").arg(source), std::nullopt};
    if (title.trimmed().isEmpty())
        return {tr("A task needs a title"), std::nullopt};
    // GitHub counts the client prefix too.
    const QString sent = source == Sources::GitHub && !entity.isEmpty()
                             ? QStringLiteral("[CLIENT:%1] %2").arg(entity, title)
                             : title;
    const qsizetype length = Task::characterCount(sent);
    const qsizetype limit =
        source == Sources::GitHub ? Task::GitHubMaxTitle : Task::ClickUpMaxTitle;
    if (length > limit)
        return {tr("The title is too long for %1 (%2 characters at most)")
                    .arg(source == Sources::GitHub ? QStringLiteral("GitHub")
                                                   : QStringLiteral("ClickUp"))
                    .arg(limit),
                std::nullopt};
    if (container.isEmpty())
        return {source == Sources::GitHub ? tr("No repository chosen for the new issue")
                                          : tr("No list chosen for the new task"),
                std::nullopt};

    Task draft;
    draft.source = source;
    draft.container = container;
    draft.title = title;
    draft.entity = entity;
    draft.description = description;
    draft.lastActivity = now;
    if (m_entities) {
        if (const std::optional<Entity> known = m_entities->find(entity))
            draft.isRevenue = known->revenue;
    }
    draft.score = explain(draft, now).score;
    const std::optional<QString> localId = m_outbox->create(draft, now);
    if (!localId)
        return fromOutbox({}, std::nullopt);
    const QList<OutboxEntry> entries = m_outbox->entriesFor({*localId});
    return fromOutbox(*localId, entries.isEmpty() ? 0 : entries.constLast().id);
}

OutboxCounts TaskService::outboxCounts() const
{
    return {m_outbox->pendingCount(), int(m_outbox->failed().size())};
}

TaskResult TaskService::retryWrite(qint64 entryId, const QDateTime &now)
{
    if (!m_outbox->retry(entryId, now))
        return {m_outbox->lastError(), std::nullopt};
    Q_EMIT queued();
    return {};
}

TaskResult TaskService::discardWrite(qint64 entryId)
{
    if (!m_outbox->discard(entryId))
        return {m_outbox->lastError(), std::nullopt};
    return {};
}

QString TaskService::discardEffects(const QList<qint64> &entryIds) const
{
    bool creates = false;
    bool closes = false;
    for (const OutboxEntry &entry : m_outbox->entries()) {
        if (!entryIds.contains(entry.id))
            continue;
        creates = creates || entry.kind == OutboxEntry::Kind::Create;
        // A failed close is open here already.
        closes = closes || (entry.kind == OutboxEntry::Kind::Complete &&
                            entry.state == OutboxEntry::State::Pending);
    }
    QStringList effects;
    if (creates)
        effects.append(tr("Tasks created here are removed."));
    if (closes)
        effects.append(tr("Tasks closed here are open again."));
    return effects.join(QLatin1Char(' '));
}

Briefing TaskService::briefing(const QDateTime &now)
{
    Briefing briefing;
    SyncState state(m_store); // holds nothing of its own: the time is in the file
    // The first briefing looks back a day, not over everything a first sync brought.
    const QDateTime last = state.lastBriefing().isValid() ? state.lastBriefing() : now.addDays(-1);
    const QList<Task> open = m_store->openTasks();
    const QDate today = LocalDay::of(now);
    for (const Task &task : open) {
        if (briefing.top.size() < 5)
            briefing.top.append({task, explain(task, now)});
        if (task.dueDate.isValid() && task.dueDate < today)
            briefing.overdue.append(task);
        else if (task.dueDate == today)
            briefing.dueToday.append(task);
        // A source change newer than anything we did to the task ourselves.
        const bool external = task.updatedAt.isValid() && (!task.localUpdatedAt.isValid() ||
                                                           task.updatedAt > task.localUpdatedAt);
        if (external && task.updatedAt > last)
            briefing.changedElsewhere.append(task);
    }
    briefing.failedWrites = m_outbox->failed();
    QStringList failedIds;
    for (const OutboxEntry &entry : std::as_const(briefing.failedWrites))
        failedIds.append(entry.taskId);
    for (const Task &task : m_store->tasks(failedIds))
        briefing.failedTasks.insert(task.id, task);
    state.setLastBriefing(now);
    return briefing;
}

} // namespace UpNext
