#include "core/Settings.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace UpNext;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Writes key = value straight into the INI file, bypassing Settings' validation.
bool writeRaw(const QString &path, const QString &key, const QString &value)
{
    QSettings raw(path, QSettings::IniFormat);
    raw.setValue(key, value);
    raw.sync();
    return raw.status() == QSettings::NoError;
}

// The warning Settings logs once for an invalid stored value.
void expectInvalidWarning(const QString &path, const QString &key, const QString &value)
{
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("^%1: %2 = \"%3\" is invalid \\(expected ")
                                             .arg(QRegularExpression::escape(path),
                                                  QRegularExpression::escape(key),
                                                  QRegularExpression::escape(value))));
}

ScoreWeights customWeights()
{
    ScoreWeights weights;
    weights.revenue = 55.5;
    weights.entityWeight = 12;
    weights.blocking = 31;
    weights.overdue = 26;
    weights.dueToday = 21;
    weights.dueThisWeek = 11;
    weights.dueLater = 1.25;
    weights.noDueDate = -2;
    weights.stalePerDay = 0.75;
    weights.staleAfterDays = 3;
    weights.staleMaxDays = 90;
    weights.inProgress = 16;
    weights.priorityUrgent = 22;
    weights.priorityHigh = 12;
    weights.priorityNormal = 1;
    weights.priorityLow = -10;
    return weights;
}

// The value a getter returns, by name, so data rows can name the getter.
QVariant read(const Settings &settings, const QString &getter)
{
    const ScoreWeights weights = settings.scoreWeights();
    if (getter == QLatin1String("syncIntervalMinutes"))
        return settings.syncIntervalMinutes();
    if (getter == QLatin1String("webhookPort"))
        return settings.webhookPort();
    if (getter == QLatin1String("webhookSilenceMinutes"))
        return settings.webhookSilenceMinutes();
    if (getter == QLatin1String("clickUpBaseUrl"))
        return settings.clickUpBaseUrl();
    if (getter == QLatin1String("gitHubBaseUrl"))
        return settings.gitHubBaseUrl();
    if (getter == QLatin1String("notifyExternalChanges"))
        return settings.notifyExternalChanges();
    if (getter == QLatin1String("notifyMorningBriefing"))
        return settings.notifyMorningBriefing();
    if (getter == QLatin1String("revenue"))
        return weights.revenue;
    if (getter == QLatin1String("stalePerDay"))
        return weights.stalePerDay;
    if (getter == QLatin1String("priorityLow"))
        return weights.priorityLow;
    if (getter == QLatin1String("staleAfterDays"))
        return weights.staleAfterDays;
    if (getter == QLatin1String("staleMaxDays"))
        return weights.staleMaxDays;
    qFatal("unknown getter %s", qPrintable(getter));
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void defaults();
    void roundTrip();
    void language();
    void gitHubEnterpriseBaseUrl_data();
    void gitHubEnterpriseBaseUrl();
    void validStoredValues_data();
    void validStoredValues();
    void invalidStoredValues_data();
    void invalidStoredValues();
    void invalidValueWarnsOnce();
    void settersRejectInvalid_data();
    void settersRejectInvalid();
    void settersAcceptBoundaries();
    void formatErrorProbe_data();
    void formatErrorProbe();
    void corruptFileIsMovedAside();
    void corruptFileOpenedEarlierInProcess();
    void unwritablePath();
    void sourceSettings();
    void invalidSourceSettings();
    void webhookUrls();
    void invalidWebhookUrls();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("settings.ini"));
}

void TestSettings::defaults()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    Settings settings(m_path);
    QVERIFY(settings.loadError().isEmpty());
    QCOMPARE(settings.filePath(), m_path);
    QCOMPARE(settings.syncIntervalMinutes(), 60);
    QCOMPARE(settings.webhookPort(), 8787);
    QCOMPARE(settings.webhookSilenceMinutes(), 30);
    QCOMPARE(settings.clickUpBaseUrl(), QUrl(QStringLiteral("https://api.clickup.com/api/v2")));
    QCOMPARE(settings.gitHubBaseUrl(), QUrl(QStringLiteral("https://api.github.com")));
    QCOMPARE(settings.notifyExternalChanges(), true);
    QCOMPARE(settings.notifyMorningBriefing(), true);
    QCOMPARE(settings.profileName(), QString()); // the window shows the folder's name
    QCOMPARE(settings.scoreWeights(), ScoreWeights{});
    QCOMPARE(settings.scoreWeights().revenue, 40.0);

    QCOMPARE(Settings::DefaultSyncIntervalMinutes, 60);
    QCOMPARE(Settings::DefaultWebhookPort, 8787);

    // Reading creates nothing.
    QVERIFY(settings.sync());
    QVERIFY(!QFile::exists(m_path));
}

