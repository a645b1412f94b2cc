#include "ClickUpReader.h"

#include "core/Entities.h"
#include "core/Logging.h"
#include "core/SyncState.h"
#include "core/TaskStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace UpNext {

namespace {

const QString HighWaterKey = QStringLiteral("highWater");
const QString UserIdKey = QStringLiteral("userId");
const QString LastFullListingKey = QStringLiteral("lastFullListing");
const QString TeamIdKey = QStringLiteral("teamId");
const QString ListsReadKey = QStringLiteral("listsRead"); // "*": the whole workspace
constexpr qsizetype PageSize = 100;

} // namespace

ClickUpReader::ClickUpReader(RestClient *client, TaskStore *store, SyncState *state,
                             const Entities *entities, const ClickUpReaderOptions &options,
                             QObject *parent)
    : SourceReader(Sources::ClickUp, client, store, state, parent)
    , m_entities(entities)
    , m_options(options)
{
    for (QString &id : m_options.listIds)
        id = id.trimmed();
    m_options.listIds.removeAll(QString());
    m_options.listIds.removeDuplicates();
    m_options.teamId = m_options.teamId.trimmed();
}

void ClickUpReader::configure(RestClient *client, const QByteArray &token)
{
    // Personal tokens ("pk_…") go bare; OAuth tokens would need "Bearer ".
    client->setDefaultHeader("Authorization", token);
}

void ClickUpReader::start()
{
    if (m_options.listIds.isEmpty() && m_options.teamId.isEmpty()) {
        // Finish from the event loop, as every other outcome does.
        QMetaObject::invokeMethod(
            this, [this] { finish(tr("ClickUp: no lists or workspace configured")); },
            Qt::QueuedConnection);
        return;
    }
    bool ok = false;
    m_since = m_state->value(Sources::ClickUp, HighWaterKey).toLongLong(&ok);
    if (!ok || m_since < 0)
        m_since = 0;
    m_highWater = m_since;
    loadRecheck();
    m_teamId = m_options.teamId;
    if (m_teamId.isEmpty())
        m_teamId = m_state->value(Sources::ClickUp, TeamIdKey);
    m_full = m_options.fullListing || m_since == 0 || scopeGrew();
    for (const Task &task : m_store->tasksBySource(Sources::ClickUp)) {
        m_stored.insert(task.id, task);
        // Tasks created here and not yet confirmed are the outbox's business.
        if (task.isOpen() && task.assignedToMe && !Task::isLocalId(task.id))
            m_listedBefore.append({task.id, task.container});
    }
    readUser();
}

void ClickUpReader::readUser()
{
    request(m_client->url(QStringLiteral("/user")), {}, [this](const HttpReply &reply) {
        if (reply.status != 200)
            return fail(reply);
        const QJsonObject user =
            QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("user")).toObject();
        m_userId = ClickUpTask::idString(user.value(QStringLiteral("id")));
        if (m_userId.isEmpty())
            return finish(tr("ClickUp error: the answer to /user has no user id"));
        m_username = user.value(QStringLiteral("username")).toString();
        m_result.state.insert(UserIdKey, m_userId);
        readPages(scopes(), 0, [this] {
            if (m_full)
                checkMissing();
            else
                checkNext(withRecheck({}));
        });
    });
}

// A list read for the first time has tasks an incremental read would not list.
bool ClickUpReader::scopeGrew() const
{
    const QString before = m_state->value(Sources::ClickUp, ListsReadKey);
    if (before == QLatin1String("*"))
        return false;
    if (m_options.listIds.isEmpty())
        return true;
    const QStringList read = before.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return std::any_of(m_options.listIds.cbegin(), m_options.listIds.cend(),
                       [&read](const QString &id) { return !read.contains(id); });
}

QList<ClickUpReader::Scope> ClickUpReader::scopes() const
{
    const auto encoded = [](const QString &id) {
        return QString::fromLatin1(QUrl::toPercentEncoding(id));
    };
    QList<Scope> result;
    if (m_options.listIds.isEmpty()) {
        result.append({QStringLiteral("/team/%1/task").arg(encoded(m_options.teamId)), {}});
        return result;
    }
    for (const QString &listId : m_options.listIds)
        result.append({QStringLiteral("/list/%1/task").arg(encoded(listId)), listId});
    // A task moved to a list not read is in none of them; a full listing asks about it alone.
    if (!m_full && !m_teamId.isEmpty())
        result.append({QStringLiteral("/team/%1/task").arg(encoded(m_teamId)), {}, true});
    return result;
}

