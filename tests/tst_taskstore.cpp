#include "TestTasks.h"

#include "core/TaskStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

namespace {

// Runs statements on a database file through a connection of its own.
QVariant rawQuery(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("raw");
    QVariant last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (query.exec(statement) && query.next())
                    last = query.value(0);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return last;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList asideFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("upnext.db.corrupt-*")}, QDir::Files);
}

QStringList ids(const QList<Task> &tasks)
{
    QStringList result;
    for (const Task &task : tasks)
        result.append(task.id);
    return result;
}

} // namespace

class TestTaskStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshDatabase();
    void migratesFromEveryEarlierVersion();
    void migrationKeepsWhatRefersToTasks();
    void statusAndSourceAreChecked();
    void upsertRoundTripsEveryField();
    void dueDatesRoundTrip();
    void upsertUpdatesExistingTasks();
    void upsertIsAllOrNothing();
    void failedNestedTransactionUndoesOnlyItsOwn();
    void openTasksAreOrderedByScoreThenId();
    void tasksBySource();
    void setScoresReorders();
    void currentTask();
    void currentTaskNeedsAKnownTask();
    void skippedToday();
    void moveTaskTakesTheNewId();
    void moveTaskOntoAStoredTaskFoldsIntoIt();
    void moveTaskRefusesNonsense();
    void persistsAcrossReopen();
    void garbageFileIsMovedAside();
    void damagedPageIsMovedAside();
    void newerSchemaIsRefusedAndUntouched();
    void unwritableLocationIsAClearError();
    void directoryInPlaceOfFileIsAClearError();
    void writeAheadLogStaysBoundedUnderSteadyWrites();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("upnext.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTaskStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTaskStore::freshDatabase()
{
    TaskStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QVERIFY(store.isOpen());
    QCOMPARE(store.path(), dbPath());
    QVERIFY(store.recoveryMessage().isEmpty());
    QCOMPARE(store.openTaskCount(), 0);
    QVERIFY(store.openTasks().isEmpty());
    QCOMPARE(store.currentTask(), std::nullopt);

    QCOMPARE(rawQuery(dbPath(), {QStringLiteral("PRAGMA user_version")}).toInt(),
             TaskStore::SchemaVersion);
    QCOMPARE(rawQuery(dbPath(), {QStringLiteral("PRAGMA journal_mode")}).toString(),
             QStringLiteral("wal"));
}

void TestTaskStore::migratesFromEveryEarlierVersion()
{
    for (int version = 0; version < TaskStore::SchemaVersion; ++version) {
        const QString path = m_dir->filePath(QStringLiteral("v%1.db").arg(version));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(TaskStore::migrate(db, version, &error), qPrintable(error));
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
            QCOMPARE(query.value(0).toInt(), version);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        // Data written by an earlier version survives the migration.
        if (version >= 1)
            rawQuery(path, {QStringLiteral(
                               "INSERT INTO tasks (id, source, source_id, title, status)"
                               " VALUES ('github:o/r#1', 'github', 'o/r#1', 'Old', 'todo')")});

        TaskStore store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        QCOMPARE(rawQuery(path, {QStringLiteral("PRAGMA user_version")}).toInt(),
                 TaskStore::SchemaVersion);
        if (version >= 1)
            QCOMPARE(store.task(QStringLiteral("github:o/r#1"))->title, QStringLiteral("Old"));
        const Task task = clickUp(QStringLiteral("a1"), QStringLiteral("Migrated"));
        QVERIFY(store.upsert({task}));
        QCOMPARE(store.task(task.id), std::optional<Task>(task));
    }
}

void TestTaskStore::migrationKeepsWhatRefersToTasks()
{
    // Schema 4 rebuilds the tasks table; the current task and the skips refer to it.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QString error;
        QVERIFY2(TaskStore::migrate(db, 3, &error), qPrintable(error));
        QSqlQuery query(db);
        for (const char *statement :
             {// A skip left from a file once written without foreign keys: not this step's fault.
              "INSERT INTO skipped (day, task_id) VALUES ('2026-03-09', 'clickup:gone')",
              "PRAGMA foreign_keys = ON",
              "INSERT INTO tasks (id, source, source_id, title, status, score)"
              " VALUES ('clickup:a', 'clickup', 'a', 'A', 'in_progress', 5)",
              "INSERT INTO tasks (id, source, source_id, title, status, score)"
              " VALUES ('clickup:b', 'clickup', 'b', 'B', 'todo', 9)",
              "INSERT INTO current_task (slot, task_id, started_at) VALUES (1, 'clickup:a', 1000)",
              "INSERT INTO skipped (day, task_id) VALUES ('2026-03-10', 'clickup:b')"})
            QVERIFY2(query.exec(QLatin1String(statement)), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    TaskStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QCOMPARE(store.currentTask().value_or(CurrentTask{}).taskId, QStringLiteral("clickup:a"));
    QCOMPARE(store.skippedOn(QDate(2026, 3, 10)), QSet<QString>{QStringLiteral("clickup:b")});
    QCOMPARE(store.openTasks().size(), 2);
    QCOMPARE(store.openTasks().first().id, QStringLiteral("clickup:b"));
    // The references still hold: removing a task takes its skips along.
    QVERIFY(store.removeTask(QStringLiteral("clickup:b")));
    QVERIFY(store.skippedOn(QDate(2026, 3, 10)).isEmpty());
}

void TestTaskStore::statusAndSourceAreChecked()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QSqlQuery query(store.database());
    const QString insert = QStringLiteral("INSERT INTO tasks (id, source, source_id, title, "
                                          "status) VALUES ('%1', '%2', 'x', 'X', '%3')");
    QVERIFY(!query.exec(insert.arg(QStringLiteral("clickup:x"), QStringLiteral("clickup"),
                                   QStringLiteral("bogus"))));
    QVERIFY(!query.exec(
        insert.arg(QStringLiteral("jira:x"), QStringLiteral("jira"), QStringLiteral("todo"))));
    for (const QString &status :
         {QStringLiteral("todo"), QStringLiteral("in_progress"), QStringLiteral("done")})
        QVERIFY2(query.exec(insert.arg(QStringLiteral("github:o/r#") + status,
                                       QStringLiteral("github"), status)),
                 qPrintable(query.lastError().text()));
}

void TestTaskStore::upsertRoundTripsEveryField()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));

    Task full = gitHub(QStringLiteral("acme/web"), 42,
                       QStringLiteral("[CLIENT:acme] Fix login 🚀 — שלום\nsecond line"), 87.5);
    full.description = QString(64 * 1024, QLatin1Char('x'));
    full.status = TaskStatus::InProgress;
    full.assignee = QStringLiteral("octocat");
    full.dueDate = QDate(2026, 3, 14);
    full.entity = QStringLiteral("acme");
    full.isRevenue = true;
    full.isBlocking = true;
    full.sourcePriority = 2;
    full.lastActivity = utc(2026, 3, 2, 14);
    full.localUpdatedAt = utc(2026, 3, 3, 8);

    const Task sparse = clickUp(QStringLiteral("86abc"), QStringLiteral("Sparse"));

    QSignalSpy changed(&store, &TaskStore::changed);
    QVERIFY2(store.upsert({full, sparse}), qPrintable(store.lastError()));
    QCOMPARE(changed.count(), 1);

    QCOMPARE(store.task(full.id), std::optional<Task>(full));
    QCOMPARE(store.task(sparse.id), std::optional<Task>(sparse));
    QVERIFY(!store.task(sparse.id)->dueDate.isValid());
    QVERIFY(!store.task(sparse.id)->lastActivity.isValid());
    QCOMPARE(store.task(QStringLiteral("clickup:nope")), std::nullopt);
}

