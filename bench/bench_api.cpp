// bench_api: the local API's GET /next and POST /done (into the outbox only: no source is set
// up, so nothing goes out) on an app core over a store of 10,000 tasks, from a loopback load
// generator with 8 keep-alive connections on its own thread, for a bounded time. Each
// connection asks for the next task, completes it, and so on; every answer is checked (200 and
// the task asked for or completed). Prints a table, or one JSON object with --json:
// {"requests", "next_p99_ms", "done_p99_ms", "per_s"}.

#include "BenchSupport.h"
#include "BenchTasks.h"

#include "appcore/ApiToken.h"
#include "appcore/AppCore.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

using namespace UpNext;

namespace {

constexpr int TaskCount = 10'000;
constexpr int Connections = 8;
constexpr qint64 RunMs = 2000;
constexpr int MaxRequests = 16'000; // fewer completions than open tasks, however fast

struct Sample
{
    bool done = false;
    double ms = 0;
    bool ok = false;
};

// One request in flight on each connection: GET /next, then POST /done, and again.
class LoadGenerator final : public QObject
{
public:
    LoadGenerator(quint16 port, const QByteArray &token)
        : m_port(port)
        , m_token(token)
    {}

    void start()
    {
        m_clock.start();
        for (int i = 0; i < Connections; ++i) {
            auto *socket = new QTcpSocket(this);
            connect(socket, &QTcpSocket::connected, this, [this, socket] { send(socket); });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { finish(socket); });
            socket->connectToHost(QHostAddress::LocalHost, m_port);
        }
        m_open = Connections;
    }

    QList<Sample> samples;
    qint64 elapsedMs = 0;
    std::function<void()> done;

private:
    struct Pending
    {
        QByteArray buffer;
        qint64 sentNs = 0;
        bool doneNext = false; // the next request is a POST /done
    };

    void send(QTcpSocket *socket)
    {
        Pending &pending = m_pending[socket];
        if (m_clock.elapsed() >= RunMs || samples.size() >= MaxRequests) {
            finish(socket);
            return;
        }
        const QByteArray head =
            pending.doneNext ? "POST /done HTTP/1.1\r\n" : "GET /next HTTP/1.1\r\n";
        pending.sentNs = m_clock.nsecsElapsed();
        socket->write(head + "Host: 127.0.0.1\r\nAuthorization: Bearer " + m_token +
                      "\r\nContent-Length: 0\r\n\r\n");
    }

    void read(QTcpSocket *socket)
    {
        Pending &pending = m_pending[socket];
        pending.buffer += socket->readAll();
        const qsizetype end = pending.buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const qsizetype lengthAt = pending.buffer.toLower().indexOf("content-length:");
        const qsizetype lineEnd = pending.buffer.indexOf("\r\n", lengthAt);
        const qsizetype length =
            pending.buffer.mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toLongLong();
        if (pending.buffer.size() < end + 4 + length)
            return;
        const QByteArray body = pending.buffer.mid(end + 4, length);
        const bool status200 = pending.buffer.startsWith("HTTP/1.1 200");
        pending.buffer.remove(0, end + 4 + length);
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        const bool ok =
            status200 &&
            (pending.doneNext ? answer.value(QStringLiteral("success")).toBool()
                              : !answer.value(QStringLiteral("id")).toString().isEmpty());
        samples.append(
            {pending.doneNext, double(m_clock.nsecsElapsed() - pending.sentNs) / 1e6, ok});
        pending.doneNext = !pending.doneNext;
        send(socket);
    }

    void finish(QTcpSocket *socket)
    {
        if (!m_pending.contains(socket) || m_finished.contains(socket))
            return;
        m_finished.insert(socket);
        socket->disconnectFromHost();
        if (--m_open == 0) {
            elapsedMs = m_clock.elapsed();
            done();
        }
    }

