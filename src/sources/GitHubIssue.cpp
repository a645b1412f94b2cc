#include "GitHubIssue.h"

#include "core/Entities.h"

#include <QJsonArray>

namespace UpNext {

GitHubIssue::GitHubIssue(const GitHubReaderOptions &options, const QString &login,
                         const Entities *entities)
    : m_options(options)
    , m_login(login)
    , m_entities(entities)
{}

QJsonObject GitHubIssue::keysRead()
{
    const QJsonValue whole = true;
    return {{QStringLiteral("pull_request"), QJsonObject()},
            {QStringLiteral("repository"), QJsonObject{{QStringLiteral("full_name"), whole}}},
            {QStringLiteral("repository_url"), whole},
            {QStringLiteral("number"), whole},
            {QStringLiteral("title"), whole},
            {QStringLiteral("body"), whole},
            {QStringLiteral("labels"), QJsonObject{{QStringLiteral("name"), whole}}},
            {QStringLiteral("state"), whole},
            {QStringLiteral("assignees"), QJsonObject{{QStringLiteral("login"), whole}}},
            {QStringLiteral("milestone"), QJsonObject{{QStringLiteral("due_on"), whole}}},
            {QStringLiteral("html_url"), whole},
            {QStringLiteral("updated_at"), whole}};
}

QString GitHubIssue::repoOf(const QJsonObject &issue, const QString &fallback)
{
    const QString fullName = issue.value(QStringLiteral("repository"))
                                 .toObject()
                                 .value(QStringLiteral("full_name"))
                                 .toString();
    if (!fullName.isEmpty())
        return fullName;
    // …/repos/OWNER/NAME, read without QUrl: a webhook delivery asks this every time.
    const QString url = issue.value(QStringLiteral("repository_url")).toString();
    const qsizetype at = url.lastIndexOf(QLatin1String("/repos/"));
    const QStringView repo = at < 0 ? QStringView() : QStringView(url).sliced(at + 7);
    const qsizetype slash = repo.indexOf(u'/');
    const bool valid = slash > 0 && slash < repo.size() - 1 && repo.count(u'/') == 1 &&
                       !repo.contains(u'?') && !repo.contains(u'#');
    return valid ? repo.toString() : fallback;
}

std::optional<Task> GitHubIssue::toTask(const QJsonObject &issue, const QString &repoFallback,
                                        QStringList *warnings) const
{
    const auto warn = [warnings](const QString &message) {
        warnings->append(message);
    };
    if (issue.contains(QStringLiteral("pull_request")) && !m_options.includePullRequests)
        return std::nullopt;

    const QString repo = repoOf(issue, repoFallback);
    const QJsonValue number = issue.value(QStringLiteral("number"));
    Task task;
    task.source = Sources::GitHub;
    task.sourceId = QStringLiteral("%1#%2").arg(repo).arg(number.toInteger());
    task.id = Task::makeId(task.source, task.sourceId);
    if (!number.isDouble() || !Task::parseId(task.id)) {
        warn(tr("Skipped an issue without a valid repository and number"));
        return std::nullopt;
    }
    task.container = repo;

    task.title = issue.value(QStringLiteral("title")).toString();
    if (task.title.trimmed().isEmpty()) {
        warn(tr("%1 has no title; using its number").arg(task.id));
        task.title = QStringLiteral("#%1").arg(number.toInteger());
    } else if (task.title.size() > MaxTitle) {
        warn(tr("%1 has a very long title; it was shortened").arg(task.id));
        task.title.truncate(MaxTitle);
    }
    task.description = issue.value(QStringLiteral("body")).toString();
    if (task.description.size() > MaxDescription) {
        warn(tr("%1 has a very long description; it was shortened").arg(task.id));
        task.description.truncate(MaxDescription);
    }

    QStringList labels;
    for (const QJsonValue &label : issue.value(QStringLiteral("labels")).toArray())
        labels.append(label.isString() ? label.toString()
                                       : label.toObject().value(QStringLiteral("name")).toString());
    const auto hasLabel = [&labels](const QStringList &wanted) {
        for (const QString &label : labels) {
            if (wanted.contains(label, Qt::CaseInsensitive))
                return true;
        }
        return false;
    };

    const QString state = issue.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("closed"))
        task.status = TaskStatus::Done;
    else if (state == QLatin1String("open") || state.isEmpty())
        task.status =
            hasLabel(m_options.inProgressLabels) ? TaskStatus::InProgress : TaskStatus::Todo;
    else {
        warn(tr("%1 has an unknown state \"%2\"; treated as open").arg(task.id, state));
        task.status = TaskStatus::Todo;
    }
    task.isBlocking = hasLabel(m_options.blockingLabels);

    QStringList assignees;
    for (const QJsonValue &assignee : issue.value(QStringLiteral("assignees")).toArray())
        assignees.append(assignee.toObject().value(QStringLiteral("login")).toString());
    task.assignedToMe = !m_login.isEmpty() && assignees.contains(m_login, Qt::CaseInsensitive);
    task.assignee = task.assignedToMe ? m_login : assignees.value(0);

    const QDateTime due = QDateTime::fromString(issue.value(QStringLiteral("milestone"))
                                                    .toObject()
                                                    .value(QStringLiteral("due_on"))
                                                    .toString(),
                                                Qt::ISODate);
    // Not LocalDay: a milestone is due on a calendar day, which GitHub sends as that day's
    // midnight US Pacific time (07:00Z or 08:00Z), so its UTC date is the day GitHub shows;
    // the local day would be a day early west of UTC-7 (Hawaii).
    task.dueDate = due.isValid() ? due.toUTC().date() : QDate();
    task.url = issue.value(QStringLiteral("html_url")).toString();
    task.updatedAt =
        QDateTime::fromString(issue.value(QStringLiteral("updated_at")).toString(), Qt::ISODate);
    if (!task.updatedAt.isValid())
        warn(tr("%1 has no valid updated_at").arg(task.id));
    task.lastActivity = task.updatedAt;

    if (m_entities) {
        task.entity = m_entities->fromGitHubTitle(task.title);
        if (const std::optional<Entity> entity = m_entities->find(task.entity))
            task.isRevenue = entity->revenue;
    }
    return task;
}

} // namespace UpNext