void TestTaskStore::dueDatesRoundTrip()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    for (const QDate &due : {QDate(999, 1, 5), QDate(2026, 12, 31), QDate(9999, 12, 31)}) {
        Task task = clickUp(QStringLiteral("d"), QStringLiteral("Due"));
        task.dueDate = due;
        QVERIFY(store.upsert({task}));
        QCOMPARE(store.task(task.id)->dueDate, due);
        QSqlQuery query(store.database());
        QVERIFY(query.exec(QStringLiteral("SELECT due_date FROM tasks")) && query.next());
        QCOMPARE(query.value(0).toString(), due.toString(Qt::ISODate));
    }
}

void TestTaskStore::upsertUpdatesExistingTasks()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    Task task = clickUp(QStringLiteral("86abc"), QStringLiteral("Old title"), 10);
    QVERIFY(store.upsert({task}));

    task.title = QStringLiteral("New title");
    task.status = TaskStatus::Done;
    task.dueDate = QDate(2026, 4, 1);
    QVERIFY(store.upsert({task}));

    QCOMPARE(store.task(task.id), std::optional<Task>(task));
    QCOMPARE(store.tasksBySource(Sources::ClickUp).size(), 1);
    QCOMPARE(store.openTaskCount(), 0);
}

void TestTaskStore::upsertIsAllOrNothing()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    const Task good = clickUp(QStringLiteral("good"), QStringLiteral("Good"));
    Task bad = clickUp(QStringLiteral("bad"), QStringLiteral("Bad"));
    bad.id = QStringLiteral("clickup:bad id");

    Task mismatched = gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Mismatched"));
    mismatched.sourceId = QStringLiteral("acme/web#2");

    QSignalSpy changed(&store, &TaskStore::changed);
    for (const Task &invalid : {bad, mismatched}) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid id")));
        QVERIFY(!store.upsert({good, invalid}));
        QVERIFY(store.lastError().contains(invalid.id));
    }
    QCOMPARE(store.task(good.id), std::nullopt);
    QCOMPARE(changed.count(), 0);
}

