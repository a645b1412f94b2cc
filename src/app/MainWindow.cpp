#include "MainWindow.h"
#include "BriefingWindow.h"
#include "NowCard.h"
#include "OutboxDialog.h"
#include "TaskDetails.h"
#include "TaskFilterModel.h"
#include "TaskItemDelegate.h"
#include "TaskListView.h"
#include "TaskTableModel.h"
#include "TaskText.h"

#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace UpNext {

namespace {

QString sourceOf(const QString &taskId)
{
    QString source;
    Task::parseId(taskId, &source);
    return source;
}

} // namespace

MainWindow::MainWindow(TaskStore *store, Entities *entities, TaskService *service, Outbox *outbox,
                       const QString &profileDirectory, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_entities(entities)
    , m_service(service)
    , m_outbox(outbox)
    , m_proxy(new TaskFilterModel(this))
    , m_bannerText(new QLabel(this))
    , m_nowCard(new NowCard(service, store, entities, this))
    , m_filter(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_view(new TaskListView(this))
    , m_details(new TaskDetails(service, store, entities, this))
    , m_countLabel(new QLabel(this))
    , m_outboxLabel(new QLabel(this))
    , m_syncLabel(new QLabel(this))
    , m_syncChanges(new QLabel(this))
    , m_syncNow(new QAction(tr("&Sync Now"), this))
    , m_newTask(new QAction(tr("&New Task…"), this))
    , m_showOutbox(new QAction(tr("&Outbox…"), this))
    , m_find(new QAction(tr("&Find Task"), this))
{
    // Heard before the list applies a change, so that the list knows why a row leaves.
    connect(m_store, &TaskStore::changed, this, &MainWindow::noteChanges);
    m_model = new TaskTableModel(store, entities, this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/upnext.svg")));
    resize(1100, 680);
    // The Now card, a few rows and the details' buttons stay usable.
    setMinimumSize(640, 460);
    m_model->setClock(m_service->clock());

    makeMenus();
    // Next shows the task to work on, in the list too.
    connect(m_nowCard->nextAction(), &QAction::triggered, this,
            [this] { selectTask(m_nowCard->currentTaskId()); });
    connect(m_nowCard, &NowCard::message, this, &MainWindow::showMessage);
    connect(m_nowCard, &NowCard::error, this, &MainWindow::addProblem);
    connect(m_details, &TaskDetails::message, this, &MainWindow::showMessage);
    connect(m_nowCard, &NowCard::movedTo, this, &MainWindow::selectTask);

    m_filter->setObjectName(QStringLiteral("taskSearch"));
    m_view->setObjectName(QStringLiteral("taskList"));
    m_filter->setPlaceholderText(tr("Search tasks"));
    m_filter->setClearButtonEnabled(true);

    // Connected before the proxy and the view hear of it: the task looked at is leaving.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                const int row = m_model->rowOf(m_details->taskId());
                if (row < first || row > last)
                    return;
                // Someone else closed or took it: it stays shown, saying so; else the current.
                if (m_changedOutside)
                    m_leavingOutside = true;
                else
                    m_lostSelection = true;
            });
    m_proxy->setSourceModel(m_model);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TaskFilterModel::setQuery);

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new TaskItemDelegate(m_view));
    // Best first is the model's own order: the proxy sorts only when a column header is
    // clicked, and a third click on it goes back to best first.
    m_view->header()->setSortIndicatorClearable(true);
    m_view->header()->setSortIndicator(-1, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // A flat list of rows of one height: QTreeView lays 100,000 of them out lazily, where a
    // QTableView's row header costs a pass over every row for each row removed.
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    // Tab leaves the list for the details (arrows move in it), not cell by cell.
    m_view->setTabKeyNavigation(false);
    // Widths from the longest text each column can hold, not from measuring every row: a
    // list of 100,000 tasks shows at once.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    const QFontMetrics metrics(m_view->font());
    const QString samples[] = {QLocale().toString(888.8, 'f', 1),
                               {},
                               Task::sourceName(Sources::ClickUp),
                               QStringLiteral("Wayne Enterprises"),
                               TaskText::skippedToday(),
                               QLocale().toString(QDate(2026, 12, 28), QLocale::ShortFormat)};
    for (int column = 0; column < TaskTableModel::ColumnCount; ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, std::max(metrics.horizontalAdvance(samples[column]),
                                               metrics.horizontalAdvance(title)) +
                                          3 * metrics.averageCharWidth());
    }
    // The title takes the spare width and keeps room for about 36 characters: in a narrow
    // window the columns that say least give theirs first.
    m_view->setTitleColumn(TaskTableModel::TitleColumn, 36 * metrics.averageCharWidth(),
                           {TaskTableModel::SourceColumn, TaskTableModel::StatusColumn,
                            TaskTableModel::DueColumn, TaskTableModel::ClientColumn});
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                // The task shown leaves the list for someone else's change: it stays shown.
                if (m_leavingOutside || (m_pinned && !current.isValid()))
                    return;
                m_pinned = false;
                m_details->setTaskId(current.data(TaskTableModel::TaskIdRole).toString());
            });

    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::RichText);
    m_emptyState->setText(tr("<h2>Nothing to do yet</h2>"
                             "<p>The ClickUp tasks and GitHub issues assigned to you appear here, "
                             "best first, once your accounts are synced.</p>"));

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_view);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_stack, 1);
    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(makeBanner());
    layout->addWidget(m_nowCard);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_outboxLabel->setTextFormat(Qt::RichText);
    connect(m_outboxLabel, &QLabel::linkActivated, this, &MainWindow::openOutbox);
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_outboxLabel);
    m_syncChanges->setObjectName(QStringLiteral("syncChanges"));
    m_syncChanges->hide();
    statusBar()->addPermanentWidget(m_syncChanges);
    statusBar()->addPermanentWidget(m_syncLabel);
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(QStringLiteral("profileName"));
    m_profileLabel->setToolTip(profileDirectory);
    setProfileName(QFileInfo(profileDirectory).fileName());
    statusBar()->addPermanentWidget(m_profileLabel);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateView);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateView);
    // A sync-sized batch comes as one layout change.
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateView);
    // Nothing selected (the list was empty, or the task looked at left it): show the current.
    connect(m_service, &TaskService::currentChanged, this, [this](const QString &taskId) {
        if (!m_view->currentIndex().isValid() && !m_pinned)
            selectTask(taskId);
        updateWindowTitle();
    });
    connect(m_outbox, &Outbox::changed, this, &MainWindow::updateOutboxState);
    updateView();
    updateOutboxState();
    updateWindowTitle();
}

