#pragma once

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTimer>

#include <chrono>
#include <memory>

namespace UpNext {

// A QTcpServer for QHttpServer that keeps clients within limits Qt 6.4's QHttpServer lacks.
// It watches each connection before QHttpServer reads it:
// - a request whose Content-Length is over the body limit gets 413 before its body is read,
//   and a connection that sends more than the limit (a chunked body, a wrong length) since
//   its last answer gets 413 and is closed: memory stays bounded either way;
// - a request that has not fully arrived within the request timeout gets 408 and is closed,
//   and a connection idle for as long is closed, so slow or silent clients cannot hold
//   sockets for ever.
class LimitedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    // Room for the request line and headers beyond the body limit.
    static constexpr qint64 HeaderAllowance = 64 * 1024;

    LimitedTcpServer(qint64 bodyLimit, std::chrono::milliseconds requestTimeout,
                     QObject *parent = nullptr);
    ~LimitedTcpServer() override;

    qint64 bodyLimit() const { return m_bodyLimit; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection;

    void restart(Connection &connection) const;
    void read(Connection &connection);
    void closeSlow();

    qint64 m_bodyLimit;
    qint64 m_timeoutMs;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    QList<std::shared_ptr<Connection>> m_connections;
};

} // namespace UpNext
