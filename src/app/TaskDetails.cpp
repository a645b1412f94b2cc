#include "TaskDetails.h"
#include "TaskText.h"

#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace UpNext {

TaskDetails::TaskDetails(TaskService *service, TaskStore *store, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_store(store)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_description(new QTextBrowser(this))
    , m_comment(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_send(new QPushButton(tr("&Comment"), this))
    , m_complete(new QPushButton(tr("&Mark Done"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_title->setOpenExternalLinks(true);
    m_title->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_description->setOpenExternalLinks(true);
    m_description->setPlaceholderText(tr("No description"));
    m_comment->setObjectName(QStringLiteral("commentBox"));
    m_send->setObjectName(QStringLiteral("sendComment"));
    m_complete->setObjectName(QStringLiteral("markDone"));
    m_comment->setPlaceholderText(tr("Write a comment… (Ctrl+Return sends it)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(m_comment->fontMetrics().lineSpacing() * 6);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    m_send->setToolTip(tr("Send the comment to the task's source"));
    m_complete->setToolTip(tr("Mark this task done here and at its source"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_complete);
    buttons->addStretch();
    buttons->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_description, 1);
    layout->addWidget(m_comment);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &TaskDetails::sendComment);
    connect(m_complete, &QPushButton::clicked, this, &TaskDetails::complete);
    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] {
        m_send->setEnabled(!m_taskId.isEmpty() && !m_comment->toPlainText().trimmed().isEmpty());
    });
    auto *send = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_comment);
    send->setContext(Qt::WidgetShortcut);
    connect(send, &QShortcut::activated, m_send, &QPushButton::click);
    connect(m_store, &TaskStore::changed, this, [this](const TaskChanges &changes) {
        if (changes.touches(m_taskId))
            refresh();
    });
    refresh();
}

QString TaskDetails::errorText() const
{
    return m_error->text();
}

void TaskDetails::setTaskId(const QString &taskId)
{
    if (taskId == m_taskId)
        return;
    m_taskId = taskId;
    m_error->clear();
    m_error->hide();
    refresh();
}

void TaskDetails::refresh()
{
    const std::optional<Task> task = m_taskId.isEmpty() ? std::nullopt : m_store->task(m_taskId);
    setEnabled(task.has_value());
    m_send->setEnabled(task && !m_comment->toPlainText().trimmed().isEmpty());
    m_complete->setEnabled(task && task->isOpen());
    if (!task) {
        m_title->setText(tr("No task selected"));
        m_details->clear();
        m_description->clear();
        m_shownDescription.clear();
        return;
    }
    m_title->setText(TaskText::linkedTitle(*task));
    QStringList details{Task::sourceName(task->source),
                        Task::isLocalId(task->id) ? tr("waiting to be created") : task->sourceId,
                        TaskText::statusName(task->status)};
    if (task->dueDate.isValid())
        details.append(tr("due %1").arg(QLocale().toString(task->dueDate, QLocale::ShortFormat)));
    if (task->lastActivity.isValid())
        details.append(
            tr("last activity %1")
                .arg(QLocale().toString(task->lastActivity.toLocalTime(), QLocale::ShortFormat)));
    m_details->setText(details.join(QStringLiteral(" · ")));
    if (task->description != m_shownDescription) { // keeps the scroll position otherwise
        m_shownDescription = task->description;
        m_description->setMarkdown(task->description);
    }
}

void TaskDetails::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void TaskDetails::sendComment()
{
    const QString text = m_comment->toPlainText();
    const TaskResult result = m_service->comment(m_taskId, text, m_service->now());
    if (!result.ok())
        return showError(result.error);
    showError({});
    m_comment->clear();
    Q_EMIT message(tr("Comment queued for “%1”").arg(result.task ? result.task->title : m_taskId));
}

void TaskDetails::complete()
{
    const TaskResult result = m_service->complete(m_taskId, m_service->now());
    if (!result.ok())
        return showError(result.error);
    showError({});
    Q_EMIT message(tr("Done: “%1”").arg(result.task ? result.task->title : m_taskId));
}

} // namespace UpNext
