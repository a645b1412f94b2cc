// bench_store: upsert 100,000 realistic tasks in one batch, then choose the
// next task among them. Prints a table, or one JSON object with --json.

#include "BenchSupport.h"
#include "BenchTasks.h"

#include "core/Entities.h"
#include "core/Scorer.h"
#include "core/TaskStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>

using namespace UpNext;

namespace {

constexpr int TaskCount = 100'000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool json =
        Bench::wantsJson(app, QStringLiteral("Measures TaskStore with 100,000 tasks."));

    QTemporaryDir dir;
    TaskStore store;
    if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("bench.db")))) {
        qCritical("Cannot create the benchmark database: %s", qPrintable(store.lastError()));
        return 1;
    }

    const QDateTime now(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc());
    QRandomGenerator random(20261125);
    QList<Task> tasks = Bench::makeTasks(TaskCount, random, now);

    // Scores are current before the upsert, as after a sync.
    const QList<Entity> entities = Bench::makeEntities();
    const Scorer scorer;
    QElapsedTimer timer;
    timer.start();
    for (Task &task : tasks) {
        const auto entity = std::find_if(entities.cbegin(), entities.cend(),
                                         [&task](const Entity &e) { return e.id == task.entity; });
        task.score = scorer.score(task, entity == entities.cend() ? nullptr : &*entity, now).score;
    }
    const double scoreMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    if (!store.upsert(tasks)) {
        qCritical("Upsert failed: %s", qPrintable(store.lastError()));
        return 1;
    }
    const double upsertMs = double(timer.nsecsElapsed()) / 1e6;

    // Skip a few of the best so the query has to look past them.
    for (const Task &task : store.openTasks(5))
        store.markSkipped(task.id, now.date());

    constexpr int Runs = 50;
    QList<double> nextMs;
    QString chosen;
    for (int run = 0; run < Runs; ++run) {
        timer.restart();
        const std::optional<Task> next = store.bestOpenTask(now.date());
        nextMs.append(double(timer.nsecsElapsed()) / 1e6);
        chosen = next ? next->id : QString();
    }
    const double nextWorstMs = *std::max_element(nextMs.cbegin(), nextMs.cend());
    std::sort(nextMs.begin(), nextMs.end());
    const double nextMedianMs = nextMs.at(Runs / 2);
    const double rssMb = Bench::peakRssMb();

    QTextStream out(stdout);
    if (json) {
        const QJsonObject result{
            {QStringLiteral("upsert_100k_ms"), qRound(upsertMs * 10) / 10.0},
            {QStringLiteral("next_of_100k_ms"), qRound(nextWorstMs * 1000) / 1000.0},
            {QStringLiteral("rss_mb"), qRound(rssMb * 10) / 10.0}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    out << QStringLiteral("bench_store: %1 tasks (%2 open), next = %3\n")
               .arg(TaskCount)
               .arg(store.openTaskCount())
               .arg(chosen);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("measure"), -34)
               .arg(QStringLiteral("value"), 12)
               .arg(QStringLiteral("target"), 10);
    const auto row = [&out](const QString &name, double value, const QString &target) {
        out << QStringLiteral("%1 %2 %3\n").arg(name, -34).arg(value, 12, 'f', 3).arg(target, 10);
    };
    row(QStringLiteral("score 100k (ms)"), scoreMs, QString());
    row(QStringLiteral("upsert 100k, one batch (ms)"), upsertMs, QStringLiteral("< 600"));
    row(QStringLiteral("next of 100k, worst of 50 (ms)"), nextWorstMs, QStringLiteral("< 20"));
    row(QStringLiteral("next of 100k, median (ms)"), nextMedianMs, QString());
    row(QStringLiteral("peak RSS (MB)"), rssMb, QString());
    return 0;
}
