#include "KeepAside.h"
#include "Clock.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace UpNext {

QString keepAside(const QString &path, const QStringList &companionSuffixes, QString *error)
{
    // A name for the user to recognise, not a rule: the wall clock, whatever clock the app runs on.
    const QString stamp =
        Clock::system()->now().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);

    QFile file(path);
    if (!file.rename(aside)) {
        *error = file.errorString();
        return {};
    }
    for (const QString &suffix : companionSuffixes) {
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, aside + suffix);
    }
    return aside;
}

} // namespace UpNext
