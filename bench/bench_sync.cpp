// bench_sync: a full sync of 5,000 ClickUp tasks and 5,000 GitHub issues from
// the simulators (same process, loopback), an unchanged resync and a resync
// after one change. Prints a table, or one JSON object with --json.

#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/ClickUpReader.h"
#include "sources/GitHubReader.h"
#include "sync/SyncEngine.h"

#include "BenchSupport.h"

#include "core/TaskStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>

using namespace UpNext;
using namespace UpNext::Sim;

namespace {

constexpr int PerSource = 5000;
constexpr int Lists = 5;
constexpr int Repos = 10;
const QString ClickUpToken = QStringLiteral("pk_bench");
const QString GitHubToken = QStringLiteral("ghp_bench");

const QStringList Verbs = {QStringLiteral("Fix"),      QStringLiteral("Add"),
                           QStringLiteral("Update"),   QStringLiteral("Review"),
                           QStringLiteral("Refactor"), QStringLiteral("Investigate"),
                           QStringLiteral("Document")};
const QStringList Objects = {QStringLiteral("login flow"),     QStringLiteral("invoice export"),
                             QStringLiteral("search results"), QStringLiteral("onboarding email"),
                             QStringLiteral("rate limiting"),  QStringLiteral("dashboard charts"),
                             QStringLiteral("password reset"), QStringLiteral("CSV import"),
                             QStringLiteral("mobile layout")};
const QStringList Clients = {QStringLiteral("acme"), QStringLiteral("globex"),
                             QStringLiteral("initech"), QStringLiteral("hooli")};

QString title(QRandomGenerator &random)
{
    return Verbs.at(random.bounded(Verbs.size())) + QLatin1Char(' ') +
           Objects.at(random.bounded(Objects.size()));
}

QStringList listIds()
{
    QStringList ids;
    for (int i = 0; i < Lists; ++i)
        ids.append(QString::number(901000 + i));
    return ids;
}

void seed(SimClickUp &clickUp, SimGitHub &gitHub)
{
    QRandomGenerator random(20261125);
    clickUp.addUser(1001, QStringLiteral("me"), QStringLiteral("me@example.com"), ClickUpToken);
    clickUp.addUser(1002, QStringLiteral("bob"), QStringLiteral("bob@example.com"));
    for (const QString &id : listIds())
        clickUp.addList(id, QStringLiteral("List ") + id);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < PerSource; ++i) {
        SimClickUpTask task;
        task.name = title(random);
        task.description =
            QStringLiteral("Details for task %1: steps, expected and actual behaviour.").arg(i);
        task.listId = listIds().at(i % Lists);
        task.assignees = {1001};
        task.tags = {QStringLiteral("client:") + Clients.at(random.bounded(Clients.size()))};
        task.priority = int(random.bounded(5));
        task.dateCreated = now - qint64(random.bounded(60 * 86400)) * 1000;
        clickUp.addTask(task);
    }

    gitHub.addUser(QStringLiteral("me"), GitHubToken);
    for (int i = 0; i < PerSource; ++i) {
        SimGitHubIssue issue;
        issue.repo = QStringLiteral("org%1/repo-%2").arg(i % 2).arg(i % Repos);
        issue.number = i / Repos + 1;
        issue.title = (i % 3 == 0 ? QStringLiteral("[CLIENT:acme] ") : QString()) + title(random);
        issue.body = QStringLiteral("Reported by a customer; see the linked ticket.");
        issue.assignees = {QStringLiteral("me")};
        issue.labels = i % 10 == 0 ? QStringList{QStringLiteral("blocking")}
                                   : QStringList{QStringLiteral("bug")};
        gitHub.addIssue(issue);
    }
}

struct Run
{
    double ms = 0;
    int requests = 0;
    QHash<QString, SourceSyncResult> results;
};

