#include "HttpServer.h"

#include "LimitedTcpServer.h"

#include "core/Logging.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>
#include <QtConcurrent>

#include <optional>

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
            hold(request, std::move(responder));
        });
    // Requests are answered once per pass of the event loop, after all that arrived in it
    // were handled: a batch's writes commit once before any of them is answered.
    m_answerTimer.setSingleShot(true);
    m_answerTimer.setInterval(0);
    connect(&m_answerTimer, &QTimer::timeout, this, &HttpServer::answerHeld);
    // One thread: it runs beside the event loop's, and keeps the requests in order.
    m_preparer.setMaxThreadCount(1);
}

HttpServer::~HttpServer() = default;

void HttpServer::route(QHttpServerRequest::Method method, const QString &path, Handler handler,
                       bool batched, Prepare prepare)
{
    m_routes.append({method, path, std::move(handler), batched, std::move(prepare)});
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto tcp = std::make_unique<LimitedTcpServer>(m_bodyLimit, m_requestTimeout);
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

void HttpServer::hold(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Held held;
    held.request.method = request.method();
    held.request.url = request.url();
    for (const auto &[name, value] : request.headers())
        held.request.headers.insert(name.toLower(), value);
    held.request.body = request.body();
    held.request.peer = request.remoteAddress();
    const QString path = held.request.url.path();
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const Route &route = m_routes.at(i);
        if (route.path != path)
            continue;
        if (route.method == held.request.method) {
            held.route = i;
            held.allowed.clear();
            break;
        }
        held.allowed.append(QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                           int(route.method)))
                                .toUpper());
    }
    if (held.route < 0) {
        held.answer = held.allowed.isEmpty() ? HttpAnswer::error(404, tr("Not found"))
                                             : HttpAnswer::error(405, tr("Method not allowed"));
    }
    if (held.route >= 0 && m_routes.at(held.route).prepare)
        held.preparing =
            QtConcurrent::run(&m_preparer, m_routes.at(held.route).prepare, held.request);
    held.fallback = m_fallback && held.route < 0 && held.allowed.isEmpty();
    held.socket = responder.socket();
    held.responder = std::make_shared<QHttpServerResponder>(std::move(responder));
    m_held.append(std::move(held));
    m_answerTimer.start();
}

void HttpServer::answerHeld()
{
    QList<Held> held = std::exchange(m_held, {});
    for (Held &each : held) {
        if (each.preparing.isValid())
            each.request.prepared = each.preparing.result(); // most are done by now
    }
    const auto batched = [&](qsizetype i) {
        return m_batch && held.at(i).route >= 0 && m_routes.at(held.at(i).route).batched;
    };
    for (qsizetype i = 0; i < held.size();) {
        qsizetype end = i + 1;
        if (held.at(i).fallback) {
            // The fallback's requests of this pass together: one commit for all their writes.
            while (end < held.size() && held.at(end).fallback)
                ++end;
            const auto handleAll = [&] {
                for (qsizetype k = i; k < end; ++k)
                    callFallback(held[k]);
            };
            const bool kept = m_fallbackBatch ? m_fallbackBatch(handleAll) : (handleAll(), true);
            for (qsizetype k = i; !kept && k < end; ++k) {
                if (!held.at(k).deferred && held.at(k).answer.status < 300)
                    held[k].answer = HttpAnswer::error(
                        500, tr("The request could not be stored; send it again"));
            }
        } else if (!batched(i)) {
            if (held.at(i).route >= 0)
                held[i].answer = m_routes.at(held.at(i).route).handler(held.at(i).request);
        } else {
            while (end < held.size() && batched(end))
                ++end;
            const bool kept = m_batch([&] {
                for (qsizetype k = i; k < end; ++k)
                    held[k].answer = m_routes.at(held.at(k).route).handler(held.at(k).request);
            });
            for (qsizetype k = i; !kept && k < end; ++k) {
                if (held.at(k).answer.status < 300)
                    held[k].answer = HttpAnswer::error(
                        500, tr("The request could not be stored; send it again"));
            }
        }
        i = end;
    }
    for (const Held &answered : std::as_const(held)) {
        if (answered.socket && !answered.deferred) // else the client went away
            write(*answered.responder, answered.answer, answered.allowed);
    }
}

void HttpServer::callFallback(Held &held)
{
    struct State
    {
        bool inCall = true;
        bool answered = false;
        std::optional<HttpAnswer> answer;
    };
    auto state = std::make_shared<State>();
    m_fallback(held.request,
               [state, responder = held.responder, socket = held.socket](const HttpAnswer &answer) {
                   if (std::exchange(state->answered, true))
                       return;
                   if (state->inCall)
                       state->answer = answer; // written with the others of this pass
                   else if (socket)
                       write(*responder, answer);
               });
    state->inCall = false;
    if (state->answer)
        held.answer = *state->answer;
    else
        held.deferred = true;
}

void HttpServer::write(QHttpServerResponder &responder, const HttpAnswer &answer,
                       const QByteArrayList &allowed)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
    if (!allowed.isEmpty())
        responder.writeHeader("Allow", allowed.join(", "));
    responder.writeHeader("Content-Type", answer.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(answer.body);
}

} // namespace UpNext
