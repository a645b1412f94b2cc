#include "Headless.h"

#include "AppCore.h"
#include "StopSignals.h"

#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QTimer>

namespace UpNext {

Headless::Headless(const Profile &profile, int port, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_err(err)
    , m_core(std::make_unique<AppCore>(profile))
    , m_port(port)
{}

Headless::~Headless() = default;

void Headless::watchSignals()
{
    auto *stopSignals = new StopSignals(this);
    connect(stopSignals, &StopSignals::received, this, [this](int number) {
        m_err << tr("Stopping (signal %1)").arg(number) << Qt::endl;
        stop();
    });
}

void Headless::syncNow()
{
    if (m_core->engine())
        m_core->engine()->syncAll();
}

int Headless::exec()
{
    QString error;
    if (!m_core->open(&error)) {
        m_err << error << Qt::endl;
        return 2;
    }
    for (const QString &problem : m_core->problems())
        m_err << problem << Qt::endl;
    watchSignals();
    connect(m_core.get(), &AppCore::sourcesLoaded, this, [this](const QStringList &problems) {
        for (const QString &problem : problems)
            m_err << problem << Qt::endl;
        if (m_core->engine()->sources().isEmpty())
            m_err << tr("No source has a token: only webhooks are received") << Qt::endl;
        m_core->start();
    });
    connect(m_core.get(), &AppCore::webhooksListening, this, [this](quint16 port) {
        m_err << tr("Webhooks: listening on port %1").arg(port) << Qt::endl;
        m_core->loadSources();
    });
    connect(m_core.get(), &AppCore::webhooksFailed, this, [this](const QString &message) {
        m_err << message << Qt::endl;
        m_exitCode = 2;
        QCoreApplication::exit(m_exitCode);
    });
    m_core->startWebhooks(m_port);
    const int code = QCoreApplication::exec();
    return m_exitCode ? m_exitCode : code;
}

void Headless::stop()
{
    m_core->stop();
    // What is in flight gets a moment to finish; unsent entries stay in the outbox.
    const auto quitWhenIdle = [this] {
        if (m_core->engine()->isIdle() && m_core->processor()->isIdle())
            QCoreApplication::quit();
    };
    connect(m_core->engine(), &SyncEngine::idle, this, quitWhenIdle);
    connect(m_core->processor(), &OutboxProcessor::idle, this, quitWhenIdle);
    quitWhenIdle();
    QTimer::singleShot(std::chrono::seconds(10), this, [] { QCoreApplication::quit(); });
}

} // namespace UpNext
