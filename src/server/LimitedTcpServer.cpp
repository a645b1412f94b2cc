#include "LimitedTcpServer.h"

#include "core/Logging.h"

#include <QTcpSocket>

namespace UpNext {

struct LimitedTcpServer::Connection
{
    QTcpSocket *socket = nullptr;
    qint64 received = 0;  // since the last answer
    qint64 allowance = 0; // beyond the body limit: headers and chunk framing
    qint64 expected = -1; // the whole request, once its headers are in; -1 not yet
    bool chunked = false;
    bool complete = false; // arrived whole: waiting for its answer
    bool refused = false;
    QByteArray head;  // the request so far, until its headers are complete
    QByteArray tail;  // the last bytes of a chunked body
    qint64 since = 0; // when the request began, or the connection went idle
};

namespace {

// Content-Length of a request whose headers are complete in head; -1 when it has none.
qint64 contentLength(QByteArrayView head)
{
    for (qsizetype at = 0; at < head.size();) {
        qsizetype end = head.indexOf('\n', at);
        if (end < 0)
            end = head.size();
        const QByteArrayView line = head.sliced(at, end - at);
        at = end + 1;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            line.first(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = line.sliced(colon + 1).trimmed().toLongLong(&ok);
            return ok && length >= 0 ? length : std::numeric_limits<qint64>::max();
        }
    }
    return -1;
}

void refuse(QTcpSocket *socket, const QByteArray &status, const QByteArray &detail)
{
    const QByteArray body = R"({"detail":")" + detail + R"("})";
    socket->readAll(); // dropped, so QHttpServer never sees it
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

LimitedTcpServer::LimitedTcpServer(qint64 bodyLimit, std::chrono::milliseconds requestTimeout,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_bodyLimit(bodyLimit)
    , m_timeoutMs(requestTimeout.count())
{
    m_clock.start();
    // One sweep for all connections: cheaper than a timer per request.
    m_sweep.setInterval(std::max<qint64>(m_timeoutMs / 4, 10));
    connect(&m_sweep, &QTimer::timeout, this, &LimitedTcpServer::closeSlow);
    m_sweep.start();
}

LimitedTcpServer::~LimitedTcpServer() = default;

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setReadBufferSize(256 * 1024);
    auto connection = std::make_shared<Connection>();
    connection->socket = socket;
    restart(*connection);
    m_connections.append(connection);
    // Connected before QHttpServer's own handler, so it runs first on every read.
    connect(socket, &QTcpSocket::readyRead, this, [this, connection] { read(*connection); });
    // Answered: the next request starts afresh.
    connect(socket, &QTcpSocket::bytesWritten, this, [this, connection] { restart(*connection); });
    connect(socket, &QObject::destroyed, this,
            [this, connection] { m_connections.removeOne(connection); });
    addPendingConnection(socket);
}

void LimitedTcpServer::restart(Connection &c) const
{
    c.received = 0;
    c.expected = -1;
    c.allowance = HeaderAllowance + m_bodyLimit / 8 + 1024;
    c.chunked = c.complete = false;
    c.head.clear();
    c.tail.clear();
    c.since = m_clock.elapsed();
}

void LimitedTcpServer::read(Connection &c)
{
    QTcpSocket *socket = c.socket;
    if (c.refused) {
        socket->readAll();
        return;
    }
    const qint64 available = socket->bytesAvailable();
    if (c.received == 0)
        c.since = m_clock.elapsed();
    c.received += available;
    if (c.expected < 0 && !c.chunked) {
        // Only the headers are looked at: a first look at a few KB spares copying the body that
        // came with them.
        const qsizetype before = c.head.size();
        const qint64 glance = std::min<qint64>(available, 4096);
        c.head += socket->peek(std::min(glance, HeaderAllowance - before));
        qsizetype end = c.head.indexOf("\r\n\r\n");
        if (end < 0 && available > glance) {
            c.head.truncate(before);
            c.head += socket->peek(std::min(available, HeaderAllowance - before));
            end = c.head.indexOf("\r\n\r\n");
        }
        if (end >= 0) {
            const QByteArrayView headers = QByteArrayView(c.head).first(end);
            const qint64 length = contentLength(headers);
            if (length > m_bodyLimit) {
                qCWarning(lcWebhook) << "Refused a request body over" << m_bodyLimit << "bytes";
                c.refused = true;
                return refuse(socket, "413 Payload Too Large", "Request body too large");
            }
            c.chunked = length < 0 &&
                        headers.toByteArray().toLower().contains("transfer-encoding: chunked");
            c.expected = c.chunked ? -1 : end + 4 + std::max<qint64>(length, 0);
            c.allowance = end + 4 + m_bodyLimit / 8 + 1024;
            if (c.chunked) // rare: the body's last bytes so far, read again as head may lack them
                c.tail = socket->peek(available).right(
                    std::min<qint64>(5, before + available - (end + 4)));
            c.head.clear();
        }
    } else if (c.chunked) {
        c.tail = (c.tail + socket->peek(available)).right(5);
    }
    c.complete = c.chunked ? c.tail == "0\r\n\r\n" : c.expected >= 0 && c.received >= c.expected;
    if (c.received > m_bodyLimit + c.allowance) {
        qCWarning(lcWebhook) << "Refused a request over" << m_bodyLimit << "bytes";
        c.refused = true;
        refuse(socket, "413 Payload Too Large", "Request body too large");
    }
}

void LimitedTcpServer::closeSlow()
{
    const qint64 now = m_clock.elapsed();
    for (const std::shared_ptr<Connection> &connection : std::as_const(m_connections)) {
        Connection &c = *connection;
        if (c.complete || c.refused || now - c.since < m_timeoutMs)
            continue;
        c.refused = true;
        if (c.received > 0) {
            qCInfo(lcWebhook) << "Closed a connection whose request did not arrive within"
                              << m_timeoutMs << "ms";
            refuse(c.socket, "408 Request Timeout", "The request took too long to arrive");
        } else {
            c.socket->disconnectFromHost(); // idle
        }
    }
}

} // namespace UpNext
