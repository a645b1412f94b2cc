#include "SourceReader.h"

#include <QLocale>
#include <QTimer>

namespace UpNext {

SourceReader::SourceReader(const QString &source, RestClient *client, TaskStore *store,
                           QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_kind(SourceErrors::sourceOf(source))
{
    m_result.source = source;
}

SourceReader::~SourceReader() = default;

void SourceReader::request(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                           Handler handler)
{
    ++m_result.requests;
    m_client->get(url, headers, this, [this, url, headers, handler](const HttpReply &reply) {
        const std::optional<QDateTime> until = SourceErrors::rateLimitedUntil(m_kind, reply);
        if (!until) {
            handler(reply);
            return;
        }
        const qint64 waitMs = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(*until));
        if (waitMs > qint64(m_maxWaitSeconds) * 1000) {
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
    Q_EMIT finished(m_result);
}

QString SourceReader::describe(const HttpReply &reply) const
{
    return SourceErrors::describe(m_kind, reply);
}

} // namespace UpNext
