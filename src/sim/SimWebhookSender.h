#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace UpNext::Sim {

// POSTs webhook deliveries as the real services do and remembers each one
// with the status it got (0 when the connection failed).
class SimWebhookSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimWebhookSender)

public:
    struct Delivery
    {
        QUrl url;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int status = -1; // -1 while in flight, 0 on a connection error
    };

    explicit SimWebhookSender(QObject *parent = nullptr);

    void deliver(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
                 const QByteArray &body);

    QList<Delivery> deliveries() const { return m_deliveries; }
    int pending() const;

    // Lower-case hex HMAC-SHA256 of body, as both services sign deliveries.
    static QByteArray signature(const QByteArray &secret, const QByteArray &body);

Q_SIGNALS:
    void delivered(const QUrl &url, int status);

private:
    QNetworkAccessManager m_manager;
    QList<Delivery> m_deliveries;
};

} // namespace UpNext::Sim
