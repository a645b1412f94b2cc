#include "ReaderRun.h"
#include "SimClient.h"

#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"

#include "core/Entities.h"
#include "core/TaskStore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::Sim;

namespace {

const QString Token = QStringLiteral("ghp_reader");

// /work/shared/tools/github-openapi.sh runs these tests behind a proxy that checks every
// request and answer against GitHub's OpenAPI description: GITHUB_BASE is the proxy,
// UPNEXT_SIM_PORT the port the simulator behind it listens on.
quint16 simPort()
{
    return quint16(qEnvironmentVariableIntValue("UPNEXT_SIM_PORT"));
}

QStringList ids(const QList<Task> &tasks)
{
    QStringList result;
    for (const Task &task : tasks)
        result.append(task.id);
    result.sort();
    return result;
}

} // namespace

class TestGitHubReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsAssignedIssuesAcrossRepos();
    void mapsFields();
    void pullRequestsOnlyWhenEnabled();
    void pagingBoundaries_data();
    void pagingBoundaries();
    void unchangedResyncIsAllNotModified();
    void lostTasksAreReadAgain();
    void closedIssuesAreFound();
    void closedWhileReadingIsFoundNext();
    void unassignedAndDeletedAreNotMine();
    void configuredRepos();
    void renamedRepoMovesItsTasks_data();
    void renamedRepoMovesItsTasks();
    void transferredIssueMovesToItsNewNumber();
    void transferredOutOfSightIsNotMine();
    void reposTakenOutOfTheSettingsLeaveTheList();
    void emptyPageEndsTheListing();
    void nextLinkBackToAReadPageIsNotFollowed();
    void localTasksAreLeftToTheOutbox();
    void waitsOutRateLimitAndResumes();
    void rateLimitBeyondCapIsAnError();
    void faultMidSyncFailsCleanly();
    void rejectedToken();
    void malformedAnswers();
    void badFieldsAreSkippedOrDefaulted();
    void enterpriseBaseUrl();

private:
    ReadResult read(const GitHubReaderOptions &options = {}, SimGitHub *sim = nullptr);
    void addMine(const QString &repo, int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<Entities> m_entities;
    std::unique_ptr<SimGitHub> m_sim;
    QNetworkAccessManager m_manager;
};

void TestGitHubReader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<TaskStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))));
    QFile entities(m_dir->filePath(QStringLiteral("entities.json")));
    QVERIFY(entities.open(QIODevice::WriteOnly));
    entities.write(
        R"([{"id": "acme", "name": "Acme", "revenue": true, "aliases": ["acme-corp"]}])");
    entities.close();
    m_entities = std::make_unique<Entities>();
    QVERIFY(m_entities->load(entities.fileName()));
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen(simPort()) > 0);
    m_sim->addUser(QStringLiteral("me"), Token);
}

void TestGitHubReader::addMine(const QString &repo, int count)
{
    for (int i = 0; i < count; ++i)
        m_sim->addIssue({.repo = repo,
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
}

ReadResult TestGitHubReader::read(const GitHubReaderOptions &options, SimGitHub *sim)
{
    RestClient client(&m_manager, sim ? sim->baseUrl() : throughProxy(m_sim->baseUrl()));
    client.setTimeout(2000);
    GitHubReader::configure(&client, Token.toUtf8());
    SyncState state(m_store.get());
    GitHubReader reader(&client, m_store.get(), &state, m_entities.get(), options);
    return TestSim::runReader(reader, *m_store);
}

void TestGitHubReader::readsAssignedIssuesAcrossRepos()
{
    addMine(QStringLiteral("acme/web"), 2);
    addMine(QStringLiteral("acme/api"), 1);
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Bob's"),
                     .assignees = {QStringLiteral("bob")}});

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
    QCOMPARE(ids(result.tasks),
             QStringList({QStringLiteral("github:acme/api#1"), QStringLiteral("github:acme/web#1"),
                          QStringLiteral("github:acme/web#2")}));
    QCOMPARE(result.state.value(QStringLiteral("login")), QStringLiteral("me"));
}

