#pragma once

#include "RestClient.h"

#include "core/Comment.h"

#include <QObject>

#include <functional>

namespace UpNext {

// Reads a task's comment thread from its source, for the window: GitHub's
// GET /repos/{o}/{r}/issues/{n}/comments (oldest first, a hundred a page: the
// last page when there are more) and ClickUp's GET /task/{id}/comment (the
// newest 25, newest first). Either way the thread comes oldest first, newest last.
class CommentReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommentReader)

public:
    // The API client of a source (Sources::GitHub or Sources::ClickUp), with its token;
    // nullptr when the source is not set up. Asked at each read: clients are replaced when
    // tokens are read again.
    using Clients = std::function<RestClient *(const QString &source)>;
    using Callback = std::function<void(const CommentThread &thread)>;

    explicit CommentReader(Clients clients, QObject *parent = nullptr);

    // Reads the comments of a task ("github:o/r#1", "clickup:86abc"); callback runs on
    // context's thread once they are read or could not be, and not at all once context is gone.
    void read(const QString &taskId, QObject *context, Callback callback);

    static QList<Comment> fromGitHub(const QByteArray &json, bool *ok);
    static QList<Comment> fromClickUp(const QByteArray &json, bool *ok);

private:
    static constexpr int ClickUpPage = 25;
    void readGitHub(RestClient *client, const QString &sourceId, QObject *context,
                    const Callback &callback);
    void readClickUp(RestClient *client, const QString &sourceId, QObject *context,
                     const Callback &callback);

    Clients m_clients;
};

} // namespace UpNext
