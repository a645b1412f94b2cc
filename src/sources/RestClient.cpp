#include "RestClient.h"

#include "SendOnceBody.h"

#include "core/Logging.h"
#include "core/Settings.h"

#include <QNetworkRequest>
#include <QRegularExpression>

namespace UpNext {

RestClient::RestClient(QNetworkAccessManager *manager, const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_baseUrl(baseUrl.adjusted(QUrl::StripTrailingSlash))
{
    setDefaultHeader("User-Agent", "UpNext/" UPNEXT_VERSION);
}

QUrl RestClient::url(const QString &pathAndQuery) const
{
    return QUrl(m_baseUrl.toString() + pathAndQuery);
}

QUrl RestClient::linkedPage(const HttpReply &reply, QLatin1StringView relation) const
{
    static const QRegularExpression link(QStringLiteral(R"re(<([^>]+)>\s*;\s*rel="([^"]+)")re"));
    QUrl page;
    for (const QRegularExpressionMatch &match :
         link.globalMatch(QString::fromUtf8(reply.header("link")))) {
        if (match.capturedView(2) == relation) {
            page = QUrl(match.captured(1));
            break;
        }
    }
    return page.isValid() && mayReach(page) ? page : QUrl();
}

bool RestClient::mayReach(const QUrl &url) const
{
    // The port is not compared, as a proxy in front of the API (the OpenAPI check of the
    // tests) may pass on links to the server behind it.
    return Settings::isSafeApiUrl(url) && url.scheme() == m_baseUrl.scheme() &&
           url.host() == m_baseUrl.host();
}

void RestClient::setDefaultHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : m_defaultHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    m_defaultHeaders.append({name, value});
}

void RestClient::get(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                     QObject *context, Callback callback)
{
    send("GET", url, {}, headers, context, std::move(callback));
}

void RestClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                      const QList<std::pair<QByteArray, QByteArray>> &headers, QObject *context,
                      Callback callback)
{
    send(verb, url, body, headers, context, std::move(callback), MaxWriteRedirects);
}

void RestClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                      const QList<std::pair<QByteArray, QByteArray>> &headers, QObject *context,
                      Callback callback, int redirectsLeft)
{
    if (!mayReach(url)) {
        HttpReply refused;
        refused.error = QNetworkReply::ProtocolUnknownError;
        refused.errorString =
            Settings::isSafeApiUrl(url)
                ? tr("refused to send to %1, which is not %2").arg(url.host(), m_baseUrl.host())
                : tr("refused to send to %1 without HTTPS").arg(url.host());
        qCWarning(lcSync).noquote() << verb << url.host() << "-" << refused.errorString;
        QMetaObject::invokeMethod(
            context, [refused, callback = std::move(callback)] { callback(refused); },
            Qt::QueuedConnection);
        return;
    }
    const bool read = verb == "GET";
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // A write's body cannot be sent again by Qt (see below): its redirects are followed here.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         read ? QNetworkRequest::SameOriginRedirectPolicy
                              : QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : m_defaultHeaders + headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    ++m_requests;

    QNetworkReply *reply = nullptr;
    if (read) {
        reply = m_manager->get(request);
    } else {
        // Streamed from a body that cannot rewind, so Qt cannot send a write twice.
        auto *upload = new SendOnceBody(body);
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        reply = m_manager->sendCustomRequest(request, verb, upload);
        upload->setParent(reply);
    }
    // The reply goes away whether or not its context is still there to hear the answer.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context,
            [=, this, callback = std::move(callback)]() mutable {
                HttpReply result;
                result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (reply->isOpen()) // a timed-out reply is already closed
                    result.body = reply->readAll();
                result.error = reply->error();
                result.errorString = reply->errorString();
                for (const auto &[name, value] : reply->rawHeaderPairs())
                    result.headers.insert(name.toLower(), value);
                // 307 and 308 say the request was not acted on: send it to the new place,
                // as long as that is no less safe (same scheme, host and port).
                const QUrl target = url.resolved(QUrl::fromEncoded(result.header("location")));
                if ((result.status == 307 || result.status == 308) && redirectsLeft > 0 &&
                    target.scheme() == url.scheme() && target.host() == url.host() &&
                    target.port() == url.port()) {
                    qCDebug(lcSync).noquote() << verb << url.path() << "moved to" << target.path();
                    return send(verb, target, body, headers, context, std::move(callback),
                                redirectsLeft - 1);
                }
                callback(result);
            });
}

} // namespace UpNext