void TestSettings::language()
{
    {
        Settings settings(m_path);
        QCOMPARE(settings.language(), QString()); // the system's
        QVERIFY(settings.setLanguage(QStringLiteral("de")));
        QVERIFY(!settings.setLanguage(QStringLiteral("tlh")));
        QVERIFY(settings.sync());
    }
    QCOMPARE(Settings(m_path).language(), QStringLiteral("de"));
    {
        Settings settings(m_path);
        QVERIFY(settings.setLanguage(QString()));
        QVERIFY(settings.sync());
    }
    QCOMPARE(Settings(m_path).language(), QString());

    // A hand-edited unknown language: the system's, with a warning.
    QSettings raw(m_path, QSettings::IniFormat);
    raw.setValue(QStringLiteral("interface/language"), QStringLiteral("xx"));
    raw.sync();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("interface/language")));
    QCOMPARE(Settings(m_path).language(), QString());
}

void TestSettings::roundTrip()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    const ScoreWeights weights = customWeights();
    QVERIFY(!(weights == ScoreWeights{}));
    {
        Settings settings(m_path);
        QVERIFY(settings.setSyncIntervalMinutes(15));
        QVERIFY(settings.setWebhookPort(9090));
        QVERIFY(settings.setClickUpBaseUrl(QUrl(QStringLiteral("http://localhost:8080/clickup"))));
        QVERIFY(settings.setGitHubBaseUrl(QUrl(QStringLiteral("https://ghe.example.com/api/v3"))));
        settings.setNotifyExternalChanges(false);
        settings.setNotifyMorningBriefing(false);
        settings.setProfileName(QStringLiteral(" Demo "));
        settings.setScoreWeights(weights);

        // Visible at once, before sync().
        QCOMPARE(settings.syncIntervalMinutes(), 15);
        QCOMPARE(settings.scoreWeights(), weights);

        QVERIFY(settings.sync());
        QVERIFY(settings.lastError().isEmpty());
    }
    QVERIFY(QFile::exists(m_path));

    Settings reopened(m_path);
    QVERIFY(reopened.loadError().isEmpty());
    QCOMPARE(reopened.syncIntervalMinutes(), 15);
    QCOMPARE(reopened.webhookPort(), 9090);
    QCOMPARE(reopened.clickUpBaseUrl(), QUrl(QStringLiteral("http://localhost:8080/clickup")));
    QCOMPARE(reopened.gitHubBaseUrl(), QUrl(QStringLiteral("https://ghe.example.com/api/v3")));
    QCOMPARE(reopened.notifyExternalChanges(), false);
    QCOMPARE(reopened.notifyMorningBriefing(), false);
    QCOMPARE(reopened.profileName(), QStringLiteral("Demo"));
    QCOMPARE(reopened.scoreWeights(), weights);

    // And back to true.
    reopened.setNotifyExternalChanges(true);
    QVERIFY(reopened.sync());
    QCOMPARE(Settings(m_path).notifyExternalChanges(), true);
}

void TestSettings::gitHubEnterpriseBaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");

    QTest::newRow("trailing slash") << QStringLiteral("https://ghe.example.com/api/v3/")
                                    << QStringLiteral("https://ghe.example.com/api/v3");
    QTest::newRow("no trailing slash") << QStringLiteral("https://ghe.example.com/api/v3")
                                       << QStringLiteral("https://ghe.example.com/api/v3");
    QTest::newRow("with port") << QStringLiteral("https://ghe.example.com:8443/api/v3/")
                               << QStringLiteral("https://ghe.example.com:8443/api/v3");
}

void TestSettings::gitHubEnterpriseBaseUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    {
        Settings settings(m_path);
        QVERIFY(settings.setGitHubBaseUrl(QUrl(url)));
        QCOMPARE(settings.gitHubBaseUrl(), QUrl(expected));
        QVERIFY(settings.sync());
    }
    Settings reopened(m_path);
    QCOMPARE(reopened.gitHubBaseUrl(), QUrl(expected));
    QCOMPARE(reopened.gitHubBaseUrl().toString(), expected);
    // The ClickUp URL is independent.
    QCOMPARE(reopened.clickUpBaseUrl(), Settings::DefaultClickUpBaseUrl);
}

void TestSettings::validStoredValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("getter");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("interval with spaces")
        << QStringLiteral("sync/intervalMinutes") << QStringLiteral(" 30 ")
        << QStringLiteral("syncIntervalMinutes") << QVariant(30);
    QTest::newRow("interval max") << QStringLiteral("sync/intervalMinutes")
                                  << QStringLiteral("1440") << QStringLiteral("syncIntervalMinutes")
                                  << QVariant(1440);
    QTest::newRow("port max") << QStringLiteral("webhooks/port") << QStringLiteral("65535")
                              << QStringLiteral("webhookPort") << QVariant(65535);
    QTest::newRow("webhook silence min")
        << QStringLiteral("webhooks/silenceMinutes") << QStringLiteral("5")
        << QStringLiteral("webhookSilenceMinutes") << QVariant(5);
    QTest::newRow("url trailing slash stripped")
        << QStringLiteral("github/baseUrl") << QStringLiteral("https://ghe.example.com/api/v3/")
        << QStringLiteral("gitHubBaseUrl")
        << QVariant(QUrl(QStringLiteral("https://ghe.example.com/api/v3")));
    QTest::newRow("bool 0") << QStringLiteral("notifications/externalChanges")
                            << QStringLiteral("0") << QStringLiteral("notifyExternalChanges")
                            << QVariant(false);
    QTest::newRow("bool FALSE") << QStringLiteral("notifications/morningBriefing")
                                << QStringLiteral("FALSE")
                                << QStringLiteral("notifyMorningBriefing") << QVariant(false);
    QTest::newRow("negative weight")
        << QStringLiteral("scoring/priorityLow") << QStringLiteral("-12.5")
        << QStringLiteral("priorityLow") << QVariant(-12.5);
    QTest::newRow("weight at max") << QStringLiteral("scoring/revenue") << QStringLiteral("1000")
                                   << QStringLiteral("revenue") << QVariant(1000.0);
    QTest::newRow("staleMaxDays 0") << QStringLiteral("scoring/staleMaxDays") << QStringLiteral("0")
                                    << QStringLiteral("staleMaxDays") << QVariant(0);
}

void TestSettings::validStoredValues()
{
    QFETCH(QString, key);
    QFETCH(QString, raw);
    QFETCH(QString, getter);
    QFETCH(QVariant, expected);

    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    QVERIFY(writeRaw(m_path, key, raw));
    Settings settings(m_path);
    QCOMPARE(read(settings, getter), expected);
}

