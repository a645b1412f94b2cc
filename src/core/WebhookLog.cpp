#include "WebhookLog.h"

#include "Logging.h"
#include "TaskStore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace UpNext {

WebhookLog::WebhookLog(TaskStore *store)
    : m_store(store)
{}

bool WebhookLog::fail(const QString &what, const QSqlQuery &query) const
{
    m_lastError = tr("Cannot %1 in the task database %2: %3")
                      .arg(what, m_store->path(), query.lastError().text());
    qCWarning(lcStore).noquote() << m_lastError;
    return false;
}

bool WebhookLog::seen(const QString &source, const QString &delivery) const
{
    const TaskStore::Statement query = m_store->statement(
        QStringLiteral("SELECT 1 FROM webhook_deliveries WHERE source = ? AND delivery = ?"),
        {source, delivery}, tr("read the webhook deliveries"));
    if (!query) {
        m_lastError = m_store->lastError();
        return false;
    }
    return query->next();
}

bool WebhookLog::add(const QString &source, const QStringList &deliveries, const QDateTime &now)
{
    m_lastError.clear();
    return m_store->transaction(ChangeOrigin::Webhook, [&] {
        for (const QString &delivery : deliveries) {
            if (!m_store->run(QStringLiteral("INSERT OR IGNORE INTO webhook_deliveries"
                                             " (source, delivery, received_at) VALUES (?, ?, ?)"),
                              {source, delivery, now.toMSecsSinceEpoch()},
                              tr("remember a webhook delivery")))
                return false;
        }
        // Not on every delivery: at thousands a second the deletes would cost more than the rest.
        constexpr int ForgetEverySecs = 5 * 60;
        if (m_forgotAt.isValid() && m_forgotAt.secsTo(now) < ForgetEverySecs && now >= m_forgotAt)
            return true;
        m_forgotAt = now;
        return m_store->run(QStringLiteral("DELETE FROM webhook_deliveries WHERE received_at < ?"),
                            {now.addSecs(-KeepHours * 3600).toMSecsSinceEpoch()},
                            tr("forget old webhook deliveries"));
    });
}

bool WebhookLog::queueFetch(const QString &taskId, const QString &actor, const QDateTime &now)
{
    QSqlQuery query(m_store->database());
    return m_store->exec(query,
                         QStringLiteral("INSERT INTO webhook_fetches (task_id, actor, queued_at)"
                                        " VALUES (?, ?, ?) ON CONFLICT (task_id) DO UPDATE"
                                        " SET actor = excluded.actor"),
                         {taskId, actor, now.toMSecsSinceEpoch()}, tr("queue a task to fetch"));
}

bool WebhookLog::removeFetch(const QString &taskId)
{
    QSqlQuery query(m_store->database());
    return m_store->exec(query, QStringLiteral("DELETE FROM webhook_fetches WHERE task_id = ?"),
                         {taskId}, tr("forget a fetched task"));
}

QList<WebhookLog::Fetch> WebhookLog::fetches() const
{
    QSqlQuery query(m_store->database());
    QList<Fetch> found;
    if (!query.exec(QStringLiteral(
            "SELECT task_id, actor, queued_at FROM webhook_fetches ORDER BY queued_at, task_id"))) {
        fail(tr("read the tasks to fetch"), query);
        return found;
    }
    while (query.next())
        found.append({query.value(0).toString(), query.value(1).toString(),
                      TaskStore::timeFromColumn(query.value(2))});
    return found;
}

} // namespace UpNext
