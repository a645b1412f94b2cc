#include "TaskListView.h"

#include <QHeaderView>

namespace UpNext {

TaskListView::TaskListView(QWidget *parent)
    : QTreeView(parent)
{}

void TaskListView::setTitleColumn(int titleColumn, int minimumWidth, const QList<int> &yielding)
{
    m_titleColumn = titleColumn;
    m_minimumWidth = minimumWidth;
    m_yielding = yielding;
    header()->setSectionResizeMode(titleColumn, QHeaderView::Stretch);
    fitColumns();
}

void TaskListView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    fitColumns();
}

void TaskListView::fitColumns()
{
    if (m_titleColumn < 0)
        return;
    QHeaderView *columns = header();
    const auto titleRoom = [this, columns] {
        int room = viewport()->width();
        for (int column = 0; column < columns->count(); ++column) {
            if (column != m_titleColumn && !columns->isSectionHidden(column))
                room -= columns->sectionSize(column);
        }
        return room;
    };
    for (const int column : std::as_const(m_yielding)) {
        if (titleRoom() >= m_minimumWidth)
            break;
        if (!columns->isSectionHidden(column)) {
            m_widths.insert(column, columns->sectionSize(column));
            columns->hideSection(column);
        }
    }
    // The last to go comes back first, while the title keeps its room with it.
    for (auto it = m_yielding.crbegin(); it != m_yielding.crend(); ++it) {
        if (!columns->isSectionHidden(*it))
            continue;
        const int width = m_widths.value(*it, columns->defaultSectionSize());
        if (titleRoom() - width < m_minimumWidth)
            break;
        columns->showSection(*it);
        columns->resizeSection(*it, width);
    }
}

} // namespace UpNext
