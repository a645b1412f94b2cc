#pragma once

#include <QStyledItemDelegate>

namespace UpNext {

// Paints the task list's cells as QStyledItemDelegate does (background, selection, focus,
// colours, alignment, elision), but lays out each cell's one line of text once, where the
// style lays it out four times to size, elide and draw it: a keystroke in the search
// repaints the whole list.
class TaskItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskItemDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace UpNext
