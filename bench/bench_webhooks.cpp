// bench_webhooks: signed GitHub issues deliveries, as the simulator sends them (~6 KB), for
// tasks in a store of 10,000, from a loopback load generator with 32 keep-alive connections
// on its own thread, for a bounded time. Every delivery is checked as applied: answered
// {"status":"ok"}, recorded for redeliveries, published on the change feed, and the task
// holds the title of the last delivery for it. Prints a table, or one JSON object with --json.

#include "BenchSupport.h"

#include "core/Clock.h"
#include "core/Outbox.h"
#include "core/SyncState.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "server/WebhookServer.h"
#include "server/WebhookSignature.h"
#include "sim/SimGitHub.h"
#include "sim/SimWebhookSender.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <ctime>

using namespace UpNext;
using namespace UpNext::Sim;

namespace {

constexpr int TaskCount = 10'000;
constexpr int Connections = 32;
constexpr qint64 RunMs = 3000;
constexpr int MaxDeliveries = 100'000; // a bound even on a much faster machine
const QString Repo = QStringLiteral("acme/web");
const QString Login = QStringLiteral("me");
const QByteArray Secret = "bench-webhook-secret";
// Fixed-width marks in each task's payload that every delivery overwrites.
const QByteArray TitleMark = "rev 00000000";
const QByteArray TimeMark = "2000-01-01T00:00:00Z";
// Later than the simulator's own edit of issue 1, which reaches the store first.
const QDateTime FirstUpdate(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());

// CPU time of the calling thread: what a delivery costs each side, whatever else runs.
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

struct Delivery
{
    int task = 0; // index, 0-based: issue number task + 1
    int revision = 0;
    double ms = 0;
    bool ok = false;
};

// One `issues` delivery the simulator sent for an edit of issue 1, to the receiver at port.
QJsonObject simulatorPayload(quint16 port)
{
    SimGitHub sim;
    sim.listen();
    sim.addUser(Login, QStringLiteral("ghp_bench"));
    sim.addRepo(Repo);
    sim.addIssue({.repo = Repo,
                  .number = 1,
                  .title = QStringLiteral("Issue"),
                  .body = QStringLiteral("Customers on the annual plan see the old price on the "
                                         "renewal page. Steps: log in as an annual customer, open "
                                         "Billing, choose Renew. Expected: the new price.\n")
                              .repeated(2),
                  .author = QStringLiteral("bob"),
                  .assignees = {Login},
                  .labels = {QStringLiteral("bug")}});
    QNetworkAccessManager manager;
    QNetworkRequest request(sim.baseUrl().resolved(QUrl(QStringLiteral("/repos/acme/web/hooks"))));
    request.setRawHeader("Authorization", "Bearer ghp_bench");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QJsonObject config{
        {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/webhooks/github").arg(port)},
        {QStringLiteral("content_type"), QStringLiteral("json")},
        {QStringLiteral("secret"), QString::fromLatin1(Secret)}};
    QNetworkReply *reply = manager.post(
        request,
        QJsonDocument(QJsonObject{{QStringLiteral("config"), config},
                                  {QStringLiteral("events"), QJsonArray{QStringLiteral("issues")}}})
            .toJson());
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    const auto waitFor = [](const std::function<bool()> &done) {
        QElapsedTimer timer;
        timer.start();
        while (!done() && timer.elapsed() < 10'000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        return done();
    };
    if (!waitFor([&] { return !sim.hooks().isEmpty() && sim.webhooks().pending() == 0; }))
        return {};
    sim.editIssue(Repo, 1, QStringLiteral("Issue, edited"), QString(), QStringLiteral("bob"));
    if (!waitFor([&] { return sim.webhooks().pending() == 0; }))
        return {};
    const SimWebhookSender::Delivery last = sim.webhooks().deliveries().last();
    return QJsonDocument::fromJson(last.body).object();
}

// The payload for issue number, with the marks in place of its title's revision and time.
QByteArray payloadFor(QJsonObject payload, int number)
{
    QJsonObject issue = payload.value(QStringLiteral("issue")).toObject();
    const QString url = issue.value(QStringLiteral("url")).toString();
    issue.insert(QStringLiteral("number"), number);
    issue.insert(QStringLiteral("id"), 500'000 + number);
    issue.insert(QStringLiteral("url"),
                 url.left(url.lastIndexOf(u'/') + 1) + QString::number(number));
    issue.insert(QStringLiteral("title"),
                 QStringLiteral("Issue %1 %2").arg(number).arg(QString::fromLatin1(TitleMark)));
    issue.insert(QStringLiteral("updated_at"), QString::fromLatin1(TimeMark));
    payload.insert(QStringLiteral("issue"), issue);
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

// Sends deliveries over keep-alive connections, one in flight on each, until the time is up.
// Each connection has its own tasks, so the deliveries for a task arrive in order.
class LoadGenerator final : public QObject
{
public:
    LoadGenerator(quint16 port, const QList<QByteArray> *payloads)
        : m_port(port)
        , m_payloads(payloads)
    {}

    void start()
    {
        cpuStart = threadCpuNs();
        m_clock.start();
        for (int i = 0; i < Connections; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->setProperty("connection", i);
            connect(socket, &QTcpSocket::connected, this, [this, socket] { send(socket); });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { finish(socket); });
            socket->connectToHost(QHostAddress::LocalHost, m_port);
        }
        m_open = Connections;
    }

    QList<Delivery> deliveries;
    std::function<void()> done;
    qint64 cpuStart = 0;
    qint64 cpuUsed = 0; // by this thread while it ran

private:
    struct Pending
    {
        QByteArray buffer;
        qint64 sentNs = 0;
        int delivery = -1;
        int turn = 0;
    };

    void send(QTcpSocket *socket)
    {
        Pending &pending = m_pending[socket];
        if (m_clock.elapsed() >= RunMs || deliveries.size() >= MaxDeliveries) {
            finish(socket);
            return;
        }
        const int connection = socket->property("connection").toInt();
        const int task = (connection + Connections * pending.turn++) % TaskCount;
        const int revision = int(deliveries.size()) + 1;
        QByteArray body = m_payloads->at(task);
        body.replace(m_titleAt[task] = m_titleAt.value(task, body.indexOf(TitleMark)),
                     TitleMark.size(),
                     "rev " + QByteArray::number(revision).rightJustified(8, '0'));
        body.replace(m_timeAt[task] = m_timeAt.value(task, body.indexOf(TimeMark)), TimeMark.size(),
                     FirstUpdate.addSecs(revision).toString(Qt::ISODate).toLatin1());
        const QByteArray signature = WebhookSignature::sign(Secret, body);
        pending.delivery = int(deliveries.size());
        deliveries.append({task, revision});
        QByteArray request = "POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "User-Agent: GitHub-Hookshot/bench\r\n"
                             "Content-Type: application/json\r\nX-GitHub-Event: issues\r\n"
                             "X-GitHub-Delivery: bench-";
        request += QByteArray::number(revision) + "\r\nX-Hub-Signature-256: sha256=" + signature +
                   "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        pending.sentNs = m_clock.nsecsElapsed();
        socket->write(request);
    }

    void read(QTcpSocket *socket)
    {
        Pending &pending = m_pending[socket];
        pending.buffer += socket->readAll();
        const qsizetype headerEnd = pending.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0 || pending.delivery < 0)
            return;
        const QByteArray header = pending.buffer.left(headerEnd).toLower();
        const qsizetype lengthAt = header.indexOf("content-length:");
        const qsizetype length =
            lengthAt < 0 ? 0
                         : header.mid(lengthAt + 15, header.indexOf('\r', lengthAt) - lengthAt - 15)
                               .trimmed()
                               .toLongLong();
        if (pending.buffer.size() < headerEnd + 4 + length)
            return;
        Delivery &delivery = deliveries[pending.delivery];
        delivery.ms = double(m_clock.nsecsElapsed() - pending.sentNs) / 1e6;
        delivery.ok = header.startsWith("http/1.1 200") &&
                      pending.buffer.mid(headerEnd + 4, length).contains("\"ok\"");
        pending.buffer.remove(0, headerEnd + 4 + length);
        pending.delivery = -1;
        send(socket);
    }

    void finish(QTcpSocket *socket)
    {
        if (socket->property("finished").toBool())
            return;
        socket->setProperty("finished", true);
        socket->disconnectFromHost();
        if (--m_open == 0 && done) {
            cpuUsed = threadCpuNs() - cpuStart;
            done();
        }
    }

    quint16 m_port;
    const QList<QByteArray> *m_payloads;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, Pending> m_pending;
    QHash<int, qsizetype> m_titleAt;
    QHash<int, qsizetype> m_timeAt;
    int m_open = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool json = Bench::wantsJson(
        app, QStringLiteral("Measures the GitHub webhook receiver under a loopback load."));

    QLoggingCategory::setFilterRules(QStringLiteral("upnext.*.debug=false"));
    QTemporaryDir dir;
    TaskStore store;
    if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("upnext.db")))) {
        qCritical("Cannot create the benchmark database: %s", qPrintable(store.lastError()));
        return 1;
    }
    QList<Task> tasks;
    for (int number = 1; number <= TaskCount; ++number) {
        Task task;
        task.source = Sources::GitHub;
        task.container = Repo;
        task.sourceId = QStringLiteral("%1#%2").arg(Repo).arg(number);
        task.id = Task::makeId(task.source, task.sourceId);
        task.title = QStringLiteral("Issue %1").arg(number);
        task.assignee = Login;
        task.updatedAt = FirstUpdate;
        task.score = double(number % 97);
        tasks.append(task);
    }
    Outbox outbox(&store);
    TaskService service(&store, &outbox, nullptr); // keeps a task current, as the app does
    SyncEngine engine(&store, nullptr);
    engine.setOutbox(&outbox);
    if (!store.upsert(tasks) ||
        !engine.state()->setValue(Sources::GitHub, QStringLiteral("login"), Login)) {
        qCritical("Cannot fill the benchmark database: %s", qPrintable(store.lastError()));
        return 1;
    }
    WebhookServer server({&store, &engine, nullptr, nullptr, Clock::system()});
    server.setSecrets({}, Secret);
    QString error;
    if (!server.listen(QStringLiteral("127.0.0.1"), 0, &error)) {
        qCritical("Cannot listen: %s", qPrintable(error));
        return 1;
    }

