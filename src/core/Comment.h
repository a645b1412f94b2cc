#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace UpNext {

// One comment on a task, as its source has it, or the user's still in the outbox.
struct Comment
{
    QString author; // login or user name; empty for the user's own waiting one
    QString text;
    QDateTime createdAt;
    bool waiting = false; // the user's, not yet at the source

    bool operator==(const Comment &other) const = default;
};

// A task's comments, oldest first, as far as they were read.
struct CommentThread
{
    QList<Comment> comments;
    bool older = false; // the source has older ones than these
    QString error;      // why they could not be read; empty when they were
};

} // namespace UpNext
