#include "TestTasks.h"

#include "core/Scorer.h"
#include "core/Translations.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>

using namespace UpNext;

// (key, points) of a breakdown, in order; labels are translated, so not compared.
using Breakdown = QList<std::pair<QString, double>>;

Q_DECLARE_METATYPE(UpNext::Task)
Q_DECLARE_METATYPE(UpNext::Entity)
Q_DECLARE_METATYPE(UpNext::ScoreWeights)

namespace {

// 2026-03-10 in every zone the tests run in (UTC-8 to UTC+13).
const QDateTime Now(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());

// An ordinary day and the days the clocks change in the zones the tests run in (2026).
const QList<QDate> Days{QDate(2026, 3, 10), QDate(2026, 3, 8),   QDate(2026, 11, 1),
                        QDate(2026, 3, 29), QDate(2026, 10, 25), QDate(2026, 4, 5),
                        QDate(2026, 9, 27)};

// A wall-clock time in the user's zone, given in UTC as the app passes it.
QDateTime local(const QDate &day, const QTime &time)
{
    return QDateTime(day, time).toUTC();
}

// A task with no signal at all: scores 0 with the default weights.
Task plainTask(const QString &id = QStringLiteral("clickup:1"))
{
    Task task;
    task.id = id;
    task.source = Sources::ClickUp;
    task.sourceId = id.mid(id.indexOf(QLatin1Char(':')) + 1);
    task.title = QStringLiteral("Plain task");
    return task;
}

Entity makeEntity(const QString &id, bool revenue, double weight)
{
    Entity entity;
    entity.id = id;
    entity.name = id.toUpper();
    entity.revenue = revenue;
    entity.weight = weight;
    return entity;
}

Breakdown keysAndPoints(const ScoreResult &result)
{
    Breakdown breakdown;
    for (const ScoreContribution &contribution : result.breakdown)
        breakdown.append({contribution.key, contribution.points});
    return breakdown;
}

double sumOfPoints(const ScoreResult &result)
{
    return std::accumulate(result.breakdown.cbegin(), result.breakdown.cend(), 0.0,
                           [](double sum, const ScoreContribution &c) { return sum + c.points; });
}

Task scoredTask(const QString &id, double score)
{
    Task task = plainTask(id);
    task.score = score;
    return task;
}

} // namespace

class TestScorer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainTaskScoresZero();
    void singleSignal_data();
    void singleSignal();
    void entityLabelNamesTheClient();
    void labelsReadNaturally_data();
    void labelsReadNaturally();
    void combinedScoreIsSumOfBreakdown();
    void customWeights_data();
    void customWeights();
    void defaultWeights();
    void isPure();
    void ranksBefore_data();
    void ranksBefore();
    void sortingTiesIsDeterministic();
    void sortingScoredTasks();
    void dueDaysAreLocalDays_data();
    void dueDaysAreLocalDays();
    void idleDaysAreLocalDays_data();
    void idleDaysAreLocalDays();
};

void TestScorer::initTestCase()
{
    // English plurals ("1 change") come from a translation, as in the app.
    Translations::install(QStringLiteral("en"));
}

void TestScorer::plainTaskScoresZero()
{
    const ScoreResult result = Scorer().score(plainTask(), nullptr, Now);
    QCOMPARE(result.score, 0.0);
    QVERIFY(result.breakdown.isEmpty());
}

