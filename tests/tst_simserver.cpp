#include "SimClient.h"

#include "sim/SimGitHub.h"
#include "sim/SimWebhookSender.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

using namespace UpNext::Sim;
using namespace UpNext::TestSim;

namespace {

const QList<std::pair<QByteArray, QByteArray>> Auth = {{"Authorization", "Bearer t"}};

} // namespace

// The service-independent part of the simulators: routing, faults, the log.
// SimGitHub stands in as a concrete service.
class TestSimServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listensOnLoopback();
    void unknownPathsAndMethods();
    void statusFault();
    void faultCountsDown();
    void wildcardFault();
    void resetFault();
    void delayWithinTimeout();
    void delayBeyondTimeout();
    void truncatedAndMalformedBodies();
    void randomFaultsAreRepeatable();
    void signatureTestVectors();
    void dateHeader();
    void hookAfterNthAnswer();

private:
    QUrl url(const QString &path) const { return QUrl(m_sim->baseUrl().toString() + path); }
    Reply get(const QString &path, int timeoutMs = 10000);

    std::unique_ptr<SimGitHub> m_sim;
    QNetworkAccessManager m_manager;
};

void TestSimServer::init()
{
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), QStringLiteral("t"));
}

Reply TestSimServer::get(const QString &path, int timeoutMs)
{
    QNetworkRequest request(url(path));
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Authorization", "Bearer t");
    QNetworkReply *reply = m_manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(timeoutMs + 5000);
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    reply->deleteLater();
    return result;
}

void TestSimServer::listensOnLoopback()
{
    QVERIFY(m_sim->port() > 0);
    QCOMPARE(m_sim->baseUrl().host(), QStringLiteral("127.0.0.1"));
    SimGitHub second;
    QVERIFY(second.listen() > 0);
    QVERIFY(second.port() != m_sim->port());
}

void TestSimServer::unknownPathsAndMethods()
{
    QCOMPARE(get(QStringLiteral("/nothing/here")).status, 404);
    QCOMPARE(send(m_manager, "DELETE", url(QStringLiteral("/user")), Auth).status, 404);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET (unknown)")), 1);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("DELETE (unknown)")), 1);
}

void TestSimServer::statusFault()
{
    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Status, 502});
    const Reply failed = get(QStringLiteral("/user"));
    QCOMPARE(failed.status, 502);
    QVERIFY(QJsonDocument::fromJson(failed.body).object().contains(QStringLiteral("message")));
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
    QCOMPARE(m_sim->requestLog().countWithStatus(502), 1);
}

void TestSimServer::faultCountsDown()
{
    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Status, 500}, 2);
    QCOMPARE(get(QStringLiteral("/issues")).status, 200); // other endpoints are unaffected
    QCOMPARE(get(QStringLiteral("/user")).status, 500);
    QCOMPARE(get(QStringLiteral("/user")).status, 500);
    QCOMPARE(get(QStringLiteral("/user")).status, 200);

    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Status, 500}, 5);
    m_sim->clearFaults();
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
}

void TestSimServer::wildcardFault()
{
    m_sim->injectFault(QStringLiteral("*"), {SimFault::Kind::Status, 503});
    QCOMPARE(get(QStringLiteral("/issues")).status, 503);
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
}

void TestSimServer::resetFault()
{
    // QNetworkAccessManager quietly resends a GET once when a kept-alive connection drops.
    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Reset}, 2);
    const Reply reply = get(QStringLiteral("/user"));
    QCOMPARE(reply.status, 0);
    QVERIFY(reply.error == QNetworkReply::RemoteHostClosedError ||
            reply.error == QNetworkReply::ConnectionRefusedError);
    QCOMPARE(m_sim->requestLog().entries().last().status, 0);
    QCOMPARE(m_sim->requestLog().countWithStatus(0), 2);
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
}

void TestSimServer::delayWithinTimeout()
{
    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Delay, 0, 100});
    const Reply reply = get(QStringLiteral("/user"), 5000);
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("login")).toString(),
             QStringLiteral("me"));
}

