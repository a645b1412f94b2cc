#pragma once

#include "RestClient.h"
#include "SourceErrors.h"
#include "SourceWriter.h"

#include "core/Task.h"

namespace UpNext {

struct GitHubWriterOptions
{
    QString login; // the user: assignee of new issues, author of own comments; empty: GET /user
    QString createRepo; // "owner/name" where create() opens issues
};

// Closes, comments on and opens GitHub issues for the user. Source ids are
// "owner/repo#42". One request at a time per call, no retries: the outbox retries.
class GitHubWriter final : public SourceWriter
{
    Q_OBJECT

public:
    // client: configured with GitHubReader::configure().
    GitHubWriter(RestClient *client, const GitHubWriterOptions &options, QObject *parent = nullptr);

    // GitHub refuses longer titles (422).
    static constexpr qsizetype MaxTitle = Task::GitHubMaxTitle;

    void complete(const QString &sourceId, QObject *context, Callback callback) override;
    void comment(const QString &sourceId, const QString &text, QObject *context,
                 Callback callback) override;
    void create(const QString &title, const QString &entity, const QString &description,
                QObject *context, Callback callback) override;
    void findComment(const QString &sourceId, const QString &text, const QDateTime &since,
                     QObject *context, Callback callback) override;
    void findCreated(const QString &title, const QString &entity, const QDateTime &since,
                     QObject *context, Callback callback) override;

    // The title create() sends: "[CLIENT:<entity>] <title>" when entity is set.
    static QString fullTitle(const QString &title, const QString &entity);
    // "/repos/owner/repo/issues/42" for "owner/repo#42"; empty when sourceId is not an issue id.
    static QString issuePath(const QString &sourceId);

private:
    using Done = SourceErrors::Done;

    void send(const QByteArray &verb, const QString &pathAndQuery, const QJsonObject &body,
              const Done &done, std::function<void(const HttpReply &)> handler);
    void withLogin(const Done &done, std::function<void()> then);
    // Reads url and the pages its Link headers point to, until match returns a source id.
    void findInPages(const QUrl &url, const Done &done,
                     std::function<QString(const QJsonObject &item)> match);

    RestClient *m_client;
    GitHubWriterOptions m_options;
    QString m_login;
};

} // namespace UpNext
