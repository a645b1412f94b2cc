#include "BriefingWindow.h"
#include "TaskText.h"
#include "ui_BriefingWindow.h"

#include "core/OutboxEntry.h"
#include "core/TaskService.h"

#include <QLocale>
#include <QTextBrowser>

namespace UpNext {

namespace {

const QString TaskScheme = QStringLiteral("task");

// A task's title as a link that opens it here.
QString link(const Task &task)
{
    QUrl url;
    url.setScheme(TaskScheme);
    url.setPath(task.id);
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
             TaskText::shownTitle(task).toHtmlEscaped());
}

// A heading and its items, the first ten of them: a briefing is read at a glance.
QString section(const QString &heading, const QStringList &items, bool numbered = false)
{
    if (items.isEmpty())
        return {};
    constexpr qsizetype Shown = 10;
    const QString list = numbered ? QStringLiteral("ol") : QStringLiteral("ul");
    QString html = QStringLiteral("<h3>%1</h3><%2><li>%3</li></%2>")
                       .arg(heading.toHtmlEscaped(), list,
                            items.mid(0, Shown).join(QStringLiteral("</li><li>")));
    if (items.size() > Shown)
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(BriefingWindow::tr("and %1 more").arg(items.size() - Shown).toHtmlEscaped());
    return html;
}

QString day(const QDate &date)
{
    return QLocale().toString(date, QLocale::ShortFormat).toHtmlEscaped();
}

} // namespace

BriefingWindow::BriefingWindow(TaskService *service, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BriefingWindow>())
    , m_service(service)
{
    m_ui->setupUi(this);
    connect(m_ui->content, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == TaskScheme)
            Q_EMIT openTask(url.path());
    });
}

BriefingWindow::~BriefingWindow() = default;

QTextBrowser *BriefingWindow::content() const
{
    return m_ui->content;
}

void BriefingWindow::refresh()
{
    const QDateTime now = m_service->now();
    const Briefing briefing = m_service->briefing(now);

    QStringList top;
    for (const auto &[task, score] : briefing.top) {
        QStringList why;
        for (const ScoreContribution &part : score.breakdown)
            why.append(QStringLiteral("%1 %2").arg(part.label, TaskText::points(part.points)));
        top.append(QStringLiteral("%1 <small>(%2)</small><br><small>%3</small>")
                       .arg(link(task), Task::sourceName(task.source).toHtmlEscaped(),
                            (why.isEmpty() ? tr("Score %1").arg(TaskText::score(task.score))
                                           : tr("Score %1: %2")
                                                 .arg(TaskText::score(task.score),
                                                      why.join(QStringLiteral(" · "))))
                                .toHtmlEscaped()));
    }
    QStringList overdue;
    for (const Task &task : briefing.overdue)
        overdue.append(tr("%1, due %2").arg(link(task), day(task.dueDate)));
    QStringList today;
    for (const Task &task : briefing.dueToday)
        today.append(link(task));
    QStringList changed;
    for (const Task &task : briefing.changedElsewhere)
        changed.append(QStringLiteral("%1 <small>(%2)</small>")
                           .arg(link(task), Task::sourceName(task.source).toHtmlEscaped()));
    QStringList refused;
    for (const OutboxEntry &entry : briefing.failedWrites) {
        // The task by its title, never its id.
        const auto task = briefing.failedTasks.constFind(entry.taskId);
        const QString title = task != briefing.failedTasks.cend() ? TaskText::quoted(*task)
                                                                  : tr("“%1”").arg(entry.title);
        QString what;
        switch (entry.kind) {
        case OutboxEntry::Kind::Complete:
            what = tr("Done: %1").arg(title);
            break;
        case OutboxEntry::Kind::Comment:
            what = tr("Comment on %1").arg(title);
            break;
        case OutboxEntry::Kind::Create:
            what = tr("Create %1").arg(title);
            break;
        }
        refused.append(tr("%1: %2").arg(what, entry.lastError).toHtmlEscaped());
    }

    const bool morning = now.toLocalTime().time().hour() < 12;
    QString html =
        QStringLiteral("<h2>%1</h2><p>%2</p>")
            .arg((morning ? tr("Good morning") : tr("Your briefing")).toHtmlEscaped(),
                 QLocale().toString(now.toLocalTime().date(), QLocale::LongFormat).toHtmlEscaped());
    html += section(tr("Next up"), top, true);
    html += section(tr("Overdue (%1)").arg(overdue.size()), overdue);
    html += section(tr("Due today (%1)").arg(today.size()), today);
    html +=
        section(tr("Changed elsewhere since the last briefing (%1)").arg(changed.size()), changed);
    html += section(tr("Changes the sources refused (%1)").arg(refused.size()), refused);
    if (top.isEmpty() && refused.isEmpty())
        html +=
            QStringLiteral("<p>%1</p>").arg(tr("Nothing waiting. Enjoy the day.").toHtmlEscaped());
    m_ui->content->setHtml(html);

    QStringList parts;
    parts.append(tr("%n tasks ahead", nullptr, int(top.size())));
    if (!overdue.isEmpty())
        parts.append(tr("%1 overdue").arg(overdue.size()));
    if (!today.isEmpty())
        parts.append(tr("%1 due today").arg(today.size()));
    if (!refused.isEmpty())
        parts.append(tr("%n changes refused", nullptr, int(refused.size())));
    m_summary = parts.join(QStringLiteral(" · "));
}

} // namespace UpNext
