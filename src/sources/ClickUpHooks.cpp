#include "ClickUpHooks.h"
#include "SourceErrors.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace UpNext {

namespace {

using SourceErrors::Source;

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QJsonObject hookBody(const QUrl &endpoint, const QStringList &events)
{
    return {{QStringLiteral("endpoint"), endpoint.toString(QUrl::FullyEncoded)},
            {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
}

WebhookResult rejected(const QString &message)
{
    return WebhookResult::failed(SourceErrors::rejected(message));
}

} // namespace

ClickUpHooks::ClickUpHooks(RestClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

Webhook ClickUpHooks::parse(const QJsonObject &json)
{
    Webhook hook;
    hook.id = json.value(QStringLiteral("id")).toString();
    hook.url = QUrl(json.value(QStringLiteral("endpoint")).toString());
    // An array of names, or "*" for every event.
    const QJsonValue events = json.value(QStringLiteral("events"));
    if (events.isString())
        hook.events.append(events.toString());
    for (const QJsonValue &event : events.toArray())
        hook.events.append(event.toString());
    const QJsonObject health = json.value(QStringLiteral("health")).toObject();
    hook.status = health.value(QStringLiteral("status")).toString(QStringLiteral("active"));
    hook.active = hook.status == QLatin1String("active");
    hook.failCount = health.value(QStringLiteral("fail_count")).toInt();
    hook.secret = json.value(QStringLiteral("secret")).toString();
    return hook;
}

void ClickUpHooks::send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                        const Callback &done, std::function<void(const HttpReply &)> handler)
{
    const QByteArray json =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    // Every failure ends the call here; handler sees successes only.
    m_client->send(
        verb, m_client->url(path), json, {}, this,
        [this, done, handler = std::move(handler)](const HttpReply &reply) {
            if (!SourceErrors::isSuccess(reply))
                return done(WebhookResult::failed(
                    SourceErrors::failure(Source::ClickUp, reply, m_clock->now()), reply.status));
            handler(reply);
        });
}

void ClickUpHooks::list(const QString &teamId, QObject *context, Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (teamId.trimmed().isEmpty())
        return done(rejected(tr("ClickUp: no workspace (team) id is set")));
    send("GET", QStringLiteral("/team/%1/webhook").arg(encoded(teamId.trimmed())), {}, done,
         [done](const HttpReply &reply) {
             const QJsonValue webhooks =
                 QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("webhooks"));
             if (!webhooks.isArray())
                 return done(WebhookResult::failed(
                     SourceErrors::malformed(Source::ClickUp, reply,
                                             tr("the answer is not a list of webhooks")),
                     reply.status));
             WebhookResult result;
             result.success = true;
             result.status = reply.status;
             for (const QJsonValue &item : webhooks.toArray()) {
                 const Webhook hook = parse(item.toObject());
                 if (!hook.id.isEmpty())
                     result.hooks.append(hook);
             }
             done(result);
         });
}

void ClickUpHooks::sendWebhook(const QByteArray &verb, const QString &path, const QJsonObject &body,
                               const Callback &done)
{
    send(verb, path, body, done, [done](const HttpReply &reply) {
        const Webhook hook = parse(QJsonDocument::fromJson(reply.body)
                                       .object()
                                       .value(QStringLiteral("webhook"))
                                       .toObject());
        if (hook.id.isEmpty())
            return done(WebhookResult::failed(
                SourceErrors::malformed(Source::ClickUp, reply, tr("the answer is not a webhook")),
                reply.status));
        WebhookResult result;
        result.success = true;
        result.status = reply.status;
        result.hooks.append(hook);
        done(result);
    });
}

void ClickUpHooks::create(const QString &teamId, const QUrl &endpoint, const QStringList &events,
                          QObject *context, Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (teamId.trimmed().isEmpty())
        return done(rejected(tr("ClickUp: no workspace (team) id is set")));
    if (!endpoint.isValid() || endpoint.host().isEmpty() || events.isEmpty())
        return done(rejected(tr("ClickUp: a webhook needs an endpoint and events")));
    sendWebhook("POST", QStringLiteral("/team/%1/webhook").arg(encoded(teamId.trimmed())),
                hookBody(endpoint, events), done);
}

void ClickUpHooks::update(const QString &webhookId, const QUrl &endpoint, const QStringList &events,
                          QObject *context, Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (webhookId.isEmpty() || !endpoint.isValid() || endpoint.host().isEmpty() || events.isEmpty())
        return done(rejected(tr("ClickUp: a webhook needs an id, an endpoint and events")));
    QJsonObject body = hookBody(endpoint, events);
    body.insert(QStringLiteral("status"), QStringLiteral("active"));
    sendWebhook("PUT", QStringLiteral("/webhook/%1").arg(encoded(webhookId)), body, done);
}

void ClickUpHooks::remove(const QString &webhookId, QObject *context, Callback callback)
{
    const Callback done = deliverWebhookResult(context, std::move(callback));
    if (webhookId.isEmpty())
        return done(rejected(tr("ClickUp: no webhook id")));
    send("DELETE", QStringLiteral("/webhook/%1").arg(encoded(webhookId)), {}, done,
         [done](const HttpReply &reply) {
             WebhookResult result;
             result.success = true;
             result.status = reply.status;
             done(result);
         });
}

} // namespace UpNext
