#include "OutboxProcessor.h"

#include "core/Logging.h"
#include "core/Outbox.h"
#include "core/Task.h"
#include "sources/SourceWriter.h"

#include <QRandomGenerator>

namespace UpNext {

OutboxProcessor::OutboxProcessor(Outbox *outbox, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
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

void OutboxProcessor::processNow()
{
    if (m_started)
        QMetaObject::invokeMethod(this, &OutboxProcessor::process, Qt::QueuedConnection);
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

void OutboxProcessor::process()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const OutboxEntry &entry : m_outbox->due(now)) {
        const QString source = sourceOf(entry);
        SourceWriter *writer = m_writers.value(source);
        if (!writer || m_paused.contains(source) || m_inFlight.contains(entry.id) ||
            m_busySources.contains(source))
            continue;
        // Pace each source: one write at a time, spaced out.
        const QDateTime notBefore = m_nextWrite.value(source);
        if (notBefore.isValid() && notBefore > now)
            continue;
        m_busySources.insert(source);
        m_nextWrite.insert(source, now.addMSecs(m_spacing.value(source).count()));
        send(entry, writer);
    }
    scheduleNext();
}

void OutboxProcessor::send(const OutboxEntry &entry, SourceWriter *writer)
{
    m_inFlight.insert(entry.id);
    const bool mayHaveArrived = entry.attempts > 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_outbox->markSending(entry.id, now)) {
        m_inFlight.remove(entry.id);
        m_busySources.remove(sourceOf(entry));
        return;
    }
    QString sourceId;
    Task::parseId(entry.taskId, nullptr, &sourceId);
    const auto lookedUp = [this, entry, writer](const WriteResult &found) {
        // Found (it did arrive before) or the lookup failed: either way that is the answer.
        if (!found.success || !found.sourceId.isEmpty())
            return handle(entry, found);
        dispatch(entry, writer);
    };
    // An earlier attempt may have reached the source without us hearing back: look first.
    if (mayHaveArrived && entry.kind == OutboxEntry::Kind::Comment)
        return writer->findComment(sourceId, entry.text, entry.createdAt.addSecs(-60), this,
                                   lookedUp);
    if (mayHaveArrived && entry.kind == OutboxEntry::Kind::Create)
        return writer->findCreated(entry.title, entry.entity, entry.createdAt.addSecs(-60), this,
                                   lookedUp);
    dispatch(entry, writer);
}

void OutboxProcessor::dispatch(const OutboxEntry &entry, SourceWriter *writer)
{
    QString sourceId;
    Task::parseId(entry.taskId, nullptr, &sourceId);
    const auto done = [this, entry](const WriteResult &result) {
        handle(entry, result);
    };
    switch (entry.kind) {
    case OutboxEntry::Kind::Complete:
        return writer->complete(sourceId, this, done);
    case OutboxEntry::Kind::Comment:
        return writer->comment(sourceId, entry.text, this, done);
    case OutboxEntry::Kind::Create:
        return writer->create(entry.title, entry.entity, entry.description, this, done);
    }
}

void OutboxProcessor::handle(const OutboxEntry &entry, const WriteResult &result)
{
    const QString source = sourceOf(entry);
    m_inFlight.remove(entry.id);
    m_busySources.remove(source);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    switch (result.failure) {
    case WriteResult::Failure::None:
        if (entry.kind == OutboxEntry::Kind::Create && !result.sourceId.isEmpty() &&
            !m_outbox->rekey(entry.taskId, Task::makeId(source, result.sourceId))) {
            qCWarning(lcSync).noquote() << m_outbox->lastError();
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
    QDateTime next;
    for (const OutboxEntry &entry : m_outbox->entries()) {
        if (entry.state == OutboxEntry::State::Failed || m_paused.contains(sourceOf(entry)) ||
            m_inFlight.contains(entry.id))
            continue;
        QDateTime when = std::max(entry.nextAttempt, m_nextWrite.value(sourceOf(entry)));
        if (!next.isValid() || when < next)
            next = when;
    }
    if (!next.isValid()) {
        m_timer.stop();
        if (m_inFlight.isEmpty())
            Q_EMIT idle();
        return;
    }
    const qint64 wait = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(next));
    m_timer.start(std::chrono::milliseconds(wait));
}

} // namespace UpNext
