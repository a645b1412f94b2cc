#include "app/MainWindow.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/Profile.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"
#include "sync/SyncOnce.h"
#include "sync/SyncSources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkInformation>

#include <algorithm>
#include <memory>

using namespace UpNext;

int main(int argc, char *argv[])
{
    // --sync-once needs no display: start without widgets.
    const bool headless = std::any_of(
        argv + 1, argv + argc, [](const char *arg) { return qstrcmp(arg, "--sync-once") == 0; });
    std::unique_ptr<QCoreApplication> app = headless
                                                ? std::make_unique<QCoreApplication>(argc, argv)
                                                : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("upnext"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UPNEXT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Your next task across ClickUp and GitHub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate(
            "main", "Use the profile in <dir> instead of the default (or $UPNEXT_PROFILE)."),
        QStringLiteral("dir"));
    const QCommandLineOption syncOnceOption(
        QStringLiteral("sync-once"),
        QCoreApplication::translate(
            "main", "Sync every configured source once, print the result and exit."));
    parser.addOptions({profileOption, syncOnceOption});
    parser.process(*app);

    const Profile profile(Profile::resolveDirectory(parser.value(profileOption)));
    if (headless) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return SyncOnce(profile, out, err).exec();
    }

    QApplication::setApplicationDisplayName(QStringLiteral("UpNext"));
    QApplication::setDesktopFileName(QStringLiteral("upnext"));
    QString error;
    if (!profile.ensureWritable(&error)) {
        QMessageBox::critical(nullptr, QStringLiteral("UpNext"), error);
        return 1;
    }
    TaskStore store;
    if (!store.open(profile.databasePath())) {
        QMessageBox::critical(nullptr, QStringLiteral("UpNext"), store.lastError());
        return 1;
    }
    const Settings settings(profile.settingsPath());
    Entities entities;
    entities.load(profile.entitiesPath());

    SecretStore secrets;
    Outbox outbox(&store);
    TaskService service(&store, &outbox, &entities);
    service.setScoreWeights(settings.scoreWeights());
    OutboxProcessor processor(&outbox);
    SyncEngine engine(&store, &entities);
    engine.setScoreWeights(settings.scoreWeights());
    engine.setOutbox(&outbox);

    MainWindow window(&store, &entities, &service, &outbox, profile.directory());
    window.addProblem(store.recoveryMessage());
    window.addProblem(settings.loadError());
    window.addProblem(entities.lastError());
    window.setOutboxProcessor(&processor);
    window.show();

    SyncSources sources(&settings, &secrets, &store, &entities, &engine, &processor);
    QObject::connect(&sources, &SyncSources::loaded, &window, [&](const QStringList &problems) {
        for (const QString &problem : problems)
            window.addProblem(problem);
        window.setSyncEngine(&engine);
        window.setCreateDestinations(sources.createDestinations());
        if (engine.sources().isEmpty())
            return;
        engine.start(std::chrono::minutes(settings.syncIntervalMinutes()));
        processor.start();
    });
    // A source that syncs again has a working token and a connection: its writes may go.
    QObject::connect(&engine, &SyncEngine::sourceFinished, &processor,
                     [&processor](const SourceSyncResult &result) {
                         if (result.ok()) {
                             processor.resume(result.source);
                             processor.retryNow();
                         }
                     });
    if (QNetworkInformation::loadDefaultBackend()) {
        QObject::connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged,
                         &processor, [&processor](QNetworkInformation::Reachability reachability) {
                             if (reachability == QNetworkInformation::Reachability::Online)
                                 processor.retryNow();
                         });
    }
    sources.load();
    return app->exec();
}
