#pragma once

#include "ReadResult.h"
#include "RestClient.h"
#include "SourceErrors.h"

#include <QDateTime>
#include <QObject>

#include <optional>

namespace UpNext {

class Clock;
class SyncState;
class TaskStore;

// Shared by the ClickUp and GitHub readers: one request at a time, waits out
// rate limits (up to a cap) and resumes with the same request, so no page is
// lost or read twice; source-style error messages.
class SourceReader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceReader)

public:
    ~SourceReader() override;

    // Longest rate-limit wait before the read gives up with an error.
    void setMaxRateLimitWait(int seconds) { m_maxWaitSeconds = seconds; }
    // Where rate-limit waits, the read's start and its marks read the time; the system clock
    // by default.
    void setClock(const Clock *clock) { m_clock = clock; }

    virtual void start() = 0;

Q_SIGNALS:
    // After each page: how many tasks the read has found so far.
    void progress(int tasksRead);
    void rateLimited(const QDateTime &until);
    void finished(const UpNext::ReadResult &result);

protected:
    SourceReader(const QString &source, RestClient *client, TaskStore *store, SyncState *state,
                 QObject *parent);

    using Handler = std::function<void(const HttpReply &)>;
    // Sends a GET; handler gets every answer but rate-limit refusals, which are retried.
    void request(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                 Handler handler);
    // Ends the read; emits finished() once.
    void finish(const QString &error = {});
    // Ends the read with an answer that is not a success, saying why.
    void fail(const HttpReply &reply);
    // "GitHub error: 404 (Not Found)", "Connection error: …".
    QString describe(const HttpReply &reply) const;
    // When this read began by the service's clock: the Date header of its first answer
    // (rounded down to the second), else the local clock at its first request less a margin
    // for skew. A change made after it may have missed the pages already read, so the next
    // read must ask from no later than this.
    QDateTime startedAt() const;
    // Takes the tasks the engine asks this read to bring again (SyncState::recheck); a read
    // that ends well reports them in ReadResult::rechecked.
    void loadRecheck();
    // ids, and those of them no page brought as the source has them now: to be read one by
    // one.
    QStringList withRecheck(QStringList ids) const;

    RestClient *m_client;
    TaskStore *m_store;
    SyncState *m_state; // what the previous reads kept
    const Clock *m_clock;
    ReadResult m_result;

private:
    SourceErrors::Source m_kind;
    QStringList m_recheck;
    int m_maxWaitSeconds = 120;
    bool m_finished = false;
    QDateTime m_localStart;
    QDateTime m_serviceStart;
};

} // namespace UpNext
