#include "WebhookHealth.h"

#include "ClickUpWebhook.h"
#include "GitHubWebhook.h"
#include "WebhookServer.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/Task.h"
#include "sync/SyncEngine.h"

namespace UpNext {

WebhookHealth::WebhookHealth(SyncEngine *engine, WebhookServer *server, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_server(server)
{
    connect(engine, &SyncEngine::sourceFinished, this, &WebhookHealth::check);
}

WebhookHealth::~WebhookHealth() = default;

void WebhookHealth::setSilence(std::chrono::milliseconds silence)
{
    m_silence = silence;
    for (const Missing &missing : std::as_const(m_missing))
        missing.earlySync->start(silence);
}

WebhookReceiver *WebhookHealth::receiver(const QString &source) const
{
    if (source == Sources::GitHub)
        return m_server->gitHub();
    if (source == Sources::ClickUp)
        return m_server->clickUp();
    return nullptr;
}

QDateTime WebhookHealth::lastDelivery(const QString &source) const
{
    const WebhookReceiver *hooks = receiver(source);
    return hooks ? hooks->lastDelivery() : QDateTime();
}

bool WebhookHealth::recovered(const QString &source)
{
    const auto missing = m_missing.find(source);
    if (missing == m_missing.end())
        return true;
    const QDateTime last = lastDelivery(source);
    if (!last.isValid() || last < missing->since)
        return false;
    missing->earlySync->stop();
    missing->earlySync->deleteLater(); // this may run from its timeout
    m_missing.erase(missing);
    qCInfo(lcWebhook).noquote() << source << "webhooks are arriving again";
    Q_EMIT arrivingAgain(source);
    return true;
}

void WebhookHealth::check(const SourceSyncResult &result)
{
    const WebhookReceiver *hooks = receiver(result.source);
    const QDateTime listening = m_server->listeningSince();
    if (!result.ok() || !hooks || !hooks->hasSecret() || !listening.isValid())
        return;
    const QDateTime now = m_server->clock()->now();
    const QDateTime due = now.addMSecs(-m_silence.count());
    // Changes made while the app was not listening are no webhook's fault.
    const auto missed = std::count_if(
        result.changedAt.cbegin(), result.changedAt.cend(),
        [&](const QDateTime &changedAt) { return changedAt >= listening && changedAt <= due; });
    if (missed == 0) {
        recovered(result.source);
        return;
    }
    if (!recovered(result.source))
        return; // said already; the early syncs go on
    const QString name = Task::sourceName(result.source);
    const QDateTime last = hooks->lastDelivery();
    const QString message =
        tr("%1 webhooks are not arriving: a sync found %n changes no webhook brought within "
           "%2 minutes (last delivery: %3). UpNext syncs %1 every %2 minutes until they do.",
           nullptr, int(missed))
            .arg(name)
            .arg(std::chrono::duration_cast<std::chrono::minutes>(m_silence).count())
            .arg(last.isValid() ? last.toLocalTime().toString(Qt::ISODate) : tr("none yet"));
    qCWarning(lcWebhook).noquote() << message;
    auto *timer = new QTimer(this);
    timer->setInterval(m_silence);
    const QString source = result.source;
    connect(timer, &QTimer::timeout, this, [this, source] {
        if (!recovered(source))
            m_engine->sync(source);
    });
    timer->start();
    m_missing.insert(source, {now, timer});
    Q_EMIT notArriving(source, message);
}

} // namespace UpNext
