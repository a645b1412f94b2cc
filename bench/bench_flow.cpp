// bench_flow: done → next on 10,000 open tasks (the local part), and 1,000
// comments queued while GitHub is unreachable, delivered once it is back.
// Prints a table, or one JSON object with --json.

#include "BenchSupport.h"

#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sim/SimGitHub.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"
#include "sync/OutboxProcessor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace std::chrono_literals;

namespace {

constexpr int TaskCount = 10'000;
constexpr int DoneRuns = 500;
constexpr int Comments = 1000;
constexpr int Issues = 50;
const QString Token = QStringLiteral("ghp_flow");

QList<Task> makeTasks()
{
    QList<Task> tasks;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < TaskCount; ++i) {
        Task task;
        task.source = Sources::ClickUp;
        task.sourceId = QStringLiteral("86flow%1").arg(i);
        task.id = Task::makeId(task.source, task.sourceId);
        task.container = QStringLiteral("901");
        task.title = QStringLiteral("Task %1 of the flow benchmark").arg(i);
        task.updatedAt = now.addSecs(-i);
        task.score = double((i * 7919) % 1000) / 10.0;
        tasks.append(task);
    }
    return tasks;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool json =
        Bench::wantsJson(app, QStringLiteral("Measures the task flow and the outbox."));

    QTemporaryDir dir;
    TaskStore store;
    if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("flow.db"))) ||
        !store.upsert(makeTasks())) {
        qCritical("Cannot prepare the benchmark database: %s", qPrintable(store.lastError()));
        return 1;
    }
    Outbox outbox(&store);
    TaskService service(&store, &outbox, nullptr);

    // done → next, the local part: complete in the outbox, choose and set the next task.
    QDateTime now = QDateTime::currentDateTimeUtc();
    service.next(now);
    QList<double> doneMs;
    QElapsedTimer timer;
    for (int i = 0; i < DoneRuns; ++i) {
        now = now.addSecs(1);
        timer.start();
        const TaskResult result = service.done(now);
        doneMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (!result.ok() || !result.task) {
            qCritical("done failed: %s", qPrintable(result.error));
            return 1;
        }
    }

    // 1,000 comments while GitHub is unreachable, then GitHub comes back.
    SimGitHub gitHub;
    if (gitHub.listen() == 0)
        return 1;
    gitHub.addUser(QStringLiteral("me"), Token);
    gitHub.setWriteLimit(100'000, 60); // small limits would only make the run long
    // A profile of its own, so the completions above do not wait in this outbox.
    TaskStore commentStore;
    if (!commentStore.open(dir.filePath(QStringLiteral("comments.db"))))
        return 1;
    Outbox commentOutbox(&commentStore);
    QList<Task> issues;
    for (int i = 1; i <= Issues; ++i) {
        gitHub.addIssue({.repo = QStringLiteral("acme/web"),
                         .number = i,
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
        Task task;
        task.source = Sources::GitHub;
        task.sourceId = QStringLiteral("acme/web#%1").arg(i);
        task.id = Task::makeId(task.source, task.sourceId);
        task.container = QStringLiteral("acme/web");
        task.title = QStringLiteral("Issue %1").arg(i);
        issues.append(task);
    }
    commentStore.upsert(issues);

    QNetworkAccessManager manager;
    RestClient client(&manager, gitHub.baseUrl());
    client.setTimeout(5000);
    GitHubReader::configure(&client, Token.toUtf8());
    GitHubWriter writer(&client, {QStringLiteral("me"), QStringLiteral("acme/web")});
    OutboxProcessor processor(&commentOutbox);
    processor.addWriter(Sources::GitHub, &writer, 1ms);
    processor.setBackoff(50ms, 500ms);

    gitHub.injectFault(QStringLiteral("*"), {SimFault::Kind::Status, 503},
                       1'000'000); // unreachable
    for (int i = 0; i < Comments; ++i)
        commentOutbox.comment(issues.at(i % Issues).id, QStringLiteral("Comment %1 ✓").arg(i),
                              QDateTime::currentDateTimeUtc());
    processor.start();
    QEventLoop wait;
    QTimer::singleShot(500, &wait, &QEventLoop::quit);
    wait.exec();

    gitHub.clearFaults(); // back
    timer.start();
    QEventLoop drain;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &drain, [&] {
        if (commentOutbox.pendingCount() == 0 && processor.isIdle())
            drain.quit();
    });
    poll.start(20);
    processor.processNow();
    QTimer::singleShot(300'000, &drain, &QEventLoop::quit); // bounded: five minutes at most
    drain.exec();
    const double drainSeconds = double(timer.nsecsElapsed()) / 1e9;

    QHash<QString, int> arrived;
    for (const Task &issue : std::as_const(issues)) {
        for (const SimGitHubComment &comment : gitHub.comments(
                 QStringLiteral("acme/web"), issue.sourceId.section(QLatin1Char('#'), 1).toInt()))
            ++arrived[comment.body];
    }
    int duplicates = 0;
    for (const int count : std::as_const(arrived))
        duplicates += count - 1;
    const int lost = Comments - int(arrived.size());

    QTextStream out(stdout);
    const double p50 = Bench::percentile(doneMs, 0.50);
    const double p99 = Bench::percentile(doneMs, 0.99);
    if (json) {
        const QJsonObject result{
            {QStringLiteral("tasks"), TaskCount},
            {QStringLiteral("done_to_next_ms_p50"), qRound(p50 * 1000) / 1000.0},
            {QStringLiteral("done_to_next_ms_p99"), qRound(p99 * 1000) / 1000.0},
            {QStringLiteral("outbox_1000_comments_s"), qRound(drainSeconds * 100) / 100.0},
            {QStringLiteral("duplicates"), duplicates},
            {QStringLiteral("lost"), lost}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << QStringLiteral(
                   "bench_flow: %1 open tasks, %2 done → next, %3 comments through the outbox\n")
                   .arg(TaskCount)
                   .arg(DoneRuns)
                   .arg(Comments);
        const auto row = [&out](const QString &name, double value, const QString &target) {
            out << QStringLiteral("%1 %2 %3\n")
                       .arg(name, -40)
                       .arg(value, 10, 'f', 3)
                       .arg(target, 10);
        };
        row(QStringLiteral("done → next p50 (ms)"), p50, QString());
        row(QStringLiteral("done → next p99 (ms)"), p99, QStringLiteral("< 5"));
        row(QStringLiteral("1,000 queued comments delivered (s)"), drainSeconds, QString());
        row(QStringLiteral("duplicates"), duplicates, QStringLiteral("0"));
        row(QStringLiteral("lost"), lost, QStringLiteral("0"));
        row(QStringLiteral("peak RSS (MB)"), Bench::peakRssMb(), QString());
    }
    return duplicates == 0 && lost == 0 ? 0 : 1;
}
