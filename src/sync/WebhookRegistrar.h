#pragma once

#include "WebhookRegistration.h"

#include "core/Clock.h"
#include "sources/Webhook.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>
#include <optional>

namespace UpNext {

class RestClient;
class SecretStore;
class Settings;
class TaskStore;

// Points the sources' webhooks at UpNext's receiver behind the user's public
// URL (a tunnel): ClickUp one webhook on the workspace (its secret, which
// ClickUp makes, kept in the keychain as soon as it arrives); GitHub one hook
// per repo (configured, or those of the user's tasks), all signed with one
// random secret that is in the keychain before any hook uses it. Lists first:
// the hook at the URL is kept (updated when it differs), UpNext's hook at an
// earlier URL (Settings::webhookRegisteredUrls) is moved, a missing one is
// created, UpNext's duplicates are deleted; hooks at other URLs are never
// touched. One run at a time; a call during a run runs after it (the latest
// call wins). Secrets are never logged.
class WebhookRegistrar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookRegistrar)

public:
    // The events the receiver handles.
    static const QStringList ClickUpEvents;
    static const QStringList GitHubEvents;

    // Where a source's deliveries go: <publicUrl>/webhooks/<source>.
    static QUrl endpoint(const QUrl &publicUrl, const QString &source);
    // The keychain account of a source's webhook secret (SecretStore::ClickUpWebhookSecret,
    // GitHubWebhookSecret): the API host, as for the tokens (SyncSources).
    static QString secretAccount(const Settings &settings, const QString &source);

    WebhookRegistrar(Settings *settings, SecretStore *secrets, const TaskStore *store,
                     QObject *parent = nullptr);
    ~WebhookRegistrar() override;

    // The sources' API clients, configured with their tokens (SyncSources::clickUpClient() and
    // gitHubClient()); nullptr: the source is not set up. Taken by the next run.
    void setClients(RestClient *clickUp, RestClient *gitHub);
    // Where rate-limit waits are counted from; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }

    bool isRunning() const { return m_run != nullptr; }

    // Makes the hooks point at publicUrl (http or https, no query); emits finished().
    void registerHooks(const QUrl &publicUrl);
    // Deletes the hooks UpNext registered (at any URL in webhookRegisteredUrls); emits
    // finished(). The secrets stay in the keychain, so the receiver keeps refusing unsigned
    // deliveries.
    void unregisterHooks();

Q_SIGNALS:
    void finished(const UpNext::WebhookRegistrationReport &report);

private:
    struct Run;
    using Action = WebhookRegistration::Action;

    void start(bool unregistering, const QUrl &publicUrl);
    void sourceDone(const QList<WebhookRegistration> &results);
    void finishRun();

    void runClickUp();
    void clickUpListed(const WebhookResult &listed);
    // Writes the webhook's secret to the keychain, then calls then with the outcome.
    void keepClickUpSecret(WebhookRegistration result, const Webhook &hook,
                           const std::function<void(WebhookRegistration)> &then);
    void runGitHub();
    void gitHubSecretReady(const QStringList &repos);
    void nextRepo();
    void repoListed(const QString &repo, const WebhookResult &listed);
    // answer: the failure that ended the repo's work, if any.
    void repoDone(const WebhookRegistration &result, const WebhookResult &answer);
    void finishRemoval(WebhookRegistration &result, const std::optional<WebhookResult> &failure,
                       int removed);

    // Deletes hooks one after the other, then calls then(failure or nullopt, count removed).
    using RemoveOne = std::function<void(const QString &id, WebhookCallback)>;
    void removeAll(QStringList ids, RemoveOne remove, int removed,
                   std::function<void(std::optional<WebhookResult>, int)> then);

    QStringList gitHubRepos() const;
    // Where this run looks for UpNext's hooks: the current endpoint first, then earlier ones.
    QList<QUrl> endpoints(const QString &source) const;
    static WebhookRegistration failed(const QString &source, const QString &target,
                                      const WebhookResult &why);

    Settings *m_settings;
    SecretStore *m_secrets;
    const TaskStore *m_store;
    const Clock *m_clock = Clock::system();
    QPointer<RestClient> m_clickUpClient;
    QPointer<RestClient> m_gitHubClient;
    std::unique_ptr<Run> m_run;
    std::optional<std::pair<bool, QUrl>> m_queued; // unregistering, public URL
};

} // namespace UpNext
