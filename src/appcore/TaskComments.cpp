#include "TaskComments.h"

#include "core/Clock.h"
#include "core/Outbox.h"
#include "core/TaskChanges.h"
#include "core/TaskStore.h"
#include "sources/CommentReader.h"

namespace UpNext {

TaskComments::TaskComments(CommentReader *reader, TaskStore *store, Outbox *outbox, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_store(store)
    , m_outbox(outbox)
    , m_clock(Clock::system())
{
    connect(m_store, &TaskStore::changed, this, &TaskComments::storeChanged);
    // A comment queued, sent or refused: the waiting ones read differently.
    connect(m_outbox, &Outbox::changed, this, [this] { Q_EMIT changed({}); });
}

CommentThread TaskComments::thread(const QString &taskId)
{
    if (taskId.isEmpty())
        return {};
    const auto kept = m_threads.constFind(taskId);
    CommentThread result = kept != m_threads.cend() ? *kept : CommentThread{};
    if (kept == m_threads.cend() && !m_reading.contains(taskId))
        read(taskId);
    for (const OutboxEntry &entry : m_outbox->entriesFor({taskId})) {
        if (entry.kind == OutboxEntry::Kind::Comment)
            result.comments.append({{}, entry.text, entry.createdAt, true});
    }
    return result;
}

void TaskComments::read(const QString &taskId)
{
    m_reading.insert(taskId);
    m_reader->read(taskId, this, [this, taskId](const CommentThread &thread) {
        m_reading.remove(taskId);
        if (m_threads.size() >= MaxKept && !m_threads.contains(taskId))
            m_threads.clear(); // a long session: the threads looked at long ago go
        // A failed read keeps what was read before, saying why it is not newer.
        CommentThread &kept = m_threads[taskId];
        if (thread.error.isEmpty())
            kept = thread;
        else
            kept.error = thread.error;
        if (m_again.remove(taskId))
            return read(taskId);
        Q_EMIT changed(taskId);
    });
}

void TaskComments::commentSent(const OutboxEntry &entry)
{
    const auto kept = m_threads.find(entry.taskId);
    if (kept == m_threads.end())
        return; // never shown: read when it is
    // At the source now: shown as the user's at once, then read to be sure.
    kept->comments.append({{}, entry.text, m_clock->now(), false});
    if (m_reading.contains(entry.taskId))
        m_again.insert(entry.taskId);
    else
        read(entry.taskId);
    Q_EMIT changed(entry.taskId);
}

void TaskComments::storeChanged(const TaskChanges &changes)
{
    for (const ExternalChange &change : changes.external) {
        if (!m_threads.contains(change.taskId))
            continue;
        for (const FieldChange &field : change.fields) {
            if (field.field != FieldChange::Field::Comments)
                continue;
            if (m_reading.contains(change.taskId))
                m_again.insert(change.taskId);
            else
                read(change.taskId); // someone commented: the thread is read again
            break;
        }
    }
    // A task that went from the store takes its thread along.
    for (const QString &id : changes.removed)
        m_threads.remove(id);
}

} // namespace UpNext
