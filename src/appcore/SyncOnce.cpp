#include "SyncOnce.h"
#include "AppCore.h"

#include "core/Clock.h"
#include "core/Outbox.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QLocale>
#include <QTimer>

namespace UpNext {

SyncOnce::SyncOnce(const Profile &profile, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
    , m_core(std::make_unique<AppCore>(profile))
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
    if (!m_core->open(&error)) {
        m_err << error << Qt::endl;
        return quit(2);
    }
    for (const QString &problem : m_core->problems())
        m_err << problem << Qt::endl;

    SyncEngine *engine = m_core->engine();
    connect(engine, &SyncEngine::sourceFinished, this, &SyncOnce::report);
    connect(engine, &SyncEngine::rateLimited, this,
            [this](const QString &source, const QDateTime &until) {
                m_err << tr("%1: rate limited until %2, waiting")
                             .arg(source, QLocale().toString(until.toLocalTime().time(),
                                                             QLocale::ShortFormat))
                      << Qt::endl;
            });
    connect(engine, &SyncEngine::idle, this, [this] { quit(m_failed ? 1 : 0); });

    OutboxProcessor *processor = m_core->processor();
    // Each answer counts once; the outbox is through when nothing it can send is due.
    connect(processor, &OutboxProcessor::sent, this, [this] {
        ++m_outboxSent;
        outboxProgress();
    });
    connect(processor, &OutboxProcessor::failed, this,
            [this](const OutboxEntry &entry, const QString &message) {
                m_err << tr("outbox: %1 failed: %2").arg(entry.taskId, message) << Qt::endl;
                ++m_outboxFailed;
                outboxProgress();
            });
    connect(processor, &OutboxProcessor::retrying, this, &SyncOnce::outboxProgress);
    connect(processor, &OutboxProcessor::paused, this,
            [this](const QString &source, const QString &message) {
                m_err << tr("%1: writes wait until the token works again: %2").arg(source, message)
                      << Qt::endl;
                outboxProgress();
            });
    connect(m_core.get(), &AppCore::sourcesLoaded, this, [this](const QStringList &problems) {
        for (const QString &problem : problems)
            m_err << problem << Qt::endl;
        sendOutbox();
    });
    m_core->loadSources();
}

QStringList SyncOnce::unsendableSources() const
{
    QStringList sources;
    for (const QString &source : {Sources::ClickUp, Sources::GitHub}) {
        if (!m_core->engine()->sources().contains(source) || m_core->processor()->isPaused(source))
            sources.append(source);
    }
    return sources;
}

void SyncOnce::sendOutbox()
{
    // What the user did goes first, so the sync then sees it confirmed; the user asked,
    // so nothing waits out its backoff.
    const QDateTime now = m_core->clock()->now();
    m_core->outbox()->bringForward(now);
    m_outboxStart = now;
    if (m_core->outbox()->due(now, unsendableSources()).isEmpty())
        return syncConfigured();
    m_core->processor()->start();
}

void SyncOnce::outboxProgress()
{
    // Entries retried from now on wait for the next run.
    if (m_outboxDone || !m_core->processor()->isIdle() ||
        !m_core->outbox()->due(m_outboxStart, unsendableSources()).isEmpty())
        return;
    m_outboxDone = true;
    // One try each: what comes due again while the sources sync waits for the next run.
    m_core->processor()->stop();
    m_out << tr("outbox: %1 sent, %2 failed, %3 waiting")
                 .arg(m_outboxSent)
                 .arg(m_outboxFailed)
                 .arg(m_core->outbox()->pendingCount())
          << Qt::endl;
    syncConfigured();
}

void SyncOnce::syncConfigured()
{
    if (m_core->engine()->sources().isEmpty()) {
        m_err << tr("Nothing to sync: no ClickUp or GitHub token. Store one in the keychain from "
                    "the app's "
                    "settings, or set UPNEXT_CLICKUP_TOKEN / UPNEXT_GITHUB_TOKEN.")
              << Qt::endl;
        return quit(2);
    }
    m_core->engine()->syncAll();
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
