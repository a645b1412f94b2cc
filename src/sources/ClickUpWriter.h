#pragma once

#include "RestClient.h"
#include "SourceErrors.h"
#include "SourceWriter.h"

#include "core/Task.h"

#include <QHash>

namespace UpNext {

struct ClickUpWriterOptions
{
    QString userId; // the user: assignee of new tasks, author of own comments; empty: GET /user
    QString createListId;                                      // the list create() adds tasks to
    QString fallbackClosedStatus = QStringLiteral("complete"); // for lists without a closed status
};

// Completes, comments on and creates ClickUp tasks for the user. Source ids are
// ClickUp task ids ("86abc"). One request at a time per call, no retries: the outbox retries.
class ClickUpWriter final : public SourceWriter
{
    Q_OBJECT

public:
    // client: configured with ClickUpReader::configure().
    ClickUpWriter(RestClient *client, const ClickUpWriterOptions &options,
                  QObject *parent = nullptr);

    // A client-side guard: ClickUp documents no limit for task names; longer ones are
    // surely a mistake (a paste into the title field).
    static constexpr qsizetype MaxTitle = Task::ClickUpMaxTitle;

    void complete(const QString &sourceId, QObject *context, Callback callback) override;
    void comment(const QString &sourceId, const QString &text, QObject *context,
                 Callback callback) override;
    void create(const QString &title, const QString &entity, const QString &description,
                QObject *context, Callback callback) override;
    void findComment(const QString &sourceId, const QString &text, const QDateTime &since,
                     QObject *context, Callback callback) override;
    void findCreated(const QString &title, const QString &entity, const QDateTime &since,
                     QObject *context, Callback callback) override;

private:
    using Done = SourceErrors::Done;

    void send(const QByteArray &verb, const QUrl &url, const QJsonObject &body, const Done &done,
              std::function<void(const HttpReply &)> handler);
    QUrl taskUrl(const QString &taskId, const QString &suffix = {}) const;
    void withUser(const Done &done, std::function<void()> then);
    // The list's status of type "closed", read once per list.
    void closedStatus(const QString &listId, const Done &done,
                      std::function<void(const QString &status)> then);
    void findInPages(const QString &title, const QString &tag, qint64 sinceMs, int page,
                     const Done &done);
    // Reads url's comments and the older pages after it until the comment turns up.
    void findCommentFrom(const QUrl &url, const QString &text, qint64 sinceMs, const Done &done);

    // GET /task/{id}/comment answers with at most this many, newest first.
    static constexpr qsizetype CommentPageSize = 25;

    RestClient *m_client;
    ClickUpWriterOptions m_options;
    QString m_userId;
    QHash<QString, QString> m_closedStatus; // list id → status name
};

} // namespace UpNext