void TestGitHubReader::mapsFields()
{
    const QDateTime due(QDate(2026, 4, 1), QTime(7, 0), QTimeZone::utc());
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("[CLIENT:acme-corp] Fix login"),
                     .body = QStringLiteral("Steps"),
                     .assignees = {QStringLiteral("bob"), QStringLiteral("me")},
                     .labels = {QStringLiteral("Blocker"), QStringLiteral("in progress")},
                     .milestoneDueOn = due});
    const ReadResult result = read();
    QCOMPARE(result.tasks.size(), 1);
    const Task task = result.tasks.first();
    QCOMPARE(task.id, QStringLiteral("github:acme/web#1"));
    QCOMPARE(task.container, QStringLiteral("acme/web"));
    QCOMPARE(task.title, QStringLiteral("[CLIENT:acme-corp] Fix login"));
    QCOMPARE(task.description, QStringLiteral("Steps"));
    QCOMPARE(task.entity, QStringLiteral("acme"));
    QVERIFY(task.isRevenue);
    QVERIFY(task.isBlocking);
    QCOMPARE(task.status, TaskStatus::InProgress);
    QCOMPARE(task.assignee, QStringLiteral("me"));
    QVERIFY(task.assignedToMe);
    QCOMPARE(task.dueDate, QDate(2026, 4, 1));
    QVERIFY(task.url.endsWith(QStringLiteral("/acme/web/issues/1")));
    QCOMPARE(task.updatedAt, m_sim->issue(QStringLiteral("acme/web"), 1)->updatedAt);
}

void TestGitHubReader::pullRequestsOnlyWhenEnabled()
{
    addMine(QStringLiteral("o/r"), 1);
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("PR"),
                     .assignees = {QStringLiteral("me")},
                     .pullRequest = true});
    QCOMPARE(read().tasks.size(), 1);
    QCOMPARE(read({.includePullRequests = true}).tasks.size(), 2);
}

void TestGitHubReader::pagingBoundaries_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("listRequests");
    // Pages of open issues, plus one listing of recently closed ones when there is anything.
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("1") << 1 << 1 + 1;
    QTest::newRow("100") << 100 << 1 + 1;
    QTest::newRow("101") << 101 << 2 + 1;
    QTest::newRow("250") << 250 << 3 + 1;
}

void TestGitHubReader::pagingBoundaries()
{
    QFETCH(int, count);
    QFETCH(int, listRequests);
    addMine(QStringLiteral("o/r"), count);
    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), count);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /issues")), listRequests);
    QCOMPARE(result.requests, listRequests + 1); // + GET /user
}

void TestGitHubReader::lostTasksAreReadAgain()
{
    addMine(QStringLiteral("o/r"), 3);
    QVERIFY(read().error.isEmpty());
    // The store lost what the remembered pages promised, but kept the response cache.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("upnext.db")));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("DELETE FROM tasks")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    m_sim->requestLog().clear();

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 3);
    QCOMPARE(m_sim->requestLog().countWithStatus(304), 3); // /user, the open page, the closed page
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /issues")),
             3); // the open page again, in full
}

void TestGitHubReader::unchangedResyncIsAllNotModified()
{
    addMine(QStringLiteral("o/r"), 150);
    QVERIFY(read().error.isEmpty());
    m_sim->requestLog().clear();

    const ReadResult again = read();
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QVERIFY(again.tasks.isEmpty()); // nothing changed, nothing to store
    QVERIFY(again.notMine.isEmpty());
    QCOMPARE(m_sim->requestLog().rateLimitCost(), 0);
    QCOMPARE(m_sim->requestLog().countWithStatus(304), m_sim->requestLog().count());
    QVERIFY(m_sim->requestLog().count() >= 3);

    // One change shows up in the next read and costs only what changed.
    m_sim->touch(QStringLiteral("o/r"), 7);
    m_sim->issue(QStringLiteral("o/r"), 7)->title = QStringLiteral("Changed");
    m_sim->requestLog().clear();
    const ReadResult changed = read();
    QVERIFY(changed.error.isEmpty());
    bool found = false;
    for (const Task &task : changed.tasks)
        found = found || (task.id == QStringLiteral("github:o/r#7") &&
                          task.title == QStringLiteral("Changed"));
    QVERIFY(found);
    QVERIFY(m_sim->requestLog().rateLimitCost() >= 1);
    QVERIFY(m_sim->requestLog().rateLimitCost() <= 3);
}

