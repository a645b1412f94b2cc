#include "GitHubWebhook.h"

#include "core/Logging.h"
#include "core/TaskStore.h"
#include "core/WebhookLog.h"
#include "sync/SyncEngine.h"

namespace UpNext {

namespace {

const QSet<QString> &issueActions()
{
    static const QSet<QString> actions = {
        QStringLiteral("opened"),       QStringLiteral("edited"),    QStringLiteral("closed"),
        QStringLiteral("reopened"),     QStringLiteral("assigned"),  QStringLiteral("unassigned"),
        QStringLiteral("labeled"),      QStringLiteral("unlabeled"), QStringLiteral("milestoned"),
        QStringLiteral("demilestoned"), QStringLiteral("deleted"),   QStringLiteral("transferred")};
    return actions;
}

// The JSON of a form-encoded delivery: its payload= field.
std::optional<QByteArray> formPayload(const QByteArray &body)
{
    for (const QByteArray &pair : body.split('&')) {
        if (pair.startsWith("payload="))
            return QByteArray::fromPercentEncoding(pair.mid(8).replace('+', ' '));
    }
    return std::nullopt;
}

// What handleIssue reads of a delivery.
QJsonObject keysRead()
{
    const QJsonValue whole = true;
    const QJsonObject fullName = {{QStringLiteral("full_name"), whole}};
    return {{QStringLiteral("action"), whole},
            {QStringLiteral("issue"), GitHubIssue::keysRead()},
            {QStringLiteral("repository"), fullName},
            {QStringLiteral("sender"), QJsonObject{{QStringLiteral("login"), whole}}},
            {QStringLiteral("comment"),
             QJsonObject{{QStringLiteral("body"), whole}, {QStringLiteral("created_at"), whole}}},
            {QStringLiteral("changes"),
             QJsonObject{{QStringLiteral("new_issue"), GitHubIssue::keysRead()},
                         {QStringLiteral("new_repository"), fullName}}}};
}

} // namespace

GitHubWebhook::GitHubWebhook(const Parts &parts, QObject *parent)
    : WebhookReceiver(Sources::GitHub, parts, parent)
    , m_picker(keysRead())
{}

bool GitHubWebhook::wanted(const QString &repo) const
{
    return m_options.repos.isEmpty() || m_options.repos.contains(repo, Qt::CaseInsensitive);
}

GitHubWebhook::Checked GitHubWebhook::check(const QHash<QByteArray, QByteArray> &headers,
                                            const QByteArray &body) const
{
    Checked checked;
    const QByteArray signature = headers.value("x-hub-signature-256");
    checked.signatureMatched =
        signatureMatches(body, signature.startsWith("sha256=") ? signature.mid(7) : QByteArray());
    if (!checked.signatureMatched)
        return checked;

    QByteArray json = body;
    if (headers.value("content-type").startsWith("application/x-www-form-urlencoded")) {
        const std::optional<QByteArray> payload = formPayload(body);
        if (!payload) {
            checked.refused = HttpAnswer::error(400, tr("The form has no payload field"));
            return checked;
        }
        json = *payload;
    }
    QString error;
    if (std::optional<QJsonObject> payload = m_picker.pick(json, &error))
        checked.payload = std::move(*payload);
    else
        checked.refused =
            HttpAnswer::error(400, tr("The body is not a JSON object: %1").arg(error));
    return checked;
}

HttpAnswer GitHubWebhook::handle(const QHash<QByteArray, QByteArray> &headers,
                                 const QByteArray &body)
{
    return handle(headers, check(headers, body));
}

HttpAnswer GitHubWebhook::handle(const QHash<QByteArray, QByteArray> &headers,
                                 const Checked &checked)
{
    if (std::optional<HttpAnswer> refused = admit(checked.signatureMatched))
        return *refused;
    if (checked.refused)
        return *checked.refused;
    const QString event = QString::fromLatin1(headers.value("x-github-event"));
    const QString delivery = QString::fromLatin1(headers.value("x-github-delivery"));
    if (event.isEmpty())
        return HttpAnswer::error(400, tr("No X-GitHub-Event header"));
    if (event == QLatin1String("ping"))
        return ok();
    if (event != QLatin1String("issues") && event != QLatin1String("issue_comment"))
        return ignored();
    if (!delivery.isEmpty() && m_parts.log->seen(source(), delivery))
        return ok(); // a redelivery: applied already
    return handleIssue(event, checked.payload, delivery);
}

HttpAnswer GitHubWebhook::handleIssue(const QString &event, const QJsonObject &payload,
                                      const QString &delivery)
{
    const QString action = payload.value(QStringLiteral("action")).toString();
    const QJsonValue issueValue = payload.value(QStringLiteral("issue"));
    if (!issueValue.isObject())
        return HttpAnswer::error(400, tr("The delivery has no issue"));
    const bool comment = event == QLatin1String("issue_comment");
    if (comment ? !QStringList{QStringLiteral("created"), QStringLiteral("edited"),
                               QStringLiteral("deleted")}
                       .contains(action)
                : !issueActions().contains(action))
        return ignored();

    const QString login = m_parts.engine->state()->value(Sources::GitHub, QStringLiteral("login"));
    const GitHubIssue parser(m_options, login, m_parts.entities);
    QStringList warnings;
    const QString repo = payload.value(QStringLiteral("repository"))
                             .toObject()
                             .value(QStringLiteral("full_name"))
                             .toString();
    // The name goes into API paths (follow-up reads, writes): refuse what is not a repository.
    if (!repo.isEmpty() &&
        !Task::parseId(Task::makeId(Sources::GitHub, repo + QStringLiteral("#1"))))
        return HttpAnswer::error(400, tr("The repository name is not valid"));
    std::optional<Task> task = parser.toTask(issueValue.toObject(), repo, &warnings);
    if (!task || !wanted(task->container))
        return ignored(); // a pull request the sync skips, or a repo it does not read

    ReadResult read;
    read.source = Sources::GitHub;
    read.actor = payload.value(QStringLiteral("sender"))
                     .toObject()
                     .value(QStringLiteral("login"))
                     .toString();
    read.byUser = !login.isEmpty() && read.actor.compare(login, Qt::CaseInsensitive) == 0;
    read.writingIsOwn = true; // the echo of what the outbox sends
    // Asked only when it decides: most deliveries are for a task that is open and the user's.
    const auto stored = [&] {
        return m_parts.store->contains(task->id);
    };

    if (action == QLatin1String("deleted") && !comment) {
        if (!stored())
            return ignored();
        read.notMine.append(task->id);
    } else if (action == QLatin1String("transferred")) {
        const QJsonObject changes = payload.value(QStringLiteral("changes")).toObject();
        const std::optional<Task> moved =
            parser.toTask(changes.value(QStringLiteral("new_issue")).toObject(),
                          changes.value(QStringLiteral("new_repository"))
                              .toObject()
                              .value(QStringLiteral("full_name"))
                              .toString(),
                          &warnings);
        if (!stored())
            return ignored();
        if (moved && wanted(moved->container)) {
            read.moved.insert(task->id, moved->id);
            read.tasks.append(*moved);
        } else {
            read.notMine.append(task->id);
        }
    } else {
        if (!(task->isOpen() && task->assignedToMe) && !stored())
            return ignored(); // not the user's, and was not
        if (comment && action == QLatin1String("created")) {
            const QJsonObject body = payload.value(QStringLiteral("comment")).toObject();
            read.comments.insert(task->id, body.value(QStringLiteral("body")).toString().left(500));
            const QDateTime at = QDateTime::fromString(
                body.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
            if (at.isValid())
                task->lastActivity = std::max(task->lastActivity, at);
        }
        read.tasks.append(*task);
    }
    for (const QString &warning : std::as_const(warnings))
        qCWarning(lcWebhook).noquote() << "GitHub:" << warning;
    qCDebug(lcWebhook).noquote() << "GitHub" << event << action << task->id << "by" << read.actor;
    return apply(read, delivery.isEmpty() ? QStringList() : QStringList{delivery});
}

} // namespace UpNext
