#include "appcore/Autostart.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;

// The login entry the settings write and remove, in a temporary XDG config folder.
class TestAutostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesAValidEntryAndRemovesIt();
    void hiddenEntryIsOff();
    void unwritableFolderIsAClearError();

private:
    QTemporaryDir m_config;
    const Autostart m_autostart{QStringLiteral("io.github.upnext.UpNext")};
};

void TestAutostart::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    QCOMPARE(m_autostart.entryPath(),
             m_config.filePath(QStringLiteral("autostart/io.github.upnext.UpNext.desktop")));
}

void TestAutostart::writesAValidEntryAndRemovesIt()
{
    QVERIFY(!m_autostart.isEnabled());
    QString error;
    const QStringList command{QStringLiteral("/opt/Up Next/upnext"), QStringLiteral("--tray"),
                              QStringLiteral("--profile"),
                              QStringLiteral("/home/ada/100% \"work\"")};
    QVERIFY2(m_autostart.setEnabled(true, command, &error), qPrintable(error));
    QVERIFY(m_autostart.isEnabled());

    QFile file(m_autostart.entryPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray entry = file.readAll();
    const QByteArray exec =
        "Exec=\"/opt/Up Next/upnext\" \"--tray\" \"--profile\" \"/home/ada/100%% \\\"work\\\"\"";
    QVERIFY2(entry.contains(exec), entry.constData());
    const QString validate =
        QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (!validate.isEmpty()) {
        QProcess process;
        process.start(validate, {m_autostart.entryPath()});
        QVERIFY(process.waitForFinished());
        QVERIFY2(process.exitCode() == 0, process.readAllStandardOutput().constData());
    }

    QVERIFY2(m_autostart.setEnabled(false, {}, &error), qPrintable(error));
    QVERIFY(!QFile::exists(m_autostart.entryPath()));
    QVERIFY(!m_autostart.isEnabled());
    QVERIFY(m_autostart.setEnabled(false, {}, &error)); // already off
}

void TestAutostart::hiddenEntryIsOff()
{
    QString error;
    QVERIFY(m_autostart.setEnabled(true, {QStringLiteral("upnext")}, &error));
    QFile file(m_autostart.entryPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("Hidden=true\n");
    file.close();
    QVERIFY(!m_autostart.isEnabled());
    QVERIFY(m_autostart.setEnabled(false, {}, &error));
}

void TestAutostart::unwritableFolderIsAClearError()
{
    // A file where the autostart folder should be.
    QVERIFY(QDir(m_config.filePath(QStringLiteral("autostart"))).removeRecursively());
    QFile blocker(m_config.filePath(QStringLiteral("autostart")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!m_autostart.setEnabled(true, {QStringLiteral("upnext")}, &error));
    QVERIFY2(error.contains(m_autostart.entryPath()), qPrintable(error));
    QVERIFY(blocker.remove());
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
