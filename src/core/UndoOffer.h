#pragma once

#include "CurrentTask.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace UpNext {

// Something the user did that they can take back for a few seconds (TaskService::undo()):
// a Done or a comment, held in the outbox meanwhile, or a Skip.
struct UndoOffer
{
    enum class Kind { Done, Skip, Comment };

    Kind kind = Kind::Done;
    QString taskId;
    QString title;      // the task's, as the user saw it
    qint64 entryId = 0; // Done, Comment: the outbox entry held back until `until`
    QString text;       // Comment: what it said
    QDate day;          // Skip: the day it was skipped for
    // The current task before (none: there was none); Done and Skip put it back.
    std::optional<CurrentTask> current;
    QDateTime until;    // offered until then
    quint64 serial = 0; // tells one offer from the next
};

} // namespace UpNext
