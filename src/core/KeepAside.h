#pragma once

#include <QStringList>

namespace UpNext {

// Renames a damaged file to "<path>.corrupt-<yyyyMMdd-HHmmss>[-n]" so the user
// keeps it, together with companions (path + suffix) that exist, such as a
// SQLite "-wal". Returns the new path, or empty with *error set.
QString keepAside(const QString &path, const QStringList &companionSuffixes, QString *error);

} // namespace UpNext
