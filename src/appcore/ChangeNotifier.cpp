#include "ChangeNotifier.h"

#include "core/Entities.h"
#include "core/Logging.h"
#include "core/OutboxEntry.h"
#include "core/TaskChanges.h"
#include "core/TaskStore.h"

#include <QLocale>

#include <optional>

namespace UpNext {

namespace {

// "“Fix login”": a title as every message quotes it (without a GitHub title's client prefix,
// as the window shows it), not too long.
QString quoted(const QString &title)
{
    constexpr int Longest = 60;
    return ChangeNotifier::tr("“%1”").arg(
        title.size() > Longest ? title.left(Longest - 1) + QChar(0x2026) : title);
}

QString quoted(const Task &task)
{
    return quoted(task.source == Sources::GitHub && !task.entity.isEmpty()
                      ? Entities::withoutClientPrefix(task.title)
                      : task.title);
}

// The one thing worth telling about an outside change to the user's task, if any: a close or
// reopen first, then an assignment, a comment, a due date. Title edits are not news.
std::optional<Notification> word(const ExternalChange &change, const Task &task)
{
    const QString who = change.actor.isEmpty() ? ChangeNotifier::tr("Someone") : change.actor;
    const QString what = quoted(task);
    const QString where = Task::sourceName(task.source);
    const auto field = [&change](FieldChange::Field name) -> const FieldChange * {
        for (const FieldChange &moved : change.fields) {
            if (moved.field == name)
                return &moved;
        }
        return nullptr;
    };
    const auto make = [&](Notification::Kind kind, const QString &text) {
        return Notification{kind, ChangeNotifier::tr("UpNext"), text, task.id};
    };
    const QString done = Task::statusName(TaskStatus::Done);
    if (const FieldChange *status = field(FieldChange::Field::Status)) {
        if (status->after.toString() == done)
            return make(Notification::Kind::Closed,
                        ChangeNotifier::tr("%1 closed %2 (%3)").arg(who, what, where));
        if (status->before.toString() == done)
            return make(Notification::Kind::Reopened,
                        ChangeNotifier::tr("%1 reopened %2 (%3)").arg(who, what, where));
    }
    if (const FieldChange *assignee = field(FieldChange::Field::Assignee)) {
        if (assignee->before.toString().isEmpty() && task.assignedToMe)
            return make(Notification::Kind::Assigned,
                        ChangeNotifier::tr("%1 assigned %2 to you (%3)").arg(who, what, where));
        if (assignee->after.toString().isEmpty())
            return make(Notification::Kind::Unassigned,
                        ChangeNotifier::tr("%1 unassigned you from %2 (%3)").arg(who, what, where));
    }
    if (!task.assignedToMe)
        return std::nullopt; // not the user's task
    if (const FieldChange *comment = field(FieldChange::Field::Comments)) {
        QString text = comment->after.toString().simplified();
        if (text.size() > 100)
            text = text.left(99) + QChar(0x2026);
        return make(Notification::Kind::Commented,
                    ChangeNotifier::tr("%1 commented on %2 (%3): %4").arg(who, what, where, text));
    }
    if (const FieldChange *due = field(FieldChange::Field::Due)) {
        const QDate day = due->after.toDate();
        return make(
            Notification::Kind::DueMoved,
            day.isValid()
                ? ChangeNotifier::tr("%1 moved %2 to be due %3 (%4)")
                      .arg(who, what, QLocale().toString(day, QLocale::ShortFormat), where)
                : ChangeNotifier::tr("%1 removed the due date of %2 (%3)").arg(who, what, where));
    }
    return std::nullopt;
}

} // namespace

ChangeNotifier::ChangeNotifier(TaskStore *store, const Entities *entities, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_entities(entities)
{
    m_burst.setInterval(std::chrono::seconds(3));
    connect(&m_burst, &QTimer::timeout, this, &ChangeNotifier::endOfBurst);
    connect(store, &TaskStore::changed, this, &ChangeNotifier::changed);
}

ChangeNotifier::~ChangeNotifier() = default;

void ChangeNotifier::setBurstWindow(std::chrono::milliseconds window)
{
    m_burst.setInterval(window);
}

QString ChangeNotifier::kindName(Notification::Kind kind)
{
    using Kind = Notification::Kind;
    switch (kind) {
    case Kind::Closed:
        return QStringLiteral("closed");
    case Kind::Reopened:
        return QStringLiteral("reopened");
    case Kind::Assigned:
        return QStringLiteral("assigned");
    case Kind::Unassigned:
        return QStringLiteral("unassigned");
    case Kind::Commented:
        return QStringLiteral("commented");
    case Kind::DueMoved:
        return QStringLiteral("dueMoved");
    case Kind::Summary:
        return QStringLiteral("summary");
    case Kind::WriteRefused:
        return QStringLiteral("writeRefused");
    case Kind::TokenRejected:
        return QStringLiteral("tokenRejected");
    case Kind::WebhooksNotArriving:
        return QStringLiteral("webhooksNotArriving");
    }
    return {};
}

bool ChangeNotifier::isOutsideChange(Notification::Kind kind)
{
    using Kind = Notification::Kind;
    return kind == Kind::Closed || kind == Kind::Reopened || kind == Kind::Assigned ||
           kind == Kind::Unassigned || kind == Kind::Commented || kind == Kind::DueMoved;
}

void ChangeNotifier::setEnabled(Notification::Kind kind, bool enabled)
{
    if (enabled)
        m_disabled.remove(kind);
    else
        m_disabled.insert(kind);
}

void ChangeNotifier::changed(const TaskChanges &changes)
{
    if (changes.origin != ChangeOrigin::Sync && changes.origin != ChangeOrigin::Webhook)
        return;
    QStringList ids;
    for (const ExternalChange &change : changes.external) {
        if (!change.byUser)
            ids.append(change.taskId);
    }
    if (ids.isEmpty())
        return;
    QHash<QString, Task> tasks;
    for (const Task &task : m_store->tasks(ids, TaskStore::Fields::Listed))
        tasks.insert(task.id, task);
    for (const ExternalChange &change : changes.external) {
        const auto task = tasks.constFind(change.taskId);
        if (change.byUser || task == tasks.cend())
            continue;
        const std::optional<Notification> notification = word(change, *task);
        if (!notification || !isEnabled(notification->kind) || m_doNotDisturb)
            continue;
        const std::optional<Entity> client =
            m_entities ? m_entities->find(task->entity) : std::nullopt;
        const Pending pending{*notification, client ? client->name : task->entity};
        if (m_burst.isActive()) {
            m_pending.append(pending);
        } else {
            tell(pending.notification); // the first after a quiet spell, at once
            m_burst.start();
        }
    }
}

void ChangeNotifier::endOfBurst()
{
    if (m_pending.isEmpty()) {
        m_burst.stop(); // quiet again
        return;
    }
    if (m_pending.size() == 1) {
        tell(m_pending.first().notification);
        m_pending.clear();
        return;
    }
    QSet<QString> tasks;
    QSet<QString> clients;
    QStringList lines;
    for (const Pending &pending : std::as_const(m_pending)) {
        tasks.insert(pending.notification.taskId);
        clients.insert(pending.client);
        if (lines.size() < 3)
            lines.append(pending.notification.text);
    }
    const int count = int(tasks.size());
    const QString client = clients.size() == 1 ? *clients.cbegin() : QString();
    QString text = client.isEmpty() ? tr("%n tasks changed", nullptr, count)
                                    : tr("%n tasks changed in %1", nullptr, count).arg(client);
    text += QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    if (const qsizetype more = m_pending.size() - lines.size(); more > 0)
        text += QLatin1Char('\n') + tr("and %1 more").arg(more);
    tell({Notification::Kind::Summary, tr("UpNext"), text,
          count == 1 ? m_pending.first().notification.taskId : QString()});
    m_pending.clear();
}

void ChangeNotifier::writeRefused(const OutboxEntry &entry, const QString &message)
{
    if (m_refused.contains(entry.id))
        return;
    m_refused.insert(entry.id);
    const std::optional<Task> task = m_store->task(entry.taskId);
    const QString what = task ? quoted(*task) : quoted(entry.title);
    QString source;
    Task::parseId(entry.taskId, &source);
    source = Task::sourceName(source);
    QString text;
    switch (entry.kind) {
    case OutboxEntry::Kind::Complete:
        text = tr("%1 refused to close %2: %3").arg(source, what, message);
        break;
    case OutboxEntry::Kind::Comment:
        text = tr("%1 refused your comment on %2: %3").arg(source, what, message);
        break;
    case OutboxEntry::Kind::Create:
        text = tr("%1 refused to create %2: %3").arg(source, what, message);
        break;
    }
    tell({Notification::Kind::WriteRefused, tr("A change was not made"), text, entry.taskId});
}

void ChangeNotifier::tokenRejected(const QString &source, const QString &message)
{
    if (m_rejected.contains(source))
        return;
    m_rejected.insert(source);
    tell({Notification::Kind::TokenRejected,
          tr("%1 rejected the token").arg(Task::sourceName(source)),
          tr("%1 UpNext cannot sync %2 or send changes to it until the token is replaced.")
              .arg(message, Task::sourceName(source)),
          {}});
}

void ChangeNotifier::tokenAccepted(const QString &source)
{
    m_rejected.remove(source);
}

void ChangeNotifier::webhooksNotArriving(const QString &source, const QString &message)
{
    tell({Notification::Kind::WebhooksNotArriving,
          tr("%1 webhooks are not arriving").arg(Task::sourceName(source)),
          message,
          {}});
}

void ChangeNotifier::tell(const Notification &notification)
{
    if (m_doNotDisturb || !isEnabled(notification.kind))
        return;
    qCDebug(lcNotify).noquote() << "Notification:" << notification.text;
    Q_EMIT notify(notification);
}

} // namespace UpNext
