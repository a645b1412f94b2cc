#include "app/SettingsDialog.h"
#include "appcore/AppCore.h"
#include "appcore/Autostart.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/Task.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sync/SyncEngine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
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
    void weightsRerankThePreviewLive();
    void okSavesTheWeightsAndRanksTheListAgain();
    void languageIsSavedForTheNextStart();

private:
    template<typename T> T *find(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    QString savedToken(SecretStore::Secret secret, const QString &host);
    // Three open tasks: one blocking, one overdue, one in progress; the store scores them with
    // the default weights. The dialog opens again to see them.
    void addRankedTasks();
    QStringList previewIds() const;
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

void TestSettingsDialog::addRankedTasks()
{
    const QDateTime now = m_core->service()->now();
    const auto task = [&now](const QString &id, const QString &title) {
        Task made;
        made.source = Sources::ClickUp;
        made.sourceId = id;
        made.id = Task::makeId(made.source, id);
        made.title = title;
        made.updatedAt = made.lastActivity = now;
        return made;
    };
    Task blocking = task(QStringLiteral("b"), QStringLiteral("Unblock the release"));
    blocking.isBlocking = true; // 30
    Task overdue = task(QStringLiteral("o"), QStringLiteral("Send the invoice"));
    overdue.dueDate = now.date().addDays(-3); // 25
    Task started = task(QStringLiteral("s"), QStringLiteral("Write the report"));
    started.status = TaskStatus::InProgress; // 15
    QList<Task> tasks{blocking, overdue, started};
    for (Task &each : tasks)
        each.score = m_core->service()->explain(each, now).score;
    QVERIFY(m_core->store()->upsert(tasks));
    m_dialog = std::make_unique<SettingsDialog>(m_core.get());
    find<QTabWidget>("tabs")->setCurrentWidget(find<QWidget>("scoringTab"));
}

QStringList TestSettingsDialog::previewIds() const
{
    const auto *preview = find<QListWidget>("rankingPreview");
    QStringList ids;
    for (int row = 0; row < preview->count(); ++row)
        ids.append(preview->item(row)->data(Qt::UserRole).toString());
    return ids;
}

void TestSettingsDialog::weightsRerankThePreviewLive()
{
    addRankedTasks();
    const QString blocking = Task::makeId(Sources::ClickUp, QStringLiteral("b"));
    const QString overdue = Task::makeId(Sources::ClickUp, QStringLiteral("o"));
    const QString started = Task::makeId(Sources::ClickUp, QStringLiteral("s"));
    QCOMPARE(previewIds(), (QStringList{blocking, overdue, started}));
    QVERIFY(find<QListWidget>("rankingPreview")
                ->item(0)
                ->text()
                .contains(QStringLiteral("Unblock the release")));

    // Work in progress first: the preview follows each step of the spin box.
    auto *inProgress = find<QDoubleSpinBox>("weightInProgress");
    QCOMPARE(inProgress->value(), 15.0);
    inProgress->setValue(50);
    QCOMPARE(previewIds(), (QStringList{started, blocking, overdue}));
    find<QDoubleSpinBox>("weightBlocking")->setValue(0);
    QCOMPARE(previewIds(), (QStringList{started, overdue, blocking}));

    // Nothing is saved until OK; the defaults come back with one button.
    QCOMPARE(m_core->settings()->scoreWeights(), ScoreWeights{});
    QTest::mouseClick(find<QPushButton>("restoreWeights"), Qt::LeftButton);
    QCOMPARE(inProgress->value(), 15.0);
    QCOMPARE(previewIds(), (QStringList{blocking, overdue, started}));
}

void TestSettingsDialog::okSavesTheWeightsAndRanksTheListAgain()
{
    addRankedTasks();
    find<QDoubleSpinBox>("weightOverdue")->setValue(60);
    find<QSpinBox>("weightStaleAfterDays")->setValue(3);
    m_dialog->accept();
    QTRY_VERIFY2(!m_dialog->isVisible(), qPrintable(find<QLabel>("saveError")->text()));

    ScoreWeights expected;
    expected.overdue = 60;
    expected.staleAfterDays = 3;
    QCOMPARE(m_core->settings()->scoreWeights(), expected);
    QCOMPARE(Settings(m_core->profile().settingsPath()).scoreWeights(), expected);
    // The list ranks with them at once, not at the next sync.
    const QList<Task> open = m_core->store()->openTasks();
    QVERIFY(!open.isEmpty());
    QCOMPARE(open.first().id, Task::makeId(Sources::ClickUp, QStringLiteral("o")));
    QCOMPARE(open.first().score, 60.0);

    // A new dialog shows what was saved.
    m_dialog = std::make_unique<SettingsDialog>(m_core.get());
    QCOMPARE(find<QDoubleSpinBox>("weightOverdue")->value(), 60.0);
}

void TestSettingsDialog::languageIsSavedForTheNextStart()
{
    auto *language = find<QComboBox>("language");
    QCOMPARE(language->currentData().toString(), QString()); // the system's
    QVERIFY(find<QLabel>("languageNote")->text().contains(QStringLiteral("next start")));
    language->setCurrentIndex(language->findData(QStringLiteral("de")));
    QCOMPARE(language->currentText(), QStringLiteral("Deutsch"));
    m_dialog->accept();
    QTRY_VERIFY2(!m_dialog->isVisible(), qPrintable(find<QLabel>("saveError")->text()));
    QCOMPARE(Settings(m_core->profile().settingsPath()).language(), QStringLiteral("de"));
    // Not at once: the window keeps its words until the next start.
    QCOMPARE(QCoreApplication::translate("UpNext::MainWindow", "&Sync Now"),
             QStringLiteral("&Sync Now"));

    // The next start speaks German.
    m_dialog.reset();
    m_core = std::make_unique<AppCore>(m_core->profile());
    QString error;
    QVERIFY2(m_core->open(&error), qPrintable(error));
    QCOMPARE(QCoreApplication::translate("UpNext::MainWindow", "&Sync Now"),
             QStringLiteral("&Jetzt synchronisieren"));
    m_dialog = std::make_unique<SettingsDialog>(m_core.get());
    QCOMPARE(find<QLabel>("languageLabel")->text(), QStringLiteral("&Sprache:"));
    QCOMPARE(find<QComboBox>("language")->currentData().toString(), QStringLiteral("de"));

    // Back to the system's language for the tests after.
    find<QComboBox>("language")->setCurrentIndex(0);
    m_dialog->accept();
    QTRY_VERIFY(!m_dialog->isVisible());
    m_core = std::make_unique<AppCore>(m_core->profile());
    QVERIFY2(m_core->open(&error), qPrintable(error));
    QCOMPARE(QCoreApplication::translate("UpNext::MainWindow", "&Sync Now"),
             QStringLiteral("&Sync Now"));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
