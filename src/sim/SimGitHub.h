#pragma once

#include "SimServer.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace UpNext::Sim {

struct SimGitHubIssue
{
    QString repo; // "owner/name"
    int number = 0;
    QString title;
    QString body;
    QString state = QStringLiteral("open"); // "open" | "closed"
    QString stateReason;                    // "completed", "not_planned", "reopened" or empty
    QString author;
    QStringList assignees;
    QStringList labels;
    QDateTime milestoneDueOn; // invalid: no milestone
    bool pullRequest = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime closedAt;
    QString closedBy;
    int comments = 0;
};

// GitHub's REST API as far as UpNext uses it: users, repos, issues and pull
// requests, Link paging, ETag / If-None-Match (304s are free), the primary
// rate limit with its x-ratelimit-* headers and GitHub's error bodies.
// pathPrefix "/api/v3" gives the GitHub Enterprise layout.
class SimGitHub final : public SimServer
{
    Q_OBJECT

public:
    explicit SimGitHub(const QString &pathPrefix = {}, QObject *parent = nullptr);

    QUrl baseUrl() const override;

    void addUser(const QString &login, const QString &token);
    void addRepo(const QString &fullName);
    // Adds an issue; number 0 takes the repo's next number. Returns the number.
    int addIssue(SimGitHubIssue issue);
    SimGitHubIssue *issue(const QString &repo, int number);
    // A change by someone else: bumps updated_at.
    void touch(const QString &repo, int number);

    // Primary limit per token and its window (GitHub: 5,000 an hour).
    void setRateLimit(int limit, int windowSeconds);
    int rateLimitRemaining(const QString &token) const;

protected:
    std::optional<SimResponse> admit(const SimRequest &request) override;
    int finish(const SimRequest &request, SimResponse &response) override;
    SimResponse errorResponse(int status, const QString &message) const override;

private:
    struct Window
    {
        QDateTime start;
        int used = 0;
    };

    QString login(const SimRequest &request) const;
    QString token(const SimRequest &request) const;
    Window &window(const QString &token);
    QJsonObject issueJson(const SimGitHubIssue &issue, bool withRepository) const;
    SimResponse listIssues(const SimRequest &request,
                           const QList<const SimGitHubIssue *> &candidates) const;
    QDateTime now() const;

    QString m_pathPrefix;
    QHash<QString, QString> m_tokens; // token → login
    QHash<QString, qint64> m_userIds;
    QStringList m_repos;
    QList<SimGitHubIssue> m_issues;
    qint64 m_nextId = 1000;
    int m_rateLimit = 5000;
    int m_rateWindowSeconds = 3600;
    QHash<QString, Window> m_windows;
};

} // namespace UpNext::Sim
