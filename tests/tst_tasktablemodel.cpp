#include "ManualClock.h"
#include "TestTasks.h"

#include "app/TaskTableModel.h"
#include "app/Theme.h"
#include "core/Entities.h"
#include "core/TaskStore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestTaskTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void emptyStore();
    void showsOpenTasksBestFirst();
    void followsStoreChanges();
    void showsClientNamesFromEntities();
    void bigBatchIsOneLayoutChange();
    void keepsRowsBestFirst();
    void overdueByTheClock();
    void clientPrefixIsInTheClientColumn();
    void skippedTodayIsMarked();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TaskStore> m_store;
};

void TestTaskTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<TaskStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("upnext.db"))));
}

void TestTaskTableModel::emptyStore()
{
    TaskTableModel model(m_store.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(TaskTableModel::ColumnCount));
    QCOMPARE(model.headerData(TaskTableModel::TitleColumn, Qt::Horizontal).toString(),
             QStringLiteral("Task"));
}

void TestTaskTableModel::showsOpenTasksBestFirst()
{
    Task done = clickUp(QStringLiteral("d"), QStringLiteral("Finished"), 90);
    done.status = TaskStatus::Done;
    Task started = gitHub(QStringLiteral("acme/web"), 3, QStringLiteral("Fix login"), 42.5);
    started.status = TaskStatus::InProgress;
    started.dueDate = QDate(2026, 3, 14);
    QVERIFY(m_store->upsert(
        {clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10), started, done}));

    TaskTableModel model(m_store.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix login"));
    QCOMPARE(model.index(0, TaskTableModel::SourceColumn).data().toString(),
             QStringLiteral("GitHub"));
    QCOMPARE(model.index(0, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("In progress"));
    // Whole points without a decimal, halves with one: the Now card says the same.
    QCOMPARE(model.index(0, TaskTableModel::ScoreColumn).data().toString(),
             QLocale().toString(42.5, 'f', 1));
    QCOMPARE(model.index(1, TaskTableModel::ScoreColumn).data().toString(), QStringLiteral("10"));
    QCOMPARE(model.index(0, TaskTableModel::DueColumn).data().toString(),
             QLocale().toString(QDate(2026, 3, 14), QLocale::ShortFormat));
    QCOMPARE(
        model.index(0, TaskTableModel::TitleColumn).data(TaskTableModel::TaskIdRole).toString(),
        QStringLiteral("github:acme/web#3"));
    // The delegate shows a cut-off title whole; the model reads nothing for a tooltip.
    QVERIFY(!model.index(0, TaskTableModel::TitleColumn).data(Qt::ToolTipRole).isValid());
    QCOMPARE(model.index(1, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Write report"));
    QCOMPARE(model.index(1, TaskTableModel::StatusColumn).data().toString(),
             QStringLiteral("To do"));
    QCOMPARE(model.index(1, TaskTableModel::DueColumn).data().toString(), QString());
    QCOMPARE(model.rowAt(1).id, QStringLiteral("clickup:a"));
}

void TestTaskTableModel::followsStoreChanges()
{
    TaskTableModel model(m_store.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    Task task = clickUp(QStringLiteral("a"), QStringLiteral("New"), 1);
    Task other = clickUp(QStringLiteral("b"), QStringLiteral("Other"), 2);
    QVERIFY(m_store->upsert({task, other}));
    QCOMPARE(inserted.count(), 2); // each at its place
    QCOMPARE(model.rowCount(), 2);
    const QPersistentModelIndex otherRow = model.index(model.rowOf(other.id), 0);

    task.title = QStringLiteral("Renamed");
    QVERIFY(m_store->upsert({task}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(model.rowOf(task.id), TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Renamed"));
    QVERIFY(m_store->upsert({task})); // nothing moved: nothing to tell
    QCOMPARE(changed.count(), 1);

    task.status = TaskStatus::Done;
    QVERIFY(m_store->upsert({task}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(task.id), -1);
    QCOMPARE(otherRow.data(TaskTableModel::TaskIdRole).toString(), other.id);

    task.status = TaskStatus::Todo; // reopened
    QVERIFY(m_store->upsert({task}));
    QCOMPARE(model.rowCount(), 2);
    other.assignedToMe = false;
    QVERIFY(m_store->upsert({other}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowAt(0).id, task.id);
    QCOMPARE(reset.count(), 0);
}

void TestTaskTableModel::showsClientNamesFromEntities()
{
    const QString path = m_dir->filePath(QStringLiteral("entities.json"));
    auto writeEntities = [&path](const QByteArray &json) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    };
    writeEntities(R"([{"id": "acme", "name": "Acme Corp", "revenue": true}])");
    Entities entities;
    QVERIFY(entities.load(path));

    Task known = clickUp(QStringLiteral("a"), QStringLiteral("Known"), 2);
    known.entity = QStringLiteral("acme");
    Task unknown = clickUp(QStringLiteral("b"), QStringLiteral("Unknown"), 1);
    unknown.entity = QStringLiteral("globex");
    QVERIFY(m_store->upsert({known, unknown}));

    TaskTableModel model(m_store.get(), &entities);
    QCOMPARE(model.index(0, TaskTableModel::ClientColumn).data().toString(),
             QStringLiteral("Acme Corp"));
    QCOMPARE(model.index(1, TaskTableModel::ClientColumn).data().toString(),
             QStringLiteral("globex"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    writeEntities(R"([{"id": "acme", "name": "ACME Inc."}])");
    QVERIFY(entities.reload());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, TaskTableModel::ClientColumn).data().toString(),
             QStringLiteral("ACME Inc."));
}

void TestTaskTableModel::bigBatchIsOneLayoutChange()
{
    QList<Task> first;
    for (int i = 0; i < 50; ++i)
        first.append(clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), i));
    QVERIFY(m_store->upsert(first));
    TaskTableModel model(m_store.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QPersistentModelIndex kept = model.index(model.rowOf(QStringLiteral("clickup:t40")), 2);
    const QPersistentModelIndex closed = model.index(model.rowOf(QStringLiteral("clickup:t3")), 0);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);

    // A sync: 40 new tasks, one renamed, two closed.
    QList<Task> batch;
    for (int i = 50; i < 90; ++i)
        batch.append(clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), i));
    Task renamed = first.at(7);
    renamed.title = QStringLiteral("Renamed");
    batch.append(renamed);
    for (const int i : {3, 45}) {
        Task done = first.at(i);
        done.status = TaskStatus::Done;
        batch.append(done);
    }
    QVERIFY(m_store->upsert(batch));

    QCOMPARE(layout.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 88);
    QCOMPARE(model.rowOf(QStringLiteral("clickup:t3")), -1);
    QCOMPARE(model.rowOf(QStringLiteral("clickup:t45")), -1);
    QCOMPARE(model.index(model.rowOf(renamed.id), TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Renamed"));
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("clickup:t40"));
    QCOMPARE(kept.column(), 2);
    QVERIFY(!closed.isValid());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.rowAt(row).id), row);
}

// The rows stay in the store's order (best score first, then id) through each kind of change,
// a few at a time and a sync's worth at once.
void TestTaskTableModel::keepsRowsBestFirst()
{
    QList<Task> tasks;
    for (int i = 0; i < 60; ++i)
        tasks.append(
            clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), i % 20));
    QVERIFY(m_store->upsert(tasks));
    TaskTableModel model(m_store.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    const auto expectStoreOrder = [&] {
        const QList<Task> open = m_store->openTasks();
        QCOMPARE(model.rowCount(), open.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.rowAt(row).id, open.at(row).id);
            QCOMPARE(model.rowOf(open.at(row).id), row);
        }
    };
    expectStoreOrder();

    Task up = tasks.at(3); // to the top
    up.score = 99;
    Task down = tasks.at(58); // to the bottom
    down.score = -1;
    Task level = tasks.at(21); // between its equals, by id
    level.score = 5;
    QVERIFY(m_store->upsert(
        {up, down, level, clickUp(QStringLiteral("new"), QStringLiteral("New"), 7.5)}));
    QCOMPARE(moved.count(), 3);
    QCOMPARE(model.rowAt(0).id, up.id);
    QCOMPARE(model.rowAt(model.rowCount() - 1).id, down.id);
    expectStoreOrder();

    // A sync: scores move for half the rows, some close, some arrive.
    QList<Task> batch;
    for (int i = 0; i < 60; i += 2) {
        Task task = tasks.at(i);
        task.score = (i * 7) % 13;
        task.status = i % 10 == 0 ? TaskStatus::Done : TaskStatus::InProgress;
        batch.append(task);
    }
    for (int i = 60; i < 80; ++i)
        batch.append(
            clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task %1").arg(i), i % 9));
    QVERIFY(m_store->upsert(batch));
    expectStoreOrder();
    QCOMPARE(reset.count(), 0);
}

void TestTaskTableModel::overdueByTheClock()
{
    Task dated = clickUp(QStringLiteral("a"), QStringLiteral("Dated"), 9.5);
    dated.dueDate = QDate(2026, 3, 14);
    QVERIFY(m_store->upsert({dated}));
    TaskTableModel model(m_store.get(), nullptr);
    Test::ManualClock clock;
    model.setClock(&clock);
    const QModelIndex due = model.index(0, TaskTableModel::DueColumn);
    // Overdue once the clock's local day is past the due date, not before.
    clock.set(QDateTime(QDate(2026, 3, 14), QTime(23, 59)).toUTC());
    QVERIFY(!due.data(Qt::ForegroundRole).isValid());
    clock.set(QDate(2026, 3, 15).startOfDay().toUTC());
    // The palette's readable red (Theme), not a fixed one.
    QCOMPARE(due.data(Qt::ForegroundRole).value<QBrush>().color(),
             Theme::color(Theme::Role::Error));
}

void TestTaskTableModel::clientPrefixIsInTheClientColumn()
{
    Task tagged = gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("[CLIENT:acme] Fix login"));
    tagged.entity = QStringLiteral("acme");
    // Without a client the prefix is all the list has to say it: it stays.
    Task untagged = gitHub(QStringLiteral("acme/web"), 2, QStringLiteral("[CLIENT:] Odd one"), -1);
    Task clickUpTask = clickUp(QStringLiteral("a"), QStringLiteral("[CLIENT:acme] As named"), -2);
    clickUpTask.entity = QStringLiteral("acme");
    QVERIFY(m_store->upsert({tagged, untagged, clickUpTask}));
    TaskTableModel model(m_store.get(), nullptr);
    QCOMPARE(model.index(0, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix login"));
    QCOMPARE(model.index(0, TaskTableModel::ClientColumn).data().toString(),
             QStringLiteral("acme"));
    QCOMPARE(model.index(1, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("[CLIENT:] Odd one"));
    QCOMPARE(model.index(2, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("[CLIENT:acme] As named")); // a ClickUp name is the user's
    // A rename at the source is shown the same way.
    tagged.title = QStringLiteral("[CLIENT:acme] Fix the login page");
    QVERIFY(m_store->upsert({tagged}));
    QCOMPARE(model.index(0, TaskTableModel::TitleColumn).data().toString(),
             QStringLiteral("Fix the login page"));
}

void TestTaskTableModel::skippedTodayIsMarked()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("First"), 2),
                             clickUp(QStringLiteral("b"), QStringLiteral("Second"), 1)}));
    Test::ManualClock clock(utc(2026, 3, 10, 9));
    QVERIFY(m_store->markSkipped(QStringLiteral("clickup:b"), QDate(2026, 3, 10)));
    TaskTableModel model(m_store.get(), nullptr);
    model.setClock(&clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto status = [&model](int row) {
        return model.index(row, TaskTableModel::StatusColumn).data().toString();
    };
    QCOMPARE(status(0), QStringLiteral("To do"));
    QCOMPARE(status(1), QStringLiteral("Skipped today"));
    QVERIFY(model.index(1, TaskTableModel::TitleColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(0, TaskTableModel::TitleColumn).data(Qt::ForegroundRole).isValid());

    // A skip now is on the change feed; the row says so at once.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->markSkipped(QStringLiteral("clickup:a"), QDate(2026, 3, 10)));
    QCOMPARE(status(0), QStringLiteral("Skipped today"));
    QVERIFY(!changed.isEmpty());

    // The next day both are back; a sync's change is enough for the list to notice.
    clock.set(utc(2026, 3, 11, 9));
    Task renamed = *m_store->task(QStringLiteral("clickup:a"));
    renamed.title = QStringLiteral("First, renamed");
    QVERIFY(m_store->upsert({renamed}));
    QCOMPARE(status(0), QStringLiteral("To do"));
    QCOMPARE(status(1), QStringLiteral("To do"));
}

QTEST_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