void TestSettings::invalidStoredValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("getter");
    QTest::addColumn<QVariant>("expected"); // the default

    const QString interval = QStringLiteral("sync/intervalMinutes");
    const QString port = QStringLiteral("webhooks/port");
    const QString clickUp = QStringLiteral("clickup/baseUrl");
    const QString gitHub = QStringLiteral("github/baseUrl");
    const QVariant defaultClickUp(QUrl(QStringLiteral("https://api.clickup.com/api/v2")));
    const QVariant defaultGitHub(QUrl(QStringLiteral("https://api.github.com")));

    QTest::newRow("interval abc") << interval << QStringLiteral("abc")
                                  << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("interval 0") << interval << QStringLiteral("0")
                                << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("interval -5") << interval << QStringLiteral("-5")
                                 << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("interval 99999") << interval << QStringLiteral("99999")
                                    << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("interval 1441") << interval << QStringLiteral("1441")
                                   << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("interval 2.5") << interval << QStringLiteral("2.5")
                                  << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("interval 12abc") << interval << QStringLiteral("12abc")
                                    << QStringLiteral("syncIntervalMinutes") << QVariant(60);
    QTest::newRow("port 70000") << port << QStringLiteral("70000") << QStringLiteral("webhookPort")
                                << QVariant(8787);
    QTest::newRow("port 0") << port << QStringLiteral("0") << QStringLiteral("webhookPort")
                            << QVariant(8787);
    QTest::newRow("port text") << port << QStringLiteral("http") << QStringLiteral("webhookPort")
                               << QVariant(8787);
    QTest::newRow("webhook silence 1")
        << QStringLiteral("webhooks/silenceMinutes") << QStringLiteral("1")
        << QStringLiteral("webhookSilenceMinutes") << QVariant(30);
    QTest::newRow("url ftp") << clickUp << QStringLiteral("ftp://x")
                             << QStringLiteral("clickUpBaseUrl") << defaultClickUp;
    QTest::newRow("url not a url") << gitHub << QStringLiteral("not a url")
                                   << QStringLiteral("gitHubBaseUrl") << defaultGitHub;
    QTest::newRow("url with credentials")
        << gitHub << QStringLiteral("https://user:pass@ghe.example.com/api/v3")
        << QStringLiteral("gitHubBaseUrl") << defaultGitHub;
    QTest::newRow("url with user only") << clickUp << QStringLiteral("https://me@api.clickup.com")
                                        << QStringLiteral("clickUpBaseUrl") << defaultClickUp;
    QTest::newRow("url with query") << clickUp << QStringLiteral("https://api.clickup.com?x=1")
                                    << QStringLiteral("clickUpBaseUrl") << defaultClickUp;
    QTest::newRow("url with fragment") << gitHub << QStringLiteral("https://api.github.com/#top")
                                       << QStringLiteral("gitHubBaseUrl") << defaultGitHub;
    QTest::newRow("url without host") << gitHub << QStringLiteral("https:///api/v3")
                                      << QStringLiteral("gitHubBaseUrl") << defaultGitHub;
    QTest::newRow("url relative") << gitHub << QStringLiteral("/api/v3")
                                  << QStringLiteral("gitHubBaseUrl") << defaultGitHub;
    QTest::newRow("url plain http elsewhere")
        << gitHub << QStringLiteral("http://ghe.example.com/api/v3")
        << QStringLiteral("gitHubBaseUrl") << defaultGitHub;
    QTest::newRow("url plain http lookalike")
        << clickUp << QStringLiteral("http://127.0.0.1.example.com")
        << QStringLiteral("clickUpBaseUrl") << defaultClickUp;
    QTest::newRow("bool maybe") << QStringLiteral("notifications/externalChanges")
                                << QStringLiteral("maybe")
                                << QStringLiteral("notifyExternalChanges") << QVariant(true);
    QTest::newRow("bool yes") << QStringLiteral("notifications/morningBriefing")
                              << QStringLiteral("yes") << QStringLiteral("notifyMorningBriefing")
                              << QVariant(true);
    QTest::newRow("weight NaN") << QStringLiteral("scoring/revenue") << QStringLiteral("NaN")
                                << QStringLiteral("revenue") << QVariant(40.0);
    QTest::newRow("weight inf") << QStringLiteral("scoring/revenue") << QStringLiteral("inf")
                                << QStringLiteral("revenue") << QVariant(40.0);
    QTest::newRow("weight abc") << QStringLiteral("scoring/stalePerDay") << QStringLiteral("abc")
                                << QStringLiteral("stalePerDay") << QVariant(0.5);
    QTest::newRow("weight 1e9") << QStringLiteral("scoring/priorityLow") << QStringLiteral("1e9")
                                << QStringLiteral("priorityLow") << QVariant(-5.0);
    QTest::newRow("weight -1001") << QStringLiteral("scoring/priorityLow")
                                  << QStringLiteral("-1001") << QStringLiteral("priorityLow")
                                  << QVariant(-5.0);
    QTest::newRow("staleAfterDays -1")
        << QStringLiteral("scoring/staleAfterDays") << QStringLiteral("-1")
        << QStringLiteral("staleAfterDays") << QVariant(7);
    QTest::newRow("staleMaxDays 99999")
        << QStringLiteral("scoring/staleMaxDays") << QStringLiteral("99999")
        << QStringLiteral("staleMaxDays") << QVariant(30);
}

