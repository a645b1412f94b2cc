#include "ManualClock.h"
#include "TestTasks.h"

#include "core/Outbox.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/ClickUpReader.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;

// SyncSources against the simulators: what settings and tokens turn into
// readers, writers and places to create tasks.
class TestSyncSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void nothingWithoutTokens();
    void anUnavailableKeychainIsOneClearProblem();
    void bothSourcesReadAndWrite();
    void noDestinationWithoutAPlaceToCreate();
    void readersAndWritersReadItsClock();

private:
    // Loads the sources for the settings and tokens set up so far.
    bool load(SyncSources &sources);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<OutboxProcessor> m_processor;
    SecretStore m_secrets;
    SimGitHub m_gitHub;
    SimClickUp m_clickUp;
    QString m_clickUpTask;
};

void TestSyncSources::initTestCase()
{
    QVERIFY(m_gitHub.listen() > 0);
    m_gitHub.addUser(QStringLiteral("me"), QStringLiteral("ghp_sources"));
    m_gitHub.addIssue({.repo = QStringLiteral("acme/web"),
                       .title = QStringLiteral("On GitHub"),
                       .assignees = {QStringLiteral("me")}});
    QVERIFY(m_clickUp.listen() > 0);
    m_clickUp.addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                      QStringLiteral("pk_sources"));
    m_clickUp.addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    m_clickUpTask = m_clickUp.addTask(
        {.name = QStringLiteral("On ClickUp"), .listId = QStringLiteral("901"), .assignees = {7}});
}

void TestSyncSources::init()
{
    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    qunsetenv("UPNEXT_GITHUB_TOKEN");
    m_secrets.setTimeout(SecretStore::DefaultTimeout);
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<TaskStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))));
    m_outbox = std::make_unique<Outbox>(m_store.get());
    m_engine = std::make_unique<SyncEngine>(m_store.get(), nullptr);
    m_engine->setOutbox(m_outbox.get());
    m_processor = std::make_unique<OutboxProcessor>(m_outbox.get());

    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    QVERIFY(m_settings->setGitHubBaseUrl(m_gitHub.baseUrl()));
    QVERIFY(m_settings->setClickUpBaseUrl(m_clickUp.baseUrl()));
}

void TestSyncSources::cleanup()
{
    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    qunsetenv("UPNEXT_GITHUB_TOKEN");
}

bool TestSyncSources::load(SyncSources &sources)
{
    QSignalSpy loaded(&sources, &SyncSources::loaded);
    sources.load();
    return loaded.wait(10000) && loaded.constFirst().constFirst().toStringList().isEmpty();
}

void TestSyncSources::nothingWithoutTokens()
{
    // Keep the keychain out of it: an empty variable counts as "no token".
    qputenv("UPNEXT_CLICKUP_TOKEN", "");
    qputenv("UPNEXT_GITHUB_TOKEN", "");
    SyncSources sources(m_settings.get(), &m_secrets, m_store.get(), nullptr, m_engine.get(),
                        m_processor.get());
    QVERIFY(load(sources));
    QVERIFY(m_engine->sources().isEmpty());
    QVERIFY(sources.createDestinations().isEmpty());
}

void TestSyncSources::anUnavailableKeychainIsOneClearProblem()
{
    m_secrets.setTimeout(std::chrono::milliseconds(0)); // as a locked keychain: no answer
    SyncSources sources(m_settings.get(), &m_secrets, m_store.get(), nullptr, m_engine.get(),
                        m_processor.get());
    QSignalSpy loaded(&sources, &SyncSources::loaded);
    sources.load();
    QVERIFY(loaded.wait(10000));
    const QStringList problems = loaded.constFirst().constFirst().toStringList();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().contains(QStringLiteral("keychain")) &&
                 problems.constFirst().contains(QStringLiteral("does not sync")) &&
                 problems.constFirst().contains(QStringLiteral("restart UpNext")),
             qPrintable(problems.constFirst()));
    QVERIFY(m_engine->sources().isEmpty());
}

