// bench_store: upsert 100,000 realistic tasks in one batch, then choose the
// next task among them. Prints a table, or one JSON object with --json.

#include "BenchSupport.h"

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

const QStringList Verbs = {QStringLiteral("Fix"),      QStringLiteral("Add"),
                           QStringLiteral("Update"),   QStringLiteral("Review"),
                           QStringLiteral("Refactor"), QStringLiteral("Investigate"),
                           QStringLiteral("Document"), QStringLiteral("Migrate"),
                           QStringLiteral("Remove"),   QStringLiteral("Test")};
const QStringList Objects = {
    QStringLiteral("login flow"),        QStringLiteral("invoice export"),
    QStringLiteral("search results"),    QStringLiteral("onboarding email"),
    QStringLiteral("API rate limiting"), QStringLiteral("dashboard charts"),
    QStringLiteral("password reset"),    QStringLiteral("CSV import"),
    QStringLiteral("mobile layout"),     QStringLiteral("webhook retries"),
    QStringLiteral("billing page"),      QStringLiteral("audit log")};
const QStringList Details = {QString(),
                             QStringLiteral(" on Safari"),
                             QStringLiteral(" for large accounts"),
                             QStringLiteral(" after the v2 release"),
                             QStringLiteral(" (customer report)"),
                             QStringLiteral(" in staging")};
const QStringList Clients = {QStringLiteral("acme"),    QStringLiteral("globex"),
                             QStringLiteral("initech"), QStringLiteral("umbrella"),
                             QStringLiteral("hooli"),   QStringLiteral("stark"),
                             QStringLiteral("wayne"),   QStringLiteral("tyrell")};

QList<Entity> makeEntities()
{
    QList<Entity> entities;
    for (qsizetype i = 0; i < Clients.size(); ++i)
        entities.append(
            {Clients.at(i), Clients.at(i).toUpper(), i % 2 == 0, 0.5 + 0.25 * double(i % 4), {}});
    return entities;
}

QList<Task> makeTasks(QRandomGenerator &random, const QDateTime &now)
{
    QList<Task> tasks;
    tasks.reserve(TaskCount);
    for (int i = 0; i < TaskCount; ++i) {
        Task task;
        const bool gitHub = random.bounded(100) < 45;
        task.source = gitHub ? Sources::GitHub : Sources::ClickUp;
        if (gitHub) {
            task.container =
                QStringLiteral("org%1/repo-%2").arg(random.bounded(5)).arg(random.bounded(40));
            task.sourceId = QStringLiteral("%1#%2").arg(task.container).arg(i + 1);
            task.url =
                QStringLiteral("https://github.com/%1/issues/%2").arg(task.container).arg(i + 1);
            task.isBlocking = random.bounded(100) < 8;
        } else {
            task.container = QString::number(900100 + random.bounded(30));
            task.sourceId =
                QStringLiteral("86%1").arg(QString::number(quint64(i) * 7919 + 1000003, 36));
            task.url = QStringLiteral("https://app.clickup.com/t/") + task.sourceId;
            task.sourcePriority = int(random.bounded(5));
        }
        task.id = Task::makeId(task.source, task.sourceId);
        task.entity =
            random.bounded(100) < 70 ? Clients.at(random.bounded(Clients.size())) : QString();
        task.title =
            (gitHub && !task.entity.isEmpty() ? QStringLiteral("[CLIENT:%1] ").arg(task.entity)
                                              : QString()) +
            Verbs.at(random.bounded(Verbs.size())) + QLatin1Char(' ') +
            Objects.at(random.bounded(Objects.size())) + Details.at(random.bounded(Details.size()));
        task.description =
            QStringLiteral("Reported by a customer. Steps to reproduce are in the linked ticket; "
                           "expected behaviour is described in the spec section %1.")
                .arg(random.bounded(200));
        const int roll = int(random.bounded(100));
        task.status = roll < 10   ? TaskStatus::Done
                      : roll < 25 ? TaskStatus::InProgress
                                  : TaskStatus::Todo;
        task.assignee = QStringLiteral("me");
        if (random.bounded(100) < 60)
            task.dueDate = now.date().addDays(random.bounded(-20, 60));
        task.updatedAt = now.addSecs(-qint64(random.bounded(60 * 86400)));
        task.lastActivity = task.updatedAt;
        tasks.append(task);
    }
    return tasks;
}

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
    QList<Task> tasks = makeTasks(random, now);

    // Scores are current before the upsert, as after a sync.
    const QList<Entity> entities = makeEntities();
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
    row(QStringLiteral("upsert 100k, one batch (ms)"), upsertMs, QStringLiteral("< 1500"));
    row(QStringLiteral("next of 100k, worst of 50 (ms)"), nextWorstMs, QStringLiteral("< 20"));
    row(QStringLiteral("next of 100k, median (ms)"), nextMedianMs, QString());
    row(QStringLiteral("peak RSS (MB)"), rssMb, QString());
    return 0;
}
