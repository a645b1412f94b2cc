#include "ManualClock.h"
#include "ReaderRun.h"
#include "TestTasks.h"

#include "sim/SimClickUp.h"
#include "sources/ClickUpReader.h"

#include "core/Entities.h"
#include "core/TaskStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace UpNext;
using namespace UpNext::Sim;

namespace {

const qint64 Me = 101;
const qint64 Bob = 102;
const QString Token = QStringLiteral("pk_101_READER");
const QString ListA = QStringLiteral("901");
const QString ListB = QStringLiteral("902");
const QString ListEndpoint = QStringLiteral("GET /list/{list_id}/task");
const QString TeamEndpoint = QStringLiteral("GET /team/{team_id}/task");
const QString TaskEndpoint = QStringLiteral("GET /task/{task_id}");

QStringList ids(const QList<Task> &tasks)
{
    QStringList result;
    for (const Task &task : tasks)
        result.append(task.id);
    result.sort();
    return result;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

std::optional<Task> find(const QList<Task> &tasks, const QString &id)
{
    for (const Task &task : tasks) {
        if (task.id == id)
            return task;
    }
    return std::nullopt;
}

QString clickUpId(const QString &simId)
{
    return Task::makeId(Sources::ClickUp, simId);
}

// A ClickUp stand-in that answers list pages with whatever a test puts in `page`, for answers
// the simulator never gives (wrong types, missing fields). /user needs the bare token.
class CannedClickUp final : public SimServer
{
public:
    CannedClickUp()
    {
        using Method = QHttpServerRequest::Method;
        addRoute(Method::Get, QStringLiteral("/user"), [](const SimRequest &) {
            return SimResponse::json(
                200, QJsonObject{{QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), Me},
                                                                      {QStringLiteral("username"),
                                                                       QStringLiteral("me")}}}});
        });
        addRoute(Method::Get, QStringLiteral("/list/{list_id}/task"), [this](const SimRequest &) {
            SimResponse response;
            response.body = page;
            response.setHeader("Content-Type", "application/json");
            return response;
        });
        // What real ClickUp answers for a task id that does not exist.
        addRoute(Method::Get, QStringLiteral("/task/{task_id}"), [](const SimRequest &) {
            return SimResponse::json(
                401, QJsonObject{{QStringLiteral("err"), QStringLiteral("Team not authorized")},
                                 {QStringLiteral("ECODE"), QStringLiteral("OAUTH_027")}});
        });
    }

    QByteArray page;

protected:
    std::optional<SimResponse> admit(const SimRequest &request) override
    {
        if (request.header("Authorization") != Token.toUtf8())
            return errorResponse(401, QStringLiteral("Token invalid"));
        return std::nullopt;
    }
    int finish(const SimRequest &, SimResponse &) override { return 1; }
    SimResponse errorResponse(int status, const QString &message) const override
    {
        return SimResponse::json(
            status, QJsonObject{{QStringLiteral("err"), message},
                                {QStringLiteral("ECODE"), QStringLiteral("TEST_001")}});
    }
};

} // namespace

class TestClickUpReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsAssignedTasksAcrossLists();
    void mapsFields();
    void teamMode();
    void needsListsOrWorkspace();
    void pagingBoundaries_data();
    void pagingBoundaries();
    void unchangedIncrementalReadIsOneRequestPerList();
    void teammateCompletionIsFound();
    void unassignmentIsNotMine();
    void newlyAssignedTaskIsFound();
    void fullListingChecksMissingTasks();
    void tasksToRecheckAreReadOneByOne();
    void taskMovedOutOfListsReadLeaves();
    void tasksOfARemovedListLeave();
    void changeWhileReadingListsIsSeenNext();
    void changeWhilePagingIsSeenNext();
    void listedAgainIsNewsWhenTheStoreDiffers();
    void changeDuringRateLimitWaitIsSeenNext();
    void fullListingIsDueDaily();
    void waitsOutRateLimitAndResumes();
    void rateLimitWaitIsCountedFromTheClock();
    void rateLimitBeyondCapIsAnError();
    void faultMidReadFailsCleanly();
    void rejectedToken();
    void malformedAnswers();
    void badFieldsAreDefaulted();
    void badFieldTypesAreDefaulted();

private:
    static ClickUpReaderOptions bothLists() { return {.listIds = {ListA, ListB}}; }
    ReadResult read(const ClickUpReaderOptions &options = bothLists(), SimServer *sim = nullptr);
    QStringList addMine(const QString &listId, int count, qint64 created = 0);
    QStringList answeredPages() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<Entities> m_entities;
    std::unique_ptr<SimClickUp> m_sim;
    QNetworkAccessManager m_manager;
    Test::ManualClock m_clock;
    const Clock *m_readerClock = nullptr; // the system clock, or m_clock where a test sets it
};

void TestClickUpReader::init()
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
    m_sim = std::make_unique<SimClickUp>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(Me, QStringLiteral("me"), QStringLiteral("me@example.com"), Token);
    m_sim->addUser(Bob, QStringLiteral("bob"), QStringLiteral("bob@example.com"));
    m_sim->addList(ListA, QStringLiteral("Backlog"));
    m_sim->addList(ListB, QStringLiteral("Sprint"));
    m_clock.set(TestTasks::utc(2026, 3, 10, 9));
    // The simulator's rate-limit resets are wall-clock times: reads wait them out on it.
    m_readerClock = Clock::system();
}

