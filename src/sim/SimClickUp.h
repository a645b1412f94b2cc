#pragma once

#include "SimServer.h"
#include "SimWebhookSender.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

namespace UpNext::Sim {

struct SimClickUpStatus
{
    QString status;                        // a list's status name, e.g. "in progress"
    QString type = QStringLiteral("open"); // "open" | "custom" | "closed" | "done"
    QString color;                         // empty: ClickUp's default for the type
};

struct SimClickUpTask
{
    QString id; // empty: generated, e.g. "86c2x7k4q"
    QString name;
    QString description; // plain text, served as text_content and description
    QString status;      // empty: the list's first status
    QString listId;      // empty: the first list
    QList<qint64> assignees;
    QStringList tags;
    QDateTime dueDate;      // invalid: none
    int priority = 0;       // 1 urgent, 2 high, 3 normal, 4 low, 0 none
    QString parent;         // a subtask's parent task id
    qint64 creator = 0;     // user id; 0: the first user
    qint64 dateCreated = 0; // unix ms; 0: now
    qint64 dateUpdated = 0; // unix ms; 0: dateCreated
    qint64 dateClosed = 0;  // unix ms; 0: not closed (set when a closed/done status is given)
};

struct SimClickUpComment
{
    QString id;
    QString text;
    qint64 userId = 0;
    qint64 date = 0; // unix ms
};

struct SimClickUpWebhook
{
    QString id; // UUID
    qint64 userId = 0;
    QUrl endpoint;
    QStringList events;                        // "*" subscribes to everything
    QString secret;                            // 64 hex digits, signs deliveries
    QString status = QStringLiteral("active"); // "inactive": nothing is delivered
};

// ClickUp's API v2 as far as UpNext uses it: one workspace (team) with users,
// lists and their statuses, tasks, comments and webhooks; 100-task pages with
// last_page; personal (bare pk_) and OAuth (Bearer) tokens; the per-token
// rate limit with its X-RateLimit-* headers; ClickUp's {"err","ECODE"} errors;
// and signed webhook deliveries for every change, whether it came through the
// API or from a simulated teammate.
class SimClickUp final : public SimServer
{
    Q_OBJECT

public:
    explicit SimClickUp(QObject *parent = nullptr);

    // http://127.0.0.1:<port>/api/v2
    QUrl baseUrl() const override;

    // GET /task/{id}/comment answers with this many, newest first.
    static constexpr int CommentPageSize = 25;

    // "to do" (open), "in progress" (custom), "complete" (closed).
    static QList<SimClickUpStatus> defaultStatuses();

    QString teamId() const { return m_teamId; }
    void setTeamId(const QString &teamId) { m_teamId = teamId; }
    // The workspace's name, as GET /team gives it.
    void setTeamName(const QString &name) { m_teamName = name; }
    // token may be empty for teammates who never call the API.
    void addUser(qint64 id, const QString &username, const QString &email,
                 const QString &token = {});
    void addList(const QString &listId, const QString &name,
                 const QList<SimClickUpStatus> &statuses = defaultStatuses());
    QList<SimClickUpStatus> statuses(const QString &listId) const;

    // Adds a task as its creator would (webhooks fire). Returns its id.
    QString addTask(SimClickUpTask task);
    // Valid until the next addTask.
    SimClickUpTask *task(const QString &id);
    int taskCount() const { return int(m_tasks.size()); }
    const QList<SimClickUpTask> &tasks() const { return m_tasks; }
    QList<SimClickUpComment> comments(const QString &taskId) const;

    // Changes made by someone else: each bumps date_updated and sends webhooks.
    // They return false for an unknown task, status or user.
    bool setStatus(const QString &taskId, const QString &status, qint64 byUserId);
    bool setAssignees(const QString &taskId, const QList<qint64> &userIds, qint64 byUserId);
    QString addComment(const QString &taskId, const QString &text, qint64 byUserId);
    // Moves a task to another existing list (taskMoved): list{id} changes and date_updated
    // moves. The status keeps its name when the new list has it, else becomes the new list's
    // first status of the same type, else its first status.
    bool moveTask(const QString &taskId, const QString &listId, qint64 byUserId);
    // An edit without a visible change (taskUpdated); byUserId 0 means the creator.
    bool touch(const QString &taskId, qint64 byUserId = 0);
    // taskDueDateUpdated (field due_date, before/after unix ms strings or null); invalid: none.
    bool setDueDate(const QString &taskId, const QDateTime &dueDate, qint64 byUserId);
    // taskPriorityUpdated (field priority, before/after {id,priority,color,orderindex} or null);
    // 1 urgent … 4 low, 0 none.
    bool setPriority(const QString &taskId, int priority, qint64 byUserId);
    // taskTagUpdated: one history item a tag, field "tag" (after: [tag]) for one added and
    // "tag_removed" (before: [tag]) for one taken off. Tag names are lower case, as ClickUp's.
    bool setTags(const QString &taskId, const QStringList &tags, qint64 byUserId);

