#include "TestTasks.h"

#include "appcore/ApiToken.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sim/SimGitHub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;

// The real upnext-cli against a profile whose GitHub is the simulator: every command on the
// direct path (no UpNext runs) and through a running `upnext --headless`, the exit codes,
// bad input, --json, and the command line and the app on one profile at once.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpForEveryCommand();
    void badInputChangesNothing();
    void directPath();
    void directPathKeepsWhatItCannotSend();
    void headlessPath();
    void sourceErrorIsExit2();
    void profileUnavailableIsExit3();
    void cliAndAppAtOnce();
    void appStartsAfterACommandLine();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonValue json() const;
    };
    QProcessEnvironment environment() const;
    QProcess *start(const QStringList &arguments);
    Run finish(QProcess *process);
    Run cli(const QStringList &arguments) { return finish(start(arguments)); }
    void startHeadless();
    void stopHeadless();
    // Adds tasks to the profile's store while no UpNext runs.
    void seed(const QList<Task> &tasks);

    const QString m_repo = QStringLiteral("acme/web");
    std::unique_ptr<Sim::SimGitHub> m_gitHub;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_headless;
};

QJsonValue TestCli::Run::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

void TestCli::init()
{
    m_gitHub = std::make_unique<Sim::SimGitHub>();
    QVERIFY(m_gitHub->listen() > 0);
    m_gitHub->addUser(QStringLiteral("me"), QStringLiteral("ghp_cli"));
    m_gitHub->addRepo(m_repo);
    for (int number : {1, 2})
        m_gitHub->addIssue(
            {.repo = m_repo,
             .number = number,
             .title = QStringLiteral("Issue %1").arg(number),
             .author = QStringLiteral("bob"),
             .assignees = {QStringLiteral("me")},
             .labels = number == 1 ? QStringList{QStringLiteral("blocking")} : QStringList{}});
    m_dir = std::make_unique<QTemporaryDir>();
    Settings settings(Profile(m_dir->path()).settingsPath());
    QVERIFY(settings.setGitHubBaseUrl(m_gitHub->baseUrl()) && settings.setGitHubRepos({m_repo}) &&
            settings.setGitHubCreateRepo(m_repo) && settings.sync());
}

void TestCli::cleanup()
{
    stopHeadless();
    m_dir.reset();
    m_gitHub.reset();
}

QProcessEnvironment TestCli::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("UPNEXT_PROFILE"), m_dir->path());
    environment.insert(QStringLiteral("UPNEXT_GITHUB_TOKEN"), QStringLiteral("ghp_cli"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("UPNEXT_WEBHOOK_PORT"), QStringLiteral("0"));
    return environment;
}

QProcess *TestCli::start(const QStringList &arguments)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(UPNEXT_CLI_BINARY), arguments);
    return process;
}

TestCli::Run TestCli::finish(QProcess *process)
{
    // The simulator answers on this event loop: wait with it running.
    if (process->state() != QProcess::NotRunning) {
        QSignalSpy finished(process, &QProcess::finished);
        if (!finished.wait(90000))
            process->kill();
    }
    Run run{process->exitCode(), QString::fromUtf8(process->readAllStandardOutput()),
            QString::fromUtf8(process->readAllStandardError())};
    process->deleteLater();
    return run;
}

void TestCli::startHeadless()
{
    m_headless = std::make_unique<QProcess>();
    m_headless->setProcessEnvironment(environment());
    m_headless->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_headless->start(QStringLiteral(UPNEXT_BINARY), {QStringLiteral("--headless")});
    const QString portFile = ApiToken::portPath(Profile(m_dir->path()));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(portFile), 30000);
}

void TestCli::stopHeadless()
{
    if (!m_headless)
        return;
    if (m_headless->state() != QProcess::NotRunning) {
        QSignalSpy finished(m_headless.get(), &QProcess::finished);
        m_headless->terminate();
        if (!finished.wait(20000))
            m_headless->kill();
    }
    m_headless.reset();
}

void TestCli::seed(const QList<Task> &tasks)
{
    TaskStore store;
    QVERIFY(store.open(Profile(m_dir->path()).databasePath()));
    QVERIFY(store.upsert(tasks));
}