QUrl ClickUpReader::pageUrl(const Scope &scope, int page) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    if (m_full) {
        // The user's open tasks; known ones that are missing are asked about afterwards.
        query.addQueryItem(QStringLiteral("include_closed"), QStringLiteral("false"));
        query.addQueryItem(QStringLiteral("subtasks"), QStringLiteral("true"));
        query.addQueryItem(QStringLiteral("assignees[]"), m_userId);
    } else {
        // Everything that changed, whoever it belongs to now, so that completions and
        // unassignments show up.
        query.addQueryItem(QStringLiteral("include_closed"), QStringLiteral("true"));
        query.addQueryItem(QStringLiteral("subtasks"), QStringLiteral("true"));
        query.addQueryItem(QStringLiteral("date_updated_gt"), QString::number(m_since));
        // Elsewhere, only the user's tasks matter: the lists read show unassignments.
        if (scope.elsewhere)
            query.addQueryItem(QStringLiteral("assignees[]"), m_userId);
    }
    QUrl url = m_client->url(scope.path);
    url.setQuery(query);
    return url;
}

void ClickUpReader::readPages(QList<Scope> queue, int page, std::function<void()> then)
{
    if (queue.isEmpty())
        return then();
    const Scope scope = queue.first();
    request(
        pageUrl(scope, page), {}, [this, queue, page, then, scope](const HttpReply &reply) mutable {
            if (reply.status != 200 && scope.elsewhere) {
                // Only a check: the daily full listing will find moved tasks anyway.
                warn(tr("Could not look for tasks moved to other lists: %1").arg(describe(reply)));
                queue.removeFirst();
                return readPages(queue, 0, then);
            }
            if (reply.status != 200)
                return fail(reply);
            bool lastPage = true;
            if (!takeTasks(reply.body, scope, &lastPage))
                return finish(
                    tr("ClickUp error: %1 (the answer has no task list)").arg(reply.status));
            Q_EMIT progress(int(m_seen.size()));
            if (!lastPage)
                return readPages(queue, page + 1, then);
            queue.removeFirst();
            readPages(queue, 0, then);
        });
}

bool ClickUpReader::takeTasks(const QByteArray &json, const Scope &scope, bool *lastPage)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return false;
    const QJsonObject page = document.object();
    const QJsonValue tasks = page.value(QStringLiteral("tasks"));
    if (!tasks.isArray())
        return false;
    const QJsonArray items = tasks.toArray();
    for (const QJsonValue &value : items) {
        if (!value.isObject()) {
            warn(tr("Skipped an item that is not an object"));
            continue;
        }
        const QJsonObject object = value.toObject();
        if (m_teamId.isEmpty())
            m_teamId = ClickUpTask::idString(object.value(QStringLiteral("team_id")));
        const std::optional<Task> task = taskFromJson(object, scope.listId);
        if (!task || m_seen.contains(task->id))
            continue;
        if (scope.elsewhere && !inScope(task->container)) {
            // Moved out of the lists read since we last looked.
            const auto stored = m_stored.constFind(task->id);
            if (stored != m_stored.cend() && stored->assignedToMe) {
                m_seen.insert(task->id);
                m_result.notMine.append(task->id);
            }
            continue;
        }
        m_seen.insert(task->id);
        // Asked again because it changed while the previous read paged: no news.
        if (!m_full && storedAsIs(*task))
            continue;
        if (task->assignedToMe)
            m_result.tasks.append(*task);
        else if (m_stored.contains(task->id))
            m_result.notMine.append(task->id); // unassigned since we last looked
    }
    // An empty page ends the listing whatever it says, so a confused server cannot loop us.
    const QJsonValue last = page.value(QStringLiteral("last_page"));
    *lastPage = items.isEmpty() || (last.isBool() ? last.toBool() : items.size() < PageSize);
    return true;
}

