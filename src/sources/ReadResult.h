#pragma once

#include "core/Task.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace UpNext {

// What one pull from a source found, or what one webhook delivery said.
struct ReadResult
{
    QString source;
    QList<Task> tasks; // tasks as the source has them now (open, closed or reassigned)
    QStringList
        notMine; // ids of known tasks that are no longer the user's (unassigned, deleted, moved)
    // known id → the id the source has for the task now (a renamed repo, a transferred issue);
    // the task itself is in tasks
    QHash<QString, QString> moved;
    bool complete = false; // every page was read
    int requests = 0;
    QString error; // empty on success
    // Why it failed, for what the window says about the source.
    enum class Failure {
        None,
        Unreachable,  // no connection, a timeout, a 5xx: it may work again later
        Unauthorized, // 401: the token is rejected
        RateLimited,  // the limit lifts at retryAfter
        Other,        // anything else (configuration, an answer that cannot be read)
    };
    Failure failure = Failure::None;
    QDateTime retryAfter; // with RateLimited
    QStringList warnings; // fields or items that were skipped or defaulted
    // The ids of SyncState::recheck this read brought again (a sync's only).
    QStringList rechecked;
    QHash<QString, QString>
        state; // sync state to keep once the tasks are stored (high-water mark, login)
    // Container id → its name at the source (ClickUp lists), stored with the tasks so that
    // views reading them on the change feed name them.
    QHash<QString, QString> containerNames;
    // From a webhook: who made the change, whether that is the user, and comments posted
    // (task id → text), which a task's fields do not show.
    QString actor;
    bool byUser = false;
    // The change to a task the user is writing to (an outbox entry not failed) is the echo of
    // their own write, whoever the source names.
    bool writingIsOwn = false;
    QHash<QString, QString> comments;
};

} // namespace UpNext
