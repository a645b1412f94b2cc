#pragma once

#include "core/Destination.h"
#include "core/SecretStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>

#include <memory>

namespace UpNext {

class Clock;
class Entities;
class OutboxProcessor;
class RestClient;
class SourceWriter;
class SecretStore;
class Settings;
class SyncEngine;
class TaskStore;

// Adds the sources the user has set up to a SyncEngine (readers) and, when
// given, an OutboxProcessor (writers, paced to the sources' write limits): API
// roots and options from Settings, tokens from the keychain (or
// UPNEXT_*_TOKEN). A source without a token is left out. Owns the network
// access for them.
class SyncSources final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncSources)

public:
    SyncSources(const Settings *settings, SecretStore *secrets, TaskStore *store,
                const Entities *entities, SyncEngine *engine, OutboxProcessor *processor = nullptr,
                QObject *parent = nullptr);
    ~SyncSources() override;

    // The clock the readers and writers it makes read; the system clock by default. Set
    // before load().
    void setClock(const Clock *clock) { m_clock = clock; }

    // Where source's token is kept for the API at baseUrl: one keychain account per API host,
    // so GitHub.com and an Enterprise host keep their own tokens.
    struct TokenKey
    {
        SecretStore::Secret secret;
        QString account;
    };
    static TokenKey tokenKey(const QString &source, const QUrl &baseUrl);

    // Reads the tokens; emits loaded() once every source is added or left out.
    void load();
    // Takes the sources out of the engine and processor and drops their clients, before a
    // load() with other tokens or settings. Call when neither has anything in flight.
    void unload();
    // After loaded(): where new tasks can be created (a source with a token and a
    // repository or list to create in).
    QList<Destination> createDestinations() const;
    // After loaded(): the sources' API clients, with their tokens (e.g. for WebhookRegistrar);
    // nullptr for a source without a token. Replaced by the next load().
    RestClient *clickUpClient() const { return m_clickUp.get(); }
    RestClient *gitHubClient() const { return m_gitHub.get(); }
    // After loaded(): the writers the outbox processor sends with (e.g. to pace them
    // otherwise); nullptr for a source without a token.
    SourceWriter *clickUpWriter() const { return m_clickUpWriter.get(); }
    SourceWriter *gitHubWriter() const { return m_gitHubWriter.get(); }

Q_SIGNALS:
    // problems: keychain errors, one line each.
    void loaded(const QStringList &problems);

private:
    void tokenRead(bool gitHub, const QString &token);

    const Settings *m_settings;
    SecretStore *m_secrets;
    TaskStore *m_store;
    const Entities *m_entities;
    SyncEngine *m_engine;
    OutboxProcessor *m_processor;
    const Clock *m_clock;
    QNetworkAccessManager m_manager;
    std::unique_ptr<RestClient> m_gitHub;
    std::unique_ptr<RestClient> m_clickUp;
    std::unique_ptr<SourceWriter> m_gitHubWriter;
    std::unique_ptr<SourceWriter> m_clickUpWriter;
    QStringList m_problems;
    int m_pending = 0;
};

} // namespace UpNext
