#pragma once

#include "HttpServer.h"

#include "sources/ReadResult.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>

namespace UpNext {

class Clock;
class Entities;
class SyncEngine;
class TaskStore;
class WebhookLog;

// What both webhook receivers share: the secret, applying what a delivery says through the
// sync engine's merge (so webhooks and syncs agree) together with the record of the delivery,
// in one transaction, and the answers.
class WebhookReceiver : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

public:
    struct Parts
    {
        TaskStore *store = nullptr;
        SyncEngine *engine = nullptr;
        WebhookLog *log = nullptr;
        const Entities *entities = nullptr;
        const Clock *clock = nullptr;
    };

    ~WebhookReceiver() override = default;

    QString source() const { return m_source; }
    // Empty: deliveries are not checked (only sensible on loopback).
    void setSecret(const QByteArray &secret);
    bool hasSecret() const;

    // headers: names in lower case.
    virtual HttpAnswer handle(const QHash<QByteArray, QByteArray> &headers,
                              const QByteArray &body) = 0;

    // When the last delivery that passed the signature check arrived; invalid before one.
    QDateTime lastDelivery() const { return m_lastDelivery; }

protected:
    WebhookReceiver(const QString &source, const Parts &parts, QObject *parent);

    static HttpAnswer ok();
    static HttpAnswer ignored();
    // Whether signatureHex signs body with the secret (or no secret is set). Safe on any
    // thread, for checking deliveries off the event loop's.
    bool signatureMatches(const QByteArray &body, const QByteArray &signatureHex) const;
    // Notes a delivery whose signature was checked; an answer when it is refused.
    std::optional<HttpAnswer> admit(bool signatureMatched);
    std::optional<HttpAnswer> admit(const QByteArray &body, const QByteArray &signatureHex)
    {
        return admit(signatureMatches(body, signatureHex));
    }
    // Merges read (origin webhook) and records the deliveries, all or nothing; then runs
    // `also` in the same transaction. 500 when the store refused, so the source retries.
    HttpAnswer apply(const ReadResult &read, const QStringList &deliveries,
                     const std::function<bool()> &also = {});

    Parts m_parts;

private:
    QString m_source;
    mutable QMutex m_secretLock;
    QByteArray m_secret;
    QDateTime m_lastDelivery;
};

} // namespace UpNext
