#pragma once

#include <QDateTime>
#include <QString>

namespace UpNext {

// The one task being worked on.
struct CurrentTask
{
    QString taskId;
    QDateTime startedAt;

    bool operator==(const CurrentTask &other) const = default;
};

} // namespace UpNext
