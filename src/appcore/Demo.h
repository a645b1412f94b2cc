#pragma once

#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sim/SimSeeder.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>
#include <memory>

namespace UpNext {

class AppCore;

// The demo (`upnext --demo`): simulated ClickUp and GitHub on loopback, seeded with a
// workspace for the user (tasks for both, a few clients), and an AppCore on a throwaway
// profile wired to them. Its made-up tokens and webhook secrets stay in memory, never in the
// keychain, and the real profile is never opened. Once the app's webhook server listens,
// the hooks are registered with the simulators at its loopback address, so the simulated
// teammate's changes (one about every TeammateInterval) arrive at once, as notifications
// and live updates.
class Demo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Demo)

public:
    static constexpr std::chrono::milliseconds TeammateInterval = std::chrono::seconds(20);
    static constexpr int ClickUpTasks = 80;
    static constexpr int GitHubIssues = 60;

    explicit Demo(QObject *parent = nullptr);
    ~Demo() override;

    // Before open(): how often the teammate changes something (0: never).
    void setTeammateInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    int teammateSeconds() const
    {
        return int(std::chrono::duration_cast<std::chrono::seconds>(m_interval).count());
    }

    // Seeds and starts the simulators, writes the throwaway profile's settings and clients
    // and opens the core on it. False, saying why in *error, when any of it failed.
    bool open(QString *error);

    // After open(): the core the front end runs on (its sources are loaded and started by
    // the front end, as for a real profile; the webhook server should listen on port 0).
    AppCore *core() const { return m_core.get(); }
    QString profileDirectory() const { return m_dir.path(); }
    Sim::SimClickUp &clickUp() { return m_clickUp; }
    Sim::SimGitHub &gitHub() { return m_gitHub; }
    const Sim::SimSeeder &seeder() const { return m_seeder; }
    // The teammate changes something now (as every teammate interval); what, or empty.
    QString teammateChange();

Q_SIGNALS:
    // The teammate changed something, e.g. "bob closed github:northwind/web#12 …".
    void teammateChanged(const QString &change);

private:
    bool writeProfile(QString *error) const;
    // The webhook server listens at port: point the simulators' hooks at it.
    void registerHooks(quint16 port);

    // Declared first: removed last, after the core has closed its database in it.
    QTemporaryDir m_dir;
    Sim::SimClickUp m_clickUp;
    Sim::SimGitHub m_gitHub;
    Sim::SimSeeder m_seeder;
    QTimer m_teammate;
    std::chrono::milliseconds m_interval = TeammateInterval;
    std::unique_ptr<AppCore> m_core;
};

} // namespace UpNext