void TestSettings::invalidStoredValues()
{
    QFETCH(QString, key);
    QFETCH(QString, raw);
    QFETCH(QString, getter);
    QFETCH(QVariant, expected);

    QVERIFY(writeRaw(m_path, key, raw));
    Settings settings(m_path);
    QVERIFY(settings.loadError().isEmpty());
    expectInvalidWarning(m_path, key, raw);
    QCOMPARE(read(settings, getter), expected);
}

void TestSettings::invalidValueWarnsOnce()
{
    QVERIFY(writeRaw(m_path, QStringLiteral("webhooks/port"), QStringLiteral("70000")));
    Settings settings(m_path);
    expectInvalidWarning(m_path, QStringLiteral("webhooks/port"), QStringLiteral("70000"));
    QCOMPARE(settings.webhookPort(), 8787);

    // Further reads of the same key stay quiet.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("webhooks/port")));
    QCOMPARE(settings.webhookPort(), 8787);
    QCOMPARE(settings.webhookPort(), 8787);
}

void TestSettings::settersRejectInvalid_data()
{
    QTest::addColumn<QString>("setter");
    QTest::addColumn<QVariant>("value");

    QTest::newRow("interval 0") << QStringLiteral("interval") << QVariant(0);
    QTest::newRow("interval -1") << QStringLiteral("interval") << QVariant(-1);
    QTest::newRow("interval 1441") << QStringLiteral("interval") << QVariant(1441);
    QTest::newRow("port 0") << QStringLiteral("port") << QVariant(0);
    QTest::newRow("port 65536") << QStringLiteral("port") << QVariant(65536);
    QTest::newRow("port 70000") << QStringLiteral("port") << QVariant(70000);
    QTest::newRow("port -80") << QStringLiteral("port") << QVariant(-80);
    for (const QString &setter : {QStringLiteral("clickUp"), QStringLiteral("gitHub")}) {
        auto row = [&setter](const char *name, const QString &url) {
            QTest::addRow("%s %s", qPrintable(setter), name)
                << setter << QVariant(QUrl(url, QUrl::TolerantMode));
        };
        row("ftp", QStringLiteral("ftp://x"));
        row("not a url", QStringLiteral("not a url"));
        row("credentials", QStringLiteral("https://user:pass@ghe.example.com/api/v3"));
        row("query", QStringLiteral("https://api.example.com/?token=1"));
        row("fragment", QStringLiteral("https://api.example.com/#x"));
        row("plain http elsewhere", QStringLiteral("http://api.example.com"));
        row("empty", QString());
    }
}

void TestSettings::settersRejectInvalid()
{
    QFETCH(QString, setter);
    QFETCH(QVariant, value);

    const QUrl validUrl(QStringLiteral("https://valid.example.com/api"));
    auto set = [&](Settings &settings, const QVariant &v) {
        if (setter == QLatin1String("interval"))
            return settings.setSyncIntervalMinutes(v.toInt());
        if (setter == QLatin1String("port"))
            return settings.setWebhookPort(v.toInt());
        if (setter == QLatin1String("clickUp"))
            return settings.setClickUpBaseUrl(v.toUrl());
        return settings.setGitHubBaseUrl(v.toUrl());
    };
    auto get = [&](const Settings &settings) -> QVariant {
        if (setter == QLatin1String("interval"))
            return settings.syncIntervalMinutes();
        if (setter == QLatin1String("port"))
            return settings.webhookPort();
        if (setter == QLatin1String("clickUp"))
            return settings.clickUpBaseUrl();
        return settings.gitHubBaseUrl();
    };
    const bool isUrl = setter == QLatin1String("clickUp") || setter == QLatin1String("gitHub");
    const QVariant valid = isUrl ? QVariant(validUrl) : QVariant(42);

    QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
    {
        Settings settings(m_path);
        QVERIFY(set(settings, valid));
        QCOMPARE(get(settings), valid);
        QVERIFY(!set(settings, value));
        QCOMPARE(get(settings), valid);
        QVERIFY(settings.sync());
    }
    Settings reopened(m_path);
    QCOMPARE(get(reopened), valid);
}