void TestScorer::singleSignal_data()
{
    QTest::addColumn<Task>("task");
    QTest::addColumn<bool>("hasEntity");
    QTest::addColumn<Entity>("entity");
    QTest::addColumn<Breakdown>("expected");

    const Entity none;
    const QString revenue = QStringLiteral("revenue");
    const QString entityWeight = QStringLiteral("entity_weight");

    // Client
    QTest::newRow("revenue entity, weight 1")
        << plainTask() << true << makeEntity(QStringLiteral("acme"), true, 1.0)
        << Breakdown{{revenue, 40}, {entityWeight, 10}};
    QTest::newRow("revenue entity, weight 2.5")
        << plainTask() << true << makeEntity(QStringLiteral("acme"), true, 2.5)
        << Breakdown{{revenue, 40}, {entityWeight, 25}};
    QTest::newRow("non-revenue entity, weight 3")
        << plainTask() << true << makeEntity(QStringLiteral("beta"), false, 3.0)
        << Breakdown{{entityWeight, 30}};
    QTest::newRow("revenue entity, weight 0")
        << plainTask() << true << makeEntity(QStringLiteral("acme"), true, 0.0)
        << Breakdown{{revenue, 40}};
    {
        Task task = plainTask();
        task.isRevenue = true;
        task.entity = QStringLiteral("unknown");
        QTest::newRow("task.isRevenue without entity")
            << task << false << none << Breakdown{{revenue, 40}};
        QTest::newRow("entity overrides task.isRevenue")
            << task << true << makeEntity(QStringLiteral("beta"), false, 1.0)
            << Breakdown{{entityWeight, 10}};
    }
    {
        Task task = plainTask();
        task.isRevenue = false;
        QTest::newRow("revenue entity overrides task not revenue")
            << task << true << makeEntity(QStringLiteral("acme"), true, 1.0)
            << Breakdown{{revenue, 40}, {entityWeight, 10}};
    }

    // Blocking
    {
        Task task = plainTask();
        task.isBlocking = true;
        QTest::newRow("blocking") << task << false << none
                                  << Breakdown{{QStringLiteral("blocking"), 30}};
    }

    // Due date (today is 2026-03-10)
    auto due = [](const QDate &date) {
        Task task = plainTask();
        task.dueDate = date;
        return task;
    };
    QTest::newRow("overdue by 1 day")
        << due(QDate(2026, 3, 9)) << false << none << Breakdown{{QStringLiteral("overdue"), 25}};
    QTest::newRow("overdue by 100 days")
        << due(QDate(2025, 11, 30)) << false << none << Breakdown{{QStringLiteral("overdue"), 25}};
    QTest::newRow("due today") << due(QDate(2026, 3, 10)) << false << none
                               << Breakdown{{QStringLiteral("due_today"), 20}};
    QTest::newRow("due tomorrow") << due(QDate(2026, 3, 11)) << false << none
                                  << Breakdown{{QStringLiteral("due_this_week"), 10}};
    QTest::newRow("due in exactly 7 days") << due(QDate(2026, 3, 17)) << false << none
                                           << Breakdown{{QStringLiteral("due_this_week"), 10}};
    // dueLater and noDueDate are 0 by default, so they add nothing (see customWeights).
    QTest::newRow("due in 8 days") << due(QDate(2026, 3, 18)) << false << none << Breakdown{};
    QTest::newRow("due in a year") << due(QDate(2027, 3, 10)) << false << none << Breakdown{};
    QTest::newRow("no due date") << due(QDate()) << false << none << Breakdown{};

    // Staleness: 0.5 points per idle day from 7 days on, at most 30 days.
    const QString stale = QStringLiteral("stale");
    auto idle = [](const QDateTime &lastActivity, const QDateTime &updatedAt = {}) {
        Task task = plainTask();
        task.lastActivity = lastActivity;
        task.updatedAt = updatedAt;
        return task;
    };
    QTest::newRow("active 6 days ago") << idle(Now.addDays(-6)) << false << none << Breakdown{};
    QTest::newRow("active 1 second short of 7 days, 7 by the calendar")
        << idle(Now.addSecs(-7 * 86400 + 1)) << false << none << Breakdown{{stale, 3.5}};
    QTest::newRow("active exactly 7 days ago")
        << idle(Now.addDays(-7)) << false << none << Breakdown{{stale, 3.5}};
    QTest::newRow("active 10 days ago")
        << idle(Now.addDays(-10)) << false << none << Breakdown{{stale, 5}};
    QTest::newRow("active 30 days ago")
        << idle(Now.addDays(-30)) << false << none << Breakdown{{stale, 15}};
    QTest::newRow("active 31 days ago, capped")
        << idle(Now.addDays(-31)) << false << none << Breakdown{{stale, 15}};
    QTest::newRow("active 400 days ago, capped")
        << idle(Now.addDays(-400)) << false << none << Breakdown{{stale, 15}};
    QTest::newRow("active in the future") << idle(Now.addDays(2)) << false << none << Breakdown{};
    QTest::newRow("no lastActivity, updated 10 days ago")
        << idle(QDateTime(), Now.addDays(-10)) << false << none << Breakdown{{stale, 5}};
    QTest::newRow("no lastActivity, updated 2 days ago")
        << idle(QDateTime(), Now.addDays(-2)) << false << none << Breakdown{};
    QTest::newRow("recent lastActivity wins over old updatedAt")
        << idle(Now.addDays(-1), Now.addDays(-100)) << false << none << Breakdown{};
    QTest::newRow("old lastActivity wins over recent updatedAt")
        << idle(Now.addDays(-12), Now.addDays(-1)) << false << none << Breakdown{{stale, 6}};

    // Status
    {
        Task task = plainTask();
        task.status = TaskStatus::InProgress;
        QTest::newRow("in progress")
            << task << false << none << Breakdown{{QStringLiteral("in_progress"), 15}};
        task.status = TaskStatus::Done;
        QTest::newRow("done") << task << false << none << Breakdown{};
    }

    // Source priority
    auto priority = [](int p) {
        Task task = plainTask();
        task.sourcePriority = p;
        return task;
    };
    const QString prio = QStringLiteral("priority");
    QTest::newRow("priority 1 (urgent)") << priority(1) << false << none << Breakdown{{prio, 20}};
    QTest::newRow("priority 2 (high)") << priority(2) << false << none << Breakdown{{prio, 10}};
    QTest::newRow("priority 3 (normal)") << priority(3) << false << none << Breakdown{};
    QTest::newRow("priority 4 (low)") << priority(4) << false << none << Breakdown{{prio, -5}};
    QTest::newRow("priority 0 (none)") << priority(0) << false << none << Breakdown{};
    QTest::newRow("priority 5 (out of range)") << priority(5) << false << none << Breakdown{};
}

