#pragma once

#include "core/Task.h"

#include <QTimeZone>

namespace UpNext::TestTasks {

inline QDateTime utc(int year, int month, int day, int hour = 9)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc());
}

inline Task clickUp(const QString &sourceId, const QString &title, double score = 0)
{
    Task task;
    task.source = Sources::ClickUp;
    task.sourceId = sourceId;
    task.id = Task::makeId(task.source, sourceId);
    task.container = QStringLiteral("901");
    task.title = title;
    task.url = QStringLiteral("https://app.clickup.com/t/") + sourceId;
    task.updatedAt = utc(2026, 3, 1);
    task.score = score;
    return task;
}

inline Task gitHub(const QString &repo, int number, const QString &title, double score = 0)
{
    Task task;
    task.source = Sources::GitHub;
    task.sourceId = repo + QLatin1Char('#') + QString::number(number);
    task.id = Task::makeId(task.source, task.sourceId);
    task.container = repo;
    task.title = title;
    task.url = QStringLiteral("https://github.com/%1/issues/%2").arg(repo).arg(number);
    task.updatedAt = utc(2026, 3, 1);
    task.score = score;
    return task;
}

inline QStringList idsOf(const QList<Task> &tasks)
{
    QStringList ids;
    for (const Task &task : tasks)
        ids.append(task.id);
    return ids;
}

} // namespace UpNext::TestTasks
