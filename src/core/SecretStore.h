#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace UpNext {

struct SecretResult
{
    enum class Status { Found, NotFound, Error };
    Status status = Status::Error;
    QString value; // the secret when Found
    QString error; // why, when Error
};

// API tokens and webhook secrets in the OS keychain (QtKeychain, service
// "UpNext", one key per secret and account; no plain-text fallback).
// Headless use may set the secret in the environment instead, which then wins
// on read: UPNEXT_CLICKUP_TOKEN, UPNEXT_GITHUB_TOKEN,
// UPNEXT_CLICKUP_WEBHOOK_SECRET, UPNEXT_GITHUB_WEBHOOK_SECRET.
// All calls are asynchronous; the callback runs on context's thread.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Secret {
        ClickUpToken,
        GitHubToken,
        ClickUpWebhookSecret,
        GitHubWebhookSecret,
        LocalApiToken
    };

    using ReadCallback = std::function<void(const SecretResult &)>;
    using DoneCallback = std::function<void(const QString &error)>; // empty error: success

    explicit SecretStore(const QString &service = QStringLiteral("UpNext"),
                         QObject *parent = nullptr);

    QString service() const { return m_service; }

    void read(Secret secret, const QString &account, QObject *context, ReadCallback callback);
    void write(Secret secret, const QString &account, const QString &value, QObject *context,
               DoneCallback callback);
    void remove(Secret secret, const QString &account, QObject *context, DoneCallback callback);

    // The keychain entry's name, e.g. "github-token/api.github.com".
    static QString keyName(Secret secret, const QString &account);
    // The overriding environment variable, or empty when there is none.
    static QString environmentVariable(Secret secret);

private:
    QString m_service;
};

} // namespace UpNext
