#pragma once

#include "OutboxEntry.h"
#include "ScoreWeights.h"
#include "Scorer.h"
#include "Task.h"
#include "TaskChanges.h"
#include "UndoOffer.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace UpNext {

class Clock;
class Entities;
class Outbox;
class TaskStore;

// The answer of a TaskService call: an error, or the task it is about (which may
// be absent, e.g. when there is nothing left to do).
struct TaskResult
{
    QString error;
    std::optional<Task> task;
    // The outbox entry of the write the call queued (the last one); 0: none.
    qint64 entryId = 0;

    bool ok() const { return error.isEmpty(); }
};

struct Briefing
{
    QList<std::pair<Task, ScoreResult>> top; // the best five, with why
    QList<Task> overdue;
    QList<Task> dueToday;
    QList<Task> changedElsewhere; // changed at the source since the last briefing (or a day)
    QList<OutboxEntry> failedWrites;
    QHash<QString, Task> failedTasks; // the tasks of failedWrites, by id, to name them
};

// What waits in the outbox, as the status bar and tray show it.
struct OutboxCounts
{
    int waiting = 0; // not yet confirmed by the source
    int failed = 0;  // refused; the user retries or discards them
};

// The task flow — next, done, skip, complete, comment, create, undo, the morning
// briefing, the outbox's retry and discard — in one place for the window, the
// tray, the local API and the CLI. Local effects happen at once; writes to the
// sources go through the Outbox. Keeps one task current whatever changes the
// store: when the current task closes or leaves the list, the next takes over.
// A Done, Skip or comment can be taken back for a few seconds (the undo grace);
// a Done or comment waits in the outbox that long before it is sent.
class TaskService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskService)

public:
    static constexpr std::chrono::milliseconds DefaultUndoGrace{5000};

    TaskService(TaskStore *store, Outbox *outbox, const Entities *entities,
                QObject *parent = nullptr);

    void setScoreWeights(const ScoreWeights &weights) { m_scorer = Scorer(weights); }
    // Where the service and the views on it read the time; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }
    const Clock *clock() const { return m_clock; }
    // Now by that clock, for views: they read no clock of their own.
    QDateTime now() const;
    // How long Done, Skip and a comment can be taken back, and a Done or comment is held in
    // the outbox; zero: no undo, writes go at once.
    void setUndoGrace(std::chrono::milliseconds grace) { m_undoGrace = grace; }
    std::chrono::milliseconds undoGrace() const { return m_undoGrace; }

    // The current task, or else the best open task of the user not skipped today,
    // which becomes current.
    TaskResult next(const QDateTime &now);
    // Whether a Done, complete or comment can be taken back (held for the undo grace): yes
    // from the window, no from the local API and the CLI, whose writes go at once.
    enum class Undo { Offer, None };

    // Completes the current task and makes the next one current, in one step.
    TaskResult done(const QDateTime &now, Undo undo = Undo::Offer);
    // Sets the current task aside for the rest of the day; the next one becomes current.
    TaskResult skip(const QDateTime &now);

    TaskResult complete(const QString &taskId, const QDateTime &now, Undo undo = Undo::Offer);
    TaskResult comment(const QString &taskId, const QString &text, const QDateTime &now,
                       Undo undo = Undo::Offer);
    // source: Sources::ClickUp or Sources::GitHub; container: the list or repo to create in.
    TaskResult create(const QString &source, const QString &container, const QString &title,
                      const QString &entity, const QString &description, const QDateTime &now);

    // What the morning briefing shows; remembers `now` as the last briefing.
    Briefing briefing(const QDateTime &now);

    ScoreResult explain(const Task &task, const QDateTime &now) const;
    // Where the task lives, by name: the repository ("acme/web") or the ClickUp list's name as
    // the last sync saw it; empty while it is not known (never a raw list id).
    QString containerName(const Task &task) const;

    // The latest Done, Skip or comment that can still be taken back, if any.
    std::optional<UndoOffer> undoOffer() const;
    // Takes it back: a Done's task is open again, a comment is gone, neither ever reaches the
    // source; a Skip's task may come up again today; after Done and Skip the task current
    // before is current again. The answer is about the task the undo was about.
    TaskResult undo(const QDateTime &now);

    OutboxCounts outboxCounts() const;
    // A failed write goes again, its local effect back; a waiting one goes now.
    TaskResult retryWrite(qint64 entryId, const QDateTime &now);
    // A write that will never be sent; its local effect goes with it (see discardEffects()).
    TaskResult discardWrite(qint64 entryId);
    // What discarding these entries undoes here, in a sentence; empty when nothing.
    QString discardEffects(const QList<qint64> &entryIds) const;

Q_SIGNALS:
    // The current task is another one (empty: none).
    void currentChanged(const QString &taskId);
    // A write waits in the outbox to be sent.
    void queued();
    // An undo was offered, taken or ran out: undoOffer() may be another.
    void undoChanged();

private:
    // Keeps a task current when the current one closed or went, or when there was none.
    void keepCurrent(const TaskChanges &changes);
    TaskResult knownTask(const QString &taskId) const;
    // The answer to a write the outbox stored (or refused, saying why in lastError()).
    TaskResult fromOutbox(const QString &taskId, std::optional<qint64> entry);
    // Until when a write made now is held back for undo; invalid: no hold.
    QDateTime holdUntil(const QDateTime &now, Undo undo = Undo::Offer) const;
    void offerUndo(UndoOffer::Kind kind, const Task &task, qint64 entryId,
                   const std::optional<CurrentTask> &current, const QDateTime &now,
                   const QString &text = {});
    // Drops the offers that ran out by now; true when there were some.
    bool dropExpiredOffers(const QDateTime &now);
    // Wakes up when the first offer runs out.
    void scheduleExpiry();
    // Makes current what was current before an undone Done or Skip.
    bool restoreCurrent(const std::optional<CurrentTask> &current);

    TaskStore *m_store;
    Outbox *m_outbox;
    const Entities *m_entities;
    Scorer m_scorer;
    const Clock *m_clock;
    QString m_currentId; // as last told with currentChanged()
    std::chrono::milliseconds m_undoGrace = DefaultUndoGrace;
    QList<UndoOffer> m_undo; // oldest first
    quint64 m_nextSerial = 1;
    QTimer m_undoExpiry;
};

} // namespace UpNext
