#include "core/SecretStore.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace UpNext;

// Runs against the session's real keychain (gnome-keyring in CI, see
// scripts/test.sh), under a service name of its own.
class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void keyNames();
    void environmentVariables();
    void writeReadRemove();
    void secretsArePerAccount();
    void missingSecretIsNotFound();
    void environmentOverridesKeychain();
    void callbackIsNotRunAfterContextIsGone();
    void aKeychainThatDoesNotAnswerInTimeIsAnError();
    void memoryOnlyTouchesNeitherKeychainNorEnvironment();

private:
    SecretResult readNow(SecretStore::Secret secret, const QString &account);
    QString writeNow(SecretStore::Secret secret, const QString &account, const QString &value);
    QString removeNow(SecretStore::Secret secret, const QString &account);

    std::unique_ptr<SecretStore> m_store;
};

void TestSecretStore::initTestCase()
{
    m_store = std::make_unique<SecretStore>(QStringLiteral("UpNext-test-") +
                                            QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString error =
        writeNow(SecretStore::Secret::LocalApiToken, QStringLiteral("probe"), QStringLiteral("x"));
    if (!error.isEmpty()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(qPrintable(QStringLiteral("No usable keychain in CI: ") + error));
        QSKIP(qPrintable(QStringLiteral("No usable keychain (run through scripts/test.sh): ") +
                         error));
    }
    QVERIFY(removeNow(SecretStore::Secret::LocalApiToken, QStringLiteral("probe")).isEmpty());
}

void TestSecretStore::cleanup()
{
    for (const char *name : {"UPNEXT_CLICKUP_TOKEN", "UPNEXT_GITHUB_TOKEN"})
        qunsetenv(name);
}

SecretResult TestSecretStore::readNow(SecretStore::Secret secret, const QString &account)
{
    std::optional<SecretResult> result;
    m_store->read(secret, account, this, [&result](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return {SecretResult::Status::Error, {}, QStringLiteral("timed out")};
    return *result;
}

QString TestSecretStore::writeNow(SecretStore::Secret secret, const QString &account,
                                  const QString &value)
{
    std::optional<QString> error;
    m_store->write(secret, account, value, this, [&error](const QString &e) { error = e; });
    return QTest::qWaitFor([&error] { return error.has_value(); }, 10000)
               ? *error
               : QStringLiteral("timed out");
}

QString TestSecretStore::removeNow(SecretStore::Secret secret, const QString &account)
{
    std::optional<QString> error;
    m_store->remove(secret, account, this, [&error](const QString &e) { error = e; });
    return QTest::qWaitFor([&error] { return error.has_value(); }, 10000)
               ? *error
               : QStringLiteral("timed out");
}

void TestSecretStore::keyNames()
{
    QCOMPARE(
        SecretStore::keyName(SecretStore::Secret::GitHubToken, QStringLiteral("api.github.com")),
        QStringLiteral("github-token/api.github.com"));
    QCOMPARE(SecretStore::keyName(SecretStore::Secret::ClickUpWebhookSecret, QString()),
             QStringLiteral("clickup-webhook-secret"));
    QCOMPARE(SecretStore().service(), QStringLiteral("UpNext"));
}

void TestSecretStore::environmentVariables()
{
    QCOMPARE(SecretStore::environmentVariable(SecretStore::Secret::ClickUpToken),
             QStringLiteral("UPNEXT_CLICKUP_TOKEN"));
    QCOMPARE(SecretStore::environmentVariable(SecretStore::Secret::GitHubToken),
             QStringLiteral("UPNEXT_GITHUB_TOKEN"));
    QCOMPARE(SecretStore::environmentVariable(SecretStore::Secret::ClickUpWebhookSecret),
             QStringLiteral("UPNEXT_CLICKUP_WEBHOOK_SECRET"));
    QCOMPARE(SecretStore::environmentVariable(SecretStore::Secret::GitHubWebhookSecret),
             QStringLiteral("UPNEXT_GITHUB_WEBHOOK_SECRET"));
    QVERIFY(SecretStore::environmentVariable(SecretStore::Secret::LocalApiToken).isEmpty());
}

void TestSecretStore::writeReadRemove()
{
    const QString account = QStringLiteral("api.github.com");
    const QString token = QStringLiteral("ghp_ünïcødé_%1").arg(QUuid::createUuid().toString());
    QCOMPARE(writeNow(SecretStore::Secret::GitHubToken, account, token), QString());

    SecretResult result = readNow(SecretStore::Secret::GitHubToken, account);
    QCOMPARE(result.status, SecretResult::Status::Found);
    QCOMPARE(result.value, token);

    QCOMPARE(writeNow(SecretStore::Secret::GitHubToken, account, QStringLiteral("replaced")),
             QString());
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, account).value, QStringLiteral("replaced"));

    QCOMPARE(removeNow(SecretStore::Secret::GitHubToken, account), QString());
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, account).status,
             SecretResult::Status::NotFound);
    QCOMPARE(removeNow(SecretStore::Secret::GitHubToken, account),
             QString()); // removing twice is fine
}

