#pragma once

#include <QDateTime>
#include <QString>

namespace UpNext {

// The answer to one write (complete, comment, create), as the original
// contract has it, plus what the outbox needs to decide what to do next.
struct WriteResult
{
    enum class Failure {
        None,         // success or conflict: the entry is finished
        Retry,        // network error, timeout, 5xx, 429/secondary limit: try again later
        Unauthorized, // 401: pause this source until its token works again
        Permanent,    // 403 (not a rate limit), 404, 410, 422: give up and tell the user
    };

    bool success = false;
    QString message;       // "ClickUp error: 404 (Task not found)", "Connection error: …"
    QString sourceId;      // for create: the new task's source id ("86abc", "owner/repo#43")
    bool conflict = false; // complete found the task already closed; nothing was written
    QString currentState;  // with a conflict: what the source says, e.g. "closed by bob"
    // With a conflict: who closed the task, when the source says (GitHub does, ClickUp does not).
    // A close by the user after an attempt whose answer was lost is that attempt's confirmation.
    enum class ClosedBy { Unknown, User, Someone };
    ClosedBy closedBy = ClosedBy::Unknown;
    Failure failure = Failure::None;
    QDateTime retryAfter;     // with Retry: not before this time, when the source says so
    bool unreachable = false; // with Retry: no connection, no answer in time, or a 5xx
};

} // namespace UpNext
