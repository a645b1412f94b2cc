#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QObject>
#include <QPalette>

class QWidget;

namespace UpNext {

// The few colours UpNext adds to the system palette, in one place. Each starts from a hue (red
// for errors, amber for warnings and changes made elsewhere, the palette's highlight for
// accents, the text for dim text) and is made as light or as dark as it takes to read on the
// palette's window and base colours, so a light and a dark palette both work.
class Theme final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Theme)

public:
    enum class Role { Error, Warning, Accent, Dim };

    // The one instance, which tells when the application's palette changed.
    static Theme *instance();

    static QColor color(Role role, const QPalette &palette = QGuiApplication::palette());
    // True when the palette's window is darker than its text (a dark theme).
    static bool isDark(const QPalette &palette = QGuiApplication::palette());
    // WCAG 2 contrast ratio of two colours: 1 (the same) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);

    // Colours widget's text in role, now and again whenever the application's palette changes.
    static void colorText(QWidget *widget, Role role);
    // Gives widget back the palette's own text colour.
    static void clearColor(QWidget *widget);

Q_SIGNALS:
    // The application's palette changed (e.g. the desktop switched to a dark theme): colours
    // from color() and icons drawn with them are out of date.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Theme();
    static void apply(QWidget *widget);
};

} // namespace UpNext
