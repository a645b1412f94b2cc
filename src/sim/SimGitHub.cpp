#include "SimGitHub.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace UpNext::Sim {

namespace {

const QString DocsUrl = QStringLiteral("https://docs.github.com/rest");

QJsonValue time(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject userJson(const QString &login, qint64 id)
{
    return {{QStringLiteral("login"), login},
            {QStringLiteral("id"), id},
            {QStringLiteral("type"), QStringLiteral("User")}};
}

// "owner/name" from a /repos/{owner}/{repo}/… route.
QString repoOf(const SimRequest &request)
{
    return request.captures.at(0) + QLatin1Char('/') + request.captures.at(1);
}

QJsonObject jsonBody(const SimRequest &request, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    *ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}

} // namespace

SimGitHub::SimGitHub(const QString &pathPrefix, QObject *parent)
    : SimServer(parent)
    , m_pathPrefix(pathPrefix)
{
    addReadRoutes();
    addWriteRoutes();
    addHookRoutes();
}

void SimGitHub::addReadRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Get, QStringLiteral("/user"), [this](const SimRequest &request) {
        const QString user = login(request);
        QJsonObject json = userJson(user, m_userIds.value(user));
        json.insert(QStringLiteral("name"), user);
        return SimResponse::json(200, json);
    });

    addRoute(Method::Get, QStringLiteral("/issues"), [this](const SimRequest &request) {
        return cachedListing(request, [this, &request] { return assignedIssues(request); });
    });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/issues"),
             [this](const SimRequest &request) {
                 return cachedListing(request, [this, &request] { return repoIssues(request); });
             });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/issues/{number}"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const SimGitHubIssue *found =
                     std::as_const(*this).issue(repo, request.captures.at(2).toInt());
                 if (!found)
                     return errorResponse(404, QStringLiteral("Not Found"));
                 QJsonObject json = issueJson(*found, false);
                 json.insert(
                     QStringLiteral("closed_by"),
                     found->closedBy.isEmpty()
                         ? QJsonValue()
                         : QJsonValue(userJson(found->closedBy, m_userIds.value(found->closedBy))));
                 return SimResponse::json(200, json);
             });
}

void SimGitHub::addWriteRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Patch, QStringLiteral("/repos/{owner}/{repo}/issues/{number}"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const int number = request.captures.at(2).toInt();
                 SimGitHubIssue *found = issue(repo, number);
                 if (!found)
                     return errorResponse(404, QStringLiteral("Not Found"));
                 bool ok = false;
                 const QJsonObject body = jsonBody(request, &ok);
                 if (!ok)
                     return errorResponse(400, QStringLiteral("Problems parsing JSON"));
                 const QString user = login(request);
                 const QString state = body.value(QStringLiteral("state")).toString(found->state);
                 if (state != QLatin1String("open") && state != QLatin1String("closed"))
                     return validationFailed(QStringLiteral("state"));
                 if (body.contains(QStringLiteral("title"))) {
                     if (body.value(QStringLiteral("title")).toString().trimmed().isEmpty())
                         return validationFailed(QStringLiteral("title"));
                     found->title = body.value(QStringLiteral("title")).toString();
                     found->updatedAt = now();
                     issueEvent(*found, QStringLiteral("edited"), user);
                 }
                 if (body.contains(QStringLiteral("assignees"))) {
                     QStringList assignees;
                     for (const QJsonValue &value :
                          body.value(QStringLiteral("assignees")).toArray())
                         assignees.append(value.toString());
                     setAssignees(repo, number, assignees, user);
                 }
                 if (state == QLatin1String("closed") && found->state != state)
                     closeIssue(repo, number, user,
                                body.value(QStringLiteral("state_reason"))
                                    .toString(QStringLiteral("completed")));
                 else if (state == QLatin1String("open") && found->state != state)
                     reopenIssue(repo, number, user);
                 return SimResponse::json(200, issueJson(*issue(repo, number), false));
             });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/issues/{number}/comments"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const int number = request.captures.at(2).toInt();
                 if (!std::as_const(*this).issue(repo, number))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 const QDateTime since = QDateTime::fromString(
                     request.queryValue(QStringLiteral("since")), Qt::ISODate);
                 QList<SimGitHubComment> matching;
                 for (const SimGitHubComment &comment : comments(repo, number)) {
                     if (!since.isValid() || comment.createdAt >= since)
                         matching.append(comment);
                 }
                 return paged(request, matching.size(),
                              [&](qsizetype i) { return commentJson(matching.at(i)); });
             });

    addRoute(Method::Post, QStringLiteral("/repos/{owner}/{repo}/issues/{number}/comments"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const int number = request.captures.at(2).toInt();
                 if (!std::as_const(*this).issue(repo, number))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 bool ok = false;
                 const QJsonObject body = jsonBody(request, &ok);
                 if (!ok)
                     return errorResponse(400, QStringLiteral("Problems parsing JSON"));
                 const QString text = body.value(QStringLiteral("body")).toString();
                 if (text.trimmed().isEmpty())
                     return validationFailed(QStringLiteral("body"));
                 const qint64 id = addComment(repo, number, text, login(request));
                 for (const SimGitHubComment &comment : std::as_const(m_comments)) {
                     if (comment.id == id)
                         return SimResponse::json(201, commentJson(comment));
                 }
                 return errorResponse(500, QStringLiteral("Server Error"));
             });

    addRoute(Method::Post, QStringLiteral("/repos/{owner}/{repo}/issues"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 if (!m_repos.contains(repo))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 bool ok = false;
                 const QJsonObject body = jsonBody(request, &ok);
                 if (!ok)
                     return errorResponse(400, QStringLiteral("Problems parsing JSON"));
                 SimGitHubIssue created;
                 created.repo = repo;
                 created.title = body.value(QStringLiteral("title")).toString();
                 if (created.title.trimmed().isEmpty())
                     return validationFailed(QStringLiteral("title"));
                 if (created.title.size() > 256)
                     return validationFailed(QStringLiteral("title"));
                 created.body = body.value(QStringLiteral("body")).toString();
                 for (const QJsonValue &value : body.value(QStringLiteral("assignees")).toArray())
                     created.assignees.append(value.toString());
                 for (const QJsonValue &value : body.value(QStringLiteral("labels")).toArray())
                     created.labels.append(value.toString());
                 const QString user = login(request);
                 created.author = user;
                 const int number = createIssue(created, user);
                 return SimResponse::json(201, issueJson(*issue(repo, number), false));
             });
}