void MainWindow::noteChanges(const TaskChanges &changes)
{
    const QString shown = m_details->taskId();
    m_changedOutside = false;
    for (const ExternalChange &change : changes.external) {
        if (change.taskId == shown && !change.byUser)
            m_changedOutside = true;
    }
    // The current task's title may have changed (the Now card has heard of it already).
    if (changes.touches(m_nowCard->currentTaskId()))
        updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    const QString current = m_nowCard->currentTaskId();
    const std::optional<Task> task = current.isEmpty() ? std::nullopt : m_store->task(current);
    if (!task) {
        setWindowTitle(tr("UpNext"));
        return;
    }
    // Long titles are cut: a taskbar shows the start of it anyway.
    constexpr int Longest = 80;
    QString title = TaskText::shownTitle(*task);
    if (title.size() > Longest)
        title = title.left(Longest - 1) + QChar(0x2026);
    setWindowTitle(tr("UpNext — %1").arg(title));
}

void MainWindow::setProfileName(const QString &name)
{
    m_profileLabel->setText(tr("Profile: %1").arg(name));
}

void MainWindow::makeMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncNow->setEnabled(false);
    fileMenu->addAction(m_syncNow);
    if (m_entities) {
        QAction *reload =
            fileMenu->addAction(tr("&Reload Clients"), this, &MainWindow::reloadEntities);
        reload->setShortcut(Qt::CTRL | Qt::Key_R);
        reload->setStatusTip(tr("Read entities.json again"));
    }
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    // Spelled out: QKeySequence::Quit is empty where no desktop says what it is.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    makeKeyboard(menuBar()->addMenu(tr("&Edit")));

    QMenu *taskMenu = menuBar()->addMenu(tr("&Task"));
    taskMenu->addAction(m_nowCard->nextAction());
    taskMenu->addAction(m_nowCard->doneAction());
    taskMenu->addAction(m_nowCard->skipAction());
    taskMenu->addSeparator();
    m_newTask->setShortcut(QKeySequence::New);
    m_newTask->setStatusTip(tr("Create a task in ClickUp or an issue in GitHub"));
    connect(m_newTask, &QAction::triggered, this, &MainWindow::createTask);
    taskMenu->addAction(m_newTask);
    taskMenu->addSeparator();
    m_showOutbox->setShortcut(Qt::CTRL | Qt::Key_O);
    m_showOutbox->setStatusTip(tr("Changes waiting to reach ClickUp or GitHub"));
    connect(m_showOutbox, &QAction::triggered, this, &MainWindow::openOutbox);
    taskMenu->addAction(m_showOutbox);
    m_showBriefing = taskMenu->addAction(tr("Morning &Briefing"), this, &MainWindow::showBriefing);
    m_showBriefing->setShortcut(Qt::CTRL | Qt::Key_B);
    m_showBriefing->setStatusTip(tr("The best tasks for today, what is due and what changed"));
}

