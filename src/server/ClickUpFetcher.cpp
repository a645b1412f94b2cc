#include "ClickUpFetcher.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/TaskStore.h"
#include "core/WebhookLog.h"
#include "sources/ClickUpTask.h"
#include "sources/RestClient.h"
#include "sources/SourceErrors.h"
#include "sync/SyncEngine.h"

#include <QJsonDocument>

namespace UpNext {

ClickUpFetcher::ClickUpFetcher(const WebhookReceiver::Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(RetrySeconds));
    connect(&m_retry, &QTimer::timeout, this, &ClickUpFetcher::run);
}

void ClickUpFetcher::run()
{
    if (m_busy || !m_client)
        return;
    const QList<WebhookLog::Fetch> queued = m_parts.log->fetches();
    if (queued.isEmpty())
        return;
    m_busy = true;
    const WebhookLog::Fetch next = queued.first();
    QString sourceId;
    Task::parseId(next.taskId, nullptr, &sourceId);
    m_client->get(m_client->url(QStringLiteral("/task/%1").arg(sourceId)), {}, this,
                  [this, next](const HttpReply &reply) {
                      m_busy = false;
                      fetched(next.taskId, next.actor, reply);
                  });
}

void ClickUpFetcher::fetched(const QString &taskId, const QString &actor, const HttpReply &reply)
{
    ReadResult read;
    read.source = Sources::ClickUp;
    read.actor = actor;
    if (SourceErrors::isClickUpTaskGone(reply)) {
        read.notMine.append(taskId); // deleted since
    } else if (reply.status == 200) {
        const QString userId =
            m_parts.engine->state()->value(Sources::ClickUp, QStringLiteral("userId"));
        QStringList warnings;
        const std::optional<Task> task =
            ClickUpTask(m_inProgressStatuses, userId, {}, m_parts.entities)
                .toTask(QJsonDocument::fromJson(reply.body).object(), {}, &warnings);
        if (task) {
            read.byUser = false;
            read.tasks.append(*task);
        }
    } else {
        qCWarning(lcWebhook).noquote()
            << "ClickUp: fetching" << taskId << "failed (" << reply.status << reply.errorString
            << "); trying again in" << RetrySeconds << "s";
        m_retry.start();
        return;
    }
    SourceSyncResult result;
    const bool stored = m_parts.store->transaction(ChangeOrigin::Webhook, [&] {
        return m_parts.engine->merge(read, ChangeOrigin::Webhook, &result) &&
               m_parts.log->removeFetch(taskId);
    });
    if (!stored) {
        m_retry.start();
        return;
    }
    run();
}

} // namespace UpNext
