#include "app/Desktop.h"
#include "appcore/AppCore.h"
#include "appcore/Headless.h"
#include "appcore/SyncOnce.h"
#include "core/Profile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>

using namespace UpNext;

namespace {

QString text(const char *source)
{
    return QCoreApplication::translate("main", source);
}

void print(FILE *stream, const QString &message)
{
    std::fputs(qPrintable(message), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("upnext"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UPNEXT_VERSION));
    QString profileDirectory;
    int webhookPort = -1;
    bool inTray = false;
    {
        // Arguments are read before any window system is touched, so --help, --version,
        // a mistyped option and the modes without a window never need a display.
        const QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        parser.setApplicationDescription(text("Your next task across ClickUp and GitHub."));
        const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                            text("Show this help and exit."));
        const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                               text("Show UpNext's and Qt's versions and exit."));
        const QCommandLineOption profileOption(
            QStringLiteral("profile"),
            text("Use the profile in <dir> instead of the default (or $UPNEXT_PROFILE)."),
            QStringLiteral("dir"));
        const QCommandLineOption syncOnceOption(
            QStringLiteral("sync-once"),
            text("Send what waits in the outbox, sync every configured source once, print "
                 "the result and exit, without a window."));
        const QCommandLineOption headlessOption(
            QStringLiteral("headless"),
            text("Run without a window or display: sync, send the outbox and receive "
                 "webhooks until stopped (SIGTERM or SIGINT)."));
        const QCommandLineOption portOption(
            QStringLiteral("port"),
            text("Receive webhooks on <port> (default: the settings' port, 8787, or "
                 "$UPNEXT_WEBHOOK_PORT)."),
            QStringLiteral("port"));
        const QCommandLineOption trayOption(
            QStringLiteral("tray"),
            text("Start in the system tray without showing the window (as at login)."));
        parser.addOptions({helpOption, versionOption, profileOption, syncOnceOption, headlessOption,
                           portOption, trayOption});
        // Qt's own options for the window, which QApplication takes out of the arguments.
        for (const char *name : {"platform", "platformtheme", "style", "stylesheet", "display",
                                 "qwindowgeometry", "qwindowtitle", "qwindowicon"}) {
            QCommandLineOption option(QString::fromLatin1(name), {}, QStringLiteral("value"));
            option.setFlags(QCommandLineOption::HiddenFromHelp);
            parser.addOption(option);
        }
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);

        if (!parser.parse(QCoreApplication::arguments())) {
            print(stderr, parser.errorText() + QLatin1Char('\n'));
            return 2;
        }
        if (parser.isSet(helpOption)) {
            print(stdout, parser.helpText());
            return 0;
        }
        if (parser.isSet(versionOption)) {
            print(stdout,
                  QStringLiteral("UpNext %1 (Qt %2)\n")
                      .arg(QStringLiteral(UPNEXT_VERSION), QString::fromLatin1(qVersion())));
            return 0;
        }
        profileDirectory = Profile::resolveDirectory(parser.value(profileOption));
        if (parser.isSet(portOption)) {
            bool ok = false;
            webhookPort = parser.value(portOption).toInt(&ok);
            if (!ok || webhookPort < 0 || webhookPort > 65535) {
                print(stderr, text("--port needs a port number (0 to 65535)\n"));
                return 2;
            }
        }
        inTray = parser.isSet(trayOption);
        if (parser.isSet(headlessOption)) {
            QTextStream err(stderr);
            return Headless(Profile(profileDirectory), webhookPort, err).exec();
        }
        if (parser.isSet(syncOnceOption)) {
            QTextStream out(stdout);
            QTextStream err(stderr);
            return SyncOnce(Profile(profileDirectory), out, err).exec();
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("UpNext"));
    QApplication::setDesktopFileName(QStringLiteral(UPNEXT_APP_ID));
    AppCore core{Profile(profileDirectory)};
    QString error;
    if (!core.open(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("UpNext"), error);
        return 1;
    }
    Desktop desktop(&core);
    desktop.start(webhookPort, inTray);
    return app.exec();
}
