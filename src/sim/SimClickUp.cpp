#include "SimClickUp.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace UpNext::Sim {

namespace {

const QString PathPrefix = QStringLiteral("/api/v2");
const QString SpaceId = QStringLiteral("90150000002");
const QString FolderId = QStringLiteral("90160000003");
constexpr int PageSize = 100;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// ClickUp sends timestamps as strings of unix milliseconds, null when unset.
QJsonValue msString(qint64 ms)
{
    return ms > 0 ? QJsonValue(QString::number(ms)) : QJsonValue();
}

bool isClosedType(const QString &type)
{
    return type == QLatin1String("closed") || type == QLatin1String("done");
}

QString defaultColor(const QString &type)
{
    if (type == QLatin1String("custom"))
        return QStringLiteral("#4194f6");
    if (isClosedType(type))
        return QStringLiteral("#6bc950");
    return QStringLiteral("#d3d3d3");
}

QJsonValue priorityJson(int priority)
{
    static const QStringList names = {QStringLiteral("urgent"), QStringLiteral("high"),
                                      QStringLiteral("normal"), QStringLiteral("low")};
    static const QStringList colors = {QStringLiteral("#f50000"), QStringLiteral("#f8ae00"),
                                       QStringLiteral("#6fddff"), QStringLiteral("#d8d8d8")};
    if (priority < 1 || priority > 4)
        return {};
    return QJsonObject{{QStringLiteral("id"), QString::number(priority)},
                       {QStringLiteral("priority"), names.at(priority - 1)},
                       {QStringLiteral("color"), colors.at(priority - 1)},
                       {QStringLiteral("orderindex"), QString::number(priority)}};
}

QString initials(const QString &username)
{
    QString result;
    for (const QString &word : username.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (result.size() < 2)
            result.append(word.at(0).toUpper());
    }
    return result;
}

// ClickUp's error body. Codes beyond the documented ones are plausible stand-ins:
// clients must go by the HTTP status and the OAUTH_ prefix, not by exact codes.
SimResponse error(int status, const QString &message, const QString &code)
{
    return SimResponse::json(
        status, QJsonObject{{QStringLiteral("err"), message}, {QStringLiteral("ECODE"), code}});
}

SimResponse taskNotFound()
{
    return error(404, QStringLiteral("Task not found"), QStringLiteral("ITEM_013"));
}

SimResponse listNotFound()
{
    return error(404, QStringLiteral("List not found"), QStringLiteral("LIST_001"));
}

SimResponse teamNotAuthorized()
{
    return error(401, QStringLiteral("Team not authorized"), QStringLiteral("OAUTH_027"));
}

SimResponse spaceNotFound()
{
    return error(401, QStringLiteral("Team not authorized"), QStringLiteral("OAUTH_061"));
}

} // namespace

SimClickUp::SimClickUp(QObject *parent)
    : SimServer(parent)
{
    addReadRoutes();
    addWriteRoutes();
    addWebhookRoutes();
}

void SimClickUp::addReadRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Get, QStringLiteral("/user"), [this](const SimRequest &request) {
        QJsonObject user = userJson(userId(request));
        user.insert(QStringLiteral("week_start_day"), 0);
        user.insert(QStringLiteral("global_font_support"), true);
        user.insert(QStringLiteral("timezone"), QStringLiteral("Etc/UTC"));
        return SimResponse::json(200, QJsonObject{{QStringLiteral("user"), user}});
    });

    // The workspace, its one space and the space's lists (folderless), for account settings.
    addRoute(Method::Get, QStringLiteral("/team"), [this](const SimRequest &) {
        QJsonArray members;
        QList<qint64> ids = m_users.keys();
        std::sort(ids.begin(), ids.end());
        for (const qint64 id : std::as_const(ids))
            members.append(QJsonObject{{QStringLiteral("user"), userJson(id)}});
        const QJsonObject team{{QStringLiteral("id"), m_teamId},
                               {QStringLiteral("name"), m_teamName},
                               {QStringLiteral("color"), QStringLiteral("#7b68ee")},
                               {QStringLiteral("avatar"), QJsonValue()},
                               {QStringLiteral("members"), members}};
        return SimResponse::json(200, QJsonObject{{QStringLiteral("teams"), QJsonArray{team}}});
    });

    addRoute(Method::Get, QStringLiteral("/team/{team_id}/space"),
             [this](const SimRequest &request) {
                 if (request.captures.at(0) != m_teamId)
                     return teamNotAuthorized();
                 const QJsonObject space{{QStringLiteral("id"), SpaceId},
                                         {QStringLiteral("name"), QStringLiteral("Space")},
                                         {QStringLiteral("private"), false},
                                         {QStringLiteral("archived"), false}};
                 return SimResponse::json(
                     200, QJsonObject{{QStringLiteral("spaces"), QJsonArray{space}}});
             });

    addRoute(
        Method::Get, QStringLiteral("/space/{space_id}/folder"), [](const SimRequest &request) {
            if (request.captures.at(0) != SpaceId)
                return spaceNotFound();
            return SimResponse::json(200, QJsonObject{{QStringLiteral("folders"), QJsonArray()}});
        });

    // The lists all sit in the space's hidden folder, as folderless lists do in ClickUp.
    const auto lists = [this](const SimRequest &request, const QString &parent) {
        if (request.captures.at(0) != parent)
            return spaceNotFound();
        QJsonArray lists;
        for (const List &list : std::as_const(m_lists))
            lists.append(listJson(list));
        return SimResponse::json(200, QJsonObject{{QStringLiteral("lists"), lists}});
    };
    addRoute(Method::Get, QStringLiteral("/space/{space_id}/list"),
             [lists](const SimRequest &request) { return lists(request, SpaceId); });
    addRoute(Method::Get, QStringLiteral("/folder/{folder_id}/list"),
             [lists](const SimRequest &request) { return lists(request, FolderId); });

    addRoute(Method::Get, QStringLiteral("/list/{list_id}"), [this](const SimRequest &request) {
        const List *found = list(request.captures.at(0));
        return found ? SimResponse::json(200, listJson(*found)) : listNotFound();
    });

    addRoute(Method::Get, QStringLiteral("/list/{list_id}/task"),
             [this](const SimRequest &request) {
                 const QString listId = request.captures.at(0);
                 return list(listId) ? listTasks(request, {listId}) : listNotFound();
             });

    addRoute(Method::Get, QStringLiteral("/team/{team_id}/task"),
             [this](const SimRequest &request) {
                 if (request.captures.at(0) != m_teamId)
                     return teamNotAuthorized();
                 return listTasks(request, request.queryValues(QStringLiteral("list_ids[]")));
             });

    addRoute(Method::Get, QStringLiteral("/task/{task_id}"), [this](const SimRequest &request) {
        const SimClickUpTask *found = task(request.captures.at(0));
        return found ? SimResponse::json(200, taskJson(*found)) : taskNotFound();
    });

    addRoute(
        Method::Get, QStringLiteral("/task/{task_id}/comment"), [this](const SimRequest &request) {
            const QString taskId = request.captures.at(0);
            if (!task(taskId))
                return taskNotFound();
            // The newest 25, newest first; start (ms) and start_id name the oldest one of
            // the page before, for the next older 25.
            const QString startId = request.queryValue(QStringLiteral("start_id"));
            const qint64 start = request.queryValue(QStringLiteral("start")).toLongLong();
            const QList<SimClickUpComment> all = m_comments.value(taskId);
            auto it = all.crbegin();
            if (!startId.isEmpty() || start > 0) {
                while (it != all.crend() && it->id != startId && (start <= 0 || it->date >= start))
                    ++it;
                if (it != all.crend() && it->id == startId)
                    ++it;
            }
            QJsonArray comments;
            for (; it != all.crend() && comments.size() < CommentPageSize; ++it)
                comments.append(commentJson(*it));
            return SimResponse::json(200, QJsonObject{{QStringLiteral("comments"), comments}});
        });
}

