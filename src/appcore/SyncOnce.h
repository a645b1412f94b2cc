#pragma once

#include "core/OutboxEntry.h"
#include "core/Profile.h"
#include "sync/SourceSyncResult.h"

#include <QEventLoop>
#include <QObject>
#include <QTextStream>

#include <memory>

namespace UpNext {

class AppCore;

// `upnext --sync-once`: sends what waits in the outbox (one try each), then
// syncs every configured source once, without a window. Base URLs and options
// come from the profile's settings, tokens from the keychain or the
// UPNEXT_*_TOKEN variables. Prints a line for the outbox and one per source.
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
    void sendOutbox();
    void outboxProgress();
    // Sources whose writes cannot go now: no token, or the token was refused.
    QStringList unsendableSources() const;
    void syncConfigured();
    void report(const SourceSyncResult &result);
    void quit(int code);

    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<AppCore> m_core;
    QDateTime m_outboxStart;
    bool m_outboxDone = false;
    int m_outboxSent = 0;
    int m_outboxFailed = 0;
    bool m_failed = false;
    QEventLoop m_loop;
};

} // namespace UpNext
