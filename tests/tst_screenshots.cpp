#include "app/BriefingWindow.h"
#include "app/Desktop.h"
#include "app/MainWindow.h"
#include "app/NowCard.h"
#include "app/SettingsDialog.h"
#include "app/TaskDetails.h"
#include "app/TrayIcon.h"
#include "appcore/AppCore.h"
#include "appcore/Demo.h"
#include "appcore/SourceStatus.h"
#include "core/Settings.h"
#include "sync/SyncEngine.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace UpNext;
using namespace std::chrono_literals;

// The screenshots: the demo as a user meets it, rendered to PNG (in UPNEXT_SCREENSHOTS, else
// UPNEXT_SCREENSHOTS_DIR) — the main window, the tray menu, the settings, the briefing, the
// comment thread, the small window and the offline banner. docs/ keeps two for the README.
class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void mainWindow();
    void trayMenu();
    void settings();
    void briefing();
    void commentThread();
    void smallWindow();
    void offlineBanner(); // last: the simulated services stop answering

private:
    // Saves what widget shows as name.png, after checking it is a picture of something.
    void save(QWidget *widget, const QString &name);
    QString firstTaskOf(const QString &source) const;
    int acceptedDeliveries() const;

    QDir m_dir;
    std::unique_ptr<Demo> m_demo;
    std::unique_ptr<Desktop> m_desktop;
    MainWindow *m_window = nullptr;
};

void TestScreenshots::initTestCase()
{
    m_dir.setPath(qEnvironmentVariableIsSet("UPNEXT_SCREENSHOTS")
                      ? qEnvironmentVariable("UPNEXT_SCREENSHOTS")
                      : QStringLiteral(UPNEXT_SCREENSHOTS_DIR));
    QVERIFY(m_dir.mkpath(QStringLiteral(".")));
    for (const QString &old : m_dir.entryList({QStringLiteral("*.png")}, QDir::Files))
        QVERIFY(m_dir.remove(old));

    m_demo = std::make_unique<Demo>();
    m_demo->setTeammateInterval(0ms); // the test makes the teammate's changes
    QString error;
    QVERIFY2(m_demo->open(&error), qPrintable(error));
    m_demo->core()->settings()->setNotifyMorningBriefing(false);
    m_desktop = std::make_unique<Desktop>(m_demo->core());
    m_desktop->setDemo(Demo::TeammateInterval / 1s);
    m_desktop->start(0);
    m_window = m_desktop->window();
    QTRY_VERIFY_WITH_TIMEOUT(firstTaskOf(QStringLiteral("clickup")) != QString() &&
                                 firstTaskOf(QStringLiteral("github")) != QString(),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_demo->core()->engine()->isIdle(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_demo->gitHub().hooks().isEmpty(), 20000);
}

void TestScreenshots::cleanupTestCase()
{
    m_desktop.reset();
    m_demo.reset();
}

void TestScreenshots::save(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), widget->size() * widget->devicePixelRatio());
    // A picture of something: many colours, not a blank or a single fill.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 16, qPrintable(name));
    QVERIFY(image.save(m_dir.filePath(name + QStringLiteral(".png"))));
}

QString TestScreenshots::firstTaskOf(const QString &source) const
{
    const QAbstractItemModel *model = m_window->taskView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, 0).data(Qt::UserRole + 1).toString();
        if (id.startsWith(source + QLatin1Char(':')))
            return id;
    }
    return {};
}

int TestScreenshots::acceptedDeliveries() const
{
    int count = 0;
    for (const auto *sender : {&m_demo->clickUp().webhooks(), &m_demo->gitHub().webhooks()}) {
        for (const Sim::SimWebhookSender::Delivery &delivery : sender->deliveries())
            count += delivery.status == 200 ? 1 : 0;
    }
    return count;
}

void TestScreenshots::mainWindow()
{
    m_window->resize(1180, 720);
    m_window->openTask(m_window->nowCard()->currentTaskId());
    QTRY_VERIFY(m_window->isVisible());
    save(m_window, QStringLiteral("main-window"));
}

void TestScreenshots::trayMenu()
{
    // The same menu with or without a tray host (the test may run without one).
    std::unique_ptr<TrayIcon> own;
    TrayIcon *tray = m_desktop->tray();
    if (!tray) {
        own = std::make_unique<TrayIcon>(m_demo->core(), m_window);
        tray = own.get();
    }
    QMenu *menu = tray->menu();
    menu->popup(QPoint(40, 40));
    QTRY_VERIFY(menu->isVisible());
    QVERIFY(tray->doneAction()->isEnabled());
    save(menu, QStringLiteral("tray-menu"));
    menu->hide();
}

