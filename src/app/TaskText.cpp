#include "TaskText.h"

#include <QCoreApplication>

namespace UpNext::TaskText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UpNext::TaskText", text);
}

} // namespace

QString statusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo:
        return tr("To do");
    case TaskStatus::InProgress:
        return tr("In progress");
    case TaskStatus::Done:
        return tr("Done");
    }
    return {};
}

QString linkedTitle(const Task &task)
{
    const QString title = task.title.toHtmlEscaped();
    if (task.url.isEmpty())
        return title;
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(task.url.toHtmlEscaped(), title);
}

} // namespace UpNext::TaskText