void TestTaskStore::failedNestedTransactionUndoesOnlyItsOwn()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    const Task first = clickUp(QStringLiteral("first"), QStringLiteral("First"));
    const Task second = clickUp(QStringLiteral("second"), QStringLiteral("Second"));
    Task bad = clickUp(QStringLiteral("bad"), QStringLiteral("Bad"));
    bad.id = QStringLiteral("clickup:bad id");

    QSignalSpy changed(&store, &TaskStore::changed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid id")));
    QVERIFY(store.transaction(ChangeOrigin::Webhook, [&] {
        const bool kept = store.upsert({first}, ChangeOrigin::Webhook);
        // A write that stored a task and then failed: its task must not stay.
        const bool refused = !store.transaction(ChangeOrigin::Webhook, [&] {
            return store.upsert({second}, ChangeOrigin::Webhook) && false;
        });
        const bool invalid = !store.upsert({bad}, ChangeOrigin::Webhook);
        return kept && refused && invalid;
    }));

    QVERIFY(store.task(first.id));
    QCOMPARE(store.task(second.id), std::nullopt);
    QCOMPARE(changed.count(), 1);
    const auto published = changed.first().first().value<TaskChanges>();
    QCOMPARE(published.changed + published.added, QStringList{first.id});
}

void TestTaskStore::openTasksAreOrderedByScoreThenId()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    Task done = clickUp(QStringLiteral("done"), QStringLiteral("Done"), 99);
    done.status = TaskStatus::Done;
    Task notMine = clickUp(QStringLiteral("theirs"), QStringLiteral("Not mine"), 98);
    notMine.assignedToMe = false;
    Task inProgress = clickUp(QStringLiteral("c"), QStringLiteral("Started"), 20);
    inProgress.status = TaskStatus::InProgress;
    QVERIFY(store.upsert({clickUp(QStringLiteral("b"), QStringLiteral("Tie b"), 50),
                          gitHub(QStringLiteral("o/r"), 1, QStringLiteral("Low"), 5), done, notMine,
                          inProgress, clickUp(QStringLiteral("a"), QStringLiteral("Tie a"), 50),
                          gitHub(QStringLiteral("o/r"), 2, QStringLiteral("Top"), 70)}));

    const QStringList expected = {QStringLiteral("github:o/r#2"), QStringLiteral("clickup:a"),
                                  QStringLiteral("clickup:b"), QStringLiteral("clickup:c"),
                                  QStringLiteral("github:o/r#1")};
    QCOMPARE(ids(store.openTasks()), expected);
    QCOMPARE(ids(store.openTasks(2)), expected.mid(0, 2));
    QCOMPARE(store.openTaskCount(), 5);
    QCOMPARE(store.bestOpenTask(QDate(2026, 3, 10))->id, expected.first());

    // The fast read for a list: the same tasks and fields, in any order.
    Task dated = gitHub(QStringLiteral("o/r"), 3, QStringLiteral("Dated, ünïcode"), 1);
    dated.dueDate = QDate(2026, 3, 14);
    dated.entity = QStringLiteral("acme");
    QVERIFY(store.upsert({dated}));
    const auto byId = [](const Task &a, const Task &b) {
        return a.id < b.id;
    };
    QList<Task> listed = store.openTasks(-1, TaskStore::Fields::Listed);
    QList<Task> unordered = store.openTasksUnordered();
    std::sort(listed.begin(), listed.end(), byId);
    std::sort(unordered.begin(), unordered.end(), byId);
    QCOMPARE(unordered, listed);
}

