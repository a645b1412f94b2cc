#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace UpNext {

class Clock;
class Entities;
class TaskStore;
struct OutboxEntry;
struct TaskChanges;

// One desktop notification, worded.
struct Notification
{
    enum class Kind {
        Closed,
        Reopened,
        Assigned,
        Unassigned,
        Commented,
        DueMoved,
        Summary, // several of the above in a burst
        WriteRefused,
        TokenRejected,
        WebhooksNotArriving,
    };

    Kind kind = Kind::Summary;
    QString title;
    QString text;
    QString taskId; // the task a click opens; empty when there is not one
};

// Turns what others did to the user's tasks (the change feed's external changes, from syncs
// and webhooks) into notifications: "bob closed 'Fix login' (GitHub)". The first change after
// a quiet spell is told at once; what follows within the burst window is told together at its
// end ("5 tasks changed in Acme"). The user's own changes and their echoes never notify.
// Things that need the user (a write a source refused, a rejected token, webhooks not
// arriving) are told once each. Per-kind switches and do-not-disturb silence them.
class ChangeNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeNotifier)

public:
    ChangeNotifier(TaskStore *store, const Entities *entities, QObject *parent = nullptr);
    ~ChangeNotifier() override;

    void setBurstWindow(std::chrono::milliseconds window);
    void setEnabled(Notification::Kind kind, bool enabled);
    // The kind's word in the settings, e.g. "dueMoved".
    static QString kindName(Notification::Kind kind);
    // A kind that tells of someone else's change to a task (closed … due moved); the others
    // tell of something that needs the user.
    static bool isOutsideChange(Notification::Kind kind);
    bool isEnabled(Notification::Kind kind) const { return !m_disabled.contains(kind); }
    void setDoNotDisturb(bool on) { m_doNotDisturb = on; }
    bool doNotDisturb() const { return m_doNotDisturb; }
    // Whether changes now are told together at the end of the burst window.
    bool inBurst() const { return m_burst.isActive(); }

    // What needs the user; each is told once (a token again after tokenAccepted()).
    void writeRefused(const OutboxEntry &entry, const QString &message);
    void tokenRejected(const QString &source, const QString &message);
    void tokenAccepted(const QString &source);
    void webhooksNotArriving(const QString &source, const QString &message);

Q_SIGNALS:
    void notify(const UpNext::Notification &notification);

private:
    struct Pending
    {
        Notification notification;
        QString client; // the task's client name, for a summary
    };

    void changed(const TaskChanges &changes);
    void tell(const Notification &notification);
    void endOfBurst();

    TaskStore *m_store;
    const Entities *m_entities;
    QTimer m_burst; // running while a burst lasts
    QList<Pending> m_pending;
    QSet<Notification::Kind> m_disabled;
    QSet<qint64> m_refused;
    QSet<QString> m_rejected;
    bool m_doNotDisturb = false;
};

} // namespace UpNext

Q_DECLARE_METATYPE(UpNext::Notification)