void TestCli::helpForEveryCommand()
{
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"next", "done", "skip", "comment", "create", "sync", "morning",
                                "list", "show", "entities", "outbox", "status"}) {
        QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const Run one = cli({QLatin1String(command), QStringLiteral("--help")});
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.out.contains(QStringLiteral("upnext-cli")) &&
                     one.out.contains(QLatin1String(command)),
                 qPrintable(one.out));
    }
    QVERIFY(cli({QStringLiteral("done"), QStringLiteral("--help")})
                .out.contains(QStringLiteral("--comment")));
    QVERIFY(cli({QStringLiteral("create"), QStringLiteral("--help")})
                .out.contains(QStringLiteral("--repo")));
    QCOMPARE(cli({QStringLiteral("--version")}).exitCode, 0);
}

void TestCli::badInputChangesNothing()
{
    seed({TestTasks::gitHub(m_repo, 1, QStringLiteral("Issue 1"), 10)});
    const QList<QStringList> bad = {
        {},
        {QStringLiteral("frobnicate")},
        {QStringLiteral("next"), QStringLiteral("--frobnicate")},
        {QStringLiteral("next"), QStringLiteral("extra")},
        {QStringLiteral("comment")},
        {QStringLiteral("comment"), QStringLiteral("   ")},
        {QStringLiteral("done"), QStringLiteral("--comment"), QString()},
        {QStringLiteral("done"), QStringLiteral("--source"), QStringLiteral("github")},
        {QStringLiteral("create")},
        {QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--source"),
         QStringLiteral("jira")},
        {QStringLiteral("create"), QStringLiteral("x"), QStringLiteral("--repo"),
         QStringLiteral("a/b"), QStringLiteral("--list"), QStringLiteral("1")},
        {QStringLiteral("create"), QString(300, u'x')}, // over GitHub's 256
        {QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("none")},
        {QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("later")},
        {QStringLiteral("show"), QStringLiteral("not-an-id")},
        {QStringLiteral("show"), QStringLiteral("github:acme/web#99")},
        {QStringLiteral("outbox"), QStringLiteral("retry")},
        {QStringLiteral("outbox"), QStringLiteral("retry"), QStringLiteral("x")},
        {QStringLiteral("outbox"), QStringLiteral("discard"), QStringLiteral("42")},
        {QStringLiteral("outbox"), QStringLiteral("send"), QStringLiteral("1")},
        {QStringLiteral("next"), QStringLiteral("--wait"), QStringLiteral("-1")},
        {QStringLiteral("done")}, // no current task
    };
    for (const QStringList &arguments : bad) {
        const Run run = cli(arguments);
        QVERIFY2(run.exitCode == 1,
                 qPrintable(arguments.join(u' ') + QStringLiteral(": ") + run.err));
        QVERIFY2(!run.err.isEmpty(), qPrintable(arguments.join(u' ')));
    }
    QVERIFY(
        cli({QStringLiteral("done")}).err.contains(QStringLiteral("Run `upnext-cli next` first.")));

    // Bytes that are no UTF-8, straight from a shell.
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-c"),
                          QStringLiteral("exec \"$0\" comment \"$(printf 'caf\\351')\""),
                          QStringLiteral(UPNEXT_CLI_BINARY)});
    process.start();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("UTF-8"));

    // Nothing was queued, sent or made current by any of it.
    QCOMPARE(m_gitHub->comments(m_repo, 1).size(), 0);
    QCOMPARE(m_gitHub->issue(m_repo, 1)->state, QStringLiteral("open"));
    const Run outbox = cli({QStringLiteral("outbox"), QStringLiteral("--json")});
    QCOMPARE(outbox.exitCode, 0);
    QVERIFY(outbox.json().toArray().isEmpty());
}

