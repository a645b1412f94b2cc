#pragma once

// upnext_server: UpNext's one HTTP server — the ClickUp and GitHub webhook receivers now, the
// local API next. QHttpServer on a LimitedTcpServer (a body limit Qt 6.4 lacks), routes by
// path then method, JSON answers.

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerResponder;

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

class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    static constexpr qint64 DefaultBodyLimit = 5 * 1024 * 1024;
    using Handler = std::function<HttpAnswer(const QHttpServerRequest &request)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setBodyLimit(qint64 bytes) { m_bodyLimit = bytes; }
    // A path answered for one method; the same path with another method gets 405, a path
    // with no route 404.
    void route(QHttpServerRequest::Method method, const QString &path, Handler handler);

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
    };

    void respond(const QHttpServerRequest &request, QHttpServerResponder &&responder) const;

    std::unique_ptr<QHttpServer> m_server;
    QList<Route> m_routes;
    qint64 m_bodyLimit = DefaultBodyLimit;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace UpNext