void TestSimServer::delayBeyondTimeout()
{
    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Delay, 0, 1500});
    const Reply reply = get(QStringLiteral("/user"), 200);
    QCOMPARE(reply.status, 0);
    QCOMPARE(reply.error, QNetworkReply::OperationCanceledError);
    // The server outlives the abandoned answer and keeps serving.
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
}

void TestSimServer::truncatedAndMalformedBodies()
{
    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Truncated});
    Reply reply = get(QStringLiteral("/user"));
    QCOMPARE(reply.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(reply.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);

    m_sim->injectFault(QStringLiteral("GET /user"), {SimFault::Kind::Malformed});
    reply = get(QStringLiteral("/user"));
    QCOMPARE(reply.status, 200);
    QJsonDocument::fromJson(reply.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestSimServer::randomFaultsAreRepeatable()
{
    auto run = [this](quint32 seed) {
        m_sim->clearFaults();
        m_sim->setRandomFaults(QStringLiteral("GET /user"), {SimFault::Kind::Status, 500}, 0.5,
                               seed);
        QList<int> statuses;
        for (int i = 0; i < 20; ++i)
            statuses.append(get(QStringLiteral("/user")).status);
        return statuses;
    };
    const QList<int> first = run(42);
    QCOMPARE(run(42), first);
    QVERIFY(first.contains(500));
    QVERIFY(first.contains(200));
    QVERIFY(run(7) != first);
}

void TestSimServer::signatureTestVectors()
{
    // From GitHub's and ClickUp's documentation (see API-NOTES.md).
    QCOMPARE(SimWebhookSender::signature("It's a Secret to Everybody", "Hello, World!"),
             QByteArray("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
    QCOMPARE(
        SimWebhookSender::signature(
            "secret",
            R"({"webhook_id":"7689a169-a000-4985-8676-6902b96d6627","event":"taskCreated","task_id":"c0j"})"),
        QByteArray("4830bf524f6e29a3e8da953936c6f21c1fea2b9669b825d3e1be293ef3416c8c"));
}

void TestSimServer::dateHeader()
{
    // As the real services: an HTTP date on every answer, errors included.
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1000);
    for (const QString &path : {QStringLiteral("/user"), QStringLiteral("/nothing/here")}) {
        const Reply reply = send(m_manager, "GET", url(path), Auth);
        QVERIFY(reply.status > 0);
        const QByteArray date = reply.header("date");
        QVERIFY2(date.endsWith(" GMT"), date.constData());
        const QString text = QString::fromLatin1(date);
        const QDateTime utc(QLocale::c().toDate(text.left(16), QStringLiteral("ddd, dd MMM yyyy")),
                            QTime::fromString(text.mid(17, 8), QStringLiteral("hh:mm:ss")),
                            QTimeZone::utc());
        QVERIFY2(utc.isValid(), date.constData());
        QVERIFY(utc >= before);
        QVERIFY(utc <= QDateTime::currentDateTimeUtc());
    }
}

void TestSimServer::hookAfterNthAnswer()
{
    QStringList events;
    m_sim->afterAnswer(QStringLiteral("GET /user"), 2,
                       [&events] { events.append(QStringLiteral("second")); });
    m_sim->afterAnswer(QStringLiteral("*"), 1, [&events, this] {
        events.append(QStringLiteral("any"));
        // A hook may plan the next one.
        m_sim->afterAnswer(QStringLiteral("GET /user"), 1,
                           [&events] { events.append(QStringLiteral("planned")); });
    });
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
    QCOMPARE(events, QStringList{QStringLiteral("any")});
    // Counted whatever the status: a refused answer is an answer.
    m_sim->injectFault(QStringLiteral("GET /user"),
                       {.kind = SimFault::Kind::Status, .status = 503});
    QCOMPARE(get(QStringLiteral("/user")).status, 503);
    QCOMPARE(events, QStringList({QStringLiteral("any"), QStringLiteral("second"),
                                  QStringLiteral("planned")}));
    QCOMPARE(get(QStringLiteral("/user")).status, 200);
    QCOMPARE(events.size(), 3); // each runs once
}

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
