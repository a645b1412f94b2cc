#pragma once

#include "core/Task.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace UpNext {

class Entities;

// Turns a task as ClickUp sends it (`GET /task/{id}`, a list page) into a task, the same way
// for the reader and the webhook receiver, and reads ClickUp's field formats.
class ClickUpTask final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::ClickUpTask)

public:
    static constexpr qsizetype MaxTitle = 1024;
    static constexpr qsizetype MaxDescription = 256 * 1024;

    // userId, username: the user's; a task is theirs when they are among its assignees.
    // inProgressStatuses: status names (any case) that mean in progress.
    ClickUpTask(const QStringList &inProgressStatuses, const QString &userId,
                const QString &username, const Entities *entities);

    // Nothing for an item without an id; what was defaulted or shortened goes to *warnings.
    std::optional<Task> toTask(const QJsonObject &json, const QString &listFallback,
                               QStringList *warnings) const;
    // A status {status, type} as the task's status.
    TaskStatus statusOf(const QJsonObject &status) const;

    // ClickUp ids come as strings (tasks, lists) or numbers (users); compare them as text.
    static QString idString(const QJsonValue &value);
    // ClickUp times are strings of unix milliseconds.
    static std::optional<qint64> msFromJson(const QJsonValue &value);
    static bool isClosedType(const QString &type);
    // {"priority":"urgent"|"high"|"normal"|"low", "id":"1".."4"} → 1..4; null → 0.
    static std::optional<int> priorityFromJson(const QJsonValue &value);
    // The user's day of a due date in unix ms.
    static QDate dueDay(qint64 ms);

private:
    QStringList m_inProgressStatuses;
    QString m_userId;
    QString m_username;
    const Entities *m_entities;
};

} // namespace UpNext
