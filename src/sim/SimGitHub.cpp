#include "SimGitHub.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace UpNext::Sim {

namespace {

const QString DocsUrl = QStringLiteral("https://docs.github.com/rest");

QJsonValue time(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

// GitHub's (legacy) global node id: base64 of "0<length of type>:<type><id>".
QString nodeId(QLatin1StringView type, qint64 id)
{
    return QString::fromLatin1((QByteArray("0") + QByteArray::number(type.size()) + ':' +
                                QByteArray(type.data(), type.size()) + QByteArray::number(id))
                                   .toBase64());
}

// The colour and description of GitHub's default labels; others get a colour from their name.
std::pair<QString, QString> labelLook(const QString &name, bool *isDefault)
{
    static const QHash<QString, std::pair<QString, QString>> defaults = {
        {QStringLiteral("bug"),
         {QStringLiteral("d73a4a"), QStringLiteral("Something isn't working")}},
        {QStringLiteral("documentation"),
         {QStringLiteral("0075ca"), QStringLiteral("Improvements or additions to documentation")}},
        {QStringLiteral("duplicate"),
         {QStringLiteral("cfd3d7"), QStringLiteral("This issue or pull request already exists")}},
        {QStringLiteral("enhancement"),
         {QStringLiteral("a2eeef"), QStringLiteral("New feature or request")}},
        {QStringLiteral("good first issue"),
         {QStringLiteral("7057ff"), QStringLiteral("Good for newcomers")}},
        {QStringLiteral("help wanted"),
         {QStringLiteral("008672"), QStringLiteral("Extra attention is needed")}},
        {QStringLiteral("invalid"),
         {QStringLiteral("e4e669"), QStringLiteral("This doesn't seem right")}},
        {QStringLiteral("question"),
         {QStringLiteral("d876e3"), QStringLiteral("Further information is requested")}},
        {QStringLiteral("wontfix"),
         {QStringLiteral("ffffff"), QStringLiteral("This will not be worked on")}},
    };
    const auto it = defaults.constFind(name.toLower());
    *isDefault = it != defaults.cend();
    if (*isDefault)
        return *it;
    return {QString::fromLatin1(
                QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex().left(6)),
            QString()};
}

// What GitHub's delivery agent calls itself; the suffix is a build id.
constexpr QByteArrayView HookshotAgent = "GitHub-Hookshot/8e03811";

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
    addCommentRoutes();
    addHookRoutes();
}

void SimGitHub::addReadRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Get, QStringLiteral("/user"), [this](const SimRequest &request) {
        return SimResponse::json(200, privateUserJson(login(request)));
    });

    // The repos the user can read, which in the simulator are all of them, by full name.
    addRoute(Method::Get, QStringLiteral("/user/repos"), [this](const SimRequest &request) {
        QStringList repos = m_repos;
        repos.sort(Qt::CaseInsensitive);
        return paged(request, repos.size(),
                     [&](qsizetype i) { return repositoryJson(repos.at(i)); });
    });

    addRoute(Method::Get, QStringLiteral("/issues"), [this](const SimRequest &request) {
        return cachedListing(request, [this, &request] { return assignedIssues(request); });
    });

    // Octokit's issues.listForAuthenticatedUser: /issues limited to the repos the user owns or
    // is a member of, which in the simulator are all of them.
    addRoute(Method::Get, QStringLiteral("/user/issues"), [this](const SimRequest &request) {
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
                 json.insert(QStringLiteral("closed_by"),
                             found->closedBy.isEmpty() ? QJsonValue()
                                                       : QJsonValue(userJson(found->closedBy)));
                 return SimResponse::json(200, json);
             });
}

void SimGitHub::addWriteRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Patch, QStringLiteral("/repos/{owner}/{repo}/issues/{number}"),
             [this](const SimRequest &request) { return patchIssue(request); });

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

SimResponse SimGitHub::patchIssue(const SimRequest &request)
{
    const QString repo = repoOf(request);
    const int number = request.captures.at(2).toInt();
    SimGitHubIssue *found = issue(repo, number);
    if (!found)
        return errorResponse(404, QStringLiteral("Not Found"));
    bool ok = false;
    const QJsonObject body = jsonBody(request, &ok);
    if (!ok)
        return errorResponse(400, QStringLiteral("Problems parsing JSON"));
    // Check everything first: a refused request changes nothing.
    const QString state = body.value(QStringLiteral("state")).toString(found->state);
    if (state != QLatin1String("open") && state != QLatin1String("closed"))
        return validationFailed(QStringLiteral("state"));
    const QString title = body.value(QStringLiteral("title")).toString(found->title);
    if (title.trimmed().isEmpty())
        return validationFailed(QStringLiteral("title"));
    const QJsonValue milestoneValue = body.value(QStringLiteral("milestone"));
    QDateTime dueOn = found->milestoneDueOn;
    if (milestoneValue.isNull()) {
        dueOn = {};
    } else if (!milestoneValue.isUndefined()) {
        const int wanted = milestoneValue.toInt();
        const QList<Milestone> known = m_milestones.value(m_repoIds.value(repo));
        const auto it = std::find_if(known.cbegin(), known.cend(),
                                     [wanted](const Milestone &m) { return m.number == wanted; });
        if (it == known.cend())
            return validationFailed(QStringLiteral("milestone"));
        dueOn = it->dueOn;
    }

    const QString user = login(request);
    const QJsonValue bodyValue = body.value(QStringLiteral("body"));
    editIssue(repo, number, title, bodyValue.isUndefined() ? found->body : bodyValue.toString(),
              user);
    if (body.contains(QStringLiteral("assignees"))) {
        QStringList assignees;
        for (const QJsonValue &value : body.value(QStringLiteral("assignees")).toArray())
            assignees.append(value.toString());
        setAssignees(repo, number, assignees, user);
    }
    if (body.contains(QStringLiteral("labels"))) {
        QStringList labels;
        for (const QJsonValue &value : body.value(QStringLiteral("labels")).toArray())
            labels.append(value.isObject()
                              ? value.toObject().value(QStringLiteral("name")).toString()
                              : value.toString());
        setLabels(repo, number, labels, user);
    }
    setMilestone(repo, number, dueOn, user);
    const QString current = std::as_const(*this).issue(repo, number)->state;
    if (state == QLatin1String("closed") && current != state)
        closeIssue(
            repo, number, user,
            body.value(QStringLiteral("state_reason")).toString(QStringLiteral("completed")));
    else if (state == QLatin1String("open") && current != state)
        reopenIssue(repo, number, user);
    return SimResponse::json(200, issueJson(*std::as_const(*this).issue(repo, number), false));
}

