#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace UpNext::TestSim {

// /work/shared/tools/github-openapi.sh runs the GitHub tests behind a proxy that checks every
// request and answer against GitHub's OpenAPI description: GITHUB_BASE is the proxy,
// UPNEXT_SIM_PORT the port the simulator behind it listens on. Without it, simBase.
inline QUrl throughProxy(const QUrl &simBase)
{
    QUrl proxy(qEnvironmentVariable("GITHUB_BASE"));
    if (proxy.isEmpty())
        return simBase;
    proxy.setPath(simBase.path());
    return proxy;
}

struct Reply
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// Sends one request with a real QNetworkAccessManager and waits for the answer.
inline Reply send(QNetworkAccessManager &manager, const QByteArray &verb, const QUrl &url,
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                  const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = manager.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Reply result;
    if (!finished.wait(15000)) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return result;
}

inline QJsonObject object(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

inline QJsonArray array(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).array();
}

} // namespace UpNext::TestSim
