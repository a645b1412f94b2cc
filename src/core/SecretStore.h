#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

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
// The demo keeps its made-up secrets in memory instead (setMemoryOnly()), so
// they never reach the keychain and the environment's real tokens never reach it.
// All calls are asynchronous; the callback runs once on context's thread, with an error when
// the keychain has not answered within timeout() (a locked keychain waiting on a password
// prompt no one sees would otherwise hold up whatever waits for it).
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

    static constexpr std::chrono::milliseconds DefaultTimeout = std::chrono::seconds(30);

    QString service() const { return m_service; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // From now on secrets live in this object only: neither the keychain nor the environment
    // is read or written (a throwaway profile's secrets, e.g. the demo's).
    void setMemoryOnly() { m_memoryOnly = true; }
    bool isMemoryOnly() const { return m_memoryOnly; }

    void read(Secret secret, const QString &account, QObject *context, ReadCallback callback);
    void write(Secret secret, const QString &account, const QString &value, QObject *context,
               DoneCallback callback);
    void remove(Secret secret, const QString &account, QObject *context, DoneCallback callback);

    // The keychain entry's name, e.g. "github-token/api.github.com".
    static QString keyName(Secret secret, const QString &account);
    // The overriding environment variable, or empty when there is none.
    static QString environmentVariable(Secret secret);

private:
    // Starts job; then onAnswer with it, or onSilence with a message when the keychain did not
    // answer in time: whichever comes first, once.
    void run(QKeychain::Job *job, const QString &key, QObject *context,
             std::function<void(QKeychain::Job *)> onAnswer,
             std::function<void(const QString &)> onSilence) const;

    // Answers from memory, queued as the keychain's are.
    static void answerLater(QObject *context, std::function<void()> answer);

    QString m_service;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    bool m_memoryOnly = false;
    QHash<QString, QString> m_memory; // key name → secret, when memory only
};

} // namespace UpNext