QStringList TestClickUpReader::addMine(const QString &listId, int count, qint64 created)
{
    QStringList added;
    for (int i = 0; i < count; ++i)
        added.append(m_sim->addTask({.name = QStringLiteral("Task %1").arg(i),
                                     .listId = listId,
                                     .assignees = {Me},
                                     .dateCreated = created}));
    return added;
}

// Targets of the list pages answered with data, in order.
QStringList TestClickUpReader::answeredPages() const
{
    QStringList answered;
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries()) {
        if (entry.endpoint == ListEndpoint && entry.status == 200)
            answered.append(entry.target);
    }
    return answered;
}

ReadResult TestClickUpReader::read(const ClickUpReaderOptions &options, SimServer *sim)
{
    sim = sim ? sim : m_sim.get();
    RestClient client(&m_manager, sim->baseUrl());
    client.setTimeout(2000);
    ClickUpReader::configure(&client, Token.toUtf8());
    SyncState state(m_store.get());
    ClickUpReader reader(&client, m_store.get(), &state, m_entities.get(), options);
    reader.setClock(m_readerClock);
    return TestSim::runReader(reader, *m_store);
}

void TestClickUpReader::readsAssignedTasksAcrossLists()
{
    QStringList mine = addMine(ListA, 2) + addMine(ListB, 1);
    m_sim->addTask({.name = QStringLiteral("Bob's"), .listId = ListA, .assignees = {Bob}});
    m_sim->addTask({.name = QStringLiteral("Nobody's"), .listId = ListB});
    m_sim->addTask(
        {.name = QStringLiteral("Elsewhere"), .listId = QStringLiteral("903"), .assignees = {Me}});

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
    QCOMPARE(result.source, Sources::ClickUp);
    for (QString &id : mine)
        id = clickUpId(id);
    QCOMPARE(ids(result.tasks), sorted(mine));
    QVERIFY(result.notMine.isEmpty());
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(result.state.value(QStringLiteral("userId")), QString::number(Me));
    // The lists' names, so the window names them: those of the tasks read.
    QCOMPARE(result.containerNames, (QHash<QString, QString>{{ListA, QStringLiteral("Backlog")},
                                                             {ListB, QStringLiteral("Sprint")}}));
    qint64 newest = 0;
    for (const Task &task : result.tasks)
        newest = std::max(newest, task.updatedAt.toMSecsSinceEpoch());
    // The newest change seen, or the read's start by the service's clock (a second's
    // precision) when that is earlier: changes made while reading are asked for again.
    const qint64 highWater = result.state.value(QStringLiteral("highWater")).toLongLong();
    QVERIFY(highWater <= newest);
    QVERIFY(highWater > newest - 1000);
    QCOMPARE(m_sim->requestLog().count(ListEndpoint), 2);
    QCOMPARE(result.requests, 1 + 2);

    // A full listing asks for the user's open tasks, subtasks included.
    for (const QString &target : answeredPages()) {
        QVERIFY2(target.contains(QStringLiteral("include_closed=false")), qPrintable(target));
        QVERIFY2(target.contains(QStringLiteral("subtasks=true")), qPrintable(target));
        QVERIFY2(target.contains(QStringLiteral("=%1").arg(Me)), qPrintable(target));
        QVERIFY2(!target.contains(QStringLiteral("date_updated_gt")), qPrintable(target));
    }
}

