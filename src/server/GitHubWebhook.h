#pragma once

#include "WebhookReceiver.h"

#include "sources/GitHubIssue.h"

namespace UpNext {

// POST /webhooks/github: `issues` and `issue_comment` deliveries (JSON or form-encoded)
// signed with X-Hub-Signature-256, applied to the store once per X-GitHub-Delivery. The
// payload carries the whole issue, so nothing needs fetching.
class GitHubWebhook final : public WebhookReceiver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubWebhook)

public:
    explicit GitHubWebhook(const Parts &parts, QObject *parent = nullptr);

    // The sync's options: which repos, pull requests, labels.
    void setOptions(const GitHubReaderOptions &options) { m_options = options; }

    using WebhookReceiver::handle;
    HttpAnswer handle(const QHash<QByteArray, QByteArray> &headers,
                      const QByteArray &body) override;

private:
    HttpAnswer handleIssue(const QString &event, const QJsonObject &payload,
                           const QString &delivery);
    bool wanted(const QString &repo) const;

    GitHubReaderOptions m_options;
};

} // namespace UpNext
