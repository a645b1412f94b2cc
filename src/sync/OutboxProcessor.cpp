#include "OutboxProcessor.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/Outbox.h"
#include "core/Task.h"
#include "sources/SourceWriter.h"

#include <QRandomGenerator>

namespace UpNext {

namespace {

// "entry 12 comment github:o/r#3 attempt 2": what the log says of an entry, never its text.
QString describe(const OutboxEntry &entry)
{
    return QStringLiteral("entry %1 %2 %3 attempt %4")
        .arg(entry.id)
        .arg(OutboxEntry::kindName(entry.kind), entry.taskId)
        .arg(entry.attempts + 1);
}

// What became of a send, for the log: the source's message, never what was sent.
QString outcome(const WriteResult &result)
{
    switch (result.failure) {
    case WriteResult::Failure::None:
        if (result.conflict)
            return QStringLiteral("conflict, ") + result.currentState;
        return result.sourceId.isEmpty() ? QStringLiteral("confirmed")
                                         : QStringLiteral("confirmed as ") + result.sourceId;
    case WriteResult::Failure::Retry:
        return QStringLiteral("retry, ") + result.message;
    case WriteResult::Failure::Unauthorized:
        return QStringLiteral("token refused, ") + result.message;
    case WriteResult::Failure::Permanent:
        return QStringLiteral("refused, ") + result.message;
    }
    return {};
}

} // namespace

OutboxProcessor::OutboxProcessor(Outbox *outbox, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_clock(Clock::system())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxProcessor::process);
}

void OutboxProcessor::addWriter(const QString &source, SourceWriter *writer,
                                std::chrono::milliseconds spacing)
{
    m_writers.insert(source, writer);
    m_spacing.insert(source, spacing);
}

void OutboxProcessor::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds cap)
{
    m_firstBackoff = first;
    m_maxBackoff = cap;
}

void OutboxProcessor::start()
{
    m_started = true;
    processNow();
}

void OutboxProcessor::stop()
{
    m_started = false;
    m_timer.stop();
}

void OutboxProcessor::processNow()
{
    if (m_started)
        QMetaObject::invokeMethod(this, &OutboxProcessor::process, Qt::QueuedConnection);
}

void OutboxProcessor::retryNow()
{
    m_outbox->bringForward(m_clock->now());
    processNow();
}

void OutboxProcessor::resume(const QString &source)
{
    if (m_paused.remove(source))
        processNow();
}

QString OutboxProcessor::sourceOf(const OutboxEntry &entry) const
{
    QString source;
    Task::parseId(entry.taskId, &source);
    return source;
}

std::chrono::milliseconds OutboxProcessor::backoff(int attempts) const
{
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const qint64 base = std::min<qint64>(m_firstBackoff.count() << doublings, m_maxBackoff.count());
    // ±20 % so that many entries failing together do not come back together.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(qint64(double(base) * jitter));
}

QStringList OutboxProcessor::unavailableSources(const QDateTime &now) const
{
    QStringList sources;
    for (const QString &source : {Sources::ClickUp, Sources::GitHub}) {
        const QDateTime notBefore = m_nextWrite.value(source);
        if (!m_writers.contains(source) || m_paused.contains(source) ||
            m_busySources.contains(source) || (notBefore.isValid() && notBefore > now))
            sources.append(source);
    }
    return sources;
}

void OutboxProcessor::process()
{
    if (!m_started)
        return;
    const QDateTime now = m_clock->now();
    // One write per source at a time, so the first few due entries are all a pass can start.
    for (const OutboxEntry &entry : m_outbox->due(now, unavailableSources(now), 16)) {
        const QString source = sourceOf(entry);
        if (m_busySources.contains(source))
            continue;
        m_busySources.insert(source);
        // Pace each source: its writes are spaced out.
        m_nextWrite.insert(source, now.addMSecs(m_spacing.value(source).count()));
        send(entry, m_writers.value(source));
    }
    scheduleNext();
}

void OutboxProcessor::send(const OutboxEntry &entry, SourceWriter *writer)
{
    m_inFlight.insert(entry.id);
    const bool mayHaveArrived = entry.attempts > 0;
    const QDateTime now = m_clock->now();
    if (!m_outbox->markSending(entry.id, now)) {
        m_inFlight.remove(entry.id);
        m_busySources.remove(sourceOf(entry));
        return;
    }
    QString sourceId;
    Task::parseId(entry.taskId, nullptr, &sourceId);
    const auto lookedUp = [this, entry, writer](const WriteResult &found) {
        qCInfo(lcOutbox).noquote()
            << describe(entry) << "lookup:"
            << (!found.success             ? QStringLiteral("failed")
                : found.sourceId.isEmpty() ? QStringLiteral("not there")
                                           : QStringLiteral("found ") + found.sourceId);
        // Found (it did arrive before) or the lookup failed: either way that is the answer.
        if (!found.success || !found.sourceId.isEmpty())
            return handle(entry, found, true);
        dispatch(entry, writer, true);
    };
    // An earlier attempt may have reached the source without us hearing back: look first.
    if (mayHaveArrived && entry.kind == OutboxEntry::Kind::Comment) {
        qCInfo(lcOutbox).noquote() << describe(entry) << "looking for an earlier send";
        return writer->findComment(sourceId, entry.text, entry.createdAt.addSecs(-60), this,
                                   lookedUp);
    }
    if (mayHaveArrived && entry.kind == OutboxEntry::Kind::Create) {
        qCInfo(lcOutbox).noquote() << describe(entry) << "looking for an earlier send";
        return writer->findCreated(entry.title, entry.entity, entry.createdAt.addSecs(-60), this,
                                   lookedUp);
    }
    dispatch(entry, writer, mayHaveArrived);
}

