#include "ManualClock.h"
#include "TestTasks.h"
#include "WriterRun.h"

#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::Sim;

namespace {

const QString Token = QStringLiteral("ghp_writer");
const QString Repo = QStringLiteral("acme/web");
using Failure = WriteResult::Failure;

} // namespace

class TestGitHubWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void completeClosesAsCompleted();
    void completeConflictNamesWhoClosed();
    void completeConflictSaysWhetherTheUserClosed();
    void commentRoundTrips_data();
    void commentRoundTrips();
    void emptyCommentSendsNothing_data();
    void emptyCommentSendsNothing();
    void badSourceIdSendsNothing();
    void createTagsAndAssigns();
    void createWithoutEntityHasNoPrefix();
    void createLooksUpLoginOnce();
    void createRejectsBadTitles_data();
    void createRejectsBadTitles();
    void createWithoutRepo();
    void failures_data();
    void failures();
    void secondaryLimitGivesRetryAfter();
    void primaryLimitGivesRetryAfter();
    void findComment();
    void findCreated();
    void findCreatedFollowsPages();
    void findCommentFollowsPages();
    void tooManyRequestsWaits();
    void noCallbackOnceContextIsGone();

    void renamedRepoIsFollowed();

private:
    std::unique_ptr<GitHubWriter> makeWriter(GitHubWriterOptions options = {QStringLiteral("me"),
                                                                            Repo});
    // Runs one call to its answer.
    WriteResult run(const std::function<void(QObject *, SourceWriter::Callback)> &call);
    int addIssue(const QString &title = QStringLiteral("Fix login"));

    std::unique_ptr<SimGitHub> m_sim;
    std::unique_ptr<RestClient> m_client;
    QNetworkAccessManager m_manager;
    bool m_answeredEarly = false;
    Test::ManualClock m_clock; // the writers'
};

void TestGitHubWriter::init()
{
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), Token);
    m_sim->addUser(QStringLiteral("bob"), QStringLiteral("ghp_bob"));
    m_sim->addRepo(Repo);
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    m_client->setTimeout(5000);
    GitHubReader::configure(m_client.get(), Token.toUtf8());
    m_answeredEarly = false;
    m_clock.set(TestTasks::utc(2026, 3, 10, 9));
}

void TestGitHubWriter::cleanup()
{
    QVERIFY2(!m_answeredEarly, "a callback ran before the call returned");
}

std::unique_ptr<GitHubWriter> TestGitHubWriter::makeWriter(GitHubWriterOptions options)
{
    auto writer = std::make_unique<GitHubWriter>(m_client.get(), options);
    writer->setClock(&m_clock);
    return writer;
}

WriteResult
TestGitHubWriter::run(const std::function<void(QObject *, SourceWriter::Callback)> &call)
{
    return TestSim::runWriter(call, &m_answeredEarly);
}

int TestGitHubWriter::addIssue(const QString &title)
{
    return m_sim->addIssue({.repo = Repo, .title = title, .assignees = {QStringLiteral("me")}});
}

void TestGitHubWriter::completeClosesAsCompleted()
{
    const int number = addIssue();
    auto writer = makeWriter();
    const QString id = QStringLiteral("%1#%2").arg(Repo).arg(number);
    const WriteResult result =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->complete(id, c, cb); });
    QVERIFY2(result.success, qPrintable(result.message));
    QVERIFY(!result.conflict);
    QCOMPARE(result.failure, Failure::None);
    const SimGitHubIssue *issue = std::as_const(*m_sim).issue(Repo, number);
    QCOMPARE(issue->state, QStringLiteral("closed"));
    QCOMPARE(issue->stateReason, QStringLiteral("completed"));
    QCOMPARE(issue->closedBy, QStringLiteral("me"));
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}")),
             1);
}

void TestGitHubWriter::completeConflictNamesWhoClosed()
{
    const int number = addIssue();
    m_sim->closeIssue(Repo, number, QStringLiteral("bob"), QStringLiteral("not_planned"));
    m_sim->requestLog().clear();
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->complete(QStringLiteral("%1#%2").arg(Repo).arg(number), c, cb);
    });
    QVERIFY(result.success);
    QVERIFY(result.conflict);
    QCOMPARE(result.failure, Failure::None);
    QCOMPARE(result.currentState, QStringLiteral("closed by bob"));
    QCOMPARE(result.closedBy, WriteResult::ClosedBy::Someone);
    QCOMPARE(result.message, QStringLiteral("Already closed on GitHub by bob"));
    // Nothing written: the teammate's reason stays.
    QCOMPARE(std::as_const(*m_sim).issue(Repo, number)->stateReason, QStringLiteral("not_planned"));
    QCOMPARE(
        m_sim->requestLog().count(QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}")),
        0);
}

