#include "SimClient.h"

#include "server/HttpServer.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;

// The server's routing and its body limit, which Qt 6.4's QHttpServer lacks.
class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void routes();
    void unknownPathIs404();
    void wrongMethodIs405();
    void declaredBodyOverLimitIs413BeforeItIsSent();
    void chunkedBodyOverLimitIs413();
    void secondRequestOverLimitIs413();
    void bodyAtTheLimitIsTaken();
    void nonLoopbackNeedsAnExplicitAddress();
    void batchedRoutesRunInsideTheBatch();
    void batchThatKeepsNothingAnswers500();
    void preparedReachesTheHandler();
    void fallbackTakesUnroutedPathsAndAnswersLater();
    void fallbackRunsInsideItsBatch();
    void slowClientsDoNotHoldUpOthers();
    void slowRequestIs408AndIdleIsClosed();
    void noHeaderInjection();

private:
    QUrl url(const QString &path) const;
    // Writes raw bytes on a new connection; returns what came back until it closed or
    // stopped sending for a while.
    QByteArray raw(const QByteArray &request, const QByteArray &more = {});

    std::unique_ptr<HttpServer> m_server;
    QNetworkAccessManager m_manager;
    int m_bodiesSeen = 0;
};

void TestHttpServer::init()
{
    m_server = std::make_unique<HttpServer>();
    m_server->setBodyLimit(1000);
    m_bodiesSeen = 0;
    m_server->route(QHttpServerRequest::Method::Post, QStringLiteral("/echo"),
                    [this](const HttpRequest &request) {
                        ++m_bodiesSeen;
                        return HttpAnswer{200, request.body, "text/plain"};
                    });
    QString error;
    QVERIFY2(m_server->listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));
}

void TestHttpServer::cleanup()
{
    m_server.reset();
}

QUrl TestHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
}

QByteArray TestHttpServer::raw(const QByteArray &request, const QByteArray &more)
{
    // Asynchronous: the server answers on this thread's event loop.
    QTcpSocket socket;
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    socket.write(request);
    // The answer may come before `more` is sent (a 413 on the headers alone).
    if (!QTest::qWaitFor([&] { return !answer.isEmpty(); }, 5000))
        return {};
    if (!more.isEmpty() && socket.state() == QAbstractSocket::ConnectedState) {
        const qsizetype before = answer.size();
        socket.write(more);
        if (!QTest::qWaitFor([&] { return answer.size() > before; }, 5000))
            return answer;
    }
    return answer;
}

void TestHttpServer::routes()
{
    const Reply reply = send(m_manager, "POST", url(QStringLiteral("/echo")), {}, "hello");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("hello"));
}

void TestHttpServer::unknownPathIs404()
{
    const Reply reply = send(m_manager, "POST", url(QStringLiteral("/nowhere")), {}, "x");
    QCOMPARE(reply.status, 404);
    QVERIFY(object(reply).contains(QStringLiteral("detail")));
}

void TestHttpServer::wrongMethodIs405()
{
    m_server->route(QHttpServerRequest::Method::Delete, QStringLiteral("/echo"),
                    [](const HttpRequest &) {
                        return HttpAnswer{204, {}, {}};
                    });
    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/echo")));
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("allow"), QByteArray("POST, DELETE"));
    QCOMPARE(m_bodiesSeen, 0);
}

void TestHttpServer::declaredBodyOverLimitIs413BeforeItIsSent()
{
    const QByteArray answer = raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n"
                                  "Content-Type: application/json\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QCOMPARE(m_bodiesSeen, 0);
}

void TestHttpServer::chunkedBodyOverLimitIs413()
{
    QByteArray chunks;
    for (int i = 0; i < 40; ++i)
        chunks += "64\r\n" + QByteArray(100, 'a') + "\r\n"; // 4,000 bytes in 100-byte chunks
    chunks += "0\r\n\r\n";
    const QByteArray answer = raw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                  "\r\n" +
                                  chunks);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QCOMPARE(m_bodiesSeen, 0);
}

void TestHttpServer::secondRequestOverLimitIs413()
{
    // A small request, then on the same connection one that lies about its length.
    const QByteArray first = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok";
    const QByteArray second =
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n" + QByteArray(5000, 'b');
    const QByteArray answer = raw(first, second);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY2(answer.contains("HTTP/1.1 413"), answer.constData());
    QCOMPARE(m_bodiesSeen, 1);
}

void TestHttpServer::bodyAtTheLimitIsTaken()
{
    const Reply reply =
        send(m_manager, "POST", url(QStringLiteral("/echo")), {}, QByteArray(1000, 'c'));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body.size(), 1000);
}

