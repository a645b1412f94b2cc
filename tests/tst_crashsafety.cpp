#include "SimClient.h"

#include "appcore/ApiToken.h"
#include "core/Profile.h"
#include "core/Settings.h"
#include "core/Task.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sync/WebhookRegistrar.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;

namespace {

constexpr qint64 MeClickUp = 101;
constexpr qint64 BobClickUp = 202;
const QString Repo = QStringLiteral("acme/web");
const QString List = QStringLiteral("901");
const QByteArray ApiSecret = "crash-safety-api-token";
constexpr int Rounds = 20;
constexpr int Tasks = 30;

// One thing the user asked for through the local API.
struct Action
{
    enum class Kind { Complete, Comment, Create } kind;
    QString taskId; // complete, comment; create: the source
    QString text;   // comment: its text; create: the title
    int status = 0; // the API's answer; 0: none came (the app was killed first)
};

} // namespace

// `upnext --headless` killed with SIGKILL at random moments while it syncs, sends its outbox
// and takes webhook bursts, twenty times in a row: its database stays sound, nothing queued is
// lost, nothing reaches a source twice.
class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAgainAndAgainLosesNothing();
    void cleanup();

private:
    void seed();
    void startApp();
    void killApp();
    QUrl apiUrl(const QString &path) const;
    TestSim::Reply call(const QByteArray &verb, const QString &path, const QJsonObject &body = {});
    // Queues one action; waits for the answer unless async.
    void act(Action action, bool async);
    void teammateBurst(QRandomGenerator &random, int round);
    // Checks the profile's database after a kill: sound, and every answered action either
    // still queued or at its source, none twice. finalCheck: all of them at their source.
    void checkProfile(bool finalCheck);
    int countAtSource(const Action &action);

    SimClickUp m_clickUp;
    SimGitHub m_gitHub;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_manager;
    std::unique_ptr<QProcess> m_app;
    quint16 m_port = 0;
    int m_starts = 0;
    QList<Action> m_actions;
    QStringList m_clickUpIds;
};

void TestCrashSafety::seed()
{
    QVERIFY(m_clickUp.listen() > 0);
    QVERIFY(m_gitHub.listen() > 0);
    m_clickUp.addUser(MeClickUp, QStringLiteral("me"), QStringLiteral("me@example.com"),
                      QStringLiteral("pk_101_crash"));
    m_clickUp.addUser(BobClickUp, QStringLiteral("bob"), QStringLiteral("bob@example.com"));
    m_clickUp.addList(List, QStringLiteral("Sprint"));
    m_gitHub.addUser(QStringLiteral("me"), QStringLiteral("ghp_crash"));
    m_gitHub.addUser(QStringLiteral("bob"), QStringLiteral("ghp_bob"));
    m_gitHub.addRepo(Repo);
    for (int i = 0; i < Tasks; ++i) {
        m_clickUpIds.append(m_clickUp.addTask({.name = QStringLiteral("ClickUp task %1").arg(i),
                                               .listId = List,
                                               .assignees = {MeClickUp},
                                               .creator = BobClickUp}));
        m_gitHub.addIssue({.repo = Repo,
                           .title = QStringLiteral("GitHub issue %1").arg(i),
                           .author = QStringLiteral("bob"),
                           .assignees = {QStringLiteral("me")}});
    }
    // The limit is not what this is about: twenty starts, each syncing, would exhaust
    // ClickUp's hundred a minute.
    m_clickUp.setRateLimit(100000, 60);
    // Writes take effect at once and are answered late: a kill often falls in between, and
    // the next start must find them done.
    quint32 seed = 14;
    for (const QString &write :
         {QStringLiteral("POST /repos/{owner}/{repo}/issues/{number}/comments"),
          QStringLiteral("POST /repos/{owner}/{repo}/issues"),
          QStringLiteral("PATCH /repos/{owner}/{repo}/issues/{number}")})
        m_gitHub.setRandomFaults(write, {SimFault::Kind::Delay, 0, 1500}, 0.4, ++seed);
    for (const QString &write :
         {QStringLiteral("POST /list/{list_id}/task"), QStringLiteral("PUT /task/{task_id}"),
          QStringLiteral("POST /task/{task_id}/comment")})
        m_clickUp.setRandomFaults(write, {SimFault::Kind::Delay, 0, 1500}, 0.4, ++seed);
    // A free port, kept for every start: the hooks point at it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_port = probe.serverPort();
}