void SimGitHub::addCommentRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/issues/comments/{id}"),
             [this](const SimRequest &request) {
                 const SimGitHubComment *found =
                     findComment(repoOf(request), request.captures.at(2).toLongLong());
                 return found ? SimResponse::json(200, commentJson(*found))
                              : errorResponse(404, QStringLiteral("Not Found"));
             });

    addRoute(Method::Patch, QStringLiteral("/repos/{owner}/{repo}/issues/comments/{id}"),
             [this](const SimRequest &request) {
                 const qint64 id = request.captures.at(2).toLongLong();
                 if (!findComment(repoOf(request), id))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 bool ok = false;
                 const QJsonObject body = jsonBody(request, &ok);
                 if (!ok)
                     return errorResponse(400, QStringLiteral("Problems parsing JSON"));
                 const QString text = body.value(QStringLiteral("body")).toString();
                 if (text.trimmed().isEmpty())
                     return validationFailed(QStringLiteral("body"));
                 editComment(id, text, login(request));
                 return SimResponse::json(200, commentJson(*findComment(repoOf(request), id)));
             });

    addRoute(Method::Delete, QStringLiteral("/repos/{owner}/{repo}/issues/comments/{id}"),
             [this](const SimRequest &request) {
                 const qint64 id = request.captures.at(2).toLongLong();
                 if (!findComment(repoOf(request), id))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 deleteComment(id, login(request));
                 SimResponse response;
                 response.status = 204;
                 return response;
             });

    // Labels: POST adds to the issue's, DELETE takes one off; both answer the issue's labels.
    const auto labelsOf = [this](const QString &repo, int number) {
        QJsonArray labels;
        for (const QString &name : std::as_const(*this).issue(repo, number)->labels)
            labels.append(labelJson(repo, label(repo, name)));
        return SimResponse::json(200, labels);
    };
    addRoute(Method::Post, QStringLiteral("/repos/{owner}/{repo}/issues/{number}/labels"),
             [this, labelsOf](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const int number = request.captures.at(2).toInt();
                 const SimGitHubIssue *found = std::as_const(*this).issue(repo, number);
                 if (!found)
                     return errorResponse(404, QStringLiteral("Not Found"));
                 bool ok = false;
                 const QJsonObject body = jsonBody(request, &ok);
                 if (!ok)
                     return errorResponse(400, QStringLiteral("Problems parsing JSON"));
                 QStringList labels = found->labels;
                 for (const QJsonValue &value : body.value(QStringLiteral("labels")).toArray()) {
                     const QString name =
                         value.isObject()
                             ? value.toObject().value(QStringLiteral("name")).toString()
                             : value.toString();
                     if (name.trimmed().isEmpty())
                         return validationFailed(QStringLiteral("labels"));
                     if (!labels.contains(name, Qt::CaseInsensitive))
                         labels.append(name);
                 }
                 setLabels(repo, number, labels, login(request));
                 return labelsOf(repo, number);
             });
    addRoute(Method::Delete, QStringLiteral("/repos/{owner}/{repo}/issues/{number}/labels/{name}"),
             [this, labelsOf](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const int number = request.captures.at(2).toInt();
                 const SimGitHubIssue *found = std::as_const(*this).issue(repo, number);
                 if (!found)
                     return errorResponse(404, QStringLiteral("Not Found"));
                 QStringList labels = found->labels;
                 if (labels.removeIf([&request](const QString &name) {
                         return name.compare(request.captures.at(3), Qt::CaseInsensitive) == 0;
                     }) == 0)
                     return errorResponse(404, QStringLiteral("Label does not exist"));
                 setLabels(repo, number, labels, login(request));
                 return labelsOf(repo, number);
             });
}

void SimGitHub::addHookRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Post, QStringLiteral("/repos/{owner}/{repo}/hooks"),
             [this](const SimRequest &request) { return createHook(request); });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/hooks"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 if (!m_repos.contains(repo))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 QList<SimGitHubHook> hooks;
                 for (const SimGitHubHook &hook : std::as_const(m_hooks)) {
                     if (hook.repo == repo)
                         hooks.append(hook);
                 }
                 return paged(request, hooks.size(),
                              [&](qsizetype i) { return hookJson(hooks.at(i)); });
             });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/hooks/{id}"),
             [this](const SimRequest &request) {
                 const SimGitHubHook *hook = findHook(request);
                 return hook ? SimResponse::json(200, hookJson(*hook))
                             : errorResponse(404, QStringLiteral("Not Found"));
             });

    addRoute(Method::Patch, QStringLiteral("/repos/{owner}/{repo}/hooks/{id}"),
             [this](const SimRequest &request) { return patchHook(request); });

    addRoute(Method::Post, QStringLiteral("/repos/{owner}/{repo}/hooks/{id}/pings"),
             [this](const SimRequest &request) {
                 const SimGitHubHook *hook = findHook(request);
                 if (!hook)
                     return errorResponse(404, QStringLiteral("Not Found"));
                 deliver(hook->repo, "ping",
                         {{QStringLiteral("zen"), QStringLiteral("Keep it logically awesome.")},
                          {QStringLiteral("hook_id"), hook->id},
                          {QStringLiteral("hook"), hookJson(*hook)}},
                         login(request), hook->id);
                 SimResponse response;
                 response.status = 204;
                 return response;
             });

    addRoute(Method::Delete, QStringLiteral("/repos/{owner}/{repo}/hooks/{id}"),
             [this](const SimRequest &request) {
                 const QString repo = repoOf(request);
                 const qint64 id = request.captures.at(2).toLongLong();
                 if (m_hooks.removeIf([&](const SimGitHubHook &hook) {
                         return hook.repo == repo && hook.id == id;
                     }) == 0)
                     return errorResponse(404, QStringLiteral("Not Found"));
                 SimResponse response;
                 response.status = 204;
                 return response;
             });
}

SimGitHubHook *SimGitHub::findHook(const SimRequest &request)
{
    const QString repo = repoOf(request);
    const qint64 id = request.captures.at(2).toLongLong();
    for (SimGitHubHook &hook : m_hooks) {
        if (hook.repo == repo && hook.id == id)
            return &hook;
    }
    return nullptr;
}

