#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"

#include "core/Outbox.h"
#include "core/TaskStore.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;

// Runs the real `upnext --sync-once` against a simulated GitHub on loopback.
class TestSyncOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nothingToSync();
    void syncsAndReports();
    void rejectedTokenFails();
    void enterpriseBaseUrl();
    void unusableProfile();
    void bothSources();
    void drainsWhatAnotherProcessLeft();
    void createWithLostAnswerEndsAsOneTask_data();
    void createWithLostAnswerEndsAsOneTask();
    void keepsPendingCompletion();
    void leavesNothingSending();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QString &token, const QUrl &baseUrl, const QString &profile = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SimGitHub> m_sim;
};

void TestSyncOnce::init()
{
    // Only what a test sets reaches the child.
    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    qunsetenv("UPNEXT_GITHUB_TOKEN");
    m_dir = std::make_unique<QTemporaryDir>();
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), QStringLiteral("ghp_cli"));
    for (int i = 0; i < 3; ++i)
        m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
}

TestSyncOnce::Run TestSyncOnce::run(const QString &token, const QUrl &baseUrl,
                                    const QString &profile)
{
    const QString dir = profile.isEmpty() ? m_dir->path() : profile;
    if (baseUrl.isValid()) {
        QSettings settings(dir + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("github/baseUrl"), baseUrl.toString());
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("UPNEXT_GITHUB_TOKEN"));
    if (!token.isEmpty())
        environment.insert(QStringLiteral("UPNEXT_GITHUB_TOKEN"), token);

    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(UPNEXT_BINARY),
                  {QStringLiteral("--sync-once"), QStringLiteral("--profile"), dir});
    // The simulator lives in this process: keep serving it while the child runs.
    if (!finished.wait(60000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestSyncOnce::nothingToSync()
{
    const Run result = run({}, {});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("Nothing to sync")), qPrintable(result.err));
    QCOMPARE(m_sim->requestLog().count(), 0);
}

void TestSyncOnce::syncsAndReports()
{
    Run result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QRegularExpression(
                 QStringLiteral("^github: 3 new, 0 updated, 0 closed, \\d+ requests, 0 errors$"),
                 QRegularExpression::MultilineOption)),
             qPrintable(result.out));
    {
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        QCOMPARE(store.openTaskCount(), 3);
    }

    m_sim->closeIssue(QStringLiteral("acme/web"), 1, QStringLiteral("bob"));
    result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("github: 0 new, 0 updated, 1 closed")),
             qPrintable(result.out));
    // The token never reaches the output.
    QVERIFY(!result.out.contains(QStringLiteral("ghp_cli")));
    QVERIFY(!result.err.contains(QStringLiteral("ghp_cli")));
}

void TestSyncOnce::rejectedTokenFails()
{
    const Run result = run(QStringLiteral("ghp_wrong"), m_sim->baseUrl());
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(QStringLiteral(
                 "github: failed after 1 requests: GitHub error: 401 (Bad credentials)")),
             qPrintable(result.out));
}

void TestSyncOnce::enterpriseBaseUrl()
{
    SimGitHub enterprise(QStringLiteral("/api/v3"));
    QVERIFY(enterprise.listen() > 0);
    enterprise.addUser(QStringLiteral("me"), QStringLiteral("ghp_cli"));
    enterprise.addIssue({.repo = QStringLiteral("corp/app"),
                         .title = QStringLiteral("On GHE"),
                         .assignees = {QStringLiteral("me")}});
    const Run result = run(QStringLiteral("ghp_cli"), enterprise.baseUrl());
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("github: 1 new")), qPrintable(result.out));
}

void TestSyncOnce::unusableProfile()
{
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const Run result = run(QStringLiteral("ghp_cli"), {}, blocker + QStringLiteral("/profile"));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(blocker), qPrintable(result.err));
}

void TestSyncOnce::bothSources()
{
    SimClickUp clickUp;
    QVERIFY(clickUp.listen() > 0);
    clickUp.addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                    QStringLiteral("pk_cli"));
    clickUp.addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    const QString clickUpId = clickUp.addTask({.name = QStringLiteral("From ClickUp"),
                                               .listId = QStringLiteral("901"),
                                               .assignees = {7}});
    {
        QSettings settings(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("clickup/baseUrl"), clickUp.baseUrl().toString());
        settings.setValue(QStringLiteral("clickup/listIds"), QStringLiteral("901"));
    }
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_cli");
    const Run result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(
                 QStringLiteral("clickup: 1 new, 0 updated, 0 closed, 2 requests, 0 errors")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("github: 3 new")), qPrintable(result.out));
    QCOMPARE(clickUp.requestLog().countWithStatus(200), 2);

    // Writes go back to both.
    {
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        Outbox outbox(&store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(
            outbox.comment(QStringLiteral("clickup:") + clickUpId, QStringLiteral("On it"), now));
        QVERIFY(outbox.comment(QStringLiteral("github:acme/web#1"), QStringLiteral("Me too"), now));
    }
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_cli");
    const Run second = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    QVERIFY2(second.out.contains(QStringLiteral("outbox: 2 sent, 0 failed, 0 waiting")),
             qPrintable(second.out));
    QCOMPARE(clickUp.comments(clickUpId).size(), 1);
    QCOMPARE(m_sim->comments(QStringLiteral("acme/web"), 1).size(), 1);
}

