#include "DirectTransport.h"

#include "appcore/AppCore.h"
#include "appcore/LocalApi.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QEventLoop>
#include <QHostAddress>

#include <optional>

namespace UpNext {

DirectTransport::DirectTransport(const Profile &profile)
    : m_core(std::make_unique<AppCore>(profile))
{}

DirectTransport::~DirectTransport()
{
    // What is in flight may finish; the rest waits in the outbox.
    if (m_opened)
        m_core->stop();
}

bool DirectTransport::open(QString *error)
{
    m_opened = m_core->open(error);
    return m_opened;
}

void DirectTransport::loadSources()
{
    QEventLoop loop;
    QObject::connect(m_core.get(), &AppCore::sourcesLoaded, &loop, &QEventLoop::quit);
    m_core->loadSources();
    loop.exec();
    // Only the outbox: no scheduled sync, no webhooks for a command that ends in a moment.
    m_core->processor()->start();
}

CliResponse DirectTransport::send(const QByteArray &method, const QString &path,
                                  const QByteArray &body)
{
    HttpRequest request;
    if (method == "GET")
        request.method = QHttpServerRequest::Method::Get;
    else if (method == "POST")
        request.method = QHttpServerRequest::Method::Post;
    else if (method == "DELETE")
        request.method = QHttpServerRequest::Method::Delete;
    request.url = QUrl(QStringLiteral("http://localhost") + path);
    request.body = body;
    request.peer = QHostAddress(QHostAddress::LocalHost);
    std::optional<HttpAnswer> answer;
    QEventLoop loop;
    m_core->api()->dispatch(request, [&answer, &loop](const HttpAnswer &given) {
        answer = given;
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return {answer->status, answer->body, {}};
}

} // namespace UpNext
