#include "ManualClock.h"
#include "TestTasks.h"
#include "WriterRun.h"

#include "sim/SimClickUp.h"
#include "sources/ClickUpReader.h"
#include "sources/ClickUpWriter.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::Sim;

namespace {

const QString Token = QStringLiteral("pk_101_writer");
const QString List = QStringLiteral("900100000001");
const QString ShipList = QStringLiteral("900100000002");
const QString DoneList = QStringLiteral("900100000003");
constexpr qint64 Me = 101;
constexpr qint64 Bob = 202;
using Failure = WriteResult::Failure;

} // namespace

class TestClickUpWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void completeUsesListsClosedStatus_data();
    void completeUsesListsClosedStatus();
    void completeReadsEachListOnce();
    void completeConflictSaysStatus();
    void commentRoundTrips_data();
    void commentRoundTrips();
    void emptyCommentSendsNothing_data();
    void emptyCommentSendsNothing();
    void createTagsAndAssigns();
    void createWithoutEntityHasNoTag();
    void createLooksUpUserOnce();
    void createRejectsBadTitles_data();
    void createRejectsBadTitles();
    void createWithoutList();
    void failures_data();
    void failures();
    void rateLimitGivesRetryAfter();
    void findComment();
    void findCommentGoesBackPages();
    void findCreated();
    void findCreatedFollowsPages();
    void noCallbackOnceContextIsGone();

private:
    std::unique_ptr<ClickUpWriter> makeWriter(ClickUpWriterOptions options = {QStringLiteral("101"),
                                                                              List});
    WriteResult run(const std::function<void(QObject *, SourceWriter::Callback)> &call);
    QString addTask(const QString &listId = List, const QString &name = QStringLiteral("Fix"));

    std::unique_ptr<SimClickUp> m_sim;
    std::unique_ptr<RestClient> m_client;
    QNetworkAccessManager m_manager;
    bool m_answeredEarly = false;
    Test::ManualClock m_clock; // the writers'
};

void TestClickUpWriter::init()
{
    m_sim = std::make_unique<SimClickUp>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(Me, QStringLiteral("Me"), QStringLiteral("me@example.com"), Token);
    m_sim->addUser(Bob, QStringLiteral("Bob"), QStringLiteral("bob@example.com"),
                   QStringLiteral("pk_202_bob"));
    m_sim->addList(List, QStringLiteral("Work"));
    m_sim->addList(ShipList, QStringLiteral("Releases"),
                   {{QStringLiteral("backlog"), QStringLiteral("open"), {}},
                    {QStringLiteral("building"), QStringLiteral("custom"), {}},
                    {QStringLiteral("Shipped"), QStringLiteral("closed"), {}}});
    // No status of type closed: the configured fallback is used.
    m_sim->addList(DoneList, QStringLiteral("Chores"),
                   {{QStringLiteral("open"), QStringLiteral("open"), {}},
                    {QStringLiteral("finished"), QStringLiteral("done"), {}}});
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    m_client->setTimeout(5000);
    ClickUpReader::configure(m_client.get(), Token.toUtf8());
    m_answeredEarly = false;
    m_clock.set(TestTasks::utc(2026, 3, 10, 9));
}

void TestClickUpWriter::cleanup()
{
    QVERIFY2(!m_answeredEarly, "a callback ran before the call returned");
}

std::unique_ptr<ClickUpWriter> TestClickUpWriter::makeWriter(ClickUpWriterOptions options)
{
    auto writer = std::make_unique<ClickUpWriter>(m_client.get(), options);
    writer->setClock(&m_clock);
    return writer;
}

WriteResult
TestClickUpWriter::run(const std::function<void(QObject *, SourceWriter::Callback)> &call)
{
    return TestSim::runWriter(call, &m_answeredEarly);
}

QString TestClickUpWriter::addTask(const QString &listId, const QString &name)
{
    return m_sim->addTask({.name = name, .listId = listId, .assignees = {Me}});
}

