#include "HttpServer.h"

#include "LimitedTcpServer.h"

#include "core/Logging.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>

namespace UpNext {

HttpAnswer HttpAnswer::json(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

HttpAnswer HttpAnswer::error(int status, const QString &message)
{
    return json(status, {{QStringLiteral("detail"), message}});
}

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<QHttpServer>())
{
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            respond(request, std::move(responder));
        });
}

HttpServer::~HttpServer() = default;

void HttpServer::route(QHttpServerRequest::Method method, const QString &path, Handler handler)
{
    m_routes.append({method, path, std::move(handler)});
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto tcp = std::make_unique<LimitedTcpServer>(m_bodyLimit);
    if (!tcp->listen(address, port)) {
        *error = tr("Cannot listen on %1 port %2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(tcp->errorString());
        return false;
    }
    m_address = address;
    m_port = tcp->serverPort();
    m_server->bind(tcp.release()); // the HTTP server owns it now
    qCInfo(lcWebhook).noquote() << "Listening on" << address.toString() << "port" << m_port;
    return true;
}

void HttpServer::respond(const QHttpServerRequest &request, QHttpServerResponder &&responder) const
{
    const QString path = request.url().path();
    HttpAnswer answer = HttpAnswer::error(404, tr("Not found"));
    QByteArrayList allowed;
    for (const Route &route : m_routes) {
        if (route.path != path)
            continue;
        if (route.method == request.method()) {
            answer = route.handler(request);
            allowed.clear();
            break;
        }
        allowed.append(QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                      int(route.method)))
                           .toUpper());
        answer = HttpAnswer::error(405, tr("Method not allowed"));
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
    if (!allowed.isEmpty())
        responder.writeHeader("Allow", allowed.join(", "));
    responder.writeHeader("Content-Type", answer.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(answer.body);
}

} // namespace UpNext
