#include "LocalApi.h"

#include "AppCore.h"
#include "SourceStatus.h"

#include "core/Clock.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "server/WebhookServer.h"
#include "sync/OutboxProcessor.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace UpNext {

namespace {

using Method = QHttpServerRequest::Method;

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QString stateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return QStringLiteral("pending");
    case OutboxEntry::State::Sending:
        return QStringLiteral("sending");
    case OutboxEntry::State::Failed:
        return QStringLiteral("failed");
    }
    Q_UNREACHABLE();
}

QString sourceKindName(SourceStatus::State::Kind kind)
{
    using Kind = SourceStatus::State::Kind;
    switch (kind) {
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::Synced:
        return QStringLiteral("synced");
    case Kind::Unreachable:
        return QStringLiteral("unreachable");
    case Kind::TokenRejected:
        return QStringLiteral("token_rejected");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::Failed:
        return QStringLiteral("failed");
    }
    Q_UNREACHABLE();
}

// The request's JSON object; an empty body is an empty object. None when it is no object.
std::optional<QJsonObject> bodyObject(const HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

HttpAnswer badBody()
{
    return HttpAnswer::error(400, LocalApi::tr("The body is not a JSON object"));
}

// The path's segments, each percent-decoded (a task id carries '/' and '#').
QStringList segments(const QUrl &url)
{
    QStringList parts = QString::fromLatin1(url.path(QUrl::FullyEncoded).toLatin1())
                            .split(u'/', Qt::SkipEmptyParts);
    for (QString &part : parts)
        part = QUrl::fromPercentEncoding(part.toLatin1());
    return parts;
}

bool isLoopback(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also a v4-mapped v6 address
    return isV4 ? (v4 >> 24) == 127 : address.isLoopback();
}

} // namespace

LocalApi::LocalApi(AppCore *core, QObject *parent)
    : QObject(parent)
    , m_core(core)
{}

LocalApi::~LocalApi() = default;

std::optional<HttpAnswer> LocalApi::refusal(const HttpRequest &request) const
{
    // The server may listen wider for webhooks; the API stays on this machine.
    if (!isLoopback(request.peer))
        return HttpAnswer::error(403, tr("The local API answers only on this machine"));
    const QByteArray header = request.headers.value("authorization");
    const QByteArray prefix = "Bearer ";
    const bool bearer = header.startsWith(prefix) && !m_token.isEmpty();
    // Compared in constant time, as a MAC of each: the length says nothing either.
    const auto mac = [](const QByteArray &value) {
        return QMessageAuthenticationCode::hash(value, "upnext-local-api",
                                                QCryptographicHash::Sha256);
    };
    if (!bearer || mac(header.mid(prefix.size()).trimmed()) != mac(m_token))
        return HttpAnswer::error(401, tr("Missing or wrong token (Authorization: Bearer <token>)"));
    return std::nullopt;
}

void LocalApi::handle(const HttpRequest &request, const HttpServer::Reply &reply)
{
    if (const std::optional<HttpAnswer> refused = refusal(request)) {
        reply(*refused);
        return;
    }
    dispatch(request, reply);
}

