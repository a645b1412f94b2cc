#include "SourceErrors.h"

#include "core/Task.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace UpNext::SourceErrors {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpNext::SourceErrors", text);
}

QJsonObject errorBody(const HttpReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

} // namespace

Source sourceOf(const QString &source)
{
    return source == Sources::GitHub ? Source::GitHub : Source::ClickUp;
}

QString serviceName(Source source)
{
    return source == Source::GitHub ? QStringLiteral("GitHub") : QStringLiteral("ClickUp");
}

bool isSuccess(const HttpReply &reply)
{
    return reply.status >= 200 && reply.status < 300;
}

QString describe(Source source, const HttpReply &reply)
{
    if (reply.isNetworkFailure()) {
        // RestClient's transfer timeout shows up as a cancelled request.
        if (reply.error == QNetworkReply::OperationCanceledError ||
            reply.error == QNetworkReply::TimeoutError)
            return tr("Connection error: no answer in time (timed out)");
        if (reply.error == QNetworkReply::ContentReSendError) // see SendOnceBody
            return tr("Connection error: the connection closed before the answer arrived");
        return tr("Connection error: %1").arg(reply.errorString);
    }
    const QJsonObject body = errorBody(reply);
    QString text =
        body.value(source == Source::GitHub ? QStringLiteral("message") : QStringLiteral("err"))
            .toString();
    if (text.isEmpty())
        text = reply.errorString;
    return tr("%1 error: %2 (%3)").arg(serviceName(source)).arg(reply.status).arg(text);
}

std::optional<QDateTime> rateLimitedUntil(Source source, const HttpReply &reply,
                                          const QDateTime &now)
{
    const auto resetTime = [&](const QByteArray &header) {
        const qint64 reset = reply.header(header).trimmed().toLongLong();
        // At least a second, so a clock that disagrees with the source's cannot make us hammer it.
        return reset > 0 ? std::max(QDateTime::fromSecsSinceEpoch(reset, QTimeZone::utc()),
                                    now.addSecs(1))
                         : now.addSecs(60);
    };
    if (source == Source::ClickUp) {
        if (reply.status != 429)
            return std::nullopt;
        return resetTime("x-ratelimit-reset");
    }
    // GitHub: primary limit (remaining 0) or secondary limit (retry-after), as 403 or 429.
    if (reply.status != 403 && reply.status != 429)
        return std::nullopt;
    const QByteArray retryAfter = reply.header("retry-after").trimmed();
    if (!retryAfter.isEmpty())
        return now.addSecs(std::max(1, retryAfter.toInt()));
    if (reply.header("x-ratelimit-remaining").trimmed() == "0")
        return resetTime("x-ratelimit-reset");
    if (reply.status == 429)
        return now.addSecs(60);
    return std::nullopt;
}

bool isClickUpTaskGone(const HttpReply &reply)
{
    return reply.status == 404 ||
           (reply.status == 401 && errorBody(reply).value(QStringLiteral("ECODE")).toString() ==
                                       QLatin1String("OAUTH_027"));
}

bool isUnreachable(const HttpReply &reply)
{
    return reply.isNetworkFailure() || reply.status >= 500 || reply.status == 408;
}

bool isUnauthorized(Source source, const HttpReply &reply)
{
    return reply.status == 401 && !(source == Source::ClickUp &&
                                    errorBody(reply).value(QStringLiteral("ECODE")).toString() ==
                                        QLatin1String("OAUTH_027"));
}

WriteResult failure(Source source, const HttpReply &reply, const QDateTime &now)
{
    WriteResult result;
    result.message = describe(source, reply);
    if (isUnreachable(reply)) {
        result.failure = WriteResult::Failure::Retry;
        result.unreachable = true;
    } else if (const std::optional<QDateTime> until = rateLimitedUntil(source, reply, now)) {
        result.failure = WriteResult::Failure::Retry;
        result.retryAfter = *until;
    } else if (isUnauthorized(source, reply)) {
        result.failure = WriteResult::Failure::Unauthorized;
    } else {
        // 400, 403, 404, 410, 422, and ClickUp's 401 OAUTH_027, which it gives for a task or
        // list the token cannot see: the token works, this one write cannot.
        result.failure = WriteResult::Failure::Permanent;
    }
    return result;
}

WriteResult malformed(Source source, const HttpReply &reply, const QString &what)
{
    WriteResult result;
    result.message = tr("%1 error: %2 (%3)").arg(serviceName(source)).arg(reply.status).arg(what);
    result.failure = WriteResult::Failure::Retry;
    return result;
}

WriteResult rejected(const QString &message)
{
    WriteResult result;
    result.message = message;
    result.failure = WriteResult::Failure::Permanent;
    return result;
}

Done deliverTo(QObject *context, SourceWriter::Callback callback)
{
    return [context = QPointer<QObject>(context), callback](const WriteResult &result) {
        if (!context)
            return;
        // Queued: a posted call to an object that is deleted meanwhile is dropped with it.
        QMetaObject::invokeMethod(
            context.data(), [callback, result] { callback(result); }, Qt::QueuedConnection);
    };
}

} // namespace UpNext::SourceErrors