void TestClickUpReader::mapsFields()
{
    const QString list = QStringLiteral("903");
    m_sim->addList(list, QStringLiteral("Custom"),
                   {{QStringLiteral("to do"), QStringLiteral("open"), {}},
                    {QStringLiteral("Doing"), QStringLiteral("custom"), {}},
                    {QStringLiteral("review"), QStringLiteral("custom"), {}},
                    {QStringLiteral("shipped"), QStringLiteral("done"), {}},
                    {QStringLiteral("complete"), QStringLiteral("closed"), {}}});
    const QDateTime due(QDate(2026, 4, 1), QTime(12, 0), QTimeZone::utc());
    const QString doing =
        m_sim->addTask({.name = QStringLiteral("Fix login"),
                        .description = QStringLiteral("Steps"),
                        .status = QStringLiteral("Doing"),
                        .listId = list,
                        .assignees = {Bob, Me},
                        .tags = {QStringLiteral("urgent-ish"), QStringLiteral("client:ACME-CORP")},
                        .dueDate = due,
                        .priority = 2});
    const QString review = m_sim->addTask({.name = QStringLiteral("Review"),
                                           .status = QStringLiteral("review"),
                                           .listId = list,
                                           .assignees = {Me},
                                           .tags = {QStringLiteral("client:other")}});
    const QString toDone = m_sim->addTask(
        {.name = QStringLiteral("Ship it"), .listId = list, .assignees = {Me}, .priority = 4});
    const QString toClosed = m_sim->addTask(
        {.name = QStringLiteral("Close it"), .listId = list, .assignees = {Me}, .priority = 1});

    ClickUpReaderOptions options{.listIds = {list},
                                 .inProgressStatuses = {QStringLiteral("DOING")}};
    ReadResult result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 4);

    const Task task = *find(result.tasks, clickUpId(doing));
    QCOMPARE(task.source, Sources::ClickUp);
    QCOMPARE(task.sourceId, doing);
    QCOMPARE(task.container, list);
    QCOMPARE(task.title, QStringLiteral("Fix login"));
    QCOMPARE(task.description, QStringLiteral("Steps"));
    QCOMPARE(task.status, TaskStatus::InProgress);
    QVERIFY(task.assignedToMe);
    QCOMPARE(task.assignee, QStringLiteral("me"));
    QCOMPARE(task.entity, QStringLiteral("acme"));
    QVERIFY(task.isRevenue);
    QCOMPARE(task.sourcePriority, 2);
    QCOMPARE(task.dueDate, due.toLocalTime().date());
    QCOMPARE(task.url, m_sim->SimServer::baseUrl().toString() + QStringLiteral("/t/") + doing);
    const QDateTime updated =
        QDateTime::fromMSecsSinceEpoch(m_sim->task(doing)->dateUpdated, QTimeZone::utc());
    QCOMPARE(task.updatedAt, updated);
    QCOMPARE(task.lastActivity, updated);

    const Task other = *find(result.tasks, clickUpId(review));
    QCOMPARE(other.status, TaskStatus::Todo); // a custom status that is not "in progress"
    QCOMPARE(other.entity, QStringLiteral("other"));
    QVERIFY(!other.isRevenue);
    QCOMPARE(other.sourcePriority, 0);
    QVERIFY(!other.dueDate.isValid());
    QCOMPARE(find(result.tasks, clickUpId(toDone))->status, TaskStatus::Todo);
    QCOMPARE(find(result.tasks, clickUpId(toDone))->sourcePriority, 4);
    QCOMPARE(find(result.tasks, clickUpId(toClosed))->sourcePriority, 1);

    // Both closed status types mean done.
    QVERIFY(m_sim->setStatus(toDone, QStringLiteral("shipped"), Bob));
    QVERIFY(m_sim->setStatus(toClosed, QStringLiteral("complete"), Bob));
    result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted({clickUpId(toDone), clickUpId(toClosed)}));
    for (const Task &closed : std::as_const(result.tasks))
        QCOMPARE(closed.status, TaskStatus::Done);
}

void TestClickUpReader::teamMode()
{
    const QStringList raw = addMine(ListA, 2) + addMine(ListB, 2);
    m_sim->addTask({.name = QStringLiteral("Bob's"), .listId = ListB, .assignees = {Bob}});
    QStringList mine;
    for (const QString &id : raw)
        mine.append(clickUpId(id));

    const ClickUpReaderOptions options{.teamId = m_sim->teamId()};
    ReadResult result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted(mine));
    QCOMPARE(m_sim->requestLog().count(TeamEndpoint), 1);
    QCOMPARE(m_sim->requestLog().count(ListEndpoint), 0);
    QCOMPARE(find(result.tasks, mine.first())->container, ListA);
    QCOMPARE(find(result.tasks, mine.last())->container, ListB);

    // Incremental across the workspace: one request, and a teammate's completion shows up.
    QVERIFY(m_sim->setStatus(raw.first(), QStringLiteral("complete"), Bob));
    m_sim->requestLog().clear();
    result = read(options);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), QStringList{mine.first()});
    QCOMPARE(result.tasks.first().status, TaskStatus::Done);
    QCOMPARE(m_sim->requestLog().count(TeamEndpoint), 1);

    result = read({.teamId = QStringLiteral("123")});
    QCOMPARE(result.error, QStringLiteral("ClickUp error: 401 (Team not authorized)"));
    QVERIFY(!result.complete);
}

void TestClickUpReader::needsListsOrWorkspace()
{
    const ReadResult result = read({.listIds = {QStringLiteral(" ")}});
    QCOMPARE(result.error, QStringLiteral("ClickUp: no lists or workspace configured"));
    QVERIFY(!result.complete);
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestClickUpReader::pagingBoundaries_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("pages");
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("100") << 100 << 1;
    QTest::newRow("101") << 101 << 2;
    QTest::newRow("250") << 250 << 3;
}

void TestClickUpReader::pagingBoundaries()
{
    QFETCH(int, count);
    QFETCH(int, pages);
    addMine(ListA, count);
    const ReadResult result = read({.listIds = {ListA}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), count);
    const QStringList found = ids(result.tasks);
    QCOMPARE(QSet<QString>(found.cbegin(), found.cend()).size(), count);
    QCOMPARE(m_sim->requestLog().count(ListEndpoint), pages);
    QCOMPARE(result.requests, pages + 1); // + GET /user
    const QStringList answered = answeredPages();
    for (int page = 0; page < pages; ++page)
        QVERIFY2(answered.at(page).contains(QStringLiteral("page=%1&").arg(page)),
                 qPrintable(answered.at(page)));
}