void SimGitHub::addHookRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(
        Method::Post, QStringLiteral("/repos/{owner}/{repo}/hooks"),
        [this](const SimRequest &request) {
            const QString repo = repoOf(request);
            if (!m_repos.contains(repo))
                return errorResponse(404, QStringLiteral("Not Found"));
            bool ok = false;
            const QJsonObject body = jsonBody(request, &ok);
            if (!ok)
                return errorResponse(400, QStringLiteral("Problems parsing JSON"));
            const QJsonObject config = body.value(QStringLiteral("config")).toObject();
            SimGitHubHook hook;
            hook.id = ++m_nextObjectId;
            hook.repo = repo;
            hook.url = QUrl(config.value(QStringLiteral("url")).toString());
            hook.secret = config.value(QStringLiteral("secret")).toString();
            hook.active = body.value(QStringLiteral("active")).toBool(true);
            hook.createdAt = hook.updatedAt = now();
            for (const QJsonValue &value :
                 body.value(QStringLiteral("events")).toArray(QJsonArray{QStringLiteral("push")}))
                hook.events.append(value.toString());
            if (!hook.url.isValid() || hook.url.scheme().isEmpty())
                return validationFailed(QStringLiteral("url"));
            m_hooks.append(hook);
            // GitHub pings a new hook at once.
            deliver(repo, "ping",
                    {{QStringLiteral("zen"), QStringLiteral("Keep it logically awesome.")},
                     {QStringLiteral("hook_id"), hook.id},
                     {QStringLiteral("hook"), hookJson(hook)}},
                    login(request));
            return SimResponse::json(201, hookJson(hook));
        });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/hooks"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 if (!m_repos.contains(repo))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 QList<const SimGitHubHook *> hooks;
                 for (const SimGitHubHook &hook : std::as_const(m_hooks)) {
                     if (hook.repo == repo)
                         hooks.append(&hook);
                 }
                 return paged(request, hooks.size(),
                              [&](qsizetype i) { return hookJson(*hooks.at(i)); });
             });

    addRoute(Method::Patch, QStringLiteral("/repos/{owner}/{repo}/hooks/{id}"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const qint64 id = request.captures.at(2).toLongLong();
                 const auto found =
                     std::find_if(m_hooks.begin(), m_hooks.end(), [&](const SimGitHubHook &hook) {
                         return hook.repo == repo && hook.id == id;
                     });
                 if (found == m_hooks.end())
                     return errorResponse(404, QStringLiteral("Not Found"));
                 bool ok = false;
                 const QJsonObject body = jsonBody(request, &ok);
                 if (!ok)
                     return errorResponse(400, QStringLiteral("Problems parsing JSON"));
                 // What the body leaves out stays as it was.
                 SimGitHubHook hook = *found;
                 const QJsonObject config = body.value(QStringLiteral("config")).toObject();
                 if (config.contains(QStringLiteral("url")))
                     hook.url = QUrl(config.value(QStringLiteral("url")).toString());
                 if (config.contains(QStringLiteral("secret")))
                     hook.secret = config.value(QStringLiteral("secret")).toString();
                 auto names = [&body](const QString &key) {
                     QStringList list;
                     for (const QJsonValue &value : body.value(key).toArray())
                         list.append(value.toString());
                     return list;
                 };
                 if (body.contains(QStringLiteral("events")))
                     hook.events = names(QStringLiteral("events"));
                 for (const QString &event : names(QStringLiteral("add_events"))) {
                     if (!hook.events.contains(event))
                         hook.events.append(event);
                 }
                 for (const QString &event : names(QStringLiteral("remove_events")))
                     hook.events.removeAll(event);
                 hook.active = body.value(QStringLiteral("active")).toBool(hook.active);
                 if (!hook.url.isValid() || hook.url.scheme().isEmpty())
                     return validationFailed(QStringLiteral("url"));
                 hook.updatedAt = now();
                 *found = hook;
                 return SimResponse::json(200, hookJson(hook));
             });

    addRoute(Method::Delete, QStringLiteral("/repos/{owner}/{repo}/hooks/{id}"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const qint64 id = request.captures.at(2).toLongLong();
                 const auto removed =
                     std::remove_if(m_hooks.begin(), m_hooks.end(), [&](const SimGitHubHook &hook) {
                         return hook.repo == repo && hook.id == id;
                     });
                 if (removed == m_hooks.end())
                     return errorResponse(404, QStringLiteral("Not Found"));
                 m_hooks.erase(removed, m_hooks.end());
                 SimResponse response;
                 response.status = 204;
                 return response;
             });
}