void LocalApi::dispatch(const HttpRequest &request, const HttpServer::Reply &reply)
{
    const QUrlQuery query(request.url);
    int wait = 0;
    if (query.hasQueryItem(QStringLiteral("wait"))) {
        bool ok = false;
        wait = query.queryItemValue(QStringLiteral("wait")).toInt(&ok);
        if (!ok || wait < 0 || wait > MaxWaitSeconds) {
            reply(HttpAnswer::error(
                400, tr("wait must be a number of seconds from 0 to %1").arg(MaxWaitSeconds)));
            return;
        }
    }
    const QStringList parts = segments(request.url);
    const Method method = request.method;
    const auto is = [&](Method m, std::initializer_list<QStringView> path) {
        if (method != m || parts.size() != qsizetype(path.size()))
            return false;
        qsizetype i = 0;
        for (QStringView part : path) {
            if (!part.isEmpty() && parts.at(i) != part) // an empty part: any (an id)
                return false;
            ++i;
        }
        return true;
    };
    const QString first = parts.value(0);

    if (is(Method::Get, {u"health"}))
        return reply(health());
    if (is(Method::Get, {u"tasks"}))
        return reply(tasks(query));
    if (is(Method::Post, {u"tasks"}))
        return create(request, wait, reply);
    if (is(Method::Get, {u"tasks", {}})) {
        if (const std::optional<HttpAnswer> wrong = checkTask(parts.at(1)))
            return reply(*wrong);
        return reply(HttpAnswer::json(200, taskJson(*m_core->store()->task(parts.at(1)))));
    }
    if (is(Method::Post, {u"tasks", {}, u"complete"}))
        return complete(parts.at(1), wait, reply);
    if (is(Method::Post, {u"tasks", {}, u"comment"}))
        return comment(parts.at(1), request, wait, reply);
    if (is(Method::Get, {u"next"}))
        return reply(next());
    if (is(Method::Post, {u"done"}))
        return done(request, wait, reply);
    if (is(Method::Post, {u"skip"}))
        return reply(skip());
    if (is(Method::Post, {u"sync"}))
        return sync(wait, reply);
    if (is(Method::Get, {u"morning"}))
        return reply(morning());
    if (is(Method::Get, {u"entities"}))
        return reply(entities());
    if (is(Method::Post, {u"entities", u"reload"}))
        return reply(reloadEntities());
    if (is(Method::Get, {u"entities", {}}))
        return reply(entity(parts.at(1)));
    if (is(Method::Get, {u"outbox"}))
        return reply(outbox());
    if (is(Method::Post, {u"outbox", {}, u"retry"}))
        return reply(retry(parts.at(1)));
    if (is(Method::Delete, {u"outbox", {}}))
        return reply(discard(parts.at(1)));
    if (is(Method::Get, {u"status"}))
        return reply(status());
    const QStringList known = {QStringLiteral("health"),  QStringLiteral("tasks"),
                               QStringLiteral("next"),    QStringLiteral("done"),
                               QStringLiteral("skip"),    QStringLiteral("sync"),
                               QStringLiteral("morning"), QStringLiteral("entities"),
                               QStringLiteral("outbox"),  QStringLiteral("status")};
    if (parts.size() <= 3 && known.contains(first))
        return reply(HttpAnswer::error(405, tr("Method not allowed")));
    reply(HttpAnswer::error(404, tr("Not found")));
}

QJsonObject LocalApi::taskJson(const Task &task) const
{
    const ScoreResult score = m_core->service()->explain(task, m_core->clock()->now());
    QJsonArray breakdown;
    for (const ScoreContribution &part : score.breakdown)
        breakdown.append(QJsonObject{{QStringLiteral("key"), part.key},
                                     {QStringLiteral("label"), part.label},
                                     {QStringLiteral("points"), part.points}});
    QString client;
    if (!task.entity.isEmpty()) {
        const std::optional<Entity> entity = m_core->entities()->find(task.entity);
        client = entity ? entity->name : task.entity;
    }
    return {
        {QStringLiteral("id"), task.id},
        {QStringLiteral("source"), task.source},
        {QStringLiteral("source_id"), task.sourceId},
        {QStringLiteral("container"), task.container},
        {QStringLiteral("title"), task.title},
        {QStringLiteral("description"), task.description},
        {QStringLiteral("status"), Task::statusName(task.status)},
        {QStringLiteral("assignee"), task.assignee},
        {QStringLiteral("due_date"),
         task.dueDate.isValid() ? QJsonValue(task.dueDate.toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("url"), task.url},
        {QStringLiteral("entity"), task.entity.isEmpty() ? QJsonValue() : QJsonValue(task.entity)},
        {QStringLiteral("client"), client.isEmpty() ? QJsonValue() : QJsonValue(client)},
        {QStringLiteral("is_revenue"), task.isRevenue},
        {QStringLiteral("is_blocking"), task.isBlocking},
        {QStringLiteral("last_activity"), timeJson(task.lastActivity)},
        {QStringLiteral("updated_at"), timeJson(task.updatedAt)},
        {QStringLiteral("score"), score.score},
        {QStringLiteral("score_breakdown"), breakdown},
    };
}

QJsonObject LocalApi::entryJson(const OutboxEntry &entry)
{
    QJsonObject object{
        {QStringLiteral("id"), entry.id},
        {QStringLiteral("task_id"), entry.taskId},
        {QStringLiteral("kind"), OutboxEntry::kindName(entry.kind)},
        {QStringLiteral("state"), stateName(entry.state)},
        {QStringLiteral("attempts"), entry.attempts},
        {QStringLiteral("next_attempt"), timeJson(entry.dueAt())},
        {QStringLiteral("created_at"), timeJson(entry.createdAt)},
        {QStringLiteral("last_error"),
         entry.lastError.isEmpty() ? QJsonValue() : QJsonValue(entry.lastError)},
    };
    if (entry.kind == OutboxEntry::Kind::Comment)
        object.insert(QStringLiteral("text"), entry.text);
    if (entry.kind == OutboxEntry::Kind::Create)
        object.insert(QStringLiteral("title"), entry.title);
    return object;
}

QJsonObject LocalApi::entityJson(const Entity &entity) const
{
    return {{QStringLiteral("id"), entity.id},
            {QStringLiteral("name"), entity.name},
            {QStringLiteral("is_revenue"), entity.revenue},
            {QStringLiteral("priority_weight"), entity.weight},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(entity.aliases)}};
}

