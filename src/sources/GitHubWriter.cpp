#include "GitHubWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace UpNext {

using namespace Qt::Literals::StringLiterals;

namespace {

using SourceErrors::Source;

// GitHub's timestamps have whole seconds; Qt::ISODate drops the milliseconds, which keeps
// a comment made in the same second as `since`.
QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

GitHubWriter::GitHubWriter(RestClient *client, const GitHubWriterOptions &options, QObject *parent)
    : SourceWriter(parent)
    , m_client(client)
    , m_options(options)
    , m_login(options.login.trimmed())
{
    m_options.createRepo = m_options.createRepo.trimmed();
}

QString GitHubWriter::fullTitle(const QString &title, const QString &entity)
{
    const QString trimmed = entity.trimmed();
    return trimmed.isEmpty() ? title : QStringLiteral("[CLIENT:%1] %2").arg(trimmed, title);
}

QString GitHubWriter::issuePath(const QString &sourceId)
{
    static const QRegularExpression id(QStringLiteral(R"(^([\w.-]+)/([\w.-]+)#(\d+)$)"));
    const QRegularExpressionMatch match = id.match(sourceId);
    if (!match.hasMatch())
        return {};
    return QStringLiteral("/repos/%1/%2/issues/%3")
        .arg(match.captured(1), match.captured(2), match.captured(3));
}

void GitHubWriter::send(const QByteArray &verb, const QString &pathAndQuery,
                        const QJsonObject &body, const Done &done,
                        std::function<void(const HttpReply &)> handler)
{
    const QByteArray json =
        body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    // Every failure ends the call here; handler sees successes only.
    m_client->send(verb, m_client->url(pathAndQuery), json, {}, this,
                   [this, done, handler = std::move(handler)](const HttpReply &reply) {
                       if (!SourceErrors::isSuccess(reply))
                           return done(
                               SourceErrors::failure(Source::GitHub, reply, m_clock->now()));
                       handler(reply);
                   });
}

void GitHubWriter::withLogin(const Done &done, std::function<void()> then)
{
    if (!m_login.isEmpty())
        return then();
    // Two first calls at once may both ask; the answer is the same.
    send("GET", QStringLiteral("/user"), {}, done,
         [this, done, then = std::move(then)](const HttpReply &reply) {
             const QString login = QJsonDocument::fromJson(reply.body)
                                       .object()
                                       .value(QStringLiteral("login"))
                                       .toString();
             if (login.isEmpty())
                 return done(SourceErrors::malformed(Source::GitHub, reply,
                                                     tr("the answer to /user has no login")));
             m_login = login;
             then();
         });
}

void GitHubWriter::complete(const QString &sourceId, QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    const QString path = issuePath(sourceId);
    if (path.isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: \"%1\" is not an issue").arg(sourceId)));

    // Read first: closing an issue someone else closed would hide who did it, and why.
    send("GET", path, {}, done, [this, path, sourceId, done](const HttpReply &reply) {
        const QJsonObject issue = QJsonDocument::fromJson(reply.body).object();
        const QString state = issue.value(QStringLiteral("state")).toString();
        if (state.isEmpty())
            return done(
                SourceErrors::malformed(Source::GitHub, reply, tr("the answer is not an issue")));
        if (state == QLatin1String("closed")) {
            const QString by = issue.value(QStringLiteral("closed_by"))
                                   .toObject()
                                   .value(QStringLiteral("login"))
                                   .toString();
            WriteResult result;
            result.success = true;
            result.conflict = true;
            result.sourceId = sourceId;
            result.currentState =
                by.isEmpty() ? QStringLiteral("closed") : QStringLiteral("closed by %1").arg(by);
            result.message = by.isEmpty() ? tr("Already closed on GitHub")
                                          : tr("Already closed on GitHub by %1").arg(by);
            if (by.isEmpty())
                return done(result);
            // Whether the user closed it decides between a conflict and a confirmation.
            return withLogin(done, [this, by, result, done]() mutable {
                result.closedBy = by.compare(m_login, Qt::CaseInsensitive) == 0
                                      ? WriteResult::ClosedBy::User
                                      : WriteResult::ClosedBy::Someone;
                done(result);
            });
        }
        const QJsonObject body{{QStringLiteral("state"), QStringLiteral("closed")},
                               {QStringLiteral("state_reason"), QStringLiteral("completed")}};
        send("PATCH", path, body, done, [sourceId, done](const HttpReply &reply) {
            if (!QJsonDocument::fromJson(reply.body).isObject())
                return done(SourceErrors::malformed(Source::GitHub, reply,
                                                    tr("the answer is not an issue")));
            WriteResult result;
            result.success = true;
            result.sourceId = sourceId;
            result.message = tr("Closed on GitHub");
            done(result);
        });
    });
}

void GitHubWriter::comment(const QString &sourceId, const QString &text, QObject *context,
                           Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    const QString path = issuePath(sourceId);
    if (path.isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: \"%1\" is not an issue").arg(sourceId)));
    if (text.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: a comment cannot be empty")));

    send("POST", path + QStringLiteral("/comments"), {{QStringLiteral("body"), text}}, done,
         [done](const HttpReply &reply) {
             const qint64 id = QJsonDocument::fromJson(reply.body)
                                   .object()
                                   .value(QStringLiteral("id"))
                                   .toInteger();
             if (id <= 0)
                 return done(SourceErrors::malformed(Source::GitHub, reply,
                                                     tr("the answer is not a comment")));
             WriteResult result;
             result.success = true;
             result.sourceId = QString::number(id);
             result.message = tr("Commented on GitHub");
             done(result);
         });
}