QUrl TestCrashSafety::apiUrl(const QString &path) const
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

TestSim::Reply TestCrashSafety::call(const QByteArray &verb, const QString &path,
                                     const QJsonObject &body)
{
    return TestSim::send(
        m_manager, verb, apiUrl(path),
        {{"Authorization", "Bearer " + ApiSecret}, {"Content-Type", "application/json"}},
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
}

void TestCrashSafety::startApp()
{
    ++m_starts;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("UPNEXT_WEBHOOK_PORT"));
    // Secrets through the environment, never the command line.
    environment.insert(QStringLiteral("UPNEXT_CLICKUP_TOKEN"), QStringLiteral("pk_101_crash"));
    environment.insert(QStringLiteral("UPNEXT_GITHUB_TOKEN"), QStringLiteral("ghp_crash"));
    environment.insert(QStringLiteral("UPNEXT_CLICKUP_WEBHOOK_SECRET"),
                       m_clickUp.hooks().constFirst().secret);
    environment.insert(QStringLiteral("UPNEXT_GITHUB_WEBHOOK_SECRET"),
                       QStringLiteral("crash-safety-hook-secret"));
    m_app = std::make_unique<QProcess>();
    m_app->setProcessEnvironment(environment);
    // Each run's log stays: what a killed run did, from its upnext.outbox lines.
    m_app->setStandardOutputFile(m_dir.filePath(QStringLiteral("runs.log")), QIODevice::Append);
    m_app->setStandardErrorFile(m_dir.filePath(QStringLiteral("runs.log")), QIODevice::Append);
    m_app->start(QStringLiteral(UPNEXT_BINARY),
                 {QStringLiteral("--headless"), QStringLiteral("--profile"), m_dir.path(),
                  QStringLiteral("--port"), QString::number(m_port)});
    QVERIFY(m_app->waitForStarted(10000));
    // Up when its API answers (the simulators answer it meanwhile, on this event loop).
    QVERIFY2(QTest::qWaitFor(
                 [this] {
                     return m_app->state() == QProcess::Running &&
                            call("GET", QStringLiteral("/health")).status == 200;
                 },
                 30000),
             "the app did not come up");
}

void TestCrashSafety::killApp()
{
    QSignalSpy finished(m_app.get(), &QProcess::finished);
    m_app->kill(); // SIGKILL
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_app->exitStatus(), QProcess::CrashExit);
    m_app.reset();
}

void TestCrashSafety::act(Action action, bool async)
{
    QString path;
    QJsonObject body;
    switch (action.kind) {
    case Action::Kind::Complete:
        path = QStringLiteral("/tasks/%1/complete")
                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(action.taskId)));
        break;
    case Action::Kind::Comment:
        path = QStringLiteral("/tasks/%1/comment")
                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(action.taskId)));
        body = {{QStringLiteral("comment"), action.text}};
        break;
    case Action::Kind::Create:
        path = QStringLiteral("/tasks");
        body = {{QStringLiteral("title"), action.text}, {QStringLiteral("source"), action.taskId}};
        break;
    }
    const qsizetype index = m_actions.size();
    m_actions.append(action);
    if (!async) {
        m_actions[index].status = call("POST", path, body).status;
        return;
    }
    QNetworkRequest request(apiUrl(path));
    request.setRawHeader("Authorization", "Bearer " + ApiSecret);
    request.setRawHeader("Content-Type", "application/json");
    QNetworkReply *reply =
        m_manager.post(request, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        m_actions[index].status =
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
    });
}

void TestCrashSafety::teammateBurst(QRandomGenerator &random, int round)
{
    for (int i = 0; i < 12; ++i) {
        const QString note = QStringLiteral("Teammate note %1.%2").arg(round).arg(i);
        switch (random.bounded(4)) {
        case 0:
            m_gitHub.addComment(Repo, 1 + int(random.bounded(Tasks)), note, QStringLiteral("bob"));
            break;
        case 1:
            m_gitHub.editIssue(Repo, 1 + int(random.bounded(Tasks)), note, {},
                               QStringLiteral("bob"));
            break;
        case 2:
            m_clickUp.addComment(m_clickUpIds.at(random.bounded(Tasks)), note, BobClickUp);
            break;
        default:
            m_clickUp.setDueDate(m_clickUpIds.at(random.bounded(Tasks)),
                                 QDateTime::currentDateTimeUtc().addDays(1 + i), BobClickUp);
            break;
        }
    }
}