std::optional<HttpAnswer> LocalApi::checkTask(const QString &taskId) const
{
    if (!Task::parseId(taskId))
        return HttpAnswer::error(400, tr("Invalid task id: \"%1\"").arg(taskId));
    if (!m_core->store()->contains(taskId))
        return HttpAnswer::error(404, tr("Task %1 not found").arg(taskId));
    return std::nullopt;
}

HttpAnswer LocalApi::health() const
{
    return HttpAnswer::json(200,
                            {{QStringLiteral("status"), QStringLiteral("healthy")},
                             {QStringLiteral("version"), QCoreApplication::applicationVersion()},
                             {QStringLiteral("open_tasks"), m_core->store()->openTaskCount()}});
}

HttpAnswer LocalApi::tasks(const QUrlQuery &query) const
{
    const QString source = query.queryItemValue(QStringLiteral("source"));
    const QString status = query.queryItemValue(QStringLiteral("status"));
    const QString entity = query.queryItemValue(QStringLiteral("entity"));
    if (!source.isEmpty() && source != Sources::ClickUp && source != Sources::GitHub)
        return HttpAnswer::error(400, tr("Unknown source \"%1\" (clickup or github)").arg(source));
    std::optional<TaskStatus> wanted;
    if (!status.isEmpty() && status != QStringLiteral("all")) {
        wanted = Task::statusFromName(status);
        if (!wanted)
            return HttpAnswer::error(
                400, tr("Unknown status \"%1\" (todo, in_progress, done or all)").arg(status));
    }
    int limit = -1;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return HttpAnswer::error(400, tr("limit must be a positive number"));
    }
    // Open tasks unless done ones are asked for; best first.
    QList<Task> found;
    if (!status.isEmpty() && (!wanted || *wanted == TaskStatus::Done)) {
        for (const QString &from : {Sources::ClickUp, Sources::GitHub}) {
            if (source.isEmpty() || source == from)
                found += m_core->store()->tasksBySource(from);
        }
        std::sort(found.begin(), found.end(), Scorer::ranksBefore);
    } else {
        found = m_core->store()->openTasks();
    }
    const std::optional<Entity> known =
        entity.isEmpty() ? std::nullopt : m_core->entities()->find(entity);
    const QString entityId = known ? known->id : entity;
    QJsonArray array;
    for (const Task &task : std::as_const(found)) {
        if ((!source.isEmpty() && task.source != source) || (wanted && task.status != *wanted) ||
            (!entity.isEmpty() && task.entity != entityId) || !task.assignedToMe)
            continue;
        array.append(taskJson(task));
        if (limit > 0 && array.size() >= limit)
            break;
    }
    return {200, QJsonDocument(array).toJson(QJsonDocument::Compact)};
}

HttpAnswer LocalApi::next()
{
    const TaskResult result = m_core->service()->next(m_core->clock()->now());
    if (!result.ok())
        return HttpAnswer::error(500, result.error);
    if (!result.task)
        return HttpAnswer::error(404, tr("All done! No more tasks."));
    return HttpAnswer::json(200, taskJson(*result.task));
}

