#pragma once

#include <QString>
#include <QStringList>

namespace UpNext {

// The XDG autostart entry that starts UpNext at login: <app id>.desktop in the user's
// autostart folder ($XDG_CONFIG_HOME/autostart), written or removed by the settings.
class Autostart final
{
public:
    explicit Autostart(const QString &appId);

    QString entryPath() const;
    // An entry is there and not hidden (Hidden=true is how a desktop switches one off).
    bool isEnabled() const;
    // Writes the entry to run command (program and arguments), or removes it. False with
    // *error when the file cannot be written or removed.
    bool setEnabled(bool on, const QStringList &command, QString *error) const;

private:
    QString m_appId;
};

} // namespace UpNext
