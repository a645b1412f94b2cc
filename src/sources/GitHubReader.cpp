#include "GitHubReader.h"

#include "core/Entities.h"
#include "core/Logging.h"
#include "core/TaskStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrlQuery>

namespace UpNext {

namespace {

const QString HighWaterKey = QStringLiteral("highWater");
constexpr qsizetype MaxTitle = 1024;
constexpr qsizetype MaxDescription = 256 * 1024;

QUrl nextLink(const HttpReply &reply)
{
    static const QRegularExpression next(QStringLiteral(R"(<([^>]+)>\s*;\s*rel="next")"));
    const QRegularExpressionMatch match = next.match(QString::fromUtf8(reply.header("link")));
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

} // namespace

GitHubReader::GitHubReader(RestClient *client, TaskStore *store, const Entities *entities,
                           const GitHubReaderOptions &options, QObject *parent)
    : SourceReader(Sources::GitHub, client, store, parent)
    , m_entities(entities)
    , m_options(options)
{}

void GitHubReader::configure(RestClient *client, const QByteArray &token)
{
    client->setDefaultHeader("Authorization", "Bearer " + token);
    client->setDefaultHeader("Accept", "application/vnd.github+json");
    client->setDefaultHeader("X-GitHub-Api-Version", "2022-11-28");
}

std::optional<QDateTime> GitHubReader::rateLimitedUntil(const HttpReply &reply) const
{
    if (reply.status != 403 && reply.status != 429)
        return std::nullopt;
    const QByteArray retryAfter = reply.header("retry-after");
    if (!retryAfter.isEmpty())
        return QDateTime::currentDateTimeUtc().addSecs(std::max(1, retryAfter.toInt()));
    if (reply.header("x-ratelimit-remaining") == "0") {
        const qint64 reset = reply.header("x-ratelimit-reset").toLongLong();
        return reset > 0 ? QDateTime::fromSecsSinceEpoch(reset, QTimeZone::utc())
                         : QDateTime::currentDateTimeUtc().addSecs(60);
    }
    return std::nullopt;
}

QString GitHubReader::errorText(const QByteArray &body) const
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
}

void GitHubReader::start()
{
    m_since = QDateTime::fromString(m_store->syncValue(Sources::GitHub, HighWaterKey), Qt::ISODate);
    m_highWater = m_since;
    readUser();
}

void GitHubReader::readUser()
{
    getCached(m_client->url(QStringLiteral("/user")), [this](const HttpReply &,
                                                             const QByteArray &body) {
        m_login = QJsonDocument::fromJson(body).object().value(QStringLiteral("login")).toString();
        if (m_login.isEmpty()) {
            finish(tr("GitHub error: the answer to /user has no login"));
            return false;
        }
        m_result.state.insert(QStringLiteral("login"), m_login);
        readPages(firstPages(QStringLiteral("open"), {}), [this] {
            // Issues closed since the last change seen. The URL only changes when something did,
            // so an unchanged list is a free 304 too; the first read asks from its own newest
            // change.
            const QDateTime since = m_since.isValid() ? m_since : m_highWater;
            if (!since.isValid())
                return checkMissing();
            readPages(firstPages(QStringLiteral("closed"), since.toString(Qt::ISODate)),
                      [this] { checkMissing(); });
        });
        return true;
    });
}

QList<QUrl> GitHubReader::firstPages(const QString &state, const QString &since) const
{
    QList<QUrl> urls;
    auto make = [&](const QString &path, QUrlQuery query) {
        query.addQueryItem(QStringLiteral("state"), state);
        if (!since.isEmpty())
            query.addQueryItem(QStringLiteral("since"), since);
        query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
        QUrl url = m_client->url(path);
        url.setQuery(query);
        urls.append(url);
    };
    if (m_options.repos.isEmpty()) {
        make(QStringLiteral("/issues"),
             QUrlQuery{{QStringLiteral("filter"), QStringLiteral("assigned")}});
    } else {
        for (const QString &repo : m_options.repos)
            make(QStringLiteral("/repos/%1/issues").arg(repo),
                 QUrlQuery{{QStringLiteral("assignee"), m_login}});
    }
    return urls;
}

void GitHubReader::getCached(const QUrl &url,
                             std::function<bool(const HttpReply &, const QByteArray &)> handler)
{
    const QString key = url.toString(QUrl::FullyEncoded);
    const std::optional<CachedResponse> cached = m_store->cachedResponse(key);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (cached)
        headers.append({"If-None-Match", cached->etag});
    request(url, headers, [this, key, cached, handler](const HttpReply &reply) {
        if (reply.status == 304 && cached) {
            handler(reply, qUncompress(cached->payload));
            return;
        }
        if (reply.status != 200)
            return finish(describe(reply));
        // Only an answer that could be used is worth a 304 next time.
        const QByteArray etag = reply.header("etag");
        if (handler(reply, reply.body) && !etag.isEmpty())
            m_store->setCachedResponse(key, {etag, qCompress(reply.body)});
    });
}

void GitHubReader::readPages(QList<QUrl> queue, std::function<void()> then)
{
    if (queue.isEmpty())
        return then();
    const QUrl url = queue.takeFirst();
    getCached(url, [this, url, queue, then](const HttpReply &reply,
                                            const QByteArray &body) mutable {
        static const QRegularExpression repoPath(QStringLiteral(R"(/repos/([^/]+/[^/]+)/issues$)"));
        if (!takeItems(body, repoPath.match(url.path()).captured(1))) {
            finish(tr("GitHub error: %1 (the answer is not a JSON list)").arg(reply.status));
            return false;
        }
        Q_EMIT progress(int(m_result.tasks.size()));
        const QUrl next = nextLink(reply);
        if (next.isValid())
            queue.prepend(next);
        // Continue once this page is cached: the handler's caller stores it after we return.
        QMetaObject::invokeMethod(
            this, [this, queue, then] { readPages(queue, then); }, Qt::QueuedConnection);
        return true;
    });
}

bool GitHubReader::takeItems(const QByteArray &json, const QString &repoOfPage)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return false;
    for (const QJsonValue &value : document.array()) {
        if (!value.isObject()) {
            m_result.warnings.append(tr("Skipped an item that is not an object"));
            continue;
        }
        if (std::optional<Task> task = taskFromJson(value.toObject(), repoOfPage)) {
            if (!m_seen.contains(task->id)) {
                m_seen.insert(task->id);
                m_result.tasks.append(*task);
            }
        }
    }
    return true;
}

