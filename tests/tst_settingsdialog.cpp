#include "app/SettingsDialog.h"
#include "appcore/AppCore.h"
#include "appcore/Autostart.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/Task.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sync/SyncEngine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Sim;

namespace {

const QString ClickUpToken = QStringLiteral("pk_7_settings");
const QString GitHubToken = QStringLiteral("ghp_settings");

} // namespace

// The settings dialog as a new user meets it: tokens typed and tested against the simulated
// services, workspace, lists and repos picked from their answers, OK saving it all (the
// tokens to the keychain only) and the sources loading with them.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void testConnectionFillsThePickers();
    void wrongTokenShowsTheSourcesWords();
    void okSavesSettingsAndKeepsTokensInTheKeychain();
    void startAtLoginWritesTheAutostartEntry();

private:
    template<typename T> T *find(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    QString savedToken(SecretStore::Secret secret, const QString &host);
    void removeTokens();
    static QListWidgetItem *item(QListWidget *list, const QString &text);

    QTemporaryDir m_config;
    std::unique_ptr<SimClickUp> m_clickUp;
    std::unique_ptr<SimGitHub> m_gitHub;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<SettingsDialog> m_dialog;
};

void TestSettingsDialog::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    qunsetenv("UPNEXT_CLICKUP_TOKEN");
    qunsetenv("UPNEXT_GITHUB_TOKEN");
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.upnext.UpNext"));
}