int SimGitHub::createIssue(SimGitHubIssue issue, const QString &by)
{
    const int number = addIssue(issue);
    const SimGitHubIssue &created = *this->issue(issue.repo, number);
    issueEvent(created, QStringLiteral("opened"), by);
    for (const QString &assignee : created.assignees)
        issueEvent(created, QStringLiteral("assigned"), by,
                   {{QStringLiteral("assignee"), userJson(assignee, m_userIds.value(assignee))}});
    return number;
}

void SimGitHub::closeIssue(const QString &repo, int number, const QString &by,
                           const QString &reason)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found || found->state == QLatin1String("closed"))
        return;
    found->state = QStringLiteral("closed");
    found->stateReason = reason;
    found->closedAt = now();
    found->closedBy = by;
    touch(repo, number);
    issueEvent(*found, QStringLiteral("closed"), by);
}

void SimGitHub::reopenIssue(const QString &repo, int number, const QString &by)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found || found->state == QLatin1String("open"))
        return;
    found->state = QStringLiteral("open");
    found->stateReason = QStringLiteral("reopened");
    found->closedAt = {};
    found->closedBy.clear();
    touch(repo, number);
    issueEvent(*found, QStringLiteral("reopened"), by);
}

void SimGitHub::setAssignees(const QString &repo, int number, const QStringList &assignees,
                             const QString &by)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found)
        return;
    const QStringList before = found->assignees;
    found->assignees = assignees;
    for (const QString &login : assignees)
        addUser(login, {});
    touch(repo, number);
    for (const QString &login : before) {
        if (!assignees.contains(login))
            issueEvent(*found, QStringLiteral("unassigned"), by,
                       {{QStringLiteral("assignee"), userJson(login, m_userIds.value(login))}});
    }
    for (const QString &login : assignees) {
        if (!before.contains(login))
            issueEvent(*found, QStringLiteral("assigned"), by,
                       {{QStringLiteral("assignee"), userJson(login, m_userIds.value(login))}});
    }
}

void SimGitHub::deleteIssue(const QString &repo, int number, const QString &by)
{
    for (qsizetype i = 0; i < m_issues.size(); ++i) {
        if (m_issues.at(i).repo == repo && m_issues.at(i).number == number) {
            const SimGitHubIssue deleted = m_issues.takeAt(i);
            ++m_version;
            issueEvent(deleted, QStringLiteral("deleted"), by);
            return;
        }
    }
}

qint64 SimGitHub::addComment(const QString &repo, int number, const QString &body,
                             const QString &by)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found)
        return 0;
    addUser(by, {});
    const SimGitHubComment comment{++m_nextObjectId, repo, number, body, by, now()};
    m_comments.append(comment);
    ++found->comments;
    touch(repo, number);
    deliver(repo, "issue_comment",
            {{QStringLiteral("action"), QStringLiteral("created")},
             {QStringLiteral("issue"), issueJson(*found, false)},
             {QStringLiteral("comment"), commentJson(comment)}},
            by);
    return comment.id;
}

QList<SimGitHubComment> SimGitHub::comments(const QString &repo, int number) const
{
    QList<SimGitHubComment> result;
    for (const SimGitHubComment &comment : m_comments) {
        if (comment.repo == repo && comment.number == number)
            result.append(comment);
    }
    return result;
}

void SimGitHub::setWriteLimit(int limit, int windowSeconds)
{
    m_writeLimit = limit;
    m_writeWindowSeconds = windowSeconds;
    m_writes.clear();
}

void SimGitHub::issueEvent(const SimGitHubIssue &issue, const QString &action,
                           const QString &sender, QJsonObject extra)
{
    extra.insert(QStringLiteral("action"), action);
    extra.insert(QStringLiteral("issue"), issueJson(issue, false));
    deliver(issue.repo, "issues", extra, sender);
}

