#include "NowCard.h"
#include "TaskText.h"
#include "Theme.h"

#include "core/Entities.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace UpNext {

namespace {

QString quoted(const Task &task)
{
    return TaskText::quoted(task);
}

QToolButton *button(QAction *action, QWidget *parent)
{
    auto *result = new QToolButton(parent);
    result->setDefaultAction(action);
    result->setToolButtonStyle(Qt::ToolButtonTextOnly);
    result->setMinimumWidth(72);
    return result;
}

} // namespace

NowCard::NowCard(TaskService *service, TaskStore *store, const Entities *entities, QWidget *parent)
    : QFrame(parent)
    , m_service(service)
    , m_store(store)
    , m_entities(entities)
    , m_heading(new QLabel(tr("NOW"), this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_why(new QLabel(this))
    , m_next(new QAction(tr("&Next Task"), this))
    , m_done(new QAction(tr("&Done"), this))
    , m_skip(new QAction(tr("S&kip"), this))
{
    setObjectName(QStringLiteral("nowCard"));
    setFrameShape(QFrame::StyledPanel);
    showAccent();
    connect(Theme::instance(), &Theme::changed, this, &NowCard::showAccent);
    Theme::colorText(m_heading, Theme::Role::Accent);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_title->setOpenExternalLinks(true);
    m_title->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setTextFormat(Qt::PlainText);
    m_why->setTextFormat(Qt::PlainText);
    m_why->setWordWrap(true);
    Theme::colorText(m_why, Theme::Role::Dim);

    m_next->setShortcut(Qt::CTRL | Qt::Key_J);
    m_next->setStatusTip(tr("Show the task to work on now"));
    m_done->setShortcut(Qt::CTRL | Qt::Key_D);
    m_done->setStatusTip(tr("Mark the current task done and move on to the next"));
    m_skip->setShortcut(Qt::CTRL | Qt::Key_K);
    m_skip->setStatusTip(tr("Set the current task aside for today and move on to the next"));

    connect(m_next, &QAction::triggered, this, [this] {
        const TaskResult result = m_service->next(m_service->now());
        if (!result.ok())
            Q_EMIT error(result.error);
        else if (result.task) {
            Q_EMIT message(tr("Next: %1").arg(quoted(*result.task)));
            Q_EMIT movedTo(result.task->id);
        } else
            Q_EMIT message(tr("Nothing open is assigned to you."));
        refresh();
    });
    // movedOn: "%1 … %2" (the task before, the one now current); ended: "%1 …" (nothing left).
    const auto moveOn = [this](const std::function<TaskResult(const QDateTime &)> &step,
                               const QString &movedOn, const QString &ended) {
        const std::optional<Task> before = m_store->task(m_taskId);
        const TaskResult result = step(m_service->now());
        if (!result.ok()) {
            Q_EMIT error(result.error);
        } else {
            const QString was = before ? quoted(*before) : m_taskId;
            Q_EMIT message(result.task ? movedOn.arg(was, quoted(*result.task)) : ended.arg(was));
            if (result.task)
                Q_EMIT movedTo(result.task->id);
        }
        refresh();
    };
    connect(m_done, &QAction::triggered, this, [this, moveOn] {
        moveOn([this](const QDateTime &now) { return m_service->done(now); },
               tr("Done: %1. Next: %2"), tr("Done: %1. Nothing else is open."));
    });
    connect(m_skip, &QAction::triggered, this, [this, moveOn] {
        moveOn([this](const QDateTime &now) { return m_service->skip(now); },
               tr("Skipped %1 for today. Next: %2"),
               tr("Skipped %1 for today. Nothing else is open."));
    });

    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(m_heading);
    text->addWidget(m_title);
    text->addWidget(m_details);
    text->addWidget(m_why);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(button(m_done, this));
    buttons->addWidget(button(m_skip, this));
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addLayout(text, 1);
    layout->addLayout(buttons);

    connect(m_service, &TaskService::currentChanged, this, &NowCard::refresh);
    connect(m_store, &TaskStore::changed, this, [this](const TaskChanges &changes) {
        if (changes.touches(m_taskId))
            refresh();
    });
    // The service keeps a task current from now on; this asks it for the first one.
    const TaskResult result = m_service->next(m_service->now());
    if (!result.ok())
        QMetaObject::invokeMethod(
            this, [this, error = result.error] { Q_EMIT this->error(error); },
            Qt::QueuedConnection);
    refresh();
}

QString NowCard::title() const
{
    return m_title->text();
}

QString NowCard::explanation() const
{
    return m_why->text();
}

void NowCard::showAccent()
{
    setStyleSheet(QStringLiteral("#nowCard { background: palette(base); border: 1px solid "
                                 "palette(mid); border-left: 4px solid %1; }")
                      .arg(Theme::color(Theme::Role::Accent).name()));
}

void NowCard::refresh()
{
    const std::optional<CurrentTask> current = m_store->currentTask();
    const std::optional<Task> task = current ? m_store->task(current->taskId) : std::nullopt;
    m_taskId = task ? task->id : QString();
    m_done->setEnabled(task.has_value());
    m_skip->setEnabled(task.has_value());
    if (!task) {
        m_title->setText(tr("Nothing to do right now"));
        m_details->setText(tr("No open task is assigned to you. New ones appear here as they "
                              "arrive."));
        m_why->clear();
        return;
    }
    m_title->setText(TaskText::linkedTitle(*task));
    m_title->setToolTip(task->url);

    QStringList details{Task::sourceName(task->source)};
    if (Task::isLocalId(task->id))
        details.append(tr("not created yet"));
    else if (task->source == Sources::GitHub) // "acme/web#12" says where; a ClickUp id does not
        details.append(task->sourceId);
    else if (const QString list = m_service->containerName(*task); !list.isEmpty())
        details.append(list);
    if (!task->entity.isEmpty()) {
        const std::optional<Entity> entity =
            m_entities ? m_entities->find(task->entity) : std::nullopt;
        details.append(entity ? entity->name : task->entity);
    }
    if (task->status == TaskStatus::InProgress)
        details.append(tr("in progress"));
    if (task->dueDate.isValid())
        details.append(tr("due %1").arg(QLocale().toString(task->dueDate, QLocale::ShortFormat)));
    m_details->setText(details.join(QStringLiteral(" · ")));

    const ScoreResult score = m_service->explain(*task, m_service->now());
    QStringList reasons;
    for (const ScoreContribution &part : score.breakdown)
        reasons.append(QStringLiteral("%1 %2").arg(part.label, TaskText::points(part.points)));
    // The score the list shows (the stored one, which ranks the tasks), in the same words.
    m_why->setText(tr("Score %1: %2")
                       .arg(TaskText::score(task->score),
                            reasons.isEmpty() ? tr("nothing stands out")
                                              : reasons.join(QStringLiteral(" · "))));
}

} // namespace UpNext
