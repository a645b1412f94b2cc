#include "HookRun.h"
#include "ManualClock.h"
#include "TestTasks.h"

#include "sim/SimClickUp.h"
#include "sources/ClickUpHooks.h"
#include "sources/ClickUpReader.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::Sim;

namespace {

const QString Token = QStringLiteral("pk_101_hooks");
constexpr qint64 Me = 101;
constexpr qint64 Bob = 202;
const QUrl Receiver(QStringLiteral("http://127.0.0.1:9/one/webhooks/clickup"));
const QUrl Moved(QStringLiteral("http://127.0.0.1:9/two/webhooks/clickup"));
const QStringList Events{QStringLiteral("taskCreated"), QStringLiteral("taskStatusUpdated")};
using Failure = WriteResult::Failure;

} // namespace

// ClickUpHooks against the simulated ClickUp: its webhook endpoints as the API has them.
class TestClickUpHooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createListUpdateRemove();
    void listShowsOnlyTheUsersWebhooks();
    void everyEventIsAString();
    void updateKeepsTheSecret();
    void failures_data();
    void failures();
    void rateLimitGivesRetryAfter();
    void badInputSendsNothing();
    void noCallbackOnceContextIsGone();

private:
    WebhookResult run(const std::function<void(QObject *, WebhookCallback)> &call)
    {
        return runHooks(call, &m_answeredEarly);
    }
    WebhookResult create(const QUrl &endpoint = Receiver, const QStringList &events = Events)
    {
        return run([&](QObject *c, WebhookCallback cb) {
            m_hooks->create(m_sim->teamId(), endpoint, events, c, cb);
        });
    }
    WebhookResult list()
    {
        return run([&](QObject *c, WebhookCallback cb) { m_hooks->list(m_sim->teamId(), c, cb); });
    }

    std::unique_ptr<SimClickUp> m_sim;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<ClickUpHooks> m_hooks;
    QNetworkAccessManager m_manager;
    bool m_answeredEarly = false;
    Test::ManualClock m_clock;
};

void TestClickUpHooks::init()
{
    m_sim = std::make_unique<SimClickUp>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(Me, QStringLiteral("Me"), QStringLiteral("me@example.com"), Token);
    m_sim->addUser(Bob, QStringLiteral("Bob"), QStringLiteral("bob@example.com"),
                   QStringLiteral("pk_202_bob"));
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    m_client->setTimeout(2000);
    ClickUpReader::configure(m_client.get(), Token.toUtf8());
    m_hooks = std::make_unique<ClickUpHooks>(m_client.get());
    m_clock.set(TestTasks::utc(2026, 3, 10, 9));
    m_hooks->setClock(&m_clock);
    m_answeredEarly = false;
}

void TestClickUpHooks::cleanup()
{
    QVERIFY2(!m_answeredEarly, "a callback ran before the call returned");
}

void TestClickUpHooks::createListUpdateRemove()
{
    const WebhookResult created = create();
    QVERIFY2(created.success, qPrintable(created.message));
    QCOMPARE(created.hooks.size(), 1);
    const Webhook hook = created.hooks.first();
    QVERIFY(!hook.id.isEmpty());
    QCOMPARE(hook.url, Receiver);
    QCOMPARE(hook.events, Events);
    QVERIFY(hook.active);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(hook.secret).hasMatch());
    QCOMPARE(m_sim->hooks().size(), 1);
    QCOMPARE(m_sim->hooks().first().secret, hook.secret);
    QCOMPARE(m_sim->hooks().first().userId, Me);

    const WebhookResult listed = list();
    QVERIFY2(listed.success, qPrintable(listed.message));
    QCOMPARE(listed.hooks.size(), 1);
    QCOMPARE(listed.hooks.first().id, hook.id);
    QCOMPARE(listed.hooks.first().url, Receiver);
    QCOMPARE(listed.hooks.first().secret, hook.secret);
    QCOMPARE(listed.hooks.first().status, QStringLiteral("active"));

    const QStringList more = Events + QStringList{QStringLiteral("taskMoved")};
    const WebhookResult updated =
        run([&](QObject *c, WebhookCallback cb) { m_hooks->update(hook.id, Moved, more, c, cb); });
    QVERIFY2(updated.success, qPrintable(updated.message));
    QCOMPARE(updated.hooks.first().id, hook.id);
    QCOMPARE(updated.hooks.first().url, Moved);
    QCOMPARE(m_sim->hooks().first().endpoint, Moved);
    QCOMPARE(m_sim->hooks().first().events, more);

    const WebhookResult removed =
        run([&](QObject *c, WebhookCallback cb) { m_hooks->remove(hook.id, c, cb); });
    QVERIFY2(removed.success, qPrintable(removed.message));
    QVERIFY(m_sim->hooks().isEmpty());
    QVERIFY(list().hooks.isEmpty());
}