void TestSettings::settersAcceptBoundaries()
{
    Settings settings(m_path);
    QVERIFY(settings.setSyncIntervalMinutes(1));
    QCOMPARE(settings.syncIntervalMinutes(), 1);
    QVERIFY(settings.setSyncIntervalMinutes(24 * 60));
    QCOMPARE(settings.syncIntervalMinutes(), 24 * 60);
    QVERIFY(settings.setWebhookPort(1));
    QCOMPARE(settings.webhookPort(), 1);
    QVERIFY(settings.setWebhookPort(65535));
    QCOMPARE(settings.webhookPort(), 65535);
    QVERIFY(settings.setClickUpBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9000"))));
    QCOMPARE(settings.clickUpBaseUrl(), QUrl(QStringLiteral("http://127.0.0.1:9000")));
    // Plain HTTP to this computer only (the simulators), by any loopback name.
    for (const char *url : {"http://localhost:1234", "http://[::1]:1234", "http://127.1.2.3"})
        QVERIFY2(settings.setGitHubBaseUrl(QUrl(QString::fromLatin1(url))), url);
}

// What makes QSettings(..., IniFormat).status() report FormatError in this Qt:
// only an unterminated "[section" header; other junk is read leniently.
void TestSettings::formatErrorProbe_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("formatError");

    QTest::newRow("unclosed section") << QByteArray("[section\nkey=1\n") << true;
    QTest::newRow("unclosed section at end")
        << QByteArray("[sync]\nintervalMinutes=5\n[webhooks") << true;
    QTest::newRow("key without =") << QByteArray("[sync]\nintervalMinutes\n") << false;
    QTest::newRow("binary bytes") << QByteArray("\xff\xfe\x00", 3) << false;
    QTest::newRow("valid") << QByteArray("[sync]\nintervalMinutes=5\n") << false;
}

void TestSettings::formatErrorProbe()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, formatError);

    QVERIFY(writeFile(m_path, content));
    const QSettings probe(m_path, QSettings::IniFormat);
    QCOMPARE(probe.status() == QSettings::FormatError, formatError);
}

void TestSettings::corruptFileIsMovedAside()
{
    const QByteArray corrupt("[sync]\nintervalMinutes=5\n[webhooks\nport=9000\n");
    // Precondition: this content really is a FormatError for QSettings. Checked on a copy:
    // Qt caches parsed INI files per process, so opening m_path itself here would hide
    // the error from Settings (see corruptFileOpenedEarlierInProcess).
    const QString copy = m_dir->filePath(QStringLiteral("copy.ini"));
    QVERIFY(writeFile(copy, corrupt));
    QCOMPARE(QSettings(copy, QSettings::IniFormat).status(), QSettings::FormatError);
    QVERIFY(writeFile(m_path, corrupt));

    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("^The settings file %1 could not be read; "
                                                        "it was kept as %1\\.corrupt-")
                                             .arg(QRegularExpression::escape(m_path))));
    Settings settings(m_path);

    // Exactly one file was kept aside, named <file>.corrupt-<yyyyMMdd-HHmmss>, byte for byte.
    const QStringList aside =
        QDir(m_dir->path()).entryList({QStringLiteral("settings.ini.corrupt-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    static const QRegularExpression name(
        QStringLiteral("^settings\\.ini\\.corrupt-(\\d{8}-\\d{6})(-\\d+)?$"));
    const QRegularExpressionMatch match = name.match(aside.first());
    QVERIFY2(match.hasMatch(), qPrintable(aside.first()));
    QVERIFY(QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss")).isValid());
    const QString asidePath = m_dir->filePath(aside.first());
    QCOMPARE(readFile(asidePath), corrupt);
    QVERIFY(!QFile::exists(m_path));

    QVERIFY(settings.loadError().contains(m_path));
    QVERIFY2(settings.loadError().contains(asidePath), qPrintable(settings.loadError()));

    // Defaults, not the values from the unreadable file.
    QCOMPARE(settings.syncIntervalMinutes(), 60);
    QCOMPARE(settings.webhookPort(), 8787);
    QCOMPARE(settings.scoreWeights(), ScoreWeights{});

    // Saving writes a fresh, readable file and leaves the kept copy alone.
    QVERIFY(settings.setSyncIntervalMinutes(20));
    QVERIFY(settings.sync());
    QCOMPARE(QSettings(m_path, QSettings::IniFormat).status(), QSettings::NoError);
    QCOMPARE(readFile(asidePath), corrupt);
    Settings reopened(m_path);
    QVERIFY(reopened.loadError().isEmpty());
    QCOMPARE(reopened.syncIntervalMinutes(), 20);
}

void TestSettings::corruptFileOpenedEarlierInProcess()
{
    const QByteArray corrupt("[sync]\nintervalMinutes=5\n[webhooks\nport=9000\n");
    QVERIFY(writeFile(m_path, corrupt));
    {
        const QSettings earlier(m_path, QSettings::IniFormat);
        QCOMPARE(earlier.status(), QSettings::FormatError);
    }

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("could not be read; it was kept as")));
    Settings settings(m_path);
    // Qt's per-process cache of parsed files must not hide the damage.
    QVERIFY(!settings.loadError().isEmpty());
    QCOMPARE(QDir(m_dir->path())
                 .entryList({QStringLiteral("settings.ini.corrupt-*")}, QDir::Files)
                 .size(),
             1);
}

