#pragma once

#include "WebhookReceiver.h"

#include "sources/RestClient.h"

#include <QPointer>
#include <QTimer>

namespace UpNext {

// Fetches the tasks ClickUp deliveries named but did not describe (GET /task/{id}), one at a
// time, after the delivery was answered, and merges them as the webhook's changes. The queue is
// the WebhookLog's, so it survives a restart; a failed fetch is tried again later.
class ClickUpFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClickUpFetcher)

public:
    static constexpr int RetrySeconds = 30;

    ClickUpFetcher(const WebhookReceiver::Parts &parts, QObject *parent = nullptr);

    // Without a client (no token yet) nothing is fetched; the queue waits.
    void setClient(RestClient *client) { m_client = client; }
    void setInProgressStatuses(const QStringList &names) { m_inProgressStatuses = names; }

    // Fetches what is queued, unless a fetch is running.
    void run();

private:
    void fetched(const QString &taskId, const QString &actor, const HttpReply &reply);

    WebhookReceiver::Parts m_parts;
    QPointer<RestClient> m_client;
    QStringList m_inProgressStatuses = {QStringLiteral("in progress")};
    QTimer m_retry;
    bool m_busy = false;
};

} // namespace UpNext
