#include "Settings.h"
#include "KeepAside.h"
#include "Logging.h"
#include "Translations.h"

#include <QFile>
#include <QHostAddress>
#include <QSettings>
#include <QTemporaryFile>

#include <algorithm>

namespace UpNext {

namespace {

const QString SyncIntervalKey = QStringLiteral("sync/intervalMinutes");
const QString WebhookPortKey = QStringLiteral("webhooks/port");
const QString WebhookAddressKey = QStringLiteral("webhooks/address");
const QString WebhookBodyLimitKey = QStringLiteral("webhooks/bodyLimitMb");
const QString WebhookSilenceKey = QStringLiteral("webhooks/silenceMinutes");
const QString WebhookPublicUrlKey = QStringLiteral("webhooks/publicUrl");
const QString WebhookRegisteredUrlsKey = QStringLiteral("webhooks/registeredUrls");
const QString ClickUpBaseUrlKey = QStringLiteral("clickup/baseUrl");
const QString GitHubBaseUrlKey = QStringLiteral("github/baseUrl");
const QString NotifyExternalKey = QStringLiteral("notifications/externalChanges");
const QString NotifyMorningKey = QStringLiteral("notifications/morningBriefing");
const QString TrayHintKey = QStringLiteral("tray/closeHintShown");
const QString ProfileNameKey = QStringLiteral("profile/name");
const QString LanguageKey = QStringLiteral("interface/language");
const QString BriefingTimeKey = QStringLiteral("briefing/time");
const QString GitHubReposKey = QStringLiteral("github/repos");
const QString GitHubPullRequestsKey = QStringLiteral("github/includePullRequests");
const QString GitHubBlockingLabelsKey = QStringLiteral("github/blockingLabels");
const QString ClickUpListsKey = QStringLiteral("clickup/listIds");
const QString ClickUpTeamKey = QStringLiteral("clickup/teamId");
const QString ClickUpInProgressKey = QStringLiteral("clickup/inProgressStatuses");
const QString GitHubCreateRepoKey = QStringLiteral("github/createRepo");
const QString ClickUpCreateListKey = QStringLiteral("clickup/createListId");

const QRegularExpression RepoName(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$)"));
const QRegularExpression ClickUpId(QStringLiteral(R"(^[A-Za-z0-9_-]{1,64}$)"));
const QRegularExpression AnyName(QStringLiteral(R"(^\S.{0,99}$)"));

bool allMatch(const QStringList &values, const QRegularExpression &valid)
{
    return std::all_of(values.cbegin(), values.cend(),
                       [&valid](const QString &value) { return valid.match(value).hasMatch(); });
}

struct WeightKey
{
    const char *name;
    double ScoreWeights::*member;
};

// Points may be negative (a penalty) but stay within a sane range.
constexpr double MaxPoints = 1000;
constexpr WeightKey WeightKeys[] = {
    {"revenue", &ScoreWeights::revenue},
    {"entityWeight", &ScoreWeights::entityWeight},
    {"blocking", &ScoreWeights::blocking},
    {"overdue", &ScoreWeights::overdue},
    {"dueToday", &ScoreWeights::dueToday},
    {"dueThisWeek", &ScoreWeights::dueThisWeek},
    {"dueLater", &ScoreWeights::dueLater},
    {"noDueDate", &ScoreWeights::noDueDate},
    {"stalePerDay", &ScoreWeights::stalePerDay},
    {"inProgress", &ScoreWeights::inProgress},
    {"priorityUrgent", &ScoreWeights::priorityUrgent},
    {"priorityHigh", &ScoreWeights::priorityHigh},
    {"priorityNormal", &ScoreWeights::priorityNormal},
    {"priorityLow", &ScoreWeights::priorityLow},
};

QString weightKey(const char *name)
{
    return QStringLiteral("scoring/") + QLatin1String(name);
}

// QSettings caches parsed files per process and reports a format error only
// on the first parse of a file, so check a private copy.
QSettings::Status probe(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QSettings::NoError;
    if (!file.open(QIODevice::ReadOnly))
        return QSettings::AccessError;
    QTemporaryFile copy;
    if (!copy.open() || copy.write(file.readAll()) != file.size())
        return QSettings::AccessError;
    copy.close();
    return QSettings(copy.fileName(), QSettings::IniFormat).status();
}

bool isValidBaseUrl(const QUrl &url)
{
    return url.isValid() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty() && url.userInfo().isEmpty() && !url.hasQuery() &&
           !url.hasFragment();
}

// https://host/ and https://host are one place; paths get "/webhooks/…" appended.
QUrl withoutTrailingSlash(const QUrl &url)
{
    QUrl result = url.adjusted(QUrl::StripTrailingSlash);
    if (result.path() == QLatin1String("/"))
        result.setPath({});
    return result;
}

} // namespace

Settings::Settings(const QString &filePath)
{
    const QSettings::Status status = probe(filePath);
    if (status == QSettings::FormatError) {
        // The next save would overwrite what QSettings could not parse: keep it for the user.
        QString error;
        const QString aside = keepAside(filePath, {}, &error);
        m_loadError = aside.isEmpty() ? tr("The settings file %1 could not be read nor moved aside "
                                           "(%2); the defaults are used.")
                                            .arg(filePath, error)
                                      : tr("The settings file %1 could not be read; it was kept as "
                                           "%2 and the defaults are used.")
                                            .arg(filePath, aside);
    } else if (status == QSettings::AccessError) {
        m_loadError =
            tr("The settings file %1 could not be read; the defaults are used.").arg(filePath);
    }
    if (!m_loadError.isEmpty())
        qCWarning(lcSettings).noquote() << m_loadError;
    m_settings = std::make_unique<QSettings>(filePath, QSettings::IniFormat);
}

Settings::~Settings() = default;

QString Settings::filePath() const
{
    return m_settings->fileName();
}

bool Settings::sync()
{
    m_settings->sync();
    if (m_settings->status() == QSettings::NoError) {
        m_lastError.clear();
        return true;
    }
    m_lastError = tr("Cannot save the settings to %1.").arg(filePath());
    qCWarning(lcSettings).noquote() << m_lastError;
    return false;
}

void Settings::warnInvalid(const QString &key, const QVariant &value, const QString &expected,
                           const QVariant &fallback) const
{
    if (m_warned.contains(key))
        return;
    m_warned.insert(key);
    qCWarning(lcSettings).noquote()
        << QStringLiteral("%1: %2 = \"%3\" is invalid (expected %4); using %5")
               .arg(filePath(), key, value.toString(), expected, fallback.toString());
}

int Settings::intValue(const QString &key, int fallback, int min, int max) const
{
    const QVariant value = m_settings->value(key);
    if (!value.isValid())
        return fallback;
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (ok && number >= min && number <= max)
        return number;
    warnInvalid(key, value, QStringLiteral("a whole number from %1 to %2").arg(min).arg(max),
                fallback);
    return fallback;
}

double Settings::doubleValue(const QString &key, double fallback, double min, double max) const
{
    const QVariant value = m_settings->value(key);
    if (!value.isValid())
        return fallback;
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    if (ok && number >= min && number <= max)
        return number;
    warnInvalid(key, value, QStringLiteral("a number from %1 to %2").arg(min).arg(max), fallback);
    return fallback;
}

bool Settings::boolValue(const QString &key, bool fallback) const
{
    const QVariant value = m_settings->value(key);
    if (!value.isValid())
        return fallback;
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("0"))
        return false;
    warnInvalid(key, value, QStringLiteral("true or false"), fallback);
    return fallback;
}

