#include "AppCore.h"

#include "core/Clock.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sync/OutboxProcessor.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"

#include <QNetworkInformation>

namespace UpNext {

AppCore::AppCore(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(Clock::system())
{}

AppCore::~AppCore() = default;

bool AppCore::open(QString *error)
{
    if (!m_profile.ensureWritable(error))
        return false;
    m_store = std::make_unique<TaskStore>();
    if (!m_store->open(m_profile.databasePath())) {
        *error = m_store->lastError();
        return false;
    }
    m_settings = std::make_unique<Settings>(m_profile.settingsPath());
    m_entities = std::make_unique<Entities>();
    m_entities->load(m_profile.entitiesPath());
    for (const QString &problem :
         {m_store->recoveryMessage(), m_settings->loadError(), m_entities->lastError()}) {
        if (!problem.isEmpty())
            m_problems.append(problem);
    }

    m_secrets = std::make_unique<SecretStore>();
    m_outbox = std::make_unique<Outbox>(m_store.get());
    m_service = std::make_unique<TaskService>(m_store.get(), m_outbox.get(), m_entities.get());
    m_service->setScoreWeights(m_settings->scoreWeights());
    m_service->setClock(m_clock);
    m_engine = std::make_unique<SyncEngine>(m_store.get(), m_entities.get());
    m_engine->setScoreWeights(m_settings->scoreWeights());
    m_engine->setClock(m_clock);
    // A task whose completion is on its way keeps its local state through a sync.
    m_engine->setOutbox(m_outbox.get());
    m_processor = std::make_unique<OutboxProcessor>(m_outbox.get());
    m_processor->setClock(m_clock);
    m_sources = std::make_unique<SyncSources>(m_settings.get(), m_secrets.get(), m_store.get(),
                                              m_entities.get(), m_engine.get(), m_processor.get());
    m_sources->setClock(m_clock);
    connect(m_sources.get(), &SyncSources::loaded, this, &AppCore::sourcesLoaded);
    return true;
}

void AppCore::loadSources()
{
    m_sources->load();
}

void AppCore::start()
{
    if (m_engine->sources().isEmpty())
        return;
    // What the user does goes out at once.
    connect(m_service.get(), &TaskService::queued, m_processor.get(), &OutboxProcessor::processNow);
    // A source that syncs again has a working token and a connection: its writes may go.
    connect(m_engine.get(), &SyncEngine::sourceFinished, m_processor.get(),
            [this](const SourceSyncResult &result) {
                if (result.ok()) {
                    m_processor->resume(result.source);
                    m_processor->retryNow();
                }
            });
    if (QNetworkInformation::loadDefaultBackend()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged,
                m_processor.get(), [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        m_processor->retryNow();
                });
    }
    m_engine->start(std::chrono::minutes(m_settings->syncIntervalMinutes()));
    m_processor->start();
}

} // namespace UpNext