void TestClickUpHooks::listShowsOnlyTheUsersWebhooks()
{
    m_sim->addWebhook(QUrl(QStringLiteral("https://bob.example.net/hook")), {QStringLiteral("*")},
                      Bob);
    QVERIFY(create().success);
    const WebhookResult listed = list();
    QVERIFY(listed.success);
    QCOMPARE(listed.hooks.size(), 1);
    QCOMPARE(listed.hooks.first().url, Receiver);
}

void TestClickUpHooks::everyEventIsAString()
{
    // ClickUp answers "*" as a string, not as a list of one.
    m_sim->addWebhook(Receiver, {QStringLiteral("*")}, Me);
    const WebhookResult listed = list();
    QVERIFY(listed.success);
    QCOMPARE(listed.hooks.first().events, QStringList{QStringLiteral("*")});
    QCOMPARE(ClickUpHooks::parse(QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                                             {QStringLiteral("events"), QStringLiteral("*")}})
                 .events,
             QStringList{QStringLiteral("*")});
    const Webhook failing = ClickUpHooks::parse(QJsonDocument::fromJson(R"({"id":"y",
        "health":{"status":"suspended","fail_count":101}})")
                                                    .object());
    QVERIFY(!failing.active);
    QCOMPARE(failing.status, QStringLiteral("suspended"));
    QCOMPARE(failing.failCount, 101);
}

void TestClickUpHooks::updateKeepsTheSecret()
{
    const Webhook hook = create().hooks.value(0);
    const WebhookResult updated = run(
        [&](QObject *c, WebhookCallback cb) { m_hooks->update(hook.id, Moved, Events, c, cb); });
    QVERIFY(updated.success);
    QCOMPARE(updated.hooks.first().secret, hook.secret);
    QCOMPARE(m_sim->hooks().first().secret, hook.secret);
}

void TestClickUpHooks::failures_data()
{
    QTest::addColumn<QString>("op"); // list | create | update | remove
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("team");
    QTest::addColumn<QString>("endpoint"); // where to inject a fault; empty: none
    QTest::addColumn<SimFault>("fault");
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    using Kind = SimFault::Kind;
    const QString team = QStringLiteral("9015000001");
    const SimFault none;
    const QString list = QStringLiteral("list");
    const QString create = QStringLiteral("create");
    const QString update = QStringLiteral("update");
    const QString remove = QStringLiteral("remove");

    QTest::newRow("401 wrong token")
        << list << QStringLiteral("pk_wrong") << team << QString() << none << Failure::Unauthorized
        << 401 << QStringLiteral("ClickUp error: 401 (Token invalid)");
    QTest::newRow("401 other workspace")
        << create << Token << QStringLiteral("42") << QString() << none << Failure::Permanent << 401
        << QStringLiteral("ClickUp error: 401 (Team not authorized)");
    QTest::newRow("404 unknown webhook")
        << remove << Token << team << QString() << none << Failure::Permanent << 404
        << QStringLiteral("ClickUp error: 404 (Webhook not found)");
    QTest::newRow("404 update unknown")
        << update << Token << team << QString() << none << Failure::Permanent << 404
        << QStringLiteral("ClickUp error: 404 (Webhook not found)");
    QTest::newRow("500 on create")
        << create << Token << team << QStringLiteral("POST /team/{team_id}/webhook")
        << SimFault{Kind::Status, 500, 0} << Failure::Retry << 500
        << QStringLiteral("ClickUp error: 500 (Injected failure)");
    QTest::newRow("not JSON") << list << Token << team
                              << QStringLiteral("GET /team/{team_id}/webhook")
                              << SimFault{Kind::Malformed, 200, 0} << Failure::Retry << 200
                              << QStringLiteral(
                                     "ClickUp error: 200 (the answer is not a list of webhooks)");
    QTest::newRow("timeout") << create << Token << team
                             << QStringLiteral("POST /team/{team_id}/webhook")
                             << SimFault{Kind::Delay, 200, 3000} << Failure::Retry << 0
                             << QStringLiteral("Connection error: no answer in time (timed out)");
}

