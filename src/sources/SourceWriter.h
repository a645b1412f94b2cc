#pragma once

#include "WriteResult.h"

#include "core/Clock.h"

#include <QObject>

#include <functional>

namespace UpNext {

// Writes a user's action back to a source. Asynchronous: the callback runs on
// context's thread once the source has answered (never before the call returns).
class SourceWriter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceWriter)

public:
    using Callback = std::function<void(const WriteResult &)>;

    ~SourceWriter() override = default;

    // Where rate-limit waits are counted from; the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }

    // Closes the task. Reads it first: if it is already closed that is a conflict
    // (success with conflict set, currentState naming who closed it, closedBy whether that was
    // the user, when the source tells), and nothing is written.
    virtual void complete(const QString &sourceId, QObject *context, Callback callback) = 0;
    virtual void comment(const QString &sourceId, const QString &text, QObject *context,
                         Callback callback) = 0;
    // Creates a task for the user, tagged with the entity (client) when given.
    virtual void create(const QString &title, const QString &entity, const QString &description,
                        QObject *context, Callback callback) = 0;

    // For an entry that may have been sent before the app stopped: does the source
    // already have it? The comment by the user with exactly this text on the task, or
    // the task with this title (and entity tag) created by the user, since `since`.
    // success: the source could be asked; sourceId: the comment's or task's id when
    // found, empty when not. On failure the result says why, as for a write.
    virtual void findComment(const QString &sourceId, const QString &text, const QDateTime &since,
                             QObject *context, Callback callback) = 0;
    virtual void findCreated(const QString &title, const QString &entity, const QDateTime &since,
                             QObject *context, Callback callback) = 0;

protected:
    explicit SourceWriter(QObject *parent = nullptr)
        : QObject(parent)
    {}

    const Clock *m_clock = Clock::system();
};

} // namespace UpNext
