#include "Desktop.h"
#include "MainWindow.h"

#include "appcore/AppCore.h"
#include "core/Profile.h"
#include "sync/SyncSources.h"

namespace UpNext {

Desktop::Desktop(AppCore *core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_window(std::make_unique<MainWindow>(core->store(), core->entities(), core->service(),
                                            core->outbox(), core->profile().directory()))
{
    for (const QString &problem : core->problems())
        m_window->addProblem(problem);
    m_window->setOutboxProcessor(core->processor());
    connect(core, &AppCore::sourcesLoaded, this, [this](const QStringList &problems) {
        for (const QString &problem : problems)
            m_window->addProblem(problem);
        m_window->setSyncEngine(m_core->engine());
        m_window->setCreateDestinations(m_core->sources()->createDestinations());
        m_core->start();
    });
}

Desktop::~Desktop() = default;

void Desktop::start(int webhookPort)
{
    m_window->show();
    connect(m_core, &AppCore::webhooksFailed, m_window.get(), &MainWindow::addProblem);
    m_core->loadSources();
    m_core->startWebhooks(webhookPort);
}

} // namespace UpNext
