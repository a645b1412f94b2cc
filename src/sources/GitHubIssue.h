#pragma once

#include "core/Task.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace UpNext {

class Entities;

struct GitHubReaderOptions
{
    QStringList repos; // "owner/name"; empty: every repo, through /issues
    bool includePullRequests = false;
    QStringList blockingLabels = {QStringLiteral("blocking"), QStringLiteral("blocker")};
    QStringList inProgressLabels = {QStringLiteral("in progress"), QStringLiteral("in-progress")};
};

// Turns an issue as GitHub sends it (a REST answer or a webhook's `issue`) into a task, the
// same way for the reader and the webhook receiver.
class GitHubIssue final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::GitHubIssue)

public:
    static constexpr qsizetype MaxTitle = 1024;
    static constexpr qsizetype MaxDescription = 256 * 1024;

    // login: the user's; an issue is theirs when they are among its assignees.
    GitHubIssue(const GitHubReaderOptions &options, const QString &login, const Entities *entities);

    // Nothing for a pull request (unless the options take them) or an issue without a repo
    // and number; what was defaulted or shortened goes to *warnings.
    std::optional<Task> toTask(const QJsonObject &issue, const QString &repoFallback,
                               QStringList *warnings) const;

    // The keys of an issue toTask reads, as a JsonPicker shape: what a webhook receiver needs
    // to take from a delivery.
    static QJsonObject keysRead();

    // "owner/name" of the repo an issue is in now: `repository.full_name` where the item has
    // it, else its repository_url (which follows renames and transfers), else fallback.
    static QString repoOf(const QJsonObject &issue, const QString &fallback);

private:
    const GitHubReaderOptions &m_options;
    QString m_login;
    const Entities *m_entities;
};

} // namespace UpNext