void TestTaskStore::tasksBySource()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    Task closed = gitHub(QStringLiteral("o/r"), 3, QStringLiteral("Closed"));
    closed.status = TaskStatus::Done;
    QVERIFY(
        store.upsert({clickUp(QStringLiteral("x"), QStringLiteral("X")),
                      gitHub(QStringLiteral("o/r"), 1, QStringLiteral("One")),
                      gitHub(QStringLiteral("o/other"), 1, QStringLiteral("Other repo")), closed}));
    QCOMPARE(ids(store.tasksBySource(Sources::GitHub)),
             QStringList({QStringLiteral("github:o/other#1"), QStringLiteral("github:o/r#1"),
                          QStringLiteral("github:o/r#3")}));
    QCOMPARE(ids(store.tasksBySource(Sources::ClickUp)), QStringList{QStringLiteral("clickup:x")});
}

void TestTaskStore::setScoresReorders()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.upsert({clickUp(QStringLiteral("a"), QStringLiteral("A"), 10),
                          clickUp(QStringLiteral("b"), QStringLiteral("B"), 20)}));
    QSignalSpy changed(&store, &TaskStore::changed);
    QVERIFY(store.setScores({{QStringLiteral("clickup:a"), 30}, {QStringLiteral("clickup:b"), 5}}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(ids(store.openTasks()),
             QStringList({QStringLiteral("clickup:a"), QStringLiteral("clickup:b")}));
    QCOMPARE(store.task(QStringLiteral("clickup:b"))->score, 5.0);
}

void TestTaskStore::currentTask()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.upsert({clickUp(QStringLiteral("a"), QStringLiteral("A")),
                          clickUp(QStringLiteral("b"), QStringLiteral("B"))}));

    const CurrentTask first{QStringLiteral("clickup:a"), utc(2026, 3, 10, 9)};
    QVERIFY(store.setCurrentTask(first));
    QCOMPARE(store.currentTask(), std::optional<CurrentTask>(first));

    const CurrentTask second{QStringLiteral("clickup:b"), utc(2026, 3, 10, 11)};
    QVERIFY(store.setCurrentTask(second));
    QCOMPARE(store.currentTask(), std::optional<CurrentTask>(second));

    QVERIFY(store.clearCurrentTask());
    QCOMPARE(store.currentTask(), std::nullopt);
}

