#include "SingleInstance.h"

#include "core/Logging.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <iterator>

namespace UpNext {

namespace {

// What a later launch asks, one line each.
const std::pair<SingleInstance::Request, QByteArray> Messages[] = {
    {SingleInstance::Request::Show, "show"}, {SingleInstance::Request::Ping, "ping"},
    {SingleInstance::Request::Next, "next"}, {SingleInstance::Request::Done, "done"},
    {SingleInstance::Request::Skip, "skip"}, {SingleInstance::Request::Sync, "sync"}};
constexpr qint64 LongestMessage = 64;

// The folder with symbolic links resolved, also when (on a first start) it does not exist
// yet: the part that exists is resolved and the rest appended.
QString canonicalFolder(const QString &directory)
{
    QString existing = QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
    QStringList rest;
    while (!QFileInfo::exists(existing) && existing != QDir::rootPath()) {
        rest.prepend(QFileInfo(existing).fileName());
        existing = QFileInfo(existing).path();
    }
    QString path = QFileInfo(existing).canonicalFilePath();
    for (const QString &part : std::as_const(rest))
        path = QDir(path).filePath(part);
    return QDir::cleanPath(path);
}

} // namespace

SingleInstance::SingleInstance(const QString &profileDirectory, QObject *parent)
    : QObject(parent)
    , m_name(serverName(profileDirectory))
{
    // Only this user may connect.
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::answer);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &profileDirectory)
{
    // A hash keeps the name short (a socket path has about 100 bytes) and the same for
    // every spelling of the folder.
    const QByteArray hash = QCryptographicHash::hash(canonicalFolder(profileDirectory).toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(24);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation))
        .filePath(QStringLiteral("upnext-") + QString::fromLatin1(hash));
}

SingleInstance::Outcome SingleInstance::claim(Request request)
{
    m_runningRole.clear();
    m_error.clear();
    // Held from the question to the listening: of two launches at once, one asks the other.
    QLockFile lock(m_name + QStringLiteral(".lock"));
    if (!lock.tryLock(m_timeout))
        qCWarning(lcProfile) << "Cannot lock" << lock.fileName() << "- going on without it";
    if (askRunning(request))
        return Outcome::Running;
    // No one answered: a socket left by a crash, or none at all.
    QLocalServer::removeServer(m_name);
    if (!m_server.listen(m_name)) {
        m_error =
            tr("Cannot listen for other launches on %1: %2").arg(m_name, m_server.errorString());
        qCWarning(lcProfile).noquote() << m_error;
        return Outcome::Failed;
    }
    qCInfo(lcProfile).noquote() << "Listening for other launches on this profile at" << m_name;
    return Outcome::First;
}

SingleInstance::Outcome SingleInstance::claimAfterCli(Request request,
                                                      std::chrono::milliseconds patience)
{
    QDeadlineTimer deadline(patience);
    Outcome outcome = claim(request);
    while (outcome == Outcome::Running && m_runningRole == CliRole && !deadline.hasExpired()) {
        QThread::msleep(100);
        outcome = claim(request);
    }
    return outcome;
}

bool SingleInstance::askRunning(Request request)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(m_timeout))
        return false;
    for (const auto &[known, message] : Messages) {
        if (known == request)
            socket.write(message + '\n');
    }
    // The event loop runs while waiting: the instance that answers may be this process's
    // own (in tests) and live on this thread.
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(&socket, &QLocalSocket::readyRead, &loop, [&socket, &loop] {
        if (socket.canReadLine())
            loop.quit();
    });
    connect(&socket, &QLocalSocket::disconnected, &loop, &QEventLoop::quit);
    timeout.start(m_timeout);
    if (!socket.canReadLine() && socket.state() == QLocalSocket::ConnectedState)
        loop.exec();
    if (socket.canReadLine())
        m_runningRole = QString::fromUtf8(socket.readLine(LongestMessage).trimmed());
    else
        qCWarning(lcProfile) << "UpNext runs on this profile but did not answer";
    return true;
}

void SingleInstance::answer()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto read = [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > LongestMessage)
                    socket->abort(); // not one of ours
                return;
            }
            const QByteArray message = socket->readLine(LongestMessage).trimmed();
            socket->write(m_role.toUtf8() + '\n');
            socket->disconnectFromServer();
            const auto *asked =
                std::find_if(std::begin(Messages), std::end(Messages),
                             [&message](const auto &known) { return known.second == message; });
            if (asked == std::end(Messages) || asked->first == Request::Ping)
                return;
            if (asked->first == Request::Show) {
                qCInfo(lcProfile) << "Another launch on this profile asked for the window";
                Q_EMIT showRequested();
            } else {
                qCInfo(lcProfile) << "Another launch on this profile asked for" << message;
                Q_EMIT actionRequested(asked->first);
            }
        };
        connect(socket, &QLocalSocket::readyRead, this, read);
        read(); // what came with the connection
    }
}

} // namespace UpNext