    const QJsonObject template_ = simulatorPayload(server.port());
    if (template_.isEmpty()) {
        qCritical("The simulator sent no delivery");
        return 1;
    }
    QList<QByteArray> payloads;
    payloads.reserve(TaskCount);
    for (int number = 1; number <= TaskCount; ++number)
        payloads.append(payloadFor(template_, number));

    int published = 0;
    QObject::connect(&store, &TaskStore::changed, [&published](const TaskChanges &changes) {
        if (changes.origin == ChangeOrigin::Webhook)
            published += int(changes.changed.size());
    });

    QThread thread;
    LoadGenerator generator(server.port(), &payloads);
    generator.moveToThread(&thread);
    generator.done = [&app] {
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit);
    };
    QElapsedTimer wall;
    thread.start();
    wall.start();
    const qint64 serverCpuStart = threadCpuNs();
    QMetaObject::invokeMethod(&generator, [&generator] { generator.start(); });
    app.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double serverCpuNs = double(threadCpuNs() - serverCpuStart);
    thread.quit();
    thread.wait();

    // Checked as applied: answered ok, recorded, published, and the task holds the last title.
    QHash<int, int> lastRevision;
    QList<double> latencies;
    int answeredOk = 0;
    for (const Delivery &delivery : std::as_const(generator.deliveries)) {
        latencies.append(delivery.ms);
        answeredOk += delivery.ok ? 1 : 0;
        lastRevision[delivery.task] =
            std::max(lastRevision.value(delivery.task), delivery.revision);
    }
    QSqlQuery query(store.database());
    const int recorded =
        query.exec(QStringLiteral("SELECT count(*) FROM webhook_deliveries")) && query.next()
            ? query.value(0).toInt()
            : 0;
    int stale = 0;
    for (auto it = lastRevision.cbegin(); it != lastRevision.cend(); ++it) {
        const std::optional<Task> task = store.task(tasks.at(it.key()).id);
        if (!task || !task->title.endsWith(QString::number(it.value()).rightJustified(8, u'0')))
            ++stale;
    }
    const int deliveries = int(generator.deliveries.size());
    const int applied = std::min({answeredOk, recorded, published}) - stale;
    const double perSecond = double(deliveries) / seconds;
    const double p50 = Bench::percentile(latencies, 0.5);
    const double p99 = Bench::percentile(latencies, 0.99);

    QTextStream out(stdout);
    if (json) {
        const QJsonObject result{{QStringLiteral("deliveries"), deliveries},
                                 {QStringLiteral("per_s"), qRound(perSecond)},
                                 {QStringLiteral("p50_ms"), qRound(p50 * 100) / 100.0},
                                 {QStringLiteral("p99_ms"), qRound(p99 * 100) / 100.0},
                                 {QStringLiteral("applied"), applied},
                                 {QStringLiteral("lost"), deliveries - applied}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    out << QStringLiteral("bench_webhooks: %1 connections for %2 s, payloads of %3 bytes, %4 "
                          "tasks\n")
               .arg(Connections)
               .arg(seconds, 0, 'f', 2)
               .arg(payloads.first().size())
               .arg(TaskCount);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("measure"), -34)
               .arg(QStringLiteral("value"), 12)
               .arg(QStringLiteral("target"), 10);
    const auto row = [&out](const QString &name, double value, const QString &target) {
        out << QStringLiteral("%1 %2 %3\n").arg(name, -34).arg(value, 12, 'f', 2).arg(target, 10);
    };
    row(QStringLiteral("deliveries"), deliveries, QString());
    row(QStringLiteral("deliveries per second"), perSecond, QStringLiteral(">= 10000"));
    row(QStringLiteral("latency p50 (ms)"), p50, QString());
    row(QStringLiteral("latency p99 (ms)"), p99, QStringLiteral("< 10"));
    row(QStringLiteral("applied"), applied, QString());
    row(QStringLiteral("lost"), deliveries - applied, QStringLiteral("0"));
    row(QStringLiteral("receiver CPU per delivery (us)"), serverCpuNs / 1e3 / deliveries,
        QString());
    row(QStringLiteral("generator CPU per delivery (us)"),
        double(generator.cpuUsed) / 1e3 / deliveries, QString());
    return 0;
}
