#include "ManualClock.h"
#include "TestTasks.h"

#include "appcore/AppCore.h"
#include "appcore/ChangeNotifier.h"
#include "core/Outbox.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "server/GitHubWebhook.h"
#include "server/WebhookServer.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"
#include "sync/WebhookRegistrar.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;
using namespace std::chrono_literals;

class TestAppCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everythingReadsItsClock();
    void registersWebhooksWhereTheyArriveAtOnce();
    void reloadTakesTheNewTokens();
    void settingsApplyAtOnce();
};

void TestAppCore::everythingReadsItsClock()
{
    QTemporaryDir dir;
    AppCore core{Profile(dir.path())};
    Test::ManualClock clock(utc(2026, 3, 10, 9));
    core.setClock(&clock);
    QString error;
    QVERIFY2(core.open(&error), qPrintable(error));
    QCOMPARE(core.clock(), &clock);

    // The task service, and through it the views.
    QCOMPARE(core.service()->now(), clock.now());
    // The sync engine: its nightly rescore is planned from the clock.
    core.engine()->start(1h);
    QCOMPARE(core.engine()->nightlyRescoreAt(),
             clock.now().toLocalTime().date().addDays(1).startOfDay().addSecs(30));
    core.engine()->stop();
    // The outbox processor: "retry now" means the clock's now.
    QVERIFY(core.store()->upsert({clickUp(QStringLiteral("a"), QStringLiteral("A"))}));
    const qint64 id =
        *core.outbox()->comment(QStringLiteral("clickup:a"), QStringLiteral("Hi"), clock.now());
    QVERIFY(core.outbox()->retryLater(id, clock.now().addSecs(3600), QStringLiteral("busy")));
    clock.advance(60);
    core.processor()->retryNow();
    QCOMPARE(core.outbox()->entries().constFirst().nextAttempt, clock.now());
}

