#pragma once

#include "WebhookReceiver.h"

#include <memory>

namespace UpNext {

class ClickUpFetcher;
class ClickUpWebhook;
class GitHubWebhook;
class HttpServer;
class RestClient;
class Settings;
class WebhookLog;

// The HTTP server with both webhook receivers on it (POST /webhooks/clickup and
// /webhooks/github) and the fetcher for what ClickUp's deliveries leave out.
class WebhookServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookServer)

public:
    // parts.log is left out: the server keeps its own on parts.store.
    WebhookServer(WebhookReceiver::Parts parts, QObject *parent = nullptr);
    ~WebhookServer() override;

    // The sync's options (repos, pull requests, status names) and the body limit.
    void configure(const Settings &settings);
    void setSecrets(const QByteArray &clickUp, const QByteArray &gitHub);
    void setClickUpClient(RestClient *client);

    // Listens on address (127.0.0.1 unless set) and port; any other address only when both
    // secrets are set, as deliveries would otherwise be taken from anyone. False with *error.
    bool listen(const QString &address, quint16 port, QString *error);
    quint16 port() const;
    // When the server began to listen, by the parts' clock; invalid while it does not.
    QDateTime listeningSince() const { return m_listeningSince; }
    const Clock *clock() const { return m_clock; }

    GitHubWebhook *gitHub() const { return m_gitHub; }
    ClickUpWebhook *clickUp() const { return m_clickUp; }
    WebhookLog *log() const { return m_log.get(); }
    // The server itself, for the local API's routes beside the webhooks'.
    HttpServer *http() const { return m_http.get(); }

private:
    std::unique_ptr<WebhookLog> m_log;
    std::unique_ptr<HttpServer> m_http;
    GitHubWebhook *m_gitHub;
    ClickUpWebhook *m_clickUp;
    ClickUpFetcher *m_fetcher;
    const Clock *m_clock;
    QDateTime m_listeningSince;
};

} // namespace UpNext
