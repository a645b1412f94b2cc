#include "HookRun.h"
#include "ManualClock.h"
#include "SimClient.h"
#include "TestTasks.h"

#include "sim/SimGitHub.h"
#include "sources/GitHubHooks.h"
#include "sources/GitHubReader.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::Sim;

namespace {

const QString Token = QStringLiteral("ghp_hooks");
const QString Repo = QStringLiteral("acme/web");
const QUrl Receiver(QStringLiteral("http://127.0.0.1:9/one/webhooks/github"));
const QUrl Moved(QStringLiteral("http://127.0.0.1:9/two/webhooks/github"));
const QStringList Events{QStringLiteral("issues"), QStringLiteral("issue_comment")};
const QString Secret = QStringLiteral("It's a Secret to Everybody");
using Failure = WriteResult::Failure;

GitHubHooks::Config config(const QUrl &url = Receiver, const QString &secret = Secret)
{
    GitHubHooks::Config config;
    config.url = url;
    config.secret = secret;
    config.events = Events;
    return config;
}

} // namespace

// GitHubHooks against the simulated GitHub: a repo's hooks as the REST API has them.
class TestGitHubHooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createListUpdateRemove();
    void createdHookIsPingedAndSigned();
    void listFollowsPages();
    void updateChangesEverythingAtOnce();
    void failures_data();
    void failures();
    void secondaryLimitGivesRetryAfter();
    void primaryLimitGivesRetryAfter();
    void badInputSendsNothing();
    void noCallbackOnceContextIsGone();

private:
    WebhookResult run(const std::function<void(QObject *, WebhookCallback)> &call)
    {
        return runHooks(call, &m_answeredEarly);
    }
    WebhookResult create(const GitHubHooks::Config &hook = config(), const QString &repo = Repo)
    {
        return run([&](QObject *c, WebhookCallback cb) { m_hooks->create(repo, hook, c, cb); });
    }
    WebhookResult list(const QString &repo = Repo)
    {
        return run([&](QObject *c, WebhookCallback cb) { m_hooks->list(repo, c, cb); });
    }

    std::unique_ptr<SimGitHub> m_sim;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<GitHubHooks> m_hooks;
    QNetworkAccessManager m_manager;
    bool m_answeredEarly = false;
    Test::ManualClock m_clock;
};

void TestGitHubHooks::init()
{
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen(quint16(qEnvironmentVariableIntValue("UPNEXT_SIM_PORT"))) > 0);
    m_sim->addUser(QStringLiteral("me"), Token);
    m_sim->addRepo(Repo);
    m_sim->addRepo(QStringLiteral("acme/api"));
    m_client = std::make_unique<RestClient>(&m_manager, throughProxy(m_sim->baseUrl()));
    m_client->setTimeout(5000);
    GitHubReader::configure(m_client.get(), Token.toUtf8());
    m_hooks = std::make_unique<GitHubHooks>(m_client.get());
    m_clock.set(TestTasks::utc(2026, 3, 10, 9));
    m_hooks->setClock(&m_clock);
    m_answeredEarly = false;
}

void TestGitHubHooks::cleanup()
{
    QVERIFY2(!m_answeredEarly, "a callback ran before the call returned");
}