// The policies wired together: at start the hooks go to the public URL (GitHub's on the repos
// of the user's issues once the first sync brings them), and a teammate's change reaches the
// store through them.
void TestAppCore::registersWebhooksWhereTheyArriveAtOnce()
{
    const QString repo = QStringLiteral("acme/web");
    Sim::SimClickUp clickUp;
    QVERIFY(clickUp.listen() > 0);
    clickUp.addUser(101, QStringLiteral("Me"), QStringLiteral("me@example.com"),
                    QStringLiteral("pk_101_core"));
    Sim::SimGitHub gitHub;
    QVERIFY(gitHub.listen() > 0);
    gitHub.addUser(QStringLiteral("me"), QStringLiteral("ghp_core"));
    gitHub.addRepo(repo);
    gitHub.addIssue({.repo = repo,
                     .number = 1,
                     .title = QStringLiteral("Fix login"),
                     .author = QStringLiteral("bob"),
                     .assignees = {QStringLiteral("me")}});
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_101_core");
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_core");
    const auto tokens = qScopeGuard([] {
        qunsetenv("UPNEXT_CLICKUP_TOKEN");
        qunsetenv("UPNEXT_GITHUB_TOKEN");
    });

    quint16 port = 0;
    {
        QTcpServer probe; // a free port for the public URL the hooks point at
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    const QUrl publicUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QTemporaryDir dir;
    const Profile profile(dir.path());
    {
        Settings settings(profile.settingsPath());
        QVERIFY(settings.setClickUpBaseUrl(clickUp.baseUrl()) &&
                settings.setClickUpTeamId(clickUp.teamId()) &&
                settings.setGitHubBaseUrl(gitHub.baseUrl()) && settings.setWebhookPort(port) &&
                settings.setWebhookPublicUrl(publicUrl) && settings.sync());
    }

    AppCore core{profile};
    QString error;
    QVERIFY2(core.open(&error), qPrintable(error));
    const auto secrets = qScopeGuard([&core] {
        for (const auto &[secret, source] :
             {std::pair(SecretStore::Secret::ClickUpWebhookSecret, Sources::ClickUp),
              std::pair(SecretStore::Secret::GitHubWebhookSecret, Sources::GitHub)}) {
            bool removed = false;
            core.secrets()->remove(secret,
                                   WebhookRegistrar::secretAccount(*core.settings(), source), &core,
                                   [&removed](const QString &) { removed = true; });
            QTRY_VERIFY(removed);
        }
    });
    QSignalSpy loaded(&core, &AppCore::sourcesLoaded);
    core.loadSources();
    QVERIFY(loaded.wait());
    QSignalSpy listening(&core, &AppCore::webhooksListening);
    core.startWebhooks();
    QVERIFY(listening.wait());
    QCOMPARE(listening.first().first().value<quint16>(), port);
    core.start();

    QTRY_COMPARE_WITH_TIMEOUT(gitHub.hooks().size(), 1, 15000);
    QCOMPARE(gitHub.hooks().first().repo, repo);
    QCOMPARE(gitHub.hooks().first().url, WebhookRegistrar::endpoint(publicUrl, Sources::GitHub));
    QTRY_COMPARE(clickUp.hooks().size(), 1);
    QCOMPARE(clickUp.hooks().first().endpoint,
             WebhookRegistrar::endpoint(publicUrl, Sources::ClickUp));
    QTRY_VERIFY(!core.engine()->isSyncing(Sources::GitHub));

    const QString id = Task::makeId(Sources::GitHub, repo + QStringLiteral("#1"));
    QVERIFY(core.store()->task(id));
    QCOMPARE(core.store()->task(id)->status, TaskStatus::Todo);
    gitHub.closeIssue(repo, 1, QStringLiteral("bob"));
    QTRY_COMPARE(core.store()->task(id)->status, TaskStatus::Done);
    QVERIFY(core.webhooks()->gitHub()->lastDelivery().isValid());
    core.stop();
}

// After the user changes a token: the sources load again with what the keychain (here the
// environment, which wins) now holds, and sync.
void TestAppCore::reloadTakesTheNewTokens()
{
    Sim::SimClickUp clickUp;
    QVERIFY(clickUp.listen() > 0);
    clickUp.addUser(101, QStringLiteral("Me"), QStringLiteral("me@example.com"),
                    QStringLiteral("pk_101_reload"));
    clickUp.addList(QStringLiteral("901"), QStringLiteral("Sprint"));
    const QString clickUpTask =
        clickUp.addTask({.name = QStringLiteral("Write the notes"), .assignees = {101}});
    Sim::SimGitHub gitHub;
    QVERIFY(gitHub.listen() > 0);
    gitHub.addUser(QStringLiteral("me"), QStringLiteral("ghp_reload"));
    gitHub.addRepo(QStringLiteral("acme/web"));
    gitHub.addIssue({.repo = QStringLiteral("acme/web"),
                     .number = 1,
                     .title = QStringLiteral("Fix login"),
                     .author = QStringLiteral("bob"),
                     .assignees = {QStringLiteral("me")}});
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_reload");
    const auto tokens = qScopeGuard([] {
        qunsetenv("UPNEXT_CLICKUP_TOKEN");
        qunsetenv("UPNEXT_GITHUB_TOKEN");
    });
    QTemporaryDir dir;
    const Profile profile(dir.path());
    {
        Settings settings(profile.settingsPath());
        QVERIFY(settings.setClickUpBaseUrl(clickUp.baseUrl()) &&
                settings.setClickUpTeamId(clickUp.teamId()) &&
                settings.setGitHubBaseUrl(gitHub.baseUrl()) && settings.sync());
    }
    AppCore core{profile};
    QString error;
    QVERIFY2(core.open(&error), qPrintable(error));
    QSignalSpy loaded(&core, &AppCore::sourcesLoaded);
    core.loadSources();
    QVERIFY(loaded.wait());
    QCOMPARE(core.engine()->sources(), QStringList{Sources::GitHub});
    core.start();
    QTRY_VERIFY_WITH_TIMEOUT(core.store()->contains(QStringLiteral("github:acme/web#1")), 10000);

    // The user removes the GitHub token and gives a ClickUp one, while a sync may run.
    qunsetenv("UPNEXT_GITHUB_TOKEN");
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_101_reload");
    core.engine()->syncAll();
    core.reloadSources();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000);
    QCOMPARE(core.engine()->sources(), QStringList{Sources::ClickUp});
    QCOMPARE(core.sources()->gitHubClient(), nullptr);
    core.start();
    QTRY_VERIFY_WITH_TIMEOUT(core.store()->contains(Task::makeId(Sources::ClickUp, clickUpTask)),
                             10000);
}

// What the settings dialog saves takes effect without a restart.
void TestAppCore::settingsApplyAtOnce()
{
    using Kind = Notification::Kind;
    QTemporaryDir dir;
    AppCore core{Profile(dir.path())};
    QString error;
    QVERIFY2(core.open(&error), qPrintable(error));
    core.engine()->start(std::chrono::minutes(core.settings()->syncIntervalMinutes()));

    Settings &settings = *core.settings();
    QVERIFY(settings.setSyncIntervalMinutes(30));
    settings.setNotificationEnabled(QStringLiteral("commented"), false);
    settings.setNotificationEnabled(QStringLiteral("writeRefused"), false);
    settings.setDoNotDisturb(true);
    core.applySettings();
    QCOMPARE(core.engine()->interval(), std::chrono::milliseconds(30min));
    QVERIFY(!core.notifier()->isEnabled(Kind::Commented));
    QVERIFY(!core.notifier()->isEnabled(Kind::WriteRefused));
    QVERIFY(core.notifier()->isEnabled(Kind::Closed));
    QVERIFY(core.notifier()->isEnabled(Kind::Summary));
    QVERIFY(core.notifier()->doNotDisturb());

    // The older switch for all outside changes turns off those kinds, and their summary.
    settings.setNotifyExternalChanges(false);
    core.applySettings();
    QVERIFY(!core.notifier()->isEnabled(Kind::Closed));
    QVERIFY(!core.notifier()->isEnabled(Kind::Summary));
    QVERIFY(core.notifier()->isEnabled(Kind::TokenRejected));
    core.engine()->stop();
}

QTEST_GUILESS_MAIN(TestAppCore)
#include "tst_appcore.moc"
