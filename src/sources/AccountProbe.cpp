#include "AccountProbe.h"

#include "ClickUpReader.h"
#include "GitHubReader.h"
#include "SourceErrors.h"

#include "core/Task.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace UpNext {

using namespace Qt::Literals::StringLiterals;

namespace {

QList<AccountProbe::Choice> sorted(QList<AccountProbe::Choice> choices)
{
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return choices;
}

QString idOf(const QJsonObject &object)
{
    const QJsonValue id = object.value(QStringLiteral("id"));
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}

} // namespace

AccountProbe::AccountProbe(QNetworkAccessManager *manager, const QString &source,
                           const QUrl &baseUrl, const QByteArray &token, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_client(manager, baseUrl)
{
    m_client.setTimeout(15'000);
    if (source == Sources::GitHub)
        GitHubReader::configure(&m_client, token);
    else
        ClickUpReader::configure(&m_client, token);
}

void AccountProbe::get(const QUrl &url,
                       std::function<void(const QJsonDocument &, const HttpReply &)> read,
                       std::function<void(const QString &)> fail)
{
    m_client.get(url, {}, this, [this, read, fail](const HttpReply &reply) {
        const SourceErrors::Source source = SourceErrors::sourceOf(m_source);
        if (!SourceErrors::isSuccess(reply))
            return fail(SourceErrors::describe(source, reply));
        const QJsonDocument document = QJsonDocument::fromJson(reply.body);
        if (document.isNull())
            return fail(
                tr("%1 sent an answer that is not JSON").arg(SourceErrors::serviceName(source)));
        read(document, reply);
    });
}

void AccountProbe::identify(NameCallback callback)
{
    get(
        m_client.url(QStringLiteral("/user")),
        [this, callback](const QJsonDocument &document, const HttpReply &) {
            const QJsonObject user = m_source == Sources::GitHub
                                         ? document.object()
                                         : document[QStringLiteral("user")].toObject();
            const QString name =
                user.value(m_source == Sources::GitHub ? QStringLiteral("login")
                                                       : QStringLiteral("username"))
                    .toString();
            if (name.isEmpty())
                return callback({}, tr("The answer names no user"));
            callback(name, {});
        },
        [callback](const QString &error) { callback({}, error); });
}

void AccountProbe::workspaces(ChoicesCallback callback)
{
    get(
        m_client.url(QStringLiteral("/team")),
        [callback](const QJsonDocument &document, const HttpReply &) {
            QList<Choice> found;
            for (const QJsonValue &team : document[QStringLiteral("teams")].toArray())
                found.append({idOf(team.toObject()), team[QStringLiteral("name")].toString()});
            callback(sorted(found), {});
        },
        [callback](const QString &error) { callback({}, error); });
}

void AccountProbe::lists(const QString &teamId, ChoicesCallback callback)
{
    // Spaces, then each space's folders and folderless lists, all at once; the answer comes
    // when the last one is in, or at the first failure.
    struct Walk
    {
        QList<Choice> found;
        int waiting = 0;
        bool failed = false;
    };
    auto walk = std::make_shared<Walk>();
    const auto fail = [walk, callback](const QString &error) {
        if (!std::exchange(walk->failed, true))
            callback({}, error);
    };
    const auto arrived = [walk, callback] {
        if (--walk->waiting == 0 && !walk->failed)
            callback(sorted(walk->found), {});
    };
    const auto addLists = [walk](const QJsonArray &lists, const QString &prefix) {
        for (const QJsonValue &list : lists)
            walk->found.append(
                {idOf(list.toObject()), prefix + list[QStringLiteral("name")].toString()});
    };
    const QUrl spaces =
        m_client.url(QStringLiteral("/team/%1/space?archived=false")
                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(teamId))));
    get(
        spaces,
        [=, this](const QJsonDocument &document, const HttpReply &) {
            const QJsonArray found = document[QStringLiteral("spaces")].toArray();
            if (found.isEmpty())
                return callback({}, {});
            walk->waiting = int(found.size()) * 2;
            for (const QJsonValue &space : found) {
                const QString id = idOf(space.toObject());
                const QString name = space[QStringLiteral("name")].toString();
                get(
                    m_client.url(QStringLiteral("/space/%1/folder?archived=false").arg(id)),
                    [=](const QJsonDocument &folders, const HttpReply &) {
                        for (const QJsonValue &folder :
                             folders[QStringLiteral("folders")].toArray())
                            addLists(folder[QStringLiteral("lists")].toArray(),
                                     name + QStringLiteral(" / ") +
                                         folder[QStringLiteral("name")].toString() +
                                         QStringLiteral(" / "));
                        arrived();
                    },
                    fail);
                get(
                    m_client.url(QStringLiteral("/space/%1/list?archived=false").arg(id)),
                    [=](const QJsonDocument &lists, const HttpReply &) {
                        addLists(lists[QStringLiteral("lists")].toArray(),
                                 name + QStringLiteral(" / "));
                        arrived();
                    },
                    fail);
            }
        },
        fail);
}

void AccountProbe::repos(ChoicesCallback callback)
{
    repoPage(m_client.url(QStringLiteral("/user/repos?per_page=100&sort=full_name")), MaxPages, {},
             callback);
}

void AccountProbe::repoPage(const QUrl &url, int pagesLeft, QList<Choice> found,
                            const ChoicesCallback &callback)
{
    get(
        url,
        [=, this](const QJsonDocument &document, const HttpReply &reply) mutable {
            for (const QJsonValue &repo : document.array()) {
                const QString name = repo[QStringLiteral("full_name")].toString();
                found.append({name, name});
            }
            const QUrl next = m_client.linkedPage(reply, "next"_L1);
            if (next.isValid() && pagesLeft > 1)
                return repoPage(next, pagesLeft - 1, found, callback);
            callback(sorted(found), {});
        },
        [callback](const QString &error) { callback({}, error); });
}

} // namespace UpNext