void TestTaskStore::currentTaskNeedsAKnownTask()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("clickup:ghost")));
    QVERIFY(!store.setCurrentTask({QStringLiteral("clickup:ghost"), utc(2026, 3, 10)}));
    QVERIFY(store.lastError().contains(dbPath()));
    QCOMPARE(store.currentTask(), std::nullopt);
}

void TestTaskStore::skippedToday()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.upsert({clickUp(QStringLiteral("a"), QStringLiteral("A"), 30),
                          clickUp(QStringLiteral("b"), QStringLiteral("B"), 20),
                          clickUp(QStringLiteral("c"), QStringLiteral("C"), 10)}));
    const QDate today(2026, 3, 10);
    const QDate yesterday = today.addDays(-1);

    QVERIFY(store.markSkipped(QStringLiteral("clickup:a"), today));
    QVERIFY(store.markSkipped(QStringLiteral("clickup:a"), today)); // twice is fine
    QVERIFY(store.markSkipped(QStringLiteral("clickup:b"), yesterday));

    QCOMPARE(store.skippedOn(today), QSet<QString>{QStringLiteral("clickup:a")});
    QCOMPARE(store.skippedOn(yesterday), QSet<QString>{QStringLiteral("clickup:b")});
    QCOMPARE(store.bestOpenTask(today)->id, QStringLiteral("clickup:b"));
    QCOMPARE(store.bestOpenTask(yesterday)->id, QStringLiteral("clickup:a"));

    QVERIFY(store.markSkipped(QStringLiteral("clickup:b"), today));
    QVERIFY(store.markSkipped(QStringLiteral("clickup:c"), today));
    QCOMPARE(store.bestOpenTask(today), std::nullopt);
    QCOMPARE(store.bestOpenTask(today.addDays(1))->id, QStringLiteral("clickup:a"));

    // A skip taken back (undo): that day only.
    QVERIFY(store.unmarkSkipped(QStringLiteral("clickup:b"), today));
    QCOMPARE(store.bestOpenTask(today)->id, QStringLiteral("clickup:b"));
    QCOMPARE(store.skippedOn(yesterday), QSet<QString>{QStringLiteral("clickup:b")});
    QVERIFY(store.unmarkSkipped(QStringLiteral("clickup:b"), today)); // twice is fine
}

void TestTaskStore::moveTaskTakesTheNewId()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.upsert({gitHub(QStringLiteral("acme/old"), 5, QStringLiteral("Moves"), 12)}));
    const QString from = QStringLiteral("github:acme/old#5");
    const QString to = QStringLiteral("github:acme/new#9");
    const QDate today(2026, 3, 10);
    QVERIFY(store.setCurrentTask({from, utc(2026, 3, 10)}));
    QVERIFY(store.markSkipped(from, today));
    QSignalSpy changed(&store, &TaskStore::changed);

    QVERIFY2(store.moveTask(from, to), qPrintable(store.lastError()));
    QCOMPARE(store.task(from), std::nullopt);
    const std::optional<Task> moved = store.task(to);
    QVERIFY(moved);
    QCOMPARE(moved->sourceId, QStringLiteral("acme/new#9"));
    QCOMPARE(moved->title, QStringLiteral("Moves"));
    QCOMPARE(moved->score, 12.0);
    QCOMPARE(store.currentTask()->taskId, to);
    QCOMPARE(store.skippedOn(today), QSet<QString>{to});
    QCOMPARE(changed.size(), 1);
}