namespace {

// Reads config{url, content_type, secret, insecure_ssl} into hook; false names the bad field.
bool readHookConfig(const QJsonObject &config, SimGitHubHook &hook, QString *badField)
{
    if (config.contains(QStringLiteral("url")))
        hook.url = QUrl(config.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    if (config.contains(QStringLiteral("content_type")))
        hook.contentType = config.value(QStringLiteral("content_type")).toString();
    if (config.contains(QStringLiteral("insecure_ssl"))) {
        const QJsonValue insecure = config.value(QStringLiteral("insecure_ssl"));
        hook.insecureSsl =
            insecure.isDouble() ? QString::number(insecure.toInt()) : insecure.toString();
    }
    if (config.contains(QStringLiteral("secret")))
        hook.secret = config.value(QStringLiteral("secret")).toString();
    if (!hook.url.isValid() || !hook.url.scheme().startsWith(QLatin1String("http")) ||
        hook.url.host().isEmpty())
        *badField = QStringLiteral("url");
    else if (hook.contentType != QLatin1String("json") && hook.contentType != QLatin1String("form"))
        *badField = QStringLiteral("content_type");
    else if (hook.insecureSsl != QLatin1String("0") && hook.insecureSsl != QLatin1String("1"))
        *badField = QStringLiteral("insecure_ssl");
    return badField->isEmpty();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray())
        result.append(item.toString());
    return result;
}

} // namespace

SimResponse SimGitHub::createHook(const SimRequest &request)
{
    const QString repo = repoOf(request);
    if (!m_repos.contains(repo))
        return errorResponse(404, QStringLiteral("Not Found"));
    bool ok = false;
    const QJsonObject body = jsonBody(request, &ok);
    if (!ok)
        return errorResponse(400, QStringLiteral("Problems parsing JSON"));
    if (body.contains(QStringLiteral("name")) &&
        body.value(QStringLiteral("name")).toString() != QLatin1String("web"))
        return validationFailed(QStringLiteral("name"), QStringLiteral("Hook"));
    SimGitHubHook hook;
    hook.repo = repo;
    QString bad;
    if (!readHookConfig(body.value(QStringLiteral("config")).toObject(), hook, &bad))
        return validationFailed(bad, QStringLiteral("Hook"));
    hook.events = body.contains(QStringLiteral("events"))
                      ? stringList(body.value(QStringLiteral("events")))
                      : QStringList{QStringLiteral("push")};
    hook.active = body.value(QStringLiteral("active")).toBool(true);
    hook.id = ++m_nextObjectId;
    hook.createdAt = hook.updatedAt = now();
    m_hooks.append(hook);
    // GitHub pings a new hook at once.
    deliver(repo, "ping",
            {{QStringLiteral("zen"), QStringLiteral("Keep it logically awesome.")},
             {QStringLiteral("hook_id"), hook.id},
             {QStringLiteral("hook"), hookJson(hook)}},
            login(request), hook.id);
    return SimResponse::json(201, hookJson(hook));
}

SimResponse SimGitHub::patchHook(const SimRequest &request)
{
    SimGitHubHook *found = findHook(request);
    if (!found)
        return errorResponse(404, QStringLiteral("Not Found"));
    bool ok = false;
    const QJsonObject body = jsonBody(request, &ok);
    if (!ok)
        return errorResponse(400, QStringLiteral("Problems parsing JSON"));
    SimGitHubHook hook = *found;
    if (body.contains(QStringLiteral("config"))) {
        // As GitHub documents: a config without the secret removes the secret.
        hook.secret.clear();
        QString bad;
        if (!readHookConfig(body.value(QStringLiteral("config")).toObject(), hook, &bad))
            return validationFailed(bad, QStringLiteral("Hook"));
    }
    if (body.contains(QStringLiteral("events")))
        hook.events = stringList(body.value(QStringLiteral("events")));
    for (const QString &event : stringList(body.value(QStringLiteral("add_events")))) {
        if (!hook.events.contains(event))
            hook.events.append(event);
    }
    for (const QString &event : stringList(body.value(QStringLiteral("remove_events"))))
        hook.events.removeAll(event);
    hook.active = body.value(QStringLiteral("active")).toBool(hook.active);
    hook.updatedAt = now();
    *found = hook;
    return SimResponse::json(200, hookJson(hook));
}

int SimGitHub::createIssue(SimGitHubIssue issue, const QString &by)
{
    const int number = addIssue(issue);
    const SimGitHubIssue &created = *this->issue(issue.repo, number);
    issueEvent(created, QStringLiteral("opened"), by);
    for (const QString &assignee : created.assignees)
        issueEvent(created, QStringLiteral("assigned"), by,
                   {{QStringLiteral("assignee"), userJson(assignee)}});
    for (const QString &name : created.labels)
        issueEvent(created, QStringLiteral("labeled"), by,
                   {{QStringLiteral("label"), labelJson(created.repo, label(created.repo, name))}});
    if (created.milestoneDueOn.isValid())
        issueEvent(
            created, QStringLiteral("milestoned"), by,
            {{QStringLiteral("milestone"),
              milestoneJson(created.repo, milestone(created.repo, created.milestoneDueOn))}});
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
    if (!found || found->assignees == assignees)
        return;
    const QStringList before = found->assignees;
    found->assignees = assignees;
    for (const QString &login : assignees)
        addUser(login, {});
    touch(repo, number);
    for (const QString &login : before) {
        if (!assignees.contains(login))
            issueEvent(*found, QStringLiteral("unassigned"), by,
                       {{QStringLiteral("assignee"), userJson(login)}});
    }
    for (const QString &login : assignees) {
        if (!before.contains(login))
            issueEvent(*found, QStringLiteral("assigned"), by,
                       {{QStringLiteral("assignee"), userJson(login)}});
    }
}

void SimGitHub::editIssue(const QString &repo, int number, const QString &title,
                          const QString &body, const QString &by)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found)
        return;
    QJsonObject changes;
    if (title != found->title) {
        changes.insert(QStringLiteral("title"),
                       QJsonObject{{QStringLiteral("from"), found->title}});
        found->title = title;
    }
    if (body != found->body) {
        // A body that was null is "" in changes.body.from, as GitHub sends it.
        changes.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("from"), found->body}});
        found->body = body;
    }
    if (changes.isEmpty())
        return;
    touch(repo, number);
    issueEvent(*found, QStringLiteral("edited"), by, {{QStringLiteral("changes"), changes}});
}