    quint16 m_port;
    QByteArray m_token;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, Pending> m_pending;
    QSet<QTcpSocket *> m_finished;
    int m_open = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool json = Bench::wantsJson(
        app, QStringLiteral("The local API's GET /next and POST /done over 10,000 tasks."));
    QLoggingCategory::setFilterRules(QStringLiteral("upnext.*.info=false"));
    QTextStream out(stdout);

    QTemporaryDir dir;
    AppCore core{Profile(dir.path())};
    core.keepSecretsInMemory(); // no keychain prompt, no stored token for a throwaway profile
    QString error;
    if (!core.open(&error)) {
        out << error << Qt::endl;
        return 1;
    }
    QRandomGenerator random(42);
    if (!core.store()->upsert(
            Bench::makeTasks(TaskCount, random, QDateTime::currentDateTimeUtc()))) {
        out << core.store()->lastError() << Qt::endl;
        return 1;
    }
    quint16 port = 0;
    QObject::connect(&core, &AppCore::webhooksListening, &app, [&](quint16 given) {
        port = given;
        QCoreApplication::exit(0);
    });
    QObject::connect(&core, &AppCore::webhooksFailed, &app, [&](const QString &message) {
        error = message;
        QCoreApplication::exit(1);
    });
    core.startWebhooks(0);
    if (QCoreApplication::exec() != 0) {
        out << error << Qt::endl;
        return 1;
    }
    const QByteArray token = ApiToken::readFile(core.profile());

    QThread thread;
    LoadGenerator generator(port, token);
    generator.moveToThread(&thread);
    generator.done = [] {
        QMetaObject::invokeMethod(qApp, [] { QCoreApplication::exit(0); });
    };
    thread.start();
    QMetaObject::invokeMethod(&generator, [&generator] { generator.start(); });
    QCoreApplication::exec();
    thread.quit();
    thread.wait();

    QList<double> next;
    QList<double> done;
    int failed = 0;
    for (const Sample &sample : std::as_const(generator.samples)) {
        (sample.done ? done : next).append(sample.ms);
        failed += sample.ok ? 0 : 1;
    }
    if (next.isEmpty() || done.isEmpty() || failed > 0) {
        out << "bench_api: " << failed << " of " << generator.samples.size()
            << " requests were not answered as expected" << Qt::endl;
        return 1;
    }
    const int requests = int(generator.samples.size());
    const double perSecond = requests * 1000.0 / double(std::max<qint64>(1, generator.elapsedMs));
    const double nextP99 = Bench::percentile(next, 0.99);
    const double doneP99 = Bench::percentile(done, 0.99);
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("requests"), requests},
                                         {QStringLiteral("next_p99_ms"), nextP99},
                                         {QStringLiteral("done_p99_ms"), doneP99},
                                         {QStringLiteral("per_s"), perSecond}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
        return 0;
    }
    out << QStringLiteral("Local API over %1 tasks, %2 connections, %3 s\n")
               .arg(TaskCount)
               .arg(Connections)
               .arg(double(generator.elapsedMs) / 1000.0, 0, 'f', 1);
    out << QStringLiteral("  requests      %1 (%2 GET /next, %3 POST /done)\n")
               .arg(requests)
               .arg(next.size())
               .arg(done.size());
    out << QStringLiteral("  GET /next     p50 %1 ms  p99 %2 ms\n")
               .arg(Bench::percentile(next, 0.5), 0, 'f', 2)
               .arg(nextP99, 0, 'f', 2);
    out << QStringLiteral("  POST /done    p50 %1 ms  p99 %2 ms\n")
               .arg(Bench::percentile(done, 0.5), 0, 'f', 2)
               .arg(doneP99, 0, 'f', 2);
    out << QStringLiteral("  throughput    %1 requests/s\n").arg(perSecond, 0, 'f', 0);
    out << QStringLiteral("  outbox        %1 completions queued\n")
               .arg(core.outbox()->pendingCount());
    return 0;
}
