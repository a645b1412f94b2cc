#pragma once

#include "core/Profile.h"

#include <QObject>
#include <QTextStream>

#include <memory>

namespace UpNext {

class AppCore;

// `upnext --headless`: the store, sync, outbox and webhook server of one profile with no
// window and no display, logging to stderr. SIGTERM and SIGINT stop it cleanly: no new sync
// or send starts, what is in flight finishes (or stays queued for the next start).
class Headless final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Headless)

public:
    // port: -1 for the settings' (or UPNEXT_WEBHOOK_PORT).
    Headless(const Profile &profile, int port, QTextStream &err, QObject *parent = nullptr);
    ~Headless() override;

    // Runs until a signal stops it; returns the process exit code (2: the profile or the
    // port cannot be used).
    int exec();
    // Syncs every source now (a desktop entry's Sync, from a later launch).
    void syncNow();

private:
    void watchSignals();
    void stop();

    QTextStream &m_err;
    std::unique_ptr<AppCore> m_core;
    int m_port;
    int m_exitCode = 0;
};

} // namespace UpNext