void SimGitHub::setLabels(const QString &repo, int number, const QStringList &labels,
                          const QString &by)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found)
        return;
    QStringList after;
    for (const QString &name : labels) {
        // Names are the repo's labels, whatever case they are given in.
        const QString canonical = label(repo, name).name;
        if (!after.contains(canonical))
            after.append(canonical);
    }
    const QStringList before = found->labels;
    if (before == after)
        return;
    found->labels = after;
    touch(repo, number);
    for (const QString &name : before) {
        if (!after.contains(name))
            issueEvent(*found, QStringLiteral("unlabeled"), by,
                       {{QStringLiteral("label"), labelJson(repo, label(repo, name))}});
    }
    for (const QString &name : std::as_const(after)) {
        if (!before.contains(name))
            issueEvent(*found, QStringLiteral("labeled"), by,
                       {{QStringLiteral("label"), labelJson(repo, label(repo, name))}});
    }
}

void SimGitHub::setMilestone(const QString &repo, int number, const QDateTime &dueOn,
                             const QString &by)
{
    SimGitHubIssue *found = issue(repo, number);
    if (!found || found->milestoneDueOn == dueOn ||
        (!found->milestoneDueOn.isValid() && !dueOn.isValid()))
        return;
    const QDateTime before = found->milestoneDueOn;
    if (before.isValid()) {
        found->milestoneDueOn = {};
        touch(repo, number);
        issueEvent(*found, QStringLiteral("demilestoned"), by,
                   {{QStringLiteral("milestone"), milestoneJson(repo, milestone(repo, before))}});
    }
    if (dueOn.isValid()) {
        found->milestoneDueOn = dueOn;
        touch(repo, number);
        issueEvent(*found, QStringLiteral("milestoned"), by,
                   {{QStringLiteral("milestone"), milestoneJson(repo, milestone(repo, dueOn))}});
    }
}

void SimGitHub::deleteIssue(const QString &repo, int number, const QString &by)
{
    for (qsizetype i = 0; i < m_issues.size(); ++i) {
        if (m_issues.at(i).repo == repo && m_issues.at(i).number == number) {
            const SimGitHubIssue deleted = m_issues.takeAt(i);
            m_comments.removeIf([&](const SimGitHubComment &comment) {
                return comment.repo == repo && comment.number == number;
            });
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
    const QDateTime created = now();
    const SimGitHubComment comment{++m_nextObjectId, repo, number, body, by, created, created};
    m_comments.append(comment);
    ++found->comments;
    touch(repo, number);
    commentEvent(comment, QStringLiteral("created"), by);
    return comment.id;
}

SimGitHubComment *SimGitHub::findComment(const QString &repo, qint64 id)
{
    for (SimGitHubComment &comment : m_comments) {
        if (comment.id == id && (repo.isEmpty() || comment.repo == repo))
            return &comment;
    }
    return nullptr;
}

bool SimGitHub::editComment(qint64 commentId, const QString &body, const QString &by)
{
    SimGitHubComment *found = findComment({}, commentId);
    if (!found)
        return false;
    if (found->body == body)
        return true;
    const QString before = found->body;
    found->body = body;
    found->updatedAt = std::max(now(), found->updatedAt.addSecs(1));
    ++m_version;
    commentEvent(
        *found, QStringLiteral("edited"), by,
        {{QStringLiteral("changes"),
          QJsonObject{{QStringLiteral("body"), QJsonObject{{QStringLiteral("from"), before}}}}}});
    return true;
}

bool SimGitHub::deleteComment(qint64 commentId, const QString &by)
{
    const auto it =
        std::find_if(m_comments.cbegin(), m_comments.cend(),
                     [commentId](const SimGitHubComment &c) { return c.id == commentId; });
    if (it == m_comments.cend())
        return false;
    const SimGitHubComment deleted = *it;
    m_comments.erase(it);
    if (SimGitHubIssue *found = issue(deleted.repo, deleted.number))
        found->comments = std::max(0, found->comments - 1);
    commentEvent(deleted, QStringLiteral("deleted"), by);
    return true;
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

void SimGitHub::commentEvent(const SimGitHubComment &comment, const QString &action,
                             const QString &sender, QJsonObject extra)
{
    const SimGitHubIssue *found = std::as_const(*this).issue(comment.repo, comment.number);
    if (!found)
        return;
    extra.insert(QStringLiteral("action"), action);
    extra.insert(QStringLiteral("issue"), issueJson(*found, false));
    extra.insert(QStringLiteral("comment"), commentJson(comment));
    deliver(comment.repo, "issue_comment", extra, sender);
}

void SimGitHub::deliver(const QString &repo, const QByteArray &event, QJsonObject payload,
                        const QString &sender, qint64 onlyHook)
{
    bool anyone = false;
    for (const SimGitHubHook &hook : std::as_const(m_hooks)) {
        anyone = anyone || (hook.repo == repo && hook.active);
    }
    if (!anyone)
        return;
    payload.insert(QStringLiteral("repository"), repositoryJson(repo));
    payload.insert(QStringLiteral("sender"), userJson(sender));
    const QString owner = repo.section(QLatin1Char('/'), 0, 0);
    if (isOrganization(owner))
        payload.insert(QStringLiteral("organization"), organizationJson(owner));
    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    // A copy: a receiver on this thread could change the hooks while deliveries go out.
    const QList<SimGitHubHook> hooks = m_hooks;
    for (const SimGitHubHook &hook : hooks) {
        const bool wanted = event == "ping" ? hook.id == onlyHook
                                            : hook.events.contains(QString::fromLatin1(event)) ||
                                                  hook.events.contains(QStringLiteral("*"));
        if (hook.repo == repo && hook.active && wanted)
            sendTo(hook, event, json);
    }
}

void SimGitHub::sendTo(const SimGitHubHook &hook, const QByteArray &event, const QByteArray &json)
{
    // A form hook gets the JSON as the form field payload; the signatures cover the body sent.
    const bool form = hook.contentType == QLatin1String("form");
    const QByteArray body = form ? "payload=" + json.toPercentEncoding() : json;
    QList<std::pair<QByteArray, QByteArray>> headers = {
        {"Accept", "*/*"},
        {"Content-Type", form ? "application/x-www-form-urlencoded" : "application/json"},
        {"User-Agent", HookshotAgent.toByteArray()},
        {"X-GitHub-Delivery", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)},
        {"X-GitHub-Event", event},
        {"X-GitHub-Hook-ID", QByteArray::number(hook.id)},
        {"X-GitHub-Hook-Installation-Target-ID", QByteArray::number(m_repoIds.value(hook.repo))},
        {"X-GitHub-Hook-Installation-Target-Type", "repository"},
    };
    if (!hook.secret.isEmpty()) {
        const QByteArray secret = hook.secret.toUtf8();
        headers.append(
            {"X-Hub-Signature",
             "sha1=" +
                 QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha1).toHex()});
        headers.append(
            {"X-Hub-Signature-256", "sha256=" + SimWebhookSender::signature(secret, body)});
    }
    m_sender.deliver(hook.url, headers, body);
}

bool SimGitHub::isOrganization(const QString &login) const
{
    return m_orgIds.contains(login) && !m_userIds.contains(login);
}

qint64 SimGitHub::accountId(const QString &login) const
{
    return isOrganization(login) ? m_orgIds.value(login) : m_userIds.value(login);
}

QJsonObject SimGitHub::userJson(const QString &login) const
{
    const auto cached = m_accounts.constFind(login);
    if (cached != m_accounts.cend())
        return *cached;
    const QString api = baseUrl().toString() + QStringLiteral("/users/") + login;
    const QString html = SimServer::baseUrl().toString();
    const bool organization = isOrganization(login);
    const qint64 id = accountId(login);
    const QJsonObject json{
        {QStringLiteral("login"), login},
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"),
         nodeId(organization ? QLatin1StringView("Organization") : QLatin1StringView("User"), id)},
        {QStringLiteral("avatar_url"), QStringLiteral("%1/avatars/u/%2?v=4").arg(html).arg(id)},
        {QStringLiteral("gravatar_id"), QString()},
        {QStringLiteral("url"), api},
        {QStringLiteral("html_url"), html + QLatin1Char('/') + login},
        {QStringLiteral("followers_url"), api + QStringLiteral("/followers")},
        {QStringLiteral("following_url"), api + QStringLiteral("/following{/other_user}")},
        {QStringLiteral("gists_url"), api + QStringLiteral("/gists{/gist_id}")},
        {QStringLiteral("starred_url"), api + QStringLiteral("/starred{/owner}{/repo}")},
        {QStringLiteral("subscriptions_url"), api + QStringLiteral("/subscriptions")},
        {QStringLiteral("organizations_url"), api + QStringLiteral("/orgs")},
        {QStringLiteral("repos_url"), api + QStringLiteral("/repos")},
        {QStringLiteral("events_url"), api + QStringLiteral("/events{/privacy}")},
        {QStringLiteral("received_events_url"), api + QStringLiteral("/received_events")},
        {QStringLiteral("type"),
         organization ? QStringLiteral("Organization") : QStringLiteral("User")},
        {QStringLiteral("site_admin"), false},
    };
    m_accounts.insert(login, json);
    return json;
}