void TestGitHubReader::closedIssuesAreFound()
{
    addMine(QStringLiteral("o/r"), 3);
    QVERIFY(read().error.isEmpty());
    m_sim->closeIssue(QStringLiteral("o/r"), 2, QStringLiteral("bob"));

    const ReadResult result = read();
    QVERIFY(result.error.isEmpty());
    Task closed;
    for (const Task &task : result.tasks) {
        if (task.id == QStringLiteral("github:o/r#2"))
            closed = task;
    }
    QCOMPARE(closed.status, TaskStatus::Done);
    QVERIFY(result.notMine.isEmpty());
    // Found by the "closed since" listing, not by asking for the issue itself.
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             0);
}

void TestGitHubReader::closedWhileReadingIsFoundNext()
{
    const QString a = QStringLiteral("o/a");
    const QString b = QStringLiteral("o/b");
    addMine(a, 2);
    addMine(b, 2);
    const GitHubReaderOptions options{.repos = {a, b}};
    QVERIFY(read(options).error.isEmpty());
    // Open a, open b, closed a: then a#1 is closed (o/a's closed list is read) and b#1 closed
    // and edited after it (o/b's closed list is read next).
    const QString listing = QStringLiteral("GET /repos/{owner}/{repo}/issues");
    m_sim->afterAnswer(listing, 3, [&] {
        m_sim->closeIssue(a, 1, QStringLiteral("bob"));
        m_sim->closeIssue(b, 1, QStringLiteral("bob"));
        m_sim->touch(b, 1);
    });
    ReadResult result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    m_sim->requestLog().clear();

    // The next read's closed listing has it, as for any other close (the check of known open
    // issues would find it anyway, one request each).
    result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    bool found = false;
    for (const Task &task : std::as_const(result.tasks)) {
        if (task.id == QStringLiteral("github:o/a#1"))
            found = task.status == TaskStatus::Done;
    }
    QVERIFY(found);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             0);
}

void TestGitHubReader::unassignedAndDeletedAreNotMine()
{
    addMine(QStringLiteral("o/r"), 3);
    QVERIFY(read().error.isEmpty());
    m_sim->setAssignees(QStringLiteral("o/r"), 1, {QStringLiteral("bob")}, QStringLiteral("bob"));
    m_sim->deleteIssue(QStringLiteral("o/r"), 3, QStringLiteral("bob"));

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QStringList notMine = result.notMine;
    notMine.sort();
    QCOMPARE(notMine,
             QStringList({QStringLiteral("github:o/r#1"), QStringLiteral("github:o/r#3")}));
}

void TestGitHubReader::localTasksAreLeftToTheOutbox()
{
    addMine(QStringLiteral("o/r"), 1);
    Task local;
    local.source = Sources::GitHub;
    local.sourceId = QStringLiteral("o/r#local-1");
    local.id = Task::makeId(local.source, local.sourceId);
    local.container = QStringLiteral("o/r");
    local.title = QStringLiteral("Created here, not confirmed yet");
    QVERIFY(m_store->upsert({local}));
    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.notMine.isEmpty());
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             0);
}

void TestGitHubReader::configuredRepos()
{
    addMine(QStringLiteral("acme/web"), 2);
    addMine(QStringLiteral("acme/api"), 1);
    addMine(QStringLiteral("other/x"), 1);
    const ReadResult result =
        read({.repos = {QStringLiteral("acme/web"), QStringLiteral("acme/api")}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks),
             QStringList({QStringLiteral("github:acme/api#1"), QStringLiteral("github:acme/web#1"),
                          QStringLiteral("github:acme/web#2")}));
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /issues")), 0);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues")),
             2 * 2); // open + closed
}