void TestTaskStore::moveTaskOntoAStoredTaskFoldsIntoIt()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    const QString from = QStringLiteral("github:acme/old#5");
    const QString to = QStringLiteral("github:acme/new#5");
    QVERIFY(
        store.upsert({gitHub(QStringLiteral("acme/old"), 5, QStringLiteral("Stale copy"), 3),
                      gitHub(QStringLiteral("acme/new"), 5, QStringLiteral("As it is now"), 7)}));
    const QDate today(2026, 3, 10);
    QVERIFY(store.setCurrentTask({from, utc(2026, 3, 10)}));
    QVERIFY(store.markSkipped(from, today));
    QVERIFY(store.markSkipped(from, today.addDays(-1)));
    QVERIFY(store.markSkipped(to, today.addDays(-1)));

    QVERIFY2(store.moveTask(from, to), qPrintable(store.lastError()));
    QCOMPARE(store.task(from), std::nullopt);
    QCOMPARE(store.task(to)->title, QStringLiteral("As it is now")); // not overwritten
    QCOMPARE(store.task(to)->score, 7.0);
    QCOMPARE(store.openTaskCount(), 1);
    QCOMPARE(store.currentTask()->taskId, to);
    QCOMPARE(store.skippedOn(today), QSet<QString>{to});
    QCOMPARE(store.skippedOn(today.addDays(-1)), QSet<QString>{to});
}

void TestTaskStore::moveTaskRefusesNonsense()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QVERIFY(store.upsert({gitHub(QStringLiteral("acme/old"), 5, QStringLiteral("Stays"))}));
    const QString from = QStringLiteral("github:acme/old#5");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing to move")));
    QVERIFY(!store.moveTask(from, QStringLiteral("clickup:86abc")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Refusing to move")));
    QVERIFY(!store.moveTask(from, QStringLiteral("github:nonsense")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not in the task")));
    QVERIFY(
        !store.moveTask(QStringLiteral("github:acme/gone#1"), QStringLiteral("github:acme/x#1")));
    QVERIFY(store.lastError().contains(dbPath()));
    QVERIFY(store.moveTask(from, from));
    QCOMPARE(store.task(from)->title, QStringLiteral("Stays"));
}

void TestTaskStore::persistsAcrossReopen()
{
    const Task task = gitHub(QStringLiteral("acme/api"), 7, QStringLiteral("Persist me"), 12);
    {
        TaskStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.upsert({task}));
        QVERIFY(store.setCurrentTask({task.id, utc(2026, 3, 10)}));
        QVERIFY(store.markSkipped(task.id, QDate(2026, 3, 9)));
    }
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QCOMPARE(store.task(task.id), std::optional<Task>(task));
    QCOMPARE(store.currentTask()->taskId, task.id);
    QCOMPARE(store.skippedOn(QDate(2026, 3, 9)), QSet<QString>{task.id});
}

void TestTaskStore::garbageFileIsMovedAside()
{
    const QByteArray garbage = QByteArray("this is not a database\n").repeated(500);
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    TaskStore store;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was damaged")));
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    const QStringList aside = asideFiles(m_dir->path());
    QCOMPARE(aside.size(), 1);
    QVERIFY(store.recoveryMessage().contains(dbPath()));
    QVERIFY(store.recoveryMessage().contains(aside.first()));

    QFile kept(m_dir->filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);

    QVERIFY(store.upsert({clickUp(QStringLiteral("a"), QStringLiteral("Fresh"))}));
    QCOMPARE(store.openTaskCount(), 1);
}

void TestTaskStore::damagedPageIsMovedAside()
{
    {
        TaskStore store;
        QVERIFY(store.open(dbPath()));
        QList<Task> tasks;
        for (int i = 0; i < 2000; ++i)
            tasks.append(clickUp(QStringLiteral("t%1").arg(i),
                                 QStringLiteral("Task number %1 with some text").arg(i), i));
        QVERIFY(store.upsert(tasks));
    }
    QVERIFY(!QFile::exists(dbPath() + QStringLiteral("-wal")) ||
            QFileInfo(dbPath() + QStringLiteral("-wal")).size() == 0);
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        // The page size, big-endian at offset 16 of the header.
        const QByteArray header = file.read(18);
        const qint64 pageSize = (quint8(header.at(16)) << 8) | quint8(header.at(17));
        QVERIFY(file.size() > 8 * pageSize);
        // Scribble over the pages after the schema's (b-tree pages of the tasks table and its
        // indexes).
        for (qint64 page = 2; page < file.size() / pageSize; page += 2) {
            file.seek(page * pageSize + 8);
            file.write(QByteArray(512, '\x55'));
        }
    }
    TaskStore store;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was damaged")));
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QVERIFY(store.recoveryMessage().contains(QStringLiteral("integrity")) ||
            store.recoveryMessage().contains(QStringLiteral("malformed")));
    QCOMPARE(asideFiles(m_dir->path()).size(), 1);
    QCOMPARE(store.openTaskCount(), 0);
}

void TestTaskStore::newerSchemaIsRefusedAndUntouched()
{
    {
        TaskStore store;
        QVERIFY(store.open(dbPath()));
        QVERIFY(store.upsert({clickUp(QStringLiteral("a"), QStringLiteral("From the future"))}));
    }
    rawQuery(dbPath(),
             {QStringLiteral("PRAGMA user_version = %1").arg(TaskStore::SchemaVersion + 1)});
    const QByteArray before = fileHash(dbPath());
    QVERIFY(!before.isEmpty());

    TaskStore store;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("newer version")));
    QVERIFY(!store.open(dbPath()));
    QVERIFY(!store.isOpen());
    QVERIFY(store.lastError().contains(dbPath()));
    QVERIFY(store.lastError().contains(QStringLiteral("newer version")));
    QCOMPARE(fileHash(dbPath()), before);
    QVERIFY(asideFiles(m_dir->path()).isEmpty());
}

