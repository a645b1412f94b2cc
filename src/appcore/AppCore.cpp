#include "AppCore.h"

#include "ApiToken.h"
#include "LocalApi.h"

#include "ChangeNotifier.h"
#include "SourceStatus.h"
#include "TaskComments.h"

#include "core/Clock.h"
#include "core/Entities.h"
#include "core/Logging.h"
#include "core/Outbox.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "core/Translations.h"
#include "server/HttpServer.h"
#include "server/WebhookHealth.h"
#include "server/WebhookServer.h"
#include "sources/CommentReader.h"
#include "sync/OutboxProcessor.h"
#include "sync/SourceSyncResult.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"
#include "sync/WebhookRegistrar.h"

#include <QFile>
#include <QNetworkInformation>

namespace UpNext {

AppCore::AppCore(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(Clock::system())
{}

AppCore::~AppCore()
{
    // No one should look for this UpNext's API any more.
    if (m_portFileWritten)
        QFile::remove(ApiToken::portPath(m_profile));
}

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
    // Before anything says a word: the language the settings ask for.
    Translations::install(m_settings->language());
    m_entities = std::make_unique<Entities>();
    m_entities->load(m_profile.entitiesPath());
    for (const QString &problem :
         {m_store->recoveryMessage(), m_settings->loadError(), m_entities->lastError()}) {
        if (!problem.isEmpty())
            m_problems.append(problem);
    }

    m_secrets = std::make_unique<SecretStore>();
    if (m_secretsInMemory)
        m_secrets->setMemoryOnly();
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
    m_status =
        std::make_unique<SourceStatus>(m_engine.get(), m_processor.get(), m_outbox.get(), m_clock);
    m_sources = std::make_unique<SyncSources>(m_settings.get(), m_secrets.get(), m_store.get(),
                                              m_entities.get(), m_engine.get(), m_processor.get());
    m_sources->setClock(m_clock);
    connect(m_sources.get(), &SyncSources::loaded, this, [this](const QStringList &problems) {
        m_webhooks->setClickUpClient(m_sources->clickUpClient());
        Q_EMIT sourcesLoaded(problems);
    });
    m_webhooks = std::make_unique<WebhookServer>(
        WebhookReceiver::Parts{m_store.get(), m_engine.get(), nullptr, m_entities.get(), m_clock});
    m_webhooks->configure(*m_settings);
    m_api = std::make_unique<LocalApi>(this);
    m_webhooks->http()->setFallback(
        [this](const HttpRequest &request, const HttpServer::Reply &reply) {
            m_api->handle(request, reply);
        });
    // The API's requests that arrive together are the user's actions, committed together.
    m_webhooks->http()->setFallbackBatch([store = m_store.get()](const std::function<void()> &all) {
        return store->transaction(ChangeOrigin::User, [&] {
            all();
            return true;
        });
    });
    m_health = std::make_unique<WebhookHealth>(m_engine.get(), m_webhooks.get());
    m_health->setSilence(std::chrono::minutes(m_settings->webhookSilenceMinutes()));
    m_notifier = std::make_unique<ChangeNotifier>(m_store.get(), m_entities.get());
    applyNotificationSettings();
    connect(m_processor.get(), &OutboxProcessor::failed, m_notifier.get(),
            &ChangeNotifier::writeRefused);
    connect(m_processor.get(), &OutboxProcessor::sent, m_engine.get(), &SyncEngine::writeSettled);
    connect(m_processor.get(), &OutboxProcessor::failed, m_engine.get(), &SyncEngine::writeSettled);
    connect(m_processor.get(), &OutboxProcessor::paused, m_notifier.get(),
            &ChangeNotifier::tokenRejected);
    connect(m_engine.get(), &SyncEngine::sourceFinished, m_notifier.get(),
            [this](const SourceSyncResult &result) {
                if (result.ok())
                    m_notifier->tokenAccepted(result.source);
            });
    connect(m_health.get(), &WebhookHealth::notArriving, m_notifier.get(),
            &ChangeNotifier::webhooksNotArriving);
    m_commentReader = std::make_unique<CommentReader>([this](const QString &source) {
        if (!m_sources)
            return static_cast<RestClient *>(nullptr);
        return source == Sources::GitHub ? m_sources->gitHubClient() : m_sources->clickUpClient();
    });
    m_comments =
        std::make_unique<TaskComments>(m_commentReader.get(), m_store.get(), m_outbox.get());
    m_comments->setClock(m_clock);
    connect(m_processor.get(), &OutboxProcessor::sent, m_comments.get(),
            [this](const OutboxEntry &entry) {
                if (entry.kind == OutboxEntry::Kind::Comment)
                    m_comments->commentSent(entry);
            });
    m_registrar =
        std::make_unique<WebhookRegistrar>(m_settings.get(), m_secrets.get(), m_store.get());
    m_registrar->setClock(m_clock);
    connect(m_registrar.get(), &WebhookRegistrar::finished, this,
            [this](const WebhookRegistrationReport &report) {
                for (const WebhookRegistration &result : report.results) {
                    if (result.action == WebhookRegistration::Action::Failed)
                        qCWarning(lcWebhook).noquote()
                            << result.source << result.target << result.message;
                }
                // A new ClickUp webhook comes with a secret of its own.
                readWebhookSecrets([] {});
            });
    return true;
}

void AppCore::applyNotificationSettings()
{
    using Kind = Notification::Kind;
    // The older switch for all outside changes still turns those kinds off.
    const bool outside = m_settings->notifyExternalChanges();
    bool anyChange = false;
    for (const Kind kind :
         {Kind::Closed, Kind::Reopened, Kind::Assigned, Kind::Unassigned, Kind::Commented,
          Kind::DueMoved, Kind::WriteRefused, Kind::TokenRejected, Kind::WebhooksNotArriving}) {
        const bool change = ChangeNotifier::isOutsideChange(kind);
        const bool on =
            (outside || !change) && m_settings->notificationEnabled(ChangeNotifier::kindName(kind));
        m_notifier->setEnabled(kind, on);
        anyChange = anyChange || (change && on);
    }
    m_notifier->setEnabled(Kind::Summary, anyChange); // a burst of the changes above
    m_notifier->setDoNotDisturb(m_settings->doNotDisturb());
}

void AppCore::applySettings()
{
    applyNotificationSettings();
    m_webhooks->configure(*m_settings);
    m_health->setSilence(std::chrono::minutes(m_settings->webhookSilenceMinutes()));
    // New weights rank the list again at once, not at the next sync or midnight.
    const ScoreWeights weights = m_settings->scoreWeights();
    m_service->setScoreWeights(weights);
    if (weights != m_engine->scoreWeights()) {
        m_engine->setScoreWeights(weights);
        m_engine->rescore(m_clock->now());
    }
    // A new interval starts from now (start() syncs at once); the same one goes on as it was.
    const std::chrono::milliseconds interval =
        std::chrono::minutes(m_settings->syncIntervalMinutes());
    if (m_engine->isStarted() && m_engine->interval() != interval)
        m_engine->start(interval);
}

void AppCore::setToken(const QString &source, const QString &token,
                       const std::function<void(const QString &error)> &done)
{
    const SyncSources::TokenKey key =
        SyncSources::tokenKey(source, source == Sources::GitHub ? m_settings->gitHubBaseUrl()
                                                                : m_settings->clickUpBaseUrl());
    if (token.isEmpty())
        m_secrets->remove(key.secret, key.account, this, done);
    else
        m_secrets->write(key.secret, key.account, token, this, done);
}

void AppCore::loadSources()
{
    m_sources->load();
}

void AppCore::start()
{
    if (m_engine->sources().isEmpty())
        return;
    connectPolicies();
    m_engine->start(std::chrono::minutes(m_settings->syncIntervalMinutes()));
    m_processor->start();
    m_registrar->setClients(m_sources->clickUpClient(), m_sources->gitHubClient());
    if (m_settings->webhookPublicUrl().isValid())
        m_registrar->registerHooks(m_settings->webhookPublicUrl());
}

void AppCore::connectPolicies()
{
    if (std::exchange(m_policiesConnected, true))
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
    // Without configured repos, GitHub's hooks go on the repos of the user's issues: a sync
    // that brings new ones (the first, above all) may bring new repos.
    connect(m_engine.get(), &SyncEngine::sourceFinished, m_registrar.get(),
            [this](const SourceSyncResult &result) {
                if (result.ok() && result.newTasks > 0 && result.source == Sources::GitHub &&
                    m_settings->gitHubRepos().isEmpty() && m_settings->webhookPublicUrl().isValid())
                    m_registrar->registerHooks(m_settings->webhookPublicUrl());
            });
}

} // namespace UpNext

