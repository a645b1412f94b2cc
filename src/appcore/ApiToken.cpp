#include "ApiToken.h"

#include "core/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

#include <array>

namespace UpNext {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

QString ApiToken::tokenPath(const Profile &profile)
{
    return QDir(profile.directory()).filePath(QStringLiteral("api-token"));
}

QString ApiToken::portPath(const Profile &profile)
{
    return QDir(profile.directory()).filePath(QStringLiteral("api-port"));
}

QByteArray ApiToken::generate()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)).toHex();
}

QByteArray ApiToken::readFile(const Profile &profile, QString *error)
{
    QFile file(tokenPath(profile));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the local API token %1: %2")
                         .arg(file.fileName(), file.errorString());
        return {};
    }
    return file.read(1024).trimmed();
}

bool ApiToken::writePrivateFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    // The permissions are set before anything is written, so no one else can read it meanwhile.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly) ||
        file.write(data) != data.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ApiToken::ensure(const Profile &profile, SecretStore *secrets, QObject *context,
                      const std::function<void(const QByteArray &, const QString &)> &then)
{
    // Only the user may look into the profile: it holds the token.
    QFile::setPermissions(profile.directory(), OwnerOnly | QFileDevice::ExeOwner);
    const QByteArray fromFile = readFile(profile);
    secrets->read(
        SecretStore::Secret::LocalApiToken, profile.directory(), context,
        [profile, secrets, context, fromFile, then](const SecretResult &result) {
            const QByteArray fromKeychain = result.value.toUtf8();
            // The file wins: it is what the command line reads.
            const QByteArray token = !fromFile.isEmpty()
                                         ? fromFile
                                         : (!fromKeychain.isEmpty() ? fromKeychain : generate());
            QString problem;
            if (fromFile != token)
                writePrivateFile(tokenPath(profile), token + '\n', &problem);
            if (fromKeychain == token || result.status == SecretResult::Status::Error) {
                then(token,
                     problem.isEmpty()
                         ? (result.status == SecretResult::Status::Error ? result.error : QString())
                         : problem);
                return;
            }
            secrets->write(SecretStore::Secret::LocalApiToken, profile.directory(),
                           QString::fromUtf8(token), context,
                           [token, problem, then](const QString &error) {
                               then(token, problem.isEmpty() ? error : problem);
                           });
        });
}

} // namespace UpNext
