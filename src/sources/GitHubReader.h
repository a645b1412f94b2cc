#pragma once

#include "GitHubIssue.h"
#include "SourceReader.h"

#include <QSet>

namespace UpNext {

class Entities;
class SyncState;

// Pulls the issues assigned to the user. Every read lists the open ones (each
// page conditional on its ETag, so an unchanged list costs no rate limit),
// then the ones closed since the last change seen, then asks about known open
// issues that were in neither (closed earlier, unassigned, deleted).
class GitHubReader final : public SourceReader
{
    Q_OBJECT

public:
    GitHubReader(RestClient *client, TaskStore *store, SyncState *state, const Entities *entities,
                 const GitHubReaderOptions &options, QObject *parent = nullptr);

    void start() override;

    // Fills the headers GitHub asks for on a client.
    static void configure(RestClient *client, const QByteArray &token);

private:
    void readUser();
    // GET conditional on the ETag of the last answer; a 304 hands over the cached body.
    // GET conditional on the ETag of the last usable answer. The handler gets the body of a
    // 200, or on a 304 what it returned for the 200 before; for a 200 it returns what to
    // remember (nothing: the answer was unusable), for a 304 anything but nothing to accept it.
    using CachedHandler = std::function<std::optional<QByteArray>(
        const HttpReply &reply, const QByteArray &data, bool notModified)>;
    void getCached(const QUrl &url, CachedHandler handler, bool conditional = true);
    // Reads each URL and the pages its Link headers point to, then calls then.
    void readPages(QList<QUrl> queue, bool open, std::function<void()> then);
    // Parses one page into m_result; the ids of its issues, or nothing when the page is unusable.
    // items is how many items the page had, issues or not.
    std::optional<QStringList> takeItems(const QByteArray &json, const QString &repoOfPage,
                                         qsizetype *items);
    // Whether the settings ask for the repo's issues.
    bool wanted(const QString &repo) const;
    void checkMissing();
    void checkNext(QStringList ids);
    void done();
    std::optional<Task> taskFromJson(const QJsonObject &issue, const QString &repoOfPage);
    QList<QUrl> firstPages(const QString &state, const QString &since) const;
    QString optionsDigest() const;

    const Entities *m_entities;
    GitHubReaderOptions m_options;
    QString m_login;
    QSet<QString> m_known;                             // ids the store has
    QList<std::pair<QString, QString>> m_listedBefore; // open tasks of the user: id, container
    QSet<QString> m_seen;
    QSet<QString> m_read;        // listing pages read in this run
    QSet<QString> m_listedRepos; // repos the configured listings led to (lower case): renamed ones
    QDateTime m_since;           // latest change seen by the previous read
    QDateTime m_highWater;       // latest change seen so far
};

} // namespace UpNext