// Closed by the user (a close of ours whose answer was lost, say): the outbox takes that as a
// confirmation. Without a login in the options, the writer asks who the user is.
void TestGitHubWriter::completeConflictSaysWhetherTheUserClosed()
{
    const int number = addIssue();
    m_sim->closeIssue(Repo, number, QStringLiteral("me"));
    auto writer = makeWriter({{}, Repo});
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->complete(QStringLiteral("%1#%2").arg(Repo).arg(number), c, cb);
    });
    QVERIFY(result.success);
    QVERIFY(result.conflict);
    QCOMPARE(result.currentState, QStringLiteral("closed by me"));
    QCOMPARE(result.closedBy, WriteResult::ClosedBy::User);
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /user")), 1);
}

void TestGitHubWriter::commentRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji, RTL, newlines") << unusualText(false);
    QTest::newRow("64 KB") << unusualText(true);
}

void TestGitHubWriter::commentRoundTrips()
{
    QFETCH(QString, text);
    const int number = addIssue();
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->comment(QStringLiteral("%1#%2").arg(Repo).arg(number), text, c, cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    const QList<SimGitHubComment> comments = m_sim->comments(Repo, number);
    QCOMPARE(comments.size(), 1);
    QCOMPARE(comments.first().body, text);
    QCOMPARE(comments.first().author, QStringLiteral("me"));
    QCOMPARE(result.sourceId, QString::number(comments.first().id));
}

void TestGitHubWriter::emptyCommentSendsNothing_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("newlines and tabs") << QStringLiteral("\n\t\r\n ");
}

void TestGitHubWriter::emptyCommentSendsNothing()
{
    QFETCH(QString, text);
    const int number = addIssue();
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->comment(QStringLiteral("%1#%2").arg(Repo).arg(number), text, c, cb);
    });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, QStringLiteral("GitHub: a comment cannot be empty"));
    QCOMPARE(m_sim->requestLog().count(), 0);
    QCOMPARE(m_client->requestCount(), 0);
}

void TestGitHubWriter::badSourceIdSendsNothing()
{
    auto writer = makeWriter();
    for (const QString &id : {QString(), QStringLiteral("acme/web"), QStringLiteral("acme#3"),
                              QStringLiteral("acme/web#x"), QStringLiteral("../x/y#1")}) {
        const WriteResult result =
            run([&](QObject *c, SourceWriter::Callback cb) { writer->complete(id, c, cb); });
        QVERIFY(!result.success);
        QCOMPARE(result.failure, Failure::Permanent);
        QVERIFY(!result.message.isEmpty());
    }
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestGitHubWriter::createTagsAndAssigns()
{
    auto writer = makeWriter();
    const QString description = unusualText(false);
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->create(QStringLiteral("Ship the 🚀 report"), QStringLiteral("acme"), description, c,
                       cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, QStringLiteral("acme/web#1"));
    const SimGitHubIssue *issue = std::as_const(*m_sim).issue(Repo, 1);
    QVERIFY(issue);
    QCOMPARE(issue->title, QStringLiteral("[CLIENT:acme] Ship the 🚀 report"));
    QCOMPARE(issue->body, description);
    QCOMPARE(issue->assignees, QStringList{QStringLiteral("me")});
    QCOMPARE(issue->author, QStringLiteral("me"));
    QCOMPARE(issue->state, QStringLiteral("open"));
}

void TestGitHubWriter::createWithoutEntityHasNoPrefix()
{
    addIssue();
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->create(QStringLiteral("Plain"), QStringLiteral("  "), {}, c, cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, QStringLiteral("acme/web#2"));
    QCOMPARE(std::as_const(*m_sim).issue(Repo, 2)->title, QStringLiteral("Plain"));
}

void TestGitHubWriter::createLooksUpLoginOnce()
{
    auto writer = makeWriter({{}, Repo});
    for (int i = 0; i < 2; ++i) {
        const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
            writer->create(QStringLiteral("Task %1").arg(i), {}, {}, c, cb);
        });
        QVERIFY2(result.success, qPrintable(result.message));
    }
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /user")), 1);
    QCOMPARE(std::as_const(*m_sim).issue(Repo, 2)->assignees, QStringList{QStringLiteral("me")});
}

