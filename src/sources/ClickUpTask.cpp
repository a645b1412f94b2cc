#include "ClickUpTask.h"

#include "core/Entities.h"
#include "core/LocalDay.h"

#include <QJsonArray>
#include <QTimeZone>

namespace UpNext {

ClickUpTask::ClickUpTask(const QStringList &inProgressStatuses, const QString &userId,
                         const QString &username, const Entities *entities)
    : m_inProgressStatuses(inProgressStatuses)
    , m_userId(userId)
    , m_username(username)
    , m_entities(entities)
{}

QString ClickUpTask::idString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

std::optional<qint64> ClickUpTask::msFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const qint64 ms = value.toString().trimmed().toLongLong(&ok);
    return ok && ms > 0 ? std::optional<qint64>(ms) : std::nullopt;
}

bool ClickUpTask::isClosedType(const QString &type)
{
    return type == QLatin1String("closed") || type == QLatin1String("done");
}

std::optional<int> ClickUpTask::priorityFromJson(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return 0;
    if (!value.isObject())
        return std::nullopt;
    static const QStringList names = {QStringLiteral("urgent"), QStringLiteral("high"),
                                      QStringLiteral("normal"), QStringLiteral("low")};
    const QJsonObject priority = value.toObject();
    const qsizetype named =
        names.indexOf(priority.value(QStringLiteral("priority")).toString().trimmed().toLower());
    if (named >= 0)
        return int(named) + 1;
    const int id = idString(priority.value(QStringLiteral("id"))).toInt();
    if (id >= 1 && id <= 4)
        return id;
    return std::nullopt;
}

QDate ClickUpTask::dueDay(qint64 ms)
{
    // A time, set in the user's zone: its day there is the day ClickUp shows them.
    return LocalDay::of(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
}

TaskStatus ClickUpTask::statusOf(const QJsonObject &status) const
{
    if (isClosedType(status.value(QStringLiteral("type")).toString().trimmed().toLower()))
        return TaskStatus::Done;
    return m_inProgressStatuses.contains(
               status.value(QStringLiteral("status")).toString().trimmed(), Qt::CaseInsensitive)
               ? TaskStatus::InProgress
               : TaskStatus::Todo;
}

std::optional<Task> ClickUpTask::toTask(const QJsonObject &json, const QString &listOfPage,
                                        QStringList *warnings) const
{
    const auto warn = [warnings](const QString &message) {
        warnings->append(message);
    };
    const QJsonValue id = json.value(QStringLiteral("id"));
    Task task;
    task.source = Sources::ClickUp;
    task.sourceId = id.toString();
    task.id = Task::makeId(task.source, task.sourceId);
    if (!id.isString() || !Task::parseId(task.id)) {
        warn(tr("Skipped a task without a valid id"));
        return std::nullopt;
    }
    task.container =
        idString(json.value(QStringLiteral("list")).toObject().value(QStringLiteral("id")));
    if (task.container.isEmpty())
        task.container = listOfPage;

    task.title = json.value(QStringLiteral("name")).toString();
    if (task.title.trimmed().isEmpty()) {
        warn(tr("%1 has no name; using \"(untitled)\"").arg(task.id));
        task.title = tr("(untitled)");
    } else if (task.title.size() > MaxTitle) {
        warn(tr("%1 has a very long name; it was shortened").arg(task.id));
        task.title.truncate(MaxTitle);
    }
    task.description = json.value(QStringLiteral("text_content")).toString();
    if (task.description.isEmpty())
        task.description = json.value(QStringLiteral("description")).toString();
    if (task.description.size() > MaxDescription) {
        warn(tr("%1 has a very long description; it was shortened").arg(task.id));
        task.description.truncate(MaxDescription);
    }

    const QJsonObject status = json.value(QStringLiteral("status")).toObject();
    const QString type = status.value(QStringLiteral("type")).toString().trimmed().toLower();
    if (!isClosedType(type) && type != QLatin1String("open") && type != QLatin1String("custom"))
        warn(tr("%1 has an unknown status type \"%2\"; treated as open")
                 .arg(task.id, type.left(64)));
    task.status = statusOf(status);

    task.assignedToMe = false;
    QString firstAssignee;
    for (const QJsonValue &value : json.value(QStringLiteral("assignees")).toArray()) {
        const QJsonObject assignee = value.toObject();
        const QString username = assignee.value(QStringLiteral("username")).toString();
        if (firstAssignee.isEmpty())
            firstAssignee = username;
        if (!task.assignedToMe && idString(assignee.value(QStringLiteral("id"))) == m_userId) {
            task.assignedToMe = true;
            task.assignee = m_username.isEmpty() ? username : m_username;
        }
    }
    if (!task.assignedToMe)
        task.assignee = firstAssignee;

    const QJsonValue due = json.value(QStringLiteral("due_date"));
    if (const std::optional<qint64> ms = msFromJson(due)) {
        task.dueDate = dueDay(*ms);
    } else if (!due.isNull() && !due.isUndefined() &&
               !(due.isString() && due.toString().trimmed().isEmpty())) {
        warn(tr("%1 has a due date that is not a time; ignored").arg(task.id));
    }

    task.url = json.value(QStringLiteral("url")).toString();

    QStringList tags;
    for (const QJsonValue &tag : json.value(QStringLiteral("tags")).toArray())
        tags.append(tag.isString() ? tag.toString()
                                   : tag.toObject().value(QStringLiteral("name")).toString());
    if (m_entities) {
        task.entity = m_entities->fromClickUpTags(tags);
        if (const std::optional<Entity> entity = m_entities->find(task.entity))
            task.isRevenue = entity->revenue;
    }

    if (const std::optional<int> priority =
            priorityFromJson(json.value(QStringLiteral("priority"))))
        task.sourcePriority = *priority;
    else
        warn(tr("%1 has an unknown priority; treated as none").arg(task.id));

    if (const std::optional<qint64> updated =
            msFromJson(json.value(QStringLiteral("date_updated")))) {
        task.updatedAt = QDateTime::fromMSecsSinceEpoch(*updated, QTimeZone::utc());
    } else {
        warn(tr("%1 has no valid date_updated").arg(task.id));
    }
    task.lastActivity = task.updatedAt;
    return task;
}

} // namespace UpNext