void TestScorer::singleSignal()
{
    QFETCH(Task, task);
    QFETCH(bool, hasEntity);
    QFETCH(Entity, entity);
    QFETCH(Breakdown, expected);

    const ScoreResult result = Scorer().score(task, hasEntity ? &entity : nullptr, Now);
    QCOMPARE(keysAndPoints(result), expected);

    double expectedScore = 0;
    for (const auto &[key, points] : expected)
        expectedScore += points;
    QCOMPARE(result.score, expectedScore);
    for (const ScoreContribution &contribution : result.breakdown)
        QVERIFY2(!contribution.label.isEmpty(), qPrintable(contribution.key));
}

void TestScorer::entityLabelNamesTheClient()
{
    Entity entity = makeEntity(QStringLiteral("acme"), true, 2);
    entity.name = QStringLiteral("Acme Corp");
    const ScoreResult withEntity = Scorer().score(plainTask(), &entity, Now);
    QCOMPARE(withEntity.breakdown.size(), 2);
    QVERIFY2(withEntity.breakdown.at(0).label.contains(QLatin1String("Acme Corp")),
             qPrintable(withEntity.breakdown.at(0).label));
    QVERIFY2(withEntity.breakdown.at(1).label.contains(QLatin1String("Acme Corp")),
             qPrintable(withEntity.breakdown.at(1).label));

    Task task = plainTask();
    task.isRevenue = true;
    task.entity = QStringLiteral("newco");
    const ScoreResult withoutEntity = Scorer().score(task, nullptr, Now);
    QCOMPARE(withoutEntity.breakdown.size(), 1);
    QVERIFY2(withoutEntity.breakdown.at(0).label.contains(QLatin1String("newco")),
             qPrintable(withoutEntity.breakdown.at(0).label));
}

void TestScorer::combinedScoreIsSumOfBreakdown()
{
    Task task = plainTask();
    task.isBlocking = true;
    task.dueDate = QDate(2026, 3, 1);
    task.lastActivity = Now.addDays(-10);
    task.status = TaskStatus::InProgress;
    task.sourcePriority = 1;
    const Entity entity = makeEntity(QStringLiteral("acme"), true, 2);

    const ScoreResult result = Scorer().score(task, &entity, Now);
    const Breakdown expected{
        {QStringLiteral("revenue"), 40},  {QStringLiteral("entity_weight"), 20},
        {QStringLiteral("blocking"), 30}, {QStringLiteral("overdue"), 25},
        {QStringLiteral("stale"), 5},     {QStringLiteral("in_progress"), 15},
        {QStringLiteral("priority"), 20},
    };
    QCOMPARE(keysAndPoints(result), expected);
    QCOMPARE(result.score, 155.0);
    QCOMPARE(result.score, sumOfPoints(result));
}

