#include "TaskStore.h"
#include "KeepAside.h"
#include "Logging.h"
#include "SqliteStatement.h"

#include <sqlite3.h>

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace UpNext {

namespace {

// migrations[v] brings a database from user_version v to v + 1. Never edit a
// released step; append a new one and bump TaskStore::SchemaVersion.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 0 → 1: tasks, current task, skipped-today set.
        {
            QStringLiteral(R"(CREATE TABLE tasks (
                id TEXT PRIMARY KEY NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('clickup', 'github')),
                source_id TEXT NOT NULL,
                container TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
                assignee TEXT NOT NULL DEFAULT '',
                assigned_to_me INTEGER NOT NULL DEFAULT 1,
                due_date TEXT,
                url TEXT NOT NULL DEFAULT '',
                entity TEXT NOT NULL DEFAULT '',
                is_revenue INTEGER NOT NULL DEFAULT 0,
                is_blocking INTEGER NOT NULL DEFAULT 0,
                source_priority INTEGER NOT NULL DEFAULT 0,
                last_activity INTEGER,
                updated_at INTEGER,
                local_updated_at INTEGER,
                score REAL NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX tasks_open_by_score ON tasks (score DESC, id)"
                           " WHERE status <> 'done' AND assigned_to_me = 1"),
            QStringLiteral(R"(CREATE TABLE current_task (
                slot INTEGER PRIMARY KEY CHECK (slot = 1),
                task_id TEXT NOT NULL REFERENCES tasks (id) ON UPDATE CASCADE ON DELETE CASCADE,
                started_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE skipped (
                day TEXT NOT NULL,
                task_id TEXT NOT NULL REFERENCES tasks (id) ON UPDATE CASCADE ON DELETE CASCADE,
                PRIMARY KEY (day, task_id)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX skipped_by_task ON skipped (task_id)"),
        },
        // 1 → 2: what sync remembers between runs, and conditional-request caches.
        {
            QStringLiteral(R"(CREATE TABLE sync_state (
                source TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (source, key)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE http_cache (
                url TEXT PRIMARY KEY NOT NULL,
                etag TEXT NOT NULL,
                payload BLOB NOT NULL))"),
        },
        // 2 → 3: the outbox of user writes waiting for their source.
        {
            QStringLiteral(R"(CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                task_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('complete', 'comment', 'create')),
                payload TEXT NOT NULL DEFAULT '{}',
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt INTEGER NOT NULL,
                last_error TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                sent_at INTEGER))"),
            QStringLiteral("CREATE INDEX outbox_by_task ON outbox (task_id, id)"),
        },
        // 3 → 4: the tasks table again, its checks spelled as comparisons. For an IN list of
        // three or more, SQLite builds a temporary b-tree on every row it inserts or updates:
        // more than half of its work for each task a sync stores.
        {
            QStringLiteral(R"(CREATE TABLE tasks_new (
                id TEXT PRIMARY KEY NOT NULL,
                source TEXT NOT NULL CHECK (source = 'clickup' OR source = 'github'),
                source_id TEXT NOT NULL,
                container TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL
                    CHECK (status = 'todo' OR status = 'in_progress' OR status = 'done'),
                assignee TEXT NOT NULL DEFAULT '',
                assigned_to_me INTEGER NOT NULL DEFAULT 1,
                due_date TEXT,
                url TEXT NOT NULL DEFAULT '',
                entity TEXT NOT NULL DEFAULT '',
                is_revenue INTEGER NOT NULL DEFAULT 0,
                is_blocking INTEGER NOT NULL DEFAULT 0,
                source_priority INTEGER NOT NULL DEFAULT 0,
                last_activity INTEGER,
                updated_at INTEGER,
                local_updated_at INTEGER,
                score REAL NOT NULL DEFAULT 0))"),
            QStringLiteral("INSERT INTO tasks_new SELECT * FROM tasks"), // the same columns
            QStringLiteral("DROP TABLE tasks"),
            QStringLiteral("ALTER TABLE tasks_new RENAME TO tasks"),
            QStringLiteral("CREATE INDEX tasks_open_by_score ON tasks (score DESC, id)"
                           " WHERE status <> 'done' AND assigned_to_me = 1"),
        },
        // 4 → 5: what the webhook receiver keeps (WebhookLog): deliveries applied, for
        // redeliveries, and the tasks it still has to fetch.
        {
            QStringLiteral(R"(CREATE TABLE webhook_deliveries (
                source TEXT NOT NULL,
                delivery TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                PRIMARY KEY (source, delivery)) WITHOUT ROWID)"),
            QStringLiteral(
                "CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (received_at)"),
            QStringLiteral(R"(CREATE TABLE webhook_fetches (
                task_id TEXT PRIMARY KEY NOT NULL,
                actor TEXT NOT NULL DEFAULT '',
                queued_at INTEGER NOT NULL))"),
        },
        // 5 → 6: an outbox entry may be held back for a while after it was made, so the user
        // can still take it back (undo); NULL: not held.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN hold_until INTEGER"),
        },
    };
    return steps;
}