void TestSyncOnce::drainsWhatAnotherProcessLeft()
{
    QVERIFY(run(QStringLiteral("ghp_cli"), m_sim->baseUrl()).exitCode == 0);
    {
        // An earlier run of the app queued these and stopped before sending them.
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        Outbox outbox(&store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(outbox.comment(QStringLiteral("github:acme/web#1"),
                               QStringLiteral("Queued before the restart"), now));
        QVERIFY(outbox.complete(QStringLiteral("github:acme/web#2"), now));
    }
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Status, 503});
    Run result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QVERIFY2(result.out.contains(QStringLiteral("outbox: 1 sent, 0 failed, 1 waiting")),
             qPrintable(result.out));

    result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QVERIFY2(result.out.contains(QStringLiteral("outbox: 1 sent, 0 failed, 0 waiting")),
             qPrintable(result.out));
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(m_sim->comments(QStringLiteral("acme/web"), 1).size(), 1);
    QCOMPARE(m_sim->issue(QStringLiteral("acme/web"), 2)->state, QStringLiteral("closed"));
    TaskStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
    QVERIFY(Outbox(&store).entries().isEmpty());
    QCOMPARE(store.task(QStringLiteral("github:acme/web#2"))->status, TaskStatus::Done);
}

void TestSyncOnce::createWithLostAnswerEndsAsOneTask_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("clickup") << Sources::ClickUp;
    QTest::newRow("github") << Sources::GitHub;
}

// The source takes the create but its answer is lost; the same run's sync then imports the
// new task under its real id. The next run's look-before-resend finds it, and the local task
// and the imported one become one, keeping what the user did here.
void TestSyncOnce::createWithLostAnswerEndsAsOneTask()
{
    QFETCH(QString, source);
    const bool github = source == Sources::GitHub;
    SimClickUp clickUp;
    QVERIFY(clickUp.listen() > 0);
    clickUp.addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                    QStringLiteral("pk_cli"));
    clickUp.addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    {
        QSettings settings(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("clickup/baseUrl"), clickUp.baseUrl().toString());
        settings.setValue(QStringLiteral("clickup/listIds"), QStringLiteral("901"));
        settings.setValue(QStringLiteral("github/createRepo"), QStringLiteral("acme/web"));
    }
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_cli");
    const auto cleanup = qScopeGuard([] { qunsetenv("UPNEXT_CLICKUP_TOKEN"); });

    // The child runs on the wall clock, so the entries are made by it too.
    QString localId;
    QDate yesterday;
    {
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        Outbox outbox(&store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Task draft;
        draft.source = source;
        draft.container = github ? QStringLiteral("acme/web") : QStringLiteral("901");
        draft.title = QStringLiteral("Write the release notes");
        const std::optional<QString> created = outbox.create(draft, now);
        QVERIFY(created);
        localId = *created;
        QVERIFY(outbox.comment(localId, QStringLiteral("Started on it"), now));
        QVERIFY(store.setCurrentTask({localId, now}));
        yesterday = now.toLocalTime().date().addDays(-1);
        QVERIFY(store.markSkipped(localId, yesterday));
    }
    if (github)
        m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues"),
                           {SimFault::Kind::Reset});
    else
        clickUp.injectFault(QStringLiteral("POST /list/{list_id}/task"), {SimFault::Kind::Reset});

    Run result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QVERIFY2(result.out.contains(QStringLiteral("outbox: 0 sent, 0 failed, 2 waiting")),
             qPrintable(result.out + result.err));
    // The sync imports the created task (GitHub: beside the three issues there before).
    QVERIFY2(result.out.contains(github ? QStringLiteral("github: 4 new")
                                        : QStringLiteral("clickup: 1 new")),
             qPrintable(result.out));

    result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QVERIFY2(result.out.contains(QStringLiteral("outbox: 2 sent, 0 failed, 0 waiting")),
             qPrintable(result.out + result.err));
    QCOMPARE(result.exitCode, 0);

    // Posted once, and the comment went to the real task.
    QString realId;
    if (github) {
        QCOMPARE(m_sim->requestLog().count(QStringLiteral("POST /repos/{owner}/{repo}/issues")), 1);
        QVERIFY(!m_sim->issue(QStringLiteral("acme/web"), 5));
        QCOMPARE(m_sim->issue(QStringLiteral("acme/web"), 4)->title,
                 QStringLiteral("Write the release notes"));
        QCOMPARE(m_sim->comments(QStringLiteral("acme/web"), 4).size(), 1);
        realId = QStringLiteral("github:acme/web#4");
    } else {
        QCOMPARE(clickUp.requestLog().count(QStringLiteral("POST /list/{list_id}/task")), 1);
        QCOMPARE(clickUp.taskCount(), 1);
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        for (const Task &task : store.tasksBySource(Sources::ClickUp))
            realId = task.id;
        QString sourceId;
        QVERIFY(Task::parseId(realId, nullptr, &sourceId));
        QCOMPARE(clickUp.comments(sourceId).size(), 1);
    }
    QCOMPARE(m_sim->requestLog().countWithStatus(404) + clickUp.requestLog().countWithStatus(404),
             0);

    TaskStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
    QVERIFY(!store.task(localId));
    QCOMPARE(store.tasksBySource(source).size(), github ? 4 : 1);
    const std::optional<Task> task = store.task(realId);
    QVERIFY(task);
    QVERIFY(task->isOpen());
    QCOMPARE(task->title, QStringLiteral("Write the release notes"));
    QCOMPARE(store.currentTask()->taskId, realId);
    QVERIFY(store.skippedOn(yesterday).contains(realId));
    QVERIFY(Outbox(&store).entries().isEmpty());
}

