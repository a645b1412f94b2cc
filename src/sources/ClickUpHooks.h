#pragma once

#include "RestClient.h"
#include "Webhook.h"

#include "core/Clock.h"

#include <QJsonObject>

namespace UpNext {

// ClickUp's webhook endpoints: list, create, update and delete the user's
// webhooks on a workspace (team). One request per call, no retries; failures
// read as the writers' do (SourceErrors), a rate limit gives retryAfter.
class ClickUpHooks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClickUpHooks)

public:
    using Callback = WebhookCallback;

    // client: configured with ClickUpReader::configure().
    explicit ClickUpHooks(RestClient *client, QObject *parent = nullptr);

    // Where rate-limit waits are counted from; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }

    // GET /team/{teamId}/webhook: the webhooks the token's user made on the workspace.
    void list(const QString &teamId, QObject *context, Callback callback);
    // POST /team/{teamId}/webhook; the answer's webhook carries its signing secret.
    void create(const QString &teamId, const QUrl &endpoint, const QStringList &events,
                QObject *context, Callback callback);
    // PUT /webhook/{id}: endpoint and events, and active again when ClickUp suspended it.
    void update(const QString &webhookId, const QUrl &endpoint, const QStringList &events,
                QObject *context, Callback callback);
    // DELETE /webhook/{id}.
    void remove(const QString &webhookId, QObject *context, Callback callback);

    // One webhook as ClickUp's answers have it; an empty id when json is not one.
    static Webhook parse(const QJsonObject &json);

private:
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body,
              const Callback &done, std::function<void(const HttpReply &)> handler);
    // create() and update() answer {"id", "webhook": {…}}.
    void sendWebhook(const QByteArray &verb, const QString &path, const QJsonObject &body,
                     const Callback &done);

    RestClient *m_client;
    const Clock *m_clock = Clock::system();
};

} // namespace UpNext