int TestCrashSafety::countAtSource(const Action &action)
{
    int count = 0;
    switch (action.kind) {
    case Action::Kind::Complete:
        if (action.taskId.startsWith(QLatin1String("github:")))
            return m_gitHub.issue(Repo, action.taskId.section(u'#', 1).toInt())->state ==
                           QLatin1String("closed")
                       ? 1
                       : 0;
        return m_clickUp.task(action.taskId.section(u':', 1))->status == QLatin1String("complete")
                   ? 1
                   : 0;
    case Action::Kind::Comment:
        for (const SimClickUpTask &task : m_clickUp.tasks())
            for (const SimClickUpComment &comment : m_clickUp.comments(task.id))
                count += comment.text == action.text ? 1 : 0;
        for (const SimGitHubIssue &issue : m_gitHub.issues())
            for (const SimGitHubComment &comment : m_gitHub.comments(issue.repo, issue.number))
                count += comment.body == action.text ? 1 : 0;
        return count;
    case Action::Kind::Create:
        for (const SimClickUpTask &task : m_clickUp.tasks())
            count += task.name == action.text ? 1 : 0;
        for (const SimGitHubIssue &issue : m_gitHub.issues())
            count += issue.title == action.text ? 1 : 0;
        return count;
    }
    return count;
}

void TestCrashSafety::checkProfile(bool finalCheck)
{
    const QString connection = QStringLiteral("check-%1").arg(m_starts);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(Profile(m_dir.path()).databasePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));

        // What waits in the outbox: comments by text, creates by title, closes by task.
        QSet<QString> queued;
        QVERIFY(query.exec(QStringLiteral("SELECT task_id, kind, payload, state FROM outbox")));
        while (query.next()) {
            QCOMPARE_NE(query.value(3).toString(), QStringLiteral("failed"));
            const QJsonObject payload =
                QJsonDocument::fromJson(query.value(2).toByteArray()).object();
            const QString kind = query.value(1).toString();
            queued.insert(kind == QLatin1String("complete")
                              ? QStringLiteral("complete ") + query.value(0).toString()
                              : kind + QLatin1Char(' ') +
                                    payload
                                        .value(kind == QLatin1String("comment")
                                                   ? QStringLiteral("text")
                                                   : QStringLiteral("title"))
                                        .toString());
        }
        if (finalCheck)
            QVERIFY2(queued.isEmpty(), qPrintable(queued.values().join(u',')));
        for (const Action &action : std::as_const(m_actions)) {
            const int atSource = countAtSource(action);
            QVERIFY2(atSource <= 1, qPrintable(action.text + QStringLiteral(" is there twice")));
            // An action the API answered for was stored: still queued, or done at its source.
            if (action.status < 200 || action.status >= 300)
                continue;
            const QString key =
                action.kind == Action::Kind::Complete  ? QStringLiteral("complete ") + action.taskId
                : action.kind == Action::Kind::Comment ? QStringLiteral("comment ") + action.text
                                                       : QStringLiteral("create ") + action.text;
            QVERIFY2(atSource == 1 || queued.contains(key),
                     qPrintable(key + QStringLiteral(" is lost")));
        }
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestCrashSafety::cleanup()
{
    if (m_app && m_app->state() != QProcess::NotRunning) {
        m_app->kill();
        m_app->waitForFinished(10000);
    }
}

