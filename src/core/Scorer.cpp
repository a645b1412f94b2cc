#include "Scorer.h"
#include "LocalDay.h"

#include <QCoreApplication>

#include <algorithm>

namespace UpNext {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpNext::Scorer", text);
}

QString days(qint64 n)
{
    return QCoreApplication::translate("UpNext::Scorer", "%n days", nullptr, int(n));
}

} // namespace

Scorer::Scorer(const ScoreWeights &weights)
    : m_weights(weights)
{}

ScoreResult Scorer::score(const Task &task, const Entity *entity, const QDateTime &now) const
{
    ScoreResult result;
    auto add = [&result](const QString &key, const QString &label, double points) {
        if (points == 0)
            return;
        result.breakdown.append({key, label, points});
        result.score += points;
    };

    const bool revenue = entity ? entity->revenue : task.isRevenue;
    const QString client = entity ? entity->name : task.entity;
    if (revenue)
        add(QStringLiteral("revenue"), tr("Revenue client %1").arg(client), m_weights.revenue);
    if (entity)
        add(QStringLiteral("entity_weight"),
            tr("Client priority (%1 × %2)").arg(entity->name).arg(entity->weight),
            m_weights.entityWeight * entity->weight);

    if (task.isBlocking)
        add(QStringLiteral("blocking"), tr("Blocks others"), m_weights.blocking);

    const QDate today = LocalDay::of(now);
    if (!task.dueDate.isValid()) {
        add(QStringLiteral("due_none"), tr("No due date"), m_weights.noDueDate);
    } else {
        const qint64 dueIn = today.daysTo(task.dueDate);
        if (dueIn < 0)
            add(QStringLiteral("overdue"), tr("Overdue by %1").arg(days(-dueIn)),
                m_weights.overdue);
        else if (dueIn == 0)
            add(QStringLiteral("due_today"), tr("Due today"), m_weights.dueToday);
        else if (dueIn <= 7)
            add(QStringLiteral("due_this_week"), tr("Due in %1").arg(days(dueIn)),
                m_weights.dueThisWeek);
        else
            add(QStringLiteral("due_later"), tr("Due in %1").arg(days(dueIn)), m_weights.dueLater);
    }

    const QDateTime active = task.lastActivity.isValid() ? task.lastActivity : task.updatedAt;
    if (active.isValid()) {
        // Counted in local days, like due dates: a score moves only at the local midnight.
        const qint64 idleDays = LocalDay::between(active, now);
        if (idleDays >= m_weights.staleAfterDays) {
            const qint64 counted = std::min<qint64>(idleDays, m_weights.staleMaxDays);
            add(QStringLiteral("stale"), tr("No activity for %1").arg(days(idleDays)),
                m_weights.stalePerDay * double(counted));
        }
    }

    if (task.status == TaskStatus::InProgress)
        add(QStringLiteral("in_progress"), tr("In progress"), m_weights.inProgress);

    switch (task.sourcePriority) {
    case 1:
        add(QStringLiteral("priority"), tr("Urgent priority"), m_weights.priorityUrgent);
        break;
    case 2:
        add(QStringLiteral("priority"), tr("High priority"), m_weights.priorityHigh);
        break;
    case 3:
        add(QStringLiteral("priority"), tr("Normal priority"), m_weights.priorityNormal);
        break;
    case 4:
        add(QStringLiteral("priority"), tr("Low priority"), m_weights.priorityLow);
        break;
    default:
        break;
    }
    return result;
}

bool Scorer::ranksBefore(const Task &a, const Task &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.id < b.id;
}

} // namespace UpNext