QJsonObject SimGitHub::privateUserJson(const QString &login) const
{
    QJsonObject json = userJson(login);
    json.insert(QStringLiteral("user_view_type"), QStringLiteral("private"));
    const QJsonObject extra{
        {QStringLiteral("name"), login},
        {QStringLiteral("company"), QJsonValue()},
        {QStringLiteral("blog"), QString()},
        {QStringLiteral("location"), QJsonValue()},
        {QStringLiteral("email"), QJsonValue()},
        {QStringLiteral("notification_email"), QJsonValue()},
        {QStringLiteral("hireable"), QJsonValue()},
        {QStringLiteral("bio"), QJsonValue()},
        {QStringLiteral("twitter_username"), QJsonValue()},
        {QStringLiteral("public_repos"), 0},
        {QStringLiteral("public_gists"), 0},
        {QStringLiteral("followers"), 0},
        {QStringLiteral("following"), 0},
        {QStringLiteral("created_at"), QStringLiteral("2015-03-14T09:26:53Z")},
        {QStringLiteral("updated_at"), QStringLiteral("2024-05-02T16:40:11Z")},
        {QStringLiteral("private_gists"), 0},
        {QStringLiteral("total_private_repos"), 0},
        {QStringLiteral("owned_private_repos"), 0},
        {QStringLiteral("disk_usage"), 0},
        {QStringLiteral("collaborators"), 0},
        {QStringLiteral("two_factor_authentication"), true},
        {QStringLiteral("plan"), QJsonObject{{QStringLiteral("name"), QStringLiteral("free")},
                                             {QStringLiteral("space"), 976562499},
                                             {QStringLiteral("collaborators"), 0},
                                             {QStringLiteral("private_repos"), 10000}}},
    };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject SimGitHub::organizationJson(const QString &login) const
{
    const QString api = baseUrl().toString() + QStringLiteral("/orgs/") + login;
    const qint64 id = accountId(login);
    return {
        {QStringLiteral("login"), login},
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"), nodeId(QLatin1StringView("Organization"), id)},
        {QStringLiteral("url"), api},
        {QStringLiteral("repos_url"), api + QStringLiteral("/repos")},
        {QStringLiteral("events_url"), api + QStringLiteral("/events")},
        {QStringLiteral("hooks_url"), api + QStringLiteral("/hooks")},
        {QStringLiteral("issues_url"), api + QStringLiteral("/issues")},
        {QStringLiteral("members_url"), api + QStringLiteral("/members{/member}")},
        {QStringLiteral("public_members_url"), api + QStringLiteral("/public_members{/member}")},
        {QStringLiteral("avatar_url"),
         QStringLiteral("%1/avatars/u/%2?v=4").arg(SimServer::baseUrl().toString()).arg(id)},
        {QStringLiteral("description"), QJsonValue()}};
}

QString SimGitHub::authorAssociation(const QString &login, const QString &repo) const
{
    const QString owner = repo.section(QLatin1Char('/'), 0, 0);
    if (login == owner)
        return QStringLiteral("OWNER");
    // Everyone the simulator knows works on its repos.
    return isOrganization(owner) ? QStringLiteral("MEMBER") : QStringLiteral("COLLABORATOR");
}

QJsonObject SimGitHub::reactionsJson(const QString &url) const
{
    return {{QStringLiteral("url"), url},    {QStringLiteral("total_count"), 0},
            {QStringLiteral("+1"), 0},       {QStringLiteral("-1"), 0},
            {QStringLiteral("laugh"), 0},    {QStringLiteral("hooray"), 0},
            {QStringLiteral("confused"), 0}, {QStringLiteral("heart"), 0},
            {QStringLiteral("rocket"), 0},   {QStringLiteral("eyes"), 0}};
}

const SimGitHub::Counts &SimGitHub::counts() const
{
    if (m_counts.version == m_version)
        return m_counts;
    m_counts = {};
    m_counts.version = m_version;
    for (const SimGitHubIssue &issue : m_issues) {
        const bool open = issue.state == QLatin1String("open");
        if (open)
            ++m_counts.openIssues[issue.repo];
        if (issue.milestoneDueOn.isValid()) {
            auto &[opened, closed] =
                m_counts.inMilestone[milestone(issue.repo, issue.milestoneDueOn).id];
            ++(open ? opened : closed);
        }
    }
    return m_counts;
}

QJsonObject SimGitHub::repositoryJson(const QString &repo) const
{
    const QString owner = repo.section(QLatin1Char('/'), 0, 0);
    const QString name = repo.section(QLatin1Char('/'), 1);
    const qint64 id = m_repoIds.value(repo);
    const QString api = baseUrl().toString() + QStringLiteral("/repos/") + repo;
    const QString html = SimServer::baseUrl().toString() + QLatin1Char('/') + repo;
    const QString host = SimServer::baseUrl().authority();
    // Fixed by the repo's id, not the wall clock: the same seed renders the same pages.
    const QJsonValue created =
        time(QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).addDays(id % 365));
    const int open = counts().openIssues.value(repo);
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"), nodeId(QLatin1StringView("Repository"), id)},
        {QStringLiteral("name"), name},
        {QStringLiteral("full_name"), repo},
        {QStringLiteral("private"), false},
        {QStringLiteral("owner"), userJson(owner)},
        {QStringLiteral("html_url"), html},
        {QStringLiteral("description"), QJsonValue()},
        {QStringLiteral("fork"), false},
        {QStringLiteral("url"), api},
        {QStringLiteral("created_at"), created},
        {QStringLiteral("updated_at"), created},
        {QStringLiteral("pushed_at"), created},
        {QStringLiteral("git_url"), QStringLiteral("git://%1/%2.git").arg(host, repo)},
        {QStringLiteral("ssh_url"), QStringLiteral("git@%1:%2.git").arg(host, repo)},
        {QStringLiteral("clone_url"), html + QStringLiteral(".git")},
        {QStringLiteral("svn_url"), html},
        {QStringLiteral("homepage"), QJsonValue()},
        {QStringLiteral("size"), 0},
        {QStringLiteral("stargazers_count"), 0},
        {QStringLiteral("watchers_count"), 0},
        {QStringLiteral("language"), QJsonValue()},
        {QStringLiteral("has_issues"), true},
        {QStringLiteral("has_projects"), true},
        {QStringLiteral("has_downloads"), true},
        {QStringLiteral("has_wiki"), true},
        {QStringLiteral("has_pages"), false},
        {QStringLiteral("has_discussions"), false},
        {QStringLiteral("forks_count"), 0},
        {QStringLiteral("mirror_url"), QJsonValue()},
        {QStringLiteral("archived"), false},
        {QStringLiteral("disabled"), false},
        {QStringLiteral("open_issues_count"), open},
        {QStringLiteral("license"), QJsonValue()},
        {QStringLiteral("allow_forking"), true},
        {QStringLiteral("is_template"), false},
        {QStringLiteral("web_commit_signoff_required"), false},
        {QStringLiteral("topics"), QJsonArray()},
        {QStringLiteral("visibility"), QStringLiteral("public")},
        {QStringLiteral("forks"), 0},
        {QStringLiteral("open_issues"), open},
        {QStringLiteral("watchers"), 0},
        {QStringLiteral("default_branch"), QStringLiteral("main")},
        {QStringLiteral("custom_properties"), QJsonObject()},
    };
    // The API links, most of them URI templates.
    static const std::pair<const char *, const char *> links[] = {
        {"forks_url", "/forks"},
        {"keys_url", "/keys{/key_id}"},
        {"collaborators_url", "/collaborators{/collaborator}"},
        {"teams_url", "/teams"},
        {"hooks_url", "/hooks"},
        {"issue_events_url", "/issues/events{/number}"},
        {"events_url", "/events"},
        {"assignees_url", "/assignees{/user}"},
        {"branches_url", "/branches{/branch}"},
        {"tags_url", "/tags"},
        {"blobs_url", "/git/blobs{/sha}"},
        {"git_tags_url", "/git/tags{/sha}"},
        {"git_refs_url", "/git/refs{/sha}"},
        {"trees_url", "/git/trees{/sha}"},
        {"statuses_url", "/statuses/{sha}"},
        {"languages_url", "/languages"},
        {"stargazers_url", "/stargazers"},
        {"contributors_url", "/contributors"},
        {"subscribers_url", "/subscribers"},
        {"subscription_url", "/subscription"},
        {"commits_url", "/commits{/sha}"},
        {"git_commits_url", "/git/commits{/sha}"},
        {"comments_url", "/comments{/number}"},
        {"issue_comment_url", "/issues/comments{/number}"},
        {"contents_url", "/contents/{+path}"},
        {"compare_url", "/compare/{base}...{head}"},
        {"merges_url", "/merges"},
        {"archive_url", "/{archive_format}{/ref}"},
        {"downloads_url", "/downloads"},
        {"issues_url", "/issues{/number}"},
        {"pulls_url", "/pulls{/number}"},
        {"milestones_url", "/milestones{/number}"},
        {"notifications_url", "/notifications{?since,all,participating}"},
        {"labels_url", "/labels{/name}"},
        {"releases_url", "/releases{/id}"},
        {"deployments_url", "/deployments"},
    };
    for (const auto &[key, path] : links)
        json.insert(QLatin1StringView(key), api + QLatin1StringView(path));
    return json;
}