void MainWindow::makeKeyboard(QMenu *editMenu)
{
    // Ctrl+F, and "/" as in a browser or a mail client: a text field that has the focus takes
    // "/" as a character (it overrides the shortcut), so it searches from everywhere else.
    m_find->setObjectName(QStringLiteral("findTask"));
    m_find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    m_find->setStatusTip(tr("Search the task list (also /)"));
    connect(m_find, &QAction::triggered, this, [this] {
        if (!m_filter->isEnabled())
            return; // nothing to search
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    editMenu->addAction(m_find);
    // Esc in the search clears it, then goes back to the list.
    auto *clear = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter);
    clear->setContext(Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, this, [this] {
        if (!m_filter->text().isEmpty())
            m_filter->clear();
        else
            m_view->setFocus(Qt::ShortcutFocusReason);
    });
    QAction *list = editMenu->addAction(tr("Go to the &List"), this,
                                        [this] { m_view->setFocus(Qt::ShortcutFocusReason); });
    list->setShortcut(Qt::CTRL | Qt::Key_L);
    QAction *comment = editMenu->addAction(tr("&Write a Comment"), this, [this] {
        if (m_details->commentBox()->isEnabled())
            m_details->commentBox()->setFocus(Qt::ShortcutFocusReason);
    });
    comment->setShortcut(Qt::CTRL | Qt::Key_M);
    comment->setStatusTip(tr("Comment on the task shown (Ctrl+Return sends it)"));
}

QWidget *MainWindow::makeBanner()
{
    m_banner = new QWidget(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setAttribute(Qt::WA_StyledBackground);
    m_banner->setStyleSheet(QStringLiteral(
        "#banner { background: #fff4ce; border: 1px solid #e8c65b; } QLabel { color: #4d3800; }"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    auto *dismiss = new QToolButton(m_banner);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, this, [this] {
        m_problems.clear();
        m_banner->hide();
    });
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    m_banner->hide();
    return m_banner;
}

void MainWindow::addProblem(const QString &message)
{
    if (message.isEmpty() || m_problems.contains(message))
        return;
    m_problems.append(message);
    m_bannerText->setText(m_problems.join(QLatin1Char('\n')));
    m_banner->show();
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::reloadEntities()
{
    if (m_entities->reload())
        showMessage(tr("Reloaded %1").arg(m_entities->path()));
    else
        addProblem(m_entities->lastError());
}

void MainWindow::setCreateDestinations(const QList<Destination> &destinations)
{
    m_destinations = destinations;
}

void MainWindow::createTask()
{
    CreateTaskDialog dialog(m_service, m_entities, this);
    dialog.setDestinations(m_destinations);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showMessage(tr("Created; it goes to its source now"));
    m_createdTaskId = dialog.createdTaskId();
    selectTask(m_createdTaskId);
}

QString MainWindow::showBriefing()
{
    if (!m_briefing) {
        m_briefing = new BriefingWindow(m_service, this);
        connect(m_briefing, &BriefingWindow::openTask, this, &MainWindow::openTask);
    }
    m_briefing->refresh();
    m_briefing->show();
    m_briefing->raise();
    m_briefing->activateWindow();
    return m_briefing->summary();
}

void MainWindow::openTask(const QString &taskId)
{
    show();
    raise();
    activateWindow();
    if (!selectTask(taskId) && !m_filter->text().isEmpty()) {
        m_filter->clear(); // the search hid it
        selectTask(taskId);
    }
}

bool MainWindow::selectTask(const QString &taskId)
{
    if (taskId.isEmpty())
        return false;
    const int row = m_model->rowOf(taskId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void MainWindow::openOutbox()
{
    if (!m_outboxDialog) {
        m_outboxDialog = new OutboxDialog(m_service, m_outbox, m_store, this);
    }
    m_outboxDialog->refresh();
    m_outboxDialog->show();
    m_outboxDialog->raise();
    m_outboxDialog->activateWindow();
}

void MainWindow::setOutboxProcessor(OutboxProcessor *processor)
{
    m_processor = processor;
    connect(processor, &OutboxProcessor::sent, this,
            [this](const OutboxEntry &entry, const WriteResult &result) {
                // The task just created here now has its source's id: keep it selected.
                if (entry.kind == OutboxEntry::Kind::Create && entry.taskId == m_createdTaskId &&
                    !result.sourceId.isEmpty())
                    selectTask(Task::makeId(sourceOf(entry.taskId), result.sourceId));
                updateOutboxState();
            });
    connect(processor, &OutboxProcessor::retrying, this, &MainWindow::updateOutboxState);
    connect(processor, &OutboxProcessor::idle, this, &MainWindow::updateOutboxState);
    connect(processor, &OutboxProcessor::paused, this,
            [this](const QString &source, const QString &message) {
                addProblem(tr("%1 does not accept the token (%2). Your changes wait until it "
                              "does: fix the token and sync again.")
                               .arg(Task::sourceName(source), message));
                updateOutboxState();
            });
    connect(processor, &OutboxProcessor::failed, this,
            [this](const OutboxEntry &entry, const QString &message) {
                const std::optional<Task> task = m_store->task(entry.taskId);
                addProblem(tr("“%1” could not be written back: %2. Task → Outbox… to retry or "
                              "discard it.")
                               .arg(task ? task->title : entry.taskId, message));
                updateOutboxState();
            });
    connect(processor, &OutboxProcessor::conflict, this,
            [this](const OutboxEntry &entry, const QString &currentState) {
                const std::optional<Task> task = m_store->task(entry.taskId);
                showMessage(tr("“%1” was already closed at the source (%2); it stays done.")
                                .arg(task ? task->title : entry.taskId, currentState));
                updateOutboxState();
            });
}

void MainWindow::updateOutboxState()
{
    const auto [waiting, failed] = m_service->outboxCounts();
    QStringList parts;
    QStringList links;
    if (failed > 0) {
        parts.append(failed == 1 ? tr("1 change failed") : tr("%1 changes failed").arg(failed));
        links.append(
            QStringLiteral("<a href=\"#\" style=\"color:#b3261e\">%1</a>").arg(parts.constLast()));
    }
    if (waiting > 0) {
        parts.append(waiting == 1 ? tr("1 change waiting") : tr("%1 changes waiting").arg(waiting));
        links.append(QStringLiteral("<a href=\"#\">%1</a>").arg(parts.constLast()));
    }
    m_outboxStatus = parts.join(QStringLiteral(" · "));
    m_outboxLabel->setText(links.join(QStringLiteral(" · ")));
    m_outboxLabel->setVisible(!parts.isEmpty());
}

QString MainWindow::outboxStatus() const
{
    return m_outboxStatus;
}

void MainWindow::setSyncEngine(SyncEngine *engine)
{
    if (engine->sources().isEmpty()) {
        m_syncLabel->setText(tr("Not connected"));
        m_syncLabel->setToolTip(tr("No ClickUp or GitHub token is set up."));
        return;
    }
    m_syncNow->setEnabled(true);
    connect(m_syncNow, &QAction::triggered, engine, &SyncEngine::syncAll);
    connect(engine, &SyncEngine::syncStarted, this, [this](const QString &source) {
        m_syncLabel->setText(tr("Syncing %1…").arg(Task::sourceName(source)));
    });
    connect(engine, &SyncEngine::rateLimited, this,
            [this](const QString &source, const QDateTime &until) {
                m_syncLabel->setText(
                    tr("%1: rate limited until %2")
                        .arg(Task::sourceName(source),
                             QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat)));
            });
    connect(engine, &SyncEngine::sourceFinished, this, &MainWindow::showSyncResult);
    connect(engine, &SyncEngine::sourceFinished, this, &MainWindow::noteSyncChanges);
}

void MainWindow::noteSyncChanges(const SourceSyncResult &result)
{
    if (!result.ok())
        return; // what the one before changed still stands
    m_syncChangesBySource.insert(Task::sourceName(result.source), TaskText::syncChanges(result));
    m_syncChanges->setText(m_syncChangesBySource.values().join(QStringLiteral(" · ")));
    m_syncChanges->setToolTip(tr("What the last sync of each source changed"));
    m_syncChanges->show();
}

QString MainWindow::syncChanges() const
{
    return m_syncChanges->text();
}

void MainWindow::showSyncResult(const SourceSyncResult &result)
{
    const QString time =
        QLocale().toString(result.finishedAt.toLocalTime().time(), QLocale::ShortFormat);
    if (result.ok()) {
        m_syncLabel->setText(tr("%1 synced at %2").arg(Task::sourceName(result.source), time));
        m_syncLabel->setToolTip(tr("%1 new, %2 updated, %3 closed")
                                    .arg(result.newTasks)
                                    .arg(result.updated)
                                    .arg(result.closed));
    } else {
        m_syncLabel->setText(tr("%1 sync failed at %2").arg(Task::sourceName(result.source), time));
        m_syncLabel->setToolTip(result.error);
    }
}

QString MainWindow::syncStatus() const
{
    return m_syncLabel->text();
}

bool MainWindow::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void MainWindow::updateView()
{
    const QString shown = m_details->taskId();
    const bool shownListed = !shown.isEmpty() && m_model->rowOf(shown) >= 0;
    if (std::exchange(m_leavingOutside, false) ||
        (m_changedOutside && !shown.isEmpty() && !shownListed)) {
        // Someone else closed or took the task looked at: it stays readable in the details
        // (which say so), and the list has nothing selected until the user picks a row.
        m_pinned = true;
        m_view->selectionModel()->clear();
    } else if (m_pinned && shownListed) {
        selectTask(shown); // back in the list (reopened, given back)
    } else if (std::exchange(m_lostSelection, false) ||
               (!m_view->currentIndex().isValid() && !m_pinned)) {
        // The task looked at left the list (closed here): show the current one instead.
        selectTask(m_nowCard->currentTaskId());
    }
    const int count = m_model->rowCount();
    m_stack->setCurrentWidget(count == 0 ? static_cast<QWidget *>(m_emptyState) : m_view);
    m_filter->setEnabled(count > 0);
    m_countLabel->setText(count == 0   ? tr("No open tasks")
                          : count == 1 ? tr("1 open task")
                                       : tr("%1 open tasks").arg(count));
}

} // namespace UpNext