void TestGitHubHooks::createListUpdateRemove()
{
    const WebhookResult created = create();
    QVERIFY2(created.success, qPrintable(created.message));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.hooks.size(), 1);
    const Webhook hook = created.hooks.first();
    QVERIFY(hook.id.toLongLong() > 0);
    QCOMPARE(hook.url, Receiver);
    QCOMPARE(hook.events, Events);
    QCOMPARE(hook.contentType, QStringLiteral("json"));
    QVERIFY(hook.active);
    QVERIFY(!hook.insecureSsl);
    QVERIFY(hook.hasSecret);
    QVERIFY(hook.secret.isEmpty()); // GitHub never shows it
    QCOMPARE(m_sim->hooks().size(), 1);
    QCOMPARE(m_sim->hooks().first().secret, Secret);
    QCOMPARE(m_sim->hooks().first().repo, Repo);

    const WebhookResult listed = list();
    QVERIFY2(listed.success, qPrintable(listed.message));
    QCOMPARE(listed.hooks.size(), 1);
    QCOMPARE(listed.hooks.first().id, hook.id);
    QCOMPARE(listed.hooks.first().url, Receiver);
    QVERIFY(list(QStringLiteral("acme/api")).hooks.isEmpty());

    const WebhookResult updated = run([&](QObject *c, WebhookCallback cb) {
        m_hooks->update(Repo, hook.id, config(Moved), c, cb);
    });
    QVERIFY2(updated.success, qPrintable(updated.message));
    QCOMPARE(updated.hooks.first().id, hook.id);
    QCOMPARE(updated.hooks.first().url, Moved);
    QCOMPARE(m_sim->hooks().first().url, Moved);

    const WebhookResult removed =
        run([&](QObject *c, WebhookCallback cb) { m_hooks->remove(Repo, hook.id, c, cb); });
    QVERIFY2(removed.success, qPrintable(removed.message));
    QCOMPARE(removed.status, 204);
    QVERIFY(m_sim->hooks().isEmpty());
    QVERIFY(list().hooks.isEmpty());
}

void TestGitHubHooks::createdHookIsPingedAndSigned()
{
    QVERIFY(create().success);
    // GitHub pings a new hook, signed with its secret.
    const QList<SimWebhookSender::Delivery> deliveries = m_sim->webhooks().deliveries();
    QCOMPARE(deliveries.size(), 1);
    QCOMPARE(deliveries.first().url, Receiver);
    QByteArray event;
    QByteArray signature;
    for (const auto &[name, value] : deliveries.first().headers) {
        if (name == "X-GitHub-Event")
            event = value;
        if (name == "X-Hub-Signature-256")
            signature = value;
    }
    QCOMPARE(event, QByteArray("ping"));
    QCOMPARE(signature,
             "sha256=" + SimWebhookSender::signature(Secret.toUtf8(), deliveries.first().body));
}

void TestGitHubHooks::listFollowsPages()
{
    // 100 a page: three pages.
    m_sim->setWriteLimit(1000, 60);
    for (int i = 0; i < 205; ++i) {
        const WebhookResult created =
            create(config(QUrl(QStringLiteral("http://127.0.0.1:9/hook/%1").arg(i))));
        QVERIFY2(created.success, qPrintable(created.message));
    }
    m_sim->requestLog().clear();
    const WebhookResult listed = list();
    QVERIFY2(listed.success, qPrintable(listed.message));
    QCOMPARE(listed.hooks.size(), 205);
    QCOMPARE(listed.hooks.last().url, QUrl(QStringLiteral("http://127.0.0.1:9/hook/204")));
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/hooks")), 3);
}

void TestGitHubHooks::updateChangesEverythingAtOnce()
{
    GitHubHooks::Config old = config(Receiver, {});
    old.events = {QStringLiteral("push")};
    old.active = false;
    const Webhook hook = create(old).hooks.value(0);
    QVERIFY(!hook.hasSecret);
    QVERIFY(!hook.active);

    const WebhookResult updated = run([&](QObject *c, WebhookCallback cb) {
        m_hooks->update(Repo, hook.id, config(Moved, QStringLiteral("new secret")), c, cb);
    });
    QVERIFY2(updated.success, qPrintable(updated.message));
    const Webhook now = updated.hooks.first();
    QCOMPARE(now.url, Moved);
    QCOMPARE(now.events, Events);
    QVERIFY(now.active);
    QVERIFY(now.hasSecret);
    const SimGitHubHook stored = m_sim->hooks().first();
    QCOMPARE(stored.secret, QStringLiteral("new secret"));
    QCOMPARE(stored.events, Events);
    QVERIFY(stored.active);
}