const QString taskColumns = QStringLiteral(
    "id, source, source_id, container, title, description, status, assignee, assigned_to_me,"
    " due_date, url, entity, is_revenue, is_blocking, source_priority, last_activity,"
    " updated_at, local_updated_at, score");

const QString openTasksWhere = QStringLiteral("status <> 'done' AND assigned_to_me = 1");

const QString &upsertSql()
{
    static const QString sql = [] {
        QStringList columns = taskColumns.split(QLatin1Char(','));
        QStringList updates;
        for (QString &column : columns) {
            column = column.trimmed();
            if (column != QLatin1String("id"))
                updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
        }
        return QStringLiteral(
                   "INSERT INTO tasks (%1) VALUES (%2) ON CONFLICT (id) DO UPDATE SET %3")
            .arg(taskColumns, QStringList(columns.size(), QStringLiteral("?")).join(u','),
                 updates.join(QStringLiteral(", ")));
    }();
    return sql;
}

QVariant fromDateTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

// QDate::toString(Qt::ISODate) at a tenth of the cost, for the many dates of a large sync.
QString isoDate(const QDate &date)
{
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    if (year < 0 || year > 9999)
        return date.toString(Qt::ISODate);
    QString text(10, u'-');
    QChar *out = text.data();
    const auto put = [&out](int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            out[i] = QChar(u'0' + value % 10);
        out += digits + 1;
    };
    put(year, 4);
    put(month, 2);
    put(day, 2);
    return text;
}

// Binds the values of task to the upsert's parameters, in column order.
void bindTask(SqliteStatement &statement, const Task &task)
{
    int column = 0;
    const auto bind = [&](const auto &value) {
        statement.bind(column++, value);
    };
    const auto bindTime = [&](const QDateTime &time) {
        if (time.isValid())
            bind(time.toMSecsSinceEpoch());
        else
            statement.bindNull(column++);
    };
    bind(task.id);
    bind(task.source);
    bind(task.sourceId);
    bind(task.container);
    bind(task.title);
    bind(task.description);
    bind(Task::statusName(task.status));
    bind(task.assignee);
    bind(qint64(task.assignedToMe));
    if (task.dueDate.isValid())
        bind(isoDate(task.dueDate));
    else
        statement.bindNull(column++);
    bind(task.url);
    bind(task.entity);
    bind(qint64(task.isRevenue));
    bind(qint64(task.isBlocking));
    bind(qint64(task.sourcePriority));
    bindTime(task.lastActivity);
    bindTime(task.updatedAt);
    bindTime(task.localUpdatedAt);
    bind(task.score);
}

Task taskFrom(const SqliteStatement &row)
{
    Task task;
    task.id = row.text(0);
    task.source = row.text(1);
    task.sourceId = row.text(2);
    task.container = row.text(3);
    task.title = row.text(4);
    task.description = row.text(5);
    task.status = Task::statusFromName(row.text(6)).value_or(TaskStatus::Todo);
    task.assignee = row.text(7);
    task.assignedToMe = row.integer(8) != 0;
    task.dueDate = QDate::fromString(row.text(9), Qt::ISODate);
    task.url = row.text(10);
    task.entity = row.text(11);
    task.isRevenue = row.integer(12) != 0;
    task.isBlocking = row.integer(13) != 0;
    task.sourcePriority = int(row.integer(14));
    task.lastActivity = row.time(15);
    task.updatedAt = row.time(16);
    task.localUpdatedAt = row.time(17);
    task.score = row.real(18);
    return task;
}

// What a list of tasks shows.
const QString listedColumns =
    QStringLiteral("id, source, title, status, assigned_to_me, due_date, entity, score");

Task listedTaskFrom(const SqliteStatement &row)
{
    Task task;
    task.id = row.text(0);
    task.source = row.text(1) == Sources::GitHub ? Sources::GitHub : Sources::ClickUp;
    task.title = row.text(2);
    task.status = Task::statusFromName(row.text(3)).value_or(TaskStatus::Todo);
    task.assignedToMe = row.integer(4) != 0;
    task.dueDate = QDate::fromString(row.text(5), Qt::ISODate);
    task.entity = row.text(6);
    task.score = row.real(7);
    return task;
}

