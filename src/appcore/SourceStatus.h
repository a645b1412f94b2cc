#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace UpNext {

class Clock;
class Outbox;
class OutboxProcessor;
class SyncEngine;
struct OutboxEntry;
struct SourceSyncResult;

// How each source is doing, from its syncs and the writes sent to it: synced at …, can't be
// reached since … (and why), token rejected, rate limited until …. A source unreachable for
// a while (offlineAfter(), or a second failed sync in a row) is offline: the window says so
// in a banner with the changes waiting for it, and the source is synced again every
// offlineAfter() so that it is back on its own once it can be reached. Retry now syncs and
// sends at once. Says whether a change made now can go to its source now or is queued.
class SourceStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceStatus)

public:
    struct State
    {
        enum class Kind {
            Unknown,       // not synced yet
            Synced,        // the last sync worked
            Unreachable,   // no connection, no answer, the service is down
            TokenRejected, // 401
            RateLimited,   // until `until`
            Failed,        // another error (configuration, an answer that cannot be read)
        };

        Kind kind = Kind::Unknown;
        bool syncing = false;
        QDateTime syncedAt;  // the last good sync
        QDateTime since;     // the problem began
        QDateTime until;     // RateLimited: when the limit lifts
        QString reason;      // the last error, in the source's words
        int failedSyncs = 0; // in a row
    };

    SourceStatus(SyncEngine *engine, OutboxProcessor *processor, Outbox *outbox, const Clock *clock,
                 QObject *parent = nullptr);
    ~SourceStatus() override;

    void setOfflineAfter(std::chrono::milliseconds after);
    std::chrono::milliseconds offlineAfter() const { return m_offlineAfter; }

    // The sources with a token, in a fixed order.
    QStringList sources() const;
    State state(const QString &source) const { return m_states.value(source); }
    // One line for the status bar: "GitHub: synced at 10:02", "ClickUp: can't reach since
    // 10:01 — Connection refused", "GitHub: token rejected (…)", ….
    QString describe(const QString &source) const;
    // Unreachable long enough to tell the user.
    bool isOffline(const QString &source) const;
    QStringList offlineSources() const;
    // For the banner, one line per offline source: "Can't reach GitHub since 10:02 (why) — 3
    // changes will be sent when it is back."; empty when none is offline.
    QString offlineText() const;
    // Empty when a change made now for a task of source can go now; else why it is queued,
    // e.g. "queued until GitHub can be reached".
    QString queuedReason(const QString &source) const;

public Q_SLOTS:
    // Syncs every source and sends what waits in the outbox, now.
    void retryNow();

Q_SIGNALS:
    // A state, the waiting changes or what is offline changed.
    void changed();

private:
    void syncStarted(const QString &source);
    void syncFinished(const SourceSyncResult &result);
    // A sync or a write could not reach the source.
    void unreachable(const QString &source, const QString &reason, bool bySync);
    void problem(const QString &source, State::Kind kind, const QString &reason);
    void rateLimited(const QString &source, const QDateTime &until);
    // A write went through: the source can be reached.
    void reached(const OutboxEntry &entry);
    // Syncs the offline sources again, and wakes up when the next one turns offline.
    void check();
    void scheduleCheck();
    QString time(const QDateTime &when) const;

    SyncEngine *m_engine;
    OutboxProcessor *m_processor;
    Outbox *m_outbox;
    const Clock *m_clock;
    QHash<QString, State> m_states;
    std::chrono::milliseconds m_offlineAfter = std::chrono::minutes(2);
    QTimer m_timer;
};

} // namespace UpNext
