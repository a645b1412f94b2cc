#include "SourceStatus.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/Outbox.h"
#include "core/Task.h"
#include "sync/OutboxProcessor.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"

#include <QLocale>

namespace UpNext {

SourceStatus::SourceStatus(SyncEngine *engine, OutboxProcessor *processor, Outbox *outbox,
                           const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_processor(processor)
    , m_outbox(outbox)
    , m_clock(clock ? clock : Clock::system())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SourceStatus::check);
    connect(engine, &SyncEngine::syncStarted, this, &SourceStatus::syncStarted);
    connect(engine, &SyncEngine::sourceFinished, this, &SourceStatus::syncFinished);
    connect(engine, &SyncEngine::rateLimited, this, &SourceStatus::rateLimited);
    connect(processor, &OutboxProcessor::sent, this, &SourceStatus::reached);
    // A refusal is an answer too: the source was reached.
    connect(processor, &OutboxProcessor::failed, this, &SourceStatus::reached);
    connect(processor, &OutboxProcessor::unreachable, this,
            [this](const QString &source, const QString &reason) {
                unreachable(source, reason, false);
            });
    connect(processor, &OutboxProcessor::rateLimited, this, &SourceStatus::rateLimited);
    connect(processor, &OutboxProcessor::paused, this,
            [this](const QString &source, const QString &reason) {
                problem(source, State::Kind::TokenRejected, reason);
            });
    // The banner counts what waits.
    connect(outbox, &Outbox::changed, this, [this] {
        if (!offlineSources().isEmpty())
            Q_EMIT changed();
    });
}

SourceStatus::~SourceStatus() = default;

void SourceStatus::setOfflineAfter(std::chrono::milliseconds after)
{
    m_offlineAfter = after;
    scheduleCheck();
}

QStringList SourceStatus::sources() const
{
    QStringList result;
    const QStringList configured = m_engine->sources();
    for (const QString &source : {Sources::ClickUp, Sources::GitHub}) {
        if (configured.contains(source))
            result.append(source);
    }
    return result;
}

void SourceStatus::syncStarted(const QString &source)
{
    m_states[source].syncing = true;
    Q_EMIT changed();
}

void SourceStatus::syncFinished(const SourceSyncResult &result)
{
    State &state = m_states[result.source];
    state.syncing = false;
    switch (result.failure) {
    case ReadResult::Failure::None:
        if (result.ok()) {
            state = State{State::Kind::Synced, false, result.finishedAt, {}, {}, {}, 0};
            break;
        }
        [[fallthrough]]; // an error the store gave: it is no failure of the source's
    case ReadResult::Failure::Other:
        problem(result.source, State::Kind::Failed, result.error);
        return;
    case ReadResult::Failure::Unreachable:
        unreachable(result.source, result.error, true);
        return;
    case ReadResult::Failure::Unauthorized:
        problem(result.source, State::Kind::TokenRejected, result.error);
        return;
    case ReadResult::Failure::RateLimited:
        rateLimited(result.source, result.retryAfter);
        return;
    }
    scheduleCheck();
    Q_EMIT changed();
}

void SourceStatus::unreachable(const QString &source, const QString &reason, bool bySync)
{
    State &state = m_states[source];
    if (state.kind != State::Kind::Unreachable) {
        state.kind = State::Kind::Unreachable;
        state.since = m_clock->now();
        state.failedSyncs = 0;
        qCInfo(lcSync).noquote() << "Cannot reach" << source << "-" << reason;
    }
    if (bySync)
        ++state.failedSyncs;
    state.reason = reason;
    scheduleCheck();
    Q_EMIT changed();
}

void SourceStatus::problem(const QString &source, State::Kind kind, const QString &reason)
{
    State &state = m_states[source];
    if (state.kind != kind)
        state.since = m_clock->now();
    state.kind = kind;
    state.reason = reason;
    state.failedSyncs = 0;
    scheduleCheck();
    Q_EMIT changed();
}

void SourceStatus::rateLimited(const QString &source, const QDateTime &until)
{
    State &state = m_states[source];
    state.kind = State::Kind::RateLimited;
    state.until = until;
    state.failedSyncs = 0;
    scheduleCheck();
    Q_EMIT changed();
}

void SourceStatus::reached(const OutboxEntry &entry)
{
    QString source;
    Task::parseId(entry.taskId, &source);
    State &state = m_states[source];
    const bool wasUnreachable = state.kind == State::Kind::Unreachable;
    if (!wasUnreachable && state.kind != State::Kind::RateLimited)
        return;
    state.kind = state.syncedAt.isValid() ? State::Kind::Synced : State::Kind::Unknown;
    state.since = {};
    state.until = {};
    state.reason.clear();
    state.failedSyncs = 0;
    // Back: what changed there meanwhile comes in now rather than at the next interval.
    if (wasUnreachable)
        m_engine->sync(source);
    scheduleCheck();
    Q_EMIT changed();
}

