#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace UpNext {

// Why tasks changed.
enum class ChangeOrigin {
    Sync,    // a pull from the source
    Webhook, // the source told us at once
    User,    // the user did it here
    Outbox,  // a write was confirmed, refused or discarded, and its local effect follows
    Rescore, // scores moved with the days or the clients
};

// One field of a task that changed outside UpNext.
struct FieldChange
{
    enum class Field { Status, Assignee, Title, Due, Comments };

    Field field = Field::Status;
    QVariant before;
    QVariant after;

    bool operator==(const FieldChange &other) const = default;
};

// What someone else did to a task, as far as the source says.
struct ExternalChange
{
    QString taskId;
    QList<FieldChange> fields;
    QString actor; // who did it, when the source says; empty otherwise
    // The echo of something the user did in UpNext (the actor is the user): not news to them.
    bool byUser = false;

    bool operator==(const ExternalChange &other) const = default;
};

// The change feed's event: published by the TaskStore once per transaction, after it
// commits. Ids are of rows that were added, changed or removed in the store; whether a task
// is listed (open and the user's) is for each view to read from the task itself.
struct TaskChanges
{
    ChangeOrigin origin = ChangeOrigin::Sync;
    QStringList added;
    QStringList changed;
    QStringList removed;
    QList<ExternalChange> external; // for Sync and Webhook: what moved, and who moved it

    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
    // Whether the task is among those added, changed or removed.
    bool touches(const QString &taskId) const
    {
        return changed.contains(taskId) || added.contains(taskId) || removed.contains(taskId);
    }
};

} // namespace UpNext

Q_DECLARE_METATYPE(UpNext::TaskChanges)