QUrl Settings::urlValue(const QString &key, const QUrl &fallback, bool api) const
{
    const QVariant value = m_settings->value(key);
    if (!value.isValid())
        return fallback;
    const QUrl url(value.toString().trimmed(), QUrl::StrictMode);
    if (isValidBaseUrl(url) && (!api || isSafeApiUrl(url)))
        return url.adjusted(QUrl::StripTrailingSlash);
    warnInvalid(key, value,
                api ? QStringLiteral("an https URL (http only to this computer) without "
                                     "credentials or query")
                    : QStringLiteral("an http(s) URL without credentials or query"),
                fallback);
    return fallback;
}

bool Settings::isSafeApiUrl(const QUrl &url)
{
    const QString host = url.host();
    return url.scheme() == QLatin1String("https") ||
           (url.scheme() == QLatin1String("http") &&
            (host == QLatin1String("localhost") || QHostAddress(host).isLoopback()));
}

QStringList Settings::listValue(const QString &key, const QStringList &fallback,
                                const QRegularExpression &valid) const
{
    const QVariant value = m_settings->value(key);
    if (!value.isValid())
        return fallback;
    QStringList items;
    for (const QString &item : value.toStringList()) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    if (allMatch(items, valid))
        return items;
    warnInvalid(key, items.join(QStringLiteral(", ")),
                QStringLiteral("a comma-separated list of valid names"),
                fallback.join(QStringLiteral(", ")));
    return fallback;
}