void SimGitHub::deliver(const QString &repo, const QByteArray &event, QJsonObject payload,
                        const QString &sender)
{
    payload.insert(QStringLiteral("repository"), repositoryJson(repo));
    payload.insert(QStringLiteral("sender"), userJson(sender, m_userIds.value(sender)));
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    for (const SimGitHubHook &hook : std::as_const(m_hooks)) {
        const bool wanted = event == "ping"
                                ? payload.value(QStringLiteral("hook_id")).toInteger() == hook.id
                                : hook.events.contains(QString::fromLatin1(event)) ||
                                      hook.events.contains(QStringLiteral("*"));
        if (hook.repo != repo || !wanted || !hook.active)
            continue;
        QList<std::pair<QByteArray, QByteArray>> headers = {
            {"Content-Type", "application/json"},
            {"User-Agent", "GitHub-Hookshot/sim"},
            {"X-GitHub-Event", event},
            {"X-GitHub-Delivery", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)},
            {"X-GitHub-Hook-ID", QByteArray::number(hook.id)},
            {"X-GitHub-Hook-Installation-Target-Type", "repository"},
        };
        if (!hook.secret.isEmpty())
            headers.append({"X-Hub-Signature-256",
                            "sha256=" + SimWebhookSender::signature(hook.secret.toUtf8(), body)});
        m_sender.deliver(hook.url, headers, body);
    }
}

QJsonObject SimGitHub::repositoryJson(const QString &repo) const
{
    const QString owner = repo.section(QLatin1Char('/'), 0, 0);
    return {{QStringLiteral("full_name"), repo},
            {QStringLiteral("name"), repo.section(QLatin1Char('/'), 1)},
            {QStringLiteral("private"), false},
            {QStringLiteral("html_url"), SimServer::baseUrl().toString() + QLatin1Char('/') + repo},
            {QStringLiteral("owner"), QJsonObject{{QStringLiteral("login"), owner}}}};
}

QJsonObject SimGitHub::commentJson(const SimGitHubComment &comment) const
{
    const QString apiRepo = baseUrl().toString() + QStringLiteral("/repos/") + comment.repo;
    return {{QStringLiteral("id"), comment.id},
            {QStringLiteral("body"), comment.body},
            {QStringLiteral("user"), userJson(comment.author, m_userIds.value(comment.author))},
            {QStringLiteral("created_at"), time(comment.createdAt)},
            {QStringLiteral("updated_at"), time(comment.createdAt)},
            {QStringLiteral("issue_url"),
             QStringLiteral("%1/issues/%2").arg(apiRepo).arg(comment.number)},
            {QStringLiteral("html_url"), QStringLiteral("%1/%2/issues/%3#issuecomment-%4")
                                             .arg(SimServer::baseUrl().toString(), comment.repo)
                                             .arg(comment.number)
                                             .arg(comment.id)}};
}

QJsonObject SimGitHub::hookJson(const SimGitHubHook &hook) const
{
    const QString url =
        QStringLiteral("%1/repos/%2/hooks/%3").arg(baseUrl().toString(), hook.repo).arg(hook.id);
    QJsonObject config{{QStringLiteral("url"), hook.url.toString()},
                       {QStringLiteral("content_type"), QStringLiteral("json")},
                       {QStringLiteral("insecure_ssl"), QStringLiteral("0")}};
    if (!hook.secret.isEmpty())
        config.insert(QStringLiteral("secret"), QStringLiteral("********"));
    return {{QStringLiteral("id"), hook.id},
            {QStringLiteral("type"), QStringLiteral("Repository")},
            {QStringLiteral("name"), QStringLiteral("web")},
            {QStringLiteral("active"), hook.active},
            {QStringLiteral("events"), QJsonArray::fromStringList(hook.events)},
            {QStringLiteral("config"), config},
            {QStringLiteral("url"), url},
            {QStringLiteral("test_url"), url + QStringLiteral("/test")},
            {QStringLiteral("ping_url"), url + QStringLiteral("/pings")},
            {QStringLiteral("deliveries_url"), url + QStringLiteral("/deliveries")},
            {QStringLiteral("created_at"), time(hook.createdAt)},
            {QStringLiteral("updated_at"), time(hook.updatedAt)},
            // The sim does not record how deliveries went: as GitHub shows a hook never used.
            {QStringLiteral("last_response"),
             QJsonObject{{QStringLiteral("code"), QJsonValue()},
                         {QStringLiteral("status"), QStringLiteral("unused")},
                         {QStringLiteral("message"), QJsonValue()}}}};
}

