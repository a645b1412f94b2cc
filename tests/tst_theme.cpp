#include "app/Theme.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;

namespace {

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    return palette;
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Highlight, QColor(0x1d, 0x54, 0x9c)); // too dark to read as text
    return palette;
}

} // namespace

// The colours UpNext adds to the palette read on light and dark palettes alike, and widgets
// coloured with them follow a change of the application's palette.
class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void contrastIsWcags();
    void colorsReadOnLightAndDark_data();
    void colorsReadOnLightAndDark();
    void textFollowsThePalette();
};

void TestTheme::cleanup()
{
    QApplication::setPalette(QPalette());
}

void TestTheme::contrastIsWcags()
{
    QCOMPARE(qRound(Theme::contrast(Qt::black, Qt::white)), 21);
    QCOMPARE(Theme::contrast(Qt::red, Qt::red), 1.0);
    QVERIFY(!Theme::isDark(lightPalette()));
    QVERIFY(Theme::isDark(darkPalette()));
}

void TestTheme::colorsReadOnLightAndDark_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<Theme::Role>("role");
    for (const auto &[name, palette] :
         {std::pair("light", lightPalette()), std::pair("dark", darkPalette())}) {
        for (const auto &[roleName, role] :
             {std::pair("error", Theme::Role::Error), std::pair("warning", Theme::Role::Warning),
              std::pair("accent", Theme::Role::Accent), std::pair("dim", Theme::Role::Dim)})
            QTest::addRow("%s %s", roleName, name) << palette << role;
    }
}

void TestTheme::colorsReadOnLightAndDark()
{
    QFETCH(QPalette, palette);
    QFETCH(Theme::Role, role);
    const QColor color = Theme::color(role, palette);
    QVERIFY2(Theme::contrast(color, palette.color(QPalette::Window)) >= 4.5,
             qPrintable(color.name()));
    QVERIFY2(Theme::contrast(color, palette.color(QPalette::Base)) >= 4.5,
             qPrintable(color.name()));
    // Errors stay red, warnings amber, on either palette.
    if (role == Theme::Role::Error)
        QVERIFY(color.hslHue() <= 10 || color.hslHue() >= 350);
    if (role == Theme::Role::Warning)
        QVERIFY(color.hslHue() >= 25 && color.hslHue() <= 45);
}

void TestTheme::textFollowsThePalette()
{
    QApplication::setPalette(lightPalette());
    QLabel label(QStringLiteral("Something failed"));
    Theme::colorText(&label, Theme::Role::Error);
    QCOMPARE(label.palette().color(QPalette::WindowText),
             Theme::color(Theme::Role::Error, lightPalette()));

    QSignalSpy changed(Theme::instance(), &Theme::changed);
    QApplication::setPalette(darkPalette());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(label.palette().color(QPalette::WindowText),
             Theme::color(Theme::Role::Error, darkPalette()));
    QVERIFY(label.palette().color(QPalette::WindowText) !=
            Theme::color(Theme::Role::Error, lightPalette()));

    Theme::clearColor(&label);
    QCOMPARE(label.palette().color(QPalette::WindowText),
             QApplication::palette().color(QPalette::WindowText));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