namespace UpNext {

void AppCore::startWebhooks(int port)
{
    if (port < 0) {
        bool ok = false;
        port = qEnvironmentVariableIntValue("UPNEXT_WEBHOOK_PORT", &ok);
        if (!ok || port < 0 || port > 65535)
            port = m_settings->webhookPort();
    }
    // A port file a crash left behind names no API any more.
    QFile::remove(ApiToken::portPath(m_profile));
    // The API's token and both secrets first: the server refuses wider addresses without them.
    ApiToken::ensure(m_profile, m_secrets.get(), this,
                     [this, port](const QByteArray &token, const QString &problem) {
                         if (!problem.isEmpty())
                             qCWarning(lcWebhook).noquote() << problem;
                         m_api->setToken(token);
                         readWebhookSecrets([this, port] { listen(quint16(port)); });
                     });
}

void AppCore::listen(quint16 port)
{
    QString error;
    if (!m_webhooks->listen(m_settings->webhookAddress(), port, &error)) {
        Q_EMIT webhooksFailed(error);
        return;
    }
    // upnext-cli finds the API here (on loopback, whatever address the webhooks use).
    m_portFileWritten = ApiToken::writePrivateFile(
        ApiToken::portPath(m_profile), QByteArray::number(m_webhooks->port()) + '\n', &error);
    if (!m_portFileWritten)
        qCWarning(lcWebhook).noquote() << error;
    Q_EMIT webhooksListening(m_webhooks->port());
}

void AppCore::readWebhookSecrets(const std::function<void()> &then)
{
    auto secrets = std::make_shared<QHash<SecretStore::Secret, QByteArray>>();
    const auto read = [this, secrets, then](SecretStore::Secret secret, const QString &source) {
        m_secrets->read(secret, WebhookRegistrar::secretAccount(*m_settings, source), this,
                        [this, secrets, secret, then](const SecretResult &result) {
                            if (result.status == SecretResult::Status::Error)
                                qCWarning(lcWebhook).noquote() << result.error;
                            secrets->insert(secret, result.value.toUtf8());
                            if (secrets->size() < 2)
                                return;
                            m_webhooks->setSecrets(
                                secrets->value(SecretStore::Secret::ClickUpWebhookSecret),
                                secrets->value(SecretStore::Secret::GitHubWebhookSecret));
                            then();
                        });
    };
    read(SecretStore::Secret::ClickUpWebhookSecret, Sources::ClickUp);
    read(SecretStore::Secret::GitHubWebhookSecret, Sources::GitHub);
}

void AppCore::stop()
{
    m_engine->stop();
    m_processor->stop();
}

void AppCore::reloadSources()
{
    stop();
    // Readers and writers in flight use the clients: they finish first.
    auto *waiter = new QObject(this);
    const auto reloadWhenIdle = [this, waiter, done = std::make_shared<bool>(false)] {
        if (*done || !m_engine->isIdle() || !m_processor->isIdle())
            return;
        *done = true;
        waiter->deleteLater();
        m_webhooks->setClickUpClient(nullptr);
        m_registrar->setClients(nullptr, nullptr);
        m_sources->unload();
        m_sources->load();
    };
    connect(m_engine.get(), &SyncEngine::idle, waiter, reloadWhenIdle);
    connect(m_processor.get(), &OutboxProcessor::idle, waiter, reloadWhenIdle);
    QMetaObject::invokeMethod(waiter, reloadWhenIdle, Qt::QueuedConnection);
}

} // namespace UpNext
