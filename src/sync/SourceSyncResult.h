#pragma once

#include "sources/ReadResult.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace UpNext {

// The outcome of one sync of one source, for the UI and `upnext --sync-once`.
struct SourceSyncResult
{
    QString source;
    int newTasks = 0;
    int updated = 0;
    int closed = 0; // closed, deleted or no longer assigned: left the open list
    int requests = 0;
    // When each new or changed task was last changed at its source (where it says).
    QList<QDateTime> changedAt;
    QString error;
    ReadResult::Failure failure = ReadResult::Failure::None; // why, with an error
    QDateTime retryAfter;                                    // when rate limited
    QStringList warnings;
    QDateTime finishedAt;

    bool ok() const { return error.isEmpty(); }
};

} // namespace UpNext
