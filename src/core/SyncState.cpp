#include "SyncState.h"
#include "Logging.h"
#include "TaskStore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace UpNext {

namespace {

// The briefing is the app's, not a source's; its row predates this class, so it stays.
const QString AppSource = QStringLiteral("app");
const QString LastBriefingKey = QStringLiteral("lastBriefing");
const QString RecheckKey = QStringLiteral("recheck");

} // namespace

SyncState::SyncState(TaskStore *store)
    : m_store(store)
{}

bool SyncState::fail(const QString &what, const QSqlQuery &query) const
{
    m_lastError = tr("Cannot %1 in the task database %2: %3")
                      .arg(what, m_store->path(), query.lastError().text());
    qCWarning(lcStore).noquote() << m_lastError;
    return false;
}

QString SyncState::value(const QString &source, const QString &key) const
{
    const TaskStore::Statement query = m_store->statement(
        QStringLiteral("SELECT value FROM sync_state WHERE source = ? AND key = ?"), {source, key},
        tr("read the sync state"));
    if (!query) {
        m_lastError = m_store->lastError();
        return {};
    }
    return query->next() ? query->text(0) : QString();
}

bool SyncState::setValue(const QString &source, const QString &key, const QString &value)
{
    return setValues(source, {{key, value}});
}

bool SyncState::setValues(const QString &source, const QHash<QString, QString> &values)
{
    if (values.isEmpty())
        return true;
    m_lastError.clear();
    const bool kept = m_store->transaction(ChangeOrigin::Sync, [&] {
        QSqlQuery query(m_store->database());
        if (!query.prepare(
                QStringLiteral("INSERT INTO sync_state (source, key, value) VALUES (?, ?, ?)"
                               " ON CONFLICT (source, key) DO UPDATE SET value = excluded.value")))
            return fail(tr("save the sync state"), query);
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            query.bindValue(0, source);
            query.bindValue(1, it.key());
            // QtSql binds a null QString as NULL; the column wants ''.
            query.bindValue(2, it.value().isNull() ? QStringLiteral("") : it.value());
            if (!query.exec())
                return fail(tr("save the sync state"), query);
        }
        return true;
    });
    if (!kept && m_lastError.isEmpty())
        m_lastError = m_store->lastError(); // the transaction itself failed
    return kept;
}

std::optional<CachedResponse> SyncState::cachedResponse(const QString &url) const
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT etag, payload FROM http_cache WHERE url = ?"));
    query.bindValue(0, url);
    if (!query.exec()) {
        fail(tr("read the response cache"), query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return CachedResponse{query.value(0).toByteArray(), query.value(1).toByteArray()};
}

bool SyncState::setCachedResponse(const QString &url, const CachedResponse &response)
{
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral(
        "INSERT INTO http_cache (url, etag, payload) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, payload = excluded.payload"));
    query.bindValue(0, url);
    query.bindValue(1, response.etag);
    query.bindValue(2, response.payload.isNull() ? QByteArray("") : response.payload);
    return query.exec() || fail(tr("save the response cache"), query);
}

QString SyncState::containerName(const QString &source, const QString &container) const
{
    return container.isEmpty() ? QString() : value(source, containerNameKey(container));
}

bool SyncState::setContainerNames(const QString &source, const QHash<QString, QString> &names)
{
    QHash<QString, QString> values;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (!it.key().isEmpty() && !it.value().isEmpty())
            values.insert(containerNameKey(it.key()), it.value());
    }
    return setValues(source, values);
}

QString SyncState::containerNameKey(const QString &container)
{
    return QStringLiteral("name:") + container;
}

QStringList SyncState::recheck(const QString &source) const
{
    return value(source, RecheckKey).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool SyncState::setRecheck(const QString &source, const QStringList &taskIds)
{
    return setValue(source, RecheckKey, taskIds.join(QLatin1Char('\n')));
}

QDateTime SyncState::lastBriefing() const
{
    return QDateTime::fromString(value(AppSource, LastBriefingKey), Qt::ISODate);
}

bool SyncState::setLastBriefing(const QDateTime &when)
{
    return setValue(AppSource, LastBriefingKey, when.toUTC().toString(Qt::ISODate));
}

} // namespace UpNext
