#pragma once

#include "RestClient.h"
#include "Webhook.h"

#include "core/Clock.h"

#include <QJsonObject>

namespace UpNext {

// GitHub's repository webhook endpoints: list (all pages), create, update
// and delete a repo's hooks. One request per call (list: one per page), no
// retries; failures read as the writers' do (SourceErrors), a rate limit gives
// retryAfter. Repos are "owner/name".
class GitHubHooks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubHooks)

public:
    using Callback = WebhookCallback;

    // What a hook should be. The secret signs deliveries (X-Hub-Signature-256).
    struct Config
    {
        QUrl url;
        QString secret;
        QStringList events;
        QString contentType = QStringLiteral("json");
        bool active = true;
    };

    // client: configured with GitHubReader::configure().
    explicit GitHubHooks(RestClient *client, QObject *parent = nullptr);

    // Where rate-limit waits are counted from; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }

    // GET /repos/{repo}/hooks, following the Link header's next pages.
    void list(const QString &repo, QObject *context, Callback callback);
    // POST /repos/{repo}/hooks (a "web" hook; GitHub pings it at once).
    void create(const QString &repo, const Config &config, QObject *context, Callback callback);
    // PATCH /repos/{repo}/hooks/{id}: url, secret, events, content type and active, all at once.
    void update(const QString &repo, const QString &hookId, const Config &config, QObject *context,
                Callback callback);
    // DELETE /repos/{repo}/hooks/{id}.
    void remove(const QString &repo, const QString &hookId, QObject *context, Callback callback);

    // One hook as GitHub's answers have it; an empty id when json is not one.
    static Webhook parse(const QJsonObject &json);
    static bool isRepoName(const QString &repo);

private:
    void send(const QByteArray &verb, const QUrl &url, const QJsonObject &body,
              const Callback &done, std::function<void(const HttpReply &)> handler);
    void sendHook(const QByteArray &verb, const QString &path, const QJsonObject &body,
                  const Callback &done);
    void listPage(const QUrl &url, int pagesLeft, WebhookResult found, const Callback &done);
    QUrl hooksUrl(const QString &repo, const QString &suffix = {}) const;

    RestClient *m_client;
    const Clock *m_clock = Clock::system();
};

} // namespace UpNext
