#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace UpNext {

class TaskStore;

// What the webhook receiver keeps in the task database: the deliveries it applied, so a
// redelivery is applied once even across a restart, and the tasks a delivery named that it
// still has to fetch from the source (ClickUp sends no task object). The only class that
// reads or writes the webhook_deliveries and webhook_fetches tables; like SyncState it runs on
// the store's connection, so its writes join an open TaskStore::transaction().
class WebhookLog final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::WebhookLog)
    Q_DISABLE_COPY_MOVE(WebhookLog)

public:
    // Deliveries are remembered at least this long (the services redeliver within hours).
    static constexpr int KeepHours = 72;

    struct Fetch
    {
        QString taskId;
        QString actor; // who made the change the delivery announced
        QDateTime queuedAt;
    };

    explicit WebhookLog(TaskStore *store);

    bool seen(const QString &source, const QString &delivery) const;
    // Remembers the deliveries (a GitHub delivery id, ClickUp's history item ids); forgets
    // those older than KeepHours before now, every few minutes.
    bool add(const QString &source, const QStringList &deliveries, const QDateTime &now);

    // A task to fetch; queued once however many deliveries name it.
    bool queueFetch(const QString &taskId, const QString &actor, const QDateTime &now);
    bool removeFetch(const QString &taskId);
    QList<Fetch> fetches() const;

    // Why the last call failed; names the file.
    QString lastError() const { return m_lastError; }

private:
    bool fail(const QString &what, const QSqlQuery &query) const;

    TaskStore *m_store;
    QDateTime m_forgotAt; // when old deliveries were last forgotten
    mutable QString m_lastError;
};

} // namespace UpNext
