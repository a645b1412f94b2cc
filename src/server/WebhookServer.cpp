#include "WebhookServer.h"

#include "ClickUpFetcher.h"
#include "ClickUpWebhook.h"
#include "GitHubWebhook.h"

#include "core/Clock.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "core/WebhookLog.h"

#include <QHostAddress>

namespace UpNext {

WebhookServer::WebhookServer(WebhookReceiver::Parts parts, QObject *parent)
    : QObject(parent)
    , m_log(std::make_unique<WebhookLog>(parts.store))
    , m_http(std::make_unique<HttpServer>())
    , m_clock(parts.clock)
{
    parts.log = m_log.get();
    m_gitHub = new GitHubWebhook(parts, this);
    m_clickUp = new ClickUpWebhook(parts, this);
    m_fetcher = new ClickUpFetcher(parts, this);
    connect(m_clickUp, &ClickUpWebhook::fetchQueued, m_fetcher, &ClickUpFetcher::run);
    // Deliveries that arrive together are stored in one transaction (each in its own
    // savepoint, in order) and answered after it commits.
    m_http->setBatch([store = parts.store](const std::function<void()> &handleAll) {
        return store->transaction(ChangeOrigin::Webhook, [&] {
            handleAll();
            return true;
        });
    });
    m_http->route(
        QHttpServerRequest::Method::Post, QStringLiteral("/webhooks/github"),
        [this](const HttpRequest &request) {
            return m_gitHub->handle(request.headers,
                                    *std::any_cast<GitHubWebhook::Checked>(&request.prepared));
        },
        true,
        [gitHub = m_gitHub](const HttpRequest &request) {
            return std::any(gitHub->check(request.headers, request.body));
        });
    m_http->route(
        QHttpServerRequest::Method::Post, QStringLiteral("/webhooks/clickup"),
        [this](const HttpRequest &request) {
            return m_clickUp->handle(request.headers, request.body);
        },
        true);
}

WebhookServer::~WebhookServer() = default;

void WebhookServer::configure(const Settings &settings)
{
    GitHubReaderOptions options;
    options.repos = settings.gitHubRepos();
    options.includePullRequests = settings.gitHubIncludePullRequests();
    options.blockingLabels = settings.gitHubBlockingLabels();
    m_gitHub->setOptions(options);
    m_clickUp->setInProgressStatuses(settings.clickUpInProgressStatuses());
    m_fetcher->setInProgressStatuses(settings.clickUpInProgressStatuses());
    m_http->setBodyLimit(qint64(settings.webhookBodyLimitMb()) * 1024 * 1024);
}

void WebhookServer::setSecrets(const QByteArray &clickUp, const QByteArray &gitHub)
{
    m_clickUp->setSecret(clickUp);
    m_gitHub->setSecret(gitHub);
}

void WebhookServer::setClickUpClient(RestClient *client)
{
    m_fetcher->setClient(client);
    m_fetcher->run(); // what earlier deliveries left queued
}

bool WebhookServer::listen(const QString &address, quint16 port, QString *error)
{
    const QHostAddress host(address);
    if (host.isNull()) {
        *error = tr("Cannot listen on \"%1\": not an IP address").arg(address);
        return false;
    }
    if (!host.isLoopback() && !(m_clickUp->hasSecret() && m_gitHub->hasSecret())) {
        *error = tr("Not listening on %1: webhooks from outside this machine need both the "
                    "ClickUp and the GitHub webhook secret set")
                     .arg(address);
        return false;
    }
    if (!m_http->listen(host, port, error))
        return false;
    m_listeningSince = m_clock->now();
    return true;
}

quint16 WebhookServer::port() const
{
    return m_http->port();
}

} // namespace UpNext