void TestSecretStore::secretsArePerAccount()
{
    QCOMPARE(writeNow(SecretStore::Secret::GitHubToken, QStringLiteral("api.github.com"),
                      QStringLiteral("public")),
             QString());
    QCOMPARE(writeNow(SecretStore::Secret::GitHubToken, QStringLiteral("ghe.example.com"),
                      QStringLiteral("enterprise")),
             QString());
    QCOMPARE(writeNow(SecretStore::Secret::GitHubWebhookSecret, QStringLiteral("api.github.com"),
                      QStringLiteral("hook")),
             QString());

    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, QStringLiteral("api.github.com")).value,
             QStringLiteral("public"));
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, QStringLiteral("ghe.example.com")).value,
             QStringLiteral("enterprise"));
    QCOMPARE(
        readNow(SecretStore::Secret::GitHubWebhookSecret, QStringLiteral("api.github.com")).value,
        QStringLiteral("hook"));

    for (const auto &[secret, account] :
         {std::pair{SecretStore::Secret::GitHubToken, QStringLiteral("api.github.com")},
          std::pair{SecretStore::Secret::GitHubToken, QStringLiteral("ghe.example.com")},
          std::pair{SecretStore::Secret::GitHubWebhookSecret, QStringLiteral("api.github.com")}})
        QCOMPARE(removeNow(secret, account), QString());
}

void TestSecretStore::missingSecretIsNotFound()
{
    const SecretResult result =
        readNow(SecretStore::Secret::ClickUpToken, QStringLiteral("never-written"));
    QCOMPARE(result.status, SecretResult::Status::NotFound);
    QVERIFY(result.value.isEmpty());
}

void TestSecretStore::environmentOverridesKeychain()
{
    QCOMPARE(writeNow(SecretStore::Secret::ClickUpToken, QStringLiteral("team"),
                      QStringLiteral("pk_keychain")),
             QString());
    qputenv("UPNEXT_CLICKUP_TOKEN", "pk_from_env");
    SecretResult result = readNow(SecretStore::Secret::ClickUpToken, QStringLiteral("team"));
    QCOMPARE(result.status, SecretResult::Status::Found);
    QCOMPARE(result.value, QStringLiteral("pk_from_env"));
    // Other secrets are unaffected.
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, QStringLiteral("team")).status,
             SecretResult::Status::NotFound);

    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    QCOMPARE(readNow(SecretStore::Secret::ClickUpToken, QStringLiteral("team")).value,
             QStringLiteral("pk_keychain"));
    QCOMPARE(removeNow(SecretStore::Secret::ClickUpToken, QStringLiteral("team")), QString());
}