SimGitHub::Label SimGitHub::label(const QString &repo, const QString &name) const
{
    QList<Label> &labels = m_labels[m_repoIds.value(repo)];
    for (const Label &existing : labels) {
        if (existing.name.compare(name, Qt::CaseInsensitive) == 0)
            return existing;
    }
    Label created;
    created.id = ++m_nextObjectId;
    created.name = name;
    std::tie(created.color, created.description) = labelLook(name, &created.isDefault);
    labels.append(created);
    return created;
}

QJsonObject SimGitHub::labelJson(const QString &repo, const Label &label) const
{
    return {
        {QStringLiteral("id"), label.id},
        {QStringLiteral("node_id"), nodeId(QLatin1StringView("Label"), label.id)},
        {QStringLiteral("url"), QStringLiteral("%1/repos/%2/labels/%3")
                                    .arg(baseUrl().toString(), repo,
                                         QString::fromLatin1(QUrl::toPercentEncoding(label.name)))},
        {QStringLiteral("name"), label.name},
        {QStringLiteral("color"), label.color},
        {QStringLiteral("default"), label.isDefault},
        {QStringLiteral("description"),
         label.description.isEmpty() ? QJsonValue() : QJsonValue(label.description)}};
}

SimGitHub::Milestone SimGitHub::milestone(const QString &repo, const QDateTime &dueOn) const
{
    QList<Milestone> &milestones = m_milestones[m_repoIds.value(repo)];
    for (const Milestone &existing : milestones) {
        if (existing.dueOn == dueOn)
            return existing;
    }
    Milestone created;
    created.id = ++m_nextObjectId;
    created.number = int(milestones.size()) + 1;
    created.dueOn = dueOn;
    created.createdAt = dueOn.addDays(-30); // not the wall clock, as for repos
    milestones.append(created);
    return created;
}

