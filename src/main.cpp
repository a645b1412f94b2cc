#include "app/MainWindow.h"
#include "core/Entities.h"
#include "core/Profile.h"
#include "core/Settings.h"
#include "core/TaskStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

using namespace UpNext;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("upnext"));
    QApplication::setApplicationDisplayName(QStringLiteral("UpNext"));
    QApplication::setApplicationVersion(QStringLiteral(UPNEXT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("upnext"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Your next task across ClickUp and GitHub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QApplication::translate(
            "main", "Use the profile in <dir> instead of the default (or $UPNEXT_PROFILE)."),
        QStringLiteral("dir"));
    parser.addOption(profileOption);
    parser.process(app);

    const Profile profile(Profile::resolveDirectory(parser.value(profileOption)));
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

    MainWindow window(&store, &entities, profile.directory());
    window.addProblem(store.recoveryMessage());
    window.addProblem(settings.loadError());
    window.addProblem(entities.lastError());
    window.show();
    return app.exec();
}
