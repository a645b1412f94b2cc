#pragma once

#include "SourceSyncResult.h"

#include "core/Profile.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTextStream>

#include <memory>

namespace UpNext {

class Entities;
class RestClient;
class SecretStore;
class Settings;
class SyncEngine;
class TaskStore;

// `upnext --sync-once`: one sync of every configured source without a window.
// Base URLs and options come from the profile's settings, tokens from the
// keychain or the UPNEXT_*_TOKEN variables. Prints a line per source.
class SyncOnce final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncOnce)

public:
    SyncOnce(const Profile &profile, QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~SyncOnce() override;

    // Runs the event loop until done; returns the process exit code:
    // 0 all synced, 1 a source failed, 2 nothing to sync or the profile is unusable.
    int exec();

private:
    void start();
    void readToken(bool gitHub);
    void tokenRead(bool gitHub, const QString &token);
    void syncConfigured();
    void report(const SourceSyncResult &result);
    void quit(int code);

    Profile m_profile;
    QTextStream &m_out;
    QTextStream &m_err;
    QNetworkAccessManager m_manager;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Entities> m_entities;
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<RestClient> m_gitHub;
    std::unique_ptr<RestClient> m_clickUp;
    int m_pendingTokens = 0;
    bool m_failed = false;
    QEventLoop m_loop;
};

} // namespace UpNext
