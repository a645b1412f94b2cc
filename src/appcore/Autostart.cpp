#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace UpNext {

namespace {

// A desktop entry's Exec value: each argument quoted as the specification asks.
QString execLine(const QStringList &command)
{
    QStringList quoted;
    for (QString argument : command) {
        argument.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""))
            .replace(QLatin1Char('`'), QStringLiteral("\\`"))
            .replace(QLatin1Char('$'), QStringLiteral("\\$"));
        quoted.append(QLatin1Char('"') + argument + QLatin1Char('"'));
    }
    // '%' is a field code in Exec; a literal one is written twice.
    return quoted.join(QLatin1Char(' ')).replace(QLatin1Char('%'), QStringLiteral("%%"));
}

} // namespace

Autostart::Autostart(const QString &appId)
    : m_appId(appId)
{}

QString Autostart::entryPath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/") + m_appId + QStringLiteral(".desktop");
}

bool Autostart::isEnabled() const
{
    if (!QFile::exists(entryPath()))
        return false;
    const QSettings entry(entryPath(), QSettings::IniFormat);
    return entry.value(QStringLiteral("Desktop Entry/Hidden")).toString() != QLatin1String("true");
}

bool Autostart::setEnabled(bool on, const QStringList &command, QString *error) const
{
    const QString path = entryPath();
    if (!on) {
        if (!QFile::exists(path) || QFile::remove(path))
            return true;
        *error = QCoreApplication::translate("UpNext::Autostart", "Cannot remove %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("UpNext::Autostart", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=UpNext\n"
                                         "Comment=Your next task across ClickUp and GitHub\n"
                                         "Exec=%1\n"
                                         "Icon=%2\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(execLine(command), m_appId);
    file.write(entry.toUtf8());
    if (!file.commit()) {
        *error = QCoreApplication::translate("UpNext::Autostart", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace UpNext