void TestClickUpWriter::completeUsesListsClosedStatus_data()
{
    QTest::addColumn<QString>("listId");
    QTest::addColumn<QString>("status");
    QTest::newRow("default statuses") << List << QStringLiteral("complete");
    QTest::newRow("named differently") << ShipList << QStringLiteral("shipped");
    QTest::newRow("fallback") << DoneList << QStringLiteral("finished");
}

void TestClickUpWriter::completeUsesListsClosedStatus()
{
    QFETCH(QString, listId);
    QFETCH(QString, status);
    const QString id = addTask(listId);
    auto writer = makeWriter({QStringLiteral("101"), List, QStringLiteral("finished")});
    const WriteResult result =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->complete(id, c, cb); });
    QVERIFY2(result.success, qPrintable(result.message));
    QVERIFY(!result.conflict);
    QCOMPARE(result.failure, Failure::None);
    QCOMPARE(m_sim->task(id)->status, status);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("PUT /task/{task_id}")), 1);
}

void TestClickUpWriter::completeReadsEachListOnce()
{
    const QString first = addTask(ShipList);
    const QString second = addTask(ShipList);
    auto writer = makeWriter();
    for (const QString &id : {first, second})
        QVERIFY(run([&](QObject *c, SourceWriter::Callback cb) {
                    writer->complete(id, c, cb);
                }).success);
    QCOMPARE(m_sim->task(second)->status, QStringLiteral("shipped"));
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /list/{list_id}")), 1);
}

void TestClickUpWriter::completeConflictSaysStatus()
{
    const QString id = addTask(ShipList);
    QVERIFY(m_sim->setStatus(id, QStringLiteral("shipped"), Bob));
    m_sim->requestLog().clear();
    auto writer = makeWriter();
    const WriteResult result =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->complete(id, c, cb); });
    QVERIFY(result.success);
    QVERIFY(result.conflict);
    QCOMPARE(result.failure, Failure::None);
    QCOMPARE(result.currentState, QStringLiteral("shipped"));
    QCOMPARE(result.message, QStringLiteral("Already closed on ClickUp (status \"shipped\")"));
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("PUT /task/{task_id}")), 0);

    // A "done"-type status is as closed.
    const QString done = addTask(DoneList);
    QVERIFY(m_sim->setStatus(done, QStringLiteral("finished"), Bob));
    const WriteResult second =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->complete(done, c, cb); });
    QVERIFY(second.conflict);
    QCOMPARE(second.currentState, QStringLiteral("finished"));
}

void TestClickUpWriter::commentRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji, RTL, newlines") << unusualText(false);
    QTest::newRow("64 KB") << unusualText(true);
}

void TestClickUpWriter::commentRoundTrips()
{
    QFETCH(QString, text);
    const QString id = addTask();
    auto writer = makeWriter();
    const WriteResult result =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->comment(id, text, c, cb); });
    QVERIFY2(result.success, qPrintable(result.message));
    const QList<SimClickUpComment> comments = m_sim->comments(id);
    QCOMPARE(comments.size(), 1);
    QCOMPARE(comments.first().text, text);
    QCOMPARE(comments.first().userId, Me);
    QCOMPARE(result.sourceId, comments.first().id);
}

void TestClickUpWriter::emptyCommentSendsNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("newlines and tabs") << QStringLiteral("\n\t\r\n ");
}

void TestClickUpWriter::emptyCommentSendsNothing()
{
    QFETCH(QString, text);
    const QString id = addTask();
    auto writer = makeWriter();
    const WriteResult result =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->comment(id, text, c, cb); });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, QStringLiteral("ClickUp: a comment cannot be empty"));
    QCOMPARE(m_sim->requestLog().count(), 0);
    QCOMPARE(m_client->requestCount(), 0);
}