void TestHttpServer::nonLoopbackNeedsAnExplicitAddress()
{
    // The server listens where it is told; WebhookServer decides whether it may (secrets).
    QCOMPARE(m_server->address(), QHostAddress(QHostAddress::LocalHost));
    HttpServer other;
    QString error;
    QVERIFY(!other.listen(QHostAddress(QHostAddress::LocalHost), m_server->port(), &error));
    QVERIFY(error.contains(QString::number(m_server->port())));
}

void TestHttpServer::batchedRoutesRunInsideTheBatch()
{
    bool inside = false;
    int batches = 0;
    QList<bool> handledInside;
    m_server->setBatch([&](const std::function<void()> &handleAll) {
        ++batches;
        inside = true;
        handleAll();
        inside = false;
        return true;
    });
    m_server->route(
        QHttpServerRequest::Method::Post, QStringLiteral("/write"),
        [&](const HttpRequest &request) {
            handledInside.append(inside);
            return HttpAnswer{200, request.body, "text/plain"};
        },
        true);

    Reply reply = send(m_manager, "POST", url(QStringLiteral("/write")), {}, "kept");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray("kept"));
    QCOMPARE(handledInside, QList<bool>{true});
    QCOMPARE(batches, 1);

    reply = send(m_manager, "POST", url(QStringLiteral("/echo")), {}, "not batched");
    QCOMPARE(reply.status, 200);
    QCOMPARE(batches, 1);
}

void TestHttpServer::preparedReachesTheHandler()
{
    m_server->route(
        QHttpServerRequest::Method::Post, QStringLiteral("/prepared"),
        [](const HttpRequest &request) {
            return HttpAnswer{200, std::any_cast<QByteArray>(request.prepared), "text/plain"};
        },
        false, [](const HttpRequest &request) { return std::any(request.body.toUpper()); });

    for (const QByteArray body : {"first", "second"}) {
        const Reply reply = send(m_manager, "POST", url(QStringLiteral("/prepared")), {}, body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, body.toUpper());
    }
    // Routes without one are handled as before.
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/echo")), {}, "plain").body,
             QByteArray("plain"));
}

void TestHttpServer::batchThatKeepsNothingAnswers500()
{
    m_server->setBatch([](const std::function<void()> &handleAll) {
        handleAll();
        return false; // e.g. the commit failed
    });
    m_server->route(
        QHttpServerRequest::Method::Post, QStringLiteral("/write"),
        [](const HttpRequest &request) {
            return request.body == "bad" ? HttpAnswer::error(400, QStringLiteral("Bad"))
                                         : HttpAnswer{200, request.body, "text/plain"};
        },
        true);

    Reply reply = send(m_manager, "POST", url(QStringLiteral("/write")), {}, "good");
    QCOMPARE(reply.status, 500);
    QVERIFY(object(reply).value(QStringLiteral("detail")).toString().contains(u"again"));
    // An answer that said no already stays as it was.
    reply = send(m_manager, "POST", url(QStringLiteral("/write")), {}, "bad");
    QCOMPARE(reply.status, 400);
}