void TestGitHubWriter::createRejectsBadTitles_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QString()
                           << QStringLiteral("GitHub: a title cannot be empty");
    QTest::newRow("whitespace") << QStringLiteral(" \n\t") << QStringLiteral("acme")
                                << QStringLiteral("GitHub: a title cannot be empty");
    QTest::newRow("257") << QString(257, QLatin1Char('x')) << QString()
                         << QStringLiteral(
                                "GitHub: the title is 257 characters long; GitHub allows 256");
    // "[CLIENT:acme] " adds 14.
    QTest::newRow("long with prefix")
        << QString(243, QLatin1Char('x')) << QStringLiteral("acme")
        << QStringLiteral("GitHub: the title is 257 characters long; GitHub allows 256");
}

void TestGitHubWriter::createRejectsBadTitles()
{
    QFETCH(QString, title);
    QFETCH(QString, entity);
    QFETCH(QString, message);
    auto writer = makeWriter();
    const WriteResult result = run(
        [&](QObject *c, SourceWriter::Callback cb) { writer->create(title, entity, {}, c, cb); });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, message);
    QCOMPARE(m_sim->requestLog().count(), 0);

    // One shorter fits.
    if (title.size() > 200) {
        const WriteResult fits = run([&](QObject *c, SourceWriter::Callback cb) {
            writer->create(title.mid(1), entity, {}, c, cb);
        });
        QVERIFY2(fits.success, qPrintable(fits.message));
        QCOMPARE(std::as_const(*m_sim).issue(Repo, 1)->title.size(), 256);
    }
}

