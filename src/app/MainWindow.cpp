#include "MainWindow.h"

#include "AboutDialog.h"
#include "BriefingWindow.h"
#include "Icons.h"
#include "NowCard.h"
#include "OutboxDialog.h"
#include "TaskDetails.h"
#include "TaskFilterModel.h"
#include "TaskItemDelegate.h"
#include "TaskListView.h"
#include "TaskTableModel.h"
#include "TaskText.h"
#include "Theme.h"
#include "ui_WelcomePage.h"

#include "appcore/SourceStatus.h"
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
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
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

// A coloured strip across the window: a message and one button to act on it, hidden until
// there is something to say.
QWidget *makeStrip(QWidget *parent, const QString &name, const QString &styleSheet, QLabel *text,
                   QAbstractButton *button)
{
    auto *strip = new QWidget(parent);
    strip->setObjectName(name);
    strip->setAttribute(Qt::WA_StyledBackground);
    strip->setStyleSheet(styleSheet);
    text->setParent(strip);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    button->setParent(strip);
    auto *layout = new QHBoxLayout(strip);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(text, 1);
    layout->addWidget(button, 0, Qt::AlignTop);
    strip->hide();
    return strip;
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
    , m_undo(new QAction(tr("&Undo"), this))
{
    // Heard before the list applies a change, so that the list knows why a row leaves.
    connect(m_store, &TaskStore::changed, this, &MainWindow::noteChanges);
    m_model = new TaskTableModel(store, entities, this);
    setWindowIcon(Icons::app());
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
                             "best first, once your accounts are synced.</p>"
                             "<p><a href=\"settings\">Connect your accounts…</a> "
                             "(File › Settings, Ctrl+,)</p>"));
    connect(m_emptyState, &QLabel::linkActivated, this, &MainWindow::settingsRequested);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(makeWelcome());
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
    m_demoText = new QLabel;
    m_demoText->setObjectName(QStringLiteral("demoText"));
    auto *quitDemo = new QPushButton(tr("&Quit Demo"));
    quitDemo->setObjectName(QStringLiteral("quitDemo"));
    connect(quitDemo, &QPushButton::clicked, this, &MainWindow::requestQuit);
    m_demoBanner =
        makeStrip(this, QStringLiteral("demoBanner"),
                  QStringLiteral("#demoBanner { background: #e6f2fb; border: 1px solid #4a90c8; }"
                                 " QLabel { color: #0b3a5c; }"),
                  m_demoText, quitDemo);
    layout->addWidget(m_demoBanner);
    layout->addWidget(makeOfflineBanner());
    layout->addWidget(makeBanner());
    layout->addWidget(m_nowCard);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_outboxLabel->setTextFormat(Qt::RichText);
    connect(m_outboxLabel, &QLabel::linkActivated, this, &MainWindow::openOutbox);
    statusBar()->addWidget(makeUndoBar());
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_outboxLabel);
    statusBar()->addPermanentWidget(m_syncLabel);
    m_sourceLabelsBox = new QWidget(this);
    auto *sources = new QHBoxLayout(m_sourceLabelsBox);
    sources->setContentsMargins(0, 0, 0, 0);
    statusBar()->addPermanentWidget(m_sourceLabelsBox);
    m_syncChanges->setObjectName(QStringLiteral("syncChanges"));
    m_syncChanges->hide();
    statusBar()->addPermanentWidget(m_syncChanges);
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
    connect(m_service, &TaskService::undoChanged, this, &MainWindow::updateUndo);
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
        setWindowTitle(m_isDemo ? tr("UpNext Demo") : tr("UpNext"));
        return;
    }
    // Long titles are cut: a taskbar shows the start of it anyway.
    constexpr int Longest = 80;
    QString title = TaskText::shownTitle(*task);
    if (title.size() > Longest)
        title = title.left(Longest - 1) + QChar(0x2026);
    // The demo's window is told apart from the real one's in a taskbar.
    setWindowTitle((m_isDemo ? tr("UpNext Demo — %1") : tr("UpNext — %1")).arg(title));
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
    QAction *settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &MainWindow::requestQuit);
    // Spelled out: QKeySequence::Quit is empty where no desktop says what it is.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setStatusTip(tr("Take back the last Done, Skip or comment"));
    m_undo->setEnabled(false);
    connect(m_undo, &QAction::triggered, this, &MainWindow::undo);
    editMenu->addAction(m_undo);
    editMenu->addSeparator();
    makeKeyboard(editMenu);

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

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About UpNext"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    about->setShortcut(QKeySequence(Qt::Key_F1));
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
    auto *dismiss = new QToolButton;
    dismiss->setText(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    m_banner =
        makeStrip(this, QStringLiteral("banner"),
                  QStringLiteral("#banner { background: #fff4ce; border: 1px solid #e8c65b; }"
                                 " QLabel { color: #4d3800; }"),
                  m_bannerText, dismiss);
    connect(dismiss, &QToolButton::clicked, this, [this] {
        m_problems.clear();
        m_banner->hide();
    });
    return m_banner;
}

