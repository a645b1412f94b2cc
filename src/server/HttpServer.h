#pragma once

// upnext_server: UpNext's one HTTP server — the ClickUp and GitHub webhook receivers now, the
// local API next. QHttpServer on a LimitedTcpServer (a body limit Qt 6.4 lacks), routes by
// path then method, JSON answers, and group commit for the routes that write.

#include <QFuture>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <any>
#include <chrono>
#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerResponder;
class QTcpSocket;

namespace UpNext {

struct HttpAnswer
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";

    static HttpAnswer json(int status, const QJsonObject &object);
    // {"detail": message}, as the local API's errors.
    static HttpAnswer error(int status, const QString &message);
};

// A request as the handlers see it, kept after QHttpServer's own (which cannot be copied).
struct HttpRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QUrl url;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;
    std::any prepared; // what the route's Prepare made of it
};

class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    static constexpr qint64 DefaultBodyLimit = 5 * 1024 * 1024;
    using Handler = std::function<HttpAnswer(const HttpRequest &request)>;
    // Work on a request that needs nothing but the request (checking a signature, parsing):
    // started on a worker thread as the request arrives, its result handed to the handler.
    // (Done on the event loop's thread when it is needed before the worker took it.)
    using Prepare = std::function<std::any(const HttpRequest &request)>;
    // Runs handleAll, which calls the handlers of a run of batched requests, and says whether
    // what they did was kept (e.g. committed in one transaction). When it was not, their
    // successful answers become 500, so the senders try again.
    using Batch = std::function<bool(const std::function<void()> &handleAll)>;
    // Answers a request once, at once or later (when the socket is still open then).
    using Reply = std::function<void(const HttpAnswer &answer)>;
    using AsyncHandler = std::function<void(const HttpRequest &request, const Reply &reply)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setBodyLimit(qint64 bytes) { m_bodyLimit = bytes; }
    // How long a request may take to arrive, and a connection stay idle (before listen()).
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_requestTimeout = timeout; }
    // A path answered for one method; the same path with another method gets 405, a path
    // with no route 404. A batched route's requests run inside the batch set here.
    void route(QHttpServerRequest::Method method, const QString &path, Handler handler,
               bool batched = false, Prepare prepare = {});
    void setBatch(Batch batch) { m_batch = std::move(batch); }
    // Takes the requests whose path has no route (instead of the 404): the local API, whose
    // paths carry ids and whose answers may wait for a source.
    void setFallback(AsyncHandler handler) { m_fallback = std::move(handler); }
    // Runs the fallback's requests of one pass of the event loop, as setBatch() the routes'.
    void setFallbackBatch(Batch batch) { m_fallbackBatch = std::move(batch); }

    // Listens on address:port (0: a free one). False with *error when it cannot.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QString path;
        Handler handler;
        bool batched = false;
        Prepare prepare;
    };
    // A request taken in this pass of the event loop, answered at its end.
    struct Held
    {
        HttpRequest request;
        qsizetype route = -1;  // in m_routes; -1: answer is set already
        bool fallback = false; // for m_fallback
        bool deferred = false; // m_fallback answers it later
        HttpAnswer answer;
        QByteArrayList allowed; // for a 405
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QFuture<std::any> preparing;
    };

    void hold(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void answerHeld();
    void callFallback(Held &held);
    static void write(QHttpServerResponder &responder, const HttpAnswer &answer,
                      const QByteArrayList &allowed = {});

    std::unique_ptr<QHttpServer> m_server;
    QList<Route> m_routes;
    Batch m_batch;
    AsyncHandler m_fallback;
    Batch m_fallbackBatch;
    QList<Held> m_held;
    QThreadPool m_preparer;
    QTimer m_answerTimer;
    qint64 m_bodyLimit = DefaultBodyLimit;
    std::chrono::milliseconds m_requestTimeout = std::chrono::seconds(20);
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace UpNext
