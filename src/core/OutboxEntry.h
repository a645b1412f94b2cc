#pragma once

#include <QDateTime>
#include <QString>

namespace UpNext {

// One user write waiting for its source to confirm it.
struct OutboxEntry
{
    enum class Kind { Complete, Comment, Create };
    enum class State {
        Pending, // waiting for its turn (nextAttempt)
        Sending, // handed to the source; may have arrived if the app stopped meanwhile
        Failed,  // the source refused it for good; waits for the user to retry or discard
    };

    qint64 id = 0;
    QString taskId;
    Kind kind = Kind::Complete;
    QString text;           // comment
    QString title;          // create
    QString entity;         // create
    QString description;    // create
    QString previousStatus; // complete: the task's status before, to go back to if refused
    // complete, comment: the task's times before, put back when the user takes it back
    QDateTime previousActivity;
    QDateTime previousLocalUpdate;
    State state = State::Pending;
    int attempts = 0;
    QDateTime nextAttempt;
    QDateTime holdUntil; // not sent before: the user may still take it back (undo)
    QDateTime createdAt;
    QDateTime sentAt; // last time it was handed to the source
    QString lastError;

    // "complete", "comment", "create": as the database, the local API and the log name it.
    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Kind::Complete:
            return QStringLiteral("complete");
        case Kind::Comment:
            return QStringLiteral("comment");
        case Kind::Create:
            return QStringLiteral("create");
        }
        Q_UNREACHABLE();
    }

    // When it may go next: its next attempt, or later while it is held.
    QDateTime dueAt() const
    {
        return holdUntil.isValid() && holdUntil > nextAttempt ? holdUntil : nextAttempt;
    }
};

} // namespace UpNext
