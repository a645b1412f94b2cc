#include "TaskDetails.h"
#include "TaskText.h"
#include "Theme.h"

#include "appcore/TaskComments.h"
#include "core/Entities.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace UpNext {

TaskDetails::TaskDetails(TaskService *service, TaskStore *store, const Entities *entities,
                         QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_store(store)
    , m_entities(entities)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_outsideChange(new QLabel(this))
    , m_description(new QTextBrowser(this))
    , m_threadHeading(new QLabel(tr("Comments"), this))
    , m_thread(new QTextBrowser(this))
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
    m_details->setObjectName(QStringLiteral("taskFacts"));
    m_outsideChange->setObjectName(QStringLiteral("outsideChange"));
    m_outsideChange->setWordWrap(true);
    m_outsideChange->setTextFormat(Qt::PlainText);
    Theme::colorText(m_outsideChange, Theme::Role::Warning);
    QFont bold = m_outsideChange->font();
    bold.setBold(true);
    m_outsideChange->setFont(bold);
    m_outsideChange->hide();
    m_description->setOpenExternalLinks(true);
    m_description->setObjectName(QStringLiteral("taskDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("No description"));
    m_thread->setObjectName(QStringLiteral("commentThread"));
    m_thread->setOpenExternalLinks(true);
    m_thread->setTabChangesFocus(true);
    QFont heading = m_threadHeading->font();
    heading.setBold(true);
    m_threadHeading->setFont(heading);
    m_threadHeading->hide();
    m_thread->hide();
    m_comment->setObjectName(QStringLiteral("commentBox"));
    m_send->setObjectName(QStringLiteral("sendComment"));
    m_complete->setObjectName(QStringLiteral("markDone"));
    m_comment->setPlaceholderText(tr("Write a comment… (Ctrl+Return sends it)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(m_comment->fontMetrics().lineSpacing() * 6);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Theme::colorText(m_error, Theme::Role::Error);
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
    layout->addWidget(m_outsideChange);
    layout->addWidget(m_description, 1);
    layout->addWidget(m_threadHeading);
    layout->addWidget(m_thread, 1);
    layout->addWidget(m_comment);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    // Tab goes as the eye does: the comment box, then the buttons left to right.
    setTabOrder(m_comment, m_complete);
    setTabOrder(m_complete, m_send);

    connect(m_send, &QPushButton::clicked, this, &TaskDetails::sendComment);
    connect(m_complete, &QPushButton::clicked, this, &TaskDetails::complete);
    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] {
        m_send->setEnabled(!m_taskId.isEmpty() && !m_comment->toPlainText().trimmed().isEmpty());
    });
    auto *send = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_comment);
    send->setContext(Qt::WidgetShortcut);
    connect(send, &QShortcut::activated, m_send, &QPushButton::click);
    connect(m_store, &TaskStore::changed, this, [this](const TaskChanges &changes) {
        noteOutsideChanges(changes);
        if (changes.touches(m_taskId))
            refresh();
    });
    refresh();
}

void TaskDetails::noteOutsideChanges(const TaskChanges &changes)
{
    if (changes.external.isEmpty())
        return;
    const QDateTime now = m_service->now();
    for (const ExternalChange &change : changes.external) {
        if (change.byUser)
            continue; // the echo of the user's own change
        if (m_outside.size() >= 1000 && !m_outside.contains(change.taskId))
            m_outside.clear(); // a long session: the old ones are no news any more
        m_outside.insert(change.taskId, {change, now});
    }
}

void TaskDetails::setComments(TaskComments *comments)
{
    m_comments = comments;
    m_threadHeading->setVisible(comments != nullptr);
    m_thread->setVisible(comments != nullptr);
    connect(comments, &TaskComments::changed, this, [this](const QString &taskId) {
        if (taskId.isEmpty() || taskId == m_taskId)
            refreshThread();
    });
    refreshThread();
}

QString TaskDetails::threadText() const
{
    return m_thread->toPlainText();
}

void TaskDetails::refreshThread()
{
    if (!m_comments)
        return;
    const CommentThread thread = m_comments->thread(m_taskId);
    const QString dim = QStringLiteral("color: %1;").arg(Theme::color(Theme::Role::Dim).name());
    QString html;
    if (thread.older)
        html += QStringLiteral("<p style=\"%1\">%2</p>")
                    .arg(dim, tr("Older comments are at the source.").toHtmlEscaped());
    const auto paragraph = [](const QString &text) {
        return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    for (const Comment &comment : thread.comments) {
        const QString who = comment.author.isEmpty() ? tr("You") : comment.author;
        const QString when =
            comment.waiting ? tr("waiting to be sent")
            : comment.createdAt.isValid()
                ? QLocale().toString(comment.createdAt.toLocalTime(), QLocale::ShortFormat)
                : QString();
        html += QStringLiteral("<p%1><b>%2</b> <span style=\"%3\">· %4</span><br>%5</p>")
                    .arg(comment.waiting ? QStringLiteral(" style=\"color: %1;\"")
                                               .arg(Theme::color(Theme::Role::Warning).name())
                                         : QString(),
                         who.toHtmlEscaped(), dim, when.toHtmlEscaped(), paragraph(comment.text));
    }
    QString state;
    if (!thread.error.isEmpty())
        state = tr("Comments could not be read: %1").arg(thread.error);
    else if (m_comments->isReading(m_taskId))
        state = tr("Reading comments…");
    else if (thread.comments.isEmpty() && !m_taskId.isEmpty())
        state = tr("No comments yet.");
    if (!state.isEmpty())
        html += QStringLiteral("<p style=\"%1\">%2</p>").arg(dim, state.toHtmlEscaped());
    m_thread->setHtml(html);
    // Newest last, and in sight.
    QScrollBar *bar = m_thread->verticalScrollBar();
    bar->setValue(bar->maximum());
}

QString TaskDetails::outsideChangeText() const
{
    return m_outsideChange->isVisibleTo(this) ? m_outsideChange->text() : QString();
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
    refreshThread();
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
        m_outsideChange->clear();
        m_outsideChange->hide();
        m_description->clear();
        m_shownDescription.clear();
        return;
    }
    m_title->setText(TaskText::linkedTitle(*task));
    // Where it is by name ("acme/web#12", a ClickUp list's name), never by a raw id.
    QStringList details{Task::sourceName(task->source)};
    if (Task::isLocalId(task->id))
        details.append(tr("waiting to be created"));
    const QString container = m_service->containerName(*task);
    if (task->source == Sources::GitHub && !Task::isLocalId(task->id))
        details.append(task->sourceId);
    else if (!container.isEmpty())
        details.append(container);
    if (!task->entity.isEmpty()) {
        const std::optional<Entity> client =
            m_entities ? m_entities->find(task->entity) : std::nullopt;
        details.append(client ? client->name : task->entity);
    }
    details.append(TaskText::statusName(task->status));
    if (task->dueDate.isValid())
        details.append(tr("due %1").arg(QLocale().toString(task->dueDate, QLocale::ShortFormat)));
    if (task->lastActivity.isValid())
        details.append(
            tr("last activity %1")
                .arg(QLocale().toString(task->lastActivity.toLocalTime(), QLocale::ShortFormat)));
    m_details->setText(details.join(QStringLiteral(" · ")));
    const auto outside = m_outside.constFind(task->id);
    const QString change =
        outside == m_outside.cend()
            ? QString()
            : TaskText::outsideChange(outside->change, *task, outside->received, m_service->now());
    // A task that left the list because of it stays readable here, saying why it left.
    m_outsideChange->setText(change);
    m_outsideChange->setVisible(!change.isEmpty());
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
    Q_EMIT message(tr("Comment queued for %1")
                       .arg(result.task ? TaskText::quoted(*result.task) : m_taskId));
}

void TaskDetails::complete()
{
    const TaskResult result = m_service->complete(m_taskId, m_service->now());
    if (!result.ok())
        return showError(result.error);
    showError({});
    Q_EMIT message(tr("Done: %1").arg(result.task ? TaskText::quoted(*result.task) : m_taskId));
}

} // namespace UpNext