Run syncAll(SyncEngine &engine)
{
    QSignalSpy finished(&engine, &SyncEngine::sourceFinished);
    QSignalSpy idle(&engine, &SyncEngine::idle);
    QElapsedTimer timer;
    timer.start();
    engine.syncAll();
    idle.wait(120000);
    Run run;
    run.ms = double(timer.nsecsElapsed()) / 1e6;
    for (const QList<QVariant> &arguments : std::as_const(finished)) {
        const SourceSyncResult result = arguments.first().value<SourceSyncResult>();
        run.results.insert(result.source, result);
        run.requests += result.requests;
    }
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool json = Bench::wantsJson(
        app, QStringLiteral("Measures a sync of 10,000 tasks from the simulators."));

    SimClickUp clickUp;
    SimGitHub gitHub;
    if (clickUp.listen() == 0 || gitHub.listen() == 0) {
        qCritical("Cannot listen on loopback");
        return 1;
    }
    seed(clickUp, gitHub);

    QTemporaryDir dir;
    TaskStore store;
    if (!store.open(dir.filePath(QStringLiteral("bench.db")))) {
        qCritical("%s", qPrintable(store.lastError()));
        return 1;
    }
    QNetworkAccessManager manager;
    RestClient clickUpClient(&manager, clickUp.baseUrl());
    ClickUpReader::configure(&clickUpClient, ClickUpToken.toUtf8());
    RestClient gitHubClient(&manager, gitHub.baseUrl());
    GitHubReader::configure(&gitHubClient, GitHubToken.toUtf8());

    SyncEngine engine(&store, nullptr);
    engine.addSource(Sources::ClickUp, [&] {
        return new ClickUpReader(&clickUpClient, &store, engine.state(), nullptr,
                                 {.listIds = listIds()});
    });
    engine.addSource(Sources::GitHub, [&] {
        return new GitHubReader(&gitHubClient, &store, engine.state(), nullptr, {});
    });

    const Run full = syncAll(engine);
    const int tasks = store.openTaskCount();

    const int gitHubCostBefore = gitHub.requestLog().rateLimitCost();
    const int clickUpListingsBefore =
        clickUp.requestLog().count(QStringLiteral("GET /list/{list_id}/task"));
    const Run unchanged = syncAll(engine);
    const int gitHubCost = gitHub.requestLog().rateLimitCost() - gitHubCostBefore;
    const int clickUpListings =
        clickUp.requestLog().count(QStringLiteral("GET /list/{list_id}/task")) -
        clickUpListingsBefore;

    QString changedId;
    for (const Task &task : store.tasksBySource(Sources::ClickUp)) {
        changedId = task.sourceId;
        break;
    }
    clickUp.setStatus(changedId, QStringLiteral("complete"), 1002);
    const Run oneChange = syncAll(engine);
    const bool changeFound =
        oneChange.results.value(Sources::ClickUp).closed == 1 &&
        store.task(Task::makeId(Sources::ClickUp, changedId))->status == TaskStatus::Done;

    QStringList errors;
    for (const Run *run : {&full, &unchanged, &oneChange}) {
        for (const SourceSyncResult &result : run->results) {
            if (!result.ok())
                errors.append(result.source + QStringLiteral(": ") + result.error);
        }
    }

    QTextStream out(stdout);
    const double rss = Bench::peakRssMb();
    if (json) {
        const QJsonObject result{{QStringLiteral("tasks"), tasks},
                                 {QStringLiteral("full_sync_ms"), qRound(full.ms)},
                                 {QStringLiteral("full_sync_requests"), full.requests},
                                 {QStringLiteral("resync_nochange_ms"), qRound(unchanged.ms)},
                                 {QStringLiteral("resync_nochange_requests"), unchanged.requests},
                                 {QStringLiteral("resync_nochange_ratelimit_cost"), gitHubCost},
                                 {QStringLiteral("resync_one_change_ms"), qRound(oneChange.ms)},
                                 {QStringLiteral("rss_mb"), qRound(rss * 10) / 10.0}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << QStringLiteral(
                   "bench_sync: %1 ClickUp + %2 GitHub tasks, %3 open after the first sync\n")
                   .arg(PerSource)
                   .arg(PerSource)
                   .arg(tasks);
        const auto row = [&out](const QString &name, double value, const QString &target) {
            out << QStringLiteral("%1 %2 %3\n")
                       .arg(name, -44)
                       .arg(value, 10, 'f', 0)
                       .arg(target, 12);
        };
        row(QStringLiteral("full sync (ms)"), full.ms, QStringLiteral("< 3000"));
        row(QStringLiteral("full sync requests"), full.requests, QStringLiteral("<= 100 + c"));
        row(QStringLiteral("unchanged resync (ms)"), unchanged.ms, QStringLiteral("< 300"));
        row(QStringLiteral("unchanged resync requests"), unchanged.requests, QString());
        row(QStringLiteral("unchanged resync GitHub rate-limit cost"), gitHubCost,
            QStringLiteral("0"));
        row(QStringLiteral("unchanged resync ClickUp list requests"), clickUpListings,
            QStringLiteral("1 per list"));
        row(QStringLiteral("resync after one change (ms)"), oneChange.ms, QString());
        row(QStringLiteral("one change found"), changeFound ? 1 : 0, QStringLiteral("1"));
        row(QStringLiteral("peak RSS (MB)"), rss, QString());
    }
    for (const QString &error : std::as_const(errors))
        QTextStream(stderr) << "error: " << error << Qt::endl;
    return errors.isEmpty() && changeFound ? 0 : 1;
}