void LocalApi::done(const HttpRequest &request, int wait, const HttpServer::Reply &reply)
{
    const std::optional<QJsonObject> body = bodyObject(request);
    if (!body)
        return reply(badBody());
    const QJsonValue commentValue = body->value(QStringLiteral("comment"));
    if (!commentValue.isUndefined() && !commentValue.isNull() && !commentValue.isString())
        return reply(badBody());
    const QString text = commentValue.toString();
    if (!commentValue.isUndefined() && !commentValue.isNull() && text.trimmed().isEmpty())
        return reply(HttpAnswer::error(400, tr("The comment is empty")));
    const std::optional<CurrentTask> current = m_core->store()->currentTask();
    if (!current)
        return reply(HttpAnswer::error(400, tr("No current task")));
    const std::optional<Task> task = m_core->store()->task(current->taskId);
    const QDateTime now = m_core->clock()->now();
    Write write;
    TaskResult result;
    QString error;
    // Comment, then complete (the outbox keeps a task's writes in that order), then the next
    // task: all or nothing. (Without a comment the outbox's own transaction is enough.)
    const auto work = [&] {
        if (!text.isEmpty()) {
            const TaskResult commented =
                m_core->service()->comment(current->taskId, text, now, TaskService::Undo::None);
            if (!commented.ok()) {
                error = commented.error;
                return false;
            }
            write.entries.append(commented.entryId);
        }
        result = m_core->service()->done(now, TaskService::Undo::None);
        error = result.error;
        return result.ok();
    };
    const bool stored =
        text.isEmpty() ? work() : m_core->store()->transaction(ChangeOrigin::User, work);
    if (!stored)
        return reply(
            HttpAnswer::error(500, error.isEmpty() ? m_core->store()->lastError() : error));
    write.entries.append(result.entryId);
    write.completedTitle = task ? task->title : current->taskId;
    write.answer = {
        {QStringLiteral("success"), true},
        {QStringLiteral("message"), tr("Completed: “%1”").arg(write.completedTitle)},
        {QStringLiteral("completed_task_id"), current->taskId},
        {QStringLiteral("next_task"),
         result.task ? QJsonValue(taskJson(*result.task)) : QJsonValue()},
    };
    writeAnswer(write, wait, reply);
}

HttpAnswer LocalApi::skip()
{
    const std::optional<CurrentTask> current = m_core->store()->currentTask();
    if (!current)
        return HttpAnswer::error(400, tr("No current task"));
    const std::optional<Task> task = m_core->store()->task(current->taskId);
    const TaskResult result = m_core->service()->skip(m_core->clock()->now());
    if (!result.ok())
        return HttpAnswer::error(500, result.error);
    return HttpAnswer::json(
        200,
        {{QStringLiteral("success"), true},
         {QStringLiteral("message"), tr("Skipped: “%1”").arg(task ? task->title : current->taskId)},
         {QStringLiteral("next_task"),
          result.task ? QJsonValue(taskJson(*result.task)) : QJsonValue()}});
}

void LocalApi::complete(const QString &taskId, int wait, const HttpServer::Reply &reply)
{
    if (const std::optional<HttpAnswer> wrong = checkTask(taskId))
        return reply(*wrong);
    const std::optional<Task> task = m_core->store()->task(taskId);
    if (!task->isOpen())
        return reply(HttpAnswer::error(400, tr("“%1” is done already").arg(task->title)));
    const TaskResult result =
        m_core->service()->complete(taskId, m_core->clock()->now(), TaskService::Undo::None);
    if (!result.ok())
        return reply(HttpAnswer::error(500, result.error));
    Write write;
    write.entries = {result.entryId};
    write.completedTitle = task->title;
    write.answer = {{QStringLiteral("success"), true},
                    {QStringLiteral("message"), tr("Completed: “%1”").arg(task->title)},
                    {QStringLiteral("completed_task_id"), taskId}};
    writeAnswer(write, wait, reply);
}

