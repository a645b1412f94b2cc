#include <QProcess>
#include <QSignalSpy>
#include <QTest>

// Runs the real `upnext` binary without a display: what needs no window never opens one.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsEveryOption();
    void versionNamesUpNextAndQt();
    void unknownOptionIsAnError();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &arguments);
};

TestCommandLine::Run TestCommandLine::run(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(UPNEXT_BINARY), arguments);
    if (!finished.wait(30000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCommandLine::helpListsEveryOption()
{
    const Run result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    for (const char *option : {"--help", "--version", "--profile <dir>", "--sync-once"})
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
    QVERIFY2(result.out.startsWith(QLatin1String("Usage: ")), qPrintable(result.out));
    QVERIFY(!result.out.contains(QLatin1String("platform")));
}

void TestCommandLine::versionNamesUpNextAndQt()
{
    const Run result = run({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QStringLiteral("UpNext %1 (Qt %2)\n")
                             .arg(QStringLiteral(UPNEXT_VERSION), QLatin1String(qVersion())));
}

void TestCommandLine::unknownOptionIsAnError()
{
    const Run result = run({QStringLiteral("--sink-once")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("Unknown option 'sink-once'")),
             qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
