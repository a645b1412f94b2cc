#pragma once

#include "core/OutboxEntry.h"
#include "sources/WriteResult.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace UpNext {

class Clock;
class Outbox;
class SourceWriter;

// Sends the outbox to the sources: each entry when its turn comes, per task in
// order, writes to one source paced so they never burst past its limits.
// Network errors, timeouts, 5xx and rate limits are retried with exponential
// backoff and jitter; a rejected token pauses the source (entries wait); a
// permanent refusal fails the entry and undoes its local effect. A comment or
// create that may have reached the source before is looked for there first,
// so nothing is posted twice.
class OutboxProcessor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxProcessor)

public:
    explicit OutboxProcessor(Outbox *outbox, QObject *parent = nullptr);

    // spacing: the least time between two writes to the source (ClickUp 100 requests a
    // minute: 600 ms; GitHub about 80 writes a minute: 750 ms).
    void addWriter(const QString &source, SourceWriter *writer, std::chrono::milliseconds spacing);
    // Its entries wait until a writer is added again; a send in flight goes on (isIdle()).
    void removeWriter(const QString &source)
    {
        m_writers.remove(source);
        m_spacing.remove(source);
    }
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds cap);
    // Where due times, pacing and backoff read the time; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }

    // Sends what is due now and keeps going as entries come due.
    void start();
    // Starts nothing more; what is in flight finishes.
    void stop();
    // Something changed (a new entry): look again now.
    void processNow();
    // Connectivity is back or the user asked: what waits for a retry goes now.
    void retryNow();
    // The user fixed the token: the source's entries go out again.
    void resume(const QString &source);
    bool isPaused(const QString &source) const { return m_paused.contains(source); }
    bool isIdle() const { return m_inFlight.isEmpty(); }

Q_SIGNALS:
    void sent(const UpNext::OutboxEntry &entry, const UpNext::WriteResult &result);
    // complete found the task closed already: it stays done here; says who or what closed it.
    void conflict(const UpNext::OutboxEntry &entry, const QString &currentState);
    void failed(const UpNext::OutboxEntry &entry, const QString &message);
    // The source could not take it now (offline, busy, rate limited): it goes again at when.
    void retrying(const UpNext::OutboxEntry &entry, const QString &message, const QDateTime &when);
    // A rejected token: the source's entries wait until resume().
    void paused(const QString &source, const QString &message);
    // A write could not reach the source (no connection, no answer, a 5xx): it waits.
    void unreachable(const QString &source, const QString &message);
    // The source's rate limit holds writes back until then.
    void rateLimited(const QString &source, const QDateTime &until);
    // The outbox is empty of anything that could be sent, and nothing is in flight.
    void idle();

private:
    void process();
    void send(const OutboxEntry &entry, SourceWriter *writer);
    // mayHaveArrived: an earlier attempt may have reached the source unanswered.
    void dispatch(const OutboxEntry &entry, SourceWriter *writer, bool mayHaveArrived);
    void handle(const OutboxEntry &entry, const WriteResult &given, bool mayHaveArrived);
    void scheduleNext();
    QString sourceOf(const OutboxEntry &entry) const;
    // Sources that cannot take a write now: no writer, paused, one in flight, or paced.
    QStringList unavailableSources(const QDateTime &now) const;
    std::chrono::milliseconds backoff(int attempts) const;

    Outbox *m_outbox;
    const Clock *m_clock;
    QHash<QString, SourceWriter *> m_writers;
    QHash<QString, std::chrono::milliseconds> m_spacing;
    QHash<QString, QDateTime> m_nextWrite; // per source: not before
    QSet<QString> m_paused;
    QSet<qint64> m_inFlight;
    QSet<QString> m_busySources;
    std::chrono::milliseconds m_firstBackoff{2000};
    std::chrono::milliseconds m_maxBackoff{std::chrono::minutes(5)};
    QTimer m_timer;
    bool m_started = false;
};

} // namespace UpNext