void TestSettings::unwritablePath()
{
    // Root ignores permissions, so make the parent directory a regular file.
    const QString blocker = m_dir->filePath(QStringLiteral("not-a-directory"));
    QVERIFY(writeFile(blocker, "x"));
    const QString path = blocker + QStringLiteral("/settings.ini");

    Settings settings(path);
    QVERIFY(settings.lastError().isEmpty());
    QVERIFY(settings.setSyncIntervalMinutes(10));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^Cannot save the settings to %1\\.$")
                                                .arg(QRegularExpression::escape(path))));
    QVERIFY(!settings.sync());
    QVERIFY2(settings.lastError().contains(path), qPrintable(settings.lastError()));
    QCOMPARE(readFile(blocker), QByteArray("x"));
}

void TestSettings::sourceSettings()
{
    {
        Settings settings(m_path);
        QCOMPARE(settings.gitHubRepos(), QStringList());
        QCOMPARE(settings.gitHubIncludePullRequests(), false);
        QCOMPARE(settings.gitHubBlockingLabels(),
                 QStringList({QStringLiteral("blocking"), QStringLiteral("blocker")}));
        QCOMPARE(settings.clickUpListIds(), QStringList());
        QCOMPARE(settings.clickUpTeamId(), QString());
        QCOMPARE(settings.clickUpInProgressStatuses(), QStringList{QStringLiteral("in progress")});

        QVERIFY(settings.setGitHubRepos(
            {QStringLiteral("acme/web"), QStringLiteral("my-org/my.repo_x")}));
        QVERIFY(!settings.setGitHubRepos({QStringLiteral("not a repo")}));
        settings.setGitHubIncludePullRequests(true);
        settings.setGitHubBlockingLabels({QStringLiteral("P0")});
        QVERIFY(settings.setClickUpListIds({QStringLiteral("901"), QStringLiteral("902")}));
        QVERIFY(!settings.setClickUpListIds({QStringLiteral("90 1")}));
        QVERIFY(settings.setClickUpTeamId(QStringLiteral("9015")));
        QVERIFY(!settings.setClickUpTeamId(QString()));
        settings.setClickUpInProgressStatuses({QStringLiteral("doing"), QStringLiteral("review")});
        QVERIFY(settings.sync());
    }
    Settings settings(m_path);
    QCOMPARE(settings.gitHubRepos(),
             QStringList({QStringLiteral("acme/web"), QStringLiteral("my-org/my.repo_x")}));
    QCOMPARE(settings.gitHubIncludePullRequests(), true);
    QCOMPARE(settings.gitHubBlockingLabels(), QStringList{QStringLiteral("P0")});
    QCOMPARE(settings.clickUpListIds(),
             QStringList({QStringLiteral("901"), QStringLiteral("902")}));
    QCOMPARE(settings.clickUpTeamId(), QStringLiteral("9015"));
    QCOMPARE(settings.clickUpInProgressStatuses(),
             QStringList({QStringLiteral("doing"), QStringLiteral("review")}));
    // New tasks go to the first configured repo and list unless told otherwise.
    QCOMPARE(settings.gitHubCreateRepo(), QStringLiteral("acme/web"));
    QCOMPARE(settings.clickUpCreateListId(), QStringLiteral("901"));
    QVERIFY(settings.setGitHubCreateRepo(QStringLiteral("my-org/my.repo_x")));
    QVERIFY(!settings.setGitHubCreateRepo(QStringLiteral("nope")));
    QVERIFY(settings.setClickUpCreateListId(QStringLiteral("902")));
    QCOMPARE(settings.gitHubCreateRepo(), QStringLiteral("my-org/my.repo_x"));
    QCOMPARE(settings.clickUpCreateListId(), QStringLiteral("902"));
    // Empty: back to the first configured.
    QVERIFY(settings.setGitHubCreateRepo({}) && settings.setClickUpCreateListId({}));
    QCOMPARE(settings.gitHubCreateRepo(), QStringLiteral("acme/web"));
    QCOMPARE(settings.clickUpCreateListId(), QStringLiteral("901"));
}

