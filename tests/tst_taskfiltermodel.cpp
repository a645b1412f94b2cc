#include "TestTasks.h"

#include "app/TaskFilterModel.h"
#include "app/TaskTableModel.h"
#include "core/Entities.h"
#include "core/TaskStore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestTaskFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sortsByEachColumn();
    void filtersByTitleClientSourceAndStatus();
    void keepsTheSelectionThroughASync();
    void narrowsAsKeysAreTyped();

private:
    QStringList titles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<Entities> m_entities;
    std::unique_ptr<TaskTableModel> m_tasks;
    std::unique_ptr<TaskFilterModel> m_filter;
};

void TestTaskFilterModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<TaskStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))));
    QFile file(m_dir->filePath(QStringLiteral("entities.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id": "acme", "name": "Acme Corp"}])");
    file.close();
    m_entities = std::make_unique<Entities>();
    QVERIFY(m_entities->load(file.fileName()));

    Task dated = clickUp(QStringLiteral("a"), QStringLiteral("Write the invoice"), 9.5);
    dated.dueDate = QDate(2026, 3, 14);
    dated.entity = QStringLiteral("acme");
    Task later = gitHub(QStringLiteral("o/r"), 1, QStringLiteral("fix login"), 20);
    later.dueDate = QDate(2026, 4, 1);
    later.status = TaskStatus::InProgress;
    Task undated = clickUp(QStringLiteral("b"), QStringLiteral("Call Bob"), 1);
    QVERIFY(m_store->upsert({dated, later, undated}));

    m_tasks = std::make_unique<TaskTableModel>(m_store.get(), m_entities.get());
    m_filter = std::make_unique<TaskFilterModel>();
    m_filter->setSourceModel(m_tasks.get());
}

QStringList TestTaskFilterModel::titles() const
{
    QStringList result;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        result.append(m_filter->index(row, TaskTableModel::TitleColumn).data().toString());
    return result;
}

