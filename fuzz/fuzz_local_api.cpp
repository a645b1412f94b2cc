// Requests to the local API through LocalApi::handle(), in process as the server passes them
// on: the token check, routing by method and path, query (?wait=, filters) and JSON bodies, on
// an AppCore with a profile in the scratch folder and a few tasks. No sources are loaded, so
// writes wait in the outbox; the profile lives for the whole run.
//
// Input: a request line "METHOD /path?query", then "name: value" header lines, an empty line
// and the body (FuzzSupport.h). The token is "fuzz-token" (authorization: Bearer fuzz-token).

#include "FuzzSupport.h"

#include "appcore/AppCore.h"
#include "appcore/LocalApi.h"
#include "core/TaskStore.h"

#include <QTimeZone>

#include <cstdlib>
#include <memory>

using namespace UpNext;

namespace {

Task task(const QString &source, const QString &sourceId, const QString &container)
{
    Task task;
    task.source = source;
    task.sourceId = sourceId;
    task.id = Task::makeId(source, sourceId);
    task.title = QStringLiteral("Seeded task");
    task.container = container;
    task.assignedToMe = true;
    task.updatedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
    return task;
}

AppCore *openCore()
{
    auto *core = new AppCore(Profile(Fuzz::scratchDir()));
    core->keepSecretsInMemory();
    QString error;
    if (!core->open(&error) ||
        !core->store()->upsert(
            {task(Sources::GitHub, QStringLiteral("acme/web#1"), QStringLiteral("acme/web")),
             task(Sources::ClickUp, QStringLiteral("86a1b2c3d"), QStringLiteral("901"))}))
        std::abort();
    core->api()->setToken("fuzz-token");
    return core;
}

QHttpServerRequest::Method methodOf(const QByteArray &name)
{
    using Method = QHttpServerRequest::Method;
    static const QHash<QByteArray, Method> methods = {
        {"GET", Method::Get},       {"POST", Method::Post},   {"PUT", Method::Put},
        {"DELETE", Method::Delete}, {"PATCH", Method::Patch}, {"HEAD", Method::Head}};
    return methods.value(name, Method::Unknown);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static AppCore *core = openCore();

    const Fuzz::Message message = Fuzz::splitMessage(data, size, Fuzz::FirstLine::Request);
    const qsizetype space = message.firstLine.indexOf(' ');
    HttpRequest request;
    request.method = methodOf(message.firstLine.left(space));
    request.url =
        QUrl(QStringLiteral("http://127.0.0.1:8787") +
             QString::fromUtf8(space < 0 ? QByteArray() : message.firstLine.mid(space + 1)));
    request.headers = message.headers;
    request.body = message.body;
    request.peer = QHostAddress(QHostAddress::LocalHost);
    // A write with ?wait= answers later (or never, without sources): the reply may outlive
    // this input.
    auto answered = std::make_shared<bool>(false);
    core->api()->handle(request, [answered](const HttpAnswer &) { *answered = true; });
    if (!*answered)
        QCoreApplication::processEvents();
    return 0;
}
