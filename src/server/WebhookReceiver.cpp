#include "WebhookReceiver.h"

#include "WebhookSignature.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/TaskStore.h"
#include "core/WebhookLog.h"
#include "sync/SyncEngine.h"

namespace UpNext {

WebhookReceiver::WebhookReceiver(const QString &source, const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_source(source)
{}

// Built once: every delivery gets one of these.
HttpAnswer WebhookReceiver::ok()
{
    static const HttpAnswer answer =
        HttpAnswer::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
    return answer;
}

HttpAnswer WebhookReceiver::ignored()
{
    static const HttpAnswer answer =
        HttpAnswer::json(200, {{QStringLiteral("status"), QStringLiteral("ignored")}});
    return answer;
}

void WebhookReceiver::setSecret(const QByteArray &secret)
{
    const QMutexLocker locker(&m_secretLock);
    m_secret = secret;
}

bool WebhookReceiver::hasSecret() const
{
    const QMutexLocker locker(&m_secretLock);
    return !m_secret.isEmpty();
}

bool WebhookReceiver::signatureMatches(const QByteArray &body, const QByteArray &signatureHex) const
{
    QByteArray secret;
    {
        const QMutexLocker locker(&m_secretLock);
        secret = m_secret;
    }
    return secret.isEmpty() || WebhookSignature::matches(secret, body, signatureHex);
}

std::optional<HttpAnswer> WebhookReceiver::admit(bool signatureMatched)
{
    if (!signatureMatched) {
        qCWarning(lcWebhook).noquote()
            << m_source << "delivery refused: missing or wrong signature";
        return HttpAnswer::error(401, tr("Invalid signature"));
    }
    m_lastDelivery = m_parts.clock->now();
    return std::nullopt;
}

HttpAnswer WebhookReceiver::apply(const ReadResult &read, const QStringList &deliveries,
                                  const std::function<bool()> &also)
{
    SourceSyncResult result;
    const QDateTime now = m_parts.clock->now();
    const bool stored = m_parts.store->transaction(ChangeOrigin::Webhook, [&] {
        if (!m_parts.engine->merge(read, ChangeOrigin::Webhook, &result))
            return false;
        return (deliveries.isEmpty() || m_parts.log->add(m_source, deliveries, now)) &&
               (!also || also());
    });
    if (!stored) {
        qCWarning(lcWebhook).noquote()
            << m_source << "delivery not applied:"
            << (result.error.isEmpty() ? m_parts.log->lastError() : result.error);
        return HttpAnswer::error(500, tr("The delivery could not be stored; send it again"));
    }
    return ok();
}

} // namespace UpNext