void TestGitHubWriter::createWithoutRepo()
{
    auto writer = makeWriter({QStringLiteral("me"), {}});
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->create(QStringLiteral("Title"), {}, {}, c, cb);
    });
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, QStringLiteral("GitHub: no repository set for new issues"));
    const WriteResult find = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findCreated(QStringLiteral("Title"), {}, {}, c, cb);
    });
    QCOMPARE(find.failure, Failure::Permanent);
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestGitHubWriter::failures_data()
{
    const QString read = QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}");
    const QString patch = QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}");
    const QString post = QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments");
    const QString open = QStringLiteral("POST /repos/{owner}/{repo}/issues");
    using Kind = SimFault::Kind;

    QTest::addColumn<QString>("op"); // complete | comment | create
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("endpoint"); // where to inject a fault; empty: none
    QTest::addColumn<SimFault>("fault");
    QTest::addColumn<int>("times");
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("message"); // the message, or its start when it ends in "…"
    QTest::addColumn<bool>("closed");     // the issue is closed afterwards

    const QString issue = QStringLiteral("acme/web#1");
    const QString complete = QStringLiteral("complete");
    const QString comment = QStringLiteral("comment");
    const QString create = QStringLiteral("create");
    const SimFault none;
    auto status = [](int code) {
        return SimFault{Kind::Status, code, 0};
    };

    QTest::newRow("401 wrong token")
        << complete << issue << QStringLiteral("ghp_wrong") << QString() << none << 0
        << Failure::Unauthorized << QStringLiteral("GitHub error: 401 (Bad credentials)") << false;
    QTest::newRow("404 unknown issue")
        << complete << QStringLiteral("acme/web#99") << Token << QString() << none << 0
        << Failure::Permanent << QStringLiteral("GitHub error: 404 (Not Found)") << false;
    QTest::newRow("404 unknown repo")
        << comment << QStringLiteral("acme/gone#1") << Token << QString() << none << 0
        << Failure::Permanent << QStringLiteral("GitHub error: 404 (Not Found)") << false;
    QTest::newRow("410 gone") << complete << issue << Token << read << status(410) << 1
                              << Failure::Permanent
                              << QStringLiteral("GitHub error: 410 (Injected failure)") << false;
    QTest::newRow("403 not a limit")
        << create << issue << Token << open << status(403) << 1 << Failure::Permanent
        << QStringLiteral("GitHub error: 403 (Injected failure)") << false;
    QTest::newRow("422 comment") << comment << issue << Token << post << status(422) << 1
                                 << Failure::Permanent
                                 << QStringLiteral("GitHub error: 422 (Injected failure)") << false;
    QTest::newRow("500 on read") << complete << issue << Token << read << status(500) << 1
                                 << Failure::Retry
                                 << QStringLiteral("GitHub error: 500 (Injected failure)") << false;
    QTest::newRow("502 on close") << complete << issue << Token << patch << status(502) << 1
                                  << Failure::Retry
                                  << QStringLiteral("GitHub error: 502 (Injected failure)")
                                  << false;
    QTest::newRow("timeout on comment")
        << comment << issue << Token << post << SimFault{Kind::Delay, 200, 3000} << 1
        << Failure::Retry << QStringLiteral("Connection error: no answer in time (timed out)")
        << false;
    QTest::newRow("timeout on close")
        << complete << issue << Token << patch << SimFault{Kind::Delay, 200, 3000} << 1
        << Failure::Retry << QStringLiteral("Connection error: no answer in time (timed out)")
        << true;
    // Qt resends a read once when the connection drops before the answer, so only a second
    // reset reaches the writer; writes are never resent (see SendOnceBody).
    QTest::newRow("reset on read")
        << complete << issue << Token << read << SimFault{Kind::Reset, 0, 0} << 2 << Failure::Retry
        << QStringLiteral("Connection error: …") << false;
    QTest::newRow("reset on comment")
        << comment << issue << Token << post << SimFault{Kind::Reset, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("Connection error: …") << false;
    QTest::newRow("reset on create")
        << create << issue << Token << open << SimFault{Kind::Reset, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("Connection error: …") << false;
    QTest::newRow("reset on close")
        << complete << issue << Token << patch << SimFault{Kind::Reset, 0, 0} << 1 << Failure::Retry
        << QStringLiteral("Connection error: …") << true;
    QTest::newRow("malformed comment")
        << comment << issue << Token << post << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("GitHub error: 201 (the answer is not a comment)")
        << false;
    QTest::newRow("malformed close")
        << complete << issue << Token << patch << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("GitHub error: 200 (the answer is not an issue)")
        << true;
    QTest::newRow("malformed read")
        << complete << issue << Token << read << SimFault{Kind::Malformed, 0, 0} << 1
        << Failure::Retry << QStringLiteral("GitHub error: 200 (the answer is not an issue)")
        << false;
    QTest::newRow("truncated create")
        << create << issue << Token << open << SimFault{Kind::Truncated, 0, 0} << 1
        << Failure::Retry << QStringLiteral("GitHub error: 201 (the answer is not an issue)")
        << false;
}

void TestGitHubWriter::failures()
{
    QFETCH(QString, op);
    QFETCH(QString, target);
    QFETCH(QString, token);
    QFETCH(QString, endpoint);
    QFETCH(SimFault, fault);
    QFETCH(int, times);
    QFETCH(Failure, failure);
    QFETCH(QString, message);
    QFETCH(bool, closed);

    addIssue();
    GitHubReader::configure(m_client.get(), token.toUtf8());
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
    QCOMPARE(std::as_const(*m_sim).issue(Repo, 1)->state,
             closed ? QStringLiteral("closed") : QStringLiteral("open"));
    // A write whose answer was lost went out exactly once; the outbox looks before a resend.
    if (fault.kind == SimFault::Kind::Reset && !endpoint.startsWith(QLatin1String("GET ")))
        QCOMPARE(m_sim->requestLog().count(endpoint), 1);
    if (endpoint == QLatin1String("GET /repos/{owner}/{repo}/issues/{number}")) // no write
        QCOMPARE(m_sim->requestLog().count(
                     QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}")),
                 0);
}

void TestGitHubWriter::secondaryLimitGivesRetryAfter()
{
    addIssue();
    m_sim->setWriteLimit(1, 60);
    auto writer = makeWriter();
    auto comment = [&] {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->comment(QStringLiteral("acme/web#1"), QStringLiteral("Hi"), c, cb);
        });
    };
    QVERIFY(comment().success);
    const WriteResult limited = comment();
    QVERIFY(!limited.success);
    QCOMPARE(limited.failure, Failure::Retry);
    QVERIFY2(limited.message.startsWith(QStringLiteral("GitHub error: 403 (You have exceeded a "
                                                       "secondary rate limit")),
             qPrintable(limited.message));
    // Retry-After counts from the writer's clock: 1 to 60 seconds of the window are left.
    QVERIFY(limited.retryAfter > m_clock.now());
    QVERIFY(limited.retryAfter <= m_clock.now().addSecs(60));
    QCOMPARE(m_sim->comments(Repo, 1).size(), 1);
}

