#include "TaskItemDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace UpNext {

QRect TaskItemDelegate::textRect(const QStyleOptionViewItem &item)
{
    const QWidget *widget = item.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    return item.rect.adjusted(margin, 0, -margin, 0);
}

bool TaskItemDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid() ||
        index.data(Qt::ToolTipRole).isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const bool cut = item.fontMetrics.horizontalAdvance(item.text) > textRect(item).width();
    QToolTip::showText(event->globalPos(), cut ? item.text : QString(), view, option.rect);
    event->setAccepted(cut);
    return cut;
}

void TaskItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = item.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // The style draws all but the text.
    const QString text = std::exchange(item.text, QString());
    item.features &= ~QStyleOptionViewItem::HasDisplay;
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
    if (text.isEmpty())
        return;

    // The text where and as the style puts it.
    const QRect rect = textRect(item);
    const QPalette::ColorGroup group = !(item.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : item.state & QStyle::State_Active   ? QPalette::Normal
                                                                             : QPalette::Inactive;
    if (item.font != m_font) {
        m_texts.clear();
        m_font = item.font;
    }
    const std::pair<QString, int> key{text, rect.width()};
    QStaticText *laidOut = m_texts.object(key);
    if (!laidOut) {
        laidOut =
            new QStaticText(item.fontMetrics.elidedText(text, item.textElideMode, rect.width()));
        laidOut->setTextFormat(Qt::PlainText);
        laidOut->setTextWidth(-1);
        laidOut->prepare(QTransform(), m_font);
        m_texts.insert(key, laidOut);
    }
    painter->save();
    painter->setFont(m_font);
    painter->setPen(item.palette.color(
        group, item.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect placed =
        QStyle::alignedRect(item.direction, item.displayAlignment, laidOut->size().toSize(), rect);
    painter->drawStaticText(placed.topLeft(), *laidOut);
    painter->restore();
}

} // namespace UpNext