void LocalApi::comment(const QString &taskId, const HttpRequest &request, int wait,
                       const HttpServer::Reply &reply)
{
    const std::optional<QJsonObject> body = bodyObject(request);
    if (!body || !body->value(QStringLiteral("comment")).isString())
        return reply(HttpAnswer::error(400, tr("The body needs {\"comment\": \"…\"}")));
    const QString text = body->value(QStringLiteral("comment")).toString();
    if (text.trimmed().isEmpty())
        return reply(HttpAnswer::error(400, tr("The comment is empty")));
    if (const std::optional<HttpAnswer> wrong = checkTask(taskId))
        return reply(*wrong);
    const std::optional<Task> task = m_core->store()->task(taskId);
    const TaskResult result =
        m_core->service()->comment(taskId, text, m_core->clock()->now(), TaskService::Undo::None);
    if (!result.ok())
        return reply(HttpAnswer::error(500, result.error));
    Write write;
    write.entries = {result.entryId};
    write.answer = {{QStringLiteral("success"), true},
                    {QStringLiteral("message"), tr("Comment added to “%1”").arg(task->title)}};
    writeAnswer(write, wait, reply);
}

void LocalApi::create(const HttpRequest &request, int wait, const HttpServer::Reply &reply)
{
    const std::optional<QJsonObject> body = bodyObject(request);
    if (!body)
        return reply(badBody());
    for (const QString &key : body->keys()) {
        if (!body->value(key).isString() && !body->value(key).isNull())
            return reply(HttpAnswer::error(400, tr("\"%1\" must be a string").arg(key)));
    }
    const auto field = [&body](const char *name) {
        return body->value(QLatin1String(name)).toString().trimmed();
    };
    const QString title = field("title");
    if (title.isEmpty())
        return reply(HttpAnswer::error(400, tr("A task needs a title")));
    const Settings *settings = m_core->settings();
    QString source = field("source");
    const QString repo = field("repo");
    const QString list = field("list");
    if (!repo.isEmpty() && !list.isEmpty())
        return reply(HttpAnswer::error(400, tr("Give a repo or a list, not both")));
    if (source.isEmpty())
        source = !repo.isEmpty() || (list.isEmpty() && !settings->gitHubCreateRepo().isEmpty())
                     ? Sources::GitHub
                     : Sources::ClickUp;
    if (source != Sources::ClickUp && source != Sources::GitHub)
        return reply(
            HttpAnswer::error(400, tr("Unknown source \"%1\" (clickup or github)").arg(source)));
    if ((source == Sources::GitHub && !list.isEmpty()) ||
        (source == Sources::ClickUp && !repo.isEmpty()))
        return reply(
            HttpAnswer::error(400, tr("A GitHub issue goes to a repo, a ClickUp task to a list")));
    if (source == Sources::GitHub && !repo.isEmpty() &&
        !QRegularExpression(QStringLiteral("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"))
             .match(repo)
             .hasMatch())
        return reply(HttpAnswer::error(400, tr("A repo is OWNER/NAME, not \"%1\"").arg(repo)));
    const QString container = source == Sources::GitHub
                                  ? (repo.isEmpty() ? settings->gitHubCreateRepo() : repo)
                                  : (list.isEmpty() ? settings->clickUpCreateListId() : list);
    QString entity = field("entity");
    if (const std::optional<Entity> known = m_core->entities()->find(entity))
        entity = known->id;
    const TaskResult result = m_core->service()->create(
        source, container, title, entity, body->value(QStringLiteral("description")).toString(),
        m_core->clock()->now());
    if (!result.ok())
        return reply(HttpAnswer::error(400, result.error));
    Write write;
    write.entries = {result.entryId};
    write.answer = {
        {QStringLiteral("success"), true},
        {QStringLiteral("message"), tr("Created: “%1”").arg(title)},
        {QStringLiteral("task"), result.task ? QJsonValue(taskJson(*result.task)) : QJsonValue()}};
    writeAnswer(write, wait, reply);
}

