#include "SyncOnce.h"
#include "SyncEngine.h"
#include "SyncSources.h"

#include "OutboxProcessor.h"

#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/TaskStore.h"

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

    m_outbox = std::make_unique<Outbox>(m_store.get());
    m_engine->setOutbox(m_outbox.get());
    m_processor = std::make_unique<OutboxProcessor>(m_outbox.get());
    // Each answer counts once; the outbox is through when nothing it can send is due.
    connect(m_processor.get(), &OutboxProcessor::sent, this, [this] {
        ++m_outboxSent;
        outboxProgress();
    });
    connect(m_processor.get(), &OutboxProcessor::failed, this,
            [this](const OutboxEntry &entry, const QString &message) {
                m_err << tr("outbox: %1 failed: %2").arg(entry.taskId, message) << Qt::endl;
                ++m_outboxFailed;
                outboxProgress();
            });
    connect(m_processor.get(), &OutboxProcessor::retrying, this, &SyncOnce::outboxProgress);
    connect(m_processor.get(), &OutboxProcessor::paused, this,
            [this](const QString &source, const QString &message) {
                m_err << tr("%1: writes wait until the token works again: %2").arg(source, message)
                      << Qt::endl;
                outboxProgress();
            });

    m_secrets = std::make_unique<SecretStore>();
    m_sources = std::make_unique<SyncSources>(m_settings.get(), m_secrets.get(), m_store.get(),
                                              m_entities.get(), m_engine.get(), m_processor.get());
    connect(m_sources.get(), &SyncSources::loaded, this, [this](const QStringList &problems) {
        for (const QString &problem : problems)
            m_err << problem << Qt::endl;
        sendOutbox();
    });
    m_sources->load();
}

QStringList SyncOnce::unsendableSources() const
{
    QStringList sources;
    for (const QString &source : {Sources::ClickUp, Sources::GitHub}) {
        if (!m_engine->sources().contains(source) || m_processor->isPaused(source))
            sources.append(source);
    }
    return sources;
}

void SyncOnce::sendOutbox()
{
    // What the user did goes first, so the sync then sees it confirmed; the user asked,
    // so nothing waits out its backoff.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_outbox->bringForward(now);
    m_outboxStart = now;
    if (m_outbox->due(now, unsendableSources()).isEmpty())
        return syncConfigured();
    m_processor->start();
}

void SyncOnce::outboxProgress()
{
    // Entries retried from now on wait for the next run.
    if (m_outboxDone || !m_processor->isIdle() ||
        !m_outbox->due(m_outboxStart, unsendableSources()).isEmpty())
        return;
    m_outboxDone = true;
    // One try each: what comes due again while the sources sync waits for the next run.
    m_processor->stop();
    m_out << tr("outbox: %1 sent, %2 failed, %3 waiting")
                 .arg(m_outboxSent)
                 .arg(m_outboxFailed)
                 .arg(m_outbox->pendingCount())
          << Qt::endl;
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