void TestGitHubReader::renamedRepoMovesItsTasks_data()
{
    QTest::addColumn<QStringList>("repos");
    QTest::newRow("every repo") << QStringList();
    QTest::newRow("configured by its old name") << QStringList{QStringLiteral("acme/old")};
}

void TestGitHubReader::renamedRepoMovesItsTasks()
{
    QFETCH(QStringList, repos);
    addMine(QStringLiteral("acme/old"), 2);
    QVERIFY(read({.repos = repos}).error.isEmpty());
    m_sim->renameRepo(QStringLiteral("acme/old"), QStringLiteral("acme/new"));

    const ReadResult result = read({.repos = repos});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    // Listed and asked for, the issues are where GitHub's redirects lead: under the new name.
    QCOMPARE(ids(result.tasks), QStringList({QStringLiteral("github:acme/new#1"),
                                             QStringLiteral("github:acme/new#2")}));
    for (const Task &task : result.tasks)
        QCOMPARE(task.container, QStringLiteral("acme/new"));
    QCOMPARE(result.moved,
             (QHash<QString, QString>{
                 {QStringLiteral("github:acme/old#1"), QStringLiteral("github:acme/new#1")},
                 {QStringLiteral("github:acme/old#2"), QStringLiteral("github:acme/new#2")}}));
    QVERIFY(result.notMine.isEmpty());

    // Moved in the store, the tasks stay the user's, read under their new name.
    QVERIFY(!m_store->task(QStringLiteral("github:acme/old#1")));
    QCOMPARE(m_store->openTaskCount(), 2);
    m_sim->requestLog().clear();
    const ReadResult again = read({.repos = repos});
    QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
    QVERIFY(again.moved.isEmpty());
    QVERIFY(again.notMine.isEmpty());
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             0);
}

void TestGitHubReader::transferredIssueMovesToItsNewNumber()
{
    addMine(QStringLiteral("acme/web"), 2);
    addMine(QStringLiteral("acme/api"), 1);
    QVERIFY(read().error.isEmpty());
    const int number = m_sim->transferIssue(QStringLiteral("acme/web"), 1,
                                            QStringLiteral("acme/api"), QStringLiteral("bob"));
    QCOMPARE(number, 2);

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.moved, (QHash<QString, QString>{{QStringLiteral("github:acme/web#1"),
                                                     QStringLiteral("github:acme/api#2")}}));
    QVERIFY(result.notMine.isEmpty());
    // Its old number is acme/api#1's too, its new one acme/web#2's: neither is touched.
    for (const Task &task : result.tasks) {
        QVERIFY(task.id != QStringLiteral("github:acme/web#1"));
        if (task.id == QStringLiteral("github:acme/web#2"))
            QCOMPARE(task.title, QStringLiteral("Issue 1"));
    }
    QCOMPARE(m_store->task(QStringLiteral("github:acme/web#2"))->title, QStringLiteral("Issue 1"));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/api#1"))->title, QStringLiteral("Issue 0"));
    QCOMPARE(m_store->task(QStringLiteral("github:acme/api#2"))->title, QStringLiteral("Issue 0"));
    QVERIFY(!m_store->task(QStringLiteral("github:acme/web#1")));
    QCOMPARE(m_store->openTaskCount(), 3);
}

void TestGitHubReader::transferredOutOfSightIsNotMine()
{
    // Only acme/web is read: an issue transferred to another repo leaves the list.
    addMine(QStringLiteral("acme/web"), 2);
    const GitHubReaderOptions options{.repos = {QStringLiteral("acme/web")}};
    QVERIFY(read(options).error.isEmpty());
    m_sim->transferIssue(QStringLiteral("acme/web"), 2, QStringLiteral("acme/elsewhere"),
                         QStringLiteral("bob"));

    const ReadResult result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.moved.isEmpty());
    QCOMPARE(result.notMine, QStringList{QStringLiteral("github:acme/web#2")});
    for (const Task &task : result.tasks)
        QCOMPARE(task.container, QStringLiteral("acme/web"));
}

