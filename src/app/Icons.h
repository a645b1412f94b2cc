#pragma once

#include <QGuiApplication>
#include <QIcon>
#include <QList>
#include <QPalette>

namespace UpNext {

// UpNext's icons, from the SVGs in resources/icons. The tray's state icons are the app's icon
// with a badge whose shape says the state and whose colours come from the palette (Theme), so
// they read on light and dark panels; each size is drawn for itself, sharp at 1× and 2×.
class Icons final
{
public:
    enum class Badge { None, Syncing, Error, ChangeFailed };

    static QIcon app();
    static QIcon withBadge(Badge badge, const QPalette &palette = QGuiApplication::palette());
    // The sizes withBadge() draws: the usual tray and menu sizes and their doubles.
    static QList<int> sizes();
};

} // namespace UpNext