int Settings::syncIntervalMinutes() const
{
    return intValue(SyncIntervalKey, DefaultSyncIntervalMinutes, 1, 24 * 60);
}

bool Settings::setSyncIntervalMinutes(int minutes)
{
    if (minutes < 1 || minutes > 24 * 60)
        return false;
    m_settings->setValue(SyncIntervalKey, minutes);
    return true;
}

int Settings::webhookPort() const
{
    return intValue(WebhookPortKey, DefaultWebhookPort, 1, 65535);
}

bool Settings::setWebhookPort(int port)
{
    if (port < 1 || port > 65535)
        return false;
    m_settings->setValue(WebhookPortKey, port);
    return true;
}

QString Settings::webhookAddress() const
{
    // An IPv4 or IPv6 address; the server says so when it cannot listen there.
    static const QRegularExpression address(QStringLiteral(R"(^[0-9A-Fa-f.:]+$)"));
    const QString value = m_settings->value(WebhookAddressKey).toString().trimmed();
    if (value.isEmpty())
        return QStringLiteral("127.0.0.1");
    if (!address.match(value).hasMatch()) {
        warnInvalid(WebhookAddressKey, value, QStringLiteral("an IP address"),
                    QStringLiteral("127.0.0.1"));
        return QStringLiteral("127.0.0.1");
    }
    return value;
}

int Settings::webhookBodyLimitMb() const
{
    return intValue(WebhookBodyLimitKey, DefaultWebhookBodyLimitMb, 1, 25);
}

int Settings::webhookSilenceMinutes() const
{
    return intValue(WebhookSilenceKey, DefaultWebhookSilenceMinutes, 5, 24 * 60);
}

QUrl Settings::webhookPublicUrl() const
{
    return withoutTrailingSlash(urlValue(WebhookPublicUrlKey, {}));
}

bool Settings::setWebhookPublicUrl(const QUrl &url)
{
    if (url.isEmpty()) {
        m_settings->remove(WebhookPublicUrlKey);
        return true;
    }
    if (!isValidBaseUrl(url))
        return false;
    m_settings->setValue(WebhookPublicUrlKey, withoutTrailingSlash(url).toString());
    return true;
}

QList<QUrl> Settings::webhookRegisteredUrls() const
{
    const QVariant value = m_settings->value(WebhookRegisteredUrlsKey);
    QList<QUrl> urls;
    for (const QString &item : value.toStringList()) {
        const QUrl url(item.trimmed(), QUrl::StrictMode);
        if (item.trimmed().isEmpty())
            continue;
        if (!isValidBaseUrl(url)) {
            warnInvalid(WebhookRegisteredUrlsKey, item, QStringLiteral("http(s) URLs"),
                        QStringLiteral("the valid ones"));
            continue;
        }
        const QUrl normal = withoutTrailingSlash(url);
        if (!urls.contains(normal))
            urls.append(normal);
    }
    return urls;
}