void TestClickUpHooks::failures()
{
    QFETCH(QString, op);
    QFETCH(QString, token);
    QFETCH(QString, team);
    QFETCH(QString, endpoint);
    QFETCH(SimFault, fault);
    QFETCH(Failure, failure);
    QFETCH(int, status);
    QFETCH(QString, message);

    ClickUpReader::configure(m_client.get(), token.toUtf8());
    if (!endpoint.isEmpty())
        m_sim->injectFault(endpoint, fault);
    const WebhookResult result = run([&](QObject *c, WebhookCallback cb) {
        if (op == QLatin1String("list"))
            m_hooks->list(team, c, cb);
        else if (op == QLatin1String("create"))
            m_hooks->create(team, Receiver, Events, c, cb);
        else if (op == QLatin1String("update"))
            m_hooks->update(QStringLiteral("4b67ac88-e506-4a29-9d42-26e504e3435e"), Receiver,
                            Events, c, cb);
        else
            m_hooks->remove(QStringLiteral("4b67ac88-e506-4a29-9d42-26e504e3435e"), c, cb);
    });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, failure);
    QCOMPARE(result.status, status);
    QCOMPARE(result.message, message);
    QVERIFY(!result.retryAfter.isValid());
    QVERIFY(result.hooks.isEmpty());
    if (fault.kind == SimFault::Kind::Status)
        QVERIFY(m_sim->hooks().isEmpty());
}

void TestClickUpHooks::rateLimitGivesRetryAfter()
{
    m_sim->setRateLimit(1, 60);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(create().success);
    const WebhookResult limited = create();
    QVERIFY(!limited.success);
    QCOMPARE(limited.failure, Failure::Retry);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.message, QStringLiteral("ClickUp error: 429 (Rate limit reached)"));
    QVERIFY(limited.retryAfter > before);
    QVERIFY(limited.retryAfter <= before.addSecs(62));
    QCOMPARE(m_sim->hooks().size(), 1);
}

void TestClickUpHooks::badInputSendsNothing()
{
    const auto rejected = [this](const WebhookResult &result) {
        return !result.success && result.failure == Failure::Permanent && result.status == 0 &&
               !result.message.isEmpty();
    };
    QVERIFY(rejected(run([&](QObject *c, WebhookCallback cb) { m_hooks->list({}, c, cb); })));
    QVERIFY(rejected(create(QUrl())));
    QVERIFY(rejected(create(Receiver, {})));
    QVERIFY(rejected(run(
        [&](QObject *c, WebhookCallback cb) { m_hooks->update({}, Receiver, Events, c, cb); })));
    QVERIFY(rejected(run([&](QObject *c, WebhookCallback cb) { m_hooks->remove({}, c, cb); })));
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestClickUpHooks::noCallbackOnceContextIsGone()
{
    QSignalSpy answered(&m_manager, &QNetworkAccessManager::finished);
    bool called = false;
    {
        QObject context;
        m_hooks->create(m_sim->teamId(), Receiver, Events, &context,
                        [&](const WebhookResult &) { called = true; });
        m_hooks->list({}, &context, [&](const WebhookResult &) { called = true; });
    }
    // The webhook is still made and the answer comes back; nobody is told.
    QTRY_COMPARE(answered.count(), 1);
    QCOMPARE(m_sim->hooks().size(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestClickUpHooks)
#include "tst_clickuphooks.moc"
