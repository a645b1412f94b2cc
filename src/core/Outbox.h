#pragma once

#include "OutboxEntry.h"
#include "Task.h"
#include "TaskChanges.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSqlQuery>

#include <functional>
#include <optional>

namespace UpNext {

class TaskStore;

// User writes (complete, comment, create) kept in the task database until the
// source confirms them. Each is stored in the same transaction as its local
// effect, so neither can be lost without the other. Per task, entries go in
// the order they were made; a failed one holds back the later ones of its task.
// Owns the outbox table; the tasks' side goes through the TaskStore's operations.
class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    explicit Outbox(TaskStore *store, QObject *parent = nullptr);

    QString lastError() const { return m_lastError; }

    // The task is done here at once; its completion waits in the outbox, and is not sent
    // before holdUntil (invalid: no hold), so the user can still take it back.
    std::optional<qint64> complete(const QString &taskId, const QDateTime &now,
                                   const QDateTime &holdUntil = {});
    // The comment waits in the outbox (held as above); the task's last activity is now.
    std::optional<qint64> comment(const QString &taskId, const QString &text, const QDateTime &now,
                                  const QDateTime &holdUntil = {});
    // Adds the task under a local id ("clickup:local-1", "github:owner/repo#local-1") at
    // once; the source's id replaces it when the create is confirmed. Returns the local id.
    std::optional<QString> create(const Task &draft, const QDateTime &now);

    // Entries whose turn it is: the oldest unfinished entry of each task, if due and not
    // held, soonest
    // first; at most limit (-1: all), leaving out the tasks of skipSources.
    QList<OutboxEntry> due(const QDateTime &now, const QStringList &skipSources = {},
                           int limit = -1) const;
    // When the next unfinished entry of a source not in skipSources comes due; invalid: none.
    QDateTime nextAttempt(const QStringList &skipSources = {}) const;
    QList<OutboxEntry> entries() const;
    // The entries of these tasks (a few: one statement), in the order they were made.
    QList<OutboxEntry> entriesFor(const QStringList &taskIds) const;
    QList<OutboxEntry> failed() const;
    // Entries not yet confirmed (and not failed); of one source's tasks when source is set.
    int pendingCount(const QString &source = {}) const;

    // Makes every waiting entry due now (connectivity is back, or the user asked to sync);
    // a held one still waits for its hold to end.
    bool bringForward(const QDateTime &now);
    bool markSending(qint64 id, const QDateTime &now);
    // Confirmed by the source (or found there already): the entry is done.
    bool finish(qint64 id);
    bool retryLater(qint64 id, const QDateTime &when, const QString &error);
    // Refused for good: the local effect is undone (a task that could not be closed
    // is open again; one that could not be created is hidden) and the user is told.
    bool fail(qint64 id, const QString &error);
    // The user's answers to a failure. A discarded entry takes its local effect with it: a
    // close not sent reopens the task; a create removes its task and what waited for it.
    // One being sent cannot be discarded. Retry also sends a waiting entry now (no backoff,
    // no hold).
    bool retry(qint64 id, const QDateTime &now);
    bool discard(qint64 id);
    // Undo: a close or comment never handed to the source leaves the outbox and its task is
    // as before (status, last activity). Returns the entry taken back; none, saying why in
    // lastError(), once it was sent.
    std::optional<OutboxEntry> takeBack(qint64 id);
    // The source knows the task under another id (a create confirmed, a renamed repo, a
    // transferred issue): the task, its current-task pointer, skips and queued entries move
    // to it. When a sync already brought the task in under that id, the two become one.
    bool rekey(const QString &fromId, const QString &toId);

Q_SIGNALS:
    // Entries were added, changed or removed.
    void changed();

private:
    // The entry and its local effect, in one transaction.
    std::optional<qint64> enqueue(const QString &taskId, const QString &kind,
                                  const QJsonObject &data, const std::function<bool()> &effect,
                                  const QDateTime &now, const QDateTime &holdUntil);
    // A statement on the outbox table that changes it.
    bool update(const QString &sql, const QVariantList &values);
    std::optional<OutboxEntry> entry(qint64 id) const;
    // entry() for the user's answers: lastError() says why when there is none.
    std::optional<OutboxEntry> userEntry(qint64 id) const;
    // Puts a task whose close did not go through back to its status before.
    bool reopen(const OutboxEntry &entry);
    QList<OutboxEntry> select(const QString &where, const QVariantList &values) const;
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values,
              const QString &what) const;
    // Runs work in one transaction of the store; rolls back when it returns false.
    bool transaction(ChangeOrigin origin, const std::function<bool()> &work);

    TaskStore *m_store;
    mutable QString m_lastError;
};

} // namespace UpNext