void TestClickUpReader::unchangedIncrementalReadIsOneRequestPerList()
{
    // Made well before the reads, so the first read leaves off at the newest of them.
    const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    addMine(ListA, 120, anHourAgo);
    addMine(ListB, 3, anHourAgo);
    ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    const QString highWater =
        SyncState(m_store.get()).value(Sources::ClickUp, QStringLiteral("highWater"));
    QVERIFY(!highWater.isEmpty());
    m_sim->requestLog().clear();

    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
    QVERIFY(result.tasks.isEmpty());
    QVERIFY(result.notMine.isEmpty());
    // One page per list, and one across the workspace for tasks moved out of them.
    QCOMPARE(result.requests, 1 + 2 + 1);
    QCOMPARE(m_sim->requestLog().count(), 1 + 2 + 1);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /user")), 1);
    QCOMPARE(m_sim->requestLog().count(ListEndpoint), 2);
    QCOMPARE(m_sim->requestLog().count(TeamEndpoint), 1);
    QCOMPARE(result.state.value(QStringLiteral("highWater")), highWater);
    // Everything changed since the mark, closed or not, whoever it belongs to.
    for (const QString &target : answeredPages()) {
        QVERIFY2(target.contains(QStringLiteral("date_updated_gt=") + highWater),
                 qPrintable(target));
        QVERIFY2(target.contains(QStringLiteral("include_closed=true")), qPrintable(target));
        QVERIFY2(!target.contains(QStringLiteral("assignees")), qPrintable(target));
    }
}

void TestClickUpReader::teammateCompletionIsFound()
{
    const QStringList mine = addMine(ListA, 3);
    QVERIFY(read().error.isEmpty());
    QVERIFY(m_sim->setStatus(mine.at(1), QStringLiteral("complete"), Bob));

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), QStringList{clickUpId(mine.at(1))});
    QCOMPARE(result.tasks.first().status, TaskStatus::Done);
    QVERIFY(result.notMine.isEmpty());
    const qint64 highWater = result.state.value(QStringLiteral("highWater")).toLongLong();
    QVERIFY(highWater <= m_sim->task(mine.at(1))->dateUpdated);
    QVERIFY(highWater > m_sim->task(mine.at(1))->dateUpdated - 1000);
    QCOMPARE(m_sim->requestLog().count(TaskEndpoint), 0);
}

void TestClickUpReader::unassignmentIsNotMine()
{
    const QStringList mine = addMine(ListA, 3);
    const QString bobs =
        m_sim->addTask({.name = QStringLiteral("Bob's"), .listId = ListB, .assignees = {Bob}});
    QVERIFY(read().error.isEmpty());
    QVERIFY(m_sim->setAssignees(mine.at(0), {Bob}, Bob));
    QVERIFY(m_sim->setAssignees(mine.at(2), {}, Bob));
    QVERIFY(m_sim->touch(bobs, Bob)); // a change that is none of the user's business

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.tasks.isEmpty());
    QCOMPARE(sorted(result.notMine), sorted({clickUpId(mine.at(0)), clickUpId(mine.at(2))}));
}

void TestClickUpReader::newlyAssignedTaskIsFound()
{
    addMine(ListA, 2);
    const QString bobs =
        m_sim->addTask({.name = QStringLiteral("Bob's"), .listId = ListA, .assignees = {Bob}});
    QVERIFY(read().error.isEmpty());
    const QString created = addMine(ListB, 1).first();
    QVERIFY(m_sim->setAssignees(bobs, {Bob, Me}, Bob));

    const ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted({clickUpId(created), clickUpId(bobs)}));
    QCOMPARE(find(result.tasks, clickUpId(bobs))->assignee, QStringLiteral("me"));
    QVERIFY(result.notMine.isEmpty());
}

void TestClickUpReader::fullListingChecksMissingTasks()
{
    const QStringList mine = addMine(ListA, 4);
    QVERIFY(read().error.isEmpty());
    QVERIFY(m_sim->setStatus(mine.at(0), QStringLiteral("complete"), Bob));
    QVERIFY(m_sim->setAssignees(mine.at(1), {Bob}, Bob));
    // Tasks the simulator never had, as if deleted: one in a list that is read, one elsewhere.
    Task gone;
    gone.source = Sources::ClickUp;
    gone.sourceId = QStringLiteral("86gone42");
    gone.id = clickUpId(gone.sourceId);
    gone.container = ListB;
    gone.title = QStringLiteral("Deleted");
    Task elsewhere = gone;
    elsewhere.sourceId = QStringLiteral("86else42");
    elsewhere.id = clickUpId(elsewhere.sourceId);
    elsewhere.container = QStringLiteral("999");
    QVERIFY(m_store->upsert({gone, elsewhere}));
    m_sim->requestLog().clear();

    const ReadResult result = read({.listIds = {ListA, ListB}, .fullListing = true});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
    // The one outside the lists read leaves too: nothing would ever update it.
    QCOMPARE(sorted(result.notMine), sorted({clickUpId(mine.at(1)), gone.id, elsewhere.id}));
    QCOMPARE(ids(result.tasks),
             sorted({clickUpId(mine.at(0)), clickUpId(mine.at(2)), clickUpId(mine.at(3))}));
    QCOMPARE(find(result.tasks, clickUpId(mine.at(0)))->status, TaskStatus::Done);
    // Asked about the three that were not listed; not about the one outside the lists read.
    QCOMPARE(m_sim->requestLog().count(TaskEndpoint), 3);
    for (const QString &target : answeredPages())
        QVERIFY2(target.contains(QStringLiteral("include_closed=false")), qPrintable(target));
}

