#include "LimitedTcpServer.h"

#include "core/Logging.h"

#include <QTcpSocket>

namespace UpNext {

namespace {

// Content-Length of a request whose headers are complete in head; -1 when it has none.
qint64 contentLength(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
            return ok ? length : std::numeric_limits<qint64>::max();
        }
    }
    return -1;
}

void refuse(QTcpSocket *socket)
{
    const QByteArray body = R"({"detail":"Request body too large"})";
    socket->readAll(); // dropped, so QHttpServer never sees it
    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                  "Content-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

LimitedTcpServer::LimitedTcpServer(qint64 bodyLimit, QObject *parent)
    : QTcpServer(parent)
    , m_bodyLimit(bodyLimit)
{}

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setReadBufferSize(256 * 1024);
    // Connected before QHttpServer's own handler, so it runs first on every read.
    // What the connection sent since its last answer, and how much beyond the body limit it
    // may (its headers, and chunk framing).
    auto received = std::make_shared<qint64>(0);
    auto allowance = std::make_shared<qint64>(0);
    auto refused = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, received, allowance, refused] {
        if (*refused) {
            socket->readAll();
            return;
        }
        if (*received == 0) {
            // A new request: its headers are usually in its first read.
            const QByteArray head = socket->peek(HeaderAllowance);
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end >= 0 && contentLength(head.left(end)) > m_bodyLimit) {
                qCWarning(lcWebhook) << "Refused a request body over" << m_bodyLimit << "bytes";
                *refused = true;
                return refuse(socket);
            }
            // Chunk framing takes a little more than the body itself.
            *allowance = (end >= 0 ? end + 4 : HeaderAllowance) + m_bodyLimit / 8 + 1024;
        }
        *received += socket->bytesAvailable();
        if (*received > m_bodyLimit + *allowance) {
            qCWarning(lcWebhook) << "Refused a request over" << m_bodyLimit << "bytes";
            *refused = true;
            refuse(socket);
        }
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [received] { *received = 0; });
    addPendingConnection(socket);
}

} // namespace UpNext
