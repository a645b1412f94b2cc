#pragma once

#include "CliTransport.h"

#include "core/Profile.h"

#include <memory>

namespace UpNext {

class AppCore;

// No UpNext runs on the profile: the command line opens it through the app core and calls the
// same local API in process. Writes are sent while it waits for them (the ?wait the command
// asks for); what is not sent by then stays in the outbox for the next start.
class DirectTransport final : public CliTransport
{
public:
    explicit DirectTransport(const Profile &profile);
    ~DirectTransport() override;

    // False with *error when the profile cannot be opened.
    bool open(QString *error);
    // Reads the tokens and lets the outbox send (for the commands that write or sync).
    void loadSources();

    CliResponse send(const QByteArray &method, const QString &path,
                     const QByteArray &body = {}) override;
    bool appRuns() const override { return false; }

    AppCore *core() const { return m_core.get(); }

private:
    std::unique_ptr<AppCore> m_core;
    bool m_opened = false;
};

} // namespace UpNext