QWidget *MainWindow::makeOfflineBanner()
{
    m_offlineText = new QLabel;
    m_offlineText->setObjectName(QStringLiteral("offlineText"));
    auto *retry = new QPushButton(tr("&Retry Now"));
    retry->setObjectName(QStringLiteral("retryNow"));
    retry->setToolTip(tr("Sync now and send the changes that wait"));
    connect(retry, &QPushButton::clicked, this, [this] {
        if (m_sourceStatus)
            m_sourceStatus->retryNow();
    });
    m_offlineBanner = makeStrip(
        this, QStringLiteral("offlineBanner"),
        QStringLiteral("#offlineBanner { background: #fde7e9; border: 1px solid #d13438; }"
                       " QLabel { color: #5c0f14; }"),
        m_offlineText, retry);
    return m_offlineBanner;
}

QWidget *MainWindow::makeWelcome()
{
    m_welcome = new QWidget(this);
    Ui::WelcomePage form;
    form.setupUi(m_welcome);
    connect(form.connectAccounts, &QPushButton::clicked, this, &MainWindow::settingsRequested);
    connect(form.tryDemo, &QPushButton::clicked, this, &MainWindow::demoRequested);
    return m_welcome;
}

void MainWindow::setWelcome(bool noAccounts)
{
    m_noAccounts = noAccounts;
    updateView();
}

bool MainWindow::isShowingWelcome() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::showDemoBanner(int teammateSeconds)
{
    m_demoText->setText(
        tr("This is the demo: simulated ClickUp and GitHub services on this computer, with "
           "made-up tasks. A teammate changes something about every %n seconds. Nothing you do "
           "here reaches a real account.",
           nullptr, teammateSeconds));
    m_demoBanner->show();
    m_isDemo = true;
    updateWindowTitle();
}

