#include "Icons.h"
#include "Theme.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace UpNext {

namespace {

const QString AppIcon = QStringLiteral(":/icons/upnext.svg");

QByteArray readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The badge's SVG with its two placeholder colours (see the files) in the palette's.
QByteArray badgeSvg(Icons::Badge badge, const QPalette &palette)
{
    QString file;
    QByteArray placeholder;
    Theme::Role role = Theme::Role::Accent;
    switch (badge) {
    case Icons::Badge::None:
        return {};
    case Icons::Badge::Syncing:
        file = QStringLiteral(":/icons/badge-syncing.svg");
        placeholder = "#2f6fde";
        role = Theme::Role::Accent;
        break;
    case Icons::Badge::Error:
        file = QStringLiteral(":/icons/badge-error.svg");
        placeholder = "#c01c28";
        role = Theme::Role::Error;
        break;
    case Icons::Badge::ChangeFailed:
        file = QStringLiteral(":/icons/badge-failed.svg");
        placeholder = "#e66100";
        role = Theme::Role::Warning;
        break;
    }
    QByteArray svg = readResource(file);
    svg.replace(placeholder, Theme::color(role, palette).name().toLatin1());
    svg.replace("#ffffff", palette.color(QPalette::Window).name().toLatin1());
    return svg;
}

} // namespace

QIcon Icons::app()
{
    return QIcon(AppIcon);
}

QList<int> Icons::sizes()
{
    return {16, 22, 24, 32, 44, 48, 64, 96, 128};
}

QIcon Icons::withBadge(Badge badge, const QPalette &palette)
{
    if (badge == Badge::None)
        return app();
    QSvgRenderer appRenderer(AppIcon);
    QSvgRenderer badgeRenderer(badgeSvg(badge, palette));
    QIcon icon;
    for (const int size : sizes()) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        appRenderer.render(&painter, QRectF(0, 0, size, size));
        // Bottom right, a little over half the icon: big enough to tell the shapes apart at 16.
        const qreal side = size * 0.6;
        badgeRenderer.render(&painter, QRectF(size - side, size - side, side, side));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace UpNext
