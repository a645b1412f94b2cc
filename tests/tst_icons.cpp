#include "app/Icons.h"
#include "app/Theme.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QTest>

using namespace UpNext;

namespace {

QImage image(const QIcon &icon, int size, qreal scale = 1)
{
    return icon.pixmap(QSize(size, size), scale).toImage();
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    return palette;
}

} // namespace

// The app's and the tray's icons: every state draws at the sizes trays and menus ask for, at
// 1× and 2×, each state looks different, and the badges take the palette's colours.
class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawAtEverySize_data();
    void drawAtEverySize();
    void statesDiffer();
    void badgesFollowThePalette();
};

void TestIcons::drawAtEverySize_data()
{
    QTest::addColumn<Icons::Badge>("badge");
    QTest::newRow("normal") << Icons::Badge::None;
    QTest::newRow("syncing") << Icons::Badge::Syncing;
    QTest::newRow("error") << Icons::Badge::Error;
    QTest::newRow("change failed") << Icons::Badge::ChangeFailed;
}

void TestIcons::drawAtEverySize()
{
    QFETCH(Icons::Badge, badge);
    const QIcon icon = Icons::withBadge(badge);
    QVERIFY(!icon.isNull());
    for (const int size : {16, 22, 32, 64}) {
        for (const qreal scale : {1.0, 2.0}) {
            const QPixmap pixmap = icon.pixmap(QSize(size, size), scale);
            QVERIFY2(!pixmap.isNull(), qPrintable(QString::number(size)));
            // Drawn for the device pixels, not scaled up from the 1× picture.
            QCOMPARE(pixmap.width(), qRound(size * scale));
            QCOMPARE(pixmap.devicePixelRatio(), scale);
            // Something is drawn in the middle (the app's icon is opaque there).
            const QImage picture = pixmap.toImage();
            QCOMPARE(qAlpha(picture.pixel(picture.width() / 3, picture.height() / 3)), 255);
        }
    }
}

void TestIcons::statesDiffer()
{
    const QList<Icons::Badge> badges = {Icons::Badge::None, Icons::Badge::Syncing,
                                        Icons::Badge::Error, Icons::Badge::ChangeFailed};
    for (const int size : {16, 32}) {
        for (qsizetype a = 0; a < badges.size(); ++a) {
            for (qsizetype b = a + 1; b < badges.size(); ++b)
                QVERIFY(image(Icons::withBadge(badges[a]), size) !=
                        image(Icons::withBadge(badges[b]), size));
        }
    }
}

void TestIcons::badgesFollowThePalette()
{
    const QPalette light = QApplication::palette();
    const QPalette dark = darkPalette();
    QVERIFY(image(Icons::withBadge(Icons::Badge::Error, light), 32) !=
            image(Icons::withBadge(Icons::Badge::Error, dark), 32));
    // The badge's colour is the palette's error colour: find it in the corner.
    const QImage picture = image(Icons::withBadge(Icons::Badge::Error, dark), 64);
    const QColor error = Theme::color(Theme::Role::Error, dark);
    bool found = false;
    for (int y = 40; y < 64 && !found; ++y) {
        for (int x = 40; x < 64 && !found; ++x)
            found = QColor(picture.pixel(x, y)).rgb() == error.rgb();
    }
    QVERIFY2(found, qPrintable(error.name()));
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