std::optional<Task> ClickUpReader::taskFromJson(const QJsonObject &json, const QString &listOfPage)
{
    QStringList warnings;
    std::optional<Task> task =
        ClickUpTask(m_options.inProgressStatuses, m_userId, m_username, m_entities)
            .toTask(json, listOfPage, &warnings);
    for (const QString &warning : std::as_const(warnings))
        warn(warning);
    // Every task names its list: the window shows lists by name, never by id.
    const QJsonObject list = json.value(QStringLiteral("list")).toObject();
    const QString listName = list.value(QStringLiteral("name")).toString().trimmed();
    if (task && !listName.isEmpty())
        m_listNames.insert(ClickUpTask::idString(list.value(QStringLiteral("id"))), listName);
    if (task && task->updatedAt.isValid())
        m_highWater = std::max(m_highWater, task->updatedAt.toMSecsSinceEpoch());
    return task;
}

bool ClickUpReader::storedAsIs(const Task &task) const
{
    // The whole task, not its date_updated: a webhook may have moved that with one field
    // while an earlier change to another never arrived. As the engine compares in its merge.
    const auto stored = m_stored.constFind(task.id);
    if (stored == m_stored.cend())
        return false;
    Task listed = task;
    listed.localUpdatedAt = stored->localUpdatedAt;
    listed.score = stored->score;
    return listed == *stored;
}

bool ClickUpReader::inScope(const QString &listId) const
{
    return m_options.listIds.isEmpty() || m_options.listIds.contains(listId);
}

void ClickUpReader::checkMissing()
{
    QStringList missing;
    for (const auto &[id, listId] : std::as_const(m_listedBefore)) {
        if (!m_seen.contains(id) && inScope(listId))
            missing.append(id);
    }
    checkNext(withRecheck(missing));
}

void ClickUpReader::checkNext(QStringList ids)
{
    if (ids.isEmpty())
        return done();
    const QString id = ids.takeFirst();
    QString sourceId;
    Task::parseId(id, nullptr, &sourceId);
    request(m_client->url(QStringLiteral("/task/%1").arg(sourceId)), {},
            [this, ids, id](const HttpReply &reply) {
                if (SourceErrors::isClickUpTaskGone(reply)) {
                    m_result.notMine.append(id);
                    return checkNext(ids);
                }
                if (reply.status != 200)
                    return fail(reply);
                const QJsonDocument document = QJsonDocument::fromJson(reply.body);
                const std::optional<Task> task =
                    document.isObject() ? taskFromJson(document.object(), {}) : std::nullopt;
                if (!task)
                    return finish(
                        tr("ClickUp error: %1 (the answer is not a task)").arg(reply.status));
                if (!task->isOpen())
                    m_result.tasks.append(*task); // completed since
                else if (!task->assignedToMe || !inScope(task->container))
                    m_result.notMine.append(id); // unassigned, or moved out of the lists read
                else
                    m_result.tasks.append(*task); // still the user's: the listing missed it
                checkNext(ids);
            });
}

bool ClickUpReader::fullListingDue(const SyncState &state, const QDateTime &now)
{
    const QDateTime last =
        QDateTime::fromString(state.value(Sources::ClickUp, LastFullListingKey), Qt::ISODate);
    return !last.isValid() || last.secsTo(now) >= 24 * 3600;
}

void ClickUpReader::done()
{
    // What changed after the start may have missed a page read before it; ask again next time.
    const qint64 mark = std::min(m_highWater, startedAt().toMSecsSinceEpoch());
    if (mark > 0)
        m_result.state.insert(HighWaterKey, QString::number(mark));
    if (!m_teamId.isEmpty())
        m_result.state.insert(TeamIdKey, m_teamId);
    m_listNames.remove(QString());
    m_result.containerNames = m_listNames;
    m_result.state.insert(ListsReadKey, m_options.listIds.isEmpty()
                                            ? QStringLiteral("*")
                                            : m_options.listIds.join(QLatin1Char(',')));
    // Tasks of a list no longer read: nothing would ever update them again.
    for (const auto &[id, listId] : std::as_const(m_listedBefore)) {
        if (!m_seen.contains(id) && !listId.isEmpty() && !inScope(listId) &&
            !m_result.notMine.contains(id))
            m_result.notMine.append(id);
    }
    if (m_full)
        m_result.state.insert(LastFullListingKey, m_clock->now().toString(Qt::ISODate));
    m_result.complete = true;
    finish();
}

void ClickUpReader::warn(const QString &message)
{
    qCWarning(lcSync).noquote() << "ClickUp:" << message;
    m_result.warnings.append(message);
}

} // namespace UpNext
