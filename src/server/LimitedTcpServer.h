#pragma once

#include <QTcpServer>

namespace UpNext {

// A QTcpServer for QHttpServer that keeps request bodies within a limit: Qt 6.4's
// QHttpServer has none and buffers whatever a client sends. It watches each connection before
// QHttpServer reads it: a request whose Content-Length is over the limit gets 413 before its
// body is read, and a connection that sends more than the limit (a chunked body, a wrong
// length) since its last answer gets 413 and is closed. Memory stays bounded either way.
class LimitedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LimitedTcpServer)

public:
    // Room for the request line and headers beyond the body limit.
    static constexpr qint64 HeaderAllowance = 64 * 1024;

    explicit LimitedTcpServer(qint64 bodyLimit, QObject *parent = nullptr);

    qint64 bodyLimit() const { return m_bodyLimit; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_bodyLimit;
};

} // namespace UpNext