void LocalApi::writeAnswer(Write write, int waitSeconds, const HttpServer::Reply &reply)
{
    const auto outboxJson = [](qint64 id, const QString &state) {
        return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("state"), state}};
    };
    const qint64 last = write.entries.isEmpty() ? 0 : write.entries.constLast();
    // Sent at once where sending runs (the app); the direct path sends while it waits.
    m_core->processor()->processNow();
    if (waitSeconds <= 0) {
        write.answer.insert(QStringLiteral("outbox"), outboxJson(last, QStringLiteral("pending")));
        return reply(HttpAnswer::json(200, write.answer));
    }
    // Waits for the source: every entry confirmed, one refused, or the time is up.
    struct Waiting
    {
        Write write;
        QList<qint64> open;
        HttpServer::Reply reply;
        bool externally = false;
        std::unique_ptr<QObject> context = std::make_unique<QObject>();
    };
    auto waiting = std::make_shared<Waiting>();
    waiting->write = write;
    waiting->open = write.entries;
    waiting->reply = reply;
    QObject *context = waiting->context.get();
    const auto finish = [waiting](const HttpAnswer &answer) {
        if (!waiting->context)
            return;
        waiting->reply(answer);
        // Later: this may run inside one of the context's connections.
        waiting->context.release()->deleteLater();
    };
    OutboxProcessor *processor = m_core->processor();
    connect(
        processor, &OutboxProcessor::sent, context,
        [this, waiting, finish, last, outboxJson](const OutboxEntry &entry,
                                                  const WriteResult &result) {
            if (!waiting->open.removeOne(entry.id))
                return;
            waiting->externally = waiting->externally || result.conflict;
            if (entry.kind == OutboxEntry::Kind::Create && !result.sourceId.isEmpty()) {
                const QString id = Task::makeId(entry.taskId.section(u':', 0, 0), result.sourceId);
                if (const std::optional<Task> task = m_core->store()->task(id))
                    waiting->write.answer.insert(QStringLiteral("task"), taskJson(*task));
            }
            if (!waiting->open.isEmpty())
                return;
            QJsonObject answer = waiting->write.answer;
            if (waiting->externally)
                answer.insert(QStringLiteral("message"),
                              answer.value(QStringLiteral("message")).toString() +
                                  QStringLiteral(" (completed externally)"));
            answer.insert(QStringLiteral("outbox"), outboxJson(last, QStringLiteral("confirmed")));
            finish(HttpAnswer::json(200, answer));
        });
    connect(processor, &OutboxProcessor::failed, context,
            [waiting, finish, outboxJson](const OutboxEntry &entry, const QString &message) {
                if (!waiting->open.contains(entry.id))
                    return;
                finish(HttpAnswer::json(502, {{QStringLiteral("detail"), message},
                                              {QStringLiteral("outbox"),
                                               outboxJson(entry.id, QStringLiteral("failed"))}}));
            });
    // A rejected token holds the source's writes until it works again: said at once.
    connect(processor, &OutboxProcessor::paused, context,
            [this, waiting, finish, outboxJson](const QString &source, const QString &message) {
                for (const qint64 id : std::as_const(waiting->open)) {
                    const QList<OutboxEntry> all = m_core->outbox()->entries();
                    const auto it = std::find_if(all.cbegin(), all.cend(),
                                                 [id](const OutboxEntry &e) { return e.id == id; });
                    if (it != all.cend() && it->taskId.startsWith(source + u':')) {
                        finish(
                            HttpAnswer::json(502, {{QStringLiteral("detail"), message},
                                                   {QStringLiteral("outbox"),
                                                    outboxJson(id, QStringLiteral("pending"))}}));
                        return;
                    }
                }
            });
    QTimer::singleShot(std::chrono::seconds(waitSeconds), context, [this, waiting, finish] {
        // Still not confirmed: where the first open entry stands.
        QJsonObject answer = waiting->write.answer;
        QJsonObject state{{QStringLiteral("id"), waiting->open.value(0)},
                          {QStringLiteral("state"), QStringLiteral("pending")}};
        for (const OutboxEntry &entry : m_core->outbox()->entries()) {
            if (entry.id == waiting->open.value(0))
                state = entryJson(entry);
        }
        answer.insert(QStringLiteral("outbox"), state);
        finish(HttpAnswer::json(202, answer));
    });
}