void SimClickUp::addWriteRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Post, QStringLiteral("/list/{list_id}/task"),
             [this](const SimRequest &request) { return createTask(request); });
    addRoute(Method::Put, QStringLiteral("/task/{task_id}"),
             [this](const SimRequest &request) { return updateTask(request); });
    addRoute(Method::Post, QStringLiteral("/task/{task_id}/comment"),
             [this](const SimRequest &request) { return postComment(request); });
    addRoute(Method::Post, QStringLiteral("/task/{task_id}/tag/{tag_name}"),
             [this](const SimRequest &request) { return changeTag(request, true); });
    addRoute(Method::Delete, QStringLiteral("/task/{task_id}/tag/{tag_name}"),
             [this](const SimRequest &request) { return changeTag(request, false); });
}

void SimClickUp::addWebhookRoutes()
{
    using Method = QHttpServerRequest::Method;
    addRoute(Method::Post, QStringLiteral("/team/{team_id}/webhook"),
             [this](const SimRequest &request) { return createWebhook(request); });

    addRoute(Method::Get, QStringLiteral("/team/{team_id}/webhook"),
             [this](const SimRequest &request) {
                 if (request.captures.at(0) != m_teamId)
                     return teamNotAuthorized();
                 // Webhooks belong to the user whose token created them.
                 const qint64 user = userId(request);
                 QJsonArray webhooks;
                 for (const SimClickUpWebhook &webhook : std::as_const(m_webhooks)) {
                     if (webhook.userId == user)
                         webhooks.append(webhookJson(webhook));
                 }
                 return SimResponse::json(200, QJsonObject{{QStringLiteral("webhooks"), webhooks}});
             });

    addRoute(Method::Put, QStringLiteral("/webhook/{webhook_id}"),
             [this](const SimRequest &request) { return updateWebhook(request); });

    addRoute(
        Method::Delete, QStringLiteral("/webhook/{webhook_id}"), [this](const SimRequest &request) {
            if (!removeWebhook(request.captures.at(0)))
                return error(404, QStringLiteral("Webhook not found"), QStringLiteral("WH_002"));
            return SimResponse::json(200, QJsonObject());
        });
}

QUrl SimClickUp::baseUrl() const
{
    QUrl url = SimServer::baseUrl();
    url.setPath(PathPrefix);
    return url;
}

QList<SimClickUpStatus> SimClickUp::defaultStatuses()
{
    return {{QStringLiteral("to do"), QStringLiteral("open"), {}},
            {QStringLiteral("in progress"), QStringLiteral("custom"), {}},
            {QStringLiteral("complete"), QStringLiteral("closed"), {}}};
}

void SimClickUp::addUser(qint64 id, const QString &username, const QString &email,
                         const QString &token)
{
    m_users.insert(id, {id, username, email});
    if (m_firstUser == 0)
        m_firstUser = id;
    if (!token.isEmpty())
        m_tokens.insert(token, id);
}

void SimClickUp::ensureUser(qint64 id)
{
    if (id != 0 && !m_users.contains(id))
        addUser(id, QStringLiteral("User %1").arg(id),
                QStringLiteral("user%1@example.com").arg(id));
}

void SimClickUp::addList(const QString &listId, const QString &name,
                         const QList<SimClickUpStatus> &statuses)
{
    QList<SimClickUpStatus> normalized = statuses.isEmpty() ? defaultStatuses() : statuses;
    for (SimClickUpStatus &status : normalized) {
        // ClickUp keeps status names in lower case.
        status.status = status.status.toLower();
        if (status.color.isEmpty())
            status.color = defaultColor(status.type);
    }
    for (List &existing : m_lists) {
        if (existing.id == listId) {
            existing = {listId, name, normalized};
            return;
        }
    }
    m_lists.append({listId, name, normalized});
}

QList<SimClickUpStatus> SimClickUp::statuses(const QString &listId) const
{
    const List *found = list(listId);
    return found ? found->statuses : QList<SimClickUpStatus>();
}

const SimClickUp::List *SimClickUp::list(const QString &listId) const
{
    for (const List &candidate : m_lists) {
        if (candidate.id == listId)
            return &candidate;
    }
    return nullptr;
}