void TestSecretStore::callbackIsNotRunAfterContextIsGone()
{
    qputenv("UPNEXT_GITHUB_TOKEN", "from-env");
    bool called = false;
    auto *context = new QObject;
    m_store->read(SecretStore::Secret::GitHubToken, {}, context,
                  [&called](const SecretResult &) { called = true; });
    delete context;
    // A second read with a live context proves the event loop ran past the first one.
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, {}).value, QStringLiteral("from-env"));
    QVERIFY(!called);
}

void TestSecretStore::aKeychainThatDoesNotAnswerInTimeIsAnError()
{
    // A timeout of 0 passes before any keychain can answer.
    SecretStore hurried(m_store->service());
    hurried.setTimeout(std::chrono::milliseconds(0));
    const QString account = QStringLiteral("hurried");
    const QRegularExpression silence(QStringLiteral("did not answer for local-api-token/hurried"));
    for (int i = 0; i < 3; ++i)
        QTest::ignoreMessage(QtWarningMsg, silence);
    QStringList answers;
    hurried.write(SecretStore::Secret::LocalApiToken, account, QStringLiteral("x"), this,
                  [&answers](const QString &error) { answers.append(error); });
    hurried.read(SecretStore::Secret::LocalApiToken, account, this,
                 [&answers](const SecretResult &result) {
                     answers.append(result.status == SecretResult::Status::Error
                                        ? result.error
                                        : QStringLiteral("read answered"));
                 });
    hurried.remove(SecretStore::Secret::LocalApiToken, account, this,
                   [&answers](const QString &error) { answers.append(error); });
    QTRY_COMPARE(answers.size(), 3);
    for (const QString &answer : std::as_const(answers))
        QVERIFY2(answer.contains(silence), qPrintable(answer));

    // The keychain runs its jobs in order: once a later one is done, so are the three, and
    // their late answers went nowhere.
    QCOMPARE(readNow(SecretStore::Secret::LocalApiToken, account).status,
             SecretResult::Status::NotFound);
    QCOMPARE(answers.size(), 3);
}

// The demo's store: what it keeps stays in it, and a real token in the environment or the
// keychain never reaches the demo's made-up services.
void TestSecretStore::memoryOnlyTouchesNeitherKeychainNorEnvironment()
{
    const QString account = QStringLiteral("127.0.0.1");
    QCOMPARE(writeNow(SecretStore::Secret::ClickUpToken, account, QStringLiteral("pk_real")),
             QString());
    const auto real = qScopeGuard([this, account] {
        QCOMPARE(removeNow(SecretStore::Secret::ClickUpToken, account), QString());
    });
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_real");

    auto keychain = std::exchange(m_store, std::make_unique<SecretStore>(m_store->service()));
    m_store->setMemoryOnly();
    QVERIFY(m_store->isMemoryOnly());
    QCOMPARE(readNow(SecretStore::Secret::ClickUpToken, account).status,
             SecretResult::Status::NotFound);
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, account).status,
             SecretResult::Status::NotFound);
    QCOMPARE(writeNow(SecretStore::Secret::GitHubToken, account, QStringLiteral("ghp_demo")),
             QString());
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, account).value, QStringLiteral("ghp_demo"));
    QCOMPARE(writeNow(SecretStore::Secret::ClickUpToken, account, QStringLiteral("pk_demo")),
             QString());
    QCOMPARE(readNow(SecretStore::Secret::ClickUpToken, account).value, QStringLiteral("pk_demo"));
    QCOMPARE(removeNow(SecretStore::Secret::GitHubToken, account), QString());
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, account).status,
             SecretResult::Status::NotFound);

    // The keychain kept the real one.
    std::swap(m_store, keychain);
    qunsetenv("UPNEXT_GITHUB_TOKEN");
    QCOMPARE(readNow(SecretStore::Secret::ClickUpToken, account).value, QStringLiteral("pk_real"));
    QCOMPARE(readNow(SecretStore::Secret::GitHubToken, account).status,
             SecretResult::Status::NotFound);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
