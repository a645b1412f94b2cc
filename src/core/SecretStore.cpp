#include "SecretStore.h"
#include "Logging.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace UpNext {

namespace {

template<typename JobType> JobType *makeJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

QString describe(const QKeychain::Job *job, const QString &key)
{
    return SecretStore::tr("Keychain error for %1: %2").arg(key, job->errorString());
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

void SecretStore::run(QKeychain::Job *job, const QString &key, QObject *context,
                      std::function<void(QKeychain::Job *)> onAnswer,
                      std::function<void(const QString &)> onSilence) const
{
    auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, context,
            [answered, onAnswer = std::move(onAnswer)](QKeychain::Job *finished) {
                if (!std::exchange(*answered, true))
                    onAnswer(finished);
            });
    // Armed before the job starts (it starts from the event loop), so a timeout of 0 always
    // comes first.
    QTimer::singleShot(
        m_timeout, context, [answered, key, timeout = m_timeout, onSilence = std::move(onSilence)] {
            if (std::exchange(*answered, true))
                return;
            const QString error = tr("The keychain did not answer for %1 within %2 s: it may be "
                                     "locked and waiting for a password prompt")
                                      .arg(key)
                                      .arg(std::chrono::duration<double>(timeout).count());
            qCWarning(lcSecrets).noquote() << error;
            onSilence(error);
        });
    job->start();
}

QString SecretStore::keyName(Secret secret, const QString &account)
{
    QString name;
    switch (secret) {
    case Secret::ClickUpToken:
        name = QStringLiteral("clickup-token");
        break;
    case Secret::GitHubToken:
        name = QStringLiteral("github-token");
        break;
    case Secret::ClickUpWebhookSecret:
        name = QStringLiteral("clickup-webhook-secret");
        break;
    case Secret::GitHubWebhookSecret:
        name = QStringLiteral("github-webhook-secret");
        break;
    case Secret::LocalApiToken:
        name = QStringLiteral("local-api-token");
        break;
    }
    return account.isEmpty() ? name : name + QLatin1Char('/') + account;
}

QString SecretStore::environmentVariable(Secret secret)
{
    switch (secret) {
    case Secret::ClickUpToken:
        return QStringLiteral("UPNEXT_CLICKUP_TOKEN");
    case Secret::GitHubToken:
        return QStringLiteral("UPNEXT_GITHUB_TOKEN");
    case Secret::ClickUpWebhookSecret:
        return QStringLiteral("UPNEXT_CLICKUP_WEBHOOK_SECRET");
    case Secret::GitHubWebhookSecret:
        return QStringLiteral("UPNEXT_GITHUB_WEBHOOK_SECRET");
    case Secret::LocalApiToken:
        return {};
    }
    Q_UNREACHABLE();
}

void SecretStore::answerLater(QObject *context, std::function<void()> answer)
{
    QMetaObject::invokeMethod(context, std::move(answer), Qt::QueuedConnection);
}

void SecretStore::read(Secret secret, const QString &account, QObject *context,
                       ReadCallback callback)
{
    if (m_memoryOnly) {
        const auto found = m_memory.constFind(keyName(secret, account));
        const SecretResult result = found == m_memory.cend()
                                        ? SecretResult{SecretResult::Status::NotFound, {}, {}}
                                        : SecretResult{SecretResult::Status::Found, *found, {}};
        answerLater(context, [callback, result] { callback(result); });
        return;
    }
    const QString variable = environmentVariable(secret);
    if (!variable.isEmpty() && qEnvironmentVariableIsSet(variable.toLatin1().constData())) {
        const SecretResult result{
            SecretResult::Status::Found, qEnvironmentVariable(variable.toLatin1().constData()), {}};
        qCDebug(lcSecrets).noquote() << "Using" << variable << "from the environment";
        QMetaObject::invokeMethod(
            context, [callback, result] { callback(result); }, Qt::QueuedConnection);
        return;
    }

    const QString key = keyName(secret, account);
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    const auto answer = [callback, key](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        SecretResult result;
        if (finished->error() == QKeychain::NoError) {
            result.status = SecretResult::Status::Found;
            result.value = readJob->textData();
        } else if (finished->error() == QKeychain::EntryNotFound) {
            result.status = SecretResult::Status::NotFound;
        } else {
            result.error = describe(finished, key);
            qCWarning(lcSecrets).noquote() << result.error;
        }
        callback(result);
    };
    run(job, key, context, answer, [callback](const QString &error) {
        callback({SecretResult::Status::Error, {}, error});
    });
}

void SecretStore::write(Secret secret, const QString &account, const QString &value,
                        QObject *context, DoneCallback callback)
{
    const QString key = keyName(secret, account);
    if (m_memoryOnly) {
        m_memory.insert(key, value);
        answerLater(context, [callback] { callback({}); });
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(value);
    const auto answer = [callback, key](QKeychain::Job *finished) {
        const QString error =
            finished->error() == QKeychain::NoError ? QString() : describe(finished, key);
        if (!error.isEmpty())
            qCWarning(lcSecrets).noquote() << error;
        callback(error);
    };
    run(job, key, context, answer, callback);
}

void SecretStore::remove(Secret secret, const QString &account, QObject *context,
                         DoneCallback callback)
{
    const QString key = keyName(secret, account);
    if (m_memoryOnly) {
        m_memory.remove(key);
        answerLater(context, [callback] { callback({}); });
        return;
    }
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    const auto answer = [callback, key](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError ||
                        finished->error() == QKeychain::EntryNotFound;
        const QString error = ok ? QString() : describe(finished, key);
        if (!error.isEmpty())
            qCWarning(lcSecrets).noquote() << error;
        callback(error);
    };
    run(job, key, context, answer, callback);
}

} // namespace UpNext
