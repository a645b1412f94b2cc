#include "SimServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace UpNext::Sim {

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    return QString::fromLatin1(
               QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method)))
        .toUpper();
}

} // namespace

QString SimRequest::queryValue(const QString &key, const QString &fallback) const
{
    for (const auto &[name, value] : query) {
        if (name == key)
            return value;
    }
    return fallback;
}

QStringList SimRequest::queryValues(const QString &key) const
{
    QStringList values;
    for (const auto &[name, value] : query) {
        if (name == key)
            values.append(value);
    }
    return values;
}

SimResponse SimResponse::json(int status, const QJsonValue &value)
{
    SimResponse response;
    response.status = status;
    response.body = value.isArray()
                        ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

void SimResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray SimResponse::headerValue(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

SimServer::SimServer(QObject *parent)
    : QObject(parent)
{
    // Every request comes here: one place for auth, limits, faults and the log.
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            respond(request, std::move(responder));
        });
}

SimServer::~SimServer() = default;

quint16 SimServer::listen(quint16 port)
{
    m_port = m_server.listen(QHostAddress::LocalHost, port);
    return m_port;
}

QUrl SimServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void SimServer::addRoute(QHttpServerRequest::Method method, const QString &pattern, Handler handler)
{
    QString regex = QRegularExpression::escape(pattern);
    static const QRegularExpression placeholder(QStringLiteral(R"(\\\{[a-z_]+\\\})"));
    regex.replace(placeholder, QStringLiteral("([^/]+)"));
    m_routes.append({method, methodName(method) + QLatin1Char(' ') + pattern,
                     QRegularExpression(QLatin1Char('^') + regex + QLatin1Char('$')),
                     std::move(handler)});
}

void SimServer::injectFault(const QString &endpoint, const SimFault &fault, int times)
{
    m_faults.append({endpoint, fault, times, 0, nullptr});
}

void SimServer::setRandomFaults(const QString &endpoint, const SimFault &fault, double probability,
                                quint32 seed)
{
    m_faults.append({endpoint, fault, 0, probability, std::make_shared<QRandomGenerator>(seed)});
}

void SimServer::clearFaults()
{
    m_faults.clear();
}

void SimServer::afterAnswer(const QString &endpoint, int nth, std::function<void()> hook)
{
    m_hooks.append({endpoint, std::max(1, nth), std::move(hook)});
}

void SimServer::runHooks(const QString &endpoint)
{
    QList<std::function<void()>> due;
    for (qsizetype i = 0; i < m_hooks.size();) {
        Hook &hook = m_hooks[i];
        if ((hook.endpoint == endpoint || hook.endpoint == QLatin1String("*")) &&
            --hook.left <= 0) {
            due.append(std::move(hook.run));
            m_hooks.removeAt(i);
        } else {
            ++i;
        }
    }
    // Outside the loop: a hook may add hooks.
    for (const std::function<void()> &run : std::as_const(due))
        run();
}

std::optional<SimFault> SimServer::takeFault(const QString &endpoint)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        PlannedFault &planned = m_faults[i];
        if (planned.endpoint != endpoint && planned.endpoint != QLatin1String("*"))
            continue;
        if (planned.random) {
            if (planned.random->generateDouble() < planned.probability)
                return planned.fault;
            continue;
        }
        const SimFault fault = planned.fault;
        if (--planned.times <= 0)
            m_faults.removeAt(i);
        return fault;
    }
    return std::nullopt;
}

SimRequest SimServer::parse(const QHttpServerRequest &raw) const
{
    SimRequest request;
    request.method = raw.method();
    request.url = raw.url();
    request.body = raw.body();
    request.raw = &raw;
    for (const auto &[key, value] : raw.query().queryItems(QUrl::FullyDecoded))
        request.query.append({key, value});
    return request;
}

void SimServer::write(QHttpServerResponder &responder, const SimResponse &response)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    for (const auto &[name, value] : response.headers) {
        if (!value.isEmpty())
            responder.writeHeader(name, value);
    }
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

void SimServer::respond(const QHttpServerRequest &raw, QHttpServerResponder &&responder)
{
    SimRequest request = parse(raw);
    const QString path = raw.url().path(QUrl::FullyDecoded);
    const QString prefix = baseUrl().path();
    const bool underPrefix = path.startsWith(prefix + QLatin1Char('/'));
    const QString routePath = path.mid(prefix.size());

    const Route *route = nullptr;
    for (const Route &candidate : std::as_const(m_routes)) {
        if (candidate.method != request.method || !underPrefix)
            continue;
        const QRegularExpressionMatch match = candidate.path.match(routePath);
        if (match.hasMatch()) {
            route = &candidate;
            request.captures = match.capturedTexts().mid(1);
            break;
        }
    }
    request.endpoint =
        route ? route->name : methodName(request.method) + QStringLiteral(" (unknown)");

    const std::optional<SimFault> fault = takeFault(request.endpoint);
    SimResponse response;
    if (std::optional<SimResponse> refused = admit(request))
        response = *refused;
    else if (fault && fault->kind == SimFault::Kind::Status)
        response = errorResponse(fault->status, QStringLiteral("Injected failure"));
    else
        response =
            route ? route->handler(request) : errorResponse(404, QStringLiteral("Not Found"));
    const int cost = finish(request, response);
    // As every real service does; clients may take the service's time from it.
    if (response.headerValue("Date").isEmpty())
        response.setHeader("Date", QLocale::c()
                                           .toString(QDateTime::currentDateTimeUtc(),
                                                     QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                                           .toLatin1() +
                                       " GMT");
    runHooks(request.endpoint);

    const QString target =
        raw.url().path() +
        (raw.url().hasQuery() ? QLatin1Char('?') + raw.url().query() : QString());
    const SimFault::Kind kind = fault ? fault->kind : SimFault::Kind::Status;
    const bool answered =
        !fault || (kind != SimFault::Kind::Reset && kind != SimFault::Kind::Delay);
    m_log.record({request.endpoint, target, answered ? response.status : 0, cost});

    if (!fault || kind == SimFault::Kind::Status) {
        write(responder, response);
    } else if (kind == SimFault::Kind::Truncated) {
        response.body.truncate(response.body.size() / 2);
        write(responder, response);
    } else if (kind == SimFault::Kind::Malformed) {
        response.body = QByteArrayLiteral("<html><body>upstream error</body>");
        write(responder, response);
    } else if (kind == SimFault::Kind::Reset) {
        responder.socket()->abort();
    } else {
        // Qt 6.4's responder only points at the socket: keep it until the delay is over and
        // write only if the client is still there.
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(fault->delayMs, this, [held, socket, response] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                write(*held, response);
        });
    }
}

} // namespace UpNext::Sim
