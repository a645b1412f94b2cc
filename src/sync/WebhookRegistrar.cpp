#include "WebhookRegistrar.h"

#include "core/Logging.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/Task.h"
#include "core/TaskStore.h"
#include "sources/ClickUpHooks.h"
#include "sources/GitHubHooks.h"

#include <QRandomGenerator>
#include <QSet>

#include <array>

namespace UpNext {

namespace {

using Action = WebhookRegistration::Action;

// https://host/ and https://host are one place.
QUrl withoutTrailingSlash(const QUrl &url)
{
    QUrl result = url.adjusted(QUrl::StripTrailingSlash);
    if (result.path() == QLatin1String("/"))
        result.setPath({});
    return result;
}

// Two spellings of one address compare equal: trailing slash, default port, "." segments.
QString urlKey(const QUrl &url)
{
    QUrl normal = withoutTrailingSlash(url.adjusted(QUrl::NormalizePathSegments));
    const int defaultPort = normal.scheme() == QLatin1String("https")  ? 443
                            : normal.scheme() == QLatin1String("http") ? 80
                                                                       : -2;
    if (normal.port() == defaultPort)
        normal.setPort(-1);
    return normal.toString(QUrl::FullyEncoded);
}

bool sameEvents(const QStringList &a, const QStringList &b)
{
    return QSet<QString>(a.cbegin(), a.cend()) == QSet<QString>(b.cbegin(), b.cend());
}

// UpNext's hooks among a listing: those at the first endpoint (the current one), and those at
// the others (earlier ones), each in listing order.
struct Ours
{
    QList<Webhook> current;
    QList<Webhook> earlier;

    QStringList ids() const
    {
        QStringList all;
        for (const Webhook &hook : current + earlier)
            all.append(hook.id);
        return all;
    }

    // Takes the hook that stays: the one at the URL, else one at an earlier URL (*moved).
    std::optional<Webhook> takeKeeper(bool *moved)
    {
        *moved = current.isEmpty() && !earlier.isEmpty();
        if (!current.isEmpty())
            return current.takeFirst();
        if (!earlier.isEmpty())
            return earlier.takeFirst();
        return std::nullopt;
    }
};

Ours findOurs(const QList<Webhook> &hooks, const QList<QUrl> &endpoints)
{
    QStringList keys;
    for (const QUrl &url : endpoints)
        keys.append(urlKey(url));
    Ours ours;
    for (const Webhook &hook : hooks) {
        const qsizetype at = keys.indexOf(urlKey(hook.url));
        if (at == 0)
            ours.current.append(hook);
        else if (at > 0)
            ours.earlier.append(hook);
    }
    return ours;
}

WebhookRegistration outcome(const QString &source, const QString &target, Action action,
                            const QString &message, const QDateTime &retryAfter = {})
{
    WebhookRegistration result;
    result.source = source;
    result.target = target;
    result.action = action;
    result.message = message;
    result.retryAfter = retryAfter;
    return result;
}

// 32 random bytes as 64 hex digits.
QString newSecret()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)).toHex());
}

QString actionName(Action action)
{
    switch (action) {
    case Action::None:
        return QStringLiteral("nothing to do");
    case Action::Created:
        return QStringLiteral("created");
    case Action::Updated:
        return QStringLiteral("updated");
    case Action::Moved:
        return QStringLiteral("moved to the new URL");
    case Action::Kept:
        return QStringLiteral("already right");
    case Action::Removed:
        return QStringLiteral("removed");
    case Action::Failed:
        return QStringLiteral("failed");
    }
    Q_UNREACHABLE();
}

} // namespace

const QStringList WebhookRegistrar::ClickUpEvents = {
    QStringLiteral("taskCreated"),         QStringLiteral("taskUpdated"),
    QStringLiteral("taskDeleted"),         QStringLiteral("taskStatusUpdated"),
    QStringLiteral("taskAssigneeUpdated"), QStringLiteral("taskDueDateUpdated"),
    QStringLiteral("taskPriorityUpdated"), QStringLiteral("taskCommentPosted"),
    QStringLiteral("taskMoved"),           QStringLiteral("taskTagUpdated"),
};

const QStringList WebhookRegistrar::GitHubEvents = {QStringLiteral("issues"),
                                                    QStringLiteral("issue_comment")};

struct WebhookRegistrar::Run
{
    bool unregistering = false;
    bool valid = true; // false: nothing was sent, the settings stay as they are
    QUrl publicUrl;
    QList<QUrl> registered; // Settings::webhookRegisteredUrls() when the run began
    int pendingSources = 2;
    QList<WebhookRegistration> results;

