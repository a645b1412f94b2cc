#include "TestTasks.h"

#include "core/Entities.h"
#include "core/RankingPreview.h"

#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

// The settings' live preview: the same tasks ranked again with other weights, best first.
class TestRankingPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranksByTheWeightsGiven();
    void tiesGoByIdAndLimitCuts();
    void clientsCountWithTheirWeight();

private:
    static QStringList ids(const QList<std::pair<Task, ScoreResult>> &ranked)
    {
        QStringList result;
        for (const auto &[task, why] : ranked)
            result.append(task.id);
        return result;
    }
    const QDateTime m_now = utc(2026, 3, 10, 9);
};

void TestRankingPreview::ranksByTheWeightsGiven()
{
    Task blocking = clickUp(QStringLiteral("b"), QStringLiteral("Blocks the release"));
    blocking.isBlocking = true;
    Task overdue = clickUp(QStringLiteral("o"), QStringLiteral("Overdue invoice"));
    overdue.dueDate = QDate(2026, 3, 2);
    overdue.updatedAt = overdue.lastActivity = m_now; // not stale
    blocking.updatedAt = blocking.lastActivity = m_now;
    const RankingPreview preview({overdue, blocking}, nullptr, m_now);

    ScoreWeights weights; // blocking 30 beats overdue 25
    auto top = preview.top(weights, 5);
    QCOMPARE(ids(top), QStringList({blocking.id, overdue.id}));
    QCOMPARE(top.first().first.score, 30.0);
    QCOMPARE(top.first().second.breakdown.first().key, QStringLiteral("blocking"));

    weights.overdue = 50;
    top = preview.top(weights, 5);
    QCOMPARE(ids(top), QStringList({overdue.id, blocking.id}));
    QCOMPARE(top.first().first.score, 50.0);
}

void TestRankingPreview::tiesGoByIdAndLimitCuts()
{
    QList<Task> tasks;
    for (const int number : {3, 1, 4, 2}) {
        Task task = gitHub(QStringLiteral("acme/web"), number, QStringLiteral("Same score"));
        task.updatedAt = m_now;
        tasks.append(task);
    }
    const RankingPreview preview(tasks, nullptr, m_now);
    const auto top = preview.top(ScoreWeights{}, 2);
    QCOMPARE(top.size(), 2);
    QCOMPARE(ids(top), QStringList({tasks[1].id, tasks[3].id})); // #1, #2
    QVERIFY(preview.top(ScoreWeights{}, 0).isEmpty());
    QCOMPARE(preview.top(ScoreWeights{}, 10).size(), 4);
}

void TestRankingPreview::clientsCountWithTheirWeight()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("entities.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id": "acme", "name": "Acme", "revenue": true, "weight": 2}])");
    file.close();
    Entities entities;
    QVERIFY(entities.load(file.fileName()));

    Task client = clickUp(QStringLiteral("c"), QStringLiteral("For Acme"));
    client.entity = QStringLiteral("acme");
    client.updatedAt = m_now;
    Task blocking = clickUp(QStringLiteral("b"), QStringLiteral("Blocks"));
    blocking.isBlocking = true;
    blocking.updatedAt = m_now;
    const RankingPreview preview({blocking, client}, &entities, m_now);

    ScoreWeights weights; // revenue 40 + 2 × 10 beats blocking 30
    QCOMPARE(ids(preview.top(weights, 1)), QStringList({client.id}));
    QCOMPARE(preview.top(weights, 1).first().first.score, 60.0);
    weights.revenue = 0;
    weights.entityWeight = 0;
    QCOMPARE(ids(preview.top(weights, 1)), QStringList({blocking.id}));
}

QTEST_GUILESS_MAIN(TestRankingPreview)
#include "tst_rankingpreview.moc"