void TestClickUpReader::tasksToRecheckAreReadOneByOne()
{
    const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const QStringList mine = addMine(ListA, 3, anHourAgo);
    QVERIFY(read().error.isEmpty());
    // A merge held back the source's state of two tasks (one since deleted), which no
    // incremental listing shows again; the third changed since the last read.
    SyncState state(m_store.get());
    const QStringList recheck{clickUpId(mine.at(0)), clickUpId(QStringLiteral("86gone42"))};
    QVERIFY(state.setRecheck(Sources::ClickUp, recheck));
    QVERIFY(m_sim->touch(mine.at(2), Bob));
    m_sim->requestLog().clear();

    ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted({clickUpId(mine.at(0)), clickUpId(mine.at(2))}));
    QCOMPARE(result.notMine, QStringList{clickUpId(QStringLiteral("86gone42"))});
    QCOMPARE(result.rechecked, recheck);
    QCOMPARE(m_sim->requestLog().count(TaskEndpoint), 2);

    // A read that fails reports none of them: they are read again next time.
    m_sim->injectFault(TaskEndpoint, {SimFault::Kind::Status, 500}, 1);
    result = read();
    QVERIFY(!result.error.isEmpty());
    QVERIFY(result.rechecked.isEmpty());
}

void TestClickUpReader::taskMovedOutOfListsReadLeaves()
{
    const QString listC = QStringLiteral("903");
    m_sim->addList(listC, QStringLiteral("Someone else's"));
    const QStringList a = addMine(ListA, 3);
    QVERIFY(read().error.isEmpty());
    QVERIFY(m_sim->moveTask(a.at(0), listC, Bob)); // out of the lists read
    QVERIFY(m_sim->moveTask(a.at(1), ListB, Bob)); // into another list read
    m_sim->requestLog().clear();

    ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
    QCOMPARE(result.notMine, QStringList{clickUpId(a.at(0))});
    QCOMPARE(ids(result.tasks), QStringList{clickUpId(a.at(1))});
    QCOMPARE(result.tasks.first().container, ListB);
    // One request more than the lists: the user's changes across the workspace (its id comes
    // with every task), not one request per known task.
    QCOMPARE(result.requests, 1 + 2 + 1);
    QCOMPARE(m_sim->requestLog().count(TeamEndpoint), 1);
    QCOMPARE(m_sim->requestLog().count(TaskEndpoint), 0);
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries()) {
        if (entry.endpoint == TeamEndpoint) {
            QVERIFY2(entry.target.contains(QStringLiteral("/team/%1/task").arg(m_sim->teamId())),
                     qPrintable(entry.target));
            QVERIFY2(entry.target.contains(QStringLiteral("=%1").arg(Me)),
                     qPrintable(entry.target));
            QVERIFY2(entry.target.contains(QStringLiteral("date_updated_gt=")),
                     qPrintable(entry.target));
        }
    }

    // A workspace the token may not read only costs the check, not the read.
    QVERIFY(m_sim->moveTask(a.at(2), listC, Bob));
    result = read({.listIds = {ListA, ListB}, .teamId = QStringLiteral("123")});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.notMine.isEmpty());
}

void TestClickUpReader::tasksOfARemovedListLeave()
{
    const QStringList a = addMine(ListA, 2);
    const QStringList b = addMine(ListB, 2);
    QVERIFY(read().error.isEmpty());
    m_sim->requestLog().clear();

    // List B is no longer read: its open tasks are no longer the user's, without asking.
    ReadResult result = read({.listIds = {ListA}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.tasks.isEmpty());
    QCOMPARE(sorted(result.notMine), sorted({clickUpId(b.at(0)), clickUpId(b.at(1))}));
    QCOMPARE(m_sim->requestLog().count(TaskEndpoint), 0);
    for (const QString &id : std::as_const(result.notMine)) {
        Task task = *m_store->task(id);
        task.assignedToMe = false; // as the sync engine keeps it
        QVERIFY(m_store->upsert({task}));
    }
    result = read({.listIds = {ListA}});
    QVERIFY(result.notMine.isEmpty());

    // Read again, its tasks are listed in full: they are the user's again.
    m_sim->requestLog().clear();
    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted({clickUpId(a.at(0)), clickUpId(a.at(1)), clickUpId(b.at(0)),
                                        clickUpId(b.at(1))}));
    for (const QString &target : answeredPages())
        QVERIFY2(target.contains(QStringLiteral("include_closed=false")), qPrintable(target));
}

void TestClickUpReader::changeWhileReadingListsIsSeenNext()
{
    // Made well before the reads: only what changes after the first read is listed again.
    const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const QStringList a = addMine(ListA, 2, anHourAgo);
    const QStringList b = addMine(ListB, 2, anHourAgo);
    QVERIFY(read().error.isEmpty());
    QVERIFY(m_sim->touch(b.at(1), Bob));
    // While the next read is between its lists: Bob takes over a task of list A (already read;
    // the workspace query lists only the user's tasks), then edits one of list B (read next).
    m_sim->afterAnswer(ListEndpoint, 1, [&] {
        QVERIFY(m_sim->setAssignees(a.at(0), {Bob}, Bob));
        QVERIFY(m_sim->touch(b.at(0), Bob));
    });
    ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted({clickUpId(b.at(0)), clickUpId(b.at(1))}));
    QVERIFY(result.notMine.isEmpty());

    // The next incremental read sees the unassignment; what it saw already is no news.
    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.tasks.isEmpty());
    QCOMPARE(result.notMine, QStringList{clickUpId(a.at(0))});
}

