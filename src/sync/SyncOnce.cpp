#include "SyncOnce.h"
#include "SyncEngine.h"

#include "core/Entities.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskStore.h"
#include "sources/ClickUpReader.h"
#include "sources/GitHubReader.h"

#include <QLocale>
#include <QTimer>

namespace UpNext {

SyncOnce::SyncOnce(const Profile &profile, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_out(out)
    , m_err(err)
{}

SyncOnce::~SyncOnce() = default;

int SyncOnce::exec()
{
    QTimer::singleShot(0, this, &SyncOnce::start);
    return m_loop.exec();
}

void SyncOnce::quit(int code)
{
    m_out.flush();
    m_err.flush();
    m_loop.exit(code);
}

void SyncOnce::start()
{
    QString error;
    if (!m_profile.ensureWritable(&error)) {
        m_err << error << Qt::endl;
        return quit(2);
    }
    m_store = std::make_unique<TaskStore>();
    if (!m_store->open(m_profile.databasePath())) {
        m_err << m_store->lastError() << Qt::endl;
        return quit(2);
    }
    if (!m_store->recoveryMessage().isEmpty())
        m_err << m_store->recoveryMessage() << Qt::endl;
    m_settings = std::make_unique<Settings>(m_profile.settingsPath());
    if (!m_settings->loadError().isEmpty())
        m_err << m_settings->loadError() << Qt::endl;
    m_entities = std::make_unique<Entities>();
    if (!m_entities->load(m_profile.entitiesPath()))
        m_err << m_entities->lastError() << Qt::endl;

    m_engine = std::make_unique<SyncEngine>(m_store.get(), m_entities.get());
    m_engine->setScoreWeights(m_settings->scoreWeights());
    connect(m_engine.get(), &SyncEngine::sourceFinished, this, &SyncOnce::report);
    connect(m_engine.get(), &SyncEngine::rateLimited, this,
            [this](const QString &source, const QDateTime &until) {
                m_err << tr("%1: rate limited until %2, waiting")
                             .arg(source, QLocale().toString(until.toLocalTime().time(),
                                                             QLocale::ShortFormat))
                      << Qt::endl;
            });
    connect(m_engine.get(), &SyncEngine::idle, this, [this] { quit(m_failed ? 1 : 0); });

    m_secrets = std::make_unique<SecretStore>();
    m_pendingTokens = 2;
    readToken(true);
    readToken(false);
}

void SyncOnce::readToken(bool gitHub)
{
    const QUrl base = gitHub ? m_settings->gitHubBaseUrl() : m_settings->clickUpBaseUrl();
    const auto secret =
        gitHub ? SecretStore::Secret::GitHubToken : SecretStore::Secret::ClickUpToken;
    m_secrets->read(secret, base.host(), this, [this, gitHub](const SecretResult &result) {
        if (result.status == SecretResult::Status::Error)
            m_err << (gitHub ? "github: " : "clickup: ") << result.error << Qt::endl;
        tokenRead(gitHub, result.status == SecretResult::Status::Found ? result.value : QString());
    });
}

void SyncOnce::tokenRead(bool gitHub, const QString &token)
{
    if (gitHub && !token.isEmpty()) {
        m_gitHub = std::make_unique<RestClient>(&m_manager, m_settings->gitHubBaseUrl());
        GitHubReader::configure(m_gitHub.get(), token.toUtf8());
        GitHubReaderOptions options;
        options.repos = m_settings->gitHubRepos();
        options.includePullRequests = m_settings->gitHubIncludePullRequests();
        options.blockingLabels = m_settings->gitHubBlockingLabels();
        m_engine->addSource(Sources::GitHub, [this, options] {
            return new GitHubReader(m_gitHub.get(), m_store.get(), m_entities.get(), options);
        });
    }
    if (!gitHub && !token.isEmpty()) {
        m_clickUp = std::make_unique<RestClient>(&m_manager, m_settings->clickUpBaseUrl());
        ClickUpReader::configure(m_clickUp.get(), token.toUtf8());
        ClickUpReaderOptions options;
        options.listIds = m_settings->clickUpListIds();
        options.teamId = m_settings->clickUpTeamId();
        options.inProgressStatuses = m_settings->clickUpInProgressStatuses();
        m_engine->addSource(Sources::ClickUp, [this, options]() mutable {
            options.fullListing =
                ClickUpReader::fullListingDue(*m_store, QDateTime::currentDateTimeUtc());
            return new ClickUpReader(m_clickUp.get(), m_store.get(), m_entities.get(), options);
        });
    }
    if (--m_pendingTokens == 0)
        syncConfigured();
}

void SyncOnce::syncConfigured()
{
    if (m_engine->sources().isEmpty()) {
        m_err << tr("Nothing to sync: no ClickUp or GitHub token. Store one in the keychain from "
                    "the app's "
                    "settings, or set UPNEXT_CLICKUP_TOKEN / UPNEXT_GITHUB_TOKEN.")
              << Qt::endl;
        return quit(2);
    }
    m_engine->syncAll();
}

void SyncOnce::report(const SourceSyncResult &result)
{
    if (!result.ok()) {
        m_failed = true;
        m_out << tr("%1: failed after %2 requests: %3")
                     .arg(result.source)
                     .arg(result.requests)
                     .arg(result.error)
              << Qt::endl;
        return;
    }
    QString line = tr("%1: %2 new, %3 updated, %4 closed, %5 requests, 0 errors")
                       .arg(result.source)
                       .arg(result.newTasks)
                       .arg(result.updated)
                       .arg(result.closed)
                       .arg(result.requests);
    if (!result.warnings.isEmpty())
        line += tr(", %1 warnings").arg(result.warnings.size());
    m_out << line << Qt::endl;
}

} // namespace UpNext