// The SQLite connection under a QtSql one.
sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
               ? *static_cast<sqlite3 *const *>(handle.constData())
               : nullptr;
}

// Rows whose foreign key finds nothing; -1 when that cannot be told.
int danglingReferences(QSqlQuery &query)
{
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return -1;
    int rows = 0;
    while (query.next())
        ++rows;
    query.finish();
    return rows;
}

// SQLITE_CORRUPT and SQLITE_NOTADB: the file itself is bad. Anything else
// (locked, permissions, full disk) is not a reason to move the file aside.
bool isCorruption(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 || code == 26;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

TaskStore::TaskStore(QObject *parent)
    : QObject(parent)
    , m_connection(QStringLiteral("upnext-store-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
    m_checkpointer.setMaxThreadCount(1);
}

TaskStore::~TaskStore()
{
    close();
}

QDateTime TaskStore::timeFromColumn(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

bool TaskStore::open(const QString &path)
{
    close();
    m_recoveryMessage.clear();
    m_lastError.clear();

    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = tr("Cannot create the folder for the task database %1").arg(path);
        qCWarning(lcStore).noquote() << m_lastError;
        return false;
    }
    if (info.exists() && !info.isFile()) {
        m_lastError = tr("The task database %1 is not a file").arg(path);
        qCWarning(lcStore).noquote() << m_lastError;
        return false;
    }

    OpenResult result = tryOpen(path);
    if (result == OpenResult::Corrupt) {
        const QString reason = m_lastError;
        close();
        QString error;
        const QString aside =
            keepAside(path, {QStringLiteral("-wal"), QStringLiteral("-shm")}, &error);
        if (aside.isEmpty()) {
            m_lastError =
                tr("The task database %1 is damaged (%2) and could not be moved aside: %3")
                    .arg(path, reason, error);
            qCWarning(lcStore).noquote() << m_lastError;
            return false;
        }
        result = tryOpen(path);
        if (result == OpenResult::Ok) {
            m_recoveryMessage =
                tr("The task database %1 was damaged (%2). It was kept as %3 and a new "
                   "database was created; the next sync fills it again.")
                    .arg(path, reason, aside);
            qCWarning(lcStore).noquote() << m_recoveryMessage;
        }
    }
    if (result != OpenResult::Ok) {
        qCWarning(lcStore).noquote() << m_lastError;
        close();
        return false;
    }
    m_path = path;
    m_handle = handleOf(database());
    if (m_handle)
        sqlite3_wal_hook(m_handle, &TaskStore::walCommitted, this);
    qCInfo(lcStore) << "Opened" << path;
    return true;
}

TaskStore::OpenResult TaskStore::tryOpen(const QString &path)
{
    const bool existed = QFileInfo::exists(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_lastError = tr("Cannot open the task database %1: %2").arg(path, db.lastError().text());
        return existed && isCorruption(db.lastError()) ? OpenResult::Corrupt : OpenResult::Failed;
    }

    QSqlQuery query(db);
    auto queryFailed = [&](const QString &what) {
        m_lastError =
            tr("Cannot %1 the task database %2: %3").arg(what, path, query.lastError().text());
        return isCorruption(query.lastError()) ? OpenResult::Corrupt : OpenResult::Failed;
    };

    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return queryFailed(tr("read"));
    const int version = query.value(0).toInt();
    if (version > SchemaVersion) {
        m_lastError =
            tr("The task database %1 was written by a newer version of UpNext (schema %2; this "
               "version knows up to %3). It was left untouched: use a newer UpNext or another "
               "profile.")
                .arg(path)
                .arg(version)
                .arg(SchemaVersion);
        return OpenResult::Newer;
    }

    // quick_check finds damaged pages and records in a third of integrity_check's time (it
    // skips matching indexes to their tables), which counts on every start with 100,000 tasks.
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return queryFailed(tr("check"));
    QStringList problems;
    while (query.next())
        problems.append(query.value(0).toString());
    if (problems != QStringList{QStringLiteral("ok")}) {
        m_lastError =
            tr("integrity check failed: %1").arg(problems.mid(0, 3).join(QStringLiteral("; ")));
        return OpenResult::Corrupt;
    }

    // SQLite's 4 KiB pages: each small write (a webhook's task) commits fewer bytes to the WAL
    // than with 16 KiB ones (~10% of a delivery's time), for a bulk upsert of 100,000 tasks
    // ~15% slower, still within its budget.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
        query.value(0).toString() != QLatin1String("wal"))
        return queryFailed(tr("configure"));
    // 8 MB holds the indexes a large batch updates; a larger cache was slower here, its
    // fresh pages cost more to fault in than spilling written rows to the WAL early.
    // Temporary tables and statement journals in memory: no temp file made and removed per
    // batch of writes.
    for (const char *pragma : {"foreign_keys = ON", "synchronous = NORMAL", "busy_timeout = 5000",
                               "cache_size = -8192", "temp_store = MEMORY"}) {
        if (!query.exec(QStringLiteral("PRAGMA ") + QLatin1String(pragma)))
            return queryFailed(tr("configure"));
    }
    query.finish();

    QString error;
    if (!migrate(db, SchemaVersion, &error)) {
        m_lastError = tr("Cannot update the task database %1: %2").arg(path, error);
        return OpenResult::Failed;
    }
    return OpenResult::Ok;
}

int TaskStore::walCommitted(void *store, sqlite3 *db, const char *, int pages)
{
    // What SQLite's own automatic checkpoint would do, off the committing thread: copying a
    // large sync's pages back into the file and syncing it took a third of its commit.
    constexpr int CheckpointPages = 1000; // SQLite's default
    auto *self = static_cast<TaskStore *>(store);
    if (pages < CheckpointPages)
        return SQLITE_OK;
    // SQLite starts the log over only once every frame in it was copied back, and commits
    // made while the background checkpoint ran added frames it did not see: under a steady
    // stream of them (webhooks) the log grew without end. Copying those here lets the next
    // write start it over; only once it is large (64 MB), as this commit waits for it.
    if (pages >= 16 * CheckpointPages && self->m_checkpointed.testAndSetAcquire(true, false)) {
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    if (!self->m_checkpointing.testAndSetAcquire(false, true))
        return SQLITE_OK;
    self->m_checkpointer.start([self, path = self->m_path] {
        // Its own connection, kept open: under a steady stream of commits this runs after
        // nearly every one, and opening a connection cost more than the copying.
        if (!self->m_checkpointDb &&
            sqlite3_open_v2(path.toUtf8().constData(), &self->m_checkpointDb, SQLITE_OPEN_READWRITE,
                            nullptr) != SQLITE_OK) {
            qCWarning(lcStore) << "Cannot open" << path
                               << "to checkpoint it:" << sqlite3_errmsg(self->m_checkpointDb);
            sqlite3_close(std::exchange(self->m_checkpointDb, nullptr));
        } else if (sqlite3_wal_checkpoint_v2(self->m_checkpointDb, nullptr,
                                             SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                             nullptr) != SQLITE_OK) {
            qCWarning(lcStore) << "Checkpoint of" << path
                               << "failed:" << sqlite3_errmsg(self->m_checkpointDb);
        }
        self->m_checkpointed.storeRelease(true);
        self->m_checkpointing.storeRelease(false);
    });
    return SQLITE_OK;
}

void TaskStore::close()
{
    m_checkpointer.waitForDone();
    sqlite3_close(std::exchange(m_checkpointDb, nullptr));
    m_kept.clear(); // finalized before the connection closes
    m_handle = nullptr;
    if (!QSqlDatabase::contains(m_connection))
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
    m_path.clear();
}

bool TaskStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

QSqlDatabase TaskStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool TaskStore::fail(const QString &what, const QSqlQuery &query) const
{
    return fail(what, query.lastError().text());
}

bool TaskStore::fail(const QString &what, const QString &reason) const
{
    // SQLITE_FULL's own words, whichever API reported it.
    if (reason.contains(QLatin1String("database or disk is full"))) {
        m_lastError = tr("Cannot %1: the disk holding the task database %2 is full. Nothing was "
                         "lost; free some space and try again.")
                          .arg(what, m_path);
        qCWarning(lcStore).noquote() << m_lastError;
        return false;
    }
    m_lastError = tr("Cannot %1 in the task database %2: %3").arg(what, m_path, reason);
    qCWarning(lcStore).noquote() << m_lastError;
    return false;
}

void TaskStore::Release::operator()(SqliteStatement *statement) const
{
    if (!inUse) {
        delete statement;
        return;
    }
    statement->reset();
    *inUse = false;
}

TaskStore::Statement TaskStore::statement(const QString &sql, const QVariantList &values,
                                          const QString &what) const
{
    // Enough for the hot paths; statements made of many placeholders do not fill it for long.
    constexpr qsizetype MaxKept = 64;
    Statement statement;
    const auto found = m_kept.constFind(sql);
    if (found != m_kept.cend() && !(*found)->inUse) {
        (*found)->inUse = true;
        statement = Statement((*found)->statement.get(), Release{&(*found)->inUse});
    } else {
        auto made = std::make_unique<SqliteStatement>(m_handle, sql);
        if (!made->isValid()) {
            fail(what, made->errorText());
            return {};
        }
        if (found != m_kept.cend()) { // in use further up the stack: one of its own
            statement = Statement(made.release(), Release{});
        } else {
            if (m_kept.size() >= MaxKept)
                m_kept.removeIf([](const auto &entry) { return !entry.value()->inUse; });
            auto kept = std::make_shared<Kept>(Kept{std::move(made), true});
            statement = Statement(kept->statement.get(), Release{&kept->inUse});
            m_kept.insert(sql, std::move(kept));
        }
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        statement->bind(int(i), values.at(i));
    return statement;
}

bool TaskStore::run(const QString &sql, const QVariantList &values, const QString &what) const
{
    const Statement statement = this->statement(sql, values, what);
    return statement && (statement->run() || fail(what, statement->errorText()));
}

std::optional<qint64> TaskStore::insert(const QString &sql, const QVariantList &values,
                                        const QString &what) const
{
    const Statement statement = this->statement(sql, values, what);
    if (!statement || !statement->run()) {
        if (statement)
            fail(what, statement->errorText());
        return std::nullopt;
    }
    return statement->lastInsertId();
}

bool TaskStore::migrate(QSqlDatabase &db, int target, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    const int from = query.value(0).toInt();
    query.finish();
    if (from >= target)
        return true;

    // A step may rebuild a table others refer to (SQLite's way to change a constraint):
    // with foreign keys on, dropping the old table would empty the ones that refer to it.
    // The setting only changes outside a transaction; each step checks the keys instead.
    const bool foreignKeys = query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next() &&
                             query.value(0).toBool();
    query.finish();
    if (foreignKeys && !query.exec(QStringLiteral("PRAGMA foreign_keys = OFF"))) {
        *error = query.lastError().text();
        return false;
    }
    const auto restore = qScopeGuard([&] {
        if (foreignKeys)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    });

    for (int version = from; version < target; ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        const int dangling = danglingReferences(query);
        QStringList statements = migrations().at(version);
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(version + 1));
        for (const QString &statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                *error = tr("migration to schema %1 failed: %2")
                             .arg(version + 1)
                             .arg(query.lastError().text());
                db.rollback();
                return false;
            }
        }
        // Only what the step broke: a file with dangling rows from before still opens.
        if (dangling >= 0 && danglingReferences(query) > dangling) {
            *error = tr("migration to schema %1 failed: it would break references between tables")
                         .arg(version + 1);
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            db.rollback();
            return false;
        }
        qCInfo(lcStore) << "Migrated" << db.databaseName() << "to schema" << version + 1;
    }
    return true;
}

bool TaskStore::exec(QSqlQuery &query, const QString &sql, const QVariantList &values,
                     const QString &what) const
{
    if (!query.prepare(sql))
        return fail(what, query);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    return query.exec() || fail(what, query);
}

bool TaskStore::transaction(ChangeOrigin origin, const std::function<bool()> &work)
{
    if (m_pending)
        return savepoint(work);
    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(tr("start a transaction"), QSqlQuery(db));
    TaskChanges changes;
    changes.origin = origin;
    m_pending = &changes;
    const bool done = work();
    m_pending = nullptr;
    if (!done) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_lastError =
            tr("Cannot save to the task database %1: %2").arg(m_path, db.lastError().text());
        qCWarning(lcStore).noquote() << m_lastError;
        db.rollback();
        return false;
    }
    if (!changes.isEmpty())
        Q_EMIT changed(changes);
    return true;
}