bool Settings::setWebhookRegisteredUrls(const QList<QUrl> &urls)
{
    QStringList items;
    for (const QUrl &url : urls) {
        if (!isValidBaseUrl(url))
            return false;
        const QString item = withoutTrailingSlash(url).toString();
        if (!items.contains(item))
            items.append(item);
    }
    if (items.isEmpty())
        m_settings->remove(WebhookRegisteredUrlsKey);
    else
        m_settings->setValue(WebhookRegisteredUrlsKey, items);
    return true;
}

QUrl Settings::clickUpBaseUrl() const
{
    return urlValue(ClickUpBaseUrlKey, DefaultClickUpBaseUrl, true);
}

bool Settings::setClickUpBaseUrl(const QUrl &url)
{
    if (!isValidBaseUrl(url) || !isSafeApiUrl(url))
        return false;
    m_settings->setValue(ClickUpBaseUrlKey, url.adjusted(QUrl::StripTrailingSlash).toString());
    return true;
}

QUrl Settings::gitHubBaseUrl() const
{
    return urlValue(GitHubBaseUrlKey, DefaultGitHubBaseUrl, true);
}

bool Settings::setGitHubBaseUrl(const QUrl &url)
{
    if (!isValidBaseUrl(url) || !isSafeApiUrl(url))
        return false;
    m_settings->setValue(GitHubBaseUrlKey, url.adjusted(QUrl::StripTrailingSlash).toString());
    return true;
}

bool Settings::notifyExternalChanges() const
{
    return boolValue(NotifyExternalKey, true);
}

void Settings::setNotifyExternalChanges(bool on)
{
    m_settings->setValue(NotifyExternalKey, on);
}

bool Settings::notificationEnabled(const QString &kind) const
{
    return boolValue(QStringLiteral("notifications/") + kind, true);
}

void Settings::setNotificationEnabled(const QString &kind, bool on)
{
    m_settings->setValue(QStringLiteral("notifications/") + kind, on);
}

bool Settings::doNotDisturb() const
{
    return boolValue(QStringLiteral("notifications/doNotDisturb"), false);
}

void Settings::setDoNotDisturb(bool on)
{
    m_settings->setValue(QStringLiteral("notifications/doNotDisturb"), on);
}

bool Settings::notifyMorningBriefing() const
{
    return boolValue(NotifyMorningKey, true);
}

void Settings::setNotifyMorningBriefing(bool on)
{
    m_settings->setValue(NotifyMorningKey, on);
}

QTime Settings::briefingTime() const
{
    const QString raw = m_settings->value(BriefingTimeKey).toString().trimmed();
    if (raw.isEmpty())
        return QTime(8, 0);
    const QTime time = QTime::fromString(raw, QStringLiteral("HH:mm"));
    if (!time.isValid()) {
        warnInvalid(BriefingTimeKey, raw, QStringLiteral("a time as HH:mm"),
                    QStringLiteral("08:00"));
        return QTime(8, 0);
    }
    return time;
}

bool Settings::setBriefingTime(const QTime &time)
{
    if (!time.isValid())
        return false;
    m_settings->setValue(BriefingTimeKey, time.toString(QStringLiteral("HH:mm")));
    return true;
}

bool Settings::trayHintShown() const
{
    return boolValue(TrayHintKey, false);
}

void Settings::setTrayHintShown(bool shown)
{
    m_settings->setValue(TrayHintKey, shown);
}

QString Settings::profileName() const
{
    return m_settings->value(ProfileNameKey).toString().trimmed();
}

void Settings::setProfileName(const QString &name)
{
    m_settings->setValue(ProfileNameKey, name.trimmed());
}

QString Settings::language() const
{
    const QString value = m_settings->value(LanguageKey).toString().trimmed();
    if (value.isEmpty() || Translations::languages().contains(value))
        return value;
    warnInvalid(LanguageKey, value, Translations::languages().join(QStringLiteral(", ")),
                QStringLiteral("the system's language"));
    return {};
}

bool Settings::setLanguage(const QString &language)
{
    if (language.isEmpty()) {
        m_settings->remove(LanguageKey);
        return true;
    }
    if (!Translations::languages().contains(language))
        return false;
    m_settings->setValue(LanguageKey, language);
    return true;
}

