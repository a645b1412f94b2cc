#include "SimServer.h"

#include <QHostAddress>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

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
    // Every request goes through dispatch(): one place for auth, limits and the log.
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const SimResponse response = dispatch(request);
            responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
            for (const auto &[name, value] : response.headers) {
                if (!value.isEmpty())
                    responder.writeHeader(name, value);
            }
            responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
            responder.writeBody(response.body);
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

SimResponse SimServer::dispatch(const QHttpServerRequest &raw)
{
    SimRequest request;
    request.method = raw.method();
    request.url = raw.url();
    request.body = raw.body();
    request.raw = &raw;
    for (const auto &[key, value] : raw.query().queryItems(QUrl::FullyDecoded))
        request.query.append({key, value});

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

    SimResponse response;
    if (std::optional<SimResponse> refused = admit(request))
        response = *refused;
    else
        response = route ? route->handler(request) : notFound(request);
    const int cost = finish(request, response);

    const QString target =
        raw.url().path() +
        (raw.url().hasQuery() ? QLatin1Char('?') + raw.url().query() : QString());
    m_log.record({request.endpoint, target, response.status, cost});
    return response;
}

} // namespace UpNext::Sim
