#pragma once

#include "core/Comment.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace UpNext {

class CommentReader;
class Clock;
class Outbox;
class TaskStore;
struct OutboxEntry;
struct TaskChanges;

// The comment threads the window shows. A task's thread is read from its source the first
// time it is asked for, then kept: read again when someone else comments (the change feed
// says so) or when one of the user's comments reaches the source (shown at once, confirmed
// by the read). The user's comments still in the outbox come last, marked as waiting.
class TaskComments final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskComments)

public:
    TaskComments(CommentReader *reader, TaskStore *store, Outbox *outbox,
                 QObject *parent = nullptr);

    void setClock(const Clock *clock) { m_clock = clock; }

    // What is known of the task's thread now, oldest first, the user's waiting comments last.
    // Starts reading it from the source when it was not read yet; changed() follows.
    CommentThread thread(const QString &taskId);
    bool isReading(const QString &taskId) const { return m_reading.contains(taskId); }
    // The user's comment reached its source (the outbox processor's sent()).
    void commentSent(const OutboxEntry &entry);

Q_SIGNALS:
    // The task's thread may read differently now; empty: any task's (the outbox changed).
    void changed(const QString &taskId);

private:
    static constexpr qsizetype MaxKept = 200;
    void read(const QString &taskId);
    void storeChanged(const TaskChanges &changes);

    CommentReader *m_reader;
    TaskStore *m_store;
    Outbox *m_outbox;
    const Clock *m_clock;
    QHash<QString, CommentThread> m_threads; // read from the sources
    QSet<QString> m_reading;
    QSet<QString> m_again; // changed while being read: read once more
};

} // namespace UpNext
