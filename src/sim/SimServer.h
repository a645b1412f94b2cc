#pragma once

// upnext_sim: simulated ClickUp and GitHub services on loopback, for tests,
// benchmarks and the demo mode. They reproduce what the real services do
// (../shared/API-NOTES.md): auth, paging, conditional requests, rate limits
// and error shapes. Independent of the app's own libraries on purpose.

#include "SimRequestLog.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
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

// A failure to inject instead of a normal answer.
struct SimFault
{
    enum class Kind {
        Status, // answer with status and the service's error body; the request has no effect
        Delay,  // answer delayMs late (hangs when beyond the client's timeout); the request takes
                // effect
        Reset,  // drop the connection without an answer; the request takes effect
        Truncated, // cut the body in half, Content-Length matching; the request takes effect
        Malformed, // replace the body with text that is not JSON; the request takes effect
    };
    Kind kind = Kind::Status;
    int status = 500;
    int delayMs = 0;
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

    // The next `times` requests to endpoint ("GET /user", or "*" for any) fail this way.
    void injectFault(const QString &endpoint, const SimFault &fault, int times = 1);
    // Each request to endpoint fails with probability, drawn from a generator seeded with seed.
    void setRandomFaults(const QString &endpoint, const SimFault &fault, double probability,
                         quint32 seed);
    void clearFaults();

    // Runs hook once, right after the nth answer from now to endpoint ("*" for any) is made and
    // before it is sent, whatever its status: a change made between two reads (two pages of a
    // listing, two lists, a rate-limit wait).
    void afterAnswer(const QString &endpoint, int nth, std::function<void()> hook);

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
    // The service's error answer, e.g. for unknown paths and injected faults.
    virtual SimResponse errorResponse(int status, const QString &message) const = 0;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QString name;
        QRegularExpression path;
        Handler handler;
    };

    struct Hook
    {
        QString endpoint;
        int left = 0;
        std::function<void()> run;
    };

    struct PlannedFault
    {
        QString endpoint;
        SimFault fault;
        int times = 0;          // for injected faults
        double probability = 0; // for random faults
        std::shared_ptr<QRandomGenerator> random;
    };

    void respond(const QHttpServerRequest &raw, QHttpServerResponder &&responder);
    SimRequest parse(const QHttpServerRequest &raw) const;
    std::optional<SimFault> takeFault(const QString &endpoint);
    void runHooks(const QString &endpoint);
    static void write(QHttpServerResponder &responder, const SimResponse &response);

    QHttpServer m_server;
    QList<Route> m_routes;
    QList<PlannedFault> m_faults;
    QList<Hook> m_hooks;
    SimRequestLog m_log;
    quint16 m_port = 0;
};

} // namespace UpNext::Sim
