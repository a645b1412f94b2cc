#pragma once

// Realistic tasks for the benchmarks: titles, descriptions, clients, due dates
// and scores as the readers store them, from a seeded generator.

#include "core/Entity.h"
#include "core/Task.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

namespace UpNext::Bench {

inline const QStringList Verbs = {QStringLiteral("Fix"),      QStringLiteral("Add"),
                                  QStringLiteral("Update"),   QStringLiteral("Review"),
                                  QStringLiteral("Refactor"), QStringLiteral("Investigate"),
                                  QStringLiteral("Document"), QStringLiteral("Migrate"),
                                  QStringLiteral("Remove"),   QStringLiteral("Test")};
inline const QStringList Objects = {
    QStringLiteral("login flow"),        QStringLiteral("invoice export"),
    QStringLiteral("search results"),    QStringLiteral("onboarding email"),
    QStringLiteral("API rate limiting"), QStringLiteral("dashboard charts"),
    QStringLiteral("password reset"),    QStringLiteral("CSV import"),
    QStringLiteral("mobile layout"),     QStringLiteral("webhook retries"),
    QStringLiteral("billing page"),      QStringLiteral("audit log")};
inline const QStringList Details = {QString(),
                                    QStringLiteral(" on Safari"),
                                    QStringLiteral(" for large accounts"),
                                    QStringLiteral(" after the v2 release"),
                                    QStringLiteral(" (customer report)"),
                                    QStringLiteral(" in staging")};
inline const QStringList Clients = {QStringLiteral("acme"),    QStringLiteral("globex"),
                                    QStringLiteral("initech"), QStringLiteral("umbrella"),
                                    QStringLiteral("hooli"),   QStringLiteral("stark"),
                                    QStringLiteral("wayne"),   QStringLiteral("tyrell")};

inline QList<Entity> makeEntities()
{
    QList<Entity> entities;
    for (qsizetype i = 0; i < Clients.size(); ++i)
        entities.append(
            {Clients.at(i), Clients.at(i).toUpper(), i % 2 == 0, 0.5 + 0.25 * double(i % 4), {}});
    return entities;
}

inline QList<Task> makeTasks(int count, QRandomGenerator &random, const QDateTime &now)
{
    QList<Task> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        Task task;
        const bool gitHub = random.bounded(100) < 45;
        task.source = gitHub ? Sources::GitHub : Sources::ClickUp;
        if (gitHub) {
            task.container =
                QStringLiteral("org%1/repo-%2").arg(random.bounded(5)).arg(random.bounded(40));
            task.sourceId = QStringLiteral("%1#%2").arg(task.container).arg(i + 1);
            task.url =
                QStringLiteral("https://github.com/%1/issues/%2").arg(task.container).arg(i + 1);
            task.isBlocking = random.bounded(100) < 8;
        } else {
            task.container = QString::number(900100 + random.bounded(30));
            task.sourceId =
                QStringLiteral("86%1").arg(QString::number(quint64(i) * 7919 + 1000003, 36));
            task.url = QStringLiteral("https://app.clickup.com/t/") + task.sourceId;
            task.sourcePriority = int(random.bounded(5));
        }
        task.id = Task::makeId(task.source, task.sourceId);
        task.entity =
            random.bounded(100) < 70 ? Clients.at(random.bounded(Clients.size())) : QString();
        task.title =
            (gitHub && !task.entity.isEmpty() ? QStringLiteral("[CLIENT:%1] ").arg(task.entity)
                                              : QString()) +
            Verbs.at(random.bounded(Verbs.size())) + QLatin1Char(' ') +
            Objects.at(random.bounded(Objects.size())) + Details.at(random.bounded(Details.size()));
        task.description =
            QStringLiteral("Reported by a customer. Steps to reproduce are in the linked ticket; "
                           "expected behaviour is described in the spec section %1.")
                .arg(random.bounded(200));
        const int roll = int(random.bounded(100));
        task.status = roll < 10   ? TaskStatus::Done
                      : roll < 25 ? TaskStatus::InProgress
                                  : TaskStatus::Todo;
        task.assignee = QStringLiteral("me");
        if (random.bounded(100) < 60)
            task.dueDate = now.date().addDays(random.bounded(-20, 60));
        task.updatedAt = now.addSecs(-qint64(random.bounded(60 * 86400)));
        task.lastActivity = task.updatedAt;
        tasks.append(task);
    }
    return tasks;
}

} // namespace UpNext::Bench
