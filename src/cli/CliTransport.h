#pragma once

// upnext_cli: upnext-cli, the original system's command line. Each command is one request to
// the local API: over HTTP to the UpNext that runs on the profile (HttpTransport), or, when
// none runs, to the same API on an app core the command line opens itself (DirectTransport).
// Cli parses the arguments and prints the answers for people or (--json) as they are.

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace UpNext {

struct CliResponse
{
    int status = 0;
    QByteArray body;
    QString networkError; // set when there is no answer at all

    QJsonValue json() const;
    // The error's words: {"detail": …} or the network error.
    QString detail() const;
};

// Where the command line's requests go.
class CliTransport
{
public:
    virtual ~CliTransport();
    // method: "GET", "POST" or "DELETE"; path with its query; body: JSON or empty.
    virtual CliResponse send(const QByteArray &method, const QString &path,
                             const QByteArray &body = {}) = 0;
    // True when an UpNext keeps running after the command line exits (and sends what waits).
    virtual bool appRuns() const = 0;
};

} // namespace UpNext
