#pragma once

// upnext_sources: talking to ClickUp and GitHub — a small REST client on one
// QNetworkAccessManager, the readers that pull the user's tasks and (later)
// the writers that send done / comment / create back.

#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>

#include <functional>

namespace UpNext {

struct HttpReply
{
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    bool isNetworkFailure() const { return status == 0; }
};

// Sends requests to one API root with its auth and default headers, a
// transfer timeout on every request and gzip accepted (QNetworkAccessManager
// asks for it and inflates it). Tokens travel in headers only, never in URLs,
// and only to the API root's host over HTTPS (plain HTTP only to this
// computer, e.g. the simulators); TLS errors are never ignored.
class RestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestClient)

public:
    using Callback = std::function<void(const HttpReply &)>;

    RestClient(QNetworkAccessManager *manager, const QUrl &baseUrl, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    // path is relative to the base URL, e.g. "/issues?state=open".
    QUrl url(const QString &pathAndQuery) const;

    void setDefaultHeader(const QByteArray &name, const QByteArray &value);
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    int requestCount() const { return m_requests; }

    // The page the reply's Link header gives for relation ("next", "last"), when it is on
    // this client's own host and scheme (the token goes with every request); an invalid URL
    // otherwise.
    QUrl linkedPage(const HttpReply &reply, QLatin1StringView relation) const;
    // Whether a request may go to url: the API root's scheme and host, and HTTPS unless the
    // host is this computer.
    bool mayReach(const QUrl &url) const;

    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
              const QList<std::pair<QByteArray, QByteArray>> &headers, QObject *context,
              Callback callback);
    void get(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers,
             QObject *context, Callback callback);

private:
    static constexpr int MaxWriteRedirects = 3;

    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
              const QList<std::pair<QByteArray, QByteArray>> &headers, QObject *context,
              Callback callback, int redirectsLeft);

    QNetworkAccessManager *m_manager;
    QUrl m_baseUrl;
    QList<std::pair<QByteArray, QByteArray>> m_defaultHeaders;
    int m_timeoutMs = 30000;
    int m_requests = 0;
};

} // namespace UpNext