void TestClickUpWriter::createTagsAndAssigns()
{
    auto writer = makeWriter();
    const QString description = unusualText(false);
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->create(QStringLiteral("Ship the 🚀 report"), QStringLiteral("acme"), description, c,
                       cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    const SimClickUpTask *task = m_sim->task(result.sourceId);
    QVERIFY(task);
    QCOMPARE(task->name, QStringLiteral("Ship the 🚀 report"));
    QCOMPARE(task->description, description);
    QCOMPARE(task->listId, List);
    QCOMPARE(task->tags, QStringList{QStringLiteral("client:acme")});
    QCOMPARE(task->assignees, QList<qint64>{Me});
    QCOMPARE(task->creator, Me);
}

void TestClickUpWriter::createWithoutEntityHasNoTag()
{
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->create(QStringLiteral("Plain"), QStringLiteral(" "), {}, c, cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    QVERIFY(m_sim->task(result.sourceId)->tags.isEmpty());
}

void TestClickUpWriter::createLooksUpUserOnce()
{
    auto writer = makeWriter({{}, List});
    QString last;
    for (int i = 0; i < 2; ++i) {
        const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
            writer->create(QStringLiteral("Task %1").arg(i), {}, {}, c, cb);
        });
        QVERIFY2(result.success, qPrintable(result.message));
        last = result.sourceId;
    }
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /user")), 1);
    QCOMPARE(m_sim->task(last)->assignees, QList<qint64>{Me});
}

void TestClickUpWriter::createRejectsBadTitles_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("ClickUp: a title cannot be empty");
    QTest::newRow("whitespace") << QStringLiteral(" \n\t")
                                << QStringLiteral("ClickUp: a title cannot be empty");
    QTest::newRow("2049") << QString(2049, QLatin1Char('x'))
                          << QStringLiteral(
                                 "ClickUp: the title is 2049 characters long; at most 2048 are "
                                 "allowed");
}

void TestClickUpWriter::createRejectsBadTitles()
{
    QFETCH(QString, title);
    QFETCH(QString, message);
    auto writer = makeWriter();
    const WriteResult result =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->create(title, {}, {}, c, cb); });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, message);
    QCOMPARE(m_sim->requestLog().count(), 0);

    if (title.size() > 2048) { // one shorter fits
        const WriteResult fits = run([&](QObject *c, SourceWriter::Callback cb) {
            writer->create(title.mid(1), {}, {}, c, cb);
        });
        QVERIFY2(fits.success, qPrintable(fits.message));
        QCOMPARE(m_sim->task(fits.sourceId)->name, title.mid(1));
    }
}