void TestCli::directPath()
{
    Run run = cli({QStringLiteral("sync")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("GitHub: 2 new")), qPrintable(run.out));

    run = cli({QStringLiteral("next")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Issue 1\n")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Source: GitHub")));
    QVERIFY(run.out.contains(QStringLiteral("URL: ")));
    QVERIFY(run.out.contains(QStringLiteral("Score: ")));
    QVERIFY(!run.out.contains(QStringLiteral("\x1b["))); // no colour off a terminal

    run = cli({QStringLiteral("next"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json()[QStringLiteral("id")].toString(), QStringLiteral("github:acme/web#1"));
    QVERIFY(run.json()[QStringLiteral("score_breakdown")].isArray());

    run = cli({QStringLiteral("comment"), QStringLiteral("Looking into it")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(m_gitHub->comments(m_repo, 1).size(), 1);

    run = cli({QStringLiteral("done"), QStringLiteral("-c"), QStringLiteral("Fixed")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(QStringLiteral("Completed: “Issue 1”\n")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Next: Issue 2")));
    QCOMPARE(m_gitHub->issue(m_repo, 1)->state, QStringLiteral("closed"));
    QCOMPARE(m_gitHub->comments(m_repo, 1).size(), 2);

    run = cli({QStringLiteral("skip")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("Skipped: “Issue 2”")));
    QVERIFY(run.out.contains(QStringLiteral("All done! No more tasks.")));
    run = cli({QStringLiteral("next")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("All done! No more tasks.\n"));

    run = cli({QStringLiteral("create"), QStringLiteral("Write docs"),
               QStringLiteral("--description"), QStringLiteral("All of them"),
               QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.json()[QStringLiteral("task")][QStringLiteral("id")].toString(),
             QStringLiteral("github:acme/web#3"));
    QCOMPARE(m_gitHub->issue(m_repo, 3)->title, QStringLiteral("Write docs"));

    run = cli({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--status"),
               QStringLiteral("all")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().toArray().size(), 3);
    run = cli({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(u'\n'), 1);
    run = cli({QStringLiteral("show"), QStringLiteral("github:acme/web#3")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("All of them")));
    run = cli({QStringLiteral("morning"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.json()[QStringLiteral("top_tasks")].isArray());
    run = cli({QStringLiteral("entities")});
    QCOMPARE(run.exitCode, 0);
    run = cli({QStringLiteral("entities"), QStringLiteral("reload"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json()[QStringLiteral("count")].toInt(), 0);
    run = cli({QStringLiteral("entities"), QStringLiteral("nobody")});
    QCOMPARE(run.exitCode, 1);
    run = cli({QStringLiteral("status")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("Outbox: 0 waiting, 0 failed")));
    QVERIFY(run.out.contains(QStringLiteral("not running")));
    run = cli({QStringLiteral("outbox")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("empty")));
}

void TestCli::directPathKeepsWhatItCannotSend()
{
    Task task = TestTasks::clickUp(QStringLiteral("c1"), QStringLiteral("In ClickUp"), 10);
    seed({task});
    // No ClickUp token: the completion cannot go; it stays queued, and says so.
    Run run = cli({QStringLiteral("next")});
    QCOMPARE(run.exitCode, 0);
    run = cli({QStringLiteral("done"), QStringLiteral("--wait"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("Completed: “In ClickUp”")));
    QVERIFY2(run.err.contains(QStringLiteral("stays queued")), qPrintable(run.err));
    run = cli({QStringLiteral("outbox"), QStringLiteral("--json")});
    QCOMPARE(run.json().toArray().size(), 1);
    const qint64 id = run.json().toArray().first()[QStringLiteral("id")].toInteger();
    run = cli({QStringLiteral("outbox"), QStringLiteral("discard"), QString::number(id)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(cli({QStringLiteral("outbox"), QStringLiteral("--json")}).json().toArray().isEmpty());
}

void TestCli::headlessPath()
{
    startHeadless();
    // The headless instance syncs at start.
    QTRY_VERIFY_WITH_TIMEOUT(
        cli({QStringLiteral("list"), QStringLiteral("--json")}).json().toArray().size() == 2,
        30000);
    Run run = cli({QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.json()[QStringLiteral("webhooks")][QStringLiteral("listening")].toBool());

    run = cli({QStringLiteral("next")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("Issue 1\n")));
    run = cli({QStringLiteral("done"), QStringLiteral("--comment"), QStringLiteral("Done here"),
               QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.json()[QStringLiteral("outbox")][QStringLiteral("state")].toString(),
             QStringLiteral("confirmed"));
    QCOMPARE(run.json()[QStringLiteral("next_task")][QStringLiteral("id")].toString(),
             QStringLiteral("github:acme/web#2"));
    QCOMPARE(m_gitHub->issue(m_repo, 1)->state, QStringLiteral("closed"));
    run = cli({QStringLiteral("comment"), QStringLiteral("Next one")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(m_gitHub->comments(m_repo, 2).size(), 1);
    run = cli({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.json()[QStringLiteral("sources")].toArray().size(), 1);
    run = cli({QStringLiteral("skip")});
    QCOMPARE(run.exitCode, 0);
    run = cli({QStringLiteral("done")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("Run `upnext-cli next` first.")));
    QCOMPARE(cli({QStringLiteral("show"), QStringLiteral("github:acme/web#1")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("morning")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("entities")}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("outbox")}).exitCode, 0);
    run = cli({QStringLiteral("create"), QStringLiteral("From the shell")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(m_gitHub->issue(m_repo, 3)->title, QStringLiteral("From the shell"));

    // A token that is not the running one's: the app cannot be used.
    const QString tokenFile = ApiToken::tokenPath(Profile(m_dir->path()));
    QString error;
    QVERIFY(ApiToken::writePrivateFile(tokenFile, "wrong\n", &error));
    run = cli({QStringLiteral("next")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains(QStringLiteral("token")));
}

void TestCli::sourceErrorIsExit2()
{
    Task ghost = TestTasks::gitHub(QStringLiteral("ghost/gone"), 7, QStringLiteral("Gone"), 90);
    seed({ghost});
    QCOMPARE(cli({QStringLiteral("next")}).exitCode, 0);
    const Run run = cli({QStringLiteral("done")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("GitHub error: 404")), qPrintable(run.err));
}

void TestCli::profileUnavailableIsExit3()
{
    const QString file = m_dir->filePath(QStringLiteral("a-file"));
    QFile touch(file);
    QVERIFY(touch.open(QIODevice::WriteOnly));
    touch.close();
    const Run run = cli({QStringLiteral("next"), QStringLiteral("--profile"), file});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(!run.err.isEmpty());
}

// Scripts call the command line while UpNext runs and while another command line runs: every
// call is answered, every write reaches the source once, and the store stays whole.
void TestCli::cliAndAppAtOnce()
{
    // Two command lines on the direct path at once: the second waits for the first.
    seed({TestTasks::gitHub(m_repo, 1, QStringLiteral("Issue 1"), 10)});
    QCOMPARE(cli({QStringLiteral("next")}).exitCode, 0);
    QList<QProcess *> both;
    for (int i = 0; i < 2; ++i)
        both.append(start({QStringLiteral("comment"), QStringLiteral("direct %1").arg(i)}));
    for (QProcess *process : both) {
        const Run run = finish(process);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }
    QCOMPARE(m_gitHub->comments(m_repo, 1).size(), 2);

    // With the app running, many at once.
    startHeadless();
    QList<QProcess *> running;
    for (int i = 0; i < 4; ++i)
        running.append(start({QStringLiteral("comment"), QStringLiteral("api %1").arg(i)}));
    running.append(start({QStringLiteral("list"), QStringLiteral("--json")}));
    running.append(start({QStringLiteral("status")}));
    for (QProcess *process : running) {
        const Run run = finish(process);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }
    QCOMPARE(m_gitHub->comments(m_repo, 1).size(), 6);
    stopHeadless();

    // Then the direct path again on what the app left.
    const Run run = cli({QStringLiteral("outbox"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.json().toArray().isEmpty());
    TaskStore store;
    QVERIFY(store.open(Profile(m_dir->path()).databasePath()));
    QSqlQuery check(store.database());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
}

// UpNext started while a command line holds the profile (here: waiting for a write that
// cannot go) waits for it, then runs and takes over what it left queued.
void TestCli::appStartsAfterACommandLine()
{
    seed({TestTasks::clickUp(QStringLiteral("c1"), QStringLiteral("In ClickUp"), 10)});
    QCOMPARE(cli({QStringLiteral("next")}).exitCode, 0);
    QProcess *holding =
        start({QStringLiteral("done"), QStringLiteral("--wait"), QStringLiteral("3")});
    // The command line has queued its completion: it holds the profile now.
    const auto queued = [this] {
        TaskStore store;
        if (!store.open(Profile(m_dir->path()).databasePath()))
            return false;
        QSqlQuery query(store.database());
        return query.exec(QStringLiteral("SELECT COUNT(*) FROM outbox")) && query.next() &&
               query.value(0).toInt() == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(queued(), 20000);
    startHeadless();
    const Run run = finish(holding);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("stays queued")));
    QCOMPARE(m_headless->state(), QProcess::Running);
    const Run outbox = cli({QStringLiteral("outbox"), QStringLiteral("--json")});
    QCOMPARE(outbox.exitCode, 0);
    QCOMPARE(outbox.json().toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
