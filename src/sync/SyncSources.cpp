#include "SyncSources.h"
#include "OutboxProcessor.h"
#include "SyncEngine.h"

#include "core/Clock.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sources/ClickUpReader.h"
#include "sources/ClickUpWriter.h"
#include "sources/GitHubReader.h"
#include "sources/GitHubWriter.h"

namespace UpNext {

SyncSources::SyncSources(const Settings *settings, SecretStore *secrets, TaskStore *store,
                         const Entities *entities, SyncEngine *engine, OutboxProcessor *processor,
                         QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_store(store)
    , m_entities(entities)
    , m_engine(engine)
    , m_processor(processor)
    , m_clock(Clock::system())
{}

SyncSources::~SyncSources() = default;

SyncSources::TokenKey SyncSources::tokenKey(const QString &source, const QUrl &baseUrl)
{
    return {source == Sources::GitHub ? SecretStore::Secret::GitHubToken
                                      : SecretStore::Secret::ClickUpToken,
            baseUrl.host()};
}

void SyncSources::load()
{
    m_problems.clear();
    m_pending = 2;
    for (const bool gitHub : {true, false}) {
        const TokenKey key = gitHub ? tokenKey(Sources::GitHub, m_settings->gitHubBaseUrl())
                                    : tokenKey(Sources::ClickUp, m_settings->clickUpBaseUrl());
        m_secrets->read(key.secret, key.account, this, [this, gitHub](const SecretResult &result) {
            // One line however many keys failed: the keychain as a whole is usually the cause
            // (none running, no session bus, locked).
            if (result.status == SecretResult::Status::Error && m_problems.isEmpty())
                m_problems.append(
                    tr("UpNext cannot read your account tokens from the keychain, so it does not "
                       "sync: %1. Your tasks and waiting changes are kept; once the keychain runs "
                       "and is unlocked, restart UpNext.")
                        .arg(result.error));
            tokenRead(gitHub,
                      result.status == SecretResult::Status::Found ? result.value : QString());
        });
    }
}

void SyncSources::unload()
{
    for (const QString &source : {Sources::GitHub, Sources::ClickUp}) {
        m_engine->removeSource(source);
        if (m_processor)
            m_processor->removeWriter(source);
    }
    m_gitHubWriter.reset();
    m_clickUpWriter.reset();
    m_gitHub.reset();
    m_clickUp.reset();
}

QList<Destination> SyncSources::createDestinations() const
{
    QList<Destination> destinations;
    const QString repo = m_settings->gitHubCreateRepo();
    if (m_gitHubWriter && !repo.isEmpty())
        destinations.append({Sources::GitHub, repo, tr("GitHub: %1").arg(repo)});
    const QString list = m_settings->clickUpCreateListId();
    if (m_clickUpWriter && !list.isEmpty()) {
        // By name once a sync has seen the list; a raw list id says nothing to the user.
        const QString name = m_engine->state()->containerName(Sources::ClickUp, list);
        destinations.append(
            {Sources::ClickUp, list, name.isEmpty() ? tr("ClickUp") : tr("ClickUp: %1").arg(name)});
    }
    return destinations;
}

void SyncSources::tokenRead(bool gitHub, const QString &token)
{
    if (gitHub && !token.isEmpty()) {
        m_gitHub = std::make_unique<RestClient>(&m_manager, m_settings->gitHubBaseUrl());
        GitHubReader::configure(m_gitHub.get(), token.toUtf8());
        GitHubReaderOptions options;
        options.repos = m_settings->gitHubRepos();
        options.includePullRequests = m_settings->gitHubIncludePullRequests();
        options.blockingLabels = m_settings->gitHubBlockingLabels();
        m_engine->addSource(Sources::GitHub, [this, options] {
            auto *reader =
                new GitHubReader(m_gitHub.get(), m_store, m_engine->state(), m_entities, options);
            reader->setClock(m_clock);
            return reader;
        });
        if (m_processor) {
            m_gitHubWriter = std::make_unique<GitHubWriter>(
                m_gitHub.get(), GitHubWriterOptions{{}, m_settings->gitHubCreateRepo()});
            m_gitHubWriter->setClock(m_clock);
            // GitHub allows about 80 content-creating requests a minute.
            m_processor->addWriter(Sources::GitHub, m_gitHubWriter.get(),
                                   std::chrono::milliseconds(750));
        }
    } else if (!gitHub && !token.isEmpty()) {
        m_clickUp = std::make_unique<RestClient>(&m_manager, m_settings->clickUpBaseUrl());
        ClickUpReader::configure(m_clickUp.get(), token.toUtf8());
        ClickUpReaderOptions options;
        options.listIds = m_settings->clickUpListIds();
        options.teamId = m_settings->clickUpTeamId();
        options.inProgressStatuses = m_settings->clickUpInProgressStatuses();
        m_engine->addSource(Sources::ClickUp, [this, options]() mutable {
            options.fullListing = ClickUpReader::fullListingDue(*m_engine->state(), m_clock->now());
            auto *reader =
                new ClickUpReader(m_clickUp.get(), m_store, m_engine->state(), m_entities, options);
            reader->setClock(m_clock);
            return reader;
        });
        if (m_processor) {
            ClickUpWriterOptions writerOptions;
            writerOptions.createListId = m_settings->clickUpCreateListId();
            m_clickUpWriter = std::make_unique<ClickUpWriter>(m_clickUp.get(), writerOptions);
            m_clickUpWriter->setClock(m_clock);
            // ClickUp allows 100 requests a minute for reads and writes together; a
            // completion takes up to three.
            m_processor->addWriter(Sources::ClickUp, m_clickUpWriter.get(),
                                   std::chrono::milliseconds(1800));
        }
    }
    if (--m_pending == 0)
        Q_EMIT loaded(m_problems);
}

} // namespace UpNext