void TestClickUpWriter::createWithoutList()
{
    auto writer = makeWriter({QStringLiteral("101"), {}});
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->create(QStringLiteral("Title"), {}, {}, c, cb);
    });
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, QStringLiteral("ClickUp: no list set for new tasks"));
    const WriteResult find = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findCreated(QStringLiteral("Title"), {}, {}, c, cb);
    });
    QCOMPARE(find.failure, Failure::Permanent);
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestClickUpWriter::failures_data()
{
    const QString read = QStringLiteral("GET /task/{task_id}");
    const QString list = QStringLiteral("GET /list/{list_id}");
    const QString put = QStringLiteral("PUT /task/{task_id}");
    const QString post = QStringLiteral("POST /task/{task_id}/comment");
    const QString open = QStringLiteral("POST /list/{list_id}/task");
    using Kind = SimFault::Kind;

    QTest::addColumn<QString>("op"); // complete | comment | create
    QTest::addColumn<bool>("knownTask");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("endpoint"); // where to inject a fault; empty: none
    QTest::addColumn<SimFault>("fault");
    QTest::addColumn<int>("times");
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("message"); // the message, or its start when it ends in "…"
    QTest::addColumn<bool>("closed");     // the task is closed afterwards

    const QString complete = QStringLiteral("complete");
    const QString comment = QStringLiteral("comment");
    const QString create = QStringLiteral("create");
    const SimFault none;
    auto status = [](int code) {
        return SimFault{Kind::Status, code, 0};
    };

    QTest::newRow("401 wrong token")
        << complete << true << QStringLiteral("pk_wrong") << QString() << none << 0
        << Failure::Unauthorized << QStringLiteral("ClickUp error: 401 (Token invalid)") << false;
    QTest::newRow("404 unknown task")
        << complete << false << Token << QString() << none << 0 << Failure::Permanent
        << QStringLiteral("ClickUp error: 404 (Task not found)") << false;
    QTest::newRow("404 comment on unknown task")
        << comment << false << Token << QString() << none << 0 << Failure::Permanent
        << QStringLiteral("ClickUp error: 404 (Task not found)") << false;
    QTest::newRow("400 create") << create << true << Token << open << status(400) << 1
                                << Failure::Permanent
                                << QStringLiteral("ClickUp error: 400 (Injected failure)") << false;
    QTest::newRow("500 on read") << complete << true << Token << read << status(500) << 1
                                 << Failure::Retry
                                 << QStringLiteral("ClickUp error: 500 (Injected failure)")
                                 << false;
    QTest::newRow("503 on list") << complete << true << Token << list << status(503) << 1
                                 << Failure::Retry
                                 << QStringLiteral("ClickUp error: 503 (Injected failure)")
                                 << false;
    QTest::newRow("500 on close") << complete << true << Token << put << status(500) << 1
                                  << Failure::Retry
                                  << QStringLiteral("ClickUp error: 500 (Injected failure)")
                                  << false;
    QTest::newRow("timeout on comment")
        << comment << true << Token << post << SimFault{Kind::Delay, 200, 3000} << 1
        << Failure::Retry << QStringLiteral("Connection error: no answer in time (timed out)")
        << false;
    QTest::newRow("timeout on close")
        << complete << true << Token << put << SimFault{Kind::Delay, 200, 3000} << 1
        << Failure::Retry << QStringLiteral("Connection error: no answer in time (timed out)")
        << true;
    // Qt resends a read once when the connection drops before the answer, so only a second
    // reset reaches the writer; writes are never resent (see SendOnceBody).
    QTest::newRow("reset on read")
        << complete << true << Token << read << SimFault{Kind::Reset, 0, 0} << 2 << Failure::Retry
        << QStringLiteral("Connection error: …") << false;
    QTest::newRow("reset on comment")
        << comment << true << Token << post << SimFault{Kind::Reset, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("Connection error: …") << false;
    QTest::newRow("reset on create")
        << create << true << Token << open << SimFault{Kind::Reset, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("Connection error: …") << false;
    QTest::newRow("reset on close")
        << complete << true << Token << put << SimFault{Kind::Reset, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("Connection error: …") << true;
    QTest::newRow("malformed comment")
        << comment << true << Token << post << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("ClickUp error: 200 (the answer is not a comment)")
        << false;
    QTest::newRow("malformed close")
        << complete << true << Token << put << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("ClickUp error: 200 (the answer is not a task)")
        << true;
    QTest::newRow("malformed read")
        << complete << true << Token << read << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("ClickUp error: 200 (the answer is not a task)")
        << false;
    QTest::newRow("malformed list")
        << complete << true << Token << list << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("ClickUp error: 200 (the answer is not a list)")
        << false;
    QTest::newRow("truncated create")
        << create << true << Token << open << SimFault{Kind::Truncated, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("ClickUp error: 200 (the answer is not a task)") << false;
}

void TestClickUpWriter::failures()
{
    QFETCH(QString, op);
    QFETCH(bool, knownTask);
    QFETCH(QString, token);
    QFETCH(QString, endpoint);
    QFETCH(SimFault, fault);
    QFETCH(int, times);
    QFETCH(Failure, failure);
    QFETCH(QString, message);
    QFETCH(bool, closed);

    const QString id = addTask();
    const QString target = knownTask ? id : QStringLiteral("86nothere");
    ClickUpReader::configure(m_client.get(), token.toUtf8());
    if (fault.kind == SimFault::Kind::Delay)
        m_client->setTimeout(300);
    if (!endpoint.isEmpty())
        m_sim->injectFault(endpoint, fault, times);
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        if (op == QLatin1String("complete"))
            writer->complete(target, c, cb);
        else if (op == QLatin1String("comment"))
            writer->comment(target, QStringLiteral("A comment"), c, cb);
        else
            writer->create(QStringLiteral("New"), {}, {}, c, cb);
    });
    QVERIFY(!result.success);
    QVERIFY(!result.conflict);
    QCOMPARE(result.failure, failure);
    if (message.endsWith(QChar(0x2026)))
        QVERIFY2(result.message.startsWith(message.chopped(1)), qPrintable(result.message));
    else
        QCOMPARE(result.message, message);
    QVERIFY(!result.retryAfter.isValid());
    QCOMPARE(m_sim->task(id)->status,
             closed ? QStringLiteral("complete") : QStringLiteral("to do"));
    // A write whose answer was lost went out exactly once; the outbox looks before a resend.
    if (fault.kind == SimFault::Kind::Reset && !endpoint.startsWith(QLatin1String("GET ")))
        QCOMPARE(m_sim->requestLog().count(endpoint), 1);
    if (endpoint == QLatin1String("GET /task/{task_id}") ||
        endpoint == QLatin1String("GET /list/{list_id}")) // no write
        QCOMPARE(m_sim->requestLog().count(QStringLiteral("PUT /task/{task_id}")), 0);
}

void TestClickUpWriter::rateLimitGivesRetryAfter()
{
    const QString id = addTask();
    m_sim->setRateLimit(1, 60);
    auto writer = makeWriter();
    auto comment = [&] {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->comment(id, QStringLiteral("Hi"), c, cb);
        });
    };
    // The reset is a time by the simulator's clock, which is the wall clock; the writer's
    // (set before it) does not move it.
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(comment().success);
    const WriteResult limited = comment();
    QVERIFY(!limited.success);
    QCOMPARE(limited.failure, Failure::Retry);
    QCOMPARE(limited.message, QStringLiteral("ClickUp error: 429 (Rate limit reached)"));
    QVERIFY(limited.retryAfter > before);
    QVERIFY(limited.retryAfter <= before.addSecs(62));
    QCOMPARE(m_sim->comments(id).size(), 1);

    // A clock already past the reset (it disagrees with ClickUp's) still waits a second.
    m_clock.set(limited.retryAfter.addSecs(600));
    const WriteResult again = comment();
    QCOMPARE(again.failure, Failure::Retry);
    QCOMPARE(again.retryAfter, m_clock.now().addSecs(1));
    QCOMPARE(m_sim->comments(id).size(), 1);
}