void LocalApi::sync(int wait, const HttpServer::Reply &reply)
{
    SyncEngine *engine = m_core->engine();
    if (engine->sources().isEmpty())
        return reply(HttpAnswer::error(
            400, tr("No source to sync: set a ClickUp or GitHub token in the settings")));
    if (wait <= 0) {
        engine->syncAll();
        return reply(HttpAnswer::json(202, {{QStringLiteral("success"), true},
                                            {QStringLiteral("message"), tr("Sync started")}}));
    }
    struct Waiting
    {
        QJsonArray results;
        QStringList open;
        QString error;
        std::unique_ptr<QObject> context = std::make_unique<QObject>();
    };
    auto waiting = std::make_shared<Waiting>();
    waiting->open = engine->sources();
    const auto finish = [waiting, reply](int status) {
        if (!waiting->context)
            return;
        QJsonObject answer{{QStringLiteral("success"), waiting->error.isEmpty()},
                           {QStringLiteral("sources"), waiting->results}};
        if (!waiting->error.isEmpty())
            answer.insert(QStringLiteral("detail"), waiting->error);
        answer.insert(QStringLiteral("message"), !waiting->error.isEmpty() ? waiting->error
                                                 : status == 202           ? tr("Still syncing")
                                                                           : tr("Synced"));
        reply(HttpAnswer::json(status, answer));
        waiting->context.release()->deleteLater();
    };
    connect(engine, &SyncEngine::sourceFinished, waiting->context.get(),
            [waiting, finish](const SourceSyncResult &result) {
                if (!waiting->open.removeOne(result.source))
                    return;
                waiting->results.append(QJsonObject{
                    {QStringLiteral("source"), result.source},
                    {QStringLiteral("new"), result.newTasks},
                    {QStringLiteral("updated"), result.updated},
                    {QStringLiteral("closed"), result.closed},
                    {QStringLiteral("error"),
                     result.error.isEmpty() ? QJsonValue() : QJsonValue(result.error)}});
                if (!result.ok() && waiting->error.isEmpty())
                    waiting->error = result.error;
                if (waiting->open.isEmpty())
                    finish(waiting->error.isEmpty() ? 200 : 502);
            });
    QTimer::singleShot(std::chrono::seconds(wait), waiting->context.get(),
                       [finish] { finish(202); });
    engine->syncAll();
}

HttpAnswer LocalApi::morning()
{
    const Briefing briefing = m_core->service()->briefing(m_core->clock()->now());
    const auto list = [this](const QList<Task> &tasks) {
        QJsonArray array;
        for (const Task &task : tasks)
            array.append(taskJson(task));
        return array;
    };
    QJsonArray top;
    for (const auto &[task, score] : briefing.top)
        top.append(taskJson(task));
    QJsonArray failed;
    for (const OutboxEntry &entry : briefing.failedWrites)
        failed.append(entryJson(entry));
    return HttpAnswer::json(200,
                            {{QStringLiteral("top_tasks"), top},
                             {QStringLiteral("overdue"), list(briefing.overdue)},
                             {QStringLiteral("due_today"), list(briefing.dueToday)},
                             {QStringLiteral("changed_elsewhere"), list(briefing.changedElsewhere)},
                             {QStringLiteral("failed_writes"), failed}});
}

HttpAnswer LocalApi::entities() const
{
    QJsonArray array;
    for (const Entity &entity : m_core->entities()->all())
        array.append(entityJson(entity));
    return {200, QJsonDocument(array).toJson(QJsonDocument::Compact)};
}

HttpAnswer LocalApi::entity(const QString &id) const
{
    const std::optional<Entity> entity = m_core->entities()->find(id);
    if (!entity)
        return HttpAnswer::error(404, tr("Client \"%1\" not found").arg(id));
    QJsonObject object = entityJson(*entity);
    QJsonArray tasks;
    for (const Task &task : m_core->store()->openTasks()) {
        if (task.entity == entity->id && task.assignedToMe)
            tasks.append(taskJson(task));
    }
    object.insert(QStringLiteral("open_tasks"), tasks);
    return HttpAnswer::json(200, object);
}

HttpAnswer LocalApi::reloadEntities()
{
    if (!m_core->entities()->reload())
        return HttpAnswer::error(400, m_core->entities()->lastError());
    const qsizetype count = m_core->entities()->all().size();
    return HttpAnswer::json(
        200, {{QStringLiteral("success"), true},
              {QStringLiteral("message"), tr("Reloaded %n clients", nullptr, int(count))},
              {QStringLiteral("count"), count}});
}

