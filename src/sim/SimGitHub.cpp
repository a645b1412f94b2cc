#include "SimGitHub.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

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

} // namespace

SimGitHub::SimGitHub(const QString &pathPrefix, QObject *parent)
    : SimServer(parent)
    , m_pathPrefix(pathPrefix)
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Get, QStringLiteral("/user"), [this](const SimRequest &request) {
        const QString user = login(request);
        QJsonObject json = userJson(user, m_userIds.value(user));
        json.insert(QStringLiteral("name"), user);
        return SimResponse::json(200, json);
    });

    addRoute(Method::Get, QStringLiteral("/issues"), [this](const SimRequest &request) {
        const QString user = login(request);
        const QString filter =
            request.queryValue(QStringLiteral("filter"), QStringLiteral("assigned"));
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
    });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/issues"),
             [this](const SimRequest &request) {
                 const QString repo =
                     request.captures.at(0) + QLatin1Char('/') + request.captures.at(1);
                 if (!m_repos.contains(repo))
                     return errorResponse(404, QStringLiteral("Not Found"));
                 const QString assignee = request.queryValue(QStringLiteral("assignee"));
                 QList<const SimGitHubIssue *> candidates;
                 for (const SimGitHubIssue &issue : std::as_const(m_issues)) {
                     if (issue.repo != repo)
                         continue;
                     if (assignee == QLatin1String("none") ? !issue.assignees.isEmpty()
                         : assignee == QLatin1String("*")  ? issue.assignees.isEmpty()
                         : !assignee.isEmpty()             ? !issue.assignees.contains(assignee)
                                                           : false)
                         continue;
                     candidates.append(&issue);
                 }
                 return listIssues(request, candidates);
             });

    addRoute(Method::Get, QStringLiteral("/repos/{owner}/{repo}/issues/{number}"),
             [this](const SimRequest &request) {
                 const QString repo =
                     request.captures.at(0) + QLatin1Char('/') + request.captures.at(1);
                 const SimGitHubIssue *found = issue(repo, request.captures.at(2).toInt());
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

int SimGitHub::addIssue(SimGitHubIssue issue)
{
    addRepo(issue.repo);
    if (issue.number == 0) {
        int last = 0;
        for (const SimGitHubIssue &existing : std::as_const(m_issues)) {
            if (existing.repo == issue.repo)
                last = std::max(last, existing.number);
        }
        issue.number = last + 1;
    }
    if (!issue.createdAt.isValid())
        issue.createdAt = now();
    if (!issue.updatedAt.isValid())
        issue.updatedAt = issue.createdAt;
    if (issue.author.isEmpty())
        issue.author = QStringLiteral("octocat");
    for (const QString &user : issue.assignees + QStringList{issue.author})
        addUser(user, {});
    m_issues.append(issue);
    return issue.number;
}

SimGitHubIssue *SimGitHub::issue(const QString &repo, int number)
{
    for (SimGitHubIssue &issue : m_issues) {
        if (issue.repo == repo && issue.number == number)
            return &issue;
    }
    return nullptr;
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
    for (const QByteArray scheme : {QByteArrayLiteral("Bearer "), QByteArrayLiteral("token ")}) {
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
    if (window(token(request)).used >= m_rateLimit) {
        const QString login = this->login(request);
        return errorResponse(
            403, QStringLiteral(
                     "API rate limit exceeded for user ID %1. If you reach out to GitHub Support "
                     "for help, please include the request ID.")
                     .arg(m_userIds.value(login)));
    }
    return std::nullopt;
}

int SimGitHub::finish(const SimRequest &request, SimResponse &response)
{
    const QString token = this->token(request);
    if (!m_tokens.contains(token))
        return 0;

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
    const qsizetype index = &issue - m_issues.constData();

    QJsonArray assignees;
    for (const QString &login : issue.assignees)
        assignees.append(userJson(login, m_userIds.value(login)));
    QJsonArray labels;
    for (const QString &label : issue.labels)
        labels.append(QJsonObject{{QStringLiteral("name"), label},
                                  {QStringLiteral("color"), QStringLiteral("d73a4a")}});

    QJsonObject json{
        {QStringLiteral("id"), m_nextId + index},
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
    const int perPage = std::clamp(
        request.queryValue(QStringLiteral("per_page"), QStringLiteral("30")).toInt(), 1, 100);
    const int page =
        std::max(1, request.queryValue(QStringLiteral("page"), QStringLiteral("1")).toInt());

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

    QJsonArray items;
    const bool withRepository = request.endpoint.endsWith(QLatin1String(" /issues"));
    for (qsizetype i = qsizetype(page - 1) * perPage;
         i < std::min<qsizetype>(matching.size(), qsizetype(page) * perPage); ++i)
        items.append(issueJson(*matching.at(i), withRepository));
    SimResponse response = SimResponse::json(200, items);

    const int lastPage = std::max(1, int((matching.size() + perPage - 1) / perPage));
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