void TestSyncSources::bothSourcesReadAndWrite()
{
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_sources");
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_sources");
    QVERIFY(m_settings->setClickUpListIds({QStringLiteral("901")}));
    QVERIFY(m_settings->setGitHubRepos({QStringLiteral("acme/web")}));
    SyncSources sources(m_settings.get(), &m_secrets, m_store.get(), nullptr, m_engine.get(),
                        m_processor.get());
    QVERIFY(load(sources));
    QCOMPARE(m_engine->sources().size(), 2);
    // The list by name once a sync has seen it, never by its id.
    QList<Destination> expected{
        {Sources::GitHub, QStringLiteral("acme/web"), QStringLiteral("GitHub: acme/web")},
        {Sources::ClickUp, QStringLiteral("901"), QStringLiteral("ClickUp")}};
    QCOMPARE(sources.createDestinations(), expected);

    QSignalSpy synced(m_engine.get(), &SyncEngine::idle);
    m_engine->syncAll();
    QVERIFY(synced.wait(10000));
    QCOMPARE(m_store->openTaskCount(), 2);
    expected[1].label = QStringLiteral("ClickUp: Backlog");
    QCOMPARE(sources.createDestinations(), expected);

    // Both writers are there: a comment on each task reaches its source.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(
        m_outbox->comment(QStringLiteral("clickup:") + m_clickUpTask, QStringLiteral("A"), now));
    QVERIFY(m_outbox->comment(QStringLiteral("github:acme/web#1"), QStringLiteral("B"), now));
    QSignalSpy idle(m_processor.get(), &OutboxProcessor::idle);
    m_processor->start();
    QVERIFY(idle.wait(10000));
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_clickUp.comments(m_clickUpTask).size(), 1);
    QCOMPARE(m_gitHub.comments(QStringLiteral("acme/web"), 1).size(), 1);
}

void TestSyncSources::noDestinationWithoutAPlaceToCreate()
{
    // Tokens but neither lists nor repos named: reading works, creating has nowhere to go.
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_sources");
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_sources");
    SyncSources sources(m_settings.get(), &m_secrets, m_store.get(), nullptr, m_engine.get(),
                        m_processor.get());
    QVERIFY(load(sources));
    QCOMPARE(m_engine->sources().size(), 2);
    QVERIFY(sources.createDestinations().isEmpty());
}

void TestSyncSources::readersAndWritersReadItsClock()
{
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_sources");
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_sources");
    QVERIFY(m_settings->setClickUpListIds({QStringLiteral("901")}));
    Test::ManualClock clock(TestTasks::utc(2100, 1, 1));
    m_engine->setClock(&clock);
    m_processor->setClock(&clock);
    SyncSources sources(m_settings.get(), &m_secrets, m_store.get(), nullptr, m_engine.get(),
                        m_processor.get());
    sources.setClock(&clock);
    QVERIFY(load(sources));

    // The ClickUp reader marks its full listing at the clock's now: the next is a day later.
    QSignalSpy synced(m_engine.get(), &SyncEngine::idle);
    m_engine->syncAll();
    QVERIFY(synced.wait(10000));
    QVERIFY(!ClickUpReader::fullListingDue(*m_engine->state(), clock.now().addSecs(24 * 3600 - 1)));
    QVERIFY(ClickUpReader::fullListingDue(*m_engine->state(), clock.now().addSecs(24 * 3600)));

    // The GitHub writer counts GitHub's "wait a minute" from it.
    m_gitHub.injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                         {SimFault::Kind::Status, 429}, 1);
    QVERIFY(
        m_outbox->comment(QStringLiteral("github:acme/web#1"), QStringLiteral("C"), clock.now()));
    QSignalSpy retrying(m_processor.get(), &OutboxProcessor::retrying);
    m_processor->start();
    QVERIFY(retrying.wait(10000));
    QCOMPARE(retrying.constFirst().at(2).toDateTime(), clock.now().addSecs(60));
    m_processor->stop();
}

QTEST_GUILESS_MAIN(TestSyncSources)
#include "tst_syncsources.moc"
