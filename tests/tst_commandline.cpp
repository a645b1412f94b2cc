#include <QDir>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Runs the real `upnext` binary without a display: what needs no window never opens one.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsEveryOption();
    void helpSpeaksTheSystemLanguage();
    void versionNamesUpNextAndQt();
    void unknownOptionIsAnError();
    void badPortIsAnError();
    void headlessReceivesWebhooksUntilTerminated();
    void headlessRefusesAWideAddressWithoutSecrets();
    void oneUpNextPerProfile();
    void demoRunsOnAThrowawayProfile();

private:
    static QProcessEnvironment withoutDisplay();
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &arguments,
                   const QProcessEnvironment &environment = withoutDisplay());
    // The window, drawn nowhere, saying what it does about other launches.
    static QProcessEnvironment offscreen();
};

QProcessEnvironment TestCommandLine::offscreen()
{
    QProcessEnvironment environment = withoutDisplay();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("upnext.profile.info=true;upnext.sync.info=true"));
    return environment;
}

QProcessEnvironment TestCommandLine::withoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return environment;
}

TestCommandLine::Run TestCommandLine::run(const QStringList &arguments,
                                          const QProcessEnvironment &environment)
{
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
    for (const char *option :
         {"--help", "--version", "--profile <dir>", "--sync-once", "--headless", "--port <port>"})
        QVERIFY2(result.out.contains(QLatin1String(option)), option);
    QVERIFY2(result.out.startsWith(QLatin1String("Usage: ")), qPrintable(result.out));
    QVERIFY(!result.out.contains(QLatin1String("platform")));
}

void TestCommandLine::helpSpeaksTheSystemLanguage()
{
    QProcessEnvironment environment = withoutDisplay();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    const Run result = run({QStringLiteral("--help")}, environment);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(QStringLiteral("Ihre nächste Aufgabe aus ClickUp und GitHub.")),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("Diese Hilfe zeigen und beenden.")),
             qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("--profile <dir>")));

    const Run badPort = run({QStringLiteral("--port"), QStringLiteral("x")}, environment);
    QCOMPARE(badPort.exitCode, 2);
    QCOMPARE(badPort.err, QStringLiteral("--port braucht eine Portnummer (0 bis 65535)\n"));
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

void TestCommandLine::badPortIsAnError()
{
    const Run result =
        run({QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("70000")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("--port")), qPrintable(result.err));
}

