#include "TaskText.h"

#include "core/Entities.h"
#include "core/TaskChanges.h"
#include "sync/SourceSyncResult.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace UpNext::TaskText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpNext::TaskText", text);
}

} // namespace

QString statusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo:
        return tr("To do");
    case TaskStatus::InProgress:
        return tr("In progress");
    case TaskStatus::Done:
        return tr("Done");
    }
    return {};
}

QString skippedToday()
{
    return tr("Skipped today");
}

QString shownTitle(const QString &source, const QString &entity, const QString &title)
{
    if (source != Sources::GitHub || entity.isEmpty())
        return title;
    return Entities::withoutClientPrefix(title);
}

QString shownTitle(const Task &task)
{
    return shownTitle(task.source, task.entity, task.title);
}

QString quoted(const Task &task)
{
    return tr("“%1”").arg(shownTitle(task));
}

QString linkedTitle(const Task &task)
{
    const QString title = shownTitle(task).toHtmlEscaped();
    if (task.url.isEmpty())
        return title;
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(task.url.toHtmlEscaped(), title);
}

QString score(double value)
{
    // Whole points mostly; staleness adds halves, which are shown rather than rounded away.
    const double rounded = std::round(value * 10) / 10;
    return QLocale().toString(rounded, 'f', rounded == std::trunc(rounded) ? 0 : 1);
}

QString points(double value)
{
    return (value > 0 ? QStringLiteral("+") : QString()) + score(value);
}

QString outsideChange(const ExternalChange &change, const Task &task, const QDateTime &received,
                      const QDateTime &now)
{
    const auto field = [&change](FieldChange::Field name) -> const FieldChange * {
        for (const FieldChange &moved : change.fields) {
            if (moved.field == name)
                return &moved;
        }
        return nullptr;
    };
    const QDateTime when = (task.updatedAt.isValid() ? task.updatedAt : received).toLocalTime();
    const QString at = when.date() == now.toLocalTime().date()
                           ? QLocale().toString(when.time(), QLocale::ShortFormat)
                           : QLocale().toString(when, QLocale::ShortFormat);
    const QString who = change.actor;
    // "%1" the time (and "%2" who did it).
    const auto say = [&](const char *bySomeone, const char *byNobody) {
        return who.isEmpty() ? tr(byNobody).arg(at) : tr(bySomeone).arg(who, at);
    };
    const QString done = Task::statusName(TaskStatus::Done);
    if (const FieldChange *status = field(FieldChange::Field::Status)) {
        if (status->after.toString() == done)
            return say("Closed by %1 at %2", "Closed at its source at %1");
        if (status->before.toString() == done)
            return say("Reopened by %1 at %2", "Reopened at its source at %1");
    }
    if (const FieldChange *assignee = field(FieldChange::Field::Assignee)) {
        if (!task.assignedToMe && !task.assignee.isEmpty() && task.assignee == who)
            return tr("Taken over by %1 at %2").arg(who, at);
        if (!task.assignedToMe && !task.assignee.isEmpty())
            return who.isEmpty() ? tr("Reassigned to %1 at %2").arg(task.assignee, at)
                                 : tr("Reassigned to %1 by %2 at %3").arg(task.assignee, who, at);
        if (!task.assignedToMe)
            return say("Unassigned from you by %1 at %2", "Unassigned from you at %1");
        if (assignee->before.toString().isEmpty())
            return say("Assigned to you by %1 at %2", "Assigned to you at %1");
    }
    if (field(FieldChange::Field::Comments))
        return say("Commented on by %1 at %2", "Commented on at %1");
    if (const FieldChange *due = field(FieldChange::Field::Due)) {
        const QDate day = due->after.toDate();
        if (!day.isValid())
            return say("Due date removed by %1 at %2", "Due date removed at %1");
        const QString shown = QLocale().toString(day, QLocale::ShortFormat);
        return who.isEmpty() ? tr("Due date moved to %1 at %2").arg(shown, at)
                             : tr("Due date moved to %1 by %2 at %3").arg(shown, who, at);
    }
    return {};
}

QString syncChanges(const SourceSyncResult &result)
{
    // English plurals are not needed: "2 new", "1 updated", "3 closed".
    QStringList parts;
    if (result.newTasks > 0)
        parts.append(tr("%1 new").arg(result.newTasks));
    if (result.updated > 0)
        parts.append(tr("%1 updated").arg(result.updated));
    if (result.closed > 0)
        parts.append(tr("%1 closed").arg(result.closed));
    return tr("%1: %2").arg(Task::sourceName(result.source),
                            parts.isEmpty() ? tr("no changes") : parts.join(QStringLiteral(", ")));
}

} // namespace UpNext::TaskText