void TestGitHubReader::reposTakenOutOfTheSettingsLeaveTheList()
{
    addMine(QStringLiteral("acme/web"), 1);
    addMine(QStringLiteral("acme/gone"), 2);
    QVERIFY(
        read({.repos = {QStringLiteral("acme/web"), QStringLiteral("acme/gone")}}).error.isEmpty());
    QCOMPARE(m_store->openTaskCount(), 3);
    m_sim->requestLog().clear();

    const ReadResult result = read({.repos = {QStringLiteral("acme/web")}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QStringList notMine = result.notMine;
    notMine.sort();
    QCOMPARE(notMine, QStringList({QStringLiteral("github:acme/gone#1"),
                                   QStringLiteral("github:acme/gone#2")}));
    // Known without asking: the repo is simply no longer read.
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries())
        QVERIFY2(!entry.target.contains(QStringLiteral("acme/gone")), qPrintable(entry.target));
}

void TestGitHubReader::emptyPageEndsTheListing()
{
    addMine(QStringLiteral("o/r"), 100);
    // Past the last page, empty pages that still point to a next one, for ever.
    m_sim->setAnswerHook([this](const SimRequest &request, SimResponse &response) {
        if (request.endpoint != QStringLiteral("GET /issues") || response.status != 200)
            return;
        const int page = request.queryValue(QStringLiteral("page"), QStringLiteral("1")).toInt();
        if (page > 1)
            response.body = "[]";
        QUrl next = m_sim->baseUrl();
        next.setPath(request.url.path());
        QUrlQuery query(request.url);
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(page + 1));
        next.setQuery(query);
        if (page < 40) // a bound, so that a reader that follows them still ends
            response.setHeader("Link", "<" + next.toEncoded() + ">; rel=\"next\"");
    });

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 100);
    int pages = 0;
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries())
        pages += entry.target.contains(QStringLiteral("state=open")) ? 1 : 0;
    QCOMPARE(pages, 2); // the full one and the first empty one
}

void TestGitHubReader::nextLinkBackToAReadPageIsNotFollowed()
{
    addMine(QStringLiteral("o/r"), 150);
    // The second page points back to the first one.
    QUrl first;
    int loops = 0;
    m_sim->setAnswerHook([this, &first, &loops](const SimRequest &request, SimResponse &response) {
        if (request.endpoint != QStringLiteral("GET /issues") ||
            request.queryValue(QStringLiteral("state")) != QStringLiteral("open"))
            return;
        if (request.queryValue(QStringLiteral("page")).isEmpty()) {
            first = m_sim->baseUrl();
            first.setPath(request.url.path());
            first.setQuery(request.url.query());
        } else if (++loops < 20) // a bound, so that a reader that follows it still ends
            response.setHeader("Link", "<" + first.toEncoded() + ">; rel=\"next\"");
    });

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 150);
    QStringList targets;
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries()) {
        if (entry.target.contains(QStringLiteral("state=open")))
            targets.append(entry.target);
    }
    QCOMPARE(targets.size(), 2);
}

void TestGitHubReader::waitsOutRateLimitAndResumes()
{
    addMine(QStringLiteral("o/r"), 250);
    m_sim->setRateLimit(2, 1); // /user and page 1, then each page waits for the next window

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 250);
    QVERIFY(m_sim->requestLog().countWithStatus(403) >= 1);
    // Every page was answered with data once: none lost, none read twice.
    QStringList answered;
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries()) {
        if (entry.endpoint == QStringLiteral("GET /issues") && entry.status == 200)
            answered.append(entry.target);
    }
    QCOMPARE(answered.size(), 3 + 1); // three pages of open issues, one of closed ones
    QCOMPARE(QSet<QString>(answered.cbegin(), answered.cend()).size(), answered.size());
}

