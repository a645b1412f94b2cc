#include "Headless.h"

#include "AppCore.h"

#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace UpNext {

namespace {

int signalPipe[2] = {-1, -1};

// Only async-signal-safe calls here: the event loop reads the byte.
void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

Headless::Headless(const Profile &profile, int port, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_err(err)
    , m_core(std::make_unique<AppCore>(profile))
    , m_port(port)
{}

Headless::~Headless() = default;

void Headless::watchSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    m_signals = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signals, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[0], &byte, 1);
        m_err << tr("Stopping (signal %1)").arg(int(byte)) << Qt::endl;
        stop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
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