int SimClickUp::statusIndex(const QString &listId, const QString &status) const
{
    const List *found = list(listId);
    if (!found)
        return -1;
    for (int i = 0; i < found->statuses.size(); ++i) {
        if (found->statuses.at(i).status.compare(status, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString SimClickUp::statusType(const SimClickUpTask &task) const
{
    const int index = statusIndex(task.listId, task.status);
    return index < 0 ? QString() : list(task.listId)->statuses.at(index).type;
}

QString SimClickUp::newId(int length)
{
    static const QString digits = QStringLiteral("0123456789abcdefghijklmnopqrstuvwxyz");
    QString id;
    for (int i = 0; i < length; ++i)
        id.append(digits.at(int(m_random.bounded(quint32(digits.size())))));
    return id;
}

qint64 SimClickUp::nextUpdate(const SimClickUpTask &task) const
{
    // Strictly increasing per task, even for two changes in the same millisecond.
    return std::max(nowMs(), task.dateUpdated + 1);
}

QString SimClickUp::addTask(SimClickUpTask task)
{
    if (task.listId.isEmpty()) {
        if (m_lists.isEmpty())
            addList(QStringLiteral("900100000001"), QStringLiteral("List"));
        task.listId = m_lists.first().id;
    }
    if (!list(task.listId))
        addList(task.listId, QStringLiteral("List %1").arg(task.listId));
    if (task.id.isEmpty()) {
        do {
            task.id = QStringLiteral("86") + newId(7);
        } while (m_taskIndex.contains(task.id));
    } else if (m_taskIndex.contains(task.id)) {
        qWarning("SimClickUp: task %s already exists", qUtf8Printable(task.id));
        return {};
    }
    int index = statusIndex(task.listId, task.status);
    if (index < 0) {
        if (!task.status.isEmpty())
            qWarning("SimClickUp: list %s has no status \"%s\", using its first",
                     qUtf8Printable(task.listId), qUtf8Printable(task.status));
        index = 0;
    }
    task.status = list(task.listId)->statuses.at(index).status;
    if (task.creator == 0)
        task.creator = m_firstUser;
    ensureUser(task.creator);
    for (const qint64 assignee : std::as_const(task.assignees))
        ensureUser(assignee);
    for (QString &tag : task.tags)
        tag = tag.toLower(); // ClickUp stores tag names in lower case
    if (task.dateCreated == 0)
        task.dateCreated = nowMs();
    if (task.dateUpdated == 0)
        task.dateUpdated = task.dateCreated;
    if (task.dateClosed == 0 && isClosedType(statusType(task)))
        task.dateClosed = task.dateUpdated;

    m_taskIndex.insert(task.id, m_tasks.size());
    m_tasks.append(task);

    if (!m_webhooks.isEmpty()) {
        // As ClickUp does: taskCreated with a status and a creation item, and a separate
        // taskStatusUpdated for the initial status.
        const QJsonObject removed{{QStringLiteral("status"), QJsonValue()},
                                  {QStringLiteral("color"), QStringLiteral("#000000")},
                                  {QStringLiteral("type"), QStringLiteral("removed")},
                                  {QStringLiteral("orderindex"), -1}};
        const QJsonObject status = historyItem(task, QStringLiteral("status"), task.creator,
                                               removed, statusJson(task.listId, index),
                                               {{QStringLiteral("status_type"), statusType(task)}});
        const QJsonObject creation = historyItem(task, QStringLiteral("task_creation"),
                                                 task.creator, QJsonValue(), QJsonValue());
        notify(QStringLiteral("taskCreated"), task, {status, creation});
        notify(QStringLiteral("taskStatusUpdated"), task, {status});
    }
    return task.id;
}

SimClickUpTask *SimClickUp::task(const QString &id)
{
    const auto it = m_taskIndex.constFind(id);
    return it == m_taskIndex.cend() ? nullptr : &m_tasks[*it];
}

QList<SimClickUpComment> SimClickUp::comments(const QString &taskId) const
{
    return m_comments.value(taskId);
}

bool SimClickUp::setStatus(const QString &taskId, const QString &status, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    return found && changeStatus(*found, status, byUserId);
}

bool SimClickUp::changeStatus(SimClickUpTask &task, const QString &status, qint64 byUserId)
{
    const int index = statusIndex(task.listId, status);
    if (index < 0)
        return false;
    const int previous = statusIndex(task.listId, task.status);
    if (index == previous)
        return true;
    const SimClickUpStatus &next = list(task.listId)->statuses.at(index);
    task.status = next.status;
    task.dateUpdated = nextUpdate(task);
    task.dateClosed = isClosedType(next.type) ? task.dateUpdated : 0;
    notify(QStringLiteral("taskStatusUpdated"), task,
           {historyItem(task, QStringLiteral("status"), byUserId, statusJson(task.listId, previous),
                        statusJson(task.listId, index),
                        {{QStringLiteral("status_type"), next.type}})});
    return true;
}

bool SimClickUp::setAssignees(const QString &taskId, const QList<qint64> &userIds, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    if (!found)
        return false;
    QList<qint64> assignees;
    for (const qint64 id : userIds) {
        if (!m_users.contains(id))
            return false;
        if (!assignees.contains(id))
            assignees.append(id);
    }
    const QList<qint64> previous = found->assignees;
    QList<qint64> added;
    for (const qint64 id : std::as_const(assignees)) {
        if (!previous.contains(id))
            added.append(id);
    }
    QList<qint64> removed;
    for (const qint64 id : previous) {
        if (!assignees.contains(id))
            removed.append(id);
    }
    found->assignees = assignees;
    if (added.isEmpty() && removed.isEmpty())
        return true;

    found->dateUpdated = nextUpdate(*found);
    // One history item per person added or removed.
    QJsonArray items;
    for (const qint64 id : std::as_const(added))
        items.append(historyItem(*found, QStringLiteral("assignee_add"), byUserId, QJsonValue(),
                                 userJson(id)));
    for (const qint64 id : std::as_const(removed))
        items.append(historyItem(*found, QStringLiteral("assignee_rem"), byUserId, userJson(id),
                                 QJsonValue()));
    notify(QStringLiteral("taskAssigneeUpdated"), *found, items);
    return true;
}

QString SimClickUp::addComment(const QString &taskId, const QString &text, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    return found ? postCommentAs(*found, text, byUserId).id : QString();
}

SimClickUpComment SimClickUp::postCommentAs(SimClickUpTask &task, const QString &text,
                                            qint64 byUserId, QString *historyId)
{
    task.dateUpdated = nextUpdate(task);
    const SimClickUpComment comment{QString::number(m_nextCommentId++), text, byUserId,
                                    task.dateUpdated};
    m_comments[task.id].append(comment);

    QJsonObject item =
        historyItem(task, QStringLiteral("comment"), byUserId, QJsonValue(), comment.id);
    item.insert(QStringLiteral("comment"),
                QJsonObject{{QStringLiteral("id"), comment.id},
                            {QStringLiteral("date"), QString::number(comment.date)},
                            {QStringLiteral("parent"), task.id},
                            {QStringLiteral("type"), 1},
                            {QStringLiteral("comment"),
                             QJsonArray{QJsonObject{{QStringLiteral("text"), text}}}},
                            {QStringLiteral("text_content"), text},
                            {QStringLiteral("user"), userJson(byUserId)}});
    if (historyId)
        *historyId = item.value(QStringLiteral("id")).toString();
    notify(QStringLiteral("taskCommentPosted"), task, {item});
    return comment;
}

bool SimClickUp::moveTask(const QString &taskId, const QString &listId, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    const List *target = list(listId);
    if (!found || !target || !m_users.contains(byUserId))
        return false;
    if (found->listId == listId)
        return true;
    const QString type = statusType(*found);
    int index = statusIndex(listId, found->status);
    for (int i = 0; index < 0 && i < target->statuses.size(); ++i) {
        if (target->statuses.at(i).type == type)
            index = i;
    }
    index = std::max(index, 0);
    // In the history item, a list is named with its folder ("category") and space ("project").
    const auto place = [](const List *list) {
        return QJsonObject{{QStringLiteral("id"), list->id},
                           {QStringLiteral("name"), list->name},
                           {QStringLiteral("category"),
                            QJsonObject{{QStringLiteral("id"), FolderId},
                                        {QStringLiteral("name"), QStringLiteral("hidden")},
                                        {QStringLiteral("hidden"), true}}},
                           {QStringLiteral("project"),
                            QJsonObject{{QStringLiteral("id"), SpaceId},
                                        {QStringLiteral("name"), QStringLiteral("Space")}}}};
    };
    const QJsonObject before = place(list(found->listId));
    found->listId = listId;
    found->status = target->statuses.at(index).status;
    found->dateUpdated = nextUpdate(*found);
    if (!isClosedType(statusType(*found)))
        found->dateClosed = 0;
    else if (found->dateClosed == 0)
        found->dateClosed = found->dateUpdated;
    notify(QStringLiteral("taskMoved"), *found,
           {historyItem(*found, QStringLiteral("section_moved"), byUserId, before, place(target))});
    return true;
}

bool SimClickUp::touch(const QString &taskId, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    if (!found)
        return false;
    found->dateUpdated = nextUpdate(*found);
    const QJsonValue text =
        found->description.isEmpty() ? QJsonValue() : QJsonValue(found->description);
    notify(QStringLiteral("taskUpdated"), *found,
           {historyItem(*found, QStringLiteral("content"), byUserId ? byUserId : found->creator,
                        text, text)});
    return true;
}

bool SimClickUp::setDueDate(const QString &taskId, const QDateTime &dueDate, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    if (!found || !m_users.contains(byUserId))
        return false;
    if (found->dueDate == dueDate || (!found->dueDate.isValid() && !dueDate.isValid()))
        return true;
    const QDateTime before = found->dueDate;
    found->dueDate = dueDate;
    found->dateUpdated = nextUpdate(*found);
    const auto ms = [](const QDateTime &date) {
        return date.isValid() ? QJsonValue(QString::number(date.toMSecsSinceEpoch()))
                              : QJsonValue();
    };
    notify(QStringLiteral("taskDueDateUpdated"), *found,
           {historyItem(*found, QStringLiteral("due_date"), byUserId, ms(before), ms(dueDate),
                        {{QStringLiteral("due_date_time"), dueDate.isValid()},
                         {QStringLiteral("old_due_date_time"), before.isValid()}})});
    return true;
}

bool SimClickUp::setPriority(const QString &taskId, int priority, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    if (!found || !m_users.contains(byUserId) || priority < 0 || priority > 4)
        return false;
    if (found->priority == priority)
        return true;
    const int before = found->priority;
    found->priority = priority;
    found->dateUpdated = nextUpdate(*found);
    notify(QStringLiteral("taskPriorityUpdated"), *found,
           {historyItem(*found, QStringLiteral("priority"), byUserId, priorityJson(before),
                        priorityJson(priority))});
    return true;
}

bool SimClickUp::setTags(const QString &taskId, const QStringList &tags, qint64 byUserId)
{
    SimClickUpTask *found = task(taskId);
    if (!found || !m_users.contains(byUserId))
        return false;
    QStringList after;
    for (const QString &tag : tags) {
        if (!tag.trimmed().isEmpty() && !after.contains(tag.toLower()))
            after.append(tag.toLower());
    }
    const QStringList before = found->tags;
    QStringList removed;
    QStringList added;
    for (const QString &tag : before) {
        if (!after.contains(tag))
            removed.append(tag);
    }
    for (const QString &tag : std::as_const(after)) {
        if (!before.contains(tag))
            added.append(tag);
    }
    found->tags = after;
    if (removed.isEmpty() && added.isEmpty())
        return true;
    found->dateUpdated = nextUpdate(*found);
    QJsonArray items;
    for (const QString &tag : std::as_const(removed))
        items.append(historyItem(*found, QStringLiteral("tag_removed"), byUserId,
                                 QJsonArray{tagJson(*found, tag)}, QJsonValue()));
    for (const QString &tag : std::as_const(added))
        items.append(historyItem(*found, QStringLiteral("tag"), byUserId, QJsonValue(),
                                 QJsonArray{tagJson(*found, tag)}));
    notify(QStringLiteral("taskTagUpdated"), *found, items);
    return true;
}

QString SimClickUp::addWebhook(const QUrl &endpoint, const QStringList &events, qint64 userId)
{
    QByteArray bytes(16, '\0');
    for (char &byte : bytes)
        byte = char(m_random.bounded(256));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    QByteArray secret(32, '\0');
    for (char &byte : secret)
        byte = char(m_random.bounded(256));

    SimClickUpWebhook webhook{QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces),
                              userId ? userId : m_firstUser, endpoint, events,
                              QString::fromLatin1(secret.toHex())};
    m_webhooks.append(webhook);
    return webhook.id;
}

bool SimClickUp::removeWebhook(const QString &id)
{
    return m_webhooks.removeIf(
               [&id](const SimClickUpWebhook &webhook) { return webhook.id == id; }) > 0;
}

void SimClickUp::setRateLimit(int limit, int windowSeconds)
{
    m_rateLimit = limit;
    m_rateWindowSeconds = windowSeconds;
    m_windows.clear();
}

int SimClickUp::rateLimitRemaining(const QString &token) const
{
    const auto it = m_windows.constFind(token);
    const bool current =
        it != m_windows.cend() && nowMs() - it->startMs < qint64(m_rateWindowSeconds) * 1000;
    return m_rateLimit - (current ? it->used : 0);
}

QString SimClickUp::token(const SimRequest &request) const
{
    // Personal tokens come bare ("pk_…"), OAuth tokens as "Bearer <token>".
    QByteArray authorization = request.header("Authorization").trimmed();
    if (authorization.startsWith("Bearer "))
        authorization = authorization.mid(7).trimmed();
    return QString::fromUtf8(authorization);
}

qint64 SimClickUp::userId(const SimRequest &request) const
{
    return m_tokens.value(token(request));
}

SimClickUp::Window &SimClickUp::window(const QString &token)
{
    Window &window = m_windows[token];
    const qint64 now = nowMs();
    if (window.startMs == 0 || now - window.startMs >= qint64(m_rateWindowSeconds) * 1000)
        window = {now, 0};
    return window;
}

SimResponse SimClickUp::errorResponse(int status, const QString &message) const
{
    // Unknown routes and injected failures.
    switch (status) {
    case 401:
        return error(status, QStringLiteral("Token invalid"), QStringLiteral("OAUTH_025"));
    case 404:
        return error(status, QStringLiteral("Route not found"), QStringLiteral("APP_001"));
    case 429:
        return error(status, QStringLiteral("Rate limit reached"), QStringLiteral("APP_002"));
    default:
        return error(status, message, QStringLiteral("APP_%1").arg(status));
    }
}

std::optional<SimResponse> SimClickUp::parseBody(const SimRequest &request, QJsonObject &body)
{
    if (request.body.trimmed().isEmpty()) {
        body = {};
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // ClickUp's Node.js body parser words it like this.
        const int position = parseError.error != QJsonParseError::NoError ? parseError.offset : 0;
        return error(400, QStringLiteral("Unexpected token in JSON at position %1").arg(position),
                     QStringLiteral("JSON_001"));
    }
    body = document.object();
    return std::nullopt;
}

std::optional<SimResponse> SimClickUp::admit(const SimRequest &request)
{
    if (request.header("Authorization").trimmed().isEmpty())
        return error(401, QStringLiteral("Authorization header required"),
                     QStringLiteral("OAUTH_017"));
    if (userId(request) == 0)
        return error(401, QStringLiteral("Token invalid"), QStringLiteral("OAUTH_025"));
    if (window(token(request)).used >= m_rateLimit)
        return error(429, QStringLiteral("Rate limit reached"), QStringLiteral("APP_002"));
    return std::nullopt;
}

int SimClickUp::finish(const SimRequest &request, SimResponse &response)
{
    const QString token = this->token(request);
    if (!m_tokens.contains(token))
        return 0;
    Window &window = this->window(token);
    // Requests refused for the limit do not count; every admitted one costs 1.
    const bool refused = response.status == 429 && window.used >= m_rateLimit;
    if (!refused)
        ++window.used;
    const qint64 resetMs = window.startMs + qint64(m_rateWindowSeconds) * 1000;
    response.setHeader("X-RateLimit-Limit", QByteArray::number(m_rateLimit));
    response.setHeader("X-RateLimit-Remaining",
                       QByteArray::number(std::max(0, m_rateLimit - window.used)));
    response.setHeader("X-RateLimit-Reset", QByteArray::number((resetMs + 999) / 1000));
    return refused ? 0 : 1;
}

SimResponse SimClickUp::listTasks(const SimRequest &request, const QStringList &listIds) const
{
    const int page = std::max(0, request.queryValue(QStringLiteral("page")).toInt());
    const bool includeClosed =
        request.queryValue(QStringLiteral("include_closed")) == QLatin1String("true");
    const bool subtasks = request.queryValue(QStringLiteral("subtasks")) == QLatin1String("true");
    const QStringList assignees = request.queryValues(QStringLiteral("assignees[]")) +
                                  request.queryValues(QStringLiteral("assignees"));
    QStringList statuses = request.queryValues(QStringLiteral("statuses[]"));
    for (QString &status : statuses)
        status = status.toLower();
    bool hasUpdatedGt = false;
    const qint64 updatedGt =
        request.queryValue(QStringLiteral("date_updated_gt")).toLongLong(&hasUpdatedGt);
    bool hasUpdatedLt = false;
    const qint64 updatedLt =
        request.queryValue(QStringLiteral("date_updated_lt")).toLongLong(&hasUpdatedLt);

    QList<const SimClickUpTask *> matching;
    for (const SimClickUpTask &task : m_tasks) {
        if (!listIds.isEmpty() && !listIds.contains(task.listId))
            continue;
        if (!includeClosed && isClosedType(statusType(task)))
            continue;
        if (!subtasks && !task.parent.isEmpty())
            continue;
        if (!statuses.isEmpty() && !statuses.contains(task.status.toLower()))
            continue;
        if ((hasUpdatedGt && task.dateUpdated <= updatedGt) ||
            (hasUpdatedLt && task.dateUpdated >= updatedLt))
            continue;
        if (!assignees.isEmpty() &&
            std::none_of(task.assignees.cbegin(), task.assignees.cend(), [&assignees](qint64 id) {
                return assignees.contains(QString::number(id));
            }))
            continue;
        matching.append(&task);
    }

    // ClickUp orders by creation unless told otherwise; the base direction is not documented,
    // so: newest first (soonest due first for due_date), and reverse flips it.
    const QString orderBy =
        request.queryValue(QStringLiteral("order_by"), QStringLiteral("created"));
    const bool reverse = request.queryValue(QStringLiteral("reverse")) == QLatin1String("true");
    auto key = [&orderBy](const SimClickUpTask *task) -> qint64 {
        if (orderBy == QLatin1String("updated") || orderBy == QLatin1String("date_updated"))
            return -task->dateUpdated;
        if (orderBy == QLatin1String("due_date"))
            return task->dueDate.isValid() ? task->dueDate.toMSecsSinceEpoch()
                                           : std::numeric_limits<qint64>::max();
        return -task->dateCreated;
    };
    std::stable_sort(matching.begin(), matching.end(),
                     [&key, &orderBy, reverse](const SimClickUpTask *a, const SimClickUpTask *b) {
                         if (orderBy == QLatin1String("id"))
                             return reverse ? b->id < a->id : a->id < b->id;
                         return reverse ? key(b) < key(a) : key(a) < key(b);
                     });

    QJsonArray tasks;
    const qsizetype begin = qsizetype(page) * PageSize;
    for (qsizetype i = begin; i < std::min<qsizetype>(matching.size(), begin + PageSize); ++i)
        tasks.append(taskJson(*matching.at(i)));
    return SimResponse::json(
        200, QJsonObject{{QStringLiteral("tasks"), tasks},
                         {QStringLiteral("last_page"), begin + PageSize >= matching.size()}});
}

SimResponse SimClickUp::updateTask(const SimRequest &request)
{
    SimClickUpTask *found = task(request.captures.at(0));
    if (!found)
        return taskNotFound();
    QJsonObject body;
    if (std::optional<SimResponse> refused = parseBody(request, body))
        return *refused;

    // Check everything first: a refused request changes nothing.
    const QJsonValue status = body.value(QStringLiteral("status"));
    if (!status.isUndefined() &&
        (!status.isString() || statusIndex(found->listId, status.toString()) < 0))
        return error(400, QStringLiteral("Status not found"), QStringLiteral("CRTSK_001"));
    const QJsonValue name = body.value(QStringLiteral("name"));
    if (!name.isUndefined() && name.toString().trimmed().isEmpty())
        return error(400, QStringLiteral("Task name invalid"), QStringLiteral("INPUT_005"));
    const QJsonValue description = body.value(QStringLiteral("description"));
    // priority: 1..4, or null for none; due_date: unix ms, or null for none.
    const QJsonValue priority = body.value(QStringLiteral("priority"));
    if (!priority.isUndefined() && !priority.isNull() &&
        (priority.toInt() < 1 || priority.toInt() > 4))
        return error(400, QStringLiteral("Priority invalid"), QStringLiteral("INPUT_006"));
    const QJsonValue due = body.value(QStringLiteral("due_date"));

    const qint64 user = userId(request);
    if (name.isString() && name.toString() != found->name) {
        const QString before = found->name;
        found->name = name.toString();
        found->dateUpdated = nextUpdate(*found);
        notify(QStringLiteral("taskUpdated"), *found,
               {historyItem(*found, QStringLiteral("name"), user, before, found->name)});
    }
    if (description.isString() && description.toString() != found->description) {
        const QString before = found->description;
        found->description = description.toString();
        found->dateUpdated = nextUpdate(*found);
        notify(QStringLiteral("taskUpdated"), *found,
               {historyItem(*found, QStringLiteral("content"), user,
                            before.isEmpty() ? QJsonValue() : QJsonValue(before),
                            found->description)});
    }
    if (!priority.isUndefined())
        setPriority(found->id, priority.isNull() ? 0 : priority.toInt(), user);
    if (!due.isUndefined()) {
        const qint64 ms = due.isString() ? due.toString().toLongLong() : due.toInteger();
        setDueDate(found->id,
                   ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()) : QDateTime(),
                   user);
    }
    if (status.isString())
        changeStatus(*found, status.toString(), user);
    return SimResponse::json(200, taskJson(*found));
}

SimResponse SimClickUp::createTask(const SimRequest &request)
{
    const QString listId = request.captures.at(0);
    if (!list(listId))
        return listNotFound();
    QJsonObject body;
    if (std::optional<SimResponse> refused = parseBody(request, body))
        return *refused;

    SimClickUpTask created;
    created.listId = listId;
    created.creator = userId(request);
    created.name = body.value(QStringLiteral("name")).toString().trimmed();
    if (created.name.isEmpty())
        return error(400, QStringLiteral("Task name invalid"), QStringLiteral("INPUT_005"));
    created.description = body.value(QStringLiteral("description")).toString();
    if (created.description.isEmpty())
        created.description = body.value(QStringLiteral("markdown_description")).toString();
    const QJsonValue status = body.value(QStringLiteral("status"));
    if (!status.isUndefined() && !status.isNull()) {
        if (statusIndex(listId, status.toString()) < 0)
            return error(400, QStringLiteral("Status not found"), QStringLiteral("CRTSK_001"));
        created.status = status.toString();
    }
    for (const QJsonValue &assignee : body.value(QStringLiteral("assignees")).toArray()) {
        const qint64 id = assignee.toInteger();
        if (!m_users.contains(id))
            return error(400, QStringLiteral("Assignee not found"), QStringLiteral("CRTSK_005"));
        created.assignees.append(id);
    }
    for (const QJsonValue &tag : body.value(QStringLiteral("tags")).toArray())
        created.tags.append(tag.toString());
    const int priority = body.value(QStringLiteral("priority")).toInt();
    created.priority = priority >= 1 && priority <= 4 ? priority : 0;
    const qint64 due = body.value(QStringLiteral("due_date")).toInteger();
    if (due > 0)
        created.dueDate = QDateTime::fromMSecsSinceEpoch(due, QTimeZone::utc());
    created.parent = body.value(QStringLiteral("parent")).toString();

    const QString id = addTask(created);
    return SimResponse::json(200, taskJson(*task(id)));
}

SimResponse SimClickUp::postComment(const SimRequest &request)
{
    SimClickUpTask *found = task(request.captures.at(0));
    if (!found)
        return taskNotFound();
    QJsonObject body;
    if (std::optional<SimResponse> refused = parseBody(request, body))
        return *refused;
    QString text = body.value(QStringLiteral("comment_text")).toString();
    // The rich form: {"comment":[{"text":"…"}, …]}.
    for (const QJsonValue &part : body.value(QStringLiteral("comment")).toArray())
        text += part.toObject().value(QStringLiteral("text")).toString();
    if (text.trimmed().isEmpty())
        return error(400, QStringLiteral("Comment text required"), QStringLiteral("CMNT_001"));

    QString historyId;
    const SimClickUpComment comment = postCommentAs(*found, text, userId(request), &historyId);
    // Unlike GET, this answer has the id and date as numbers.
    return SimResponse::json(200, QJsonObject{{QStringLiteral("id"), comment.id.toLongLong()},
                                              {QStringLiteral("hist_id"), historyId},
                                              {QStringLiteral("date"), comment.date}});
}

SimResponse SimClickUp::createWebhook(const SimRequest &request)
{
    if (request.captures.at(0) != m_teamId)
        return teamNotAuthorized();
    QJsonObject body;
    if (std::optional<SimResponse> refused = parseBody(request, body))
        return *refused;
    const QUrl endpoint(body.value(QStringLiteral("endpoint")).toString(), QUrl::StrictMode);
    if (!endpoint.isValid() || !endpoint.scheme().startsWith(QLatin1String("http")) ||
        endpoint.host().isEmpty())
        return error(400, QStringLiteral("Webhook endpoint invalid"), QStringLiteral("WH_001"));
    QStringList events;
    const QJsonValue eventsValue = body.value(QStringLiteral("events"));
    if (eventsValue.isString())
        events.append(eventsValue.toString());
    for (const QJsonValue &event : eventsValue.toArray())
        events.append(event.toString());
    events.removeAll(QString());
    if (events.isEmpty())
        return error(400, QStringLiteral("Webhook events invalid"), QStringLiteral("WH_003"));

    const QString id = addWebhook(endpoint, events, userId(request));
    return SimResponse::json(
        200, QJsonObject{{QStringLiteral("id"), id},
                         {QStringLiteral("webhook"), webhookJson(m_webhooks.last())}});
}

SimResponse SimClickUp::changeTag(const SimRequest &request, bool add)
{
    SimClickUpTask *found = task(request.captures.at(0));
    if (!found)
        return taskNotFound();
    const QString tag = request.captures.at(1).toLower();
    QStringList tags = found->tags;
    if (add && !tags.contains(tag))
        tags.append(tag);
    else if (!add)
        tags.removeAll(tag);
    setTags(found->id, tags, userId(request));
    // ClickUp answers these with an empty object.
    return SimResponse::json(200, QJsonObject());
}

SimResponse SimClickUp::updateWebhook(const SimRequest &request)
{
    const auto it = std::find_if(m_webhooks.begin(), m_webhooks.end(),
                                 [&request](const SimClickUpWebhook &webhook) {
                                     return webhook.id == request.captures.at(0);
                                 });
    if (it == m_webhooks.end() || it->userId != userId(request))
        return error(404, QStringLiteral("Webhook not found"), QStringLiteral("WH_002"));
    QJsonObject body;
    if (std::optional<SimResponse> refused = parseBody(request, body))
        return *refused;
    SimClickUpWebhook webhook = *it;
    if (body.contains(QStringLiteral("endpoint"))) {
        webhook.endpoint =
            QUrl(body.value(QStringLiteral("endpoint")).toString(), QUrl::StrictMode);
        if (!webhook.endpoint.isValid() ||
            !webhook.endpoint.scheme().startsWith(QLatin1String("http")) ||
            webhook.endpoint.host().isEmpty())
            return error(400, QStringLiteral("Webhook endpoint invalid"), QStringLiteral("WH_001"));
    }
    if (body.contains(QStringLiteral("events"))) {
        const QJsonValue events = body.value(QStringLiteral("events"));
        webhook.events.clear();
        if (events.isString())
            webhook.events.append(events.toString());
        for (const QJsonValue &event : events.toArray())
            webhook.events.append(event.toString());
        webhook.events.removeAll(QString());
        if (webhook.events.isEmpty())
            return error(400, QStringLiteral("Webhook events invalid"), QStringLiteral("WH_003"));
    }
    if (body.contains(QStringLiteral("status"))) {
        const QString status = body.value(QStringLiteral("status")).toString();
        if (status != QLatin1String("active") && status != QLatin1String("inactive"))
            return error(400, QStringLiteral("Webhook status invalid"), QStringLiteral("WH_004"));
        webhook.status = status;
    }
    *it = webhook;
    return SimResponse::json(200, QJsonObject{{QStringLiteral("id"), webhook.id},
                                              {QStringLiteral("webhook"), webhookJson(webhook)}});
}

QJsonObject SimClickUp::tagJson(const SimClickUpTask &task, const QString &tag) const
{
    return {{QStringLiteral("name"), tag},
            {QStringLiteral("tag_fg"), QStringLiteral("#800000")},
            {QStringLiteral("tag_bg"), QStringLiteral("#800000")},
            {QStringLiteral("creator"), task.creator}};
}

QJsonObject SimClickUp::userJson(qint64 id) const
{
    static const QStringList colors = {QStringLiteral("#7b68ee"), QStringLiteral("#ff5722"),
                                       QStringLiteral("#4caf50"), QStringLiteral("#2196f3"),
                                       QStringLiteral("#e91e63"), QStringLiteral("#795548")};
    const User user = m_users.value(id);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), user.username},
            {QStringLiteral("email"), user.email},
            {QStringLiteral("color"), colors.at(int(std::abs(id) % colors.size()))},
            {QStringLiteral("initials"), initials(user.username)},
            {QStringLiteral("profilePicture"), QJsonValue()}};
}

