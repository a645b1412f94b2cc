// settings.ini into Settings: the file is written to a fresh folder and read, then every value
// read as the app reads it (ranges, URLs, lists, weights). Input: the file.

#include "FuzzSupport.h"

#include "core/Settings.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

using namespace UpNext;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A fresh folder each time: an unreadable file is kept aside next to it.
    const QTemporaryDir dir(Fuzz::scratchDir() + QStringLiteral("/XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    QFile file(path);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) ||
        file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        std::abort();
    file.close();

    const Settings settings(path);
    (void)settings.syncIntervalMinutes();
    (void)settings.webhookPort();
    (void)settings.webhookAddress();
    (void)settings.webhookBodyLimitMb();
    (void)settings.webhookSilenceMinutes();
    (void)settings.webhookPublicUrl();
    (void)settings.webhookRegisteredUrls();
    (void)settings.clickUpBaseUrl();
    (void)settings.gitHubBaseUrl();
    (void)settings.notifyExternalChanges();
    (void)settings.notifyMorningBriefing();
    (void)settings.notificationEnabled(QStringLiteral("closed"));
    (void)settings.doNotDisturb();
    (void)settings.briefingTime();
    (void)settings.trayHintShown();
    (void)settings.profileName();
    (void)settings.language();
    (void)settings.gitHubRepos();
    (void)settings.gitHubIncludePullRequests();
    (void)settings.gitHubBlockingLabels();
    (void)settings.clickUpListIds();
    (void)settings.clickUpTeamId();
    (void)settings.gitHubCreateRepo();
    (void)settings.clickUpCreateListId();
    (void)settings.clickUpInProgressStatuses();
    (void)settings.scoreWeights();
    return 0;
}
