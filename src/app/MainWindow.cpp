#include "MainWindow.h"
#include "TaskTableModel.h"

#include "core/Entities.h"
#include "core/TaskStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace UpNext {

namespace {

QString sourceName(const QString &source)
{
    return source == Sources::GitHub ? MainWindow::tr("GitHub") : MainWindow::tr("ClickUp");
}

} // namespace

MainWindow::MainWindow(TaskStore *store, Entities *entities, const QString &profileDirectory,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_entities(entities)
    , m_model(new TaskTableModel(store, entities, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_banner(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_view(new QTableView(this))
    , m_countLabel(new QLabel(this))
    , m_syncLabel(new QLabel(this))
    , m_syncNow(new QAction(tr("&Sync Now"), this))
{
    setWindowTitle(tr("UpNext"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/upnext.svg")));
    resize(960, 600);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    if (m_entities) {
        QAction *reload =
            fileMenu->addAction(tr("&Reload Clients"), this, &MainWindow::reloadEntities);
        reload->setShortcut(QKeySequence::Refresh);
        reload->setStatusTip(tr("Read entities.json again"));
    }
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(
        QStringLiteral("background: #fff4ce; color: #4d3800; border: 1px solid #e8c65b;"));
    m_banner->hide();

    m_filter->setPlaceholderText(tr("Search tasks"));
    m_filter->setClearButtonEnabled(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TaskTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TaskTableModel::ScoreColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TaskTableModel::TitleColumn,
                                                     QHeaderView::Stretch);

    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::RichText);
    m_emptyState->setText(tr("<h2>Nothing to do yet</h2>"
                             "<p>The ClickUp tasks and GitHub issues assigned to you appear here, "
                             "best first, once your accounts are synced.</p>"));

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_view);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(new QLabel(tr("Profile: %1").arg(profileDirectory), this));

    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateView);
    updateView();
}

void MainWindow::addProblem(const QString &message)
{
    if (message.isEmpty())
        return;
    m_problems.append(message);
    m_banner->setText(m_problems.join(QLatin1Char('\n')));
    m_banner->show();
}

void MainWindow::reloadEntities()
{
    if (m_entities->reload())
        statusBar()->showMessage(tr("Reloaded %1").arg(m_entities->path()), 5000);
    else
        addProblem(m_entities->lastError());
}

void MainWindow::setSyncEngine(SyncEngine *engine)
{
    m_engine = engine;
    if (engine->sources().isEmpty()) {
        m_syncLabel->setText(tr("Not connected"));
        m_syncLabel->setToolTip(tr("No ClickUp or GitHub token is set up."));
        return;
    }
    m_syncNow->setEnabled(true);
    connect(m_syncNow, &QAction::triggered, engine, &SyncEngine::syncAll);
    connect(engine, &SyncEngine::syncStarted, this, [this](const QString &source) {
        m_syncLabel->setText(tr("Syncing %1…").arg(sourceName(source)));
    });
    connect(engine, &SyncEngine::rateLimited, this,
            [this](const QString &source, const QDateTime &until) {
                m_syncLabel->setText(
                    tr("%1: rate limited until %2")
                        .arg(sourceName(source),
                             QLocale().toString(until.toLocalTime().time(), QLocale::ShortFormat)));
            });
    connect(engine, &SyncEngine::sourceFinished, this, &MainWindow::showSyncResult);
}

void MainWindow::showSyncResult(const SourceSyncResult &result)
{
    const QString time =
        QLocale().toString(result.finishedAt.toLocalTime().time(), QLocale::ShortFormat);
    if (result.ok()) {
        m_syncLabel->setText(tr("%1 synced at %2").arg(sourceName(result.source), time));
        m_syncLabel->setToolTip(tr("%1 new, %2 updated, %3 closed")
                                    .arg(result.newTasks)
                                    .arg(result.updated)
                                    .arg(result.closed));
    } else {
        m_syncLabel->setText(tr("%1 sync failed at %2").arg(sourceName(result.source), time));
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
    const int count = m_model->rowCount();
    m_stack->setCurrentWidget(count == 0 ? static_cast<QWidget *>(m_emptyState) : m_view);
    m_filter->setEnabled(count > 0);
    m_countLabel->setText(count == 0   ? tr("No open tasks")
                          : count == 1 ? tr("1 open task")
                                       : tr("%1 open tasks").arg(count));
}

} // namespace UpNext