bool TaskStore::savepoint(const std::function<bool()> &work)
{
    const QString what = tr("keep a part of a transaction apart");
    if (!run(QStringLiteral("SAVEPOINT nested"), {}, what))
        return false;
    TaskChanges &changes = *m_pending;
    const qsizetype sizes[] = {changes.added.size(), changes.changed.size(), changes.removed.size(),
                               changes.external.size()};
    if (work())
        return run(QStringLiteral("RELEASE nested"), {}, what);
    run(QStringLiteral("ROLLBACK TO nested"), {}, what);
    run(QStringLiteral("RELEASE nested"), {}, what);
    changes.added.resize(sizes[0]);
    changes.changed.resize(sizes[1]);
    changes.removed.resize(sizes[2]);
    changes.external.resize(sizes[3]);
    return false;
}

bool TaskStore::upsert(const QList<Task> &tasks, ChangeOrigin origin)
{
    TaskChanges described;
    described.origin = origin;
    return upsert(tasks, described);
}

bool TaskStore::upsert(const QList<Task> &tasks, const TaskChanges &described)
{
    return transaction(described.origin, [&] { return writeTasks(tasks, described); });
}

bool TaskStore::writeTasks(const QList<Task> &tasks, const TaskChanges &described)
{
    for (const Task &task : tasks) {
        if (!Task::isValidId(task.id, task.source, task.sourceId)) {
            m_lastError = tr("Refusing to store task \"%1\": invalid id").arg(task.id);
            qCWarning(lcStore).noquote() << m_lastError;
            return false;
        }
    }
    const Statement statement = this->statement(upsertSql(), {}, tr("prepare an update"));
    if (!statement)
        return false;
    const QSet<QString> added(described.added.cbegin(), described.added.cend());
    for (const Task &task : tasks) {
        bindTask(*statement, task);
        if (!statement->run())
            return fail(tr("store task %1").arg(task.id), statement->errorText());
        (added.contains(task.id) ? m_pending->added : m_pending->changed).append(task.id);
    }
    m_pending->external.append(described.external);
    return true;
}

