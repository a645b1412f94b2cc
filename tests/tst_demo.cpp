#include "app/Desktop.h"
#include "app/MainWindow.h"
#include "appcore/AppCore.h"
#include "appcore/ChangeNotifier.h"
#include "appcore/Demo.h"
#include "core/Profile.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace UpNext;
using namespace std::chrono_literals;

// `upnext --demo`: the simulators in this process, a throwaway profile, the window on it.
class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsAndShowsTasksFromBothSources();
    void teammateChangesArriveAtOnceAndNotify();
    void usesNeitherTheRealProfileNorTheKeychain();

private:
    QStringList listedSources() const;

    std::unique_ptr<Demo> m_demo;
    std::unique_ptr<Desktop> m_desktop;
};

void TestDemo::init()
{
    // A real token in the environment must not reach the demo's made-up services.
    qputenv("UPNEXT_GITHUB_TOKEN", "ghp_someones_real_token");
    m_demo = std::make_unique<Demo>();
}

void TestDemo::cleanup()
{
    m_desktop.reset();
    m_demo.reset();
    qunsetenv("UPNEXT_GITHUB_TOKEN");
}

QStringList TestDemo::listedSources() const
{
    const QAbstractItemModel *model = m_desktop->window()->taskView()->model();
    QStringList sources;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, 0).data(Qt::UserRole + 1).toString();
        const QString source = id.section(QLatin1Char(':'), 0, 0);
        if (!sources.contains(source))
            sources.append(source);
    }
    sources.sort();
    return sources;
}

void TestDemo::startsAndShowsTasksFromBothSources()
{
    QString error;
    QVERIFY2(m_demo->open(&error), qPrintable(error));
    m_demo->core()->settings()->setNotifyMorningBriefing(false);
    m_desktop = std::make_unique<Desktop>(m_demo->core());
    m_desktop->setDemo(m_demo->teammateSeconds());
    m_desktop->start(0);
    MainWindow *window = m_desktop->window();
    QTRY_COMPARE_WITH_TIMEOUT(
        listedSources(), (QStringList{QStringLiteral("clickup"), QStringLiteral("github")}), 20000);
    QVERIFY(!window->isShowingEmptyState());
    QVERIFY(!window->isShowingWelcome());

    auto *banner = window->findChild<QWidget *>(QStringLiteral("demoBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    const QString text = window->findChild<QLabel *>(QStringLiteral("demoText"))->text();
    QVERIFY2(text.contains(QStringLiteral("demo")) && text.contains(QStringLiteral("20 seconds")),
             qPrintable(text));
    // Offscreen has no tray, which the window says; nothing else is wrong.
    QCOMPARE(window->problems().size(), 1);
    QVERIFY(window->problems().constFirst().contains(QStringLiteral("no system tray")));
    QVERIFY2(window->windowTitle().startsWith(QStringLiteral("UpNext Demo — ")),
             qPrintable(window->windowTitle()));
    // The status bar names the profile the demo.
    QCOMPARE(window->findChild<QLabel *>(QStringLiteral("profileName"))->text(),
             QStringLiteral("Profile: Demo"));
    // Its clients are there to rank by.
    QVERIFY(QFile::exists(Profile(m_demo->profileDirectory()).entitiesPath()));
}

void TestDemo::teammateChangesArriveAtOnceAndNotify()
{
    m_demo->setTeammateInterval(300ms);
    QString error;
    QVERIFY2(m_demo->open(&error), qPrintable(error));
    AppCore *core = m_demo->core();
    core->settings()->setNotifyMorningBriefing(false);
    QSignalSpy notified(core->notifier(), &ChangeNotifier::notify);
    m_desktop = std::make_unique<Desktop>(core);
    m_desktop->setDemo(m_demo->teammateSeconds());
    m_desktop->start(0);

    // The hooks point at the app's own server, wherever it listens.
    QTRY_COMPARE_WITH_TIMEOUT(m_demo->clickUp().hooks().size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_demo->gitHub().hooks().isEmpty(), 20000);
    const QUrl publicUrl = core->settings()->webhookPublicUrl();
    QCOMPARE(publicUrl.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(publicUrl.port() > 0);
    QCOMPARE(m_demo->clickUp().hooks().constFirst().endpoint.port(), publicUrl.port());

    // The teammate's changes come as deliveries the app takes, and as notifications.
    const auto accepted = [this] {
        int count = 0;
        for (const auto *sender : {&m_demo->clickUp().webhooks(), &m_demo->gitHub().webhooks()}) {
            for (const Sim::SimWebhookSender::Delivery &delivery : sender->deliveries())
                count += delivery.status == 200 ? 1 : 0;
        }
        return count;
    };
    QTRY_VERIFY_WITH_TIMEOUT(accepted() >= 3, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 30000);
}

void TestDemo::usesNeitherTheRealProfileNorTheKeychain()
{
    m_demo->setTeammateInterval(0ms);
    QString error;
    QVERIFY2(m_demo->open(&error), qPrintable(error));
    AppCore *core = m_demo->core();
    const QString directory = m_demo->profileDirectory();
    QVERIFY(directory != Profile::resolveDirectory());
    QVERIFY(core->secrets()->isMemoryOnly());

    // Its made-up token (not the environment's) opens the sources.
    QSignalSpy loaded(core, &AppCore::sourcesLoaded);
    core->loadSources();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toStringList(), QStringList());
    QCOMPARE(core->engine()->sources().size(), 2);
    QSignalSpy finished(core->engine(), &SyncEngine::sourceFinished);
    core->engine()->syncAll();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    for (const QList<QVariant> &result : std::as_const(finished))
        QVERIFY(result.first().value<SourceSyncResult>().ok());

    // Nothing of it in the keychain.
    SecretStore keychain;
    const SyncSources::TokenKey key =
        SyncSources::tokenKey(Sources::ClickUp, core->settings()->clickUpBaseUrl());
    std::optional<SecretResult> read;
    keychain.read(key.secret, key.account, this, [&read](const SecretResult &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY(read->status != SecretResult::Status::Found);
    QFile settings(core->settings()->filePath());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains("pk_"));

    // The folder goes with the demo.
    m_demo.reset();
    QVERIFY(!QFile::exists(directory));
}

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