void TestSettingsDialog::init()
{
    m_clickUp = std::make_unique<SimClickUp>();
    QVERIFY(m_clickUp->listen() > 0);
    m_clickUp->addUser(7, QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.com"),
                       ClickUpToken);
    m_clickUp->setTeamName(QStringLiteral("Acme"));
    m_clickUp->addList(QStringLiteral("901"), QStringLiteral("Sprint"));
    m_clickUp->addList(QStringLiteral("902"), QStringLiteral("Backlog"));
    m_gitHub = std::make_unique<SimGitHub>();
    QVERIFY(m_gitHub->listen() > 0);
    m_gitHub->addUser(QStringLiteral("ada"), GitHubToken);
    m_gitHub->addRepo(QStringLiteral("acme/web"));
    m_gitHub->addRepo(QStringLiteral("acme/api"));

    m_dir = std::make_unique<QTemporaryDir>();
    const Profile profile(m_dir->path());
    {
        Settings settings(profile.settingsPath());
        // The simulated ClickUp stands at its own address; GitHub's is typed in the dialog.
        QVERIFY(settings.setClickUpBaseUrl(m_clickUp->baseUrl()) && settings.sync());
    }
    m_core = std::make_unique<AppCore>(profile);
    QString error;
    QVERIFY2(m_core->open(&error), qPrintable(error));
    removeTokens();
    m_dialog = std::make_unique<SettingsDialog>(m_core.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestSettingsDialog::cleanup()
{
    m_dialog.reset();
    removeTokens();
    m_core.reset();
}

QString TestSettingsDialog::savedToken(SecretStore::Secret secret, const QString &host)
{
    SecretResult found;
    bool answered = false;
    m_core->secrets()->read(secret, host, m_core.get(), [&](const SecretResult &result) {
        found = result;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        return QStringLiteral("(no answer)");
    return found.value;
}

void TestSettingsDialog::removeTokens()
{
    for (const auto &[secret, host] :
         {std::pair(SecretStore::Secret::ClickUpToken, m_clickUp->baseUrl().host()),
          std::pair(SecretStore::Secret::GitHubToken, m_gitHub->baseUrl().host())}) {
        bool removed = false;
        m_core->secrets()->remove(secret, host, m_core.get(),
                                  [&removed](const QString &) { removed = true; });
        QTRY_VERIFY(removed);
    }
}

QListWidgetItem *TestSettingsDialog::item(QListWidget *list, const QString &text)
{
    const QList<QListWidgetItem *> found = list->findItems(text, Qt::MatchExactly);
    return found.isEmpty() ? nullptr : found.first();
}

void TestSettingsDialog::testConnectionFillsThePickers()
{
    QTest::keyClicks(find<QLineEdit>("clickUpToken"), ClickUpToken);
    QTest::mouseClick(find<QPushButton>("clickUpTest"), Qt::LeftButton);
    QTRY_COMPARE(find<QLabel>("clickUpStatus")->text(),
                 QStringLiteral("Connected as Ada Lovelace"));
    QTRY_COMPARE(find<QComboBox>("clickUpWorkspace")->currentText(), QStringLiteral("Acme"));
    auto *lists = find<QListWidget>("clickUpLists");
    QTRY_COMPARE(lists->count(), 2);
    QCOMPARE(lists->item(0)->text(), QStringLiteral("Space / Backlog"));
    QCOMPARE(find<QComboBox>("clickUpCreateList")->count(), 3); // and "the first one read"

    QTest::keyClicks(find<QLineEdit>("gitHubServer"), m_gitHub->baseUrl().toString());
    QTest::keyClicks(find<QLineEdit>("gitHubToken"), GitHubToken);
    QTest::mouseClick(find<QPushButton>("gitHubTest"), Qt::LeftButton);
    QTRY_COMPARE(find<QLabel>("gitHubStatus")->text(), QStringLiteral("Connected as ada"));
    auto *repos = find<QListWidget>("gitHubRepos");
    QTRY_COMPARE(repos->count(), 2);
    QCOMPARE(repos->item(0)->text(), QStringLiteral("acme/api"));
    QVERIFY(!repos->isEnabled()); // "All issues assigned to me" until "Only from" is picked
    find<QRadioButton>("gitHubSomeRepos")->click();
    QVERIFY(repos->isEnabled());
    if (qEnvironmentVariableIsSet("UPNEXT_SCREENSHOTS"))
        m_dialog->grab().save(QDir(qEnvironmentVariable("UPNEXT_SCREENSHOTS"))
                                  .filePath(QStringLiteral("settings-accounts.png")));
}

void TestSettingsDialog::wrongTokenShowsTheSourcesWords()
{
    QTest::keyClicks(find<QLineEdit>("clickUpToken"), QStringLiteral("pk_wrong"));
    QTest::mouseClick(find<QPushButton>("clickUpTest"), Qt::LeftButton);
    QTRY_VERIFY(find<QLabel>("clickUpStatus")->text().startsWith(u"ClickUp error: 401"));
    QCOMPARE(find<QListWidget>("clickUpLists")->count(), 0);

    find<QLineEdit>("gitHubServer")->setText(QStringLiteral("not a server"));
    QTest::keyClicks(find<QLineEdit>("gitHubToken"), GitHubToken);
    QTest::mouseClick(find<QPushButton>("gitHubTest"), Qt::LeftButton);
    QTRY_VERIFY(!find<QLabel>("gitHubStatus")->text().startsWith(u"Connected"));
}

void TestSettingsDialog::okSavesSettingsAndKeepsTokensInTheKeychain()
{
    QTest::keyClicks(find<QLineEdit>("clickUpToken"), ClickUpToken);
    QTest::mouseClick(find<QPushButton>("clickUpTest"), Qt::LeftButton);
    auto *lists = find<QListWidget>("clickUpLists");
    QTRY_COMPARE(lists->count(), 2);
    item(lists, QStringLiteral("Space / Sprint"))->setCheckState(Qt::Checked);
    auto *createList = find<QComboBox>("clickUpCreateList");
    createList->setCurrentIndex(createList->findText(QStringLiteral("Space / Sprint")));

    find<QLineEdit>("gitHubServer")->setText(m_gitHub->baseUrl().toString());
    QTest::keyClicks(find<QLineEdit>("gitHubToken"), GitHubToken);
    QTest::mouseClick(find<QPushButton>("gitHubTest"), Qt::LeftButton);
    auto *repos = find<QListWidget>("gitHubRepos");
    QTRY_COMPARE(repos->count(), 2);
    find<QRadioButton>("gitHubSomeRepos")->click();
    item(repos, QStringLiteral("acme/web"))->setCheckState(Qt::Checked);

    find<QSpinBox>("syncInterval")->setValue(30);
    find<QCheckBox>("notifyCommented")->setChecked(false);
    find<QCheckBox>("doNotDisturb")->setChecked(true);

    QSignalSpy loaded(m_core.get(), &AppCore::sourcesLoaded);
    QSignalSpy saved(m_dialog.get(), &SettingsDialog::saved);
    QTest::mouseClick(find<QDialogButtonBox>("buttons")->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY2(saved.size() == 1, qPrintable(find<QLabel>("saveError")->text()));
    QTRY_VERIFY(!m_dialog->isVisible());
    QVERIFY(find<QLabel>("saveError")->isHidden());

    const Settings &settings = *m_core->settings();
    QCOMPARE(settings.clickUpTeamId(), m_clickUp->teamId());
    QCOMPARE(settings.clickUpListIds(), QStringList{QStringLiteral("901")});
    QCOMPARE(settings.clickUpCreateListId(), QStringLiteral("901"));
    QCOMPARE(settings.gitHubBaseUrl(), m_gitHub->baseUrl());
    QCOMPARE(settings.gitHubRepos(), QStringList{QStringLiteral("acme/web")});
    QCOMPARE(settings.syncIntervalMinutes(), 30);
    QVERIFY(!settings.notificationEnabled(QStringLiteral("commented")));
    QVERIFY(settings.notificationEnabled(QStringLiteral("closed")));
    QVERIFY(settings.doNotDisturb());

    // The tokens are in the keychain, and nowhere in the settings file.
    QCOMPARE(savedToken(SecretStore::Secret::ClickUpToken, m_clickUp->baseUrl().host()),
             ClickUpToken);
    QCOMPARE(savedToken(SecretStore::Secret::GitHubToken, m_gitHub->baseUrl().host()), GitHubToken);
    QFile file(settings.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY(!ini.contains(ClickUpToken.toUtf8()) && !ini.contains(GitHubToken.toUtf8()));

    // The sources load again with them.
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QStringList sources = m_core->engine()->sources();
    sources.sort();
    QCOMPARE(sources, (QStringList{Sources::ClickUp, Sources::GitHub}));
}

void TestSettingsDialog::startAtLoginWritesTheAutostartEntry()
{
    const Autostart autostart(QStringLiteral("io.github.upnext.UpNext"));
    QVERIFY(!find<QCheckBox>("startAtLogin")->isChecked());
    find<QCheckBox>("startAtLogin")->setChecked(true);
    m_dialog->accept();
    QTRY_VERIFY2(!m_dialog->isVisible(), qPrintable(find<QLabel>("saveError")->text()));
    QVERIFY(autostart.isEnabled());
    QFile entry(autostart.entryPath());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    QVERIFY(entry.readAll().contains("\"--tray\""));

    // Off again, from a new dialog that shows it on.
    m_dialog = std::make_unique<SettingsDialog>(m_core.get());
    QVERIFY(find<QCheckBox>("startAtLogin")->isChecked());
    find<QCheckBox>("startAtLogin")->setChecked(false);
    m_dialog->accept();
    QVERIFY(!autostart.isEnabled());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
