#pragma once

#include <QHash>
#include <QList>
#include <QTreeView>

namespace UpNext {

// The task list's view: a QTreeView whose title column keeps room to be read. The title
// takes the spare width; when the view narrows so far that the title would get less than
// its minimum, the columns that say least give theirs up, one at a time, and they come back
// as the view widens. (QHeaderView alone lets a stretched section keep its old width once the
// other sections fill the view, so a shrunk window scrolls sideways with the title cut.)
class TaskListView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskListView)

public:
    explicit TaskListView(QWidget *parent = nullptr);

    // titleColumn stretches and keeps at least minimumWidth while yielding (the first to go
    // first) can be hidden.
    void setTitleColumn(int titleColumn, int minimumWidth, const QList<int> &yielding);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    int m_titleColumn = -1;
    int m_minimumWidth = 0;
    QList<int> m_yielding;
    QHash<int, int> m_widths; // a hidden column's width when it went
};

} // namespace UpNext
