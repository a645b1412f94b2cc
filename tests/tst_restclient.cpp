#include "sources/RestClient.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTest>

using namespace UpNext;

// Where the client may send a request (and the token in its headers): the API root's host,
// over HTTPS unless that is this computer; never past a TLS error.
class TestRestClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void plainHttpOnlyToThisComputer();
    void onlyTheApiRootsHost();
    void redirectsStayOnTheHost();
    void tlsErrorsAreNotIgnored();

private:
    // Sends a GET to url through client; the reply once it came.
    HttpReply get(RestClient &client, const QUrl &url);
    QUrl local(const QString &host, const QString &path) const;

    QNetworkAccessManager m_manager;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    QStringList m_seen; // paths the server was asked for
};

void TestRestClient::init()
{
    m_seen.clear();
    m_server = std::make_unique<QHttpServer>();
    m_server->route(QStringLiteral("/<arg>"), [this](const QString &path) {
        m_seen.append(path);
        if (path == QLatin1String("away")) {
            QHttpServerResponse moved(QHttpServerResponse::StatusCode::Found);
            moved.setHeader(
                "Location",
                local(QStringLiteral("localhost"), QStringLiteral("/elsewhere")).toEncoded());
            return moved;
        }
        return QHttpServerResponse("text/plain", "fine");
    });
    m_port = m_server->listen(QHostAddress::LocalHost);
    QVERIFY(m_port > 0);
}

void TestRestClient::cleanup()
{
    m_server.reset();
}

QUrl TestRestClient::local(const QString &host, const QString &path) const
{
    return QUrl(QStringLiteral("http://%1:%2%3").arg(host).arg(m_port).arg(path));
}

HttpReply TestRestClient::get(RestClient &client, const QUrl &url)
{
    std::optional<HttpReply> answer;
    client.get(url, {}, this, [&](const HttpReply &reply) { answer = reply; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return {};
    return *answer;
}

void TestRestClient::plainHttpOnlyToThisComputer()
{
    // The simulators on loopback are fine.
    RestClient simulator(&m_manager, local(QStringLiteral("127.0.0.1"), {}));
    const HttpReply ok = get(simulator, simulator.url(QStringLiteral("/tasks")));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.body, QByteArray("fine"));

    // Anywhere else, plain HTTP is refused before anything is sent: .invalid never resolves,
    // so only the refusal can answer with this message.
    RestClient plain(&m_manager, QUrl(QStringLiteral("http://api.example.invalid")));
    const HttpReply refused = get(plain, plain.url(QStringLiteral("/user")));
    QCOMPARE(refused.status, 0);
    QVERIFY2(refused.errorString.contains(QStringLiteral("HTTPS")),
             qPrintable(refused.errorString));
    QCOMPARE(plain.requestCount(), 0);
}

void TestRestClient::onlyTheApiRootsHost()
{
    RestClient client(&m_manager, local(QStringLiteral("127.0.0.1"), {}));
    const HttpReply refused = get(client, local(QStringLiteral("localhost"), QStringLiteral("/x")));
    QCOMPARE(refused.status, 0);
    QVERIFY(refused.errorString.contains(QStringLiteral("localhost")));
    QVERIFY(m_seen.isEmpty());

    // A Link header that points elsewhere is not followed either.
    HttpReply page;
    page.headers.insert("link", "<http://localhost:1/x?page=2>; rel=\"next\"");
    QVERIFY(!client.linkedPage(page, QLatin1StringView("next")).isValid());
    page.headers.insert("link", "<http://127.0.0.1:1/x?page=2>; rel=\"next\"");
    QVERIFY(client.linkedPage(page, QLatin1StringView("next")).isValid());
}

void TestRestClient::redirectsStayOnTheHost()
{
    RestClient client(&m_manager, local(QStringLiteral("127.0.0.1"), {}));
    const HttpReply reply = get(client, client.url(QStringLiteral("/away")));
    QVERIFY(reply.error != QNetworkReply::NoError);
    QCOMPARE(m_seen, QStringList{QStringLiteral("away")});
}

void TestRestClient::tlsErrorsAreNotIgnored()
{
    QFile certificate(QStringLiteral(UPNEXT_TEST_DATA "/tls/self-signed.crt"));
    QFile key(QStringLiteral(UPNEXT_TEST_DATA "/tls/self-signed.key"));
    QVERIFY(certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(&certificate));
    tls.setPrivateKey(QSslKey(&key, QSsl::Rsa));
    QSslServer server;
    server.setSslConfiguration(tls);
    QSignalSpy handshakes(&server, &QSslServer::startedEncryptionHandshake);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    // A certificate no one vouches for: the request fails, whatever the server would say.
    RestClient client(&m_manager,
                      QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    const HttpReply reply = get(client, client.url(QStringLiteral("/user")));
    QCOMPARE(reply.status, 0);
    QCOMPARE(reply.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(handshakes.size(), 1);
}

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