void TestCrashSafety::killedAgainAndAgainLosesNothing()
{
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(m_dir.isValid());
    seed();
    const QUrl publicUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    // ClickUp makes a hook's secret itself: the app finds this one at its endpoint and is
    // given its secret, as a headless install would be.
    m_clickUp.addWebhook(WebhookRegistrar::endpoint(publicUrl, Sources::ClickUp),
                         {QStringLiteral("*")}, MeClickUp);
    {
        const Profile profile(m_dir.path());
        Settings settings(profile.settingsPath());
        QVERIFY(settings.setClickUpBaseUrl(m_clickUp.baseUrl()) &&
                settings.setClickUpTeamId(m_clickUp.teamId()) &&
                settings.setClickUpCreateListId(List) &&
                settings.setGitHubBaseUrl(m_gitHub.baseUrl()) &&
                settings.setGitHubCreateRepo(Repo) && settings.setWebhookPublicUrl(publicUrl) &&
                settings.sync());
        QString error;
        QVERIFY2(ApiToken::writePrivateFile(ApiToken::tokenPath(profile), ApiSecret, &error),
                 qPrintable(error));
    }

    startApp();
    // The first sync brings the tasks the actions are about.
    QTRY_COMPARE_WITH_TIMEOUT(
        call("GET", QStringLiteral("/tasks/github:acme%2Fweb%23") + QString::number(Tasks)).status,
        200, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(
        call("GET", QStringLiteral("/tasks/clickup:") + m_clickUpIds.constLast()).status, 200,
        30000);

    QRandomGenerator random(1414);
    for (int round = 0; round < Rounds; ++round) {
        if (round > 0)
            startApp();
        if (QTest::currentTestFailed())
            return;
        // A comment answered for, then a close (answered for) or a create (on its way), a
        // sync, a webhook burst; then the kill, 0.2 to 1.5 s later. ClickUp takes a write
        // every 1.8 s, GitHub every 0.75 s: a quarter of the closes and creates go to ClickUp.
        const bool clickUp = round % 4 == 0 || round % 4 == 3;
        act({Action::Kind::Comment,
             QStringLiteral("github:%1#%2").arg(Repo).arg(1 + random.bounded(Tasks)),
             QStringLiteral("Crash-safety comment %1").arg(round)},
            false);
        if (round % 2 == 0)
            act({Action::Kind::Complete,
                 clickUp ? QStringLiteral("clickup:") + m_clickUpIds.at(round)
                         : QStringLiteral("github:%1#%2").arg(Repo).arg(1 + round),
                 {}},
                false);
        else
            act({Action::Kind::Create, clickUp ? Sources::ClickUp : Sources::GitHub,
                 QStringLiteral("Crash-safety task %1").arg(round)},
                true);
        m_manager.post(
            [this] {
                QNetworkRequest request(apiUrl(QStringLiteral("/sync")));
                request.setRawHeader("Authorization", "Bearer " + ApiSecret);
                return request;
            }(),
            QByteArray());
        teammateBurst(random, round);
        QTest::qWait(200 + int(random.bounded(1300)));
        killApp();
        checkProfile(false);
        if (QTest::currentTestFailed())
            return;
    }

    const double killed = double(elapsed.elapsed()) / 1000;
    // The last start sends what is left, answered at once.
    m_clickUp.clearFaults();
    m_gitHub.clearFaults();
    startApp();
    const QString database = Profile(m_dir.path()).databasePath();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonValue outbox = TestSim::object(call("GET", QStringLiteral("/status")))
                                          .value(QStringLiteral("outbox"));
            return outbox.toObject().value(QStringLiteral("waiting")).toInt(-1) == 0;
        }(),
        60000);
    QSignalSpy finished(m_app.get(), &QProcess::finished);
    m_app->terminate();
    QVERIFY(finished.wait(20000));
    checkProfile(true);

    int answered = 0;
    for (const Action &action : std::as_const(m_actions))
        answered += action.status >= 200 && action.status < 300 ? 1 : 0;
    // The runs' trace: writes a killed run had made, found at their source by the next.
    QFile log(m_dir.filePath(QStringLiteral("runs.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray trace = log.readAll();
    const int found = int(trace.count("lookup: found") + trace.count("the earlier send arrived"));
    const int unanswered =
        int(m_clickUp.requestLog().countWithStatus(0) + m_gitHub.requestLog().countWithStatus(0));
    qInfo().noquote() << QStringLiteral(
                             "Crash safety: %1 kills in %5 s, %2 actions (%3 answered "
                             "before a kill), %6 writes answered 1.5 s late (a kill may fall "
                             "in between), "
                             "%7 found done at the source after a restart; lost 0, "
                             "duplicates 0, integrity ok, %4 s")
                             .arg(Rounds)
                             .arg(m_actions.size())
                             .arg(answered)
                             .arg(double(elapsed.elapsed()) / 1000, 0, 'f', 1)
                             .arg(killed, 0, 'f', 1)
                             .arg(unanswered)
                             .arg(found);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