SimResponse SimGitHub::validationFailed(const QString &field) const
{
    SimResponse response = errorResponse(422, QStringLiteral("Validation Failed"));
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    body.insert(QStringLiteral("errors"),
                QJsonArray{QJsonObject{{QStringLiteral("resource"), QStringLiteral("Issue")},
                                       {QStringLiteral("code"), QStringLiteral("invalid")},
                                       {QStringLiteral("field"), field}}});
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

QUrl SimGitHub::baseUrl() const
{
    QUrl url = SimServer::baseUrl();
    url.setPath(m_pathPrefix);
    return url;
}

QDateTime SimGitHub::now() const
{
    // GitHub's timestamps have whole seconds.
    const QDateTime current = QDateTime::currentDateTimeUtc();
    return current.addMSecs(-current.time().msec());
}

void SimGitHub::addUser(const QString &login, const QString &token)
{
    if (!token.isEmpty())
        m_tokens.insert(token, login);
    if (!m_userIds.contains(login))
        m_userIds.insert(login, 500 + m_userIds.size());
}

void SimGitHub::addRepo(const QString &fullName)
{
    if (!m_repos.contains(fullName))
        m_repos.append(fullName);
}

void SimGitHub::renameRepo(const QString &from, const QString &to)
{
    m_repos.replace(m_repos.indexOf(from), to);
    for (SimGitHubIssue &issue : m_issues) {
        if (issue.repo == from)
            issue.repo = to;
    }
    for (SimGitHubComment &comment : m_comments) {
        if (comment.repo == from)
            comment.repo = to;
    }
    m_renamed.insert(from, to);
    m_lastNumber.insert(to, m_lastNumber.take(from));
    ++m_version;
}

int SimGitHub::transferIssue(const QString &repo, int number, const QString &toRepo,
                             const QString &by)
{
    const SimGitHubIssue *found = std::as_const(*this).issue(repo, number);
    if (!found || repo == toRepo)
        return 0;
    const SimGitHubIssue before = *found;
    for (qsizetype i = 0; i < m_issues.size(); ++i) {
        if (m_issues.at(i).repo == repo && m_issues.at(i).number == number) {
            m_issues.removeAt(i);
            break;
        }
    }
    SimGitHubIssue moved = before;
    moved.repo = toRepo;
    moved.number = 0; // the next one there
    moved.updatedAt = std::max(now(), before.updatedAt.addSecs(1));
    const qint64 id = before.id;
    const int newNumber = addIssue(moved);
    SimGitHubIssue *after = issue(toRepo, newNumber);
    after->id = id; // the same issue, somewhere else
    for (SimGitHubComment &comment : m_comments) {
        if (comment.repo == repo && comment.number == number) {
            comment.repo = toRepo;
            comment.number = newNumber;
        }
    }
    m_transferred.insert(repo + QLatin1Char('#') + QString::number(number),
                         toRepo + QLatin1Char('#') + QString::number(newNumber));
    issueEvent(before, QStringLiteral("transferred"), by,
               {{QStringLiteral("changes"),
                 QJsonObject{{QStringLiteral("new_issue"), issueJson(*after, false)},
                             {QStringLiteral("new_repository"), repositoryJson(toRepo)}}}});
    return newNumber;
}

int SimGitHub::addIssue(SimGitHubIssue issue)
{
    addRepo(issue.repo);
    if (issue.number == 0) {
        int last = m_lastNumber.value(issue.repo);
        for (const SimGitHubIssue &existing : std::as_const(m_issues)) {
            if (existing.repo == issue.repo)
                last = std::max(last, existing.number);
        }
        issue.number = last + 1;
    }
    m_lastNumber.insert(issue.repo, std::max(m_lastNumber.value(issue.repo), issue.number));
    issue.id = ++m_nextObjectId;
    if (!issue.createdAt.isValid())
        issue.createdAt = now();
    if (!issue.updatedAt.isValid())
        issue.updatedAt = issue.createdAt;
    if (issue.author.isEmpty())
        issue.author = QStringLiteral("octocat");
    for (const QString &user : issue.assignees + QStringList{issue.author})
        addUser(user, {});
    m_issues.append(issue);
    ++m_version;
    return issue.number;
}

const SimGitHubIssue *SimGitHub::issue(const QString &repo, int number) const
{
    for (const SimGitHubIssue &issue : m_issues) {
        if (issue.repo == repo && issue.number == number)
            return &issue;
    }
    return nullptr;
}

SimGitHubIssue *SimGitHub::issue(const QString &repo, int number)
{
    ++m_version;
    return const_cast<SimGitHubIssue *>(std::as_const(*this).issue(repo, number));
}

SimResponse SimGitHub::assignedIssues(const SimRequest &request) const
{
    const QString user = login(request);
    const QString filter = request.queryValue(QStringLiteral("filter"), QStringLiteral("assigned"));
    QList<const SimGitHubIssue *> candidates;
    for (const SimGitHubIssue &issue : std::as_const(m_issues)) {
        const bool mine =
            filter == QLatin1String("all") ||
            (filter == QLatin1String("created") && issue.author == user) ||
            ((filter == QLatin1String("assigned") || filter == QLatin1String("subscribed")) &&
             issue.assignees.contains(user));
        if (mine)
            candidates.append(&issue);
    }
    return listIssues(request, candidates);
}

SimResponse SimGitHub::repoIssues(const SimRequest &request) const
{
    const QString repo = repoOf(request);
    if (!m_repos.contains(repo))
        return errorResponse(404, QStringLiteral("Not Found"));
    const QString assignee = request.queryValue(QStringLiteral("assignee"));
    const QString creator = request.queryValue(QStringLiteral("creator"));
    QList<const SimGitHubIssue *> candidates;
    for (const SimGitHubIssue &issue : std::as_const(m_issues)) {
        if (issue.repo != repo ||
            (!creator.isEmpty() && issue.author.compare(creator, Qt::CaseInsensitive) != 0))
            continue;
        if (assignee == QLatin1String("none") ? !issue.assignees.isEmpty()
            : assignee == QLatin1String("*")  ? issue.assignees.isEmpty()
            : !assignee.isEmpty()             ? !issue.assignees.contains(assignee)
                                              : false)
            continue;
        candidates.append(&issue);
    }
    return listIssues(request, candidates);
}

SimResponse SimGitHub::cachedListing(const SimRequest &request,
                                     const std::function<SimResponse()> &render)
{
    const QString key = login(request) + QLatin1Char(' ') + request.url.toString();
    const auto it = m_listings.constFind(key);
    if (it != m_listings.cend() && it->first == m_version)
        return it->second;
    const SimResponse response = render();
    m_listings.insert(key, {m_version, response});
    return response;
}

void SimGitHub::touch(const QString &repo, int number)
{
    if (SimGitHubIssue *found = issue(repo, number))
        found->updatedAt = std::max(now(), found->updatedAt.addSecs(1));
}

void SimGitHub::setRateLimit(int limit, int windowSeconds)
{
    m_rateLimit = limit;
    m_rateWindowSeconds = windowSeconds;
    m_windows.clear();
}

int SimGitHub::rateLimitRemaining(const QString &token) const
{
    const auto it = m_windows.constFind(token);
    const bool current = it != m_windows.cend() &&
                         it->start.secsTo(QDateTime::currentDateTimeUtc()) < m_rateWindowSeconds;
    return m_rateLimit - (current ? it->used : 0);
}

QString SimGitHub::token(const SimRequest &request) const
{
    const QByteArray authorization = request.header("Authorization");
    for (const QByteArray &scheme : {QByteArrayLiteral("Bearer "), QByteArrayLiteral("token ")}) {
        if (authorization.startsWith(scheme))
            return QString::fromUtf8(authorization.mid(scheme.size()).trimmed());
    }
    return {};
}

QString SimGitHub::login(const SimRequest &request) const
{
    return m_tokens.value(token(request));
}

SimGitHub::Window &SimGitHub::window(const QString &token)
{
    Window &window = m_windows[token];
    const QDateTime current = QDateTime::currentDateTimeUtc();
    if (!window.start.isValid() || window.start.secsTo(current) >= m_rateWindowSeconds)
        window = {current, 0};
    return window;
}

SimResponse SimGitHub::errorResponse(int status, const QString &message) const
{
    return SimResponse::json(status,
                             QJsonObject{{QStringLiteral("message"), message},
                                         {QStringLiteral("documentation_url"), DocsUrl},
                                         {QStringLiteral("status"), QString::number(status)}});
}

std::optional<SimResponse> SimGitHub::admit(const SimRequest &request)
{
    if (login(request).isEmpty())
        return errorResponse(401, QStringLiteral("Bad credentials"));
    // A transferred issue, then a renamed repo: GitHub redirects to where it is now.
    QString from;
    QString to;
    if (request.endpoint.contains(QLatin1String("/repos/{owner}/{repo}/issues/{number}"))) {
        QString key = repoOf(request) + QLatin1Char('#') + request.captures.at(2);
        if (m_transferred.contains(key)) {
            from =
                QStringLiteral("/repos/%1/issues/%2").arg(repoOf(request), request.captures.at(2));
            while (m_transferred.contains(key))
                key = m_transferred.value(key);
            to = QStringLiteral("/repos/%1/issues/%2")
                     .arg(key.section(QLatin1Char('#'), 0, 0), key.section(QLatin1Char('#'), 1));
        }
    }
    if (from.isEmpty() && request.endpoint.contains(QLatin1String("/repos/{owner}/{repo}")) &&
        m_renamed.contains(repoOf(request))) {
        from = QStringLiteral("/repos/") + repoOf(request);
        to = QStringLiteral("/repos/") + m_renamed.value(repoOf(request));
    }
    if (!from.isEmpty()) {
        const bool read = request.method == QHttpServerRequest::Method::Get;
        QUrl moved = baseUrl();
        moved.setPath(moved.path() + to +
                      request.url.path().mid(request.url.path().indexOf(from) + from.size()));
        moved.setQuery(request.url.query());
        SimResponse redirect =
            errorResponse(read ? 301 : 307, read ? QStringLiteral("Moved Permanently")
                                                 : QStringLiteral("Temporary Redirect"));
        redirect.setHeader("location", moved.toEncoded());
        return redirect;
    }
    if (window(token(request)).used >= m_rateLimit) {
        const QString login = this->login(request);
        return errorResponse(
            403, QStringLiteral(
                     "API rate limit exceeded for user ID %1. If you reach out to GitHub Support "
                     "for help, please include the request ID.")
                     .arg(m_userIds.value(login)));
    }
    if (request.method == QHttpServerRequest::Method::Post ||
        request.method == QHttpServerRequest::Method::Patch) {
        QList<QDateTime> &writes = m_writes[token(request)];
        const QDateTime current = QDateTime::currentDateTimeUtc();
        while (!writes.isEmpty() && writes.first().secsTo(current) >= m_writeWindowSeconds)
            writes.removeFirst();
        if (writes.size() >= m_writeLimit) {
            SimResponse limited = errorResponse(
                403, QStringLiteral("You have exceeded a secondary rate limit. Please wait a few "
                                    "minutes before you try again."));
            const qint64 wait =
                std::max<qint64>(1, m_writeWindowSeconds - writes.first().secsTo(current));
            limited.setHeader("retry-after", QByteArray::number(wait));
            return limited;
        }
        writes.append(current);
    }
    return std::nullopt;
}

int SimGitHub::finish(const SimRequest &request, SimResponse &response)
{
    const QString token = this->token(request);
    if (!m_tokens.contains(token))
        return 0;

    if (m_answerHook)
        m_answerHook(request, response);
    if (request.method == QHttpServerRequest::Method::Get && response.status == 200) {
        const QByteArray etag =
            "W/\"" +
            QCryptographicHash::hash(response.body, QCryptographicHash::Sha256).toHex().left(40) +
            '"';
        response.setHeader("ETag", etag);
        const QByteArray ifNoneMatch = request.header("If-None-Match");
        if (!ifNoneMatch.isEmpty() && (ifNoneMatch == etag || ifNoneMatch == etag.mid(2))) {
            response.status = 304;
            response.body.clear();
            response.setHeader("Content-Type", {});
        }
    }

    Window &window = this->window(token);
    // Conditional requests answered with 304 do not count; refused ones already did.
    const bool counts =
        response.status != 304 && !(response.status == 403 && window.used >= m_rateLimit);
    if (counts)
        ++window.used;
    const qint64 reset = window.start.toSecsSinceEpoch() + m_rateWindowSeconds;
    response.setHeader("x-ratelimit-limit", QByteArray::number(m_rateLimit));
    response.setHeader("x-ratelimit-remaining",
                       QByteArray::number(std::max(0, m_rateLimit - window.used)));
    response.setHeader("x-ratelimit-reset", QByteArray::number(reset));
    response.setHeader("x-ratelimit-used", QByteArray::number(window.used));
    response.setHeader("x-ratelimit-resource", "core");
    response.setHeader("X-GitHub-Api-Version-Selected", "2022-11-28");
    return counts ? 1 : 0;
}

QJsonObject SimGitHub::issueJson(const SimGitHubIssue &issue, bool withRepository) const
{
    const QString api = baseUrl().toString();
    const QString apiRepo = api + QStringLiteral("/repos/") + issue.repo;
    const QString html = SimServer::baseUrl().toString() + QLatin1Char('/') + issue.repo;

    QJsonArray assignees;
    for (const QString &login : issue.assignees)
        assignees.append(userJson(login, m_userIds.value(login)));
    QJsonArray labels;
    for (const QString &label : issue.labels)
        labels.append(QJsonObject{{QStringLiteral("name"), label},
                                  {QStringLiteral("color"), QStringLiteral("d73a4a")}});

    QJsonObject json{
        {QStringLiteral("id"), issue.id},
        {QStringLiteral("number"), issue.number},
        {QStringLiteral("title"), issue.title},
        {QStringLiteral("body"), issue.body.isNull() ? QJsonValue() : QJsonValue(issue.body)},
        {QStringLiteral("state"), issue.state},
        {QStringLiteral("state_reason"),
         issue.stateReason.isEmpty() ? QJsonValue() : QJsonValue(issue.stateReason)},
        {QStringLiteral("user"), userJson(issue.author, m_userIds.value(issue.author))},
        {QStringLiteral("assignee"), assignees.isEmpty() ? QJsonValue() : assignees.first()},
        {QStringLiteral("assignees"), assignees},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("milestone"),
         issue.milestoneDueOn.isValid()
             ? QJsonValue(QJsonObject{{QStringLiteral("title"), QStringLiteral("Milestone")},
                                      {QStringLiteral("due_on"), time(issue.milestoneDueOn)}})
             : QJsonValue()},
        {QStringLiteral("comments"), issue.comments},
        {QStringLiteral("created_at"), time(issue.createdAt)},
        {QStringLiteral("updated_at"), time(issue.updatedAt)},
        {QStringLiteral("closed_at"), time(issue.closedAt)},
        {QStringLiteral("url"), QStringLiteral("%1/issues/%2").arg(apiRepo).arg(issue.number)},
        {QStringLiteral("repository_url"), apiRepo},
        {QStringLiteral("html_url"),
         QStringLiteral("%1/%2/%3")
             .arg(html, issue.pullRequest ? QStringLiteral("pull") : QStringLiteral("issues"))
             .arg(issue.number)},
    };
    if (issue.pullRequest) {
        json.insert(QStringLiteral("pull_request"),
                    QJsonObject{{QStringLiteral("url"),
                                 QStringLiteral("%1/pulls/%2").arg(apiRepo).arg(issue.number)},
                                {QStringLiteral("html_url"),
                                 QStringLiteral("%1/pull/%2").arg(html).arg(issue.number)}});
    }
    if (withRepository) {
        const QString owner = issue.repo.section(QLatin1Char('/'), 0, 0);
        json.insert(
            QStringLiteral("repository"),
            QJsonObject{{QStringLiteral("full_name"), issue.repo},
                        {QStringLiteral("name"), issue.repo.section(QLatin1Char('/'), 1)},
                        {QStringLiteral("owner"), QJsonObject{{QStringLiteral("login"), owner}}}});
    }
    return json;
}

