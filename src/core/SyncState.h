#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlQuery;

namespace UpNext {

class TaskStore;

// A response body remembered for conditional requests (If-None-Match).
struct CachedResponse
{
    QByteArray etag;
    QByteArray payload;

    bool operator==(const CachedResponse &other) const = default;
};

// What sync keeps between runs in the task database: small values per source (high-water
// marks, user ids, the last full listing), the bodies of conditional requests, and when the
// morning briefing was last given. The only class that reads or writes the sync_state and
// http_cache tables; their schema is with the store's migrations, one place for the file.
//
// In core, beside the store, because the readers in sources and the TaskService (the
// briefing) both use it. It keeps nothing but the store: every value is in the file and
// runs on the store's connection, so its writes join an open TaskStore::transaction().
class SyncState final
{
    Q_DECLARE_TR_FUNCTIONS(SyncState)
    Q_DISABLE_COPY_MOVE(SyncState)

public:
    explicit SyncState(TaskStore *store);

    // Empty when the source never kept the key.
    QString value(const QString &source, const QString &key) const;
    bool setValue(const QString &source, const QString &key, const QString &value);
    // Keeps all of them or none.
    bool setValues(const QString &source, const QHash<QString, QString> &values);

    std::optional<CachedResponse> cachedResponse(const QString &url) const;
    bool setCachedResponse(const QString &url, const CachedResponse &response);

    // The name a source gave a container (a ClickUp list) when a reader last saw it; empty
    // when none did.
    QString containerName(const QString &source, const QString &container) const;
    // Container id → name; joins an open TaskStore::transaction().
    bool setContainerNames(const QString &source, const QHash<QString, QString> &names);
    static QString containerNameKey(const QString &container);

    // Tasks the next read of the source takes again one by one, whatever its listings say:
    // a merge kept the user's pending close over a newer state of the source, which the
    // listings do not repeat once they have shown it. Joins an open TaskStore::transaction().
    QStringList recheck(const QString &source) const;
    bool setRecheck(const QString &source, const QStringList &taskIds);

    // Invalid when there was none yet.
    QDateTime lastBriefing() const;
    bool setLastBriefing(const QDateTime &when);

    // Why the last call failed; names the file.
    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &what, const QSqlQuery &query) const;

    TaskStore *m_store;
    mutable QString m_lastError;
};

} // namespace UpNext