QJsonObject SimClickUp::listJson(const List &list) const
{
    QJsonArray statuses;
    for (int i = 0; i < list.statuses.size(); ++i)
        statuses.append(statusJson(list.id, i));
    const auto taskCount =
        std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                      [&list](const SimClickUpTask &task) { return task.listId == list.id; });
    return {
        {QStringLiteral("id"), list.id},
        {QStringLiteral("name"), list.name},
        {QStringLiteral("orderindex"), 0},
        {QStringLiteral("content"), QString()},
        {QStringLiteral("status"), QJsonValue()},
        {QStringLiteral("priority"), QJsonValue()},
        {QStringLiteral("assignee"), QJsonValue()},
        {QStringLiteral("task_count"), qint64(taskCount)},
        {QStringLiteral("due_date"), QJsonValue()},
        {QStringLiteral("start_date"), QJsonValue()},
        {QStringLiteral("folder"), QJsonObject{{QStringLiteral("id"), FolderId},
                                               {QStringLiteral("name"), QStringLiteral("hidden")},
                                               {QStringLiteral("hidden"), true},
                                               {QStringLiteral("access"), true}}},
        {QStringLiteral("space"), QJsonObject{{QStringLiteral("id"), SpaceId},
                                              {QStringLiteral("name"), QStringLiteral("Space")},
                                              {QStringLiteral("access"), true}}},
        {QStringLiteral("archived"), false},
        {QStringLiteral("override_statuses"), true},
        {QStringLiteral("statuses"), statuses},
        {QStringLiteral("permission_level"), QStringLiteral("create")},
    };
}