void TestClickUpReader::changeWhilePagingIsSeenNext()
{
    // 150 tasks made an hour ago, newest first: page 0 has t149..t50, page 1 t49..t0.
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    QStringList tasks;
    for (int i = 0; i < 150; ++i)
        tasks.append(m_sim->addTask({.name = QStringLiteral("t%1").arg(i),
                                     .listId = ListA,
                                     .assignees = {Me},
                                     .dateCreated = base + i}));
    QVERIFY(read({.listIds = {ListA}}).error.isEmpty());
    for (const QString &id : std::as_const(tasks))
        QVERIFY(m_sim->touch(id, Bob));
    // Between the two pages of the next read: t149 (page 0, read) is completed, then t0
    // (page 1, not read yet) is edited.
    m_sim->afterAnswer(ListEndpoint, 1, [&] {
        QVERIFY(m_sim->setStatus(tasks.last(), QStringLiteral("complete"), Bob));
        QVERIFY(m_sim->touch(tasks.first(), Bob));
    });
    m_sim->requestLog().clear();
    ReadResult result = read({.listIds = {ListA}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 150);
    QCOMPARE(m_sim->requestLog().count(ListEndpoint), 2);
    QCOMPARE(find(result.tasks, clickUpId(tasks.last()))->status, TaskStatus::Todo);
    QCOMPARE(find(result.tasks, clickUpId(tasks.first()))->updatedAt.toMSecsSinceEpoch(),
             m_sim->task(tasks.first())->dateUpdated);

    result = read({.listIds = {ListA}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), QStringList{clickUpId(tasks.last())});
    QCOMPARE(m_store->task(clickUpId(tasks.last()))->status, TaskStatus::Done);
}

void TestClickUpReader::listedAgainIsNewsWhenTheStoreDiffers()
{
    const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const QStringList mine = addMine(ListA, 2, anHourAgo);
    QVERIFY(read().error.isEmpty());
    // Bob starts a task (its webhook never arrives), then comments on it: the comment's
    // webhook moves the stored task to the comment's date_updated, status and all.
    QVERIFY(m_sim->setStatus(mine.at(0), QStringLiteral("in progress"), Bob));
    QVERIFY(!m_sim->addComment(mine.at(0), QStringLiteral("On it"), Bob).isEmpty());
    QVERIFY(m_sim->touch(mine.at(1), Bob));
    Task stored = *m_store->task(clickUpId(mine.at(0)));
    stored.updatedAt =
        QDateTime::fromMSecsSinceEpoch(m_sim->task(mine.at(0))->dateUpdated, QTimeZone::utc());
    stored.lastActivity = stored.updatedAt;
    QVERIFY(m_store->upsert({stored}));
    // The next read asks from before both (it read while they happened).
    QVERIFY(SyncState(m_store.get())
                .setValue(Sources::ClickUp, QStringLiteral("highWater"),
                          QString::number(stored.updatedAt.toMSecsSinceEpoch() - 60000)));
    ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(ids(result.tasks), sorted({clickUpId(mine.at(0)), clickUpId(mine.at(1))}));
    QCOMPARE(find(result.tasks, clickUpId(mine.at(0)))->status, TaskStatus::InProgress);

    // Listed again as the store has it now: no news.
    QVERIFY(SyncState(m_store.get())
                .setValue(Sources::ClickUp, QStringLiteral("highWater"),
                          QString::number(stored.updatedAt.toMSecsSinceEpoch() - 60000)));
    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.tasks.isEmpty());
}

void TestClickUpReader::changeDuringRateLimitWaitIsSeenNext()
{
    const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const QStringList a = addMine(ListA, 2, anHourAgo);
    const QStringList b = addMine(ListB, 2, anHourAgo);
    QVERIFY(read().error.isEmpty());
    QVERIFY(m_sim->touch(a.at(1), Bob));
    QVERIFY(m_sim->touch(b.at(1), Bob));
    // /user and list A, then list B is refused until the window turns; meanwhile Bob takes over
    // list A's task and then edits list B's.
    m_sim->setRateLimit(2, 2);
    m_sim->afterAnswer(ListEndpoint, 2, [&] {
        QVERIFY(m_sim->setAssignees(a.at(0), {Bob}, Bob));
        QVERIFY(m_sim->touch(b.at(0), Bob));
    });
    m_sim->requestLog().clear();
    ReadResult result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QList<int> listStatuses;
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries()) {
        if (entry.endpoint == ListEndpoint)
            listStatuses.append(entry.status);
    }
    // A timer may wake a little early and meet one more 429.
    QVERIFY(listStatuses.size() >= 3);
    QCOMPARE(listStatuses.first(), 200);
    QCOMPARE(listStatuses.last(), 200);
    QCOMPARE(listStatuses.count(429), listStatuses.size() - 2);
    QCOMPARE(ids(result.tasks),
             sorted({clickUpId(a.at(1)), clickUpId(b.at(0)), clickUpId(b.at(1))}));
    QVERIFY(result.notMine.isEmpty());

    m_sim->setRateLimit(100, 60);
    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.tasks.isEmpty());
    QCOMPARE(result.notMine, QStringList{clickUpId(a.at(0))});
}

