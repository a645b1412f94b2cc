#include "ClickUpWebhook.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/TaskStore.h"
#include "core/WebhookLog.h"
#include "sources/ClickUpTask.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace UpNext {

namespace {

const QSet<QString> &knownEvents()
{
    static const QSet<QString> events = {
        QStringLiteral("taskCreated"),         QStringLiteral("taskUpdated"),
        QStringLiteral("taskDeleted"),         QStringLiteral("taskStatusUpdated"),
        QStringLiteral("taskAssigneeUpdated"), QStringLiteral("taskDueDateUpdated"),
        QStringLiteral("taskPriorityUpdated"), QStringLiteral("taskCommentPosted"),
        QStringLiteral("taskMoved"),           QStringLiteral("taskTagUpdated")};
    return events;
}

} // namespace

ClickUpWebhook::ClickUpWebhook(const Parts &parts, QObject *parent)
    : WebhookReceiver(Sources::ClickUp, parts, parent)
{}

HttpAnswer ClickUpWebhook::handle(const QHash<QByteArray, QByteArray> &headers,
                                  const QByteArray &body)
{
    if (std::optional<HttpAnswer> refused = admit(body, headers.value("x-signature")))
        return *refused;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return HttpAnswer::error(400,
                                 tr("The body is not a JSON object: %1").arg(error.errorString()));
    const QJsonObject payload = document.object();
    const QString event = payload.value(QStringLiteral("event")).toString();
    const QString sourceId = ClickUpTask::idString(payload.value(QStringLiteral("task_id")));
    if (event.isEmpty() || sourceId.isEmpty())
        return HttpAnswer::error(400, tr("The delivery has no event or task_id"));
    if (!knownEvents().contains(event))
        return ignored();
    const QString id = Task::makeId(Sources::ClickUp, sourceId);
    if (!Task::parseId(id))
        return HttpAnswer::error(400, tr("The task_id is not valid"));

    // Each history item is applied once, however often the delivery comes.
    QStringList deliveries;
    QJsonArray items;
    for (const QJsonValue &value : payload.value(QStringLiteral("history_items")).toArray()) {
        const QString itemId = ClickUpTask::idString(value.toObject().value(QStringLiteral("id")));
        if (!itemId.isEmpty() && m_parts.log->seen(source(), itemId))
            continue;
        if (!itemId.isEmpty())
            deliveries.append(itemId);
        items.append(value);
    }
    if (items.isEmpty() && !payload.value(QStringLiteral("history_items")).toArray().isEmpty())
        return ok(); // a redelivery

    SyncState *state = m_parts.engine->state();
    const QString userId = state->value(Sources::ClickUp, QStringLiteral("userId"));
    const ClickUpTask parser(m_inProgressStatuses, userId, {}, m_parts.entities);
    const std::optional<Task> stored = m_parts.store->task(id);
    Task task = stored.value_or(Task());
    ReadResult read;
    read.source = Sources::ClickUp;
    bool fetch = event == QLatin1String("taskCreated") || event == QLatin1String("taskMoved") ||
                 event == QLatin1String("taskTagUpdated");
    bool described = false; // an item said enough to apply it here
    bool leaves = event == QLatin1String("taskDeleted");

    for (const QJsonValue &value : std::as_const(items)) {
        const QJsonObject item = value.toObject();
        const QJsonObject user = item.value(QStringLiteral("user")).toObject();
        read.actor = user.value(QStringLiteral("username")).toString();
        read.byUser =
            !userId.isEmpty() && ClickUpTask::idString(user.value(QStringLiteral("id"))) == userId;
        const QString field = item.value(QStringLiteral("field")).toString();
        const QJsonValue before = item.value(QStringLiteral("before"));
        const QJsonValue after = item.value(QStringLiteral("after"));
        const std::optional<qint64> date =
            ClickUpTask::msFromJson(item.value(QStringLiteral("date")));
        const QDateTime at =
            date ? QDateTime::fromMSecsSinceEpoch(*date, QTimeZone::utc()) : m_parts.clock->now();
        // Older than what is known of the task (a late or reordered delivery, or one from
        // before the user's own change): it may be out of date, so the task is fetched as the
        // source has it now. The engine keeps the newer state only by updatedAt, which the
        // items below move forward.
        const bool stale = stored && date && field != QLatin1String("comment") &&
                           (at < stored->updatedAt || at < stored->localUpdatedAt);
        bool applied = true;
        if (stale) {
            applied = false;
            fetch = true;
        } else if (field == QLatin1String("status") && after.isObject()) {
            task.status = parser.statusOf(after.toObject());
        } else if (field == QLatin1String("due_date")) {
            const std::optional<qint64> due = ClickUpTask::msFromJson(after);
            task.dueDate = due ? ClickUpTask::dueDay(*due) : QDate();
        } else if (field == QLatin1String("priority")) {
            task.sourcePriority =
                ClickUpTask::priorityFromJson(after).value_or(task.sourcePriority);
        } else if (field == QLatin1String("name") && after.isString()) {
            task.title = after.toString().left(ClickUpTask::MaxTitle);
        } else if (field == QLatin1String("comment")) {
            const QJsonObject comment = item.value(QStringLiteral("comment")).toObject();
            read.comments.insert(
                id, comment.value(QStringLiteral("text_content")).toString().left(500));
        } else if (field == QLatin1String("assignee_add") ||
                   field == QLatin1String("assignee_rem")) {
            const bool added = field == QLatin1String("assignee_add");
            const QJsonObject who = (added ? after : before).toObject();
            if (ClickUpTask::idString(who.value(QStringLiteral("id"))) == userId) {
                if (added && !stored)
                    fetch = true; // newly the user's: its fields come with the task
                task.assignedToMe = added;
            } else {
                fetch = true; // someone else's assignment: the shown assignee may change
            }
        } else {
            applied = false;
            fetch = true; // a field the item does not spell out here: ask for the task
        }
        described = described || applied;
        task.updatedAt = std::max(task.updatedAt, at);
        task.lastActivity = std::max(task.lastActivity, at);
    }

    if (!stored && !fetch)
        return ignored(); // not a task UpNext tracks
    if (leaves)
        read.notMine.append(id);
    else if (stored && described)
        read.tasks.append(task);
    qCDebug(lcWebhook).noquote() << "ClickUp" << event << id << "by" << read.actor
                                 << (fetch ? "(fetching)" : "");
    const HttpAnswer answer = apply(read, deliveries, [&] {
        return !fetch || leaves || m_parts.log->queueFetch(id, read.actor, m_parts.clock->now());
    });
    if (fetch && !leaves && answer.status == 200)
        Q_EMIT fetchQueued();
    return answer;
}

} // namespace UpNext
