#include "appcore/ApiToken.h"
#include "core/SecretStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;

// The local API's token: made once, kept in the keychain and in a file only the user reads.
class TestApiToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void madeOnceKeptPrivately();
    void theFileWinsOverTheKeychain();

private:
    // ensure()'s answer.
    static QByteArray ensure(const Profile &profile, SecretStore *secrets);
};

QByteArray TestApiToken::ensure(const Profile &profile, SecretStore *secrets)
{
    QByteArray token;
    bool answered = false;
    QObject context;
    ApiToken::ensure(profile, secrets, &context,
                     [&](const QByteArray &given, const QString &problem) {
                         QVERIFY2(problem.isEmpty(), qPrintable(problem));
                         token = given;
                         answered = true;
                     });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    }();
    return token;
}

void TestApiToken::madeOnceKeptPrivately()
{
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::Permissions(0x7755)));
    const Profile profile(dir.path());
    SecretStore secrets;
    const QByteArray token = ensure(profile, &secrets);
    QCOMPARE(token.size(), 64);
    QCOMPARE(ApiToken::readFile(profile), token);
    QCOMPARE(QFile::permissions(ApiToken::tokenPath(profile)),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                 QFileDevice::WriteUser);
    QCOMPARE(QFile::permissions(dir.path()) & 0x0077, QFileDevice::Permissions());

    bool read = false;
    secrets.read(SecretStore::Secret::LocalApiToken, profile.directory(), this,
                 [&](const SecretResult &result) {
                     QCOMPARE(result.value.toUtf8(), token);
                     read = true;
                 });
    QTRY_VERIFY(read);
    // The next start keeps it.
    QCOMPARE(ensure(profile, &secrets), token);
    QVERIFY(ApiToken::generate() != token);
}

void TestApiToken::theFileWinsOverTheKeychain()
{
    QTemporaryDir dir;
    const Profile profile(dir.path());
    SecretStore secrets;
    const QByteArray first = ensure(profile, &secrets);
    // The user replaced the file (or restored another profile's): the command line reads the
    // file, so the keychain follows it.
    QString error;
    QVERIFY2(ApiToken::writePrivateFile(ApiToken::tokenPath(profile), "other-token\n", &error),
             qPrintable(error));
    QCOMPARE(ensure(profile, &secrets), QByteArray("other-token"));
    QVERIFY(QFile::remove(ApiToken::tokenPath(profile)));
    // Without the file the keychain's comes back to it.
    QCOMPARE(ensure(profile, &secrets), QByteArray("other-token"));
    QCOMPARE(ApiToken::readFile(profile), QByteArray("other-token"));
    QVERIFY(first != "other-token");
}

QTEST_GUILESS_MAIN(TestApiToken)
#include "tst_apitoken.moc"
