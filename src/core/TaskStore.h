#pragma once

#include "CurrentTask.h"
#include "Task.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace UpNext {

// A response body remembered for conditional requests (If-None-Match).
struct CachedResponse
{
    QByteArray etag;
    QByteArray payload;

    bool operator==(const CachedResponse &other) const = default;
};

// The tasks, the current task and the skipped-today set in one SQLite file.
// WAL, foreign keys, prepared statements, PRAGMA user_version migrations.
// A file that is corrupt is moved aside (never deleted) and a fresh one made;
// a file from a newer schema is refused and left untouched.
class TaskStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskStore)

public:
    static constexpr int SchemaVersion = 3;
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

    // Inserts or updates all tasks in one transaction: all or nothing.
    bool upsert(const QList<Task> &tasks);
    bool setScores(const QHash<QString, double> &scores);
    // The task from is known at the source as to now (a renamed repo, a transferred issue): it
    // takes that id, and the current task and skips follow it. When to is already stored, that
    // task is kept as it is and from is folded into it (its current task and skips move over,
    // the row goes). Never two copies, never one overwritten. False when from is not stored.
    bool moveTask(const QString &from, const QString &to);

    std::optional<Task> task(const QString &id) const;
    // Open tasks assigned to the user, best first (score, then id).
    QList<Task> openTasks(int limit = -1) const;
    int openTaskCount() const;
    QList<Task> tasksBySource(const QString &source) const;
    // The best open task assigned to the user that was not skipped on day.
    std::optional<Task> bestOpenTask(const QDate &day) const;

    std::optional<CurrentTask> currentTask() const;
    bool setCurrentTask(const CurrentTask &current);
    bool clearCurrentTask();

    bool markSkipped(const QString &taskId, const QDate &day);
    QSet<QString> skippedOn(const QDate &day) const;

    // Small values sync keeps between runs (high-water marks, user ids), per source.
    QString syncValue(const QString &source, const QString &key) const;
    bool setSyncValue(const QString &source, const QString &key, const QString &value);

    std::optional<CachedResponse> cachedResponse(const QString &url) const;
    bool setCachedResponse(const QString &url, const CachedResponse &response);

    // Brings db from its user_version up to target; exposed for migration tests.
    static bool migrate(QSqlDatabase &db, int target, QString *error);

Q_SIGNALS:
    void tasksChanged();

private:
    friend class Outbox; // shares the connection, so a write and its local effect are one
                         // transaction

    enum class OpenResult { Ok, Corrupt, Newer, Failed };
    OpenResult tryOpen(const QString &path);
    QSqlDatabase database() const;
    // Validates and writes tasks inside the caller's transaction.
    bool writeTasks(const QList<Task> &tasks);
    bool fail(const QString &what, const QSqlQuery &query) const;
    QList<Task> selectTasks(const QString &whereAndOrder, const QVariantList &values) const;

    QString m_connection;
    QString m_path;
    QString m_recoveryMessage;
    mutable QString m_lastError;
};

} // namespace UpNext