void TestTaskFilterModel::sortsByEachColumn()
{
    QAbstractItemModelTester tester(m_filter.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filter->sort(TaskTableModel::ScoreColumn, Qt::DescendingOrder);
    QCOMPARE(titles(),
             (QStringList{QStringLiteral("fix login"), QStringLiteral("Write the invoice"),
                          QStringLiteral("Call Bob")}));
    m_filter->sort(TaskTableModel::TitleColumn); // case does not count
    QCOMPARE(titles(), (QStringList{QStringLiteral("Call Bob"), QStringLiteral("fix login"),
                                    QStringLiteral("Write the invoice")}));
    m_filter->sort(TaskTableModel::DueColumn); // undated tasks after every dated one
    QCOMPARE(titles(), (QStringList{QStringLiteral("Write the invoice"),
                                    QStringLiteral("fix login"), QStringLiteral("Call Bob")}));
    m_filter->sort(TaskTableModel::DueColumn, Qt::DescendingOrder); // both ways
    QCOMPARE(titles(),
             (QStringList{QStringLiteral("fix login"), QStringLiteral("Write the invoice"),
                          QStringLiteral("Call Bob")}));
    // And they stay last as tasks come and go in a sorted list.
    Task undated = clickUp(QStringLiteral("c"), QStringLiteral("Undated too"), 3);
    Task soon = clickUp(QStringLiteral("d"), QStringLiteral("Due soon"), 2);
    soon.dueDate = QDate(2026, 3, 11);
    QVERIFY(m_store->upsert({undated, soon}));
    QCOMPARE(titles().mid(0, 3),
             (QStringList{QStringLiteral("fix login"), QStringLiteral("Write the invoice"),
                          QStringLiteral("Due soon")}));
    m_filter->sort(TaskTableModel::DueColumn);
    QCOMPARE(titles().mid(0, 3),
             (QStringList{QStringLiteral("Due soon"), QStringLiteral("Write the invoice"),
                          QStringLiteral("fix login")}));
    QVERIFY(m_store->removeTask(undated.id) && m_store->removeTask(soon.id));
    m_filter->sort(TaskTableModel::ClientColumn, Qt::DescendingOrder);
    QCOMPARE(titles().first(), QStringLiteral("Write the invoice"));
    m_filter->sort(TaskTableModel::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(titles().first(), QStringLiteral("fix login"));
}

void TestTaskFilterModel::filtersByTitleClientSourceAndStatus()
{
    m_filter->sort(TaskTableModel::ScoreColumn, Qt::DescendingOrder);
    QSignalSpy reset(m_filter.get(), &QAbstractItemModel::modelAboutToBeReset);
    m_filter->setQuery(QStringLiteral("INVOICE"));
    QCOMPARE(titles(), QStringList{QStringLiteral("Write the invoice")});
    m_filter->setQuery(QStringLiteral("acme")); // the client's name
    QCOMPARE(titles(), QStringList{QStringLiteral("Write the invoice")});
    m_filter->setQuery(QStringLiteral("github"));
    QCOMPARE(titles(), QStringList{QStringLiteral("fix login")});
    m_filter->setQuery(QStringLiteral("in progress"));
    QCOMPARE(titles(), QStringList{QStringLiteral("fix login")});
    m_filter->setQuery(QStringLiteral("  "));
    QCOMPARE(m_filter->rowCount(), 3);
    QCOMPARE(reset.count(), 0);
}

void TestTaskFilterModel::keepsTheSelectionThroughASync()
{
    m_filter->sort(TaskTableModel::ScoreColumn, Qt::DescendingOrder);
    m_filter->setQuery(QStringLiteral("i")); // all three, and GitHub's new one below
    const QPersistentModelIndex selected = m_filter->index(1, 0);
    QCOMPARE(selected.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("clickup:a"));

    Task better = *m_store->task(QStringLiteral("clickup:b"));
    better.score = 50;
    better.title = QStringLiteral("Call Bob, it is urgent");
    QVERIFY(m_store->upsert({better, gitHub(QStringLiteral("o/r"), 2, QStringLiteral("New"), 5)}));
    QCOMPARE(titles(),
             (QStringList{QStringLiteral("Call Bob, it is urgent"), QStringLiteral("fix login"),
                          QStringLiteral("Write the invoice"), QStringLiteral("New")}));
    QCOMPARE(selected.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("clickup:a"));
}

// Each key typed searches only what the query before it matched, unless the tasks changed
// in between.
void TestTaskFilterModel::narrowsAsKeysAreTyped()
{
    m_filter->sort(TaskTableModel::ScoreColumn, Qt::DescendingOrder);
    m_filter->setQuery(QStringLiteral("i"));
    QCOMPARE(m_filter->rowCount(), 3);
    m_filter->setQuery(QStringLiteral("in"));
    QCOMPARE(titles(),
             (QStringList{QStringLiteral("fix login"), QStringLiteral("Write the invoice")}));
    m_filter->setQuery(QStringLiteral("inv"));
    QCOMPARE(titles(), QStringList{QStringLiteral("Write the invoice")});

    // Renamed while "inv" is shown: the next key searches it again.
    Task renamed = *m_store->task(QStringLiteral("clickup:b"));
    renamed.title = QStringLiteral("Call Bob about the invoice");
    QVERIFY(m_store->upsert({renamed}));
    m_filter->setQuery(QStringLiteral("invo"));
    QCOMPARE(titles(), (QStringList{QStringLiteral("Write the invoice"),
                                    QStringLiteral("Call Bob about the invoice")}));
    m_filter->setQuery(QStringLiteral("in")); // a key deleted: everything is searched
    QCOMPARE(m_filter->rowCount(), 3);
}

QTEST_MAIN(TestTaskFilterModel)
#include "tst_taskfiltermodel.moc"
