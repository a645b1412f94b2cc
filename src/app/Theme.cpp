#include "Theme.h"

#include <QApplication>
#include <QEvent>
#include <QHash>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace UpNext {

namespace {

constexpr char RoleProperty[] = "upnextThemeRole";
// WCAG AA for normal text.
constexpr double ReadableContrast = 4.5;

double luminance(const QColor &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

// hue made darker (on a light background) or lighter (on a dark one) until it reads on both
// backgrounds.
QColor readable(const QColor &hue, const QColor &window, const QColor &base, bool dark)
{
    QColor color = hue.toHsl();
    for (int step = 0; step < 50; ++step) {
        if (std::min(Theme::contrast(color, window), Theme::contrast(color, base)) >=
            ReadableContrast)
            break;
        color.setHslF(color.hslHueF(), color.hslSaturationF(),
                      std::clamp(color.lightnessF() + (dark ? 0.02f : -0.02f), 0.0f, 1.0f));
    }
    return color.toRgb();
}

} // namespace

Theme *Theme::instance()
{
    static Theme *theme = new Theme; // lives as long as the application; deleted with it
    return theme;
}

Theme::Theme()
    : QObject(QCoreApplication::instance())
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

bool Theme::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) <
           luminance(palette.color(QPalette::WindowText));
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor Theme::color(Role role, const QPalette &palette)
{
    // Asked for each painted cell of the list: each palette's colours are worked out once.
    static QHash<std::pair<qint64, int>, QColor> cache;
    const auto key = std::pair(palette.cacheKey(), int(role));
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;
    if (cache.size() > 64)
        cache.clear();
    const bool dark = isDark(palette);
    QColor hue;
    switch (role) {
    case Role::Error:
        hue = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x26, 0x1e);
        break;
    case Role::Warning:
        hue = dark ? QColor(0xff, 0xb9, 0x5c) : QColor(0x8a, 0x53, 0x00);
        break;
    case Role::Accent:
        hue = palette.color(QPalette::Highlight);
        break;
    case Role::Dim: {
        // Between the text and the window, nearer the text.
        const QColor text = palette.color(QPalette::WindowText);
        const QColor window = palette.color(QPalette::Window);
        hue = QColor::fromRgbF(0.6f * text.redF() + 0.4f * window.redF(),
                               0.6f * text.greenF() + 0.4f * window.greenF(),
                               0.6f * text.blueF() + 0.4f * window.blueF());
        break;
    }
    }
    const QColor color =
        readable(hue, palette.color(QPalette::Window), palette.color(QPalette::Base), dark);
    cache.insert(key, color);
    return color;
}

void Theme::colorText(QWidget *widget, Role role)
{
    instance(); // watches the palette from now on
    widget->setProperty(RoleProperty, int(role));
    apply(widget);
}

void Theme::clearColor(QWidget *widget)
{
    if (!widget->property(RoleProperty).isValid())
        return;
    widget->setProperty(RoleProperty, QVariant());
    widget->setPalette(QPalette());
}

void Theme::apply(QWidget *widget)
{
    const QVariant role = widget->property(RoleProperty);
    if (!role.isValid())
        return;
    QPalette palette = widget->palette();
    const QColor color = Theme::color(Role(role.toInt()), QGuiApplication::palette());
    for (const QPalette::ColorRole text : {QPalette::WindowText, QPalette::Text})
        palette.setColor(text, color);
    widget->setPalette(palette);
}

bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    // The application hears of a new palette; widgets with a palette of their own (ours) may
    // not, so each coloured one is painted again from here.
    if (event->type() == QEvent::ApplicationPaletteChange &&
        watched == QCoreApplication::instance()) {
        for (QWidget *widget : QApplication::allWidgets())
            apply(widget);
        Q_EMIT changed();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace UpNext