void TestCommandLine::headlessReceivesWebhooksUntilTerminated()
{
    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    QProcessEnvironment environment = withoutDisplay();
    // No token: no source syncs; the secret from the environment, as a service would set it.
    environment.insert(QStringLiteral("UPNEXT_GITHUB_WEBHOOK_SECRET"), QStringLiteral("s3cret"));
    environment.insert(QStringLiteral("UPNEXT_CLICKUP_WEBHOOK_SECRET"), QStringLiteral("s3cret"));
    QProcess process;
    process.setProcessEnvironment(environment);
    QString err;
    connect(&process, &QProcess::readyReadStandardError, this,
            [&] { err += QString::fromUtf8(process.readAllStandardError()); });
    process.start(QStringLiteral(UPNEXT_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--profile"), profile.path(),
                   QStringLiteral("--port"), QStringLiteral("0")});
    static const QRegularExpression listening(QStringLiteral("listening on port (\\d+)"));
    QTRY_VERIFY_WITH_TIMEOUT(listening.match(err).hasMatch(), 20000);
    const int port = listening.match(err).captured(1).toInt();

    const QByteArray body = R"({"zen":"Keep it logically awesome.","hook_id":1})";
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/webhooks/github").arg(port)));
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("X-GitHub-Event", "ping");
    request.setRawHeader("X-GitHub-Delivery", "d-1");
    request.setRawHeader(
        "X-Hub-Signature-256",
        "sha256=" +
            QMessageAuthenticationCode::hash(body, "s3cret", QCryptographicHash::Sha256).toHex());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.post(request, body);
    QSignalSpy answered(reply, &QNetworkReply::finished);
    QVERIFY(answered.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    QSignalSpy finished(&process, &QProcess::finished);
    process.terminate(); // SIGTERM
    QVERIFY(finished.wait(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QTRY_VERIFY(err.contains(QLatin1String("Stopping")));
}

void TestCommandLine::headlessRefusesAWideAddressWithoutSecrets()
{
    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    QFile settings(profile.filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[webhooks]\naddress=0.0.0.0\n");
    settings.close();
    const Run result = run({QStringLiteral("--headless"), QStringLiteral("--profile"),
                            profile.path(), QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("secret")), qPrintable(result.err));
}

// A second launch on a profile shows the first one's window and ends; --headless there is
// refused; a launch on another profile runs beside them.
void TestCommandLine::oneUpNextPerProfile()
{
    QTemporaryDir work;
    QTemporaryDir home;
    const auto launch = [this](QProcess &process, QString &err, const QString &profile) {
        process.setProcessEnvironment(offscreen());
        connect(&process, &QProcess::readyReadStandardError, this,
                [&] { err += QString::fromUtf8(process.readAllStandardError()); });
        process.start(
            QStringLiteral(UPNEXT_BINARY),
            {QStringLiteral("--profile"), profile, QStringLiteral("--port"), QStringLiteral("0")});
    };
    const auto stop = [](QProcess &process) {
        process.terminate(); // cleanly: its socket goes too
        if (!process.waitForFinished(10000))
            process.kill();
    };
    QProcess first;
    QString firstErr;
    launch(first, firstErr, work.path());
    const auto stopFirst = qScopeGuard([&] { stop(first); });
    QTRY_VERIFY_WITH_TIMEOUT(firstErr.contains(QLatin1String("Listening for other launches")),
                             20000);

    Run second = run({QStringLiteral("--profile"), work.path()}, offscreen());
    QCOMPARE(second.exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(firstErr.contains(QLatin1String("asked for the window")), 10000);
    QCOMPARE(first.state(), QProcess::Running);

    // The desktop entry's actions go to it too, and end at once.
    for (const char *action : {"sync", "done"}) {
        const Run asked = run({QStringLiteral("--") + QLatin1String(action),
                               QStringLiteral("--profile"), work.path()},
                              offscreen());
        QCOMPARE(asked.exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            firstErr.contains(QStringLiteral("asked for \"%1\"").arg(QLatin1String(action))),
            10000);
    }
    QCOMPARE(first.state(), QProcess::Running);

    const Run headless = run({QStringLiteral("--headless"), QStringLiteral("--profile"),
                              work.path(), QStringLiteral("--port"), QStringLiteral("0")});
    QCOMPARE(headless.exitCode, 1);
    QVERIFY2(headless.err.contains(QLatin1String("already runs")), qPrintable(headless.err));

    // A sync from cron leaves it to the running one, which would otherwise send the outbox
    // beside it.
    const qsizetype syncsAsked = firstErr.count(QLatin1String("asked for \"sync\""));
    const Run syncOnce = run({QStringLiteral("--sync-once"), QStringLiteral("--profile"),
                              work.path()});
    QCOMPARE(syncOnce.exitCode, 0);
    QVERIFY2(syncOnce.err.contains(QLatin1String("asked to sync")), qPrintable(syncOnce.err));
    QTRY_COMPARE_WITH_TIMEOUT(firstErr.count(QLatin1String("asked for \"sync\"")),
                              syncsAsked + 1, 10000);

    QProcess other;
    QString otherErr;
    launch(other, otherErr, home.path());
    const auto stopOther = qScopeGuard([&] { stop(other); });
    QTRY_VERIFY_WITH_TIMEOUT(otherErr.contains(QLatin1String("Listening for other launches")),
                             20000);
    QCOMPARE(first.state(), QProcess::Running);
    QCOMPARE(firstErr.count(QLatin1String("asked for the window")), 1); // not by the other
}

// `upnext --demo` needs no account and leaves the real profile (here $UPNEXT_PROFILE) alone.
void TestCommandLine::demoRunsOnAThrowawayProfile()
{
    QProcessEnvironment environment = offscreen();
    QTemporaryDir real;
    environment.insert(QStringLiteral("UPNEXT_PROFILE"), real.path());
    QProcess process;
    process.setProcessEnvironment(environment);
    QString err;
    connect(&process, &QProcess::readyReadStandardError, this,
            [&] { err += QString::fromUtf8(process.readAllStandardError()); });
    process.start(QStringLiteral(UPNEXT_BINARY), {QStringLiteral("--demo")});
    QString directory;
    const auto stop = qScopeGuard([&] {
        process.kill();
        process.waitForFinished();
        if (!directory.isEmpty())
            QDir(directory).removeRecursively(); // killed, it could not
    });
    static const QRegularExpression demo(QStringLiteral("Demo profile \"?([^ \"]+)"));
    QTRY_VERIFY_WITH_TIMEOUT(demo.match(err).hasMatch(), 20000);
    directory = demo.match(err).captured(1);
    QVERIFY2(directory != real.path(), qPrintable(directory));
    QVERIFY(QFile::exists(directory + QStringLiteral("/settings.ini")));
    // Its own profile, not the real one: it is no instance of that.
    QVERIFY(QDir(real.path()).isEmpty());
    QCOMPARE(process.state(), QProcess::Running);

    // Ctrl+C (or a SIGTERM) ends it cleanly, and its folder with it.
    QSignalSpy finished(&process, &QProcess::finished);
    process.terminate();
    QVERIFY(finished.wait(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(!QFile::exists(directory));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