void TestClickUpReader::waitsOutRateLimitAndResumes()
{
    addMine(ListA, 250);
    m_sim->setRateLimit(2, 1); // /user and page 0, then each window lets two more through

    const ReadResult result = read({.listIds = {ListA}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 250);
    QVERIFY(m_sim->requestLog().countWithStatus(429) >= 1);
    // Every page was answered with data once: none lost, none read twice.
    const QStringList answered = answeredPages();
    QCOMPARE(answered.size(), 3);
    QCOMPARE(QSet<QString>(answered.cbegin(), answered.cend()).size(), 3);
    for (const SimRequestLog::Entry &entry : m_sim->requestLog().entries())
        QVERIFY(entry.status == 200 || entry.status == 429);
}

void TestClickUpReader::rateLimitWaitIsCountedFromTheClock()
{
    // A clock far past the simulator's resets: each wait is the least there is, a second
    // from the reader's now, so the read goes on as each window turns.
    addMine(ListA, 250);
    m_sim->setRateLimit(2, 1);
    m_clock.set(TestTasks::utc(2100, 1, 1));
    RestClient client(&m_manager, m_sim->baseUrl());
    client.setTimeout(2000);
    ClickUpReader::configure(&client, Token.toUtf8());
    SyncState state(m_store.get());
    ClickUpReader reader(&client, m_store.get(), &state, m_entities.get(), {.listIds = {ListA}});
    reader.setClock(&m_clock);
    QSignalSpy rateLimited(&reader, &SourceReader::rateLimited);
    const ReadResult result = TestSim::runReader(reader, *m_store);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 250);
    QVERIFY(!rateLimited.isEmpty());
    for (const QList<QVariant> &arguments : std::as_const(rateLimited))
        QCOMPARE(arguments.first().toDateTime(), m_clock.now().addSecs(1));
    QCOMPARE(m_sim->requestLog().countWithStatus(429), rateLimited.size());
}

void TestClickUpReader::rateLimitBeyondCapIsAnError()
{
    addMine(ListA, 1);
    m_sim->setRateLimit(1, 3600);
    const ReadResult result = read();
    QVERIFY(!result.complete);
    QVERIFY2(
        result.error.startsWith(QStringLiteral("ClickUp rate limit reached; try again after ")),
        qPrintable(result.error));
}

void TestClickUpReader::faultMidReadFailsCleanly()
{
    addMine(ListA, 150);
    // Page 1 fails: page 0 was read, but the read claims nothing and moves no high-water mark.
    bool injected = false;
    const QMetaObject::Connection afterFirstPage =
        connect(&m_manager, &QNetworkAccessManager::finished, this,
                [this, &injected](QNetworkReply *reply) {
                    if (!injected && reply->url().path().endsWith(QStringLiteral("/task"))) {
                        injected = true;
                        m_sim->injectFault(ListEndpoint, {SimFault::Kind::Status, 500}, 1);
                    }
                });
    ReadResult result = read();
    disconnect(afterFirstPage);
    QVERIFY(!result.complete);
    QVERIFY2(result.error.startsWith(QStringLiteral("ClickUp error: 500 (")),
             qPrintable(result.error));
    QCOMPARE(m_sim->requestLog().countWithStatus(500), 1);
    QCOMPARE(answeredPages().size(), 1);
    QVERIFY(!result.state.contains(QStringLiteral("highWater")));
    QVERIFY(result.notMine.isEmpty());

    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 150);

    m_sim->injectFault(ListEndpoint, {SimFault::Kind::Reset}, 2);
    result = read();
    QVERIFY2(result.error.startsWith(QStringLiteral("Connection error: ")),
             qPrintable(result.error));
    m_sim->injectFault(ListEndpoint, {SimFault::Kind::Delay, 0, 5000}, 1);
    result = read();
    QVERIFY2(result.error.startsWith(QStringLiteral("Connection error: ")),
             qPrintable(result.error));
    result = read();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.complete);
}

void TestClickUpReader::rejectedToken()
{
    SimClickUp other;
    QVERIFY(other.listen() > 0);
    other.addUser(Me, QStringLiteral("me"), QStringLiteral("me@example.com"),
                  QStringLiteral("pk_another"));
    other.addList(ListA, QStringLiteral("Backlog"));
    const ReadResult result = read({.listIds = {ListA}}, &other);
    QCOMPARE(result.error, QStringLiteral("ClickUp error: 401 (Token invalid)"));
    QVERIFY(result.tasks.isEmpty());
    QVERIFY(!result.complete);
}

void TestClickUpReader::malformedAnswers()
{
    addMine(ListA, 2);
    m_sim->injectFault(ListEndpoint, {SimFault::Kind::Truncated}, 1);
    ReadResult result = read();
    QCOMPARE(result.error, QStringLiteral("ClickUp error: 200 (the answer has no task list)"));
    m_sim->injectFault(ListEndpoint, {SimFault::Kind::Malformed}, 1);
    result = read();
    QCOMPARE(result.error, QStringLiteral("ClickUp error: 200 (the answer has no task list)"));

    CannedClickUp canned;
    QVERIFY(canned.listen() > 0);
    canned.page = R"({"tasks": {"id": "86a"}, "last_page": true})";
    result = read({.listIds = {ListA}}, &canned);
    QCOMPARE(result.error, QStringLiteral("ClickUp error: 200 (the answer has no task list)"));
    canned.page = R"([{"id": "86a"}])";
    result = read({.listIds = {ListA}}, &canned);
    QCOMPARE(result.error, QStringLiteral("ClickUp error: 200 (the answer has no task list)"));

    QCOMPARE(read().tasks.size(), 2);
}