void TestScorer::customWeights_data()
{
    QTest::addColumn<ScoreWeights>("weights");
    QTest::addColumn<Task>("task");
    QTest::addColumn<bool>("hasEntity");
    QTest::addColumn<Entity>("entity");
    QTest::addColumn<Breakdown>("expected");

    const Entity none;
    ScoreWeights weights;
    weights.revenue = 7;
    weights.entityWeight = 3;
    weights.blocking = 11;
    weights.overdue = 13;
    weights.dueToday = 17;
    weights.dueThisWeek = 19;
    weights.dueLater = 2;
    weights.noDueDate = -4;
    weights.stalePerDay = 1;
    weights.staleAfterDays = 3;
    weights.staleMaxDays = 5;
    weights.inProgress = 23;
    weights.priorityUrgent = 29;
    weights.priorityHigh = 31;
    weights.priorityNormal = 37;
    weights.priorityLow = 41;

    auto task = [](auto change) {
        Task t = plainTask();
        t.dueDate = QDate(2026, 3, 20); // "later": adds dueLater
        change(t);
        return t;
    };
    const auto later = std::pair{QStringLiteral("due_later"), 2.0};

    QTest::newRow("revenue entity")
        << weights << task([](Task &) {}) << true << makeEntity(QStringLiteral("acme"), true, 2)
        << Breakdown{{QStringLiteral("revenue"), 7}, {QStringLiteral("entity_weight"), 6}, later};
    QTest::newRow("blocking") << weights << task([](Task &t) { t.isBlocking = true; }) << false
                              << none << Breakdown{{QStringLiteral("blocking"), 11}, later};
    QTest::newRow("overdue") << weights << task([](Task &t) { t.dueDate = QDate(2026, 3, 9); })
                             << false << none << Breakdown{{QStringLiteral("overdue"), 13}};
    QTest::newRow("due today") << weights << task([](Task &t) { t.dueDate = QDate(2026, 3, 10); })
                               << false << none << Breakdown{{QStringLiteral("due_today"), 17}};
    QTest::newRow("due this week")
        << weights << task([](Task &t) { t.dueDate = QDate(2026, 3, 17); }) << false << none
        << Breakdown{{QStringLiteral("due_this_week"), 19}};
    QTest::newRow("due later") << weights << task([](Task &) {}) << false << none
                               << Breakdown{later};
    QTest::newRow("no due date") << weights << task([](Task &t) { t.dueDate = QDate(); }) << false
                                 << none << Breakdown{{QStringLiteral("due_none"), -4}};
    QTest::newRow("stale below custom threshold")
        << weights << task([](Task &t) { t.lastActivity = Now.addDays(-2); }) << false << none
        << Breakdown{later};
    QTest::newRow("stale at custom threshold")
        << weights << task([](Task &t) { t.lastActivity = Now.addDays(-3); }) << false << none
        << Breakdown{later, {QStringLiteral("stale"), 3}};
    QTest::newRow("stale at custom cap")
        << weights << task([](Task &t) { t.lastActivity = Now.addDays(-20); }) << false << none
        << Breakdown{later, {QStringLiteral("stale"), 5}};
    QTest::newRow("in progress") << weights << task([](Task &t) {
        t.status = TaskStatus::InProgress;
    }) << false << none << Breakdown{later, {QStringLiteral("in_progress"), 23}};
    for (const auto &[p, points] :
         {std::pair{1, 29.0}, std::pair{2, 31.0}, std::pair{3, 37.0}, std::pair{4, 41.0}}) {
        QTest::addRow("priority %d", p)
            << weights << task([p = p](Task &t) { t.sourcePriority = p; }) << false << none
            << Breakdown{later, {QStringLiteral("priority"), points}};
    }
}