void TestGitHubHooks::failures_data()
{
    QTest::addColumn<QString>("op"); // list | create | update | remove
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("repo");
    QTest::addColumn<QString>("endpoint"); // where to inject a fault; empty: none
    QTest::addColumn<SimFault>("fault");
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    using Kind = SimFault::Kind;
    const SimFault none;
    const QString list = QStringLiteral("list");
    const QString create = QStringLiteral("create");
    const QString update = QStringLiteral("update");
    const QString remove = QStringLiteral("remove");
    const QString gone = QStringLiteral("acme/gone");

    QTest::newRow("401 wrong token")
        << list << QStringLiteral("ghp_wrong") << Repo << QString() << none << Failure::Unauthorized
        << 401 << QStringLiteral("GitHub error: 401 (Bad credentials)");
    QTest::newRow("404 list unknown repo")
        << list << Token << gone << QString() << none << Failure::Permanent << 404
        << QStringLiteral("GitHub error: 404 (Not Found)");
    QTest::newRow("404 create unknown repo")
        << create << Token << gone << QString() << none << Failure::Permanent << 404
        << QStringLiteral("GitHub error: 404 (Not Found)");
    QTest::newRow("404 update unknown hook")
        << update << Token << Repo << QString() << none << Failure::Permanent << 404
        << QStringLiteral("GitHub error: 404 (Not Found)");
    QTest::newRow("404 remove unknown hook")
        << remove << Token << Repo << QString() << none << Failure::Permanent << 404
        << QStringLiteral("GitHub error: 404 (Not Found)");
    QTest::newRow("500 on create")
        << create << Token << Repo << QStringLiteral("POST /repos/{owner}/{repo}/hooks")
        << SimFault{Kind::Status, 500, 0} << Failure::Retry << 500
        << QStringLiteral("GitHub error: 500 (Injected failure)");
    QTest::newRow("502 on list") << list << Token << Repo
                                 << QStringLiteral("GET /repos/{owner}/{repo}/hooks")
                                 << SimFault{Kind::Status, 502, 0} << Failure::Retry << 502
                                 << QStringLiteral("GitHub error: 502 (Injected failure)");
    QTest::newRow("not JSON") << list << Token << Repo
                              << QStringLiteral("GET /repos/{owner}/{repo}/hooks")
                              << SimFault{Kind::Malformed, 200, 0} << Failure::Retry << 200
                              << QStringLiteral(
                                     "GitHub error: 200 (the answer is not a list of hooks)");
    QTest::newRow("timeout") << create << Token << Repo
                             << QStringLiteral("POST /repos/{owner}/{repo}/hooks")
                             << SimFault{Kind::Delay, 200, 6000} << Failure::Retry << 0
                             << QStringLiteral("Connection error: no answer in time (timed out)");
}

