#pragma once

#include "JsonPicker.h"
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

    // What can be made of a delivery on any thread: whether its signature matches, and the
    // parts of its JSON the receiver reads. The HTTP server has it done off the event loop's
    // thread while other deliveries are applied.
    struct Checked
    {
        bool signatureMatched = false;
        std::optional<HttpAnswer> refused; // a 400
        QJsonObject payload;
    };
    Checked check(const QHash<QByteArray, QByteArray> &headers, const QByteArray &body) const;

    HttpAnswer handle(const QHash<QByteArray, QByteArray> &headers,
                      const QByteArray &body) override;
    HttpAnswer handle(const QHash<QByteArray, QByteArray> &headers, const Checked &checked);

private:
    HttpAnswer handleIssue(const QString &event, const QJsonObject &payload,
                           const QString &delivery);
    bool wanted(const QString &repo) const;

    GitHubReaderOptions m_options;
    JsonPicker m_picker;
};

} // namespace UpNext
