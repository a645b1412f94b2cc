#pragma once

#include "CurrentTask.h"
#include "SqliteStatement.h"
#include "Task.h"
#include "TaskChanges.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3;

namespace UpNext {

// The tasks, the current task and the skipped-today set in one SQLite file.
// WAL, foreign keys, prepared statements, PRAGMA user_version migrations.
// A file that is corrupt is moved aside (never deleted) and a fresh one made;
// a file from a newer schema is refused and left untouched. The migrations make
// the whole file, the tables of the Outbox, the SyncState and the WebhookLog too.
//
// The only class that writes the tasks table. Every change to it is published
// once with changed() after its transaction commits: the change feed.
class TaskStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskStore)

public:
    static constexpr int SchemaVersion = 6;
    // Times are stored as UTC milliseconds since the epoch; NULL is no time.
    static QDateTime timeFromColumn(const QVariant &value);

    explicit TaskStore(QObject *parent = nullptr);
    ~TaskStore() override;

    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Why the last call failed; names the file.
    QString lastError() const { return m_lastError; }
    // Set by open() when a corrupt file was moved aside; empty otherwise.
    QString recoveryMessage() const { return m_recoveryMessage; }

    // Runs work in one transaction: all or nothing. The changes the store's operations make
    // inside it are published together with changed() once it commits, nothing when it rolls
    // back. Called inside another transaction, work joins that one (and its origin) in a
    // savepoint: when it fails, only what it did is undone.
    bool transaction(ChangeOrigin origin, const std::function<bool()> &work);

    // Inserts or updates all tasks in one transaction: all or nothing.
    bool upsert(const QList<Task> &tasks, ChangeOrigin origin = ChangeOrigin::Sync);
    // The same, said more precisely: described.added are new to the store and
    // described.external says what moved at the source; every other id is published as changed.
    bool upsert(const QList<Task> &tasks, const TaskChanges &described);
    bool setScores(const QHash<QString, double> &scores);

    // Local effects of the user's writes (the Outbox runs them in its transactions).
    // localUpdatedAt: when the user did it; invalid leaves the column as it is.
    bool setStatus(const QString &id, TaskStatus status, const QDateTime &localUpdatedAt = {});
    // A comment made here: the task's last activity and local change are now.
    bool touch(const QString &id, const QDateTime &now);
    // Puts back a task's last activity and local change time (invalid: none), as they were
    // before a write the user took back.
    bool setLocalTimes(const QString &id, const QDateTime &lastActivity,
                       const QDateTime &localUpdatedAt);
    bool setAssignedToMe(const QString &id, bool mine);
    bool removeTask(const QString &id);
    // The task `from` is known at the source as `to` now (a create confirmed, a renamed repo,
    // a transferred issue): it takes that id, and the current task and skips follow it. When
    // `to` is already stored (the source's copy, e.g. imported by a sync), the two become one:
    // the source's fields stay, what was done here (a close, the latest activity) is kept.
    // Never two copies, never one overwritten. False when `from` is not stored.
    bool moveTask(const QString &from, const QString &to);

    std::optional<Task> task(const QString &id) const;
    bool contains(const QString &id) const;
    // The stored tasks among ids, in no particular order. Views that list many tasks ask
    // for what a list shows (Listed: id, source, title, status, assigned, due date, client,
    // score; the rest left empty) and read a whole task when it is shown.
    enum class Fields { All, Listed };
    QList<Task> tasks(const QStringList &ids, Fields fields = Fields::All) const;
    // Open tasks assigned to the user, best first (score, then id).
    QList<Task> openTasks(int limit = -1, Fields fields = Fields::All) const;
    // All of them with the Listed fields, in no particular order, for a list that keeps its
    // own: one pass over the table, where openTasks() walks the score index and looks each
    // row up, about three times faster.
    QList<Task> openTasksUnordered() const;
    int openTaskCount() const;
    QList<Task> tasksBySource(const QString &source) const;
    // The best open task assigned to the user that was not skipped on day.
    std::optional<Task> bestOpenTask(const QDate &day) const;

    std::optional<CurrentTask> currentTask() const;
    bool setCurrentTask(const CurrentTask &current);
    bool clearCurrentTask();

    // Publishes the task as changed (origin User): whether it was skipped today is shown.
    bool markSkipped(const QString &taskId, const QDate &day);
    // A skip taken back: the task may be current again today.
    bool unmarkSkipped(const QString &taskId, const QDate &day);
    QSet<QString> skippedOn(const QDate &day) const;

    // Brings db from its user_version up to target; exposed for migration tests.
    static bool migrate(QSqlDatabase &db, int target, QString *error);

    // The connection, for the tables other classes own in this file (the outbox, the sync
    // state), so that their rows and the tasks change in one transaction().
    QSqlDatabase database() const;
    // Prepares, binds and runs a statement on it; false with lastError() naming `what`.
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values,
              const QString &what) const;

    // A statement of the hot paths (a webhook runs a dozen; thousands arrive a second),
    // prepared once on the connection and kept; reset when the handle goes.
    struct Release
    {
        bool *inUse = nullptr; // null: not kept, deleted
        void operator()(SqliteStatement *statement) const;
    };
    using Statement = std::unique_ptr<SqliteStatement, Release>;
    // sql with values bound; null, with lastError() naming `what`, when it does not prepare.
    Statement statement(const QString &sql, const QVariantList &values, const QString &what) const;
    // Runs a kept statement that returns no rows; false with lastError() naming `what`.
    bool run(const QString &sql, const QVariantList &values, const QString &what) const;
    // Runs a kept INSERT; the id of the row it added, none (lastError() naming `what`) when it
    // failed.
    std::optional<qint64> insert(const QString &sql, const QVariantList &values,
                                 const QString &what) const;

Q_SIGNALS:
    void changed(const UpNext::TaskChanges &changes);

private:
    enum class OpenResult { Ok, Corrupt, Newer, Failed };
    OpenResult tryOpen(const QString &path);
    // Validates and writes tasks inside the current transaction.
    bool writeTasks(const QList<Task> &tasks, const TaskChanges &described);
    // Runs one statement on the task with id inside a transaction; notes it as changed.
    bool updateTask(const QString &id, const QString &assignments, QVariantList values,
                    const QString &what);
    bool fail(const QString &what, const QSqlQuery &query) const;
    bool fail(const QString &what, const QString &reason) const;
    // SQLite's hook after each commit: checkpoints the write-ahead log on m_checkpointer.
    static int walCommitted(void *store, sqlite3 *db, const char *name, int pages);
    QList<Task> selectTasks(const QString &whereAndOrder, const QVariantList &values,
                            Fields fields = Fields::All) const;
    bool savepoint(const std::function<bool()> &work);

    struct Kept
    {
        std::unique_ptr<SqliteStatement> statement;
        bool inUse = false;
    };

    QString m_connection;
    sqlite3 *m_handle = nullptr; // the open connection's
    mutable QHash<QString, std::shared_ptr<Kept>> m_kept;
    QThreadPool m_checkpointer;
    sqlite3 *m_checkpointDb = nullptr; // m_checkpointer's
    QAtomicInteger<bool> m_checkpointing = false;
    QAtomicInteger<bool> m_checkpointed = false; // by m_checkpointer, since the last catch-up
    TaskChanges *m_pending = nullptr;            // the open transaction's changes
    QString m_path;
    QString m_recoveryMessage;
    mutable QString m_lastError;
};

} // namespace UpNext
