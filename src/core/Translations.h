#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace UpNext {

// The language UpNext speaks. Its own translations are built into the binary (":/i18n");
// Qt's own (dialog buttons, context menus) come from the system where installed. English is
// the source language, but its plural forms ("1 task", "2 tasks") come from a translation too,
// so it is installed under every other language.
class Translations final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::Translations)

public:
    // The languages UpNext has a translation for, as the settings keep them: "en", "de".
    static QStringList languages();
    // What a language calls itself, for a language picker: "English", "Deutsch".
    static QString nativeName(const QString &language);
    // The language the system asks for first among languages(); English when none.
    static QString systemLanguage();

    // Installs the translators for language (empty or unknown: systemLanguage()) into the
    // running application, replacing those an earlier call installed; returns the language
    // installed. A language other than the system's also becomes the default QLocale, so
    // dates and numbers read in the same language as the words around them.
    static QString install(const QString &language = {});
};

} // namespace UpNext
