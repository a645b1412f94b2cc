#include "core/Profile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void commandLineWins();
    void environmentWinsOverDefault();
    void defaultIsAppDataLocation();
    void paths();
    void createsMissingFolder();
    void fileInPlaceOfFolderIsAClearError();
    void uncreatableFolderIsAClearError();

private:
    QByteArray m_savedProfile;
};

void TestProfile::init()
{
    m_savedProfile = qgetenv("UPNEXT_PROFILE");
}

void TestProfile::cleanup()
{
    qputenv("UPNEXT_PROFILE", m_savedProfile);
}

void TestProfile::commandLineWins()
{
    qputenv("UPNEXT_PROFILE", "/tmp/from-env");
    QCOMPARE(Profile::resolveDirectory(QStringLiteral("/tmp/from-cli")),
             QStringLiteral("/tmp/from-cli"));
    // Relative paths become absolute so the app can change directory safely.
    QCOMPARE(Profile::resolveDirectory(QStringLiteral("rel")),
             QDir::current().absoluteFilePath(QStringLiteral("rel")));
}

void TestProfile::environmentWinsOverDefault()
{
    qputenv("UPNEXT_PROFILE", "/tmp/from-env");
    QCOMPARE(Profile::resolveDirectory(), QStringLiteral("/tmp/from-env"));
}

void TestProfile::defaultIsAppDataLocation()
{
    qunsetenv("UPNEXT_PROFILE");
    QCOMPARE(Profile::resolveDirectory(),
             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY(!Profile::resolveDirectory().isEmpty());
}

void TestProfile::paths()
{
    const Profile profile(QStringLiteral("/data/profile/"));
    QCOMPARE(profile.directory(), QStringLiteral("/data/profile"));
    QCOMPARE(profile.databasePath(), QStringLiteral("/data/profile/upnext.db"));
    QCOMPARE(profile.settingsPath(), QStringLiteral("/data/profile/settings.ini"));
    QCOMPARE(profile.entitiesPath(), QStringLiteral("/data/profile/entities.json"));
}

void TestProfile::createsMissingFolder()
{
    QTemporaryDir dir;
    const Profile profile(dir.filePath(QStringLiteral("a/b/c")));
    QString error;
    QVERIFY2(profile.ensureWritable(&error), qPrintable(error));
    QVERIFY(QFileInfo(profile.directory()).isDir());
    QVERIFY(QDir(profile.directory())
                .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)); // probe removed
}

void TestProfile::fileInPlaceOfFolderIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("profile"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();

    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is a file")));
    QVERIFY(!Profile(path).ensureWritable(&error));
    QVERIFY(error.contains(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

void TestProfile::uncreatableFolderIsAClearError()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    const QString path = blocker + QStringLiteral("/profile");
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot create")));
    QVERIFY(!Profile(path).ensureWritable(&error));
    QVERIFY(error.contains(path));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
