#pragma once

#include "ClickUpTask.h"
#include "SourceReader.h"

#include <QSet>

namespace UpNext {

class Entities;
class SyncState;

struct ClickUpReaderOptions
{
    QStringList listIds; // lists to read; empty: the whole workspace (teamId)
    QString teamId;      // read when listIds is empty; with lists, where moved tasks are looked for
    QStringList inProgressStatuses = {QStringLiteral("in progress")}; // status names, any case
    bool fullListing = false; // list everything even when an incremental read would do
};

// Pulls the ClickUp tasks assigned to the user, list by list (or across the
// workspace), 100 a page until last_page.
//
// A full listing (the first read, a list read for the first time, or when
// asked) lists the user's open tasks, then asks about every known open task it
// did not see (closed, unassigned, moved or deleted since). An incremental
// listing asks only for what changed since the previous read, closed tasks and
// other people's included, so completions and unassignments show up; with
// lists, also for the user's changes across the workspace (its id is configured
// or comes with every task), so a task moved to a list not read leaves.
// Deletions are left to the next full listing. Tasks of a list no longer read
// leave at once.
//
// A read leaves off at the newest change it saw, but never later than its
// start by ClickUp's clock: a change made while it pages may have missed the
// pages already read, so the next read asks again (what the store already has
// at that version is skipped).
class ClickUpReader final : public SourceReader
{
    Q_OBJECT

public:
    ClickUpReader(RestClient *client, TaskStore *store, SyncState *state, const Entities *entities,
                  const ClickUpReaderOptions &options, QObject *parent = nullptr);

    void start() override;

    // Deleted tasks only show in full listings: one a day is enough.
    static bool fullListingDue(const SyncState &state, const QDateTime &now);

    // Sets a personal token ("pk_…", sent bare: no scheme) on a client.
    static void configure(RestClient *client, const QByteArray &token);

private:
    // One listing: a list's tasks (listId set) or the workspace's.
    struct Scope
    {
        QString path;
        QString listId;
        bool elsewhere = false; // the workspace, for tasks moved out of the lists read
    };

    void readUser();
    QList<Scope> scopes() const;
    QUrl pageUrl(const Scope &scope, int page) const;
    // Reads every page of each scope in turn, then calls then.
    void readPages(QList<Scope> queue, int page, std::function<void()> then);
    // Parses one page; false when the page itself is unusable. Sets *lastPage.
    bool takeTasks(const QByteArray &json, const Scope &scope, bool *lastPage);
    std::optional<Task> taskFromJson(const QJsonObject &json, const QString &listOfPage);
    bool inScope(const QString &listId) const;
    // The store has the task exactly as listed.
    bool storedAsIs(const Task &task) const;
    void warn(const QString &message);
    bool scopeGrew() const;
    void checkMissing();
    void checkNext(QStringList ids);
    void done();

    const Entities *m_entities;
    ClickUpReaderOptions m_options;
    QString m_userId;
    QString m_username;
    QString m_teamId; // configured, or learned from the tasks
    bool m_full = false;
    QHash<QString, Task> m_stored;                     // what the store has of this source, by id
    QList<std::pair<QString, QString>> m_listedBefore; // open tasks of the user: id, container
    QSet<QString> m_seen;                              // ids listed by this read
    QHash<QString, QString> m_listNames; // list id → name, from the tasks read, for the window
    qint64 m_since = 0;                  // where the previous read left off (unix ms), 0: none
    qint64 m_highWater = 0;              // latest date_updated seen
};

} // namespace UpNext