bool TaskStore::setScores(const QHash<QString, double> &scores)
{
    return transaction(ChangeOrigin::Rescore, [&] {
        QSqlQuery query(database());
        if (!query.prepare(QStringLiteral("UPDATE tasks SET score = ? WHERE id = ?")))
            return fail(tr("update scores"), query);
        for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
            query.bindValue(0, it.value());
            query.bindValue(1, it.key());
            if (!query.exec())
                return fail(tr("update scores"), query);
            m_pending->changed.append(it.key());
        }
        return true;
    });
}

bool TaskStore::updateTask(const QString &id, const QString &assignments, QVariantList values,
                           const QString &what)
{
    return transaction(ChangeOrigin::User, [&] {
        values.append(id);
        // Kept: Done, comments and the outbox's answers run these all the time.
        const Statement query = statement(
            QStringLiteral("UPDATE tasks SET %1 WHERE id = ?").arg(assignments), values, what);
        if (!query || !query->run())
            return query && fail(what, query->errorText());
        if (query->changes() > 0)
            m_pending->changed.append(id);
        return true;
    });
}

bool TaskStore::setStatus(const QString &id, TaskStatus status, const QDateTime &localUpdatedAt)
{
    return updateTask(
        id, QStringLiteral("status = ?, local_updated_at = coalesce(?, local_updated_at)"),
        {Task::statusName(status), fromDateTime(localUpdatedAt)}, tr("change %1").arg(id));
}