void TestScorer::customWeights()
{
    QFETCH(ScoreWeights, weights);
    QFETCH(Task, task);
    QFETCH(bool, hasEntity);
    QFETCH(Entity, entity);
    QFETCH(Breakdown, expected);

    const Scorer scorer(weights);
    QCOMPARE(scorer.weights(), weights);
    const ScoreResult result = scorer.score(task, hasEntity ? &entity : nullptr, Now);
    QCOMPARE(keysAndPoints(result), expected);
    QCOMPARE(result.score, sumOfPoints(result));
}

void TestScorer::defaultWeights()
{
    const ScoreWeights defaults;
    QCOMPARE(Scorer().weights(), defaults);
    QCOMPARE(defaults.revenue, 40.0);
    QCOMPARE(defaults.entityWeight, 10.0);
    QCOMPARE(defaults.blocking, 30.0);
    QCOMPARE(defaults.staleAfterDays, 7);
    QCOMPARE(defaults.staleMaxDays, 30);

    ScoreWeights other;
    other.blocking = 1;
    QVERIFY(!(Scorer(other).weights() == defaults));
}

void TestScorer::isPure()
{
    Task task = plainTask();
    task.isBlocking = true;
    task.dueDate = QDate(2026, 3, 12);
    task.updatedAt = Now.addDays(-9);
    task.sourcePriority = 2;
    const Entity entity = makeEntity(QStringLiteral("acme"), true, 1.5);
    const Task taskBefore = task;
    const Entity entityBefore = entity;

    const Scorer scorer;
    const ScoreResult first = scorer.score(task, &entity, Now);
    const ScoreResult second = scorer.score(task, &entity, Now);
    const ScoreResult fromAnotherScorer = Scorer().score(task, &entity, Now);

    QVERIFY(!first.breakdown.isEmpty());
    QCOMPARE(second.score, first.score);
    QCOMPARE(second.breakdown, first.breakdown);
    QCOMPARE(fromAnotherScorer.score, first.score);
    QCOMPARE(fromAnotherScorer.breakdown, first.breakdown);
    // Inputs are left untouched.
    QCOMPARE(task, taskBefore);
    QCOMPARE(entity, entityBefore);
    QCOMPARE(task.score, 0.0);
}

void TestScorer::ranksBefore_data()
{
    QTest::addColumn<double>("scoreA");
    QTest::addColumn<QString>("idA");
    QTest::addColumn<double>("scoreB");
    QTest::addColumn<QString>("idB");
    QTest::addColumn<bool>("expected");

    const QString a = QStringLiteral("clickup:a");
    const QString b = QStringLiteral("clickup:b");
    const QString gh = QStringLiteral("github:o/r#1");
    QTest::newRow("higher score first") << 50.0 << b << 10.0 << a << true;
    QTest::newRow("lower score after") << 10.0 << a << 50.0 << b << false;
    QTest::newRow("negative vs zero") << -5.0 << a << 0.0 << b << false;
    QTest::newRow("fractional difference") << 10.5 << b << 10.0 << a << true;
    QTest::newRow("tie: smaller id first") << 10.0 << a << 10.0 << b << true;
    QTest::newRow("tie: larger id after") << 10.0 << b << 10.0 << a << false;
    QTest::newRow("tie: source prefix orders") << 10.0 << a << 10.0 << gh << true;
    QTest::newRow("same task is not before itself") << 10.0 << a << 10.0 << a << false;
}

void TestScorer::ranksBefore()
{
    QFETCH(double, scoreA);
    QFETCH(QString, idA);
    QFETCH(double, scoreB);
    QFETCH(QString, idB);
    QFETCH(bool, expected);

    const Task a = scoredTask(idA, scoreA);
    const Task b = scoredTask(idB, scoreB);
    QCOMPARE(Scorer::ranksBefore(a, b), expected);
    if (expected) // a strict ordering is asymmetric
        QVERIFY(!Scorer::ranksBefore(b, a));
}

