#pragma once

#include "WriteResult.h"

#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace UpNext {

// One webhook as ClickUp or GitHub lists it.
struct Webhook
{
    QString id; // ClickUp: a UUID; GitHub: the hook's number
    QUrl url;   // where deliveries go: ClickUp's endpoint, GitHub's config.url
    QStringList events;
    bool active = true;       // GitHub: active; ClickUp: health.status is "active"
    QString status;           // ClickUp: health.status ("active", "failing", "suspended", …)
    int failCount = 0;        // ClickUp: health.fail_count
    QString contentType;      // GitHub: "json" or "form"
    bool insecureSsl = false; // GitHub: config.insecure_ssl is "1"
    bool hasSecret = false;   // GitHub shows only that one is set ("********")
    QString secret;           // ClickUp: the signing secret, which its answers carry. Never log it.
};

// The answer to one webhook call: success, or why not as the writers say it (SourceErrors'
// words, Retry with retryAfter on a rate limit, Unauthorized on a 401), and the hooks.
struct WebhookResult
{
    bool success = false;
    QString message;
    WriteResult::Failure failure = WriteResult::Failure::None;
    QDateTime retryAfter; // with a rate limit: not before this time
    int status = 0;       // the HTTP status; 0 when none arrived
    QList<Webhook> hooks; // list(): all of them; create() and update(): the one

    static WebhookResult failed(const WriteResult &why, int status = 0)
    {
        WebhookResult result;
        result.message = why.message;
        result.failure = why.failure;
        result.retryAfter = why.retryAfter;
        result.status = status;
        return result;
    }
};

using WebhookCallback = std::function<void(const WebhookResult &)>;

// As SourceErrors::deliverTo: the callback runs on context's thread from the event loop (never
// before the call returns), and not at all once context is gone.
inline WebhookCallback deliverWebhookResult(QObject *context, WebhookCallback callback)
{
    return [context = QPointer<QObject>(context), callback](const WebhookResult &result) {
        if (!context)
            return;
        QMetaObject::invokeMethod(
            context.data(), [callback, result] { callback(result); }, Qt::QueuedConnection);
    };
}

} // namespace UpNext