// The local API's paths carry ids and its answers may wait for a source: the fallback takes
// every path without a route and answers when it can; routed paths never reach it.
void TestHttpServer::fallbackTakesUnroutedPathsAndAnswersLater()
{
    QList<HttpServer::Reply> waiting;
    QStringList seen;
    m_server->setFallback([&](const HttpRequest &request, const HttpServer::Reply &reply) {
        seen.append(request.url.path());
        if (request.url.path() == QStringLiteral("/now"))
            reply(HttpAnswer::json(200, {{QStringLiteral("at"), QStringLiteral("once")}}));
        else
            waiting.append(reply);
    });
    const Reply now = send(m_manager, "GET", url(QStringLiteral("/now")));
    QCOMPARE(now.status, 200);
    QCOMPARE(object(now).value(QStringLiteral("at")).toString(), QStringLiteral("once"));

    QNetworkReply *later = m_manager.get(QNetworkRequest(url(QStringLiteral("/later/x"))));
    QTRY_COMPARE(waiting.size(), 1);
    QVERIFY(!later->isFinished());
    waiting.constFirst()(HttpAnswer::error(202, QStringLiteral("still waiting")));
    waiting.constFirst()(HttpAnswer::error(500, QStringLiteral("a second answer is dropped")));
    QTRY_VERIFY(later->isFinished());
    QCOMPARE(later->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
    QCOMPARE(QJsonDocument::fromJson(later->readAll()).object().value(QStringLiteral("detail")),
             QStringLiteral("still waiting"));
    later->deleteLater();

    // A routed path, even with the wrong method, is the routes' business.
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/echo"))).status, 405);
    QCOMPARE(seen, (QStringList{QStringLiteral("/now"), QStringLiteral("/later/x")}));
}

// The local API's requests of one pass commit together; a batch that keeps nothing turns
// their answers into 500, as the routes' batch does.
void TestHttpServer::fallbackRunsInsideItsBatch()
{
    bool inside = false;
    bool keep = true;
    QList<bool> handledInside;
    m_server->setFallbackBatch([&](const std::function<void()> &handleAll) {
        inside = true;
        handleAll();
        inside = false;
        return keep;
    });
    m_server->setFallback([&](const HttpRequest &, const HttpServer::Reply &reply) {
        handledInside.append(inside);
        reply(HttpAnswer::json(200, {{QStringLiteral("ok"), true}}));
    });
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/done"))).status, 200);
    QCOMPARE(handledInside, QList<bool>{true});
    keep = false;
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/done"))).status, 500);
    // The routes are no part of it.
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/echo")), {}, "x").status, 200);
    QCOMPARE(handledInside.size(), 2);
}

void TestHttpServer::slowClientsDoNotHoldUpOthers()
{
    // Many clients that send half a request and wait...
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 64; ++i) {
        slow.push_back(std::make_unique<QTcpSocket>());
        slow.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
    }
    const auto all = [&](auto test) {
        return std::all_of(slow.begin(), slow.end(), test);
    };
    QTRY_VERIFY(
        all([](const auto &socket) { return socket->state() == QAbstractSocket::ConnectedState; }));
    for (const auto &socket : slow)
        socket->write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    QTRY_VERIFY(all([](const auto &socket) { return socket->bytesToWrite() == 0; }));
    // ...and one that sends it whole is answered at once.
    QElapsedTimer timer;
    timer.start();
    const Reply reply = send(m_manager, "POST", url(QStringLiteral("/echo")), {}, "hello");
    QCOMPARE(reply.status, 200);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    for (const auto &socket : slow)
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
}

void TestHttpServer::slowRequestIs408AndIdleIsClosed()
{
    m_server = std::make_unique<HttpServer>();
    m_server->setRequestTimeout(std::chrono::milliseconds(300));
    m_server->route(QHttpServerRequest::Method::Post, QStringLiteral("/echo"),
                    [](const HttpRequest &request) {
                        return HttpAnswer{200, request.body, "text/plain"};
                    });
    QString error;
    QVERIFY2(m_server->listen(QHostAddress(QHostAddress::LocalHost), 0, &error), qPrintable(error));

    // One byte at a time, forever: cut off however steadily it trickles.
    QTcpSocket trickle;
    QByteArray answer;
    connect(&trickle, &QTcpSocket::readyRead, this, [&] { answer += trickle.readAll(); });
    trickle.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(trickle.waitForConnected(5000));
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, [&] {
        if (trickle.state() == QAbstractSocket::ConnectedState)
            trickle.write("X");
    });
    trickle.write("POST /echo HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    drip.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(answer.startsWith("HTTP/1.1 408"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(trickle.state(), QAbstractSocket::UnconnectedState, 5000);

    // A connection that never sends anything is closed too.
    QTcpSocket idle;
    idle.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(idle.waitForConnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 5000);

    // One answered in time keeps its connection for the next request.
    QTcpSocket kept;
    QByteArray answers;
    connect(&kept, &QTcpSocket::readyRead, this, [&] { answers += kept.readAll(); });
    kept.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(kept.waitForConnected(5000));
    kept.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
    QTRY_VERIFY_WITH_TIMEOUT(answers.endsWith("hi"), 5000);
    kept.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nyou");
    QTRY_VERIFY_WITH_TIMEOUT(answers.endsWith("you"), 5000);
}

void TestHttpServer::noHeaderInjection()
{
    // Line breaks smuggled into the path or a header never become headers of the answer.
    for (const QByteArray &request :
         {QByteArray("GET /echo%0d%0aX-Injected:%201 HTTP/1.1\r\nHost: x\r\n\r\n"),
          QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nX-Value: a\rX-Injected: 1\r\n"
                     "Content-Length: 2\r\n\r\nhi"),
          QByteArray(
              "POST /nowhere%0aX-Injected:1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")}) {
        const QByteArray answer = raw(request);
        QVERIFY2(answer.startsWith("HTTP/1.1 "), answer.constData());
        const QByteArray head = answer.left(answer.indexOf("\r\n\r\n"));
        QVERIFY2(!head.contains("X-Injected"), head.constData());
    }
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
