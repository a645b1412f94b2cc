#include "SimWebhookSender.h"

#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace UpNext::Sim {

SimWebhookSender::SimWebhookSender(QObject *parent)
    : QObject(parent)
{}

QByteArray SimWebhookSender::signature(const QByteArray &secret, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

int SimWebhookSender::pending() const
{
    return int(std::count_if(m_deliveries.cbegin(), m_deliveries.cend(),
                             [](const Delivery &delivery) { return delivery.status == -1; }));
}

void SimWebhookSender::deliver(const QUrl &url,
                               const QList<std::pair<QByteArray, QByteArray>> &headers,
                               const QByteArray &body)
{
    QNetworkRequest request(url);
    // Both services give up on a receiver after about 10 s.
    request.setTransferTimeout(10000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    const qsizetype index = m_deliveries.size();
    m_deliveries.append({url, headers, body, -1});

    QNetworkReply *reply = m_manager.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, url] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_deliveries[index].status = status;
        reply->deleteLater();
        Q_EMIT delivered(url, status);
    });
}

} // namespace UpNext::Sim
