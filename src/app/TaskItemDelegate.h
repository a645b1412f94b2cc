#pragma once

#include <QCache>
#include <QFont>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace UpNext {

// Paints the task list's cells as QStyledItemDelegate does (background, selection, focus,
// colours, alignment, elision), but keeps each text it drew laid out, where the style lays it
// out four times on each paint to size, elide and draw it: a keystroke in the search repaints
// the whole list, and its cells repeat (sources, statuses, clients, dates, scores).
class TaskItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskItemDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // A cell's tooltip is its model's, or else its whole text when the cell cuts it off (a long
    // title in a narrow window); none otherwise.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    // Where paint() puts a cell's text.
    static QRect textRect(const QStyleOptionViewItem &item);

    // A text as drawn in a cell that wide (elided to fit), in m_font.
    mutable QCache<std::pair<QString, int>, QStaticText> m_texts{4000};
    mutable QFont m_font;
};

} // namespace UpNext