void MainWindow::bringToFront()
{
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

QWidget *MainWindow::makeUndoBar()
{
    // The message of a Done, Skip or comment, with its Undo beside it.
    m_undoBar = new QWidget(this);
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    m_undoMessage = new QLabel(m_undoBar);
    m_undoMessage->setObjectName(QStringLiteral("undoMessage"));
    m_undoMessage->setTextFormat(Qt::PlainText);
    auto *button = new QToolButton(m_undoBar);
    button->setObjectName(QStringLiteral("undoButton"));
    button->setText(tr("Undo"));
    button->setToolTip(
        tr("Take it back (%1)")
            .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    connect(button, &QToolButton::clicked, this, &MainWindow::undo);
    auto *layout = new QHBoxLayout(m_undoBar);
    layout->setContentsMargins(0, 0, 12, 0); // apart from the task count after it
    layout->addWidget(m_undoMessage);
    layout->addWidget(button);
    m_undoBar->hide();
    // Ctrl+Z in the comment box is the box's own while it has typing to undo; after a comment
    // was sent (the box is empty again) it takes the comment back.
    m_details->commentBox()->installEventFilter(this);
    return m_undoBar;
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitStatusBar();
}

void MainWindow::fitStatusBar()
{
    // A narrow window keeps what matters in its status bar: the message, the count, what
    // waits and each source's state; a long message is cut in the middle (in full as a tip).
    const bool narrow = width() < 960;
    m_syncChanges->setVisible(!narrow && !m_syncChanges->text().isEmpty());
    m_profileLabel->setVisible(!narrow);
    const QString shown =
        m_undoMessage->fontMetrics().elidedText(m_undoText, Qt::ElideMiddle, width() / 2);
    m_undoMessage->setText(shown);
    m_undoMessage->setToolTip(shown == m_undoText ? QString() : m_undoText);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_details->commentBox() && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Undo) &&
        !m_details->commentBox()->document()->isUndoAvailable() && m_undo->isEnabled())
        return true; // not accepted: the window's Undo gets it
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateUndo()
{
    const std::optional<UndoOffer> offer = m_service->undoOffer();
    m_undo->setEnabled(offer.has_value());
    if (!offer) {
        m_undoPending = 0;
        m_undoBar->hide();
        return;
    }
    // An older one, back after an undo: Ctrl+Z reaches it, but the message is about the undo.
    if (offer->serial <= m_undoShown) {
        if (offer->serial < m_undoShown)
            m_undoBar->hide();
        return;
    }
    // The card or the details pane says what was done, right after this; from elsewhere (the
    // tray) nothing does, and the window says it.
    m_undoPending = offer->serial;
    QMetaObject::invokeMethod(
        this,
        [this, serial = offer->serial] {
            const std::optional<UndoOffer> offer = m_service->undoOffer();
            if (m_undoPending != serial || !offer || offer->serial != serial)
                return;
            // As the list shows it: a GitHub title without its client prefix.
            const QString title = tr("“%1”").arg(sourceOf(offer->taskId) == Sources::GitHub
                                                     ? Entities::withoutClientPrefix(offer->title)
                                                     : offer->title);
            showUndoMessage(offer->kind == UndoOffer::Kind::Done ? tr("Done: %1").arg(title)
                            : offer->kind == UndoOffer::Kind::Skip
                                ? tr("Skipped %1 for today").arg(title)
                                : tr("Comment queued for %1").arg(title));
        },
        Qt::QueuedConnection);
}

void MainWindow::showUndoMessage(const QString &text)
{
    const std::optional<UndoOffer> offer = m_service->undoOffer();
    if (!offer)
        return;
    m_undoPending = 0;
    m_undoShown = offer->serial;
    QString shown = text;
    // A write that cannot go now says so.
    if (m_sourceStatus && offer->kind != UndoOffer::Kind::Skip) {
        const QString queued = m_sourceStatus->queuedReason(sourceOf(offer->taskId));
        if (!queued.isEmpty())
            shown = tr("%1 — %2").arg(text, queued);
    }
    statusBar()->clearMessage();
    m_undoText = shown;
    fitStatusBar();
    m_undoBar->show();
}

void MainWindow::undo()
{
    const std::optional<UndoOffer> offer = m_service->undoOffer();
    if (!offer)
        return;
    const TaskResult result = m_service->undo(m_service->now());
    if (!result.ok()) {
        showMessage(result.error);
        return;
    }
    const QString title = tr("“%1”").arg(offer->title);
    switch (offer->kind) {
    case UndoOffer::Kind::Done:
        showMessage(tr("Undone: %1 is open again").arg(title));
        break;
    case UndoOffer::Kind::Skip:
        showMessage(tr("Undone: %1 is not skipped").arg(title));
        break;
    case UndoOffer::Kind::Comment:
        showMessage(tr("Undone: the comment on %1 is not sent").arg(title));
        // Back in the box, to be fixed and sent again.
        if (m_details->taskId() == offer->taskId &&
            m_details->commentBox()->toPlainText().isEmpty())
            m_details->commentBox()->setPlainText(offer->text);
        break;
    }
    if (offer->kind != UndoOffer::Kind::Comment)
        selectTask(offer->taskId);
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
    if (m_undoPending != 0) {
        showUndoMessage(text);
        return;
    }
    statusBar()->showMessage(text, 8000);
}

void MainWindow::requestQuit()
{
    const int waiting = m_service->outboxCounts().waiting;
    if (waiting == 0) {
        QCoreApplication::quit();
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Information, tr("Quit UpNext"),
                        tr("%n changes have not reached their sources yet.", nullptr, waiting),
                        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("quitConfirm"));
    box->setInformativeText(
        tr("They stay in the outbox and are sent the next time UpNext starts."));
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    box->setDefaultButton(quit);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [quit](QAbstractButton *button) {
        if (button == quit)
            QCoreApplication::quit();
    });
    box->open();
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
    m_createdTaskId = dialog.createdTaskId();
    const std::optional<Task> task = m_store->task(m_createdTaskId);
    const QString title = tr("“%1”").arg(task ? task->title : m_createdTaskId);
    const QString source = sourceOf(m_createdTaskId);
    const QString queued = m_sourceStatus ? m_sourceStatus->queuedReason(source) : QString();
    showMessage(queued.isEmpty()
                    ? tr("Created %1; it goes to %2 now").arg(title, Task::sourceName(source))
                    : tr("Created %1 — %2").arg(title, queued));
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
        parts.append(tr("%n changes failed", nullptr, failed));
        links.append(QStringLiteral("<a href=\"#\" style=\"color:%1\">%2</a>")
                         .arg(Theme::color(Theme::Role::Error).name(), parts.constLast()));
    }
    if (waiting > 0) {
        parts.append(tr("%n changes waiting", nullptr, waiting));
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
    // Called again each time the sources load (after the settings changed an account).
    const bool connected = !engine->sources().isEmpty();
    m_syncLabel->setVisible(!connected); // else each source says how it is (setSourceStatus())
    m_syncNow->setEnabled(connected);
    if (!connected) {
        m_syncLabel->setText(tr("Not connected"));
        m_syncLabel->setToolTip(tr("No ClickUp or GitHub token is set up."));
    }
    if (std::exchange(m_syncEngine, engine) == engine)
        return;
    connect(m_syncNow, &QAction::triggered, engine, &SyncEngine::syncAll);
    // What the last good sync brought, for the source's tooltip.
    connect(engine, &SyncEngine::sourceFinished, this, [this](const SourceSyncResult &result) {
        if (!result.ok())
            return;
        m_lastSync.insert(result.source, tr("%1 new, %2 updated, %3 closed")
                                             .arg(result.newTasks)
                                             .arg(result.updated)
                                             .arg(result.closed));
        if (m_sourceStatus)
            updateSourceState();
    });
    connect(engine, &SyncEngine::sourceFinished, this, &MainWindow::noteSyncChanges);
}