QJsonObject SimClickUp::commentJson(const SimClickUpComment &comment) const
{
    return {
        {QStringLiteral("id"), comment.id},
        {QStringLiteral("comment"),
         QJsonArray{QJsonObject{{QStringLiteral("text"), comment.text}}}},
        {QStringLiteral("comment_text"), comment.text},
        {QStringLiteral("user"), userJson(comment.userId)},
        {QStringLiteral("resolved"), false},
        {QStringLiteral("assignee"), QJsonValue()},
        {QStringLiteral("assigned_by"), QJsonValue()},
        {QStringLiteral("reactions"), QJsonArray()},
        {QStringLiteral("date"), QString::number(comment.date)},
        {QStringLiteral("reply_count"), 0},
    };
}

QJsonObject SimClickUp::statusJson(const QString &listId, int index) const
{
    const List *found = list(listId);
    if (!found || index < 0 || index >= found->statuses.size())
        return {};
    const SimClickUpStatus &status = found->statuses.at(index);
    return {{QStringLiteral("status"), status.status},
            {QStringLiteral("color"), status.color},
            {QStringLiteral("type"), status.type},
            {QStringLiteral("orderindex"), index}};
}

QJsonObject SimClickUp::taskJson(const SimClickUpTask &task) const
{
    const List *taskList = list(task.listId);
    QJsonArray assignees;
    for (const qint64 id : task.assignees)
        assignees.append(userJson(id));
    QJsonArray tags;
    for (const QString &tag : task.tags)
        tags.append(tagJson(task, tag));
    QJsonObject creator = userJson(task.creator);
    creator.remove(QStringLiteral("initials"));
    const QJsonObject folder{{QStringLiteral("id"), FolderId},
                             {QStringLiteral("name"), QStringLiteral("hidden")},
                             {QStringLiteral("hidden"), true},
                             {QStringLiteral("access"), true}};
    const qint64 closed = isClosedType(statusType(task)) ? task.dateClosed : 0;

    return {
        {QStringLiteral("id"), task.id},
        {QStringLiteral("custom_id"), QJsonValue()},
        {QStringLiteral("custom_item_id"), 0},
        {QStringLiteral("name"), task.name},
        {QStringLiteral("text_content"), task.description},
        {QStringLiteral("description"), task.description},
        {QStringLiteral("status"), statusJson(task.listId, statusIndex(task.listId, task.status))},
        {QStringLiteral("orderindex"),
         QStringLiteral("%1.00000000000000000000000000000000").arg(m_taskIndex.value(task.id) + 1)},
        {QStringLiteral("date_created"), msString(task.dateCreated)},
        {QStringLiteral("date_updated"), msString(task.dateUpdated)},
        {QStringLiteral("date_closed"), msString(closed)},
        {QStringLiteral("date_done"), msString(closed)},
        {QStringLiteral("archived"), false},
        {QStringLiteral("creator"), creator},
        {QStringLiteral("assignees"), assignees},
        {QStringLiteral("group_assignees"), QJsonArray()},
        {QStringLiteral("watchers"), QJsonArray()},
        {QStringLiteral("checklists"), QJsonArray()},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("parent"), task.parent.isEmpty() ? QJsonValue() : QJsonValue(task.parent)},
        {QStringLiteral("top_level_parent"),
         task.parent.isEmpty() ? QJsonValue() : QJsonValue(task.parent)},
        {QStringLiteral("priority"), priorityJson(task.priority)},
        {QStringLiteral("due_date"),
         msString(task.dueDate.isValid() ? task.dueDate.toMSecsSinceEpoch() : 0)},
        {QStringLiteral("start_date"), QJsonValue()},
        {QStringLiteral("points"), QJsonValue()},
        {QStringLiteral("time_estimate"), QJsonValue()},
        {QStringLiteral("custom_fields"), QJsonArray()},
        {QStringLiteral("dependencies"), QJsonArray()},
        {QStringLiteral("linked_tasks"), QJsonArray()},
        {QStringLiteral("locations"), QJsonArray()},
        {QStringLiteral("team_id"), m_teamId},
        {QStringLiteral("url"), SimServer::baseUrl().toString() + QStringLiteral("/t/") + task.id},
        {QStringLiteral("permission_level"), QStringLiteral("create")},
        {QStringLiteral("list"),
         QJsonObject{{QStringLiteral("id"), task.listId},
                     {QStringLiteral("name"), taskList ? taskList->name : QString()},
                     {QStringLiteral("access"), true}}},
        {QStringLiteral("project"), folder},
        {QStringLiteral("folder"), folder},
        {QStringLiteral("space"), QJsonObject{{QStringLiteral("id"), SpaceId}}},
    };
}

