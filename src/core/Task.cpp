#include "Task.h"

#include <QRegularExpression>

namespace UpNext {

QString Task::makeId(const QString &source, const QString &sourceId)
{
    return source + QLatin1Char(':') + sourceId;
}

bool Task::parseId(const QString &id, QString *source, QString *sourceId)
{
    // GitHub owners: alphanumerics and '-'; repos also '.' and '_'.
    // "local-<n>" numbers stand for tasks created here and not yet confirmed by the source.
    static const QRegularExpression gitHubId(QStringLiteral(
        R"(^[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+#(?:[1-9][0-9]{0,9}|local-[0-9]{1,18})$)"));
    static const QRegularExpression clickUpId(QStringLiteral(R"(^[A-Za-z0-9_-]{1,64}$)"));

    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    const QString src = id.left(colon);
    const QString rest = id.mid(colon + 1);
    const bool valid = (src == Sources::ClickUp && clickUpId.match(rest).hasMatch()) ||
                       (src == Sources::GitHub && gitHubId.match(rest).hasMatch());
    if (!valid)
        return false;
    if (source)
        *source = src;
    if (sourceId)
        *sourceId = rest;
    return true;
}

bool Task::isLocalId(const QString &id)
{
    QString source;
    QString sourceId;
    if (!parseId(id, &source, &sourceId))
        return false;
    return source == Sources::GitHub ? sourceId.contains(QLatin1String("#local-"))
                                     : sourceId.startsWith(QLatin1String("local-"));
}

QString Task::statusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo:
        return QStringLiteral("todo");
    case TaskStatus::InProgress:
        return QStringLiteral("in_progress");
    case TaskStatus::Done:
        return QStringLiteral("done");
    }
    Q_UNREACHABLE();
}

std::optional<TaskStatus> Task::statusFromName(const QString &name)
{
    for (TaskStatus status : {TaskStatus::Todo, TaskStatus::InProgress, TaskStatus::Done}) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace UpNext
