#pragma once

// upnext_sync: keeps the TaskStore in step with the sources — scheduled and
// on-demand pulls through the readers, merged by the source's updated_at.

#include "SourceSyncResult.h"

#include "core/Scorer.h"
#include "core/SyncState.h"
#include "core/TaskChanges.h"
#include "sources/ReadResult.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace UpNext {

class Clock;
class Entities;
class Outbox;
struct OutboxEntry;
class SourceReader;
class TaskStore;

// Syncs each source on start, on a timer and on demand, independently: one
// failing does not stop the other, and a request while a source is syncing
// is coalesced into one more run after it.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    // Makes a fresh reader for one run; the engine owns and deletes it.
    using ReaderFactory = std::function<SourceReader *()>;

    SyncEngine(TaskStore *store, const Entities *entities, QObject *parent = nullptr);

    void setScoreWeights(const ScoreWeights &weights) { m_scorer = Scorer(weights); }
    const ScoreWeights &scoreWeights() const { return m_scorer.weights(); }
    // Where scoring, the nightly rescore and results read the time; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }
    // With an outbox, a task whose completion is still on its way keeps its local state.
    void setOutbox(Outbox *outbox) { m_outbox = outbox; }
    void addSource(const QString &source, ReaderFactory factory);
    // Forgets a source's reader; a sync of it that runs goes on (see isIdle()).
    void removeSource(const QString &source) { m_factories.remove(source); }
    QStringList sources() const { return m_factories.keys(); }
    // What the readers keep between runs; the readers this engine runs read it.
    SyncState *state() { return &m_state; }

    // Scores the open tasks again now and every night, then syncs every source now and then
    // every interval.
    void start(std::chrono::milliseconds interval);
    void stop();
    // When the nightly rescore is next due, by the engine's clock; invalid when stopped.
    QDateTime nightlyRescoreAt() const { return m_nightlyAt; }

    void syncAll();
    void sync(const QString &source);
    bool isSyncing(const QString &source) const { return m_running.contains(source); }
    bool isIdle() const { return m_running.isEmpty(); }
    // Between start() and stop().
    bool isStarted() const { return m_timer.isActive(); }
    std::chrono::milliseconds interval() const { return m_timer.intervalAsDuration(); }

    // Scores every open task again: due dates and staleness move with the days, and clients
    // change. Only tasks whose score moved are written. False when the store refused.
    bool rescore(const QDateTime &now);

    // Merges what a source says its tasks are now into the store in one transaction, the same
    // for a sync and a webhook (origin): an older remote state never overwrites a newer one,
    // a completion still on its way keeps the task done here, a new task that is closed or not
    // the user's is of no interest. What moved goes on the change feed with read.actor. Counts
    // go to *result; false (result->error says why) when the store refused.
    bool merge(const ReadResult &read, ChangeOrigin origin, SourceSyncResult *result);
    // An outbox entry is confirmed or refused: a task whose newer state at the source a merge
    // held back for it (SyncState::recheck) is read again now.
    void writeSettled(const OutboxEntry &entry);

Q_SIGNALS:
    void syncStarted(const QString &source);
    void progress(const QString &source, int tasksRead);
    void rateLimited(const QString &source, const QDateTime &until);
    void sourceFinished(const UpNext::SourceSyncResult &result);
    // Every source that was syncing is done.
    void idle();

private:
    void saveState(const ReadResult &read);
    // What moved at the source between the stored task and the one read, for the change feed.
    static void noteExternal(const Task &before, const Task &after, const ReadResult &read,
                             bool byUser, TaskChanges &changes);
    void finishRun(const QString &source, SourceReader *reader, const ReadResult &read);
    double scoreOf(const Task &task, const QDateTime &now) const;
    void rescoreAtMidnight();
    // Each interval: the nightly rescore if the day turned without it, then a sync of every source.
    void tick();

    TaskStore *m_store;
    SyncState m_state;
    const Entities *m_entities;
    Outbox *m_outbox = nullptr;
    Scorer m_scorer;
    const Clock *m_clock;
    QHash<QString, ReaderFactory> m_factories;
    QHash<QString, SourceReader *> m_running;
    QSet<QString> m_again; // asked for while running
    QTimer m_timer;
    QTimer m_nightly;
    QDateTime m_nightlyAt;
};

} // namespace UpNext