bool TaskStore::touch(const QString &id, const QDateTime &now)
{
    return updateTask(id, QStringLiteral("last_activity = ?, local_updated_at = ?"),
                      {now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()}, tr("change %1").arg(id));
}

bool TaskStore::setLocalTimes(const QString &id, const QDateTime &lastActivity,
                              const QDateTime &localUpdatedAt)
{
    return updateTask(id, QStringLiteral("last_activity = ?, local_updated_at = ?"),
                      {fromDateTime(lastActivity), fromDateTime(localUpdatedAt)},
                      tr("change %1").arg(id));
}

bool TaskStore::setAssignedToMe(const QString &id, bool mine)
{
    return updateTask(id, QStringLiteral("assigned_to_me = ?"), {mine}, tr("change %1").arg(id));
}

bool TaskStore::removeTask(const QString &id)
{
    return transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(database());
        if (!exec(query, QStringLiteral("DELETE FROM tasks WHERE id = ?"), {id},
                  tr("remove %1").arg(id)))
            return false;
        if (query.numRowsAffected() > 0)
            m_pending->removed.append(id);
        return true;
    });
}

bool TaskStore::moveTask(const QString &from, const QString &to)
{
    QString fromSource;
    QString source;
    QString sourceId;
    if (!Task::parseId(from, &fromSource) || !Task::parseId(to, &source, &sourceId) ||
        source != fromSource || Task::isLocalId(to)) {
        m_lastError = tr("Refusing to move task %1 to the invalid id \"%2\"").arg(from, to);
        qCWarning(lcStore).noquote() << m_lastError;
        return false;
    }
    if (from == to)
        return true;
    return transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(database());
        const QString what = tr("move %1 to %2").arg(from, to);
        const auto stored = [&](const QString &id) {
            const bool found =
                exec(query, QStringLiteral("SELECT 1 FROM tasks WHERE id = ?"), {id}, what) &&
                query.next();
            query.finish();
            return found;
        };
        if (!stored(from)) {
            m_lastError =
                tr("Cannot move task %1: it is not in the task database %2").arg(from, m_path);
            qCWarning(lcStore).noquote() << m_lastError;
            return false;
        }
        const bool merge = stored(to);
        m_pending->removed.append(from);
        if (!merge) { // current_task and skipped follow through ON UPDATE CASCADE
            m_pending->added.append(to);
            return exec(query,
                        QStringLiteral("UPDATE tasks SET id = ?, source_id = ? WHERE id = ?"),
                        {to, sourceId, from}, what);
        }
        m_pending->changed.append(to);
        // A close made here and not yet confirmed stays; so do the newest local times.
        return exec(query,
                    QStringLiteral(
                        "UPDATE tasks SET"
                        " status = CASE f.status WHEN 'done' THEN 'done' ELSE tasks.status END,"
                        " last_activity = max(coalesce(tasks.last_activity, f.last_activity),"
                        " coalesce(f.last_activity, tasks.last_activity)),"
                        " local_updated_at = coalesce(f.local_updated_at, tasks.local_updated_at)"
                        " FROM (SELECT * FROM tasks WHERE id = ?) AS f WHERE tasks.id = ?"),
                    {from, to}, what) &&
               exec(query, QStringLiteral("UPDATE current_task SET task_id = ? WHERE task_id = ?"),
                    {to, from}, what) &&
               exec(query,
                    QStringLiteral("INSERT OR IGNORE INTO skipped (day, task_id)"
                                   " SELECT day, ? FROM skipped WHERE task_id = ?"),
                    {to, from}, what) &&
               exec(query, QStringLiteral("DELETE FROM tasks WHERE id = ?"), {from}, what);
    });
}

