#include "Profile.h"
#include "Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace UpNext {

QString Profile::resolveDirectory(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return QDir(commandLineValue).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("UPNEXT_PROFILE");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Profile::Profile(const QString &directory)
    : m_directory(QDir::cleanPath(directory))
{}

QString Profile::databasePath() const
{
    return m_directory + QStringLiteral("/upnext.db");
}

QString Profile::settingsPath() const
{
    return m_directory + QStringLiteral("/settings.ini");
}

QString Profile::entitiesPath() const
{
    return m_directory + QStringLiteral("/entities.json");
}

bool Profile::ensureWritable(QString *error) const
{
    const QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        *error = tr("The profile folder %1 is a file, not a folder.").arg(m_directory);
    } else if (!QDir().mkpath(m_directory)) {
        *error = tr("Cannot create the profile folder %1.").arg(m_directory);
    } else {
        QTemporaryFile probe(m_directory + QStringLiteral("/.write-test-XXXXXX"));
        if (probe.open())
            return true;
        *error =
            tr("Cannot write to the profile folder %1: %2").arg(m_directory, probe.errorString());
    }
    qCWarning(lcProfile).noquote() << *error;
    return false;
}

} // namespace UpNext
