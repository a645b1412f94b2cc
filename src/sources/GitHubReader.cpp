#include "GitHubReader.h"

#include "core/Entities.h"
#include "core/Logging.h"
#include "core/SyncState.h"
#include "core/TaskStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace UpNext {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString HighWaterKey = QStringLiteral("highWater");

QString repoOfId(const QString &id)
{
    QString sourceId;
    Task::parseId(id, nullptr, &sourceId);
    return sourceId.section(QLatin1Char('#'), 0, 0);
}

} // namespace

GitHubReader::GitHubReader(RestClient *client, TaskStore *store, SyncState *state,
                           const Entities *entities, const GitHubReaderOptions &options,
                           QObject *parent)
    : SourceReader(Sources::GitHub, client, store, state, parent)
    , m_entities(entities)
    , m_options(options)
{}

void GitHubReader::configure(RestClient *client, const QByteArray &token)
{
    client->setDefaultHeader("Authorization", "Bearer " + token);
    client->setDefaultHeader("Accept", "application/vnd.github+json");
    client->setDefaultHeader("X-GitHub-Api-Version", "2022-11-28");
}

void GitHubReader::start()
{
    m_since = QDateTime::fromString(m_state->value(Sources::GitHub, HighWaterKey), Qt::ISODate);
    m_highWater = m_since;
    loadRecheck();
    for (const Task &task : m_store->tasksBySource(Sources::GitHub)) {
        m_known.insert(task.id);
        // Tasks created here and not yet confirmed are the outbox's business.
        if (task.isOpen() && task.assignedToMe && !Task::isLocalId(task.id))
            m_listedBefore.append({task.id, task.container});
    }
    readUser();
}

void GitHubReader::readUser()
{
    getCached(
        m_client->url(QStringLiteral("/user")),
        [this](const HttpReply &, const QByteArray &body, bool) -> std::optional<QByteArray> {
            m_login =
                QJsonDocument::fromJson(body).object().value(QStringLiteral("login")).toString();
            if (m_login.isEmpty()) {
                finish(tr("GitHub error: the answer to /user has no login"));
                return std::nullopt;
            }
            m_result.state.insert(QStringLiteral("login"), m_login);
            readPages(firstPages(QStringLiteral("open"), {}), true, [this] {
                // Issues closed since the last change seen. The URL only changes when something
                // did, so an unchanged list is a free 304 too; the first read asks from its own
                // newest change.
                const QDateTime since = m_since.isValid() ? m_since : m_highWater;
                if (!since.isValid())
                    return checkMissing();
                readPages(firstPages(QStringLiteral("closed"), since.toString(Qt::ISODate)), false,
                          [this] { checkMissing(); });
            });
            return body;
        });
}

