#include "ClickUpWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <limits>

namespace UpNext {

namespace {

using SourceErrors::Source;

// ClickUp sends ids as strings or numbers, depending on the endpoint.
QString idString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QJsonObject object(const HttpReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

bool isClosedType(const QString &type)
{
    return type == QLatin1String("closed") || type == QLatin1String("done");
}

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString clientTag(const QString &entity)
{
    const QString trimmed = entity.trimmed();
    return trimmed.isEmpty() ? QString() : QStringLiteral("client:") + trimmed;
}

WriteResult found(const QString &sourceId)
{
    WriteResult result;
    result.success = true;
    result.sourceId = sourceId;
    return result;
}

} // namespace

ClickUpWriter::ClickUpWriter(RestClient *client, const ClickUpWriterOptions &options,
                             QObject *parent)
    : SourceWriter(parent)
    , m_client(client)
    , m_options(options)
    , m_userId(options.userId.trimmed())
{
    m_options.createListId = m_options.createListId.trimmed();
}

QUrl ClickUpWriter::taskUrl(const QString &taskId, const QString &suffix) const
{
    return m_client->url(QStringLiteral("/task/%1%2").arg(encoded(taskId), suffix));
}

void ClickUpWriter::send(const QByteArray &verb, const QUrl &url, const QJsonObject &body,
                         const Done &done, std::function<void(const HttpReply &)> handler)
{
    const QByteArray json =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    // Every failure ends the call here; handler sees successes only.
    m_client->send(verb, url, json, {}, this,
                   [this, done, handler = std::move(handler)](const HttpReply &reply) {
                       if (!SourceErrors::isSuccess(reply))
                           return done(
                               SourceErrors::failure(Source::ClickUp, reply, m_clock->now()));
                       handler(reply);
                   });
}

void ClickUpWriter::withUser(const Done &done, std::function<void()> then)
{
    if (!m_userId.isEmpty())
        return then();
    // Two first calls at once may both ask; the answer is the same.
    send(
        "GET", m_client->url(QStringLiteral("/user")), {}, done,
        [this, done, then = std::move(then)](const HttpReply &reply) {
            const QString id = idString(
                object(reply).value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
            if (id.isEmpty())
                return done(SourceErrors::malformed(Source::ClickUp, reply,
                                                    tr("the answer to /user has no user id")));
            m_userId = id;
            then();
        });
}

void ClickUpWriter::closedStatus(const QString &listId, const Done &done,
                                 std::function<void(const QString &)> then)
{
    if (listId.isEmpty())
        return then(m_options.fallbackClosedStatus);
    const auto cached = m_closedStatus.constFind(listId);
    if (cached != m_closedStatus.cend())
        return then(*cached);
    send("GET", m_client->url(QStringLiteral("/list/%1").arg(encoded(listId))), {}, done,
         [this, listId, done, then = std::move(then)](const HttpReply &reply) {
             const QJsonValue statuses = object(reply).value(QStringLiteral("statuses"));
             if (!statuses.isArray())
                 return done(SourceErrors::malformed(Source::ClickUp, reply,
                                                     tr("the answer is not a list")));
             QString name = m_options.fallbackClosedStatus;
             for (const QJsonValue &value : statuses.toArray()) {
                 const QJsonObject status = value.toObject();
                 if (status.value(QStringLiteral("type")).toString() == QLatin1String("closed")) {
                     name = status.value(QStringLiteral("status")).toString();
                     break;
                 }
             }
             m_closedStatus.insert(listId, name);
             then(name);
         });
}

void ClickUpWriter::complete(const QString &sourceId, QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (sourceId.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: no task id")));

    // Read first: a task someone else completed is a conflict, not something to write over.
    send("GET", taskUrl(sourceId), {}, done, [this, sourceId, done](const HttpReply &reply) {
        const QJsonObject task = object(reply);
        const QJsonObject status = task.value(QStringLiteral("status")).toObject();
        if (status.isEmpty())
            return done(
                SourceErrors::malformed(Source::ClickUp, reply, tr("the answer is not a task")));
        const QString name = status.value(QStringLiteral("status")).toString();
        if (isClosedType(status.value(QStringLiteral("type")).toString().toLower())) {
            // The task has no "closed by": say what status it is in.
            WriteResult result;
            result.success = true;
            result.conflict = true;
            result.sourceId = sourceId;
            result.currentState = name;
            result.message = tr("Already closed on ClickUp (status \"%1\")").arg(name);
            return done(result);
        }
        const QString listId =
            idString(task.value(QStringLiteral("list")).toObject().value(QStringLiteral("id")));
        closedStatus(listId, done, [this, sourceId, listId, done](const QString &closed) {
            send(
                "PUT", taskUrl(sourceId), {{QStringLiteral("status"), closed}},
                [this, listId, done](const WriteResult &result) {
                    // A status that is gone (400) is read again next time.
                    if (result.failure == WriteResult::Failure::Permanent)
                        m_closedStatus.remove(listId);
                    done(result);
                },
                [sourceId, closed, done](const HttpReply &reply) {
                    if (!QJsonDocument::fromJson(reply.body).isObject())
                        return done(SourceErrors::malformed(Source::ClickUp, reply,
                                                            tr("the answer is not a task")));
                    WriteResult result;
                    result.success = true;
                    result.sourceId = sourceId;
                    result.message = tr("Set to \"%1\" on ClickUp").arg(closed);
                    done(result);
                });
        });
    });
}

void ClickUpWriter::comment(const QString &sourceId, const QString &text, QObject *context,
                            Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (sourceId.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: no task id")));
    if (text.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: a comment cannot be empty")));

    const QJsonObject body{{QStringLiteral("comment_text"), text},
                           {QStringLiteral("notify_all"), false}};
    send("POST", taskUrl(sourceId, QStringLiteral("/comment")), body, done,
         [done](const HttpReply &reply) {
             const QString id = idString(object(reply).value(QStringLiteral("id")));
             if (id.isEmpty())
                 return done(SourceErrors::malformed(Source::ClickUp, reply,
                                                     tr("the answer is not a comment")));
             WriteResult result = found(id);
             result.message = tr("Commented on ClickUp");
             done(result);
         });
}

void ClickUpWriter::create(const QString &title, const QString &entity, const QString &description,
                           QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (m_options.createListId.isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: no list set for new tasks")));
    if (title.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: a title cannot be empty")));
    if (Task::characterCount(title) > MaxTitle)
        return done(SourceErrors::rejected(tr("ClickUp: the title is %1 characters long; at most "
                                              "%2 are allowed")
                                               .arg(Task::characterCount(title))
                                               .arg(MaxTitle)));

    withUser(done, [this, title, entity, description, done] {
        QJsonObject body{{QStringLiteral("name"), title},
                         {QStringLiteral("description"), description}};
        const QString tag = clientTag(entity);
        if (!tag.isEmpty())
            body.insert(QStringLiteral("tags"), QJsonArray{tag});
        // ClickUp user ids are numbers.
        bool numeric = false;
        const qint64 user = m_userId.toLongLong(&numeric);
        body.insert(QStringLiteral("assignees"),
                    QJsonArray{numeric ? QJsonValue(user) : QJsonValue(m_userId)});
        const QUrl url =
            m_client->url(QStringLiteral("/list/%1/task").arg(encoded(m_options.createListId)));
        send("POST", url, body, done, [done](const HttpReply &reply) {
            const QString id = object(reply).value(QStringLiteral("id")).toString();
            if (id.isEmpty())
                return done(SourceErrors::malformed(Source::ClickUp, reply,
                                                    tr("the answer is not a task")));
            WriteResult result = found(id);
            result.message = tr("Created %1 on ClickUp").arg(id);
            done(result);
        });
    });
}

void ClickUpWriter::findComment(const QString &sourceId, const QString &text,
                                const QDateTime &since, QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (sourceId.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: no task id")));

    withUser(done, [this, sourceId, text, since, done] {
        findCommentFrom(taskUrl(sourceId, QStringLiteral("/comment")), text,
                        since.isValid() ? since.toMSecsSinceEpoch() : 0, done);
    });
}

void ClickUpWriter::findCommentFrom(const QUrl &url, const QString &text, qint64 sinceMs,
                                    const Done &done)
{
    // ClickUp answers with the newest comments, a page at a time going back: stop at the
    // comment, or once the page reaches back before since.
    send("GET", url, {}, done, [this, url, text, sinceMs, done](const HttpReply &reply) {
        const QJsonValue comments = object(reply).value(QStringLiteral("comments"));
        if (!comments.isArray())
            return done(SourceErrors::malformed(Source::ClickUp, reply,
                                                tr("the answer has no comment list")));
        const QJsonArray page = comments.toArray();
        qint64 oldest = std::numeric_limits<qint64>::max();
        QString oldestId;
        for (const QJsonValue &value : page) {
            const QJsonObject comment = value.toObject();
            const QString author = idString(
                comment.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
            const qint64 date = idString(comment.value(QStringLiteral("date"))).toLongLong();
            if (author == m_userId && date >= sinceMs &&
                comment.value(QStringLiteral("comment_text")).toString() == text)
                return done(found(idString(comment.value(QStringLiteral("id")))));
            if (date <= oldest) {
                oldest = date;
                oldestId = idString(comment.value(QStringLiteral("id")));
            }
        }
        if (page.size() < CommentPageSize || oldest < sinceMs || oldestId.isEmpty())
            return done(found({}));
        QUrl older = url;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start"), QString::number(oldest));
        query.addQueryItem(QStringLiteral("start_id"), oldestId);
        older.setQuery(query);
        findCommentFrom(older, text, sinceMs, done);
    });
}

void ClickUpWriter::findCreated(const QString &title, const QString &entity, const QDateTime &since,
                                QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (m_options.createListId.isEmpty())
        return done(SourceErrors::rejected(tr("ClickUp: no list set for new tasks")));

    // date_updated_gt is strict: one millisecond earlier keeps a task made exactly at since.
    const qint64 sinceMs = since.isValid() ? since.toMSecsSinceEpoch() - 1 : 0;
    withUser(done, [this, title, entity, sinceMs, done] {
        findInPages(title.trimmed(), clientTag(entity), sinceMs, 0, done);
    });
}

void ClickUpWriter::findInPages(const QString &title, const QString &tag, qint64 sinceMs, int page,
                                const Done &done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("include_closed"), QStringLiteral("true"));
    if (sinceMs > 0)
        query.addQueryItem(QStringLiteral("date_updated_gt"), QString::number(sinceMs));
    QUrl url = m_client->url(QStringLiteral("/list/%1/task").arg(encoded(m_options.createListId)));
    url.setQuery(query);
    send("GET", url, {}, done, [this, title, tag, sinceMs, page, done](const HttpReply &reply) {
        const QJsonObject answer = object(reply);
        const QJsonValue tasks = answer.value(QStringLiteral("tasks"));
        if (!tasks.isArray())
            return done(
                SourceErrors::malformed(Source::ClickUp, reply, tr("the answer has no task list")));
        const QJsonArray items = tasks.toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject task = value.toObject();
            const QString creator = idString(
                task.value(QStringLiteral("creator")).toObject().value(QStringLiteral("id")));
            // ClickUp trims names.
            if (creator != m_userId ||
                task.value(QStringLiteral("name")).toString().trimmed() != title)
                continue;
            bool tagged = tag.isEmpty();
            for (const QJsonValue &item : task.value(QStringLiteral("tags")).toArray()) {
                // ClickUp keeps tag names in lower case.
                if (item.toObject()
                        .value(QStringLiteral("name"))
                        .toString()
                        .compare(tag, Qt::CaseInsensitive) == 0)
                    tagged = true;
            }
            if (tagged)
                return done(found(task.value(QStringLiteral("id")).toString()));
        }
        // An empty page ends the listing whatever it says, so a confused server cannot loop us.
        if (items.isEmpty() || answer.value(QStringLiteral("last_page")).toBool(true))
            return done(found({}));
        findInPages(title, tag, sinceMs, page + 1, done);
    });
}

} // namespace UpNext
