#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

#include <chrono>

namespace UpNext {

// One UpNext per profile. The first launch on a profile listens on a local socket named
// after the profile's folder (in the user's runtime folder, so other users never see it);
// a later launch on the same profile connects, says what it wants (show the window, or
// only whether one runs, or one of the desktop entry's actions: next, done, skip, sync) and
// stops, and the first answers with what it is ("window" or
// "headless"). A launch on another profile has a socket of its own. A socket left behind
// by a crash answers nobody: it is removed and the launch becomes the profile's instance.
// A lock file around the check keeps two launches at the same moment from both winning.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    enum class Request { Show, Ping, Next, Done, Skip, Sync };
    Q_ENUM(Request)
    enum class Outcome {
        First,   // this launch is the profile's instance: it listens for later ones
        Running, // another instance runs on the profile and was told (runningRole())
        Failed   // neither could be found out (errorString()): run anyway, alone
    };

    static inline const QString WindowRole = QStringLiteral("window");
    static inline const QString HeadlessRole = QStringLiteral("headless");
    // upnext-cli on the profile with no UpNext running: it holds the profile for one command.
    static inline const QString CliRole = QStringLiteral("cli");

    explicit SingleInstance(const QString &profileDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket's path for a profile folder: the same for every spelling of the folder.
    static QString serverName(const QString &profileDirectory);

    // What this instance answers a later launch; WindowRole unless set.
    void setRole(const QString &role) { m_role = role; }
    // How long a launch waits for the running instance's answer.
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    // Becomes the profile's instance, or hands request to the one that runs. Waits (running
    // the event loop) at most about timeout for its answer.
    Outcome claim(Request request = Request::Show);
    // claim(), asking again for up to patience while the running one is an upnext-cli, which
    // lets go of the profile when its command is done.
    Outcome claimAfterCli(Request request, std::chrono::milliseconds patience);
    // After Running: what the running instance said it is; empty when it did not answer.
    QString runningRole() const { return m_runningRole; }
    QString errorString() const { return m_error; }
    bool isListening() const { return m_server.isListening(); }

Q_SIGNALS:
    // A later launch on this profile asked to see the window.
    void showRequested();
    // A later launch on this profile asked for Next, Done, Skip or Sync (the desktop entry's
    // actions).
    void actionRequested(UpNext::SingleInstance::Request request);

private:
    // Connects to a running instance and asks; false when none answers the connection.
    bool askRunning(Request request);
    void answer();

    QString m_name;
    QString m_role = WindowRole;
    QString m_runningRole;
    QString m_error;
    int m_timeout = 5000;
    QLocalServer m_server;
};

} // namespace UpNext