SimResponse SimGitHub::listIssues(const SimRequest &request,
                                  const QList<const SimGitHubIssue *> &candidates) const
{
    const QString state = request.queryValue(QStringLiteral("state"), QStringLiteral("open"));
    const QString sinceText = request.queryValue(QStringLiteral("since"));
    const QDateTime since = QDateTime::fromString(sinceText, Qt::ISODate);
    if (!sinceText.isEmpty() && !since.isValid())
        return errorResponse(422, QStringLiteral("Validation Failed"));
    const bool byUpdate = request.queryValue(QStringLiteral("sort"), QStringLiteral("created")) ==
                          QLatin1String("updated");
    const bool ascending = request.queryValue(QStringLiteral("direction"),
                                              QStringLiteral("desc")) == QLatin1String("asc");
    QList<const SimGitHubIssue *> matching;
    for (const SimGitHubIssue *issue : candidates) {
        if ((state == QLatin1String("all") || issue->state == state) &&
            (!since.isValid() || issue->updatedAt >= since))
            matching.append(issue);
    }
    std::stable_sort(matching.begin(), matching.end(),
                     [byUpdate, ascending](const SimGitHubIssue *a, const SimGitHubIssue *b) {
                         const QDateTime &x = byUpdate ? a->updatedAt : a->createdAt;
                         const QDateTime &y = byUpdate ? b->updatedAt : b->createdAt;
                         if (x != y)
                             return ascending ? x < y : x > y;
                         return ascending ? a->number < b->number : a->number > b->number;
                     });

    const bool withRepository = request.endpoint.endsWith(QLatin1String(" /issues"));
    return paged(request, matching.size(),
                 [&](qsizetype i) { return issueJson(*matching.at(i), withRepository); });
}