void TestGitHubReader::rateLimitBeyondCapIsAnError()
{
    addMine(QStringLiteral("o/r"), 1);
    m_sim->setRateLimit(1, 3600);
    const ReadResult result = read();
    QVERIFY(!result.complete);
    QVERIFY2(result.error.startsWith(QStringLiteral("GitHub rate limit reached; try again after ")),
             qPrintable(result.error));
}

void TestGitHubReader::faultMidSyncFailsCleanly()
{
    addMine(QStringLiteral("o/r"), 150);
    m_sim->injectFault(QStringLiteral("GET /issues"), {SimFault::Kind::Status, 500}, 1);
    // Page 1 fails: the read stops with the source's message and nothing half-done is claimed.
    ReadResult result = read();
    QVERIFY(!result.complete);
    QVERIFY2(result.error.startsWith(QStringLiteral("GitHub error: 500")),
             qPrintable(result.error));
    QVERIFY(result.notMine.isEmpty());

    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 150);

    m_sim->injectFault(QStringLiteral("GET /issues"), {SimFault::Kind::Reset}, 2);
    result = read();
    QVERIFY2(result.error.startsWith(QStringLiteral("Connection error: ")),
             qPrintable(result.error));
    m_sim->injectFault(QStringLiteral("GET /issues"), {SimFault::Kind::Delay, 0, 5000}, 1);
    result = read();
    QVERIFY2(result.error.startsWith(QStringLiteral("Connection error: ")),
             qPrintable(result.error));
    QVERIFY(read().error.isEmpty());
}

void TestGitHubReader::rejectedToken()
{
    SimGitHub other;
    QVERIFY(other.listen() > 0);
    other.addUser(QStringLiteral("me"), QStringLiteral("another-token"));
    const ReadResult result = read({}, &other);
    QCOMPARE(result.error, QStringLiteral("GitHub error: 401 (Bad credentials)"));
    QVERIFY(result.tasks.isEmpty());
}

void TestGitHubReader::malformedAnswers()
{
    addMine(QStringLiteral("o/r"), 2);
    m_sim->injectFault(QStringLiteral("GET /issues"), {SimFault::Kind::Truncated}, 1);
    ReadResult result = read();
    QVERIFY2(result.error.contains(QStringLiteral("not a JSON list")), qPrintable(result.error));
    m_sim->injectFault(QStringLiteral("GET /issues"), {SimFault::Kind::Malformed}, 1);
    result = read();
    QVERIFY2(result.error.contains(QStringLiteral("not a JSON list")), qPrintable(result.error));
    QCOMPARE(read().tasks.size(), 2);
}

void TestGitHubReader::badFieldsAreSkippedOrDefaulted()
{
    addMine(QStringLiteral("o/r"), 1);
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QString(5000, QLatin1Char('x')),
                     .body = QString(300 * 1024, QLatin1Char('y')),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("   "),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Odd state"),
                     .state = QStringLiteral("merged"),
                     .assignees = {QStringLiteral("me")}});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("very long title")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("very long description")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has no title")));
    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 3); // "merged" is not a state /issues?state=open returns
    for (const Task &task : result.tasks) {
        QVERIFY(task.title.size() <= 1024);
        QVERIFY(task.description.size() <= 256 * 1024);
        QVERIFY(!task.title.trimmed().isEmpty());
    }
    QCOMPARE(result.warnings.size(), 3);
}

void TestGitHubReader::enterpriseBaseUrl()
{
    SimGitHub enterprise(QStringLiteral("/api/v3"));
    QVERIFY(enterprise.listen() > 0);
    enterprise.addUser(QStringLiteral("me"), Token);
    enterprise.addIssue({.repo = QStringLiteral("corp/app"),
                         .title = QStringLiteral("On GHE"),
                         .assignees = {QStringLiteral("me")}});
    const ReadResult result = read({}, &enterprise);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), QStringList{QStringLiteral("github:corp/app#1")});
}

QTEST_GUILESS_MAIN(TestGitHubReader)
#include "tst_githubreader.moc"