QJsonObject SimClickUp::webhookJson(const SimClickUpWebhook &webhook) const
{
    // One OAuth client per user, as a personal token has.
    const QString clientId = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(webhook.userId), QCryptographicHash::Md5)
            .toHex()
            .toUpper());
    QJsonArray events;
    for (const QString &event : webhook.events)
        events.append(event);
    return {{QStringLiteral("id"), webhook.id},
            {QStringLiteral("userid"), webhook.userId},
            {QStringLiteral("team_id"), m_teamId.toLongLong()},
            {QStringLiteral("endpoint"), webhook.endpoint.toString()},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("events"), events},
            {QStringLiteral("task_id"), QJsonValue()},
            {QStringLiteral("list_id"), QJsonValue()},
            {QStringLiteral("folder_id"), QJsonValue()},
            {QStringLiteral("space_id"), QJsonValue()},
            {QStringLiteral("health"), QJsonObject{{QStringLiteral("status"), webhook.status},
                                                   {QStringLiteral("fail_count"), 0}}},
            {QStringLiteral("secret"), webhook.secret}};
}

QJsonObject SimClickUp::historyItem(const SimClickUpTask &task, const QString &field,
                                    qint64 byUserId, const QJsonValue &before,
                                    const QJsonValue &after, const QJsonObject &data)
{
    return {{QStringLiteral("id"), QString::number(m_nextHistoryId++)},
            {QStringLiteral("type"), 1},
            {QStringLiteral("date"), QString::number(task.dateUpdated)},
            {QStringLiteral("field"), field},
            {QStringLiteral("parent_id"), task.listId},
            {QStringLiteral("data"), data},
            {QStringLiteral("source"), QJsonValue()},
            {QStringLiteral("user"), userJson(byUserId)},
            {QStringLiteral("before"), before},
            {QStringLiteral("after"), after}};
}

void SimClickUp::notify(const QString &event, const SimClickUpTask &task,
                        const QJsonArray &historyItems)
{
    for (const SimClickUpWebhook &webhook : std::as_const(m_webhooks)) {
        if (webhook.status != QLatin1String("active") ||
            (!webhook.events.contains(event) && !webhook.events.contains(QStringLiteral("*"))))
            continue;
        // No task object: receivers GET the task for anything beyond the history items.
        const QJsonObject payload{{QStringLiteral("event"), event},
                                  {QStringLiteral("history_items"), historyItems},
                                  {QStringLiteral("task_id"), task.id},
                                  {QStringLiteral("webhook_id"), webhook.id}};
        const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
        m_sender.deliver(
            webhook.endpoint,
            {{"Content-Type", "application/json"},
             {"X-Signature", SimWebhookSender::signature(webhook.secret.toUtf8(), body)}},
            body);
    }
}

} // namespace UpNext::Sim
