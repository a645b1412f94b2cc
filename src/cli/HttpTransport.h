#pragma once

#include "CliTransport.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace UpNext {

// Requests to the local API of the UpNext running on the profile, on loopback with its token.
class HttpTransport final : public CliTransport
{
public:
    HttpTransport(quint16 port, const QByteArray &token);

    // How long an answer may take beyond what the request asks to wait for.
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    CliResponse send(const QByteArray &method, const QString &path,
                     const QByteArray &body = {}) override;
    bool appRuns() const override { return true; }

private:
    QNetworkAccessManager m_manager;
    QUrl m_base;
    QByteArray m_token;
    int m_timeout = 30000;
};

} // namespace UpNext
