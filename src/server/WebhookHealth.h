#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace UpNext {

class SyncEngine;
class WebhookReceiver;
class WebhookServer;
struct SourceSyncResult;

// Notices webhooks that do not arrive. A sync that brings a change its source made while the
// server listened, longer ago than the allowed silence, found what a webhook should have
// brought: for a source whose webhooks are set up (its receiver has a secret), that says
// once that they are not arriving and syncs the source every silence instead of waiting for
// the next interval, until a delivery arrives again.
class WebhookHealth final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookHealth)

public:
    WebhookHealth(SyncEngine *engine, WebhookServer *server, QObject *parent = nullptr);
    ~WebhookHealth() override;

    void setSilence(std::chrono::milliseconds silence);
    std::chrono::milliseconds silence() const { return m_silence; }

    // When a source's last delivery passed its signature check; invalid before one.
    QDateTime lastDelivery(const QString &source) const;
    bool isArriving(const QString &source) const { return !m_missing.contains(source); }

Q_SIGNALS:
    // message: for the user, e.g. "GitHub webhooks are not arriving: a sync found 3 changes …"
    void notArriving(const QString &source, const QString &message);
    void arrivingAgain(const QString &source);

private:
    struct Missing
    {
        QDateTime since; // when the sync noticed
        QTimer *earlySync = nullptr;
    };

    void check(const SourceSyncResult &result);
    // True when a delivery came after the problem was noticed; then ends the early syncs.
    bool recovered(const QString &source);
    WebhookReceiver *receiver(const QString &source) const;

    SyncEngine *m_engine;
    WebhookServer *m_server;
    std::chrono::milliseconds m_silence = std::chrono::minutes(30);
    QHash<QString, Missing> m_missing;
};

} // namespace UpNext
