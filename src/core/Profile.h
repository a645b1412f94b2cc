#pragma once

#include <QCoreApplication>
#include <QString>

namespace UpNext {

// The folder holding one user's database, settings and entities.json.
// Tests and the demo use their own, so they never touch real data.
class Profile final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::Profile)

public:
    // --profile DIR wins over $UPNEXT_PROFILE, which wins over AppDataLocation.
    static QString resolveDirectory(const QString &commandLineValue = {});

    explicit Profile(const QString &directory);

    QString directory() const { return m_directory; }
    QString databasePath() const;
    QString settingsPath() const;
    QString entitiesPath() const;

    // Creates the folder if needed and checks that files can be written there.
    bool ensureWritable(QString *error) const;

private:
    QString m_directory;
};

} // namespace UpNext