void OutboxProcessor::dispatch(const OutboxEntry &entry, SourceWriter *writer, bool mayHaveArrived)
{
    QString sourceId;
    Task::parseId(entry.taskId, nullptr, &sourceId);
    const auto done = [this, entry, mayHaveArrived](const WriteResult &result) {
        handle(entry, result, mayHaveArrived);
    };
    qCInfo(lcOutbox).noquote() << describe(entry) << "sending";
    switch (entry.kind) {
    case OutboxEntry::Kind::Complete:
        return writer->complete(sourceId, this, done);
    case OutboxEntry::Kind::Comment:
        return writer->comment(sourceId, entry.text, this, done);
    case OutboxEntry::Kind::Create:
        return writer->create(entry.title, entry.entity, entry.description, this, done);
    }
}

void OutboxProcessor::handle(const OutboxEntry &entry, const WriteResult &given,
                             bool mayHaveArrived)
{
    WriteResult result = given;
    // Closed by the user is what they asked for: a send whose answer never came did it, or
    // they did elsewhere (on the web, or through a second copy of a task created here whose
    // echo came before the create's answer). ClickUp does not say who closed a task; closed
    // after our own send is taken as ours.
    const bool ours = result.closedBy == WriteResult::ClosedBy::User ||
                      (mayHaveArrived && result.closedBy != WriteResult::ClosedBy::Someone);
    if (result.conflict && ours) {
        qCInfo(lcOutbox).noquote()
            << describe(entry)
            << QStringLiteral("found %1: done as asked").arg(result.currentState);
        result.conflict = false;
        result.currentState.clear();
        result.message = tr("Closed at the source");
    }
    qCInfo(lcOutbox).noquote() << describe(entry) << "outcome:" << outcome(result);
    const QString source = sourceOf(entry);
    m_inFlight.remove(entry.id);
    m_busySources.remove(source);
    const QDateTime now = m_clock->now();

    switch (result.failure) {
    case WriteResult::Failure::None:
        // The create stays until its task has the source's id, or what waits for it would
        // go to an id the source does not know.
        if (entry.kind == OutboxEntry::Kind::Create && !result.sourceId.isEmpty() &&
            !m_outbox->rekey(entry.taskId, Task::makeId(source, result.sourceId))) {
            const QString message = m_outbox->lastError();
            qCWarning(lcSync).noquote() << message;
            const QDateTime when = now.addMSecs(backoff(entry.attempts + 1).count());
            m_outbox->retryLater(entry.id, when, message);
            Q_EMIT retrying(entry, message, when);
            break;
        }
        m_outbox->finish(entry.id);
        if (result.conflict)
            Q_EMIT conflict(entry, result.currentState);
        Q_EMIT sent(entry, result);
        break;
    case WriteResult::Failure::Retry: {
        const QDateTime when = result.retryAfter.isValid()
                                   ? std::max(result.retryAfter, now)
                                   : now.addMSecs(backoff(entry.attempts + 1).count());
        m_outbox->retryLater(entry.id, when, result.message);
        qCInfo(lcSync).noquote() << "Will retry" << entry.taskId << "at"
                                 << when.toString(Qt::ISODate) << "-" << result.message;
        if (result.unreachable)
            Q_EMIT unreachable(source, result.message);
        else if (result.retryAfter.isValid())
            Q_EMIT rateLimited(source, result.retryAfter);
        Q_EMIT retrying(entry, result.message, when);
        break;
    }
    case WriteResult::Failure::Unauthorized:
        // The user's work is not reverted because a token expired: it waits.
        m_outbox->retryLater(entry.id, now, result.message);
        m_paused.insert(source);
        Q_EMIT paused(source, result.message);
        break;
    case WriteResult::Failure::Permanent:
        m_outbox->fail(entry.id, result.message);
        Q_EMIT failed(entry, result.message);
        break;
    }
    processNow();
}

void OutboxProcessor::scheduleNext()
{
    const QDateTime now = m_clock->now();
    QDateTime when = m_outbox->nextAttempt(unavailableSources(now));
    // A source held back only by its pacing is free again at its next write time.
    for (auto it = m_nextWrite.cbegin(); it != m_nextWrite.cend(); ++it) {
        const bool pacedOnly =
            it.value() > now && !m_paused.contains(it.key()) && !m_busySources.contains(it.key());
        if (pacedOnly && (!when.isValid() || it.value() < when))
            when = it.value();
    }
    if (!when.isValid()) {
        m_timer.stop();
        if (m_inFlight.isEmpty())
            Q_EMIT idle();
        return;
    }
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(when))));
}

} // namespace UpNext