void TestScorer::sortingTiesIsDeterministic()
{
    const QList<Task> tasks{
        scoredTask(QStringLiteral("github:o/r#2"), 10), scoredTask(QStringLiteral("clickup:b"), 10),
        scoredTask(QStringLiteral("clickup:c"), 20),    scoredTask(QStringLiteral("clickup:a"), 10),
        scoredTask(QStringLiteral("github:o/r#1"), 10), scoredTask(QStringLiteral("clickup:z"), -1),
    };
    const QStringList expected{
        QStringLiteral("clickup:c"),    QStringLiteral("clickup:a"),    QStringLiteral("clickup:b"),
        QStringLiteral("github:o/r#1"), QStringLiteral("github:o/r#2"), QStringLiteral("clickup:z"),
    };

    // Every permutation of the input sorts to the same order, with either algorithm.
    QList<int> order(tasks.size());
    std::iota(order.begin(), order.end(), 0);
    int permutations = 0;
    do {
        QList<Task> shuffled;
        for (int i : std::as_const(order))
            shuffled.append(tasks.at(i));
        QList<Task> sorted = shuffled;
        std::sort(sorted.begin(), sorted.end(), &Scorer::ranksBefore);
        QCOMPARE(TestTasks::idsOf(sorted), expected);
        QList<Task> stableSorted = shuffled;
        std::stable_sort(stableSorted.begin(), stableSorted.end(), &Scorer::ranksBefore);
        QCOMPARE(TestTasks::idsOf(stableSorted), expected);
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    QCOMPARE(permutations, 720);
}

void TestScorer::sortingScoredTasks()
{
    // Tasks whose scores come from the Scorer: two tie, and the tie is broken by id.
    const Scorer scorer;
    const Entity acme = makeEntity(QStringLiteral("acme"), true, 1);

    Task blocking = plainTask(QStringLiteral("clickup:blocking"));
    blocking.isBlocking = true; // 30
    Task dueToday = plainTask(QStringLiteral("clickup:today"));
    dueToday.dueDate = Now.date();
    dueToday.sourcePriority = 2; // 20 + 10 = 30
    Task revenue = plainTask(QStringLiteral("clickup:revenue"));
    revenue.entity = acme.id; // 40 + 10 = 50
    Task low = plainTask(QStringLiteral("clickup:low"));
    low.sourcePriority = 4; // -5

    QList<Task> tasks{low, dueToday, revenue, blocking};
    for (Task &task : tasks)
        task.score = scorer.score(task, task.entity == acme.id ? &acme : nullptr, Now).score;
    std::stable_sort(tasks.begin(), tasks.end(), &Scorer::ranksBefore);

    QCOMPARE(TestTasks::idsOf(tasks),
             (QStringList{QStringLiteral("clickup:revenue"), QStringLiteral("clickup:blocking"),
                          QStringLiteral("clickup:today"), QStringLiteral("clickup:low")}));
    QCOMPARE(tasks.at(0).score, 50.0);
    QCOMPARE(tasks.at(1).score, 30.0);
    QCOMPARE(tasks.at(2).score, 30.0);
    QCOMPARE(tasks.at(3).score, -5.0);
}

void TestScorer::labelsReadNaturally_data()
{
    QTest::addColumn<QDate>("dueDate");
    QTest::addColumn<QDateTime>("lastActivity");
    QTest::addColumn<QString>("label");

    const QDateTime now(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());
    QTest::newRow("overdue 1") << QDate(2026, 3, 9) << now << "Overdue by 1 day";
    QTest::newRow("overdue 3") << QDate(2026, 3, 7) << now << "Overdue by 3 days";
    QTest::newRow("due in 1") << QDate(2026, 3, 11) << now << "Due in 1 day";
    QTest::newRow("due in 12") << QDate(2026, 3, 22) << now << "Due in 12 days";
    QTest::newRow("due today") << QDate(2026, 3, 10) << now << "Due today";
    QTest::newRow("stale") << QDate() << now.addDays(-9) << "No activity for 9 days";
}

void TestScorer::labelsReadNaturally()
{
    QFETCH(QDate, dueDate);
    QFETCH(QDateTime, lastActivity);
    QFETCH(QString, label);

    ScoreWeights weights;
    weights.dueLater = 1; // so "due later" shows in the breakdown
    weights.noDueDate = 0;
    Task task;
    task.id = QStringLiteral("clickup:x");
    task.dueDate = dueDate;
    task.lastActivity = lastActivity;
    const ScoreResult result = Scorer(weights).score(
        task, nullptr, QDateTime(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc()));
    QStringList labels;
    for (const ScoreContribution &contribution : result.breakdown)
        labels.append(contribution.label);
    QVERIFY2(labels.contains(label), qPrintable(labels.join(QStringLiteral(" | "))));
}

void TestScorer::dueDaysAreLocalDays_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDate>("today");

    for (const QDate &day : Days) {
        for (const QTime &time : {QTime(0, 0, 30), QTime(20, 33), QTime(23, 59, 30)})
            QTest::addRow("%s %s", qPrintable(day.toString(Qt::ISODate)),
                          qPrintable(time.toString(Qt::ISODate)))
                << local(day, time) << day;
    }
}

