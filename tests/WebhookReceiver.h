#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QUrl>

namespace UpNext::TestSim {

// A loopback endpoint that records every webhook delivery it receives.
class WebhookReceiver final
{
public:
    struct Delivery
    {
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    WebhookReceiver()
    {
        m_server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                Delivery delivery;
                for (const auto &[name, value] : request.headers())
                    delivery.headers.insert(name.toLower(), value);
                delivery.body = request.body();
                m_deliveries.append(delivery);
                responder.write(QHttpServerResponder::StatusCode::Ok);
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(m_port)); }
    const QList<Delivery> &deliveries() const { return m_deliveries; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<Delivery> m_deliveries;
};

} // namespace UpNext::TestSim