QList<Task> TaskStore::selectTasks(const QString &whereAndOrder, const QVariantList &values,
                                   Fields fields) const
{
    const Statement query =
        statement(QStringLiteral("SELECT %1 FROM tasks %2")
                      .arg(fields == Fields::All ? taskColumns : listedColumns, whereAndOrder),
                  values, tr("read tasks"));
    QList<Task> tasks;
    while (query && query->next())
        tasks.append(fields == Fields::All ? taskFrom(*query) : listedTaskFrom(*query));
    if (query && query->failed())
        fail(tr("read tasks"), query->errorText());
    return tasks;
}

std::optional<Task> TaskStore::task(const QString &id) const
{
    const QList<Task> tasks = selectTasks(QStringLiteral("WHERE id = ?"), {id});
    return tasks.isEmpty() ? std::nullopt : std::optional<Task>(tasks.first());
}

bool TaskStore::contains(const QString &id) const
{
    const Statement query = statement(QStringLiteral("SELECT 1 FROM tasks WHERE id = ?"), {id},
                                      tr("read task %1").arg(id));
    return query && query->next();
}

QList<Task> TaskStore::tasks(const QStringList &ids, Fields fields) const
{
    // SQLite takes up to 32766 parameters a statement; a few hundred at a time is plenty.
    constexpr qsizetype Chunk = 500;
    QList<Task> found;
    for (qsizetype first = 0; first < ids.size(); first += Chunk) {
        const QStringList chunk = ids.mid(first, Chunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        found.append(
            selectTasks(QStringLiteral("WHERE id IN (%1)").arg(marks.join(QLatin1Char(','))),
                        QVariantList(chunk.cbegin(), chunk.cend()), fields));
    }
    return found;
}

QList<Task> TaskStore::openTasks(int limit, Fields fields) const
{
    return selectTasks(
        QStringLiteral("WHERE %1 ORDER BY score DESC, id LIMIT ?").arg(openTasksWhere), {limit},
        fields);
}

QList<Task> TaskStore::openTasksUnordered() const
{
    // Through SQLite's own API (no QVariant per value), status and due date as numbers, the
    // source from the id: tens of thousands of rows are read before the window shows.
    SqliteStatement query(m_handle,
                          QStringLiteral("SELECT id, title, status = 'in_progress',"
                                         " CAST(julianday(due_date) + 0.5 AS INTEGER), entity,"
                                         " score FROM tasks NOT INDEXED WHERE %1")
                              .arg(openTasksWhere));
    if (!query.isValid()) {
        fail(tr("read tasks"), query.errorText());
        return {};
    }
    const QString gitHubPrefix = Sources::GitHub + QLatin1Char(':');
    QList<Task> tasks;
    while (query.next()) {
        Task task;
        task.id = query.text(0);
        task.source = task.id.startsWith(gitHubPrefix) ? Sources::GitHub : Sources::ClickUp;
        task.title = query.text(1);
        task.status = query.integer(2) ? TaskStatus::InProgress : TaskStatus::Todo;
        if (!query.isNull(3))
            task.dueDate = QDate::fromJulianDay(query.integer(3));
        task.entity = query.text(4);
        task.score = query.real(5);
        tasks.append(std::move(task));
    }
    if (query.failed())
        fail(tr("read tasks"), query.errorText());
    return tasks;
}

int TaskStore::openTaskCount() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM tasks WHERE %1").arg(openTasksWhere)) ||
        !query.next()) {
        fail(tr("count tasks"), query);
        return 0;
    }
    return query.value(0).toInt();
}