void TestClickUpWriter::findComment()
{
    const QString id = addTask();
    const QString text = unusualText(false);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    m_sim->addComment(id, QStringLiteral("Other words"), Me);
    m_sim->addComment(id, QStringLiteral("Teammate's"), Bob);
    const QString mine = m_sim->addComment(id, text, Me);
    auto writer = makeWriter({{}, List});
    auto find = [&](const QString &what, const QDateTime &since) {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->findComment(id, what, since, c, cb);
        });
    };

    WriteResult result = find(text, start);
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, mine);
    QCOMPARE(find(text, {}).sourceId, mine);

    for (const QString &other :
         {QStringLiteral("Other"), QStringLiteral("Teammate's"), text.trimmed()}) {
        result = find(other, start);
        QVERIFY2(result.success, qPrintable(result.message));
        QVERIFY(result.sourceId.isEmpty());
    }
    result = find(text, start.addSecs(60));
    QVERIFY(result.success);
    QVERIFY(result.sourceId.isEmpty());

    result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findComment(QStringLiteral("86nothere"), text, start, c, cb);
    });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, QStringLiteral("ClickUp error: 404 (Task not found)"));
}

void TestClickUpWriter::findCommentGoesBackPages()
{
    // Sixty comments came after the user's: it is on the third page going back.
    const QString id = addTask();
    const QString mine = m_sim->addComment(id, QStringLiteral("Mine"), Me);
    for (int i = 0; i < 60; ++i)
        m_sim->addComment(id, QStringLiteral("Chatter %1").arg(i), Bob);
    auto writer = makeWriter();
    auto find = [&](const QString &text) {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->findComment(id, text, {}, c, cb);
        });
    };
    WriteResult result = find(QStringLiteral("Mine"));
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, mine);
    const QString listing = QStringLiteral("GET /task/{task_id}/comment");
    QCOMPARE(m_sim->requestLog().count(listing), 3);

    // Not there at all: every page is read once, then the search ends.
    result = find(QStringLiteral("Never said"));
    QVERIFY(result.success);
    QVERIFY(result.sourceId.isEmpty());
    QCOMPARE(m_sim->requestLog().count(listing), 6);
}

