#pragma once

#include "WebhookReceiver.h"

#include <QStringList>

namespace UpNext {

// POST /webhooks/clickup: ClickUp's task events, signed with X-Signature, applied once per
// history item. ClickUp sends no task object: status, due date, priority, name, assignee
// (for a task UpNext has) and comment events are applied from their history items; the rest
// (a new task, a move, tags) queue the task in the WebhookLog for the ClickUpFetcher.
class ClickUpWebhook final : public WebhookReceiver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClickUpWebhook)

public:
    explicit ClickUpWebhook(const Parts &parts, QObject *parent = nullptr);

    // Status names (any case) that mean in progress, as the sync's.
    void setInProgressStatuses(const QStringList &names) { m_inProgressStatuses = names; }

    using WebhookReceiver::handle;
    HttpAnswer handle(const QHash<QByteArray, QByteArray> &headers,
                      const QByteArray &body) override;

Q_SIGNALS:
    // Tasks were queued for fetching.
    void fetchQueued();

private:
    QStringList m_inProgressStatuses = {QStringLiteral("in progress")};
};

} // namespace UpNext
