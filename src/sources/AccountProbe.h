#pragma once

#include "RestClient.h"

#include <QList>
#include <QString>

#include <functional>

namespace UpNext {

// Asks a source, with a token the user typed, who the token belongs to and what it can read:
// for the account settings' "Test connection" and their pickers. Nothing is stored.
class AccountProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountProbe)

public:
    // A workspace, list or repo to pick.
    struct Choice
    {
        QString id;
        QString name;

        bool operator==(const Choice &other) const = default;
    };
    // error: the source's own words, empty on success.
    using NameCallback = std::function<void(const QString &name, const QString &error)>;
    using ChoicesCallback = std::function<void(const QList<Choice> &choices, const QString &error)>;

    // source: Sources::ClickUp or Sources::GitHub.
    AccountProbe(QNetworkAccessManager *manager, const QString &source, const QUrl &baseUrl,
                 const QByteArray &token, QObject *parent = nullptr);

    // GET /user: the user's name (ClickUp's username, GitHub's login).
    void identify(NameCallback callback);
    // ClickUp: the workspaces (GET /team).
    void workspaces(ChoicesCallback callback);
    // ClickUp: every list in the workspace, named "Space / Folder / List" (folderless lists
    // "Space / List"), from its spaces, their folders and their folderless lists.
    void lists(const QString &teamId, ChoicesCallback callback);
    // GitHub: the repos the user can read (GET /user/repos), by full name.
    void repos(ChoicesCallback callback);

private:
    static constexpr int MaxPages = 20;

    // GETs path; hands the JSON object or array to read, or an error to fail.
    void get(const QUrl &url, std::function<void(const QJsonDocument &, const HttpReply &)> read,
             std::function<void(const QString &)> fail);
    void repoPage(const QUrl &url, int pagesLeft, QList<Choice> found,
                  const ChoicesCallback &callback);

    QString m_source;
    RestClient m_client;
};

} // namespace UpNext