QJsonObject SimGitHub::milestoneJson(const QString &repo, const Milestone &milestone) const
{
    const QString api = QStringLiteral("%1/repos/%2/milestones/%3")
                            .arg(baseUrl().toString(), repo)
                            .arg(milestone.number);
    const auto [open, closed] = counts().inMilestone.value(milestone.id);
    return {{QStringLiteral("url"), api},
            {QStringLiteral("html_url"), QStringLiteral("%1/%2/milestone/%3")
                                             .arg(SimServer::baseUrl().toString(), repo)
                                             .arg(milestone.number)},
            {QStringLiteral("labels_url"), api + QStringLiteral("/labels")},
            {QStringLiteral("id"), milestone.id},
            {QStringLiteral("node_id"), nodeId(QLatin1StringView("Milestone"), milestone.id)},
            {QStringLiteral("number"), milestone.number},
            {QStringLiteral("title"), QStringLiteral("Milestone %1").arg(milestone.number)},
            {QStringLiteral("description"), QJsonValue()},
            {QStringLiteral("creator"), userJson(repo.section(QLatin1Char('/'), 0, 0))},
            {QStringLiteral("open_issues"), open},
            {QStringLiteral("closed_issues"), closed},
            {QStringLiteral("state"), QStringLiteral("open")},
            {QStringLiteral("created_at"), time(milestone.createdAt)},
            {QStringLiteral("updated_at"), time(milestone.createdAt)},
            {QStringLiteral("due_on"), time(milestone.dueOn)},
            {QStringLiteral("closed_at"), QJsonValue()}};
}

QJsonObject SimGitHub::commentJson(const SimGitHubComment &comment) const
{
    const QString apiRepo = baseUrl().toString() + QStringLiteral("/repos/") + comment.repo;
    const QString url = QStringLiteral("%1/issues/comments/%2").arg(apiRepo).arg(comment.id);
    return {{QStringLiteral("url"), url},
            {QStringLiteral("html_url"), QStringLiteral("%1/%2/issues/%3#issuecomment-%4")
                                             .arg(SimServer::baseUrl().toString(), comment.repo)
                                             .arg(comment.number)
                                             .arg(comment.id)},
            {QStringLiteral("issue_url"),
             QStringLiteral("%1/issues/%2").arg(apiRepo).arg(comment.number)},
            {QStringLiteral("id"), comment.id},
            {QStringLiteral("node_id"), nodeId(QLatin1StringView("IssueComment"), comment.id)},
            {QStringLiteral("user"), userJson(comment.author)},
            {QStringLiteral("created_at"), time(comment.createdAt)},
            {QStringLiteral("updated_at"),
             time(comment.updatedAt.isValid() ? comment.updatedAt : comment.createdAt)},
            {QStringLiteral("author_association"), authorAssociation(comment.author, comment.repo)},
            {QStringLiteral("body"), comment.body},
            {QStringLiteral("reactions"), reactionsJson(url + QStringLiteral("/reactions"))},
            {QStringLiteral("performed_via_github_app"), QJsonValue()}};
}

QJsonObject SimGitHub::hookJson(const SimGitHubHook &hook) const
{
    const QString url =
        QStringLiteral("%1/repos/%2/hooks/%3").arg(baseUrl().toString(), hook.repo).arg(hook.id);
    QJsonObject config{{QStringLiteral("url"), hook.url.toString()},
                       {QStringLiteral("content_type"), hook.contentType},
                       {QStringLiteral("insecure_ssl"), hook.insecureSsl}};
    if (!hook.secret.isEmpty())
        config.insert(QStringLiteral("secret"), QStringLiteral("********"));
    return {{QStringLiteral("type"), QStringLiteral("Repository")},
            {QStringLiteral("id"), hook.id},
            {QStringLiteral("name"), QStringLiteral("web")},
            {QStringLiteral("active"), hook.active},
            {QStringLiteral("events"), QJsonArray::fromStringList(hook.events)},
            {QStringLiteral("config"), config},
            {QStringLiteral("updated_at"), time(hook.updatedAt)},
            {QStringLiteral("created_at"), time(hook.createdAt)},
            {QStringLiteral("url"), url},
            {QStringLiteral("test_url"), url + QStringLiteral("/test")},
            {QStringLiteral("ping_url"), url + QStringLiteral("/pings")},
            {QStringLiteral("deliveries_url"), url + QStringLiteral("/deliveries")},
            {QStringLiteral("last_response"),
             QJsonObject{{QStringLiteral("code"), QJsonValue()},
                         {QStringLiteral("status"), QStringLiteral("unused")},
                         {QStringLiteral("message"), QJsonValue()}}}};
}

