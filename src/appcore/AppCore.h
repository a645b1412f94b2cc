#pragma once

// upnext_appcore: the composition root. AppCore builds and owns everything one
// profile needs — store, settings, entities, secrets, outbox, task service,
// sources, sync engine and outbox processor — and the app-wide policies: sync
// at start and on a schedule, send the user's writes at once, resume a
// source's writes after a good sync, retry when the network returns. Every
// front end (the window, `--sync-once`, `--headless`, and next the local API and
// the CLI's offline path) runs on one AppCore and wires nothing itself. It also
// runs the webhook server, whose changes reach the store through the sync engine,
// and keeps each source's state (SourceStatus: synced, unreachable, …).

#include "core/Profile.h"

#include <QObject>
#include <QStringList>

#include <functional>

#include <memory>

namespace UpNext {

class Clock;
class Entities;
class LocalApi;
class Outbox;
class OutboxProcessor;
class SecretStore;
class Settings;
class SourceStatus;
class SyncEngine;
class SyncSources;
class TaskService;
class TaskStore;
class WebhookHealth;
class WebhookRegistrar;
class WebhookServer;

class ChangeNotifier;
class CommentReader;
class TaskComments;

class AppCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppCore)

public:
    explicit AppCore(const Profile &profile, QObject *parent = nullptr);
    ~AppCore() override;

    // The one clock everything open() builds reads; the system clock by default. Set it
    // before open().
    void setClock(const Clock *clock) { m_clock = clock; }
    const Clock *clock() const { return m_clock; }

    // Before open(): tokens and webhook secrets live in memory only, never in the keychain,
    // and the environment's are not read (a throwaway profile: the demo).
    void keepSecretsInMemory() { m_secretsInMemory = true; }

    // Opens the profile's store, settings and clients, and installs the translation of the
    // settings' language into the application (Translations). False, saying why in *error,
    // when the profile cannot be used; what can be lived with goes to problems().
    bool open(QString *error);
    // Recovered database, unreadable settings or clients file: one line each.
    QStringList problems() const { return m_problems; }

    // Reads the tokens and adds the sources that have one; emits sourcesLoaded().
    void loadSources();
    // After sourcesLoaded(): runs the app's policies (sync now and every interval, writes go
    // out as they are made and when the network returns, webhooks registered at the
    // settings' public URL).
    void start();
    // Starts the webhook server: reads the webhook secrets, then listens on the settings'
    // address and port, or on port when it is not -1 (0: a free one). UPNEXT_WEBHOOK_PORT
    // overrides the settings. Emits webhooksListening() or webhooksFailed().
    void startWebhooks(int port = -1);
    // Stops syncing and sending (what is in flight finishes, what waits stays queued).
    void stop();
    // After the settings changed: notifications, webhook options, scoring, sync interval.
    void applySettings();
    // Keeps source's API token in the keychain (an empty token removes it), for the host
    // the settings name; done(error) after, with an empty error on success. Then
    // reloadSources() puts it to use.
    void setToken(const QString &source, const QString &token,
                  const std::function<void(const QString &error)> &done);
    // After the tokens or the sources' settings changed: stops, lets what is in flight
    // finish, then loads the sources again (sourcesLoaded(), then start() as at first).
    void reloadSources();

    const Profile &profile() const { return m_profile; }
    TaskStore *store() const { return m_store.get(); }
    Settings *settings() const { return m_settings.get(); }
    Entities *entities() const { return m_entities.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }
    Outbox *outbox() const { return m_outbox.get(); }
    TaskService *service() const { return m_service.get(); }
    SyncEngine *engine() const { return m_engine.get(); }
    OutboxProcessor *processor() const { return m_processor.get(); }
    SyncSources *sources() const { return m_sources.get(); }
    WebhookServer *webhooks() const { return m_webhooks.get(); }
    WebhookHealth *webhookHealth() const { return m_health.get(); }
    WebhookRegistrar *registrar() const { return m_registrar.get(); }
    ChangeNotifier *notifier() const { return m_notifier.get(); }
    SourceStatus *sourceStatus() const { return m_status.get(); }
    // The comment threads the window shows, read from the sources through their clients.
    TaskComments *comments() const { return m_comments.get(); }
    // The local JSON API, served beside the webhooks (startWebhooks()) with the profile's token.
    LocalApi *api() const { return m_api.get(); }

Q_SIGNALS:
    // problems: keychain errors, one line each.
    void sourcesLoaded(const QStringList &problems);
    void webhooksListening(quint16 port);
    void webhooksFailed(const QString &error);

private:
    // Reads both webhook secrets into the server, then calls then.
    void readWebhookSecrets(const std::function<void()> &then);
    // Listens for the webhooks and the local API, saying where in the profile (api-port).
    void listen(quint16 port);
    void applyNotificationSettings();
    // start()'s connections, made once.
    void connectPolicies();

    bool m_policiesConnected = false;
    bool m_secretsInMemory = false;

    Profile m_profile;
    const Clock *m_clock;
    QStringList m_problems;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Entities> m_entities;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<TaskService> m_service;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<OutboxProcessor> m_processor;
    std::unique_ptr<WebhookServer> m_webhooks;
    std::unique_ptr<WebhookRegistrar> m_registrar;
    std::unique_ptr<WebhookHealth> m_health;
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<SourceStatus> m_status;
    std::unique_ptr<CommentReader> m_commentReader;
    std::unique_ptr<TaskComments> m_comments;
    std::unique_ptr<LocalApi> m_api;
    bool m_portFileWritten = false;
    // Declared last: destroyed first, before the engine and processor that use its clients.
    std::unique_ptr<SyncSources> m_sources;
};

} // namespace UpNext