QList<Task> TaskStore::tasksBySource(const QString &source) const
{
    return selectTasks(QStringLiteral("WHERE source = ? ORDER BY source_id"), {source});
}

std::optional<Task> TaskStore::bestOpenTask(const QDate &day) const
{
    const QList<Task> tasks = selectTasks(
        QStringLiteral("WHERE %1 AND id NOT IN (SELECT task_id FROM skipped WHERE day = ?)"
                       " ORDER BY score DESC, id LIMIT 1")
            .arg(openTasksWhere),
        {day.toString(Qt::ISODate)});
    return tasks.isEmpty() ? std::nullopt : std::optional<Task>(tasks.first());
}

std::optional<CurrentTask> TaskStore::currentTask() const
{
    // A kept statement: every Next, Done and API request reads it, often more than once.
    const Statement query =
        statement(QStringLiteral("SELECT task_id, started_at FROM current_task WHERE slot = 1"), {},
                  tr("read the current task"));
    if (!query || !query->next()) {
        if (query && query->failed())
            fail(tr("read the current task"), query->errorText());
        return std::nullopt;
    }
    return CurrentTask{query->text(0), query->time(1)};
}

bool TaskStore::setCurrentTask(const CurrentTask &current)
{
    return run(
        QStringLiteral("INSERT INTO current_task (slot, task_id, started_at) VALUES (1, ?, ?)"
                       " ON CONFLICT (slot) DO UPDATE SET task_id = excluded.task_id,"
                       " started_at = excluded.started_at"),
        {current.taskId, current.startedAt.toMSecsSinceEpoch()},
        tr("set the current task to %1").arg(current.taskId));
}

bool TaskStore::clearCurrentTask()
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral("DELETE FROM current_task")) ||
           fail(tr("clear the current task"), query);
}

bool TaskStore::markSkipped(const QString &taskId, const QDate &day)
{
    // On the change feed: the list marks a task skipped today.
    return transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(database());
        if (!exec(query,
                  QStringLiteral("INSERT OR IGNORE INTO skipped (day, task_id) VALUES (?, ?)"),
                  {day.toString(Qt::ISODate), taskId}, tr("skip task %1").arg(taskId)))
            return false;
        if (query.numRowsAffected() > 0 && contains(taskId))
            m_pending->changed.append(taskId);
        return true;
    });
}

bool TaskStore::unmarkSkipped(const QString &taskId, const QDate &day)
{
    // On the change feed, as markSkipped(): the list stops marking it.
    return transaction(ChangeOrigin::User, [&] {
        QSqlQuery query(database());
        if (!exec(query, QStringLiteral("DELETE FROM skipped WHERE day = ? AND task_id = ?"),
                  {day.toString(Qt::ISODate), taskId}, tr("take back the skip of %1").arg(taskId)))
            return false;
        if (query.numRowsAffected() > 0 && contains(taskId))
            m_pending->changed.append(taskId);
        return true;
    });
}

QSet<QString> TaskStore::skippedOn(const QDate &day) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT task_id FROM skipped WHERE day = ?"));
    query.bindValue(0, day.toString(Qt::ISODate));
    QSet<QString> ids;
    if (!query.exec()) {
        fail(tr("read skipped tasks"), query);
        return ids;
    }
    while (query.next())
        ids.insert(query.value(0).toString());
    return ids;
}

} // namespace UpNext
