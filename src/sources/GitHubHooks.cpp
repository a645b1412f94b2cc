#include "GitHubHooks.h"
#include "SourceErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace UpNext {

using namespace Qt::Literals::StringLiterals;

namespace {

using SourceErrors::Source;

// A repo has few hooks (GitHub allows 20 per event); a Link chain longer than this is a loop.
constexpr int MaxPages = 50;

QJsonObject hookBody(const GitHubHooks::Config &config)
{
    QJsonObject settings{{QStringLiteral("url"), config.url.toString(QUrl::FullyEncoded)},
                         {QStringLiteral("content_type"), config.contentType},
                         {QStringLiteral("insecure_ssl"), QStringLiteral("0")}};
    if (!config.secret.isEmpty())
        settings.insert(QStringLiteral("secret"), config.secret);
    return {{QStringLiteral("active"), config.active},
            {QStringLiteral("events"), QJsonArray::fromStringList(config.events)},
            {QStringLiteral("config"), settings}};
}

WebhookResult rejected(const QString &message)
{
    return WebhookResult::failed(SourceErrors::rejected(message));
}

WebhookResult malformed(const HttpReply &reply, const QString &what)
{
    return WebhookResult::failed(SourceErrors::malformed(Source::GitHub, reply, what),
                                 reply.status);
}

} // namespace

GitHubHooks::GitHubHooks(RestClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

bool GitHubHooks::isRepoName(const QString &repo)
{
    // Owner and name, neither of them "." or ".." (which would climb the API path).
    static const QRegularExpression name(
        QStringLiteral(R"(^(?!\.\.?/)[\w.-]+/(?!\.\.?$)[\w.-]+$)"));
    return name.match(repo).hasMatch();
}

Webhook GitHubHooks::parse(const QJsonObject &json)
{
    Webhook hook;
    const qint64 id = json.value(QStringLiteral("id")).toInteger();
    if (id > 0)
        hook.id = QString::number(id);
    const QJsonObject config = json.value(QStringLiteral("config")).toObject();
    hook.url = QUrl(config.value(QStringLiteral("url")).toString());
    hook.contentType =
        config.value(QStringLiteral("content_type")).toString(QStringLiteral("form"));
    // A string in the answers ("0"/"1"), though GitHub takes a number too.
    const QJsonValue insecure = config.value(QStringLiteral("insecure_ssl"));
    hook.insecureSsl =
        insecure.isString() ? insecure.toString() == QLatin1String("1") : insecure.toInt() == 1;
    hook.hasSecret = !config.value(QStringLiteral("secret")).toString().isEmpty();
    for (const QJsonValue &event : json.value(QStringLiteral("events")).toArray())
        hook.events.append(event.toString());
    hook.active = json.value(QStringLiteral("active")).toBool(true);
    hook.status = hook.active ? QStringLiteral("active") : QStringLiteral("inactive");
    return hook;
}

QUrl GitHubHooks::hooksUrl(const QString &repo, const QString &suffix) const
{
    return m_client->url(QStringLiteral("/repos/%1/hooks%2").arg(repo, suffix));
}

void GitHubHooks::send(const QByteArray &verb, const QUrl &url, const QJsonObject &body,
                       const Callback &done, std::function<void(const HttpReply &)> handler)
{
    const QByteArray json =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    // Every failure ends the call here; handler sees successes only.
    m_client->send(
        verb, url, json, {}, this,
        [this, done, handler = std::move(handler)](const HttpReply &reply) {
            if (!SourceErrors::isSuccess(reply))
                return done(WebhookResult::failed(
                    SourceErrors::failure(Source::GitHub, reply, m_clock->now()), reply.status));
            handler(reply);
        });
}

void GitHubHooks::list(const QString &repo, QObject *context, Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (!isRepoName(repo))
        return done(rejected(tr("GitHub: \"%1\" is not a repository").arg(repo)));
    QUrl url = hooksUrl(repo);
    url.setQuery(QStringLiteral("per_page=100"));
    WebhookResult found;
    found.success = true;
    listPage(url, MaxPages, found, done);
}

void GitHubHooks::listPage(const QUrl &url, int pagesLeft, WebhookResult found,
                           const Callback &done)
{
    send("GET", url, {}, done, [this, url, pagesLeft, found, done](const HttpReply &reply) mutable {
        const QJsonDocument document = QJsonDocument::fromJson(reply.body);
        if (!document.isArray())
            return done(malformed(reply, tr("the answer is not a list of hooks")));
        for (const QJsonValue &item : document.array()) {
            const Webhook hook = parse(item.toObject());
            if (!hook.id.isEmpty())
                found.hooks.append(hook);
        }
        found.status = reply.status;
        const QUrl link = m_client->linkedPage(reply, "next"_L1);
        if (link.isEmpty())
            return done(found);
        const QUrl next = url.resolved(link);
        if (next == url || pagesLeft <= 1)
            return done(malformed(reply, tr("the list of hooks does not end")));
        listPage(next, pagesLeft - 1, found, done);
    });
}

void GitHubHooks::sendHook(const QByteArray &verb, const QString &path, const QJsonObject &body,
                           const Callback &done)
{
    send(verb, m_client->url(path), body, done, [done](const HttpReply &reply) {
        const Webhook hook = parse(QJsonDocument::fromJson(reply.body).object());
        if (hook.id.isEmpty())
            return done(malformed(reply, tr("the answer is not a hook")));
        WebhookResult result;
        result.success = true;
        result.status = reply.status;
        result.hooks.append(hook);
        done(result);
    });
}

void GitHubHooks::create(const QString &repo, const Config &config, QObject *context,
                         Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (!isRepoName(repo))
        return done(rejected(tr("GitHub: \"%1\" is not a repository").arg(repo)));
    if (!config.url.isValid() || config.url.host().isEmpty() || config.events.isEmpty())
        return done(rejected(tr("GitHub: a hook needs a URL and events")));
    QJsonObject body = hookBody(config);
    body.insert(QStringLiteral("name"), QStringLiteral("web"));
    sendHook("POST", QStringLiteral("/repos/%1/hooks").arg(repo), body, done);
}

void GitHubHooks::update(const QString &repo, const QString &hookId, const Config &config,
                         QObject *context, Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (!isRepoName(repo))
        return done(rejected(tr("GitHub: \"%1\" is not a repository").arg(repo)));
    if (hookId.toLongLong() <= 0 || !config.url.isValid() || config.url.host().isEmpty() ||
        config.events.isEmpty())
        return done(rejected(tr("GitHub: a hook needs an id, a URL and events")));
    sendHook("PATCH", QStringLiteral("/repos/%1/hooks/%2").arg(repo, hookId), hookBody(config),
             done);
}

void GitHubHooks::remove(const QString &repo, const QString &hookId, QObject *context,
                         Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (!isRepoName(repo) || hookId.toLongLong() <= 0)
        return done(rejected(tr("GitHub: no hook %1 in \"%2\"").arg(hookId, repo)));
    send("DELETE", hooksUrl(repo, QLatin1Char('/') + hookId), {}, done,
         [done](const HttpReply &reply) {
             WebhookResult result;
             result.success = true;
             result.status = reply.status;
             done(result);
         });
}

} // namespace UpNext
