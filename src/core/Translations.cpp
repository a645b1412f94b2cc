#include "Translations.h"
#include "Logging.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace UpNext {

namespace {

using namespace Qt::StringLiterals;

// What install() put in, so the next call can take it out again.
std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

void load(const QString &name, const QString &folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(name, folder)) {
        qCDebug(lcSettings).noquote() << "No translation" << name << "in" << folder;
        return;
    }
    QCoreApplication::installTranslator(translator.get());
    installed().push_back(std::move(translator));
}

} // namespace

QStringList Translations::languages()
{
    return {u"en"_s, u"de"_s};
}

QString Translations::nativeName(const QString &language)
{
    const QLocale locale(language);
    QString name = locale.nativeLanguageName();
    // "English" rather than "American English".
    if (locale.language() == QLocale::English)
        name = u"English"_s;
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

QString Translations::systemLanguage()
{
    for (const QString &wanted : QLocale::system().uiLanguages()) {
        const QString code = QLocale(wanted).name().section(u'_', 0, 0);
        if (languages().contains(code))
            return code;
    }
    return u"en"_s;
}

QString Translations::install(const QString &language)
{
    for (const auto &translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();

    const QString chosen = languages().contains(language) ? language : systemLanguage();
    const QLocale::Language spoken = QLocale(chosen).language();
    if (QLocale::system().language() != spoken)
        QLocale::setDefault(QLocale(spoken, QLocale::system().territory()));
    else
        QLocale::setDefault(QLocale::system());

    // Installed last is asked first: the language's own words, then Qt's, then English plurals.
    load(u"upnext_en"_s, u":/i18n"_s);
    if (chosen != u"en"_s) {
        load(u"qtbase_"_s + chosen, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        load(u"upnext_"_s + chosen, u":/i18n"_s);
    }
    return chosen;
}

} // namespace UpNext