std::optional<Task> GitHubReader::taskFromJson(const QJsonObject &issue, const QString &repoOfPage)
{
    const auto warn = [this](const QString &message) {
        qCWarning(lcSync).noquote() << "GitHub:" << message;
        m_result.warnings.append(message);
    };
    if (issue.contains(QStringLiteral("pull_request")) && !m_options.includePullRequests)
        return std::nullopt;

    const QString repo = issue.value(QStringLiteral("repository"))
                             .toObject()
                             .value(QStringLiteral("full_name"))
                             .toString(repoOfPage);
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
    task.assignedToMe = assignees.contains(m_login, Qt::CaseInsensitive);
    task.assignee = task.assignedToMe ? m_login : assignees.value(0);

    const QDateTime due = QDateTime::fromString(issue.value(QStringLiteral("milestone"))
                                                    .toObject()
                                                    .value(QStringLiteral("due_on"))
                                                    .toString(),
                                                Qt::ISODate);
    task.dueDate = due.isValid() ? due.toUTC().date() : QDate();
    task.url = issue.value(QStringLiteral("html_url")).toString();
    task.updatedAt =
        QDateTime::fromString(issue.value(QStringLiteral("updated_at")).toString(), Qt::ISODate);
    if (!task.updatedAt.isValid())
        warn(tr("%1 has no valid updated_at").arg(task.id));
    task.lastActivity = task.updatedAt;
    if (task.updatedAt.isValid() && (!m_highWater.isValid() || task.updatedAt > m_highWater))
        m_highWater = task.updatedAt;

    if (m_entities) {
        task.entity = m_entities->fromGitHubTitle(task.title);
        if (const std::optional<Entity> entity = m_entities->find(task.entity))
            task.isRevenue = entity->revenue;
    }
    return task;
}

void GitHubReader::checkMissing()
{
    QStringList missing;
    for (const Task &task : m_store->tasksBySource(Sources::GitHub)) {
        if (task.isOpen() && task.assignedToMe && !m_seen.contains(task.id) &&
            (m_options.repos.isEmpty() || m_options.repos.contains(task.container)))
            missing.append(task.id);
    }
    checkNext(missing);
}

void GitHubReader::checkNext(QStringList ids)
{
    if (ids.isEmpty())
        return done();
    const QString id = ids.takeFirst();
    QString sourceId;
    Task::parseId(id, nullptr, &sourceId);
    const QString repo = sourceId.section(QLatin1Char('#'), 0, 0);
    const QString number = sourceId.section(QLatin1Char('#'), 1);
    request(m_client->url(QStringLiteral("/repos/%1/issues/%2").arg(repo, number)), {},
            [this, ids, id, repo](const HttpReply &reply) {
                if (reply.status == 404 || reply.status == 410) {
                    m_result.notMine.append(id); // deleted or transferred
                } else if (reply.status == 200) {
                    const std::optional<Task> task =
                        taskFromJson(QJsonDocument::fromJson(reply.body).object(), repo);
                    if (task && (task->assignedToMe || !task->isOpen()))
                        m_result.tasks.append(*task);
                    else
                        m_result.notMine.append(id);
                } else {
                    return finish(describe(reply));
                }
                checkNext(ids);
            });
}

void GitHubReader::done()
{
    if (m_highWater.isValid())
        m_result.state.insert(HighWaterKey, m_highWater.toString(Qt::ISODate));
    m_result.complete = true;
    finish();
}

} // namespace UpNext