void TestGitHubWriter::tooManyRequestsWaits()
{
    // GitHub may answer 429 without any rate-limit header: wait a minute, as it advises.
    addIssue();
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Status, 429}, 1);
    auto writer = makeWriter();
    const WriteResult limited = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->comment(QStringLiteral("acme/web#1"), QStringLiteral("Hi"), c, cb);
    });
    QVERIFY(!limited.success);
    QCOMPARE(limited.failure, Failure::Retry);
    QCOMPARE(limited.message, QStringLiteral("GitHub error: 429 (Injected failure)"));
    QCOMPARE(limited.retryAfter, m_clock.now().addSecs(60));
    QVERIFY(m_sim->comments(Repo, 1).isEmpty());
}

void TestGitHubWriter::primaryLimitGivesRetryAfter()
{
    addIssue();
    m_sim->setRateLimit(2, 3600);
    auto writer = makeWriter();
    QVERIFY(run([&](QObject *c, SourceWriter::Callback cb) {
                writer->complete(QStringLiteral("acme/web#1"), c, cb);
            }).success);
    // The reset is a time by the simulator's clock, which is the wall clock; the writer's
    // (set before it) does not move it.
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto comment = [&] {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->comment(QStringLiteral("acme/web#1"), QStringLiteral("Hi"), c, cb);
        });
    };
    const WriteResult limited = comment();
    QCOMPARE(limited.failure, Failure::Retry);
    QVERIFY2(limited.message.startsWith(QStringLiteral("GitHub error: 403 (API rate limit")),
             qPrintable(limited.message));
    QVERIFY(limited.retryAfter > before.addSecs(3000));
    QVERIFY(limited.retryAfter <= before.addSecs(3601));

    // A clock already past the reset (it disagrees with GitHub's) still waits a second.
    m_clock.set(limited.retryAfter.addSecs(600));
    const WriteResult again = comment();
    QCOMPARE(again.failure, Failure::Retry);
    QCOMPARE(again.retryAfter, m_clock.now().addSecs(1));
}

void TestGitHubWriter::findComment()
{
    const int number = addIssue();
    const QString id = QStringLiteral("%1#%2").arg(Repo).arg(number);
    const QString text = unusualText(false);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    m_sim->addComment(Repo, number, QStringLiteral("Other words"), QStringLiteral("me"));
    m_sim->addComment(Repo, number, QStringLiteral("Teammate's"), QStringLiteral("bob"));
    const qint64 mine = m_sim->addComment(Repo, number, text, QStringLiteral("me"));
    auto writer = makeWriter({{}, Repo});
    auto find = [&](const QString &what, const QDateTime &since) {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->findComment(id, what, since, c, cb);
        });
    };

    WriteResult result = find(text, start);
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, QString::number(mine));
    QCOMPARE(find(text, {}).sourceId, QString::number(mine));

    // Not found: other text, a teammate's comment, a trimmed variant, or only before since.
    for (const QString &other :
         {QStringLiteral("Other"), QStringLiteral("Teammate's"), text.trimmed()}) {
        result = find(other, start);
        QVERIFY2(result.success, qPrintable(result.message));
        QVERIFY(result.sourceId.isEmpty());
    }
    result = find(text, start.addSecs(120));
    QVERIFY(result.success);
    QVERIFY(result.sourceId.isEmpty());
    QVERIFY(m_sim->requestLog().entries().last().target.contains(QStringLiteral("since=")));

    // Failures read as for a write.
    result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findComment(QStringLiteral("acme/web#99"), text, start, c, cb);
    });
    QVERIFY(!result.success);
    QCOMPARE(result.failure, Failure::Permanent);
    QCOMPARE(result.message, QStringLiteral("GitHub error: 404 (Not Found)"));
}

void TestGitHubWriter::findCreated()
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    m_sim->createIssue({.repo = Repo, .title = QStringLiteral("[CLIENT:acme] Ship it")},
                       QStringLiteral("bob"));
    const int mine = m_sim->createIssue({.repo = Repo,
                                         .title = QStringLiteral("[CLIENT:acme] Ship it"),
                                         .author = QStringLiteral("me"),
                                         .assignees = {QStringLiteral("me")}},
                                        QStringLiteral("me"));
    m_sim->createIssue(
        {.repo = Repo, .title = QStringLiteral("Only bob's"), .author = QStringLiteral("bob")},
        QStringLiteral("bob"));
    auto writer = makeWriter();
    auto find = [&](const QString &title, const QString &entity, const QDateTime &since) {
        return run([&](QObject *c, SourceWriter::Callback cb) {
            writer->findCreated(title, entity, since, c, cb);
        });
    };

    WriteResult result = find(QStringLiteral("Ship it"), QStringLiteral("acme"), start);
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, QStringLiteral("acme/web#%1").arg(mine));

    QVERIFY(find(QStringLiteral("Ship it"), {}, start).sourceId.isEmpty());
    QVERIFY(find(QStringLiteral("Ship it"), QStringLiteral("other"), start).sourceId.isEmpty());
    QVERIFY(find(QStringLiteral("Only bob's"), {}, start).sourceId.isEmpty());
    result = find(QStringLiteral("Ship it"), QStringLiteral("acme"), start.addSecs(120));
    QVERIFY(result.success);
    QVERIFY(result.sourceId.isEmpty());
    const QString target = m_sim->requestLog().entries().last().target;
    QVERIFY(target.contains(QStringLiteral("creator=me")));
    QVERIFY(target.contains(QStringLiteral("state=all")));
}