void TestClickUpWriter::findCreated()
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    m_sim->addTask({.name = QStringLiteral("Ship it"),
                    .listId = List,
                    .tags = {QStringLiteral("client:acme")},
                    .creator = Bob});
    const QString mine = m_sim->addTask({.name = QStringLiteral("Ship it"),
                                         .listId = List,
                                         .assignees = {Me},
                                         .tags = {QStringLiteral("client:acme")},
                                         .creator = Me});
    m_sim->addTask({.name = QStringLiteral("Only bob's"), .listId = List, .creator = Bob});
    auto writer = makeWriter();
    auto find = [&](const QString &title, const QString &entity, const QDateTime &since) {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->findCreated(title, entity, since, c, cb);
        });
    };

    WriteResult result = find(QStringLiteral("Ship it"), QStringLiteral("acme"), start);
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, mine);
    // Closed since: still found.
    QVERIFY(m_sim->setStatus(mine, QStringLiteral("complete"), Bob));
    QCOMPARE(find(QStringLiteral("Ship it"), QStringLiteral("acme"), start).sourceId, mine);

    QVERIFY(find(QStringLiteral("Ship it"), QStringLiteral("other"), start).sourceId.isEmpty());
    QVERIFY(find(QStringLiteral("Only bob's"), {}, start).sourceId.isEmpty());
    result = find(QStringLiteral("Ship it"), QStringLiteral("acme"), start.addSecs(60));
    QVERIFY(result.success);
    QVERIFY(result.sourceId.isEmpty());
    const QString target = m_sim->requestLog().entries().last().target;
    QVERIFY(target.contains(QStringLiteral("include_closed=true")));
    QVERIFY(target.contains(
        QStringLiteral("date_updated_gt=%1").arg(start.addSecs(60).toMSecsSinceEpoch() - 1)));
}

void TestClickUpWriter::findCreatedFollowsPages()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Listings are newest first: the oldest is on the second page.
    const QString mine = m_sim->addTask({.name = QStringLiteral("Old one"),
                                         .listId = List,
                                         .creator = Me,
                                         .dateCreated = now - 10000});
    for (int i = 0; i < 120; ++i)
        m_sim->addTask({.name = QStringLiteral("Filler %1").arg(i),
                        .listId = List,
                        .creator = Me,
                        .dateCreated = now - 5000 + i});
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findCreated(QStringLiteral("Old one"), {},
                            QDateTime::fromMSecsSinceEpoch(now - 60000), c, cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, mine);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /list/{list_id}/task")), 2);
}

void TestClickUpWriter::noCallbackOnceContextIsGone()
{
    const QString id = addTask();
    auto writer = makeWriter();
    QSignalSpy answered(&m_manager, &QNetworkAccessManager::finished);
    bool called = false;
    {
        QObject context;
        writer->comment(id, QStringLiteral("Bye"), &context,
                        [&](const WriteResult &) { called = true; });
        writer->comment(id, QString(), &context, [&](const WriteResult &) { called = true; });
    }
    // The comment still arrives and its answer comes back; nobody is told.
    QTRY_COMPARE(answered.count(), 1);
    QCOMPARE(m_sim->comments(id).size(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestClickUpWriter)
#include "tst_clickupwriter.moc"