void TestTaskStore::unwritableLocationIsAClearError()
{
    // Tests may run as root, for whom permissions are no obstacle: use a file where a folder should
    // be.
    const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QString path = blocker + QStringLiteral("/profile/upnext.db");
    TaskStore store;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot create")));
    QVERIFY(!store.open(path));
    QVERIFY(store.lastError().contains(path));
    QVERIFY(!store.isOpen());
}

void TestTaskStore::directoryInPlaceOfFileIsAClearError()
{
    QVERIFY(QDir().mkpath(dbPath()));
    TaskStore store;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not a file")));
    QVERIFY(!store.open(dbPath()));
    QVERIFY(store.lastError().contains(dbPath()));
    QVERIFY(QFileInfo(dbPath()).isDir());
}

QTEST_GUILESS_MAIN(TestTaskStore)
// Commits one after another, as a webhook storm makes them, never leave SQLite a moment with
// the whole log copied back, which it needs to start the log over: it must not grow for ever.
void TestTaskStore::writeAheadLogStaysBoundedUnderSteadyWrites()
{
    TaskStore store;
    QVERIFY2(store.open(dbPath()), qPrintable(store.lastError()));
    QList<Task> tasks;
    for (int i = 0; i < 2000; ++i)
        tasks.append(TestTasks::clickUp(QStringLiteral("t%1").arg(i), QStringLiteral("Task")));
    QVERIFY(store.upsert(tasks));
    constexpr qint64 Bound = 100 * 1024 * 1024;
    qint64 written = 0;
    qint64 largest = 0;
    // Twenty tasks spread over the table per commit: many pages each, 240 MB in all.
    for (int round = 0; written < 240 * 1024 * 1024; ++round) {
        QList<Task> some;
        for (int i = round % 100; i < tasks.size(); i += 100) {
            Task task = tasks.at(i);
            task.title = QStringLiteral("Round %1").arg(round);
            some.append(task);
        }
        const qint64 before = QFileInfo(dbPath() + QStringLiteral("-wal")).size();
        QVERIFY(store.upsert(some));
        const qint64 after = QFileInfo(dbPath() + QStringLiteral("-wal")).size();
        written += std::max<qint64>(after - before, 20 * 4096);
        largest = std::max(largest, after);
    }
    QVERIFY2(largest < Bound, qPrintable(QString::number(largest)));
}

#include "tst_taskstore.moc"