SimResponse SimGitHub::validationFailed(const QString &field, const QString &resource) const
{
    SimResponse response = errorResponse(422, QStringLiteral("Validation Failed"));
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    body.insert(QStringLiteral("errors"),
                QJsonArray{QJsonObject{{QStringLiteral("resource"), resource},
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
    if (!m_userIds.contains(login)) {
        m_userIds.insert(login, 500 + m_userIds.size());
        m_accounts.remove(login);
    }
}

void SimGitHub::addRepo(const QString &fullName)
{
    if (m_repos.contains(fullName))
        return;
    m_repos.append(fullName);
    const qint64 id = 700000 + m_repoIds.size() + m_renamed.size();
    m_repoIds.insert(fullName, id);
    // A repo's owner is an organization unless it is one of the users.
    const QString owner = fullName.section(QLatin1Char('/'), 0, 0);
    if (!m_userIds.contains(owner) && !m_orgIds.contains(owner))
        m_orgIds.insert(owner, 1000000 + m_orgIds.size());
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
    m_repoIds.insert(to, m_repoIds.take(from)); // the same repository under a new name
    const QString owner = to.section(QLatin1Char('/'), 0, 0);
    if (!m_userIds.contains(owner) && !m_orgIds.contains(owner))
        m_orgIds.insert(owner, 1000000 + m_orgIds.size());
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

void SimGitHub::setRateHeaders(SimResponse &response, const Window &window) const
{
    response.setHeader("x-ratelimit-limit", QByteArray::number(m_rateLimit));
    response.setHeader("x-ratelimit-remaining",
                       QByteArray::number(std::max(0, m_rateLimit - window.used)));
    response.setHeader("x-ratelimit-reset",
                       QByteArray::number(window.start.toSecsSinceEpoch() + m_rateWindowSeconds));
    response.setHeader("x-ratelimit-used", QByteArray::number(window.used));
    response.setHeader("x-ratelimit-resource", "core");
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
    if (const Window &current = window(token(request)); current.used >= m_rateLimit) {
        const QString login = this->login(request);
        SimResponse limited = errorResponse(
            403, QStringLiteral(
                     "API rate limit exceeded for user ID %1. If you reach out to GitHub Support "
                     "for help, please include the request ID.")
                     .arg(m_userIds.value(login)));
        // The window that refused it, as GitHub says: by finish() a new one may have begun.
        setRateHeaders(limited, current);
        return limited;
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

    // Conditional requests answered with 304 do not count; those the limit refused (admit()
    // gave them their headers) already did.
    const bool refused = !response.headerValue("x-ratelimit-remaining").isEmpty();
    const bool counts = response.status != 304 && !refused;
    if (!refused) {
        Window &window = this->window(token);
        if (counts)
            ++window.used;
        setRateHeaders(response, window);
    }
    response.setHeader("X-GitHub-Api-Version-Selected", "2022-11-28");
    return counts ? 1 : 0;
}

QJsonObject SimGitHub::issueJson(const SimGitHubIssue &issue, bool withRepository) const
{
    const QString apiRepo = baseUrl().toString() + QStringLiteral("/repos/") + issue.repo;
    const QString api = QStringLiteral("%1/issues/%2").arg(apiRepo).arg(issue.number);
    const QString html = SimServer::baseUrl().toString() + QLatin1Char('/') + issue.repo;

    QJsonArray assignees;
    for (const QString &login : issue.assignees)
        assignees.append(userJson(login));
    QJsonArray labels;
    for (const QString &name : issue.labels)
        labels.append(labelJson(issue.repo, label(issue.repo, name)));

    QJsonObject json{
        {QStringLiteral("url"), api},
        {QStringLiteral("repository_url"), apiRepo},
        {QStringLiteral("labels_url"), api + QStringLiteral("/labels{/name}")},
        {QStringLiteral("comments_url"), api + QStringLiteral("/comments")},
        {QStringLiteral("events_url"), api + QStringLiteral("/events")},
        {QStringLiteral("html_url"),
         QStringLiteral("%1/%2/%3")
             .arg(html, issue.pullRequest ? QStringLiteral("pull") : QStringLiteral("issues"))
             .arg(issue.number)},
        {QStringLiteral("id"), issue.id},
        {QStringLiteral("node_id"),
         nodeId(issue.pullRequest ? QLatin1StringView("PullRequest") : QLatin1StringView("Issue"),
                issue.id)},
        {QStringLiteral("number"), issue.number},
        {QStringLiteral("title"), issue.title},
        {QStringLiteral("user"), userJson(issue.author)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("state"), issue.state},
        {QStringLiteral("locked"), false},
        {QStringLiteral("assignee"), assignees.isEmpty() ? QJsonValue() : assignees.first()},
        {QStringLiteral("assignees"), assignees},
        {QStringLiteral("milestone"),
         issue.milestoneDueOn.isValid()
             ? QJsonValue(milestoneJson(issue.repo, milestone(issue.repo, issue.milestoneDueOn)))
             : QJsonValue()},
        {QStringLiteral("comments"), issue.comments},
        {QStringLiteral("created_at"), time(issue.createdAt)},
        {QStringLiteral("updated_at"), time(issue.updatedAt)},
        {QStringLiteral("closed_at"), time(issue.closedAt)},
        {QStringLiteral("author_association"), authorAssociation(issue.author, issue.repo)},
        {QStringLiteral("active_lock_reason"), QJsonValue()},
        {QStringLiteral("body"), issue.body.isNull() ? QJsonValue() : QJsonValue(issue.body)},
        {QStringLiteral("reactions"), reactionsJson(api + QStringLiteral("/reactions"))},
        {QStringLiteral("timeline_url"), api + QStringLiteral("/timeline")},
        {QStringLiteral("performed_via_github_app"), QJsonValue()},
        {QStringLiteral("state_reason"),
         issue.stateReason.isEmpty() ? QJsonValue() : QJsonValue(issue.stateReason)},
    };
    if (issue.pullRequest) {
        const QString pull = QStringLiteral("%1/pull/%2").arg(html).arg(issue.number);
        json.insert(QStringLiteral("draft"), false);
        json.insert(QStringLiteral("pull_request"),
                    QJsonObject{{QStringLiteral("url"),
                                 QStringLiteral("%1/pulls/%2").arg(apiRepo).arg(issue.number)},
                                {QStringLiteral("html_url"), pull},
                                {QStringLiteral("diff_url"), pull + QStringLiteral(".diff")},
                                {QStringLiteral("patch_url"), pull + QStringLiteral(".patch")},
                                {QStringLiteral("merged_at"), QJsonValue()}});
    }
    if (withRepository)
        json.insert(QStringLiteral("repository"), repositoryJson(issue.repo));
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

    // The listings across repos name each issue's repository.
    const bool withRepository = !request.endpoint.contains(QLatin1String("/repos/"));
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
