#include "Demo.h"
#include "AppCore.h"

#include "core/Logging.h"
#include "core/Profile.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSources.h"
#include "sync/WebhookRegistrar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace UpNext {

namespace {

// The demo's clients: a mix of revenue and weights, so the ranking has something to explain.
QJsonArray demoClients()
{
    const auto client = [](const char *id, const char *name, bool revenue, int weight) {
        QJsonObject object{{QStringLiteral("id"), QString::fromLatin1(id)},
                           {QStringLiteral("name"), QString::fromLatin1(name)},
                           {QStringLiteral("weight"), weight}};
        if (revenue)
            object.insert(QStringLiteral("revenue"), true);
        return object;
    };
    return {client("acme", "Acme", true, 2), client("globex", "Globex", true, 1),
            client("initech", "Initech", false, 1), client("umbrella", "Umbrella", true, 3),
            client("hooli", "Hooli", false, 1)};
}

} // namespace

Demo::Demo(QObject *parent)
    : QObject(parent)
    , m_dir(QDir::temp().filePath(QStringLiteral("upnext-demo.XXXXXX")))
{
    connect(&m_teammate, &QTimer::timeout, this, &Demo::teammateChange);
}

QString Demo::teammateChange()
{
    const QString change = m_seeder.teammateChange(m_clickUp, m_gitHub);
    if (change.isEmpty())
        return change;
    qCInfo(lcSync).noquote() << "Demo teammate:" << change;
    Q_EMIT teammateChanged(change);
    return change;
}

Demo::~Demo()
{
    // The core first: it closes its database in the folder and its requests to the sims.
    m_core.reset();
}

bool Demo::open(QString *error)
{
    if (!m_dir.isValid()) {
        *error = tr("Cannot make a folder for the demo: %1").arg(m_dir.errorString());
        return false;
    }
    m_seeder.seedClickUp(m_clickUp, ClickUpTasks);
    m_seeder.seedGitHub(m_gitHub, GitHubIssues);
    if (m_clickUp.listen() == 0 || m_gitHub.listen() == 0) {
        *error = tr("Cannot start the demo's simulated services on 127.0.0.1");
        return false;
    }
    if (!writeProfile(error))
        return false;

    m_core = std::make_unique<AppCore>(Profile(m_dir.path()));
    m_core->keepSecretsInMemory();
    if (!m_core->open(error))
        return false;
    // In memory, so these are kept before open() returns' caller loads the sources.
    for (const auto &[source, token] : {std::pair(Sources::ClickUp, m_seeder.clickUpToken()),
                                        std::pair(Sources::GitHub, m_seeder.gitHubToken())}) {
        const SyncSources::TokenKey key = SyncSources::tokenKey(
            source, source == Sources::ClickUp ? m_clickUp.baseUrl() : m_gitHub.baseUrl());
        m_core->secrets()->write(key.secret, key.account, token, this, [](const QString &) {});
    }
    connect(m_core.get(), &AppCore::webhooksListening, this, &Demo::registerHooks);
    if (m_interval.count() > 0)
        m_teammate.start(m_interval);
    qCInfo(lcSync).noquote() << "Demo profile" << m_dir.path() << "with ClickUp at"
                             << m_clickUp.baseUrl().toString() << "and GitHub at"
                             << m_gitHub.baseUrl().toString();
    return true;
}

bool Demo::writeProfile(QString *error) const
{
    const Profile profile(m_dir.path());
    {
        Settings settings(profile.settingsPath());
        settings.setProfileName(tr("Demo"));
        // The window first, not a briefing over it: Task › Morning Briefing shows it.
        settings.setNotifyMorningBriefing(false);
        const bool ok = settings.setClickUpBaseUrl(m_clickUp.baseUrl()) &&
                        settings.setClickUpTeamId(m_clickUp.teamId()) &&
                        settings.setClickUpCreateListId(m_seeder.listIds().value(0)) &&
                        settings.setGitHubBaseUrl(m_gitHub.baseUrl()) &&
                        settings.setGitHubCreateRepo(m_seeder.repos().value(0));
        if (!ok || !settings.sync()) {
            *error = tr("Cannot write the demo's settings: %1").arg(settings.lastError());
            return false;
        }
    }
    QSaveFile entities(profile.entitiesPath());
    if (!entities.open(QIODevice::WriteOnly) ||
        entities.write(QJsonDocument(demoClients()).toJson()) < 0 || !entities.commit()) {
        *error = tr("Cannot write the demo's clients: %1").arg(entities.errorString());
        return false;
    }
    return true;
}

void Demo::registerHooks(quint16 port)
{
    const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
    Settings *settings = m_core->settings();
    settings->setWebhookPublicUrl(url);
    settings->sync();
    // Started already: register now; otherwise start() registers at the URL just set.
    if (m_core->engine()->isStarted())
        m_core->registrar()->registerHooks(url);
}

} // namespace UpNext