void TestGitHubWriter::findCreatedFollowsPages()
{
    const int mine = m_sim->createIssue(
        {.repo = Repo, .title = QStringLiteral("Old one"), .author = QStringLiteral("me")},
        QStringLiteral("me"));
    for (int i = 0; i < 120; ++i)
        m_sim->addIssue({.repo = Repo,
                         .title = QStringLiteral("Filler %1").arg(i),
                         .author = QStringLiteral("me")});
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findCreated(QStringLiteral("Old one"), {}, {}, c, cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, QStringLiteral("acme/web#%1").arg(mine));
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /repos/{owner}/{repo}/issues")), 2);
}

void TestGitHubWriter::findCommentFollowsPages()
{
    // A busy issue: the user's comment is on the second page of a hundred.
    const int number = addIssue();
    for (int i = 0; i < 130; ++i)
        m_sim->addComment(Repo, number, QStringLiteral("Chatter %1").arg(i), QStringLiteral("bob"));
    const qint64 mine =
        m_sim->addComment(Repo, number, QStringLiteral("Mine"), QStringLiteral("me"));
    auto writer = makeWriter();
    const WriteResult result = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->findComment(QStringLiteral("%1#%2").arg(Repo).arg(number), QStringLiteral("Mine"),
                            {}, c, cb);
    });
    QVERIFY2(result.success, qPrintable(result.message));
    QCOMPARE(result.sourceId, QString::number(mine));
    QCOMPARE(m_sim->requestLog().count(
                 QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}/comments")),
             2);
}

void TestGitHubWriter::noCallbackOnceContextIsGone()
{
    addIssue();
    auto writer = makeWriter();
    QSignalSpy answered(&m_manager, &QNetworkAccessManager::finished);
    bool called = false;
    {
        QObject context;
        writer->comment(QStringLiteral("acme/web#1"), QStringLiteral("Bye"), &context,
                        [&](const WriteResult &) { called = true; });
        writer->comment(QStringLiteral("acme/web#1"), QString(), &context,
                        [&](const WriteResult &) { called = true; });
    }
    // The comment still arrives and its answer comes back; nobody is told.
    QTRY_COMPARE(answered.count(), 1);
    QCOMPARE(m_sim->comments(Repo, 1).size(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void TestGitHubWriter::renamedRepoIsFollowed()
{
    // The repo was renamed after the task was synced: GitHub redirects (301 for the read,
    // 307 for the writes) and each write goes out once, at the new place.
    const int number = addIssue();
    m_sim->renameRepo(Repo, QStringLiteral("acme/site"));
    auto writer = makeWriter();
    const QString id = QStringLiteral("%1#%2").arg(Repo).arg(number);
    const WriteResult commented = run([&](QObject *c, SourceWriter::Callback cb) {
        writer->comment(id, QStringLiteral("Still here"), c, cb);
    });
    QVERIFY2(commented.success, qPrintable(commented.message));
    QCOMPARE(m_sim->comments(QStringLiteral("acme/site"), number).size(), 1);
    const WriteResult closed =
        run([&](QObject *c, SourceWriter::Callback cb) { writer->complete(id, c, cb); });
    QVERIFY2(closed.success, qPrintable(closed.message));
    QCOMPARE(m_sim->issue(QStringLiteral("acme/site"), number)->state, QStringLiteral("closed"));
    const SimRequestLog &log = m_sim->requestLog();
    QCOMPARE(log.countWithStatus(307), 2);
    QCOMPARE(log.count(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments")), 2);
    QCOMPARE(log.count(QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}")), 2);
}

QTEST_GUILESS_MAIN(TestGitHubWriter)
#include "tst_githubwriter.moc"