void GitHubWriter::create(const QString &title, const QString &entity, const QString &description,
                          QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (m_options.createRepo.isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: no repository set for new issues")));
    if (title.trimmed().isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: a title cannot be empty")));
    const QString full = fullTitle(title, entity);
    if (Task::characterCount(full) > MaxTitle)
        return done(
            SourceErrors::rejected(tr("GitHub: the title is %1 characters long; GitHub allows %2")
                                       .arg(Task::characterCount(full))
                                       .arg(MaxTitle)));

    withLogin(done, [this, full, description, done] {
        const QJsonObject body{{QStringLiteral("title"), full},
                               {QStringLiteral("body"), description},
                               {QStringLiteral("assignees"), QJsonArray{m_login}}};
        const QString repo = m_options.createRepo;
        send("POST", QStringLiteral("/repos/%1/issues").arg(repo), body, done,
             [repo, done](const HttpReply &reply) {
                 const qint64 number = QJsonDocument::fromJson(reply.body)
                                           .object()
                                           .value(QStringLiteral("number"))
                                           .toInteger();
                 if (number <= 0)
                     return done(SourceErrors::malformed(Source::GitHub, reply,
                                                         tr("the answer is not an issue")));
                 WriteResult result;
                 result.success = true;
                 result.sourceId = QStringLiteral("%1#%2").arg(repo).arg(number);
                 result.message = tr("Created %1 on GitHub").arg(result.sourceId);
                 done(result);
             });
    });
}

void GitHubWriter::findInPages(const QUrl &url, const Done &done,
                               std::function<QString(const QJsonObject &)> match)
{
    m_client->get(url, {}, this, [this, done, match](const HttpReply &reply) {
        if (!SourceErrors::isSuccess(reply))
            return done(SourceErrors::failure(Source::GitHub, reply, m_clock->now()));
        const QJsonDocument document = QJsonDocument::fromJson(reply.body);
        if (!document.isArray())
            return done(
                SourceErrors::malformed(Source::GitHub, reply, tr("the answer is not a list")));
        for (const QJsonValue &item : document.array()) {
            const QString found = match(item.toObject());
            if (!found.isEmpty()) {
                WriteResult result;
                result.success = true;
                result.sourceId = found;
                return done(result);
            }
        }
        const QUrl next = m_client->linkedPage(reply, "next"_L1);
        if (next.isValid())
            return findInPages(next, done, match);
        WriteResult result;
        result.success = true;
        done(result);
    });
}

void GitHubWriter::findComment(const QString &sourceId, const QString &text, const QDateTime &since,
                               QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    const QString path = issuePath(sourceId);
    if (path.isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: \"%1\" is not an issue").arg(sourceId)));

    withLogin(done, [this, path, text, since, done] {
        QUrlQuery query;
        if (since.isValid())
            query.addQueryItem(QStringLiteral("since"), isoTime(since));
        query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
        QUrl url = m_client->url(path + QStringLiteral("/comments"));
        url.setQuery(query);
        findInPages(url, done, [this, text](const QJsonObject &comment) {
            const QString author = comment.value(QStringLiteral("user"))
                                       .toObject()
                                       .value(QStringLiteral("login"))
                                       .toString();
            const bool mine = author.compare(m_login, Qt::CaseInsensitive) == 0;
            if (!mine || comment.value(QStringLiteral("body")).toString() != text)
                return QString();
            const qint64 id = comment.value(QStringLiteral("id")).toInteger();
            return id > 0 ? QString::number(id) : QString();
        });
    });
}

void GitHubWriter::findCreated(const QString &title, const QString &entity, const QDateTime &since,
                               QObject *context, Callback callback)
{
    const Done done = SourceErrors::deliverTo(context, std::move(callback));
    if (m_options.createRepo.isEmpty())
        return done(SourceErrors::rejected(tr("GitHub: no repository set for new issues")));

    const QString full = fullTitle(title, entity).trimmed();
    withLogin(done, [this, full, since, done] {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("creator"), m_login);
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("all"));
        if (since.isValid())
            query.addQueryItem(QStringLiteral("since"), isoTime(since));
        query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
        const QString repo = m_options.createRepo;
        QUrl url = m_client->url(QStringLiteral("/repos/%1/issues").arg(repo));
        url.setQuery(query);
        findInPages(url, done, [this, full, repo](const QJsonObject &issue) {
            // The creator filter is checked here too, for servers that ignore it.
            const QString creator = issue.value(QStringLiteral("user"))
                                        .toObject()
                                        .value(QStringLiteral("login"))
                                        .toString();
            if (creator.compare(m_login, Qt::CaseInsensitive) != 0 ||
                issue.contains(QStringLiteral("pull_request")) ||
                issue.value(QStringLiteral("title")).toString().trimmed() != full)
                return QString();
            const qint64 number = issue.value(QStringLiteral("number")).toInteger();
            return number > 0 ? QStringLiteral("%1#%2").arg(repo).arg(number) : QString();
        });
    });
}

} // namespace UpNext