    // What POST /team/{id}/webhook does. Returns the webhook id.
    QString addWebhook(const QUrl &endpoint, const QStringList &events, qint64 userId);
    bool removeWebhook(const QString &id);
    QList<SimClickUpWebhook> hooks() const { return m_webhooks; }
    const SimWebhookSender &webhooks() const { return m_sender; }

    // Per token and window (ClickUp: 100 a minute on most plans).
    void setRateLimit(int limit, int windowSeconds);
    int rateLimitRemaining(const QString &token) const;

protected:
    std::optional<SimResponse> admit(const SimRequest &request) override;
    int finish(const SimRequest &request, SimResponse &response) override;
    SimResponse errorResponse(int status, const QString &message) const override;

private:
    struct User
    {
        qint64 id = 0;
        QString username;
        QString email;
    };

    struct List
    {
        QString id;
        QString name;
        QList<SimClickUpStatus> statuses;
    };

    struct Window
    {
        qint64 startMs = 0;
        int used = 0;
    };

    void addReadRoutes();
    void addWriteRoutes();
    void addWebhookRoutes();
    static std::optional<SimResponse> parseBody(const SimRequest &request, QJsonObject &body);

    QString token(const SimRequest &request) const;
    qint64 userId(const SimRequest &request) const;
    Window &window(const QString &token);
    const List *list(const QString &listId) const;
    int statusIndex(const QString &listId, const QString &status) const;
    QString statusType(const SimClickUpTask &task) const;
    QString newId(int length);
    void ensureUser(qint64 id);
    qint64 nextUpdate(const SimClickUpTask &task) const;

    SimResponse listTasks(const SimRequest &request, const QStringList &listIds) const;
    SimResponse updateTask(const SimRequest &request);
    SimResponse createTask(const SimRequest &request);
    SimResponse postComment(const SimRequest &request);
    SimResponse createWebhook(const SimRequest &request);
    SimResponse updateWebhook(const SimRequest &request);
    SimResponse changeTag(const SimRequest &request, bool add);
    QJsonObject tagJson(const SimClickUpTask &task, const QString &tag) const;

    bool changeStatus(SimClickUpTask &task, const QString &status, qint64 byUserId);
    SimClickUpComment postCommentAs(SimClickUpTask &task, const QString &text, qint64 byUserId,
                                    QString *historyId = nullptr);

    QJsonObject userJson(qint64 id) const;
    QJsonObject listJson(const List &list) const;
    QJsonObject commentJson(const SimClickUpComment &comment) const;
    QJsonObject statusJson(const QString &listId, int index) const;
    QJsonObject taskJson(const SimClickUpTask &task) const;
    QJsonObject webhookJson(const SimClickUpWebhook &webhook) const;
    QJsonObject historyItem(const SimClickUpTask &task, const QString &field, qint64 byUserId,
                            const QJsonValue &before, const QJsonValue &after,
                            const QJsonObject &data = {});
    void notify(const QString &event, const SimClickUpTask &task, const QJsonArray &historyItems);

    QString m_teamId = QStringLiteral("9015000001");
    QString m_teamName = QStringLiteral("Acme");
    QHash<qint64, User> m_users;
    qint64 m_firstUser = 0;
    QHash<QString, qint64> m_tokens; // token → user id
    QList<List> m_lists;
    QList<SimClickUpTask> m_tasks;
    QHash<QString, qsizetype> m_taskIndex; // task id → index in m_tasks
    QHash<QString, QList<SimClickUpComment>> m_comments;
    QList<SimClickUpWebhook> m_webhooks;
    qint64 m_nextCommentId = 90110000000001;
    qint64 m_nextHistoryId = 2800000000000000001;
    int m_rateLimit = 100;
    int m_rateWindowSeconds = 60;
    QHash<QString, Window> m_windows;
    QRandomGenerator m_random{20240601}; // ids and secrets, the same every run
    SimWebhookSender m_sender;
};

} // namespace UpNext::Sim
