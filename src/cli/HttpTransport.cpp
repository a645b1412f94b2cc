#include "HttpTransport.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QUrlQuery>

namespace UpNext {

HttpTransport::HttpTransport(quint16 port, const QByteArray &token)
    : m_base(QStringLiteral("http://127.0.0.1:%1").arg(port))
    , m_token(token)
{}

CliResponse HttpTransport::send(const QByteArray &method, const QString &path,
                                const QByteArray &body)
{
    QUrl url = m_base.resolved(QUrl(path, QUrl::StrictMode));
    if (!url.isValid())
        url = m_base.resolved(QUrl(path));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    // A request that waits for a source is given that long and more.
    const int wait = QUrlQuery(url).queryItemValue(QStringLiteral("wait")).toInt();
    request.setTransferTimeout(m_timeout + wait * 1000);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    CliResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    if (response.status == 0)
        response.networkError = reply->errorString();
    reply->deleteLater();
    return response;
}

} // namespace UpNext
