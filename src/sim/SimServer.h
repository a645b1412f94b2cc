#pragma once

// upnext_sim: simulated ClickUp and GitHub services on loopback, for tests,
// benchmarks and the demo mode. They reproduce what the real services do
// (../shared/API-NOTES.md): auth, paging, conditional requests, rate limits
// and error shapes. Independent of the app's own libraries on purpose.

#include "SimRequestLog.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace UpNext::Sim {

struct SimRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Get;
    QString endpoint;                         // route name, e.g. "GET /list/{id}/task"
    QStringList captures;                     // path parameters, in order
    QUrl url;                                 // as requested
    QList<std::pair<QString, QString>> query; // decoded, in order, keys may repeat
    QByteArray body;
    const QHttpServerRequest *raw = nullptr;

    QByteArray header(const QByteArray &name) const { return raw->value(name); }
    QString queryValue(const QString &key, const QString &fallback = {}) const;
    QStringList queryValues(const QString &key) const;
};

struct SimResponse
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static SimResponse json(int status, const QJsonValue &value);
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray headerValue(const QByteArray &name) const;
};

// One HTTP service on 127.0.0.1: a route table, a request log and the hooks a
// concrete service uses for auth and rate limits.
class SimServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)

public:
    ~SimServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. Returns the port, or 0.
    quint16 listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    // http://127.0.0.1:<port> plus the service's path prefix.
    virtual QUrl baseUrl() const;

    const SimRequestLog &requestLog() const { return m_log; }
    SimRequestLog &requestLog() { return m_log; }

protected:
    using Handler = std::function<SimResponse(const SimRequest &)>;

    explicit SimServer(QObject *parent = nullptr);

    // pattern is a path with {param} placeholders, e.g. "/list/{id}/task".
    void addRoute(QHttpServerRequest::Method method, const QString &pattern, Handler handler);

    // Runs before the handler: an error response (401, 429 …) stops the request.
    virtual std::optional<SimResponse> admit(const SimRequest &request) = 0;
    // Runs after the handler, e.g. to add rate-limit headers. Returns the request's rate-limit
    // cost.
    virtual int finish(const SimRequest &request, SimResponse &response) = 0;
    // Answer for a path no route matches.
    virtual SimResponse notFound(const SimRequest &request) const = 0;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QString name;
        QRegularExpression path;
        Handler handler;
    };

    SimResponse dispatch(const QHttpServerRequest &raw);

    QHttpServer m_server;
    QList<Route> m_routes;
    SimRequestLog m_log;
    quint16 m_port = 0;
};

} // namespace UpNext::Sim
