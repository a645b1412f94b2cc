#include "CommentReader.h"
#include "GitHubWriter.h"
#include "SourceErrors.h"

#include "core/Task.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimeZone>

namespace UpNext {

using namespace Qt::Literals::StringLiterals;

namespace {

using SourceErrors::Source;

// Hands the thread over from the event loop, and not once context is gone.
void deliver(QObject *context, const CommentReader::Callback &callback, const CommentThread &thread)
{
    QMetaObject::invokeMethod(
        context, [callback, thread] { callback(thread); }, Qt::QueuedConnection);
}

} // namespace

CommentReader::CommentReader(Clients clients, QObject *parent)
    : QObject(parent)
    , m_clients(std::move(clients))
{}

QList<Comment> CommentReader::fromGitHub(const QByteArray &json, bool *ok)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    *ok = document.isArray();
    QList<Comment> comments;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject comment = value.toObject();
        comments.append({comment.value(QStringLiteral("user"))
                             .toObject()
                             .value(QStringLiteral("login"))
                             .toString(),
                         comment.value(QStringLiteral("body")).toString(),
                         QDateTime::fromString(
                             comment.value(QStringLiteral("created_at")).toString(), Qt::ISODate)});
    }
    return comments;
}

QList<Comment> CommentReader::fromClickUp(const QByteArray &json, bool *ok)
{
    const QJsonValue list =
        QJsonDocument::fromJson(json).object().value(QStringLiteral("comments"));
    *ok = list.isArray();
    QList<Comment> comments;
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject comment = value.toObject();
        const qint64 ms = comment.value(QStringLiteral("date")).toString().toLongLong();
        comments.prepend( // newest first there, newest last here
            {comment.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
             comment.value(QStringLiteral("comment_text")).toString(),
             ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()) : QDateTime()});
    }
    return comments;
}

void CommentReader::read(const QString &taskId, QObject *context, Callback callback)
{
    QString source;
    QString sourceId;
    if (!Task::parseId(taskId, &source, &sourceId) || Task::isLocalId(taskId))
        return deliver(context, callback, {}); // not at its source yet: nothing there
    RestClient *client = m_clients ? m_clients(source) : nullptr;
    if (!client)
        return deliver(context, callback,
                       {{}, false, tr("%1 is not connected").arg(Task::sourceName(source))});
    if (source == Sources::GitHub)
        readGitHub(client, sourceId, context, callback);
    else
        readClickUp(client, sourceId, context, callback);
}

void CommentReader::readGitHub(RestClient *client, const QString &sourceId, QObject *context,
                               const Callback &callback)
{
    const QString issue = GitHubWriter::issuePath(sourceId);
    if (issue.isEmpty())
        return deliver(context, callback, {});
    const QUrl first = client->url(issue + QStringLiteral("/comments?per_page=100"));
    const QPointer<QObject> guard(context);
    const auto take = [guard, callback](const HttpReply &reply, bool older) {
        if (!guard)
            return;
        if (!SourceErrors::isSuccess(reply))
            return callback({{}, false, SourceErrors::describe(Source::GitHub, reply)});
        bool ok = false;
        QList<Comment> comments = fromGitHub(reply.body, &ok);
        if (!ok)
            return callback(
                {{},
                 false,
                 tr("GitHub error: %1 (the answer is not a list of comments)").arg(reply.status)});
        callback({comments, older, {}});
    };
    const QPointer<RestClient> same(client); // replaced when the tokens are read again
    client->get(first, {}, this, [this, same, take](const HttpReply &reply) {
        // A long thread: its newest comments are on the last page (asked only of the API).
        const QUrl last = same ? same->linkedPage(reply, "last"_L1) : QUrl();
        if (!SourceErrors::isSuccess(reply) || !last.isValid())
            return take(reply, false);
        same->get(last, {}, this, [take](const HttpReply &lastPage) { take(lastPage, true); });
    });
}

void CommentReader::readClickUp(RestClient *client, const QString &sourceId, QObject *context,
                                const Callback &callback)
{
    const QPointer<QObject> guard(context);
    const QUrl url = client->url(QStringLiteral("/task/%1/comment")
                                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(sourceId))));
    client->get(url, {}, this, [guard, callback](const HttpReply &reply) {
        if (!guard)
            return;
        if (!SourceErrors::isSuccess(reply))
            return callback({{}, false, SourceErrors::describe(Source::ClickUp, reply)});
        bool ok = false;
        const QList<Comment> comments = fromClickUp(reply.body, &ok);
        if (!ok)
            return callback(
                {{},
                 false,
                 tr("ClickUp error: %1 (the answer has no comments)").arg(reply.status)});
        callback({comments, comments.size() >= ClickUpPage, {}});
    });
}

} // namespace UpNext
