#pragma once

#include "ScoreWeights.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTime>
#include <QUrl>

#include <memory>

class QSettings;

namespace UpNext {

// Typed access to the profile's settings.ini. Every getter validates what it
// reads: a missing, malformed or out-of-range value gives the default and a
// logged warning, never a crash. Secrets never go here (see SecretStore).
class Settings final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::Settings)
    Q_DISABLE_COPY_MOVE(Settings)

public:
    static constexpr int DefaultSyncIntervalMinutes = 60;
    static constexpr int DefaultWebhookPort = 8787;
    static constexpr int DefaultWebhookBodyLimitMb = 5;
    static constexpr int DefaultWebhookSilenceMinutes = 30;
    static inline const QUrl DefaultClickUpBaseUrl{
        QStringLiteral("https://api.clickup.com/api/v2")};
    static inline const QUrl DefaultGitHubBaseUrl{QStringLiteral("https://api.github.com")};

    explicit Settings(const QString &filePath);
    ~Settings();

    QString filePath() const;
    // Set when the file could not be read; it was kept aside and defaults are used.
    QString loadError() const { return m_loadError; }
    // Writes pending changes to disk; false (and lastError()) when that failed.
    bool sync();
    QString lastError() const { return m_lastError; }

    int syncIntervalMinutes() const;
    bool setSyncIntervalMinutes(int minutes);
    int webhookPort() const;
    bool setWebhookPort(int port);
    // Where the webhook server listens; 127.0.0.1 unless set (anything wider needs secrets).
    QString webhookAddress() const;
    // The largest delivery accepted, in MB (GitHub caps payloads at 25 MB).
    int webhookBodyLimitMb() const;
    // How long a change at a source may go without its webhook before UpNext says webhooks
    // are not arriving and syncs that source this often instead (WebhookHealth).
    int webhookSilenceMinutes() const;
    // The user's tunnel, e.g. https://abc.trycloudflare.com: hooks point at
    // <url>/webhooks/<source>. Invalid or missing: an empty URL. An empty URL clears it.
    QUrl webhookPublicUrl() const;
    bool setWebhookPublicUrl(const QUrl &url);
    // Public URLs UpNext's hooks were registered at and may still point to (WebhookRegistrar):
    // hooks there are moved to the current URL, and removed on unregister.
    QList<QUrl> webhookRegisteredUrls() const;
    bool setWebhookRegisteredUrls(const QList<QUrl> &urls);
    // API roots; GitHub Enterprise looks like https://host/api/v3.
    // An API root requests may go to: HTTPS, or plain HTTP to this computer (the simulators).
    static bool isSafeApiUrl(const QUrl &url);
    QUrl clickUpBaseUrl() const;
    bool setClickUpBaseUrl(const QUrl &url);
    QUrl gitHubBaseUrl() const;
    bool setGitHubBaseUrl(const QUrl &url);
    bool notifyExternalChanges() const;
    void setNotifyExternalChanges(bool on);
    bool notifyMorningBriefing() const;
    void setNotifyMorningBriefing(bool on);
    // One kind of notification (a word such as "closed" or "writeRefused"): on unless the
    // user switched it off.
    bool notificationEnabled(const QString &kind) const;
    void setNotificationEnabled(const QString &kind, bool on);
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);
    // When the morning briefing is due each day, local time (08:00 unless set).
    QTime briefingTime() const;
    bool setBriefingTime(const QTime &time);
    // Whether the user was told that closing the window keeps UpNext in the tray.
    bool trayHintShown() const;
    void setTrayHintShown(bool shown);
    // What the window calls the profile ("Demo", "Work"); empty: the folder's name.
    QString profileName() const;
    void setProfileName(const QString &name);
    // The language of the interface, one of Translations::languages(); empty: the system's.
    QString language() const;
    bool setLanguage(const QString &language);
    // Repos to read ("owner/name"); empty: every repo with issues assigned to the user.
    QStringList gitHubRepos() const;
    bool setGitHubRepos(const QStringList &repos);
    bool gitHubIncludePullRequests() const;
    void setGitHubIncludePullRequests(bool on);
    QStringList gitHubBlockingLabels() const;
    void setGitHubBlockingLabels(const QStringList &labels);
    // ClickUp lists to read; empty: the whole workspace (clickUpTeamId).
    QStringList clickUpListIds() const;
    bool setClickUpListIds(const QStringList &ids);
    QString clickUpTeamId() const;
    bool setClickUpTeamId(const QString &id);
    // Where new tasks go: a repo ("owner/name") and a ClickUp list; default (and when set
    // empty): the first configured.
    QString gitHubCreateRepo() const;
    bool setGitHubCreateRepo(const QString &repo);
    QString clickUpCreateListId() const;
    bool setClickUpCreateListId(const QString &id);
    QStringList clickUpInProgressStatuses() const;
    void setClickUpInProgressStatuses(const QStringList &names);

    ScoreWeights scoreWeights() const;
    void setScoreWeights(const ScoreWeights &weights);

private:
    int intValue(const QString &key, int fallback, int min, int max) const;
    double doubleValue(const QString &key, double fallback, double min, double max) const;
    bool boolValue(const QString &key, bool fallback) const;
    // api: an API root, which must also be isSafeApiUrl().
    QUrl urlValue(const QString &key, const QUrl &fallback, bool api = false) const;
    QStringList listValue(const QString &key, const QStringList &fallback,
                          const QRegularExpression &valid) const;
    void warnInvalid(const QString &key, const QVariant &value, const QString &expected,
                     const QVariant &fallback) const;

    std::unique_ptr<QSettings> m_settings;
    QString m_loadError;
    QString m_lastError;
    mutable QSet<QString> m_warned; // warn once per key, not on every read
};

} // namespace UpNext
