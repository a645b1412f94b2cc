#include "app/Desktop.h"
#include "app/MainWindow.h"
#include "appcore/AppCore.h"
#include "appcore/Demo.h"
#include "appcore/Headless.h"
#include "appcore/SingleInstance.h"
#include "appcore/StopSignals.h"
#include "appcore/SyncOnce.h"
#include "core/Profile.h"
#include "core/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>
#include <optional>

using namespace UpNext;

namespace {

// What the command line says, translated.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Text)
};

void print(FILE *stream, const QString &message)
{
    std::fputs(qPrintable(message), stream);
}

// A launch on a profile where UpNext runs already: the exit code, after saying why when the
// running one is no window that could come to the front.
int handedOff(const SingleInstance &instance, bool inTray,
              std::optional<SingleInstance::Request> action)
{
    if (instance.runningRole() == SingleInstance::WindowRole ||
        (instance.runningRole() == SingleInstance::HeadlessRole &&
         action == SingleInstance::Request::Sync))
        return 0; // it took it: its window is in front, or it syncs
    const QString message =
        instance.runningRole() == SingleInstance::HeadlessRole
            ? Text::tr(
                  "UpNext already runs without a window on this profile (upnext --headless, e.g. "
                  "the upnext-headless service). Stop it to use the window here.")
            : Text::tr("UpNext already runs on this profile but does not answer.");
    print(stderr, message + QLatin1Char('\n'));
    if (!inTray)
        QMessageBox::information(nullptr, QStringLiteral("UpNext"), message);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("upnext"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UPNEXT_VERSION));
    QString profileDirectory;
    int webhookPort = -1;
    bool inTray = false;
    bool demo = false;
    std::optional<SingleInstance::Request> action;
    {
        // Arguments are read before any window system is touched, so --help, --version,
        // a mistyped option and the modes without a window never need a display.
        const QCoreApplication app(argc, argv);
        Translations::install(); // the system's language; the profile's is not known yet
        QCommandLineParser parser;
        parser.setApplicationDescription(Text::tr("Your next task across ClickUp and GitHub."));
        const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                            Text::tr("Show this help and exit."));
        const QCommandLineOption versionOption(
            {QStringLiteral("v"), QStringLiteral("version")},
            Text::tr("Show UpNext's and Qt's versions and exit."));
        const QCommandLineOption profileOption(
            QStringLiteral("profile"),
            Text::tr("Use the profile in <dir> instead of the default (or $UPNEXT_PROFILE)."),
            QStringLiteral("dir"));
        const QCommandLineOption syncOnceOption(
            QStringLiteral("sync-once"),
            Text::tr("Send what waits in the outbox, sync every configured source once, print "
                     "the result and exit, without a window."));
        const QCommandLineOption headlessOption(
            QStringLiteral("headless"),
            Text::tr("Run without a window or display: sync, send the outbox and receive "
                     "webhooks until stopped (SIGTERM or SIGINT)."));
        const QCommandLineOption portOption(
            QStringLiteral("port"),
            Text::tr("Receive webhooks on <port> (default: the settings' port, 8787, or "
                     "$UPNEXT_WEBHOOK_PORT)."),
            QStringLiteral("port"));
        const QCommandLineOption trayOption(
            QStringLiteral("tray"),
            Text::tr("Start in the system tray without showing the window (as at login)."));
        const QCommandLineOption demoOption(
            QStringLiteral("demo"),
            Text::tr("Try UpNext on simulated ClickUp and GitHub services with made-up tasks, on a "
                     "throwaway profile (your own profile and accounts are not touched)."));
        // The desktop entry's actions: told to the UpNext that runs on the profile, or done
        // by this one as it starts.
        const QList<std::pair<QCommandLineOption, SingleInstance::Request>> actionOptions = {
            {QCommandLineOption(QStringLiteral("next"),
                                Text::tr("Show the next task (in the running UpNext).")),
             SingleInstance::Request::Next},
            {QCommandLineOption(QStringLiteral("done"),
                                Text::tr("Mark the current task done (in the running UpNext).")),
             SingleInstance::Request::Done},
            {QCommandLineOption(QStringLiteral("skip"),
                                Text::tr("Skip the current task for today (in the running "
                                         "UpNext).")),
             SingleInstance::Request::Skip},
            {QCommandLineOption(QStringLiteral("sync"),
                                Text::tr("Sync every source now (in the running UpNext).")),
             SingleInstance::Request::Sync}};
        parser.addOptions({helpOption, versionOption, profileOption, syncOnceOption, headlessOption,
                           portOption, trayOption, demoOption});
        for (const auto &[option, request] : actionOptions)
            parser.addOption(option);
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
                print(stderr, Text::tr("--port needs a port number (0 to 65535)\n"));
                return 2;
            }
        }
        inTray = parser.isSet(trayOption);
        demo = parser.isSet(demoOption);
        for (const auto &[option, request] : actionOptions) {
            if (parser.isSet(option))
                action = request;
        }
        if (action && (demo || parser.isSet(headlessOption) || parser.isSet(syncOnceOption))) {
            print(stderr, Text::tr("--next, --done, --skip and --sync go with neither --demo, "
                                   "--headless nor --sync-once\n"));
            return 2;
        }
        if (demo && (parser.isSet(headlessOption) || parser.isSet(syncOnceOption))) {
            print(stderr, Text::tr("--demo runs with its window: it goes with neither --headless "
                                   "nor --sync-once\n"));
            return 2;
        }
        if (parser.isSet(headlessOption)) {
            QTextStream err(stderr);
            // One UpNext per profile: a second would send the same outbox twice.
            SingleInstance instance(profileDirectory);
            instance.setRole(SingleInstance::HeadlessRole);
            // An upnext-cli that holds the profile for one command is waited for.
            if (instance.claimAfterCli(SingleInstance::Request::Ping, std::chrono::seconds(30)) ==
                SingleInstance::Outcome::Running) {
                err << Text::tr("UpNext already runs on the profile %1 (%2)\n")
                           .arg(profileDirectory, instance.runningRole());
                return 1;
            }
            Headless headless(Profile(profileDirectory), webhookPort, err);
            QObject::connect(&instance, &SingleInstance::actionRequested, &headless,
                             [&headless](SingleInstance::Request request) {
                                 if (request == SingleInstance::Request::Sync)
                                     headless.syncNow();
                             });
            return headless.exec();
        }
        if (parser.isSet(syncOnceOption)) {
            QTextStream out(stdout);
            QTextStream err(stderr);
            // Beside a running UpNext it would send the same outbox twice: that one syncs.
            SingleInstance instance(profileDirectory);
            instance.setRole(SingleInstance::CliRole); // for the one sync
            if (instance.claimAfterCli(SingleInstance::Request::Sync, std::chrono::seconds(30)) ==
                SingleInstance::Outcome::Running) {
                err << Text::tr("UpNext already runs on the profile %1 (%2): it was asked to "
                                "sync\n")
                           .arg(profileDirectory, instance.runningRole());
                return 0;
            }
            return SyncOnce(Profile(profileDirectory), out, err).exec();
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("UpNext"));
    QApplication::setDesktopFileName(QStringLiteral(UPNEXT_APP_ID));
    // Ctrl+C or a SIGTERM ends UpNext through the event loop: the demo's folder goes with it.
    // Caught from here on, also while it starts (told once the event loop runs).
    const StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::received, &app, &QCoreApplication::quit);

    // One window per profile: a second launch shows the first one's window. The demo's
    // profile is new each time, so each demo is its own.
    std::unique_ptr<SingleInstance> instance;
    if (!demo) {
        instance = std::make_unique<SingleInstance>(profileDirectory);
        // At login (--tray) nothing is shown: only asked whether one runs.
        const auto request = action   ? *action
                             : inTray ? SingleInstance::Request::Ping
                                      : SingleInstance::Request::Show;
        if (instance->claimAfterCli(request, std::chrono::seconds(30)) ==
            SingleInstance::Outcome::Running)
            return handedOff(*instance, inTray, action);
    }

    std::unique_ptr<Demo> demoCore;
    std::unique_ptr<AppCore> ownCore;
    AppCore *core = nullptr;
    QString error;
    if (demo) {
        demoCore = std::make_unique<Demo>();
        if (demoCore->open(&error))
            core = demoCore->core();
    } else {
        ownCore = std::make_unique<AppCore>(Profile(profileDirectory));
        if (ownCore->open(&error))
            core = ownCore.get();
    }
    if (!core) {
        QMessageBox::critical(nullptr, QStringLiteral("UpNext"), error);
        return 1;
    }
    Desktop desktop(core);
    if (demo) {
        desktop.setDemo(demoCore->teammateSeconds());
        if (webhookPort < 0)
            webhookPort = 0; // any free port: the demo registers its hooks wherever it is
    }
    if (instance) {
        QObject::connect(instance.get(), &SingleInstance::showRequested, desktop.window(),
                         &MainWindow::bringToFront);
        QObject::connect(instance.get(), &SingleInstance::actionRequested, &desktop,
                         &Desktop::perform);
    }
    desktop.start(webhookPort, inTray);
    if (action) // on the stored current task, as the window shows it
        desktop.perform(*action);
    return app.exec();
}