void TestClickUpReader::badFieldsAreDefaulted()
{
    addMine(ListA, 1);
    m_sim->addList(QStringLiteral("904"), QStringLiteral("Odd"),
                   {{QStringLiteral("limbo"), QStringLiteral("weird"), {}}});
    const QString huge = m_sim->addTask({.name = QString(5000, QLatin1Char('x')),
                                         .description = QString(300 * 1024, QLatin1Char('y')),
                                         .listId = ListA,
                                         .assignees = {Me}});
    const QString unnamed =
        m_sim->addTask({.name = QStringLiteral("   "), .listId = ListA, .assignees = {Me}});
    const QString odd = m_sim->addTask(
        {.name = QStringLiteral("Odd status"), .listId = QStringLiteral("904"), .assignees = {Me}});
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("very long name")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("very long description")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("has no name")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("unknown status type \"weird\"")));

    const ReadResult result = read({.listIds = {ListA, QStringLiteral("904")}});
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.tasks.size(), 4);
    QCOMPARE(result.warnings.size(), 4);
    QCOMPARE(find(result.tasks, clickUpId(huge))->title.size(), 1024);
    QCOMPARE(find(result.tasks, clickUpId(huge))->description.size(), 256 * 1024);
    QCOMPARE(find(result.tasks, clickUpId(unnamed))->title, QStringLiteral("(untitled)"));
    QCOMPARE(find(result.tasks, clickUpId(odd))->status, TaskStatus::Todo);
}

void TestClickUpReader::badFieldTypesAreDefaulted()
{
    CannedClickUp canned;
    QVERIFY(canned.listen() > 0);
    // No last_page: a short page is the last one.
    canned.page = R"({"tasks": [
        42,
        {"name": "No id", "date_updated": "1700000000000"},
        {"id": "not/an id", "name": "Bad id", "date_updated": "1700000000000"},
        {"id": "86ok1", "name": "Wrong types", "list": {"id": 901},
         "status": {"status": "in progress", "type": "custom"},
         "assignees": [{"id": "101", "username": "me"}],
         "due_date": 1700000000000, "priority": {"id": "3", "priority": null},
         "tags": [{"name": "client:acme"}], "url": "https://app.clickup.com/t/86ok1",
         "date_updated": "1700000000000"},
        {"id": "86ok2", "name": "Missing bits", "assignees": [{"id": 7, "username": "eve"}],
         "due_date": "soon", "priority": {"priority": "whenever"}, "tags": "x"}
    ]})";
    // A known open task the listing does not show; ClickUp says 401 OAUTH_027 for it.
    Task ghost;
    ghost.source = Sources::ClickUp;
    ghost.sourceId = QStringLiteral("86ghost");
    ghost.id = clickUpId(ghost.sourceId);
    ghost.container = ListA;
    ghost.title = QStringLiteral("Ghost");
    QVERIFY(m_store->upsert({ghost}));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not an object")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("without a valid id")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("without a valid id")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("86ok1 has a due date that is not")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("86ok2 has an unknown status type")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("86ok2 has a due date that is not")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("86ok2 has an unknown priority")));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("86ok2 has no valid date_updated")));

    const ReadResult result = read({.listIds = {ListA}}, &canned);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.warnings.size(), 8);
    QCOMPARE(ids(result.tasks), QStringList{clickUpId(QStringLiteral("86ok1"))});
    const Task task = result.tasks.first();
    QCOMPARE(task.container, QStringLiteral("901"));
    QCOMPARE(task.status, TaskStatus::InProgress);
    QVERIFY(task.assignedToMe);
    QCOMPARE(task.assignee, QStringLiteral("me"));
    QVERIFY(!task.dueDate.isValid());
    QCOMPARE(task.sourcePriority, 3);
    QCOMPARE(task.entity, QStringLiteral("acme"));
    QVERIFY(task.isRevenue);
    QCOMPARE(task.updatedAt.toMSecsSinceEpoch(), 1700000000000);
    QCOMPARE(result.state.value(QStringLiteral("highWater")), QStringLiteral("1700000000000"));
    // "86ok2" is someone else's and unknown here: ignored. The ghost is gone.
    QCOMPARE(result.notMine, QStringList{ghost.id});
    QCOMPARE(canned.requestLog().count(QStringLiteral("GET /list/{list_id}/task")), 1);
    QCOMPARE(canned.requestLog().count(QStringLiteral("GET /task/{task_id}")), 1);
}

void TestClickUpReader::fullListingIsDueDaily()
{
    m_readerClock = &m_clock;
    const QDateTime now = m_clock.now();
    SyncState state(m_store.get());
    QVERIFY(ClickUpReader::fullListingDue(state, now));
    addMine(ListA, 1);
    QVERIFY(read().error.isEmpty()); // the first read lists everything, marked at the clock's now
    QVERIFY(!ClickUpReader::fullListingDue(state, now));
    QVERIFY(!ClickUpReader::fullListingDue(state, now.addSecs(24 * 3600 - 1)));
    QVERIFY(ClickUpReader::fullListingDue(state, now.addSecs(24 * 3600)));
    QVERIFY(ClickUpReader::fullListingDue(state, now.addSecs(24 * 3600 + 60)));

    // An incremental read does not count as a full one.
    state.setValue(Sources::ClickUp, QStringLiteral("lastFullListing"),
                   now.addDays(-2).toString(Qt::ISODate));
    QVERIFY(read().error.isEmpty());
    QVERIFY(ClickUpReader::fullListingDue(state, now));
}

QTEST_GUILESS_MAIN(TestClickUpReader)
#include "tst_clickupreader.moc"