QStringList Settings::gitHubRepos() const
{
    return listValue(GitHubReposKey, {}, RepoName);
}

bool Settings::setGitHubRepos(const QStringList &repos)
{
    if (!allMatch(repos, RepoName))
        return false;
    m_settings->setValue(GitHubReposKey, repos);
    return true;
}

bool Settings::gitHubIncludePullRequests() const
{
    return boolValue(GitHubPullRequestsKey, false);
}

void Settings::setGitHubIncludePullRequests(bool on)
{
    m_settings->setValue(GitHubPullRequestsKey, on);
}

QStringList Settings::gitHubBlockingLabels() const
{
    return listValue(GitHubBlockingLabelsKey,
                     {QStringLiteral("blocking"), QStringLiteral("blocker")}, AnyName);
}

void Settings::setGitHubBlockingLabels(const QStringList &labels)
{
    m_settings->setValue(GitHubBlockingLabelsKey, labels);
}

QStringList Settings::clickUpListIds() const
{
    return listValue(ClickUpListsKey, {}, ClickUpId);
}

bool Settings::setClickUpListIds(const QStringList &ids)
{
    if (!allMatch(ids, ClickUpId))
        return false;
    m_settings->setValue(ClickUpListsKey, ids);
    return true;
}

QString Settings::clickUpTeamId() const
{
    return listValue(ClickUpTeamKey, {}, ClickUpId).value(0);
}

bool Settings::setClickUpTeamId(const QString &id)
{
    if (!ClickUpId.match(id).hasMatch())
        return false;
    m_settings->setValue(ClickUpTeamKey, id);
    return true;
}

QString Settings::gitHubCreateRepo() const
{
    return listValue(GitHubCreateRepoKey, gitHubRepos().mid(0, 1), RepoName).value(0);
}

bool Settings::setGitHubCreateRepo(const QString &repo)
{
    if (repo.isEmpty()) {
        m_settings->remove(GitHubCreateRepoKey);
        return true;
    }
    if (!RepoName.match(repo).hasMatch())
        return false;
    m_settings->setValue(GitHubCreateRepoKey, repo);
    return true;
}

QString Settings::clickUpCreateListId() const
{
    return listValue(ClickUpCreateListKey, clickUpListIds().mid(0, 1), ClickUpId).value(0);
}

bool Settings::setClickUpCreateListId(const QString &id)
{
    if (id.isEmpty()) {
        m_settings->remove(ClickUpCreateListKey);
        return true;
    }
    if (!ClickUpId.match(id).hasMatch())
        return false;
    m_settings->setValue(ClickUpCreateListKey, id);
    return true;
}

QStringList Settings::clickUpInProgressStatuses() const
{
    return listValue(ClickUpInProgressKey, {QStringLiteral("in progress")}, AnyName);
}

void Settings::setClickUpInProgressStatuses(const QStringList &names)
{
    m_settings->setValue(ClickUpInProgressKey, names);
}

ScoreWeights Settings::scoreWeights() const
{
    const ScoreWeights defaults;
    ScoreWeights weights;
    for (const WeightKey &key : WeightKeys)
        weights.*key.member =
            doubleValue(weightKey(key.name), defaults.*key.member, -MaxPoints, MaxPoints);
    weights.staleAfterDays =
        intValue(weightKey("staleAfterDays"), defaults.staleAfterDays, 0, 3650);
    weights.staleMaxDays = intValue(weightKey("staleMaxDays"), defaults.staleMaxDays, 0, 3650);
    return weights;
}

void Settings::setScoreWeights(const ScoreWeights &weights)
{
    for (const WeightKey &key : WeightKeys)
        m_settings->setValue(weightKey(key.name), weights.*key.member);
    m_settings->setValue(weightKey("staleAfterDays"), weights.staleAfterDays);
    m_settings->setValue(weightKey("staleMaxDays"), weights.staleMaxDays);
}

} // namespace UpNext