bool SourceStatus::isOffline(const QString &source) const
{
    const State state = m_states.value(source);
    return state.kind == State::Kind::Unreachable &&
           (state.failedSyncs >= 2 ||
            state.since.msecsTo(m_clock->now()) >= qint64(m_offlineAfter.count()));
}

QStringList SourceStatus::offlineSources() const
{
    QStringList result;
    for (const QString &source : sources()) {
        if (isOffline(source))
            result.append(source);
    }
    return result;
}

void SourceStatus::check()
{
    for (const QString &source : offlineSources()) {
        if (!m_engine->isSyncing(source))
            m_engine->sync(source);
    }
    scheduleCheck();
    Q_EMIT changed();
}

void SourceStatus::scheduleCheck()
{
    // Wake when an unreachable source turns offline, and every offlineAfter while one is.
    const QDateTime now = m_clock->now();
    QDateTime next;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        if (it->kind != State::Kind::Unreachable)
            continue;
        const QDateTime when = isOffline(it.key()) ? now.addMSecs(m_offlineAfter.count())
                                                   : it->since.addMSecs(m_offlineAfter.count());
        if (!next.isValid() || when < next)
            next = when;
    }
    if (!next.isValid()) {
        m_timer.stop();
        return;
    }
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(next))));
}

void SourceStatus::retryNow()
{
    m_engine->syncAll();
    m_processor->retryNow();
}

QString SourceStatus::time(const QDateTime &when) const
{
    const QDateTime local = when.toLocalTime();
    if (local.date() == m_clock->now().toLocalTime().date())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString SourceStatus::describe(const QString &source) const
{
    const QString name = Task::sourceName(source);
    const State state = m_states.value(source);
    switch (state.kind) {
    case State::Kind::Unknown:
        return state.syncing ? tr("%1: syncing…").arg(name) : tr("%1: not synced yet").arg(name);
    case State::Kind::Synced:
        return state.syncing ? tr("%1: syncing…").arg(name)
                             : tr("%1: synced at %2").arg(name, time(state.syncedAt));
    case State::Kind::Unreachable: {
        // "Connection error: Connection refused" → "Connection refused": the status bar is
        // narrow, and "can't reach" says the rest.
        const qsizetype colon = state.reason.indexOf(QLatin1String(": "));
        const QString reason = colon < 0 ? state.reason : state.reason.mid(colon + 2);
        return tr("%1: can't reach since %2 — %3").arg(name, time(state.since), reason);
    }
    case State::Kind::TokenRejected:
        return tr("%1: token rejected (%2)").arg(name, state.reason);
    case State::Kind::RateLimited:
        if (state.until > m_clock->now())
            return tr("%1: rate limited until %2").arg(name, time(state.until));
        return state.syncedAt.isValid() ? tr("%1: synced at %2").arg(name, time(state.syncedAt))
                                        : tr("%1: not synced yet").arg(name);
    case State::Kind::Failed:
        return tr("%1: sync failed at %2 (%3)").arg(name, time(state.since), state.reason);
    }
    return name;
}

QString SourceStatus::offlineText() const
{
    QStringList lines;
    for (const QString &source : offlineSources()) {
        const State state = m_states.value(source);
        const QString name = Task::sourceName(source);
        const int waiting = m_outbox->pendingCount(source);
        const QString then = waiting == 0
                                 ? tr("its tasks here may be out of date.")
                                 : tr("%n changes will be sent when it is back.", nullptr, waiting);
        lines.append(tr("Can't reach %1 since %2 (%3) — %4")
                         .arg(name, time(state.since), state.reason, then));
    }
    return lines.join(QLatin1Char('\n'));
}

QString SourceStatus::queuedReason(const QString &source) const
{
    const QString name = Task::sourceName(source);
    if (!m_engine->sources().contains(source))
        return tr("queued: %1 is not set up").arg(name);
    const State state = m_states.value(source);
    if (m_processor->isPaused(source) || state.kind == State::Kind::TokenRejected)
        return tr("queued until %1 accepts the token").arg(name);
    if (state.kind == State::Kind::Unreachable)
        return tr("queued until %1 can be reached").arg(name);
    if (state.kind == State::Kind::RateLimited && state.until > m_clock->now())
        return tr("queued until %1 (%2's rate limit)").arg(time(state.until), name);
    return {};
}

} // namespace UpNext