HttpAnswer LocalApi::outbox() const
{
    QJsonArray array;
    for (const OutboxEntry &entry : m_core->outbox()->entries())
        array.append(entryJson(entry));
    return {200, QJsonDocument(array).toJson(QJsonDocument::Compact)};
}

std::optional<HttpAnswer> LocalApi::findEntry(const QString &id, qint64 *entryId) const
{
    bool ok = false;
    *entryId = id.toLongLong(&ok);
    if (!ok || *entryId <= 0)
        return HttpAnswer::error(400, tr("Invalid outbox entry id: \"%1\"").arg(id));
    const QList<OutboxEntry> all = m_core->outbox()->entries();
    if (std::none_of(all.cbegin(), all.cend(),
                     [entryId](const OutboxEntry &entry) { return entry.id == *entryId; }))
        return HttpAnswer::error(404, tr("Outbox entry %1 not found").arg(*entryId));
    return std::nullopt;
}

HttpAnswer LocalApi::retry(const QString &id)
{
    qint64 entryId = 0;
    if (std::optional<HttpAnswer> refused = findEntry(id, &entryId))
        return *refused;
    const TaskResult result = m_core->service()->retryWrite(entryId, m_core->clock()->now());
    if (!result.ok())
        return HttpAnswer::error(400, result.error);
    return HttpAnswer::json(
        200, {{QStringLiteral("success"), true},
              {QStringLiteral("message"), tr("Outbox entry %1 goes again").arg(entryId)}});
}

HttpAnswer LocalApi::discard(const QString &id)
{
    qint64 entryId = 0;
    if (std::optional<HttpAnswer> refused = findEntry(id, &entryId))
        return *refused;
    const QString effects = m_core->service()->discardEffects({entryId});
    const TaskResult result = m_core->service()->discardWrite(entryId);
    if (!result.ok())
        return HttpAnswer::error(400, result.error);
    return HttpAnswer::json(
        200, {{QStringLiteral("success"), true},
              {QStringLiteral("message"),
               effects.isEmpty() ? tr("Outbox entry %1 discarded").arg(entryId)
                                 : tr("Outbox entry %1 discarded. %2").arg(entryId).arg(effects)}});
}

HttpAnswer LocalApi::status() const
{
    SourceStatus *status = m_core->sourceStatus();
    QJsonArray sources;
    QJsonArray limits;
    for (const QString &source : status->sources()) {
        const SourceStatus::State state = status->state(source);
        sources.append(
            QJsonObject{{QStringLiteral("source"), source},
                        {QStringLiteral("state"), sourceKindName(state.kind)},
                        {QStringLiteral("syncing"), state.syncing},
                        {QStringLiteral("last_sync"), timeJson(state.syncedAt)},
                        {QStringLiteral("reason"),
                         state.reason.isEmpty() ? QJsonValue() : QJsonValue(state.reason)},
                        {QStringLiteral("description"), status->describe(source)}});
        if (state.kind == SourceStatus::State::Kind::RateLimited)
            limits.append(QJsonObject{{QStringLiteral("source"), source},
                                      {QStringLiteral("until"), timeJson(state.until)}});
    }
    const WebhookServer *webhooks = m_core->webhooks();
    const OutboxCounts counts = m_core->service()->outboxCounts();
    return HttpAnswer::json(
        200, {{QStringLiteral("sources"), sources},
              {QStringLiteral("webhooks"),
               QJsonObject{{QStringLiteral("listening"), webhooks->listeningSince().isValid()},
                           {QStringLiteral("port"), webhooks->listeningSince().isValid()
                                                        ? QJsonValue(webhooks->port())
                                                        : QJsonValue()},
                           {QStringLiteral("since"), timeJson(webhooks->listeningSince())}}},
              {QStringLiteral("outbox"), QJsonObject{{QStringLiteral("waiting"), counts.waiting},
                                                     {QStringLiteral("failed"), counts.failed}}},
              {QStringLiteral("rate_limits"), limits}});
}

} // namespace UpNext