void TestScorer::dueDaysAreLocalDays()
{
    QFETCH(QDateTime, now);
    QFETCH(QDate, today);

    const auto scored = [&now](const QDate &due) {
        Task task = plainTask();
        task.dueDate = due;
        return keysAndPoints(Scorer().score(task, nullptr, now));
    };
    // At 20:33 in Los Angeles it is already tomorrow in UTC; just after midnight in Tokyo it is
    // still yesterday.
    QCOMPARE(scored(today), (Breakdown{{QStringLiteral("due_today"), 20}}));
    QCOMPARE(scored(today.addDays(-1)), (Breakdown{{QStringLiteral("overdue"), 25}}));
    QCOMPARE(scored(today.addDays(1)), (Breakdown{{QStringLiteral("due_this_week"), 10}}));
}

void TestScorer::idleDaysAreLocalDays_data()
{
    QTest::addColumn<QDateTime>("lastActivity");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<double>("days");

    const QTime morning(9, 0);
    QTest::newRow("late on the 3rd, early on the 10th")
        << local(QDate(2026, 3, 3), QTime(23, 59, 59)) << local(QDate(2026, 3, 10), QTime(0, 0, 30))
        << 7.0;
    QTest::newRow("early on the 4th, late on the 10th")
        << local(QDate(2026, 3, 4), QTime(0, 0)) << local(QDate(2026, 3, 10), QTime(23, 59)) << 6.0;
    QTest::newRow("over midnight")
        << local(QDate(2026, 3, 9), QTime(23, 59)) << local(QDate(2026, 3, 10), QTime(0, 1)) << 1.0;
    QTest::newRow("same day") << local(QDate(2026, 3, 10), QTime(0, 1))
                              << local(QDate(2026, 3, 10), QTime(23, 59)) << 0.0;
    // A week across a spring change is 167 hours, across an autumn change 169.
    for (const QDate &day : {QDate(2026, 3, 8), QDate(2026, 3, 29), QDate(2026, 9, 27)})
        QTest::addRow("a week up to %s", qPrintable(day.toString(Qt::ISODate)))
            << local(day.addDays(-7), morning) << local(day, morning) << 7.0;
    for (const QDate &day : {QDate(2026, 11, 1), QDate(2026, 10, 25), QDate(2026, 4, 5)})
        QTest::addRow("six days from %s", qPrintable(day.toString(Qt::ISODate)))
            << local(day, QTime(0, 30)) << local(day.addDays(6), QTime(23, 45)) << 6.0;
}

void TestScorer::idleDaysAreLocalDays()
{
    QFETCH(QDateTime, lastActivity);
    QFETCH(QDateTime, now);
    QFETCH(double, days);

    ScoreWeights weights; // one point a day, from the first day
    weights.stalePerDay = 1;
    weights.staleAfterDays = 1;
    weights.staleMaxDays = 1000;
    Task task = plainTask();
    task.lastActivity = lastActivity;
    const Breakdown expected = days > 0 ? Breakdown{{QStringLiteral("stale"), days}} : Breakdown{};
    QCOMPARE(keysAndPoints(Scorer(weights).score(task, nullptr, now)), expected);
}

QTEST_GUILESS_MAIN(TestScorer)
#include "tst_scorer.moc"