void TestGitHubHooks::failures()
{
    QFETCH(QString, op);
    QFETCH(QString, token);
    QFETCH(QString, repo);
    QFETCH(QString, endpoint);
    QFETCH(SimFault, fault);
    QFETCH(Failure, failure);
    QFETCH(int, status);
    QFETCH(QString, message);

    // Straight to the simulator: answers outside GitHub's description (a 401 where it lists
    // none, a body that is not JSON) are what this tests, and the checking proxy would rewrite
    // them.
    // Its own connections: the simulator of an earlier row listened on the same port.
    QNetworkAccessManager manager;
    RestClient client(&manager, m_sim->baseUrl());
    client.setTimeout(5000);
    GitHubReader::configure(&client, token.toUtf8());
    GitHubHooks hooks(&client);
    hooks.setClock(&m_clock);
    if (!endpoint.isEmpty())
        m_sim->injectFault(endpoint, fault);
    const WebhookResult result = run([&](QObject *c, WebhookCallback cb) {
        if (op == QLatin1String("list"))
            hooks.list(repo, c, cb);
        else if (op == QLatin1String("create"))
            hooks.create(repo, config(), c, cb);
        else if (op == QLatin1String("update"))
            hooks.update(repo, QStringLiteral("424242"), config(), c, cb);
        else
            hooks.remove(repo, QStringLiteral("424242"), c, cb);
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

void TestGitHubHooks::secondaryLimitGivesRetryAfter()
{
    // Content-creating requests: retry-after.
    m_sim->setWriteLimit(1, 60);
    QVERIFY(create().success);
    const WebhookResult limited = create();
    QVERIFY(!limited.success);
    QCOMPARE(limited.failure, Failure::Retry);
    QCOMPARE(limited.status, 403);
    QVERIFY(limited.retryAfter > m_clock.now());
    QVERIFY(limited.retryAfter <= m_clock.now().addSecs(60));
    QCOMPARE(m_sim->hooks().size(), 1);
}

void TestGitHubHooks::primaryLimitGivesRetryAfter()
{
    // x-ratelimit-remaining 0 until x-ratelimit-reset. GitHub's description lists no 403 for
    // this endpoint, though GitHub sends it: straight to the simulator.
    QNetworkAccessManager manager;
    RestClient client(&manager, m_sim->baseUrl());
    GitHubReader::configure(&client, Token.toUtf8());
    GitHubHooks hooks(&client);
    m_sim->setRateLimit(1, 3600);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto list = [&] {
        return run([&](QObject *c, WebhookCallback cb) { hooks.list(Repo, c, cb); });
    };
    QVERIFY(list().success);
    const WebhookResult limited = list();
    QVERIFY(!limited.success);
    QCOMPARE(limited.failure, Failure::Retry);
    QCOMPARE(limited.status, 403);
    QVERIFY2(
        limited.message.startsWith(QLatin1String("GitHub error: 403 (API rate limit exceeded")),
        qPrintable(limited.message));
    QVERIFY(limited.retryAfter > before);
    QVERIFY(limited.retryAfter <= before.addSecs(3601));
}

void TestGitHubHooks::badInputSendsNothing()
{
    const auto rejected = [](const WebhookResult &result) {
        return !result.success && result.failure == Failure::Permanent && result.status == 0 &&
               !result.message.isEmpty();
    };
    QVERIFY(rejected(list(QStringLiteral("not a repo"))));
    QVERIFY(rejected(list(QStringLiteral("acme/web/../x"))));
    QVERIFY(rejected(list(QStringLiteral("../.."))));
    QVERIFY(rejected(list(QStringLiteral("acme/.."))));
    QVERIFY(GitHubHooks::isRepoName(QStringLiteral("acme/.github")));
    QVERIFY(GitHubHooks::isRepoName(QStringLiteral("my-org/my.repo_x")));
    QVERIFY(rejected(create(config(QUrl()))));
    GitHubHooks::Config noEvents = config();
    noEvents.events.clear();
    QVERIFY(rejected(create(noEvents)));
    QVERIFY(rejected(run([&](QObject *c, WebhookCallback cb) {
        m_hooks->update(Repo, QStringLiteral("x"), config(), c, cb);
    })));
    QVERIFY(
        rejected(run([&](QObject *c, WebhookCallback cb) { m_hooks->remove(Repo, {}, c, cb); })));
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestGitHubHooks::noCallbackOnceContextIsGone()
{
    QSignalSpy answered(&m_manager, &QNetworkAccessManager::finished);
    bool called = false;
    {
        QObject context;
        m_hooks->create(Repo, config(), &context, [&](const WebhookResult &) { called = true; });
        m_hooks->list({}, &context, [&](const WebhookResult &) { called = true; });
    }
    QTRY_COMPARE(answered.count(), 1);
    QCOMPARE(m_sim->hooks().size(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestGitHubHooks)
#include "tst_githubhooks.moc"
