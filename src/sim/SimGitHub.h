#pragma once

#include "SimServer.h"
#include "SimWebhookSender.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace UpNext::Sim {

struct SimGitHubIssue
{
    qint64 id = 0; // set by addIssue()
    QString repo;  // "owner/name"
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

struct SimGitHubComment
{
    qint64 id = 0;
    QString repo;
    int number = 0;
    QString body;
    QString author;
    QDateTime createdAt;
};

struct SimGitHubHook
{
    qint64 id = 0;
    QString repo;
    QUrl url;
    QString secret;
    QStringList events;
    bool active = true; // an inactive hook gets no deliveries
    QDateTime createdAt;
    QDateTime updatedAt;
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
    // The repo gets a new name; requests to the old one are redirected as GitHub does:
    // 301 for reads, 307 (same method and body again) for writes.
    void renameRepo(const QString &from, const QString &to);
    // Moves the issue to another repo as GitHub's transfer does: it takes the next number there,
    // its comments go with it, its old URL redirects to the new one (301 for reads, 307 for
    // writes) and the old repo's hooks get issues.transferred. Returns the new number, or 0.
    int transferIssue(const QString &repo, int number, const QString &toRepo, const QString &by);
    // Adds an issue; number 0 takes the repo's next number. Returns the number.
    int addIssue(SimGitHubIssue issue);
    // The mutable one counts as a change: listings are rendered anew after it.
    SimGitHubIssue *issue(const QString &repo, int number);
    const SimGitHubIssue *issue(const QString &repo, int number) const;
    // A change by someone else: bumps updated_at.
    void touch(const QString &repo, int number);

    // Changes made by `by` (a teammate, or the user through the API); each
    // bumps updated_at and sends the webhook deliveries GitHub would.
    int createIssue(SimGitHubIssue issue, const QString &by);
    void closeIssue(const QString &repo, int number, const QString &by,
                    const QString &reason = QStringLiteral("completed"));
    void reopenIssue(const QString &repo, int number, const QString &by);
    void setAssignees(const QString &repo, int number, const QStringList &assignees,
                      const QString &by);
    // Deleted issues answer 404 (GitHub: 410 Gone for some, 404 for most).
    void deleteIssue(const QString &repo, int number, const QString &by);
    qint64 addComment(const QString &repo, int number, const QString &body, const QString &by);
    QList<SimGitHubComment> comments(const QString &repo, int number) const;
    QList<SimGitHubHook> hooks() const { return m_hooks; }
    const SimWebhookSender &webhooks() const { return m_sender; }

    // Primary limit per token and its window (GitHub: 5,000 an hour).
    void setRateLimit(int limit, int windowSeconds);
    int rateLimitRemaining(const QString &token) const;
    // Secondary limit on content-creating requests (GitHub: about 80 a minute).
    void setWriteLimit(int limit, int windowSeconds);

    // Test hook: sees every answer before its ETag is set, e.g. to serve paging GitHub should
    // not (an empty page that still has a next link, a next link back to a page already read).
    using AnswerHook = std::function<void(const SimRequest &, SimResponse &)>;
    void setAnswerHook(AnswerHook hook) { m_answerHook = std::move(hook); }

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

    void addReadRoutes();
    void addWriteRoutes();
    void addHookRoutes();
    void issueEvent(const SimGitHubIssue &issue, const QString &action, const QString &sender,
                    QJsonObject extra = {});
    void deliver(const QString &repo, const QByteArray &event, QJsonObject payload,
                 const QString &sender);
    QJsonObject repositoryJson(const QString &repo) const;
    QJsonObject commentJson(const SimGitHubComment &comment) const;
    QJsonObject hookJson(const SimGitHubHook &hook) const;
    SimResponse validationFailed(const QString &field) const;
    QString login(const SimRequest &request) const;
    QString token(const SimRequest &request) const;
    Window &window(const QString &token);
    QJsonObject issueJson(const SimGitHubIssue &issue, bool withRepository) const;
    // A listing as rendered for this URL and user, until the data changes.
    SimResponse assignedIssues(const SimRequest &request) const;
    SimResponse repoIssues(const SimRequest &request) const;
    SimResponse cachedListing(const SimRequest &request,
                              const std::function<SimResponse()> &render);
    SimResponse listIssues(const SimRequest &request,
                           const QList<const SimGitHubIssue *> &candidates) const;
    // One page of count items (per_page, page) with GitHub's Link header; item(i) renders one.
    SimResponse paged(const SimRequest &request, qsizetype count,
                      const std::function<QJsonValue(qsizetype)> &item) const;
    QDateTime now() const;

    QString m_pathPrefix;
    QHash<QString, QString> m_tokens; // token → login
    QHash<QString, qint64> m_userIds;
    QStringList m_repos;
    QHash<QString, QString> m_renamed;     // old name → new name
    QHash<QString, QString> m_transferred; // "repo#number" → where the issue went, the same way
    QHash<QString, int> m_lastNumber;      // per repo: numbers are never used again
    AnswerHook m_answerHook;
    QList<SimGitHubIssue> m_issues;
    quint64 m_version = 0; // bumped by every change to an issue
    QHash<QString, std::pair<quint64, SimResponse>> m_listings;
    QList<SimGitHubComment> m_comments;
    QList<SimGitHubHook> m_hooks;
    SimWebhookSender m_sender;
    qint64 m_nextObjectId = 90000;
    int m_writeLimit = 80;
    int m_writeWindowSeconds = 60;
    QHash<QString, QList<QDateTime>> m_writes; // token → times of recent writes
    int m_rateLimit = 5000;
    int m_rateWindowSeconds = 3600;
    QHash<QString, Window> m_windows;
};

} // namespace UpNext::Sim
