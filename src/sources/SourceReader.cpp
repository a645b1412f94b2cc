#include "SourceReader.h"

#include "core/Clock.h"
#include "core/SyncState.h"

#include <QLocale>
#include <QTimeZone>
#include <QTimer>

namespace UpNext {

namespace {

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110's IMF-fixdate); invalid for anything else.
QDateTime httpDate(const QByteArray &value)
{
    // Date and time apart: a local-time parse could fall into a DST gap.
    const QString text = QString::fromLatin1(value.trimmed());
    if (text.size() != 29 || !text.endsWith(QLatin1String(" GMT")))
        return {};
    const QDate date = QLocale::c().toDate(text.left(16), QStringLiteral("ddd, dd MMM yyyy"));
    const QTime time = QTime::fromString(text.mid(17, 8), QStringLiteral("hh:mm:ss"));
    return date.isValid() && time.isValid() ? QDateTime(date, time, QTimeZone::utc()) : QDateTime();
}

} // namespace

SourceReader::SourceReader(const QString &source, RestClient *client, TaskStore *store,
                           SyncState *state, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_state(state)
    , m_clock(Clock::system())
    , m_kind(SourceErrors::sourceOf(source))
{
    m_result.source = source;
}

SourceReader::~SourceReader() = default;

void SourceReader::request(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                           Handler handler)
{
    ++m_result.requests;
    if (!m_localStart.isValid())
        m_localStart = m_clock->now();
    m_client->get(url, headers, this, [this, url, headers, handler](const HttpReply &reply) {
        if (!m_serviceStart.isValid())
            m_serviceStart = httpDate(reply.header("date"));
        const QDateTime now = m_clock->now();
        const std::optional<QDateTime> until = SourceErrors::rateLimitedUntil(m_kind, reply, now);
        if (!until) {
            handler(reply);
            return;
        }
        const qint64 waitMs = std::max<qint64>(0, now.msecsTo(*until));
        if (waitMs > qint64(m_maxWaitSeconds) * 1000) {
            m_result.failure = ReadResult::Failure::RateLimited;
            m_result.retryAfter = *until;
            finish(tr("%1 rate limit reached; try again after %2")
                       .arg(SourceErrors::serviceName(m_kind),
                            QLocale().toString(until->toLocalTime().time(), QLocale::ShortFormat)));
            return;
        }
        Q_EMIT rateLimited(*until);
        QTimer::singleShot(waitMs, this,
                           [this, url, headers, handler] { request(url, headers, handler); });
    });
}

void SourceReader::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.error = error;
    if (error.isEmpty())
        m_result.rechecked = m_recheck;
    if (!error.isEmpty() && m_result.failure == ReadResult::Failure::None)
        m_result.failure = ReadResult::Failure::Other;
    Q_EMIT finished(m_result);
}

void SourceReader::fail(const HttpReply &reply)
{
    if (SourceErrors::isUnreachable(reply))
        m_result.failure = ReadResult::Failure::Unreachable;
    else if (SourceErrors::isUnauthorized(m_kind, reply))
        m_result.failure = ReadResult::Failure::Unauthorized;
    finish(describe(reply));
}

void SourceReader::loadRecheck()
{
    m_recheck = m_state->recheck(m_result.source);
}

QStringList SourceReader::withRecheck(QStringList ids) const
{
    for (const QString &id : m_recheck) {
        const bool brought = ids.contains(id) || m_result.notMine.contains(id) ||
                             std::any_of(m_result.tasks.cbegin(), m_result.tasks.cend(),
                                         [&id](const Task &task) { return task.id == id; });
        if (!brought)
            ids.append(id);
    }
    return ids;
}

QDateTime SourceReader::startedAt() const
{
    // Ten minutes covers a clock that is off by a few; overlap only costs a little re-reading.
    if (m_serviceStart.isValid())
        return m_serviceStart;
    return (m_localStart.isValid() ? m_localStart : m_clock->now()).addSecs(-600);
}

QString SourceReader::describe(const HttpReply &reply) const
{
    return SourceErrors::describe(m_kind, reply);
}

} // namespace UpNext
