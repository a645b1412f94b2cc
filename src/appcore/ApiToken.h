#pragma once

#include "core/Profile.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace UpNext {

class SecretStore;

// The local API's bearer token and where a running UpNext can be reached. The token is made
// on the profile's first run and kept in the keychain and in a file only the user can read
// (api-token, 0600, in the profile folder, which is made 0700): upnext-cli reads the file,
// as it cannot wait for a keychain prompt. The port the API listens on goes to api-port
// while UpNext runs.
class ApiToken final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::ApiToken)

public:
    static QString tokenPath(const Profile &profile);
    static QString portPath(const Profile &profile);

    // A new random token (32 bytes, hex).
    static QByteArray generate();
    // The token in the profile's file; empty (saying why in *error) when there is none.
    static QByteArray readFile(const Profile &profile, QString *error = nullptr);
    // Writes data to path readable by the user only; false with *error when it cannot.
    static bool writePrivateFile(const QString &path, const QByteArray &data, QString *error);

    // The profile's token: the file's, else the keychain's, else a new one; written to
    // whichever of the two lacks it. then(token, problem) after, where problem says what could
    // not be kept (the token works all the same while this UpNext runs).
    static void
    ensure(const Profile &profile, SecretStore *secrets, QObject *context,
           const std::function<void(const QByteArray &token, const QString &problem)> &then);
};

} // namespace UpNext