void MainWindow::noteSyncChanges(const SourceSyncResult &result)
{
    if (!result.ok())
        return; // what the one before changed still stands
    m_syncChangesBySource.insert(Task::sourceName(result.source), TaskText::syncChanges(result));
    m_syncChanges->setText(m_syncChangesBySource.values().join(QStringLiteral(" · ")));
    m_syncChanges->setToolTip(tr("What the last sync of each source changed"));
    fitStatusBar();
}

QString MainWindow::syncChanges() const
{
    return m_syncChanges->text();
}

void MainWindow::setSourceStatus(SourceStatus *status)
{
    m_sourceStatus = status;
    for (const QString &source : status->sources()) {
        auto *label = new QLabel(m_sourceLabelsBox);
        label->setObjectName(QStringLiteral("sourceState_%1").arg(source));
        label->setTextFormat(Qt::PlainText);
        m_sourceLabelsBox->layout()->addWidget(label);
        m_sourceLabels.insert(source, label);
    }
    connect(status, &SourceStatus::changed, this, &MainWindow::updateSourceState);
    updateSourceState();
}

void MainWindow::updateSourceState()
{
    for (auto it = m_sourceLabels.cbegin(); it != m_sourceLabels.cend(); ++it) {
        const QString text = m_sourceStatus->describe(it.key());
        it.value()->setText(text);
        const QString reason = m_sourceStatus->state(it.key()).reason;
        it.value()->setToolTip(reason.isEmpty() ? m_lastSync.value(it.key(), text) : reason);
        const bool problem =
            m_sourceStatus->state(it.key()).kind != SourceStatus::State::Kind::Synced &&
            m_sourceStatus->state(it.key()).kind != SourceStatus::State::Kind::Unknown;
        if (problem)
            Theme::colorText(it.value(), Theme::Role::Error);
        else
            Theme::clearColor(it.value());
    }
    const QString offline = m_sourceStatus->offlineText();
    m_offlineText->setText(offline);
    m_offlineBanner->setVisible(!offline.isEmpty());
}

QString MainWindow::syncStatus() const
{
    if (m_sourceLabels.isEmpty())
        return m_syncLabel->text();
    QStringList texts;
    for (const QString &source : m_sourceStatus->sources())
        texts.append(m_sourceLabels.value(source)->text());
    return texts.join(QStringLiteral(" · "));
}

bool MainWindow::isShowingEmptyState() const
{
    return m_stack->currentWidget() != m_view;
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
    QWidget *empty = m_noAccounts ? m_welcome : static_cast<QWidget *>(m_emptyState);
    m_stack->setCurrentWidget(count == 0 ? empty : m_view);
    // The welcome has the window to itself: an empty Now card, search and details would only
    // say there is nothing yet.
    const bool welcome = count == 0 && m_noAccounts;
    m_nowCard->setVisible(!welcome);
    m_filter->setVisible(!welcome);
    m_details->setVisible(!welcome);
    m_filter->setEnabled(count > 0);
    m_countLabel->setText(count == 0 ? tr("No open tasks") : tr("%n open tasks", nullptr, count));
}

} // namespace UpNext