    std::unique_ptr<ClickUpHooks> clickUp;
    std::unique_ptr<GitHubHooks> gitHub;
    QString teamId;
    QStringList repos;
    qsizetype nextRepo = 0;
    QString gitHubSecret;
    bool freshSecret = false; // made in this run: every kept hook needs it
    QList<WebhookRegistration> gitHubResults;
};

QUrl WebhookRegistrar::endpoint(const QUrl &publicUrl, const QString &source)
{
    QUrl url = withoutTrailingSlash(publicUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment));
    url.setPath(url.path() + QStringLiteral("/webhooks/") + source);
    return url;
}

QString WebhookRegistrar::secretAccount(const Settings &settings, const QString &source)
{
    return (source == Sources::GitHub ? settings.gitHubBaseUrl() : settings.clickUpBaseUrl())
        .host();
}

WebhookRegistrar::WebhookRegistrar(Settings *settings, SecretStore *secrets, const TaskStore *store,
                                   QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_store(store)
{}

WebhookRegistrar::~WebhookRegistrar() = default;

void WebhookRegistrar::setClients(RestClient *clickUp, RestClient *gitHub)
{
    m_clickUpClient = clickUp;
    m_gitHubClient = gitHub;
}

void WebhookRegistrar::registerHooks(const QUrl &publicUrl)
{
    start(false, publicUrl);
}

void WebhookRegistrar::unregisterHooks()
{
    start(true, {});
}

WebhookRegistration WebhookRegistrar::failed(const QString &source, const QString &target,
                                             const WebhookResult &why)
{
    WebhookRegistration result;
    result.source = source;
    result.target = target;
    result.action = Action::Failed;
    result.message = why.message;
    result.retryAfter = why.retryAfter;
    return result;
}

QList<QUrl> WebhookRegistrar::endpoints(const QString &source) const
{
    QList<QUrl> urls;
    if (!m_run->unregistering)
        urls.append(endpoint(m_run->publicUrl, source));
    for (const QUrl &url : std::as_const(m_run->registered))
        urls.append(endpoint(url, source));
    return urls;
}

QStringList WebhookRegistrar::gitHubRepos() const
{
    const QStringList configured = m_settings->gitHubRepos();
    if (!configured.isEmpty() || !m_store)
        return configured;
    // Every repo with an issue assigned to the user, as the last sync saw them.
    QStringList repos;
    for (const Task &task : m_store->tasksBySource(Sources::GitHub)) {
        if (!task.assignedToMe || Task::isLocalId(task.id) ||
            !GitHubHooks::isRepoName(task.container) ||
            repos.contains(task.container, Qt::CaseInsensitive))
            continue;
        repos.append(task.container);
    }
    repos.sort(Qt::CaseInsensitive);
    return repos;
}

void WebhookRegistrar::start(bool unregistering, const QUrl &publicUrl)
{
    if (m_run) {
        m_queued = std::make_pair(unregistering, publicUrl);
        return;
    }
    m_run = std::make_unique<Run>();
    m_run->unregistering = unregistering;
    m_run->publicUrl = withoutTrailingSlash(publicUrl);
    for (const QUrl &url : m_settings->webhookRegisteredUrls()) {
        if (unregistering || urlKey(url) != urlKey(m_run->publicUrl))
            m_run->registered.append(url);
    }

    const bool validUrl = publicUrl.isValid() && !publicUrl.host().isEmpty() &&
                          !publicUrl.hasQuery() && !publicUrl.hasFragment() &&
                          publicUrl.userInfo().isEmpty() &&
                          (publicUrl.scheme() == QLatin1String("https") ||
                           publicUrl.scheme() == QLatin1String("http"));
    if (!unregistering && !validUrl) {
        m_run->valid = false;
        m_run->results.append(outcome({}, {}, Action::Failed,
                                      tr("\"%1\" is not a public URL UpNext can register: it "
                                         "needs http(s)://host[/path], without a query")
                                          .arg(publicUrl.toString())));
        QMetaObject::invokeMethod(this, &WebhookRegistrar::finishRun, Qt::QueuedConnection);
        return;
    }
    if (unregistering && m_run->registered.isEmpty()) {
        m_run->results.append(
            outcome({}, {}, Action::None, tr("UpNext has registered no webhooks")));
        QMetaObject::invokeMethod(this, &WebhookRegistrar::finishRun, Qt::QueuedConnection);
        return;
    }
    // Both sources at once; each one's requests one after the other.
    QMetaObject::invokeMethod(this, &WebhookRegistrar::runClickUp, Qt::QueuedConnection);
    QMetaObject::invokeMethod(this, &WebhookRegistrar::runGitHub, Qt::QueuedConnection);
}

void WebhookRegistrar::sourceDone(const QList<WebhookRegistration> &results)
{
    m_run->results.append(results);
    if (--m_run->pendingSources == 0)
        finishRun();
}

void WebhookRegistrar::finishRun()
{
    WebhookRegistrationReport report;
    report.unregistering = m_run->unregistering;
    report.publicUrl = m_run->unregistering ? QUrl() : m_run->publicUrl;
    report.results = m_run->results;

    if (m_run->valid) {
        // Until every source confirmed, earlier URLs may still have UpNext's hooks: keep them.
        QList<QUrl> registered;
        if (!report.ok())
            registered = m_run->registered;
        if (!m_run->unregistering)
            registered.append(m_run->publicUrl);
        m_settings->setWebhookRegisteredUrls(registered);
        if (!m_settings->sync())
            report.results.append(outcome({}, {}, Action::Failed, m_settings->lastError()));
    }
    for (const WebhookRegistration &result : std::as_const(report.results)) {
        QStringList where{QStringLiteral("Webhook")};
        for (const QString &part : {result.source, result.target, result.hookId}) {
            if (!part.isEmpty())
                where.append(part);
        }
        const QString line =
            QStringLiteral("%1: %2%3")
                .arg(where.join(QLatin1Char(' ')), actionName(result.action),
                     result.message.isEmpty() ? QString()
                                              : QStringLiteral(" (%1)").arg(result.message));
        if (result.action == Action::Failed)
            qCWarning(lcWebhook).noquote() << line;
        else
            qCInfo(lcWebhook).noquote() << line;
    }

    m_run.reset();
    const auto queued = std::exchange(m_queued, std::nullopt);
    Q_EMIT finished(report);
    // A call made from a slot of finished() is newer than the queued one.
    if (queued && !m_run)
        start(queued->first, queued->second);
}

void WebhookRegistrar::removeAll(QStringList ids, RemoveOne remove, int removed,
                                 std::function<void(std::optional<WebhookResult>, int)> then)
{
    if (ids.isEmpty())
        return then(std::nullopt, removed);
    const QString id = ids.takeFirst();
    remove(id, [this, ids, remove, removed, then](const WebhookResult &result) {
        // Not there any more is as good as removed.
        if (!result.success && result.status != 404)
            return then(result, removed);
        removeAll(ids, remove, removed + 1, then);
    });
}

// ClickUp: one webhook on the workspace.

void WebhookRegistrar::runClickUp()
{
    WebhookRegistration result;
    result.source = Sources::ClickUp;
    if (!m_clickUpClient) {
        result.message = tr("ClickUp is not set up (no token)");
        return sourceDone({result});
    }
    m_run->teamId = m_settings->clickUpTeamId();
    result.target = m_run->teamId;
    if (m_run->teamId.isEmpty()) {
        result.action = Action::Failed;
        result.message =
            tr("Set the ClickUp workspace id ([clickup] teamId): webhooks belong to a workspace");
        return sourceDone({result});
    }
    m_run->clickUp = std::make_unique<ClickUpHooks>(m_clickUpClient);
    m_run->clickUp->setClock(m_clock);
    m_run->clickUp->list(m_run->teamId, this,
                         [this](const WebhookResult &listed) { clickUpListed(listed); });
}

void WebhookRegistrar::clickUpListed(const WebhookResult &listed)
{
    const QString team = m_run->teamId;
    if (!listed.success)
        return sourceDone({failed(Sources::ClickUp, team, listed)});
    const QList<QUrl> urls = endpoints(Sources::ClickUp);
    Ours ours = findOurs(listed.hooks, urls);
    ClickUpHooks *hooks = m_run->clickUp.get();
    const RemoveOne remove = [this, hooks](const QString &id, WebhookCallback done) {
        hooks->remove(id, this, std::move(done));
    };
    WebhookRegistration result;
    result.source = Sources::ClickUp;
    result.target = team;

    // One hook stays (none when unregistering); UpNext's others go.
    bool moved = false;
    const std::optional<Webhook> keep =
        m_run->unregistering ? std::nullopt : ours.takeKeeper(&moved);
    const auto removeExtras = [this, extras = ours.ids(), remove](WebhookRegistration result) {
        if (result.action == Action::Failed)
            return sourceDone({result});
        removeAll(extras, remove, 0,
                  [this, result](std::optional<WebhookResult> failure, int removed) mutable {
                      finishRemoval(result, failure, removed);
                      sourceDone({result});
                  });
    };
    if (m_run->unregistering)
        return removeExtras(result);

    const auto answered = [this, result, removeExtras](Action action, const WebhookResult &answer) {
        if (!answer.success || answer.hooks.isEmpty())
            return sourceDone({failed(Sources::ClickUp, result.target, answer)});
        WebhookRegistration done = result;
        done.action = action;
        done.hookId = answer.hooks.first().id;
        keepClickUpSecret(done, answer.hooks.first(), removeExtras);
    };
    const QUrl url = urls.first();
    if (!keep) {
        return hooks->create(
            team, url, ClickUpEvents, this,
            [answered](const WebhookResult &answer) { answered(Action::Created, answer); });
    }
    if (moved || !sameEvents(keep->events, ClickUpEvents) || !keep->active) {
        return hooks->update(keep->id, url, ClickUpEvents, this,
                             [answered, moved](const WebhookResult &answer) {
                                 answered(moved ? Action::Moved : Action::Updated, answer);
                             });
    }
    result.action = Action::Kept;
    result.hookId = keep->id;
    // The listing has the secret too: the keychain gets it back if it lost it.
    keepClickUpSecret(result, *keep, removeExtras);
}

void WebhookRegistrar::keepClickUpSecret(WebhookRegistration result, const Webhook &hook,
                                         const std::function<void(WebhookRegistration)> &then)
{
    if (hook.secret.isEmpty()) {
        result.message = tr("ClickUp's answer has no secret: deliveries cannot be checked");
        return then(result);
    }
    const QString secret = hook.secret;
    m_secrets->write(
        SecretStore::Secret::ClickUpWebhookSecret, secretAccount(*m_settings, Sources::ClickUp),
        secret, this, [result, secret, then](const QString &error) mutable {
            if (!error.isEmpty()) {
                result.action = Action::Failed;
                result.message = tr("The webhook is registered, but its secret could not be "
                                    "kept (registering again retries): %1")
                                     .arg(error);
                return then(result);
            }
            const QByteArray variable =
                SecretStore::environmentVariable(SecretStore::Secret::ClickUpWebhookSecret)
                    .toLatin1();
            if (qEnvironmentVariableIsSet(variable.constData()) &&
                qEnvironmentVariable(variable.constData()) != secret)
                result.message = tr("%1 is set and is not this webhook's secret: its "
                                    "deliveries will be refused")
                                     .arg(QString::fromLatin1(variable));
            then(result);
        });
}

void WebhookRegistrar::finishRemoval(WebhookRegistration &result,
                                     const std::optional<WebhookResult> &failure, int removed)
{
    result.removed = removed;
    if (m_run->unregistering && removed > 0)
        result.action = Action::Removed;
    if (failure) {
        result.action = Action::Failed;
        result.message = m_run->unregistering
                             ? failure->message
                             : tr("Could not remove an old hook: %1").arg(failure->message);
        result.retryAfter = failure->retryAfter;
    }
}

// GitHub: one hook per repo, one secret for all.

void WebhookRegistrar::runGitHub()
{
    WebhookRegistration result;
    result.source = Sources::GitHub;
    if (!m_gitHubClient) {
        result.message = tr("GitHub is not set up (no token)");
        return sourceDone({result});
    }
    const QStringList repos = gitHubRepos();
    if (repos.isEmpty()) {
        result.message = tr("No GitHub repositories to watch: set [github] repos, or sync first");
        return sourceDone({result});
    }
    m_run->gitHub = std::make_unique<GitHubHooks>(m_gitHubClient);
    m_run->gitHub->setClock(m_clock);
    if (m_run->unregistering)
        return gitHubSecretReady(repos);

    const auto failAll = [this, repos](const QString &message) {
        QList<WebhookRegistration> results;
        for (const QString &repo : repos)
            results.append(outcome(Sources::GitHub, repo, Action::Failed, message));
        sourceDone(results);
    };
    const QString account = secretAccount(*m_settings, Sources::GitHub);
    m_secrets->read(SecretStore::Secret::GitHubWebhookSecret, account, this,
                    [this, repos, account, failAll](const SecretResult &read) {
                        if (read.status == SecretResult::Status::Error)
                            return failAll(read.error);
                        if (read.status == SecretResult::Status::Found && !read.value.isEmpty()) {
                            m_run->gitHubSecret = read.value;
                            return gitHubSecretReady(repos);
                        }
                        // In the keychain before any hook uses it, so no hook signs with a lost
                        // secret.
                        const QString secret = newSecret();
                        m_secrets->write(SecretStore::Secret::GitHubWebhookSecret, account, secret,
                                         this,
                                         [this, repos, secret, failAll](const QString &error) {
                                             if (!error.isEmpty())
                                                 return failAll(error);
                                             m_run->gitHubSecret = secret;
                                             m_run->freshSecret = true;
                                             gitHubSecretReady(repos);
                                         });
                    });
}

void WebhookRegistrar::gitHubSecretReady(const QStringList &repos)
{
    m_run->repos = repos;
    m_run->nextRepo = 0;
    nextRepo();
}

void WebhookRegistrar::nextRepo()
{
    if (m_run->nextRepo >= m_run->repos.size())
        return sourceDone(std::exchange(m_run->gitHubResults, {}));
    const QString repo = m_run->repos.at(m_run->nextRepo++);
    m_run->gitHub->list(repo, this,
                        [this, repo](const WebhookResult &listed) { repoListed(repo, listed); });
}

void WebhookRegistrar::repoListed(const QString &repo, const WebhookResult &listed)
{
    if (!listed.success)
        return repoDone(failed(Sources::GitHub, repo, listed), listed);
    const QList<QUrl> urls = endpoints(Sources::GitHub);
    Ours ours = findOurs(listed.hooks, urls);
    GitHubHooks *hooks = m_run->gitHub.get();
    const RemoveOne remove = [this, hooks, repo](const QString &id, WebhookCallback done) {
        hooks->remove(repo, id, this, std::move(done));
    };
    WebhookRegistration result;
    result.source = Sources::GitHub;
    result.target = repo;

    // One hook stays (none when unregistering); UpNext's others go.
    bool moved = false;
    const std::optional<Webhook> keep =
        m_run->unregistering ? std::nullopt : ours.takeKeeper(&moved);
    const auto removeExtras = [this, extras = ours.ids(), remove](WebhookRegistration result) {
        removeAll(extras, remove, 0,
                  [this, result](std::optional<WebhookResult> failure, int removed) mutable {
                      finishRemoval(result, failure, removed);
                      repoDone(result, failure.value_or(WebhookResult{}));
                  });
    };
    if (m_run->unregistering)
        return removeExtras(result);

    const auto answered = [this, result, removeExtras](Action action, const WebhookResult &answer) {
        if (!answer.success || answer.hooks.isEmpty())
            return repoDone(failed(Sources::GitHub, result.target, answer), answer);
        WebhookRegistration done = result;
        done.action = action;
        done.hookId = answer.hooks.first().id;
        removeExtras(done);
    };
    GitHubHooks::Config config;
    config.url = urls.first();
    config.secret = m_run->gitHubSecret;
    config.events = GitHubEvents;
    if (!keep) {
        return hooks->create(repo, config, this, [answered](const WebhookResult &answer) {
            answered(Action::Created, answer);
        });
    }
    // GitHub never shows a secret, only that there is one: a secret made in this run goes to
    // every hook.
    if (moved || m_run->freshSecret || !keep->hasSecret || !keep->active ||
        !sameEvents(keep->events, GitHubEvents) || keep->contentType != config.contentType ||
        keep->insecureSsl) {
        return hooks->update(repo, keep->id, config, this,
                             [answered, moved](const WebhookResult &answer) {
                                 answered(moved ? Action::Moved : Action::Updated, answer);
                             });
    }
    result.action = Action::Kept;
    result.hookId = keep->id;
    removeExtras(result);
}

void WebhookRegistrar::repoDone(const WebhookRegistration &result, const WebhookResult &answer)
{
    m_run->gitHubResults.append(result);
    // A bad token or a rate limit holds for every repo: ask no more until it lifts.
    if (!answer.success &&
        (answer.retryAfter.isValid() || answer.failure == WriteResult::Failure::Unauthorized)) {
        while (m_run->nextRepo < m_run->repos.size()) {
            m_run->gitHubResults.append(
                outcome(Sources::GitHub, m_run->repos.at(m_run->nextRepo++), Action::Failed,
                        tr("Not tried: %1").arg(answer.message), answer.retryAfter));
        }
    }
    nextRepo();
}

} // namespace UpNext
