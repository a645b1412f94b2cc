#pragma once

// The in-memory side of a webhook receiver for the webhook targets: a store in the scratch
// folder with a few tasks (so deliveries for tasks UpNext has reach the merge), its outbox,
// webhook log, sync engine and clients, and an input's delivery to a receiver. It lives for
// the whole run: what one input stores, the next input sees, as in the app.

#include "FuzzSupport.h"

#include "core/Clock.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"
#include "core/WebhookLog.h"
#include "server/WebhookReceiver.h"
#include "server/WebhookSignature.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QTimeZone>

#include <cstdlib>

namespace UpNext::Fuzz {

// The user, as the webhook targets' seed corpora name them.
inline const QString GitHubLogin = QStringLiteral("octocat");
inline const QString ClickUpUserId = QStringLiteral("183");

class FuzzProfile
{
public:
    FuzzProfile()
    {
        QFile file(scratchDir() + QStringLiteral("/entities.json"));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(
                R"([{"id":"acme","name":"Acme Corp","revenue":true,"weight":2,"aliases":["acmecorp"]}])") <
                0)
            std::abort();
        file.close();
        if (!entities.load(file.fileName()) ||
            !store.open(scratchDir() + QStringLiteral("/upnext.db")))
            std::abort();
        engine.setOutbox(&outbox);
        if (!engine.state()->setValue(Sources::GitHub, QStringLiteral("login"), GitHubLogin) ||
            !engine.state()->setValue(Sources::ClickUp, QStringLiteral("userId"), ClickUpUserId) ||
            !store.upsert({task(Sources::GitHub, QStringLiteral("acme/web#1")),
                           task(Sources::ClickUp, QStringLiteral("86a1b2c3d"))}))
            std::abort();
    }

    WebhookReceiver::Parts parts() { return {&store, &engine, &log, &entities, Clock::system()}; }

    Entities entities;
    TaskStore store;
    Outbox outbox{&store};
    WebhookLog log{&store};
    SyncEngine engine{&store, &entities};

private:
    static Task task(const QString &source, const QString &sourceId)
    {
        Task task;
        task.source = source;
        task.sourceId = sourceId;
        task.id = Task::makeId(source, sourceId);
        task.title = QStringLiteral("Seeded task");
        task.container =
            source == Sources::GitHub ? QStringLiteral("acme/web") : QStringLiteral("901");
        task.assignedToMe = true;
        task.updatedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc());
        return task;
    }
};

// One input as a delivery to Receiver (ClickUpWebhook, GitHubWebhook), on a profile and
// receiver kept for the whole run. Without its signature header the body is signed with the
// receiver's secret (prefix + hex), so most inputs get past the signature to the parsing.
template<typename Receiver>
void deliver(const uint8_t *data, size_t size, const QByteArray &signatureHeader,
             const QByteArray &signaturePrefix)
{
    static const QByteArray secret = "fuzz-secret";
    static FuzzProfile profile;
    static Receiver *receiver = [] {
        auto *webhook = new Receiver(profile.parts());
        webhook->setSecret(secret);
        return webhook;
    }();

    Message message = splitMessage(data, size, FirstLine::None);
    if (!message.headers.contains(signatureHeader))
        message.headers.insert(signatureHeader,
                               signaturePrefix + WebhookSignature::sign(secret, message.body));
    receiver->handle(message.headers, message.body);
}

} // namespace UpNext::Fuzz