QString GitHubReader::optionsDigest() const
{
    const QString options =
        QStringList{m_options.includePullRequests ? QStringLiteral("pulls") : QString(),
                    m_options.blockingLabels.join(QLatin1Char(',')),
                    m_options.inProgressLabels.join(QLatin1Char(','))}
            .join(QLatin1Char(';'));
    return QString::fromLatin1(
        QCryptographicHash::hash(options.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
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

void GitHubReader::getCached(const QUrl &url, CachedHandler handler, bool conditional)
{
    // What we remember of a page depends on the options it was read with.
    const QString key = url.toString(QUrl::FullyEncoded) + QLatin1Char(' ') + optionsDigest();
    const std::optional<CachedResponse> cached =
        conditional ? m_state->cachedResponse(key) : std::nullopt;
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (cached)
        headers.append({"If-None-Match", cached->etag});
    request(url, headers, [this, url, key, cached, handler](const HttpReply &reply) {
        if (reply.status == 304 && cached) {
            if (!handler(reply, cached->payload, true))
                getCached(url, handler, false); // what we remembered is not enough: ask in full
            return;
        }
        if (reply.status != 200)
            return fail(reply);
        const std::optional<QByteArray> remember = handler(reply, reply.body, false);
        const QByteArray etag = reply.header("etag");
        if (remember && !etag.isEmpty())
            m_state->setCachedResponse(key, {etag, *remember});
    });
}

void GitHubReader::readPages(QList<QUrl> queue, bool open, std::function<void()> then)
{
    // A next link back to a page already read would go round for ever.
    while (!queue.isEmpty() && m_read.contains(queue.first().toString(QUrl::FullyEncoded)))
        queue.removeFirst();
    if (queue.isEmpty())
        return then();
    const QUrl url = queue.takeFirst();
    m_read.insert(url.toString(QUrl::FullyEncoded));
    getCached(
        url,
        [this, url, queue, open, then](const HttpReply &reply, const QByteArray &data,
                                       bool notModified) mutable -> std::optional<QByteArray> {
            QJsonObject page;
            if (notModified) {
                // An unchanged page: its ids are enough, and the store has the tasks as we last
                // saw them (or newer, e.g. done locally), unless it lost some: then read it again.
                page = QJsonDocument::fromJson(data).object();
                const QJsonArray ids = page.value(QStringLiteral("ids")).toArray();
                for (const QJsonValue &id : ids) {
                    if (open && !m_known.contains(id.toString()))
                        return std::nullopt;
                }
                for (const QJsonValue &id : ids)
                    m_seen.insert(id.toString());
            } else {
                static const QRegularExpression repoPath(
                    QStringLiteral(R"(/repos/([^/]+/[^/]+)/issues$)"));
                qsizetype items = 0;
                const std::optional<QStringList> ids =
                    takeItems(data, repoPath.match(url.path()).captured(1), &items);
                if (!ids) {
                    finish(
                        tr("GitHub error: %1 (the answer is not a JSON list)").arg(reply.status));
                    return std::nullopt;
                }
                page.insert(QStringLiteral("ids"), QJsonArray::fromStringList(*ids));
                // An empty page ends the listing whatever its Link says: pages past the end
                // would otherwise be read for as long as they point further.
                page.insert(
                    QStringLiteral("next"),
                    items == 0
                        ? QString()
                        : m_client->linkedPage(reply, "next"_L1).toString(QUrl::FullyEncoded));
            }
            for (const QJsonValue &id : page.value(QStringLiteral("ids")).toArray())
                m_listedRepos.insert(repoOfId(id.toString()).toLower());
            Q_EMIT progress(int(m_seen.size()));
            const QUrl next(page.value(QStringLiteral("next")).toString());
            if (next.isValid())
                queue.prepend(next);
            // Go on after this page is remembered: getCached stores it once we return.
            QMetaObject::invokeMethod(
                this, [this, queue, open, then] { readPages(queue, open, then); },
                Qt::QueuedConnection);
            return QJsonDocument(page).toJson(QJsonDocument::Compact);
        });
}

std::optional<QStringList> GitHubReader::takeItems(const QByteArray &json,
                                                   const QString &repoOfPage, qsizetype *items)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    *items = document.array().size();
    QStringList ids;
    for (const QJsonValue &value : document.array()) {
        if (!value.isObject()) {
            m_result.warnings.append(tr("Skipped an item that is not an object"));
            continue;
        }
        if (std::optional<Task> task = taskFromJson(value.toObject(), repoOfPage)) {
            ids.append(task->id);
            if (!m_seen.contains(task->id)) {
                m_seen.insert(task->id);
                m_result.tasks.append(*task);
            }
        }
    }
    return ids;
}

std::optional<Task> GitHubReader::taskFromJson(const QJsonObject &issue, const QString &repoOfPage)
{
    QStringList warnings;
    std::optional<Task> task =
        GitHubIssue(m_options, m_login, m_entities).toTask(issue, repoOfPage, &warnings);
    for (const QString &warning : std::as_const(warnings))
        qCWarning(lcSync).noquote() << "GitHub:" << warning;
    m_result.warnings.append(warnings);
    if (task && task->updatedAt.isValid() &&
        (!m_highWater.isValid() || task->updatedAt > m_highWater))
        m_highWater = task->updatedAt;
    return task;
}

bool GitHubReader::wanted(const QString &repo) const
{
    // GitHub's names are not case-sensitive; a renamed repo is read through its old name.
    return m_options.repos.isEmpty() || m_options.repos.contains(repo, Qt::CaseInsensitive) ||
           m_listedRepos.contains(repo.toLower());
}

void GitHubReader::checkMissing()
{
    QStringList missing;
    for (const auto &[id, repo] : std::as_const(m_listedBefore)) {
        if (m_seen.contains(id))
            continue;
        if (wanted(repo))
            missing.append(id);
        else
            m_result.notMine.append(id); // its repo was taken out of the settings
    }
    checkNext(withRecheck(missing));
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
                    if (task && task->id != id) {
                        // A renamed repo or a transferred issue: GitHub's redirect led to where
                        // it is now, which gives the task its new id (a new number, too, after a
                        // transfer). Into a repo that is not read, it leaves the list.
                        if (!wanted(task->container)) {
                            m_result.notMine.append(id);
                        } else {
                            m_result.moved.insert(id, task->id);
                            if (!m_seen.contains(task->id)) {
                                m_seen.insert(task->id);
                                m_result.tasks.append(*task);
                            }
                        }
                    } else if (task && (task->assignedToMe || !task->isOpen())) {
                        m_result.tasks.append(*task);
                    } else {
                        m_result.notMine.append(id);
                    }
                } else {
                    return fail(reply);
                }
                checkNext(ids);
            });
}

void GitHubReader::done()
{
    // Never later than the read's start by GitHub's clock: a close made while it read may have
    // missed a closed list read before it.
    const QDateTime mark = std::min(m_highWater, startedAt());
    if (m_highWater.isValid())
        m_result.state.insert(HighWaterKey, mark.toString(Qt::ISODate));
    m_result.complete = true;
    finish();
}

} // namespace UpNext
