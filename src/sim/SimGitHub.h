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
    QDateTime milestoneDueOn; // invalid: no milestone; the repo's milestone with this due date
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
    QDateTime updatedAt;
};

struct SimGitHubHook
{
    qint64 id = 0;
    QString repo;
    QUrl url;
    QString secret;
    QStringList events;
    QString contentType = QStringLiteral("form"); // GitHub's default; "json" or "form"
    QString insecureSsl = QStringLiteral("0");
    bool active = true;
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
    // issues.edited with changes{title,body:{from}} for what differs; nothing when nothing does.
    void editIssue(const QString &repo, int number, const QString &title, const QString &body,
                   const QString &by);
    // One issues.labeled / issues.unlabeled (with the label) for each label added or removed.
    void setLabels(const QString &repo, int number, const QStringList &labels, const QString &by);
    // The repo's milestone with this due date (made on first use); invalid: none. Sends
    // issues.demilestoned for the one it had, then issues.milestoned for the new one.
    void setMilestone(const QString &repo, int number, const QDateTime &dueOn, const QString &by);
    qint64 addComment(const QString &repo, int number, const QString &body, const QString &by);
    // issue_comment.edited (changes{body:{from}}) / issue_comment.deleted. False: no such comment.
    bool editComment(qint64 commentId, const QString &body, const QString &by);
    bool deleteComment(qint64 commentId, const QString &by);
    QList<SimGitHubComment> comments(const QString &repo, int number) const;
    const QList<SimGitHubIssue> &issues() const { return m_issues; }
    QList<SimGitHubHook> hooks() const { return m_hooks; }
    qint64 repoId(const QString &repo) const { return m_repoIds.value(repo); }
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

    struct Label
    {
        qint64 id = 0;
        QString name;
        QString color;
        QString description;
        bool isDefault = false;
    };

    struct Milestone
    {
        qint64 id = 0;
        int number = 0;
        QDateTime dueOn;
        QDateTime createdAt;
    };

    struct Counts // derived from the issues, rebuilt when they change
    {
        quint64 version = ~quint64(0);
        QHash<QString, int> openIssues;                 // repo → open issues and pull requests
        QHash<qint64, std::pair<int, int>> inMilestone; // milestone id → open, closed
    };

    void addReadRoutes();
    void addWriteRoutes();
    void addCommentRoutes();
    void addHookRoutes();
    SimResponse patchIssue(const SimRequest &request);
    SimResponse createHook(const SimRequest &request);
    SimResponse patchHook(const SimRequest &request);
    SimGitHubHook *findHook(const SimRequest &request);
    SimGitHubComment *findComment(const QString &repo, qint64 id);
    void issueEvent(const SimGitHubIssue &issue, const QString &action, const QString &sender,
                    QJsonObject extra = {});
    void commentEvent(const SimGitHubComment &comment, const QString &action, const QString &sender,
                      QJsonObject extra = {});
    void deliver(const QString &repo, const QByteArray &event, QJsonObject payload,
                 const QString &sender, qint64 onlyHook = 0);
    void sendTo(const SimGitHubHook &hook, const QByteArray &event, const QByteArray &json);
    // Accounts: users, and the organizations that own repos no user owns.
    bool isOrganization(const QString &login) const;
    qint64 accountId(const QString &login) const;
    QJsonObject userJson(const QString &login) const;
    QJsonObject organizationJson(const QString &login) const;
    QString authorAssociation(const QString &login, const QString &repo) const;
    QJsonObject reactionsJson(const QString &url) const;
    QJsonObject repositoryJson(const QString &repo) const;
    Label label(const QString &repo, const QString &name) const;
    QJsonObject labelJson(const QString &repo, const Label &label) const;
    Milestone milestone(const QString &repo, const QDateTime &dueOn) const;
    QJsonObject milestoneJson(const QString &repo, const Milestone &milestone) const;
    const Counts &counts() const;
    QJsonObject commentJson(const SimGitHubComment &comment) const;
    QJsonObject hookJson(const SimGitHubHook &hook) const;
    QJsonObject privateUserJson(const QString &login) const;
    SimResponse validationFailed(const QString &field,
                                 const QString &resource = QStringLiteral("Issue")) const;
    QString login(const SimRequest &request) const;
    QString token(const SimRequest &request) const;
    Window &window(const QString &token);
    // x-ratelimit-* for a request counted in window.
    void setRateHeaders(SimResponse &response, const Window &window) const;
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
    QHash<QString, qint64> m_repoIds; // follows a rename
    QHash<QString, qint64> m_orgIds;  // owners of repos that are not users
    // Labels and milestones get their ids when first seen, keyed by repo id; mutable as
    // tests may give an issue a label or due date directly.
    mutable QHash<qint64, QList<Label>> m_labels;
    mutable QHash<qint64, QList<Milestone>> m_milestones;
    mutable Counts m_counts;
    mutable QHash<QString, QJsonObject> m_accounts; // rendered users and organizations
    QHash<QString, QString> m_renamed;              // old name → new name
    QHash<QString, QString> m_transferred; // "repo#number" → where the issue went, the same way
    QHash<QString, int> m_lastNumber;      // per repo: numbers are never used again
    AnswerHook m_answerHook;
    QList<SimGitHubIssue> m_issues;
    quint64 m_version = 0; // bumped by every change to an issue
    QHash<QString, std::pair<quint64, SimResponse>> m_listings;
    QList<SimGitHubComment> m_comments;
    QList<SimGitHubHook> m_hooks;
    SimWebhookSender m_sender;
    mutable qint64 m_nextObjectId = 90000;
    int m_writeLimit = 80;
    int m_writeWindowSeconds = 60;
    QHash<QString, QList<QDateTime>> m_writes; // token → times of recent writes
    int m_rateLimit = 5000;
    int m_rateWindowSeconds = 3600;
    QHash<QString, Window> m_windows;
};

} // namespace UpNext::Sim