SimResponse SimGitHub::paged(const SimRequest &request, qsizetype count,
                             const std::function<QJsonValue(qsizetype)> &item) const
{
    const int perPage = std::clamp(
        request.queryValue(QStringLiteral("per_page"), QStringLiteral("30")).toInt(), 1, 100);
    const int page =
        std::max(1, request.queryValue(QStringLiteral("page"), QStringLiteral("1")).toInt());
    QJsonArray items;
    for (qsizetype i = qsizetype(page - 1) * perPage;
         i < std::min<qsizetype>(count, qsizetype(page) * perPage); ++i)
        items.append(item(i));
    SimResponse response = SimResponse::json(200, items);

    const int lastPage = std::max(1, int((count + perPage - 1) / perPage));
    auto pageUrl = [&request, this](int number) {
        QUrl url = SimServer::baseUrl();
        url.setPath(request.url.path());
        QUrlQuery query;
        for (const auto &[key, value] : request.query) {
            if (key != QLatin1String("page"))
                query.addQueryItem(key, value);
        }
        query.addQueryItem(QStringLiteral("page"), QString::number(number));
        url.setQuery(query);
        return url.toString(QUrl::FullyEncoded);
    };
    QStringList links;
    if (page < lastPage) {
        links.append(QStringLiteral("<%1>; rel=\"next\"").arg(pageUrl(page + 1)));
        links.append(QStringLiteral("<%1>; rel=\"last\"").arg(pageUrl(lastPage)));
    }
    if (page > 1) {
        links.append(
            QStringLiteral("<%1>; rel=\"prev\"").arg(pageUrl(std::min(page - 1, lastPage))));
        links.append(QStringLiteral("<%1>; rel=\"first\"").arg(pageUrl(1)));
    }
    if (!links.isEmpty())
        response.setHeader("Link", links.join(QStringLiteral(", ")).toUtf8());
    return response;
}

} // namespace UpNext::Sim