// The outbox's one try at a completion meets a rate limit while a teammate edits the issue:
// the sync must not bring the task back to "to do" here.
void TestSyncOnce::keepsPendingCompletion()
{
    QVERIFY(run(QStringLiteral("ghp_cli"), m_sim->baseUrl()).exitCode == 0);
    {
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        QVERIFY(Outbox(&store).complete(QStringLiteral("github:acme/web#1"),
                                        QDateTime::currentDateTimeUtc()));
    }
    m_sim->issue(QStringLiteral("acme/web"), 1)->title = QStringLiteral("Issue 1, edited");
    m_sim->touch(QStringLiteral("acme/web"), 1);
    m_sim->injectFault(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}"),
                       {SimFault::Kind::Status, 429});

    const Run result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QVERIFY2(result.out.contains(QStringLiteral("outbox: 0 sent, 0 failed, 1 waiting")),
             qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(QStringLiteral("github: 0 new, 1 updated")),
             qPrintable(result.out));
    TaskStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
    const std::optional<Task> task = store.task(QStringLiteral("github:acme/web#1"));
    QCOMPARE(task->title, QStringLiteral("Issue 1, edited"));
    QCOMPARE(task->status, TaskStatus::Done);
}

// A write retried while the sync runs is waited for: the run never ends with an entry
// marked as being sent.
void TestSyncOnce::leavesNothingSending()
{
    QVERIFY(run(QStringLiteral("ghp_cli"), m_sim->baseUrl()).exitCode == 0);
    {
        TaskStore store;
        QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
        QVERIFY(Outbox(&store).comment(QStringLiteral("github:acme/web#1"), QStringLiteral("Hi"),
                                       QDateTime::currentDateTimeUtc()));
    }
    // The comment fails at once and comes due again while the slow sync still runs; its
    // second try is slower still.
    m_sim->injectFault(QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Status, 503});
    m_sim->injectFault(QStringLiteral("GET /issues"), {SimFault::Kind::Delay, 200, 3000});
    m_sim->injectFault(QStringLiteral("GET /repos/{owner}/{repo}/issues/{number}/comments"),
                       {SimFault::Kind::Delay, 200, 5000});

    const Run result = run(QStringLiteral("ghp_cli"), m_sim->baseUrl());
    QVERIFY2(result.out.contains(QStringLiteral("outbox: 0 sent, 0 failed, 1 waiting")),
             qPrintable(result.out + result.err));
    TaskStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("upnext.db"))));
    const QList<OutboxEntry> entries = Outbox(&store).entries();
    QCOMPARE(entries.size() + m_sim->comments(QStringLiteral("acme/web"), 1).size(), 1);
    for (const OutboxEntry &entry : entries)
        QCOMPARE(entry.state, OutboxEntry::State::Pending);
}

QTEST_GUILESS_MAIN(TestSyncOnce)
#include "tst_synconce.moc"
