#include "OutboxDialog.h"
#include "TaskText.h"
#include "Theme.h"

#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace UpNext {

namespace {

// Beside EntryIdRole on the TaskColumn item, so the buttons need no database read.
constexpr int StateRole = OutboxDialog::EntryIdRole + 1;
constexpr int SummaryLength = 60;

const QColor FailedColor(0xb3, 0x26, 0x1e);

// First line, cut to a length that fits a table cell; the tooltip has the rest.
QString summary(const QString &text)
{
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    const bool more =
        firstLine.size() > SummaryLength || text.trimmed().contains(QLatin1Char('\n'));
    QString shown = firstLine.left(SummaryLength);
    // Do not cut a surrogate pair (emoji) in half.
    if (shown.size() == SummaryLength && shown.back().isHighSurrogate())
        shown.chop(1);
    return more ? shown + QChar(0x2026) : shown;
}

QString what(const OutboxEntry &entry)
{
    switch (entry.kind) {
    case OutboxEntry::Kind::Complete: // the word the Now card and the details use
        return OutboxDialog::tr("Done");
    case OutboxEntry::Kind::Comment:
        return OutboxDialog::tr("Comment: %1").arg(summary(entry.text));
    case OutboxEntry::Kind::Create:
        return OutboxDialog::tr("Create: %1").arg(summary(entry.title));
    }
    return {};
}

QString stateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return OutboxDialog::tr("Waiting");
    case OutboxEntry::State::Sending:
        return OutboxDialog::tr("Sending");
    case OutboxEntry::State::Failed:
        return OutboxDialog::tr("Failed");
    }
    return {};
}

QTableWidgetItem *cell(const QString &text, const QString &toolTip = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!toolTip.isEmpty())
        item->setToolTip(toolTip);
    return item;
}

} // namespace

OutboxDialog::OutboxDialog(TaskService *service, Outbox *outbox, TaskStore *store, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_outbox(outbox)
    , m_store(store)
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_error(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_discard(new QPushButton(tr("&Discard"), this))
{
    setWindowTitle(tr("Outbox"));
    resize(920, 360);

    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Discard"), question) == QMessageBox::Yes;
    };

    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Task"), tr("What"), tr("State"), tr("Attempts"), tr("Next attempt"), tr("Error")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Long task titles and errors are cut (their tooltips have them whole) so What has room.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WhatColumn, QHeaderView::Stretch);
    for (const int column : {int(TaskColumn), int(ErrorColumn)}) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        header->resizeSection(column, 200);
    }

    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setText(tr("Nothing is waiting: every change reached its source."));

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_table);

    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Theme::colorText(m_error, Theme::Role::Error);
    m_error->hide();

    m_retry->setToolTip(tr("Send the selected changes now; failed ones again"));
    m_discard->setToolTip(tr("Drop the selected changes; they never reach their source"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &OutboxDialog::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxDialog::discardSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxDialog::updateButtons);
    connect(m_outbox, &Outbox::changed, this, &OutboxDialog::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    refresh();
}

void OutboxDialog::setConfirm(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

bool OutboxDialog::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

QString OutboxDialog::errorMessage() const
{
    return m_error->text();
}

void OutboxDialog::refresh()
{
    // Keep the user's selection across the re-read, by entry id.
    const QList<qint64> selectedList = selectedIds(Selection::All);
    const QSet<qint64> selected(selectedList.cbegin(), selectedList.cend());
    const QList<OutboxEntry> entries = m_outbox->entries();

    const QSignalBlocker blocker(m_table->selectionModel());
    m_table->clearContents();
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const OutboxEntry &entry = entries.at(row);
        const std::optional<Task> task = m_store->task(entry.taskId);
        const bool failed = entry.state == OutboxEntry::State::Failed;

        // By title (whole in the tooltip); a task gone from the store by what the entry knows
        // of it, its id when that is all.
        const QString title = task                     ? TaskText::shownTitle(*task)
                              : !entry.title.isEmpty() ? entry.title
                                                       : entry.taskId;
        QTableWidgetItem *taskItem = cell(title, title);
        taskItem->setData(EntryIdRole, entry.id);
        taskItem->setData(StateRole, int(entry.state));
        const QString full = entry.kind == OutboxEntry::Kind::Comment  ? entry.text
                             : entry.kind == OutboxEntry::Kind::Create ? entry.title
                                                                       : QString();
        QTableWidgetItem *whatItem = cell(what(entry), full);
        QTableWidgetItem *stateItem = cell(stateName(entry.state));
        QTableWidgetItem *attemptsItem = cell(QString::number(entry.attempts));
        attemptsItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // Only a waiting entry has a time of its own; a failed one waits for the user.
        const QString next =
            entry.state != OutboxEntry::State::Pending ? QString()
            : entry.dueAt() <= m_service->now()
                ? tr("Now")
                : QLocale().toString(entry.dueAt().toLocalTime(), QLocale::ShortFormat);
        QTableWidgetItem *nextItem = cell(next);
        QTableWidgetItem *errorItem = cell(summary(entry.lastError), entry.lastError);

        const QList<QTableWidgetItem *> items{taskItem,     whatItem, stateItem,
                                              attemptsItem, nextItem, errorItem};
        for (int column = 0; column < ColumnCount; ++column) {
            if (failed)
                items.at(column)->setForeground(FailedColor);
            m_table->setItem(row, column, items.at(column));
        }
        if (selected.contains(entry.id)) {
            m_table->selectionModel()->select(m_table->model()->index(row, 0),
                                              QItemSelectionModel::Select |
                                                  QItemSelectionModel::Rows);
        }
    }

    m_stack->setCurrentWidget(entries.isEmpty() ? static_cast<QWidget *>(m_emptyState) : m_table);
    updateButtons();
}

QList<qint64> OutboxDialog::selectedIds(Selection which) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows(TaskColumn)) {
        const auto state = OutboxEntry::State(index.data(StateRole).toInt());
        if (which == Selection::NotSending && state == OutboxEntry::State::Sending)
            continue;
        ids.append(index.data(EntryIdRole).toLongLong());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void OutboxDialog::updateButtons()
{
    // One being sent may be arriving: it can go (or be retried) once its answer is in.
    m_retry->setEnabled(!selectedIds(Selection::NotSending).isEmpty());
    m_discard->setEnabled(!selectedIds(Selection::NotSending).isEmpty());
}

void OutboxDialog::showError(const QStringList &errors)
{
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_error->setVisible(!errors.isEmpty());
}

void OutboxDialog::retrySelected()
{
    // A failed one goes again, a waiting one now.
    const QList<qint64> ids = selectedIds(Selection::NotSending);
    if (ids.isEmpty())
        return;
    QStringList errors;
    for (const qint64 id : ids) {
        const TaskResult result = m_service->retryWrite(id, m_service->now());
        if (!result.ok())
            errors.append(result.error);
    }
    refresh();
    showError(errors);
}

void OutboxDialog::discardSelected()
{
    const QList<qint64> ids = selectedIds(Selection::NotSending);
    if (ids.isEmpty())
        return;
    QString question = tr("Discard these %n changes? They will never reach their source.", nullptr,
                          int(ids.size()));
    const QString effects = m_service->discardEffects(ids);
    if (!effects.isEmpty())
        question += QLatin1Char(' ') + effects;
    if (m_confirm && !m_confirm(question))
        return;

    QStringList errors;
    for (const qint64 id : ids) {
        const TaskResult result = m_service->discardWrite(id);
        if (!result.ok())
            errors.append(result.error);
    }
    refresh();
    showError(errors);
}

} // namespace UpNext
