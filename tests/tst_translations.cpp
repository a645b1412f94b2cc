#include "core/Translations.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace UpNext;

namespace {

QString translate(const char *context, const char *text, int n = -1)
{
    return QCoreApplication::translate(context, text, nullptr, n);
}

// One message of a .ts file.
struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = {context, {}, {}, {}};
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plain text, or numerusform children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations.append(xml.readElementText());
            }
            if (message.translations.isEmpty())
                message.translations.append(text);
            messages.append(message);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

// The placeholders of a text, sorted: %1 … %99 and %n.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

} // namespace

// UpNext speaks English and German: the translations load from the binary, Qt's own German
// joins where the system has it, and upnext_de.ts is complete and keeps every placeholder.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void germanLoads();
    void englishHasItsPlurals();
    void unknownLanguageFallsBackToTheSystems();
    void qtsOwnGermanJoins();
    void germanIsCompleteAndKeepsPlaceholders();
    void nativeNames();
};

void TestTranslations::cleanup()
{
    Translations::install(QStringLiteral("en"));
    QLocale::setDefault(QLocale::system());
}

void TestTranslations::germanLoads()
{
    QCOMPARE(Translations::install(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(translate("UpNext::MainWindow", "&Sync Now"),
             QStringLiteral("&Jetzt synchronisieren"));
    QCOMPARE(translate("UpNext::TrayIcon", "&Quit UpNext"), QStringLiteral("UpNext &beenden"));
    QCOMPARE(translate("SettingsDialog", "Settings"), QStringLiteral("Einstellungen")); // the .ui
    QCOMPARE(translate("UpNext::MainWindow", "%n open tasks", 1),
             QStringLiteral("1 offene Aufgabe"));
    QCOMPARE(translate("UpNext::MainWindow", "%n open tasks", 3),
             QStringLiteral("3 offene Aufgaben"));
    // German quotes around titles.
    QCOMPARE(translate("UpNext::TaskText", "“%1”").arg(QStringLiteral("Fix")),
             QStringLiteral("„Fix“"));
    if (QLocale::system().language() != QLocale::German)
        QCOMPARE(QLocale().language(), QLocale::German); // dates read in German too

    // Installing again replaces: English is back.
    QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(translate("UpNext::MainWindow", "&Sync Now"), QStringLiteral("&Sync Now"));
}

void TestTranslations::englishHasItsPlurals()
{
    Translations::install(QStringLiteral("en"));
    QCOMPARE(translate("UpNext::MainWindow", "%n open tasks", 1), QStringLiteral("1 open task"));
    QCOMPARE(translate("UpNext::MainWindow", "%n open tasks", 2), QStringLiteral("2 open tasks"));
    QCOMPARE(translate("UpNext::Scorer", "%n days", 1), QStringLiteral("1 day"));
    QCOMPARE(translate("UpNext::OutboxDialog",
                       "Discard these %n changes? They will never reach their source.", 1),
             QStringLiteral("Discard this change? It will never reach its source."));
}

void TestTranslations::unknownLanguageFallsBackToTheSystems()
{
    QCOMPARE(Translations::install(QStringLiteral("tlh")), Translations::systemLanguage());
    QCOMPARE(Translations::install(QString()), Translations::systemLanguage());
    QVERIFY(Translations::languages().contains(Translations::systemLanguage()));
}

void TestTranslations::qtsOwnGermanJoins()
{
    const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(QDir(folder).filePath(QStringLiteral("qtbase_de.qm"))))
        QSKIP("Qt's German translation is not installed (qt6-translations-l10n)");
    Translations::install(QStringLiteral("de"));
    QCOMPARE(translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

void TestTranslations::germanIsCompleteAndKeepsPlaceholders()
{
    const QList<Message> messages = readTs(QStringLiteral(UPNEXT_TRANSLATIONS_DIR "/upnext_de.ts"));
    QVERIFY(messages.size() > 400);
    for (const Message &message : messages) {
        const QString where = message.context + QStringLiteral(": ") + message.source;
        QVERIFY2(message.type.isEmpty(), qPrintable(message.type + QStringLiteral(" ") + where));
        for (const QString &text : message.translations) {
            QVERIFY2(!text.isEmpty(), qPrintable(where));
            // A German singular may say "this change" rather than "1 change".
            if (!(message.source.contains(QLatin1String("%n")) &&
                  !text.contains(QLatin1String("%n"))))
                QCOMPARE(placeholders(text), placeholders(message.source));
            QCOMPARE(text.count(QLatin1Char('&')) > 0, message.source.count(QLatin1Char('&')) > 0);
            // German quotes: „…“, never the English opening one.
            QVERIFY2(!text.contains(QChar(0x201D)), qPrintable(where));
        }
    }
}

void TestTranslations::nativeNames()
{
    QCOMPARE(Translations::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
    QCOMPARE(Translations::nativeName(QStringLiteral("en")), QStringLiteral("English"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