void TestScreenshots::settings()
{
    m_desktop->showSettings();
    auto *dialog = m_window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The saved token asks the services for the names of the workspace, lists and repos.
    auto *lists = dialog->findChild<QListWidget *>(QStringLiteral("clickUpLists"));
    auto *repos = dialog->findChild<QListWidget *>(QStringLiteral("gitHubRepos"));
    QVERIFY(lists && repos);
    QTRY_VERIFY_WITH_TIMEOUT(lists->count() > 1 && repos->count() > 1, 20000);
    QVERIFY2(!lists->item(0)->text().front().isDigit(), qPrintable(lists->item(0)->text()));
    // The demo's tokens are not in the keychain, and the dialog does not say they are.
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("gitHubToken"))->placeholderText(),
             QStringLiteral("Saved for this session"));
    save(dialog, QStringLiteral("settings"));
    dialog->close();
}

void TestScreenshots::briefing()
{
    // What changed outside since the last briefing: a few of the teammate's changes, arrived
    // by webhook.
    const int before = acceptedDeliveries();
    int changes = 0;
    for (int i = 0; i < 4; ++i)
        changes += m_demo->teammateChange().isEmpty() ? 0 : 1;
    QVERIFY(changes > 0);
    QTRY_VERIFY_WITH_TIMEOUT(acceptedDeliveries() >= before + changes, 20000);

    QVERIFY(!m_window->showBriefing().isEmpty());
    BriefingWindow *briefing = m_window->briefingWindow();
    QVERIFY(briefing);
    QTRY_VERIFY(briefing->isVisible());
    QVERIFY(!briefing->content()->toPlainText().isEmpty());
    briefing->resize(640, 760);
    save(briefing, QStringLiteral("briefing"));
    briefing->close();
}

void TestScreenshots::commentThread()
{
    const QString id = firstTaskOf(QStringLiteral("github"));
    const QString repo = id.section(QLatin1Char(':'), 1).section(QLatin1Char('#'), 0, 0);
    const int number = id.section(QLatin1Char('#'), 1).toInt();
    const QString teammate = m_demo->seeder().teammates().constFirst().login;
    m_demo->gitHub().addComment(
        repo, number, QStringLiteral("I can reproduce this on the staging build too."), teammate);
    m_demo->gitHub().addComment(repo, number,
                                QStringLiteral("Logs attached in the ticket; looks like the "
                                               "session cookie expires early."),
                                teammate);
    m_window->openTask(id);
    auto *thread = m_window->findChild<QTextBrowser *>(QStringLiteral("commentThread"));
    QVERIFY(thread);
    QTRY_VERIFY_WITH_TIMEOUT(thread->isVisible() &&
                                 thread->toPlainText().contains(QStringLiteral("session cookie")),
                             20000);
    // The user's own reply, sent through the outbox.
    auto *box = m_window->findChild<QPlainTextEdit *>(QStringLiteral("commentBox"));
    QVERIFY(box);
    box->setPlainText(QStringLiteral("Thanks — I'll look at the cookie lifetime today."));
    m_window->findChild<QPushButton *>(QStringLiteral("sendComment"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(thread->toPlainText().contains(QStringLiteral("cookie lifetime")),
                             20000);
    save(m_window, QStringLiteral("comment-thread"));
}

void TestScreenshots::smallWindow()
{
    m_window->resize(m_window->minimumSize());
    QTRY_COMPARE(m_window->size(), m_window->minimumSize());
    save(m_window, QStringLiteral("small-window"));
    m_window->resize(1180, 720);
}

void TestScreenshots::offlineBanner()
{
    // Neither service answers any more: after a second failed sync the window says so.
    const Sim::SimFault reset{Sim::SimFault::Kind::Reset};
    m_demo->clickUp().injectFault(QStringLiteral("*"), reset, 1000);
    m_demo->gitHub().injectFault(QStringLiteral("*"), reset, 1000);
    SyncEngine *engine = m_demo->core()->engine();
    SourceStatus *status = m_demo->core()->sourceStatus();
    for (int attempt = 0; attempt < 2; ++attempt) {
        QTRY_VERIFY_WITH_TIMEOUT(engine->isIdle(), 20000);
        QSignalSpy idle(engine, &SyncEngine::idle);
        engine->syncAll();
        QVERIFY(idle.wait(20000));
    }
    QTRY_VERIFY(!status->offlineSources().isEmpty());
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("offlineBanner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    save(m_window, QStringLiteral("offline-banner"));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