void TestSettings::invalidSourceSettings()
{
    QVERIFY(writeFile(m_path, "[github]\nrepos=acme/web, bad repo name\n[clickup]\nlistIds=901\n"));
    Settings settings(m_path);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("github/repos = .* is invalid")));
    QCOMPARE(settings.gitHubRepos(), QStringList());
    QCOMPARE(settings.clickUpListIds(),
             QStringList{QStringLiteral("901")}); // a single value is a list of one
}

void TestSettings::webhookUrls()
{
    const QUrl tunnel(QStringLiteral("https://abc.trycloudflare.com"));
    const QUrl old(QStringLiteral("https://old.example.net/upnext"));
    {
        Settings settings(m_path);
        QCOMPARE(settings.webhookPublicUrl(), QUrl());
        QCOMPARE(settings.webhookRegisteredUrls(), QList<QUrl>());

        QVERIFY(
            settings.setWebhookPublicUrl(QUrl(QStringLiteral("https://abc.trycloudflare.com/"))));
        for (const QString &bad :
             {QStringLiteral("ftp://abc.example.net"),
              QStringLiteral("https://u:p@abc.example.net"),
              QStringLiteral("https://abc.example.net/?token=x"), QStringLiteral("abc.example.net"),
              QStringLiteral("https://abc.example.net/#x")})
            QVERIFY2(!settings.setWebhookPublicUrl(QUrl(bad)), qPrintable(bad));
        QVERIFY(settings.setWebhookRegisteredUrls({old, tunnel, QUrl(old.toString() + u'/')}));
        QVERIFY(!settings.setWebhookRegisteredUrls({tunnel, QUrl(QStringLiteral("mailto:x@y"))}));
        QVERIFY(settings.sync());
    }
    {
        Settings settings(m_path);
        QCOMPARE(settings.webhookPublicUrl(), tunnel);
        QCOMPARE(settings.webhookRegisteredUrls(), QList<QUrl>({old, tunnel})); // no duplicates
        QVERIFY(settings.setWebhookPublicUrl(QUrl()));
        QVERIFY(settings.setWebhookRegisteredUrls({}));
        QVERIFY(settings.sync());
    }
    Settings settings(m_path);
    QCOMPARE(settings.webhookPublicUrl(), QUrl());
    QCOMPARE(settings.webhookRegisteredUrls(), QList<QUrl>());
    QVERIFY(!readFile(m_path).contains("publicUrl"));
    QVERIFY(!readFile(m_path).contains("registeredUrls"));
}

void TestSettings::invalidWebhookUrls()
{
    QVERIFY(writeFile(m_path, "[webhooks]\npublicUrl=file:///tmp/x\n"
                              "registeredUrls=https://a.example.net, not a url, "
                              "https://b.example.net/x/\n"));
    Settings settings(m_path);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("webhooks/publicUrl = .* is invalid")));
    QCOMPARE(settings.webhookPublicUrl(), QUrl());
    // One bad entry does not cost the others: they are hooks UpNext still has to find.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "webhooks/registeredUrls = .* is invalid")));
    QCOMPARE(settings.webhookRegisteredUrls(),
             QList<QUrl>({QUrl(QStringLiteral("https://a.example.net")),
                          QUrl(QStringLiteral("https://b.example.net/x"))}));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
