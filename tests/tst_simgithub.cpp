#include "SimClient.h"
#include "WebhookReceiver.h"

#include "sim/SimGitHub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>

using namespace UpNext::Sim;
using namespace UpNext::TestSim;

namespace {

const QByteArray Token = "ghp_sim_token";
// As Octokit sends them; the Content-Type lets the OpenAPI proxy read request bodies.
const QList<std::pair<QByteArray, QByteArray>> Auth = {{"Authorization", "Bearer " + Token},
                                                       {"Accept", "application/vnd.github+json"},
                                                       {"X-GitHub-Api-Version", "2022-11-28"},
                                                       {"Content-Type", "application/json"}};

QJsonObject payload(const WebhookReceiver::Delivery &delivery)
{
    if (delivery.headers.value("content-type") == "application/x-www-form-urlencoded")
        return QJsonDocument::fromJson(
                   QUrlQuery(QString::fromLatin1(delivery.body))
                       .queryItemValue(QStringLiteral("payload"), QUrl::FullyDecoded)
                       .toUtf8())
            .object();
    return QJsonDocument::fromJson(delivery.body).object();
}

QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &key : path.split(QLatin1Char('.')))
        value = value.toObject().value(key);
    return value;
}

QString nextLink(const Reply &reply)
{
    static const QRegularExpression next(QStringLiteral(R"(<([^>]+)>;\s*rel="next")"));
    return next.match(QString::fromUtf8(reply.header("Link"))).captured(1);
}

} // namespace

class TestSimGitHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void authentication_data();
    void authentication();
    void user();
    void pagingBoundaries_data();
    void pagingBoundaries();
    void assignedIssuesAcrossRepos();
    void stateAndSinceFilters();
    void repoIssues();
    void singleIssue();
    void conditionalRequestsAreFree();
    void primaryRateLimit();
    void enterprisePathPrefix();
    void closeAndReopen();
    void comments();
    void createIssue();
    void webhooks();
    void hookUpdateAndPaging();
    void secondaryWriteLimit();
    void renamedRepoRedirects();
    void transferredIssueRedirects();
    void answerHookShapesAnswers();
    void commentsArePaged();
    void creatorFilter();
    void userIssues();
    void userHasGitHubsFields();
    void deliveriesCarryGitHubsHeaders();
    void payloadsCarryFullObjects();
    void formHooksGetFormBodies();
    void issueEditsLabelsAndMilestones();
    void commentEditsAndDeletes();
    void deletedIssue();
    void hookEndpoints();

private:
    QUrl url(const QString &pathAndQuery) const;
    qint64 createHook(const QUrl &target, const QString &contentType, const QString &secret,
                      const QString &repo = QStringLiteral("o/r"));
    std::unique_ptr<SimGitHub> m_sim;
    QNetworkAccessManager m_manager;
};

// /work/shared/tools/github-openapi.sh runs these tests behind a proxy that checks every
// request and answer against GitHub's OpenAPI description: GITHUB_BASE is the proxy,
// UPNEXT_SIM_PORT the port the simulator behind it listens on. (Tests that compare URLs the
// simulator makes with url() do not pass that way; the proxy's count is what matters there.)
QUrl TestSimGitHub::url(const QString &pathAndQuery) const
{
    const QString proxy = qEnvironmentVariable("GITHUB_BASE");
    return QUrl((proxy.isEmpty() ? m_sim->baseUrl().toString() : proxy) + pathAndQuery);
}

qint64 TestSimGitHub::createHook(const QUrl &target, const QString &contentType,
                                 const QString &secret, const QString &repo)
{
    QJsonObject config{{QStringLiteral("url"), target.toString()},
                       {QStringLiteral("secret"), secret}};
    if (!contentType.isEmpty())
        config.insert(QStringLiteral("content_type"), contentType);
    const QJsonObject hook{{QStringLiteral("name"), QStringLiteral("web")},
                           {QStringLiteral("config"), config},
                           {QStringLiteral("events"),
                            QJsonArray{QStringLiteral("issues"), QStringLiteral("issue_comment")}}};
    const Reply reply = send(m_manager, "POST", url(QStringLiteral("/repos/%1/hooks").arg(repo)),
                             Auth, QJsonDocument(hook).toJson());
    return reply.status == 201 ? object(reply).value(QStringLiteral("id")).toInteger() : 0;
}

void TestSimGitHub::init()
{
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen(quint16(qEnvironmentVariableIntValue("UPNEXT_SIM_PORT"))) > 0);
    m_sim->addUser(QStringLiteral("me"), QString::fromLatin1(Token));
}

void TestSimGitHub::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::newRow("bearer") << QByteArray("Bearer " + Token) << 200;
    QTest::newRow("token scheme") << QByteArray("token " + Token) << 200;
    QTest::newRow("none") << QByteArray() << 401;
    QTest::newRow("wrong token") << QByteArray("Bearer nope") << 401;
    QTest::newRow("bare token") << Token << 401;
}

void TestSimGitHub::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/user")), headers);
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QCOMPARE(object(reply).value(QStringLiteral("message")).toString(),
                 QStringLiteral("Bad credentials"));
        QVERIFY(object(reply).contains(QStringLiteral("documentation_url")));
    }
}

void TestSimGitHub::user()
{
    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/user")), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("login")).toString(), QStringLiteral("me"));
    QCOMPARE(reply.header("x-ratelimit-limit"), QByteArray("5000"));
    QCOMPARE(reply.header("x-ratelimit-remaining"), QByteArray("4999"));
    QCOMPARE(reply.header("x-ratelimit-used"), QByteArray("1"));
    QVERIFY(reply.header("x-ratelimit-reset").toLongLong() > QDateTime::currentSecsSinceEpoch());
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /user")), 1);
}

void TestSimGitHub::pagingBoundaries_data()
{
    QTest::addColumn<int>("issues");
    QTest::addColumn<int>("pages");
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("100") << 100 << 1;
    QTest::newRow("101") << 101 << 2;
    QTest::newRow("250") << 250 << 3;
}

void TestSimGitHub::pagingBoundaries()
{
    QFETCH(int, issues);
    QFETCH(int, pages);
    for (int i = 0; i < issues; ++i)
        m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                         .title = QStringLiteral("Issue %1").arg(i),
                         .assignees = {QStringLiteral("me")}});

    QSet<int> seen;
    QString next = url(QStringLiteral("/issues?filter=assigned&state=all&per_page=100")).toString();
    int fetched = 0;
    while (!next.isEmpty()) {
        const Reply reply = send(m_manager, "GET", QUrl(next), Auth);
        QCOMPARE(reply.status, 200);
        ++fetched;
        for (const QJsonValue &item : array(reply)) {
            const int number = item.toObject().value(QStringLiteral("number")).toInt();
            QVERIFY2(!seen.contains(number), "an issue came twice");
            seen.insert(number);
        }
        next = nextLink(reply);
        if (!next.isEmpty()) {
            QVERIFY(reply.header("Link").contains("rel=\"last\""));
        }
    }
    QCOMPARE(fetched, pages);
    QCOMPARE(seen.size(), issues);
}

void TestSimGitHub::assignedIssuesAcrossRepos()
{
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Mine"),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/api"),
                     .title = QStringLiteral("Also mine"),
                     .assignees = {QStringLiteral("me"), QStringLiteral("bob")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/api"),
                     .title = QStringLiteral("Bob's"),
                     .assignees = {QStringLiteral("bob")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("My PR"),
                     .assignees = {QStringLiteral("me")},
                     .pullRequest = true});

    const Reply reply =
        send(m_manager, "GET", url(QStringLiteral("/issues?filter=assigned&state=all")), Auth);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Link").isEmpty());
    const QJsonArray items = array(reply);
    QCOMPARE(items.size(), 3);
    QSet<QString> keys;
    int pullRequests = 0;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        keys.insert(item.value(QStringLiteral("repository"))
                        .toObject()
                        .value(QStringLiteral("full_name"))
                        .toString() +
                    QLatin1Char('#') +
                    QString::number(item.value(QStringLiteral("number")).toInt()));
        pullRequests += item.contains(QStringLiteral("pull_request"));
        QVERIFY(item.value(QStringLiteral("html_url"))
                    .toString()
                    .startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(!item.value(QStringLiteral("updated_at")).toString().isEmpty());
    }
    QCOMPARE(keys, QSet<QString>({QStringLiteral("acme/web#1"), QStringLiteral("acme/api#1"),
                                  QStringLiteral("acme/web#2")}));
    QCOMPARE(pullRequests, 1);
}

void TestSimGitHub::stateAndSinceFilters()
{
    const QDateTime old(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Old open"),
                     .assignees = {QStringLiteral("me")},
                     .createdAt = old,
                     .updatedAt = old});
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Closed"),
                     .state = QStringLiteral("closed"),
                     .stateReason = QStringLiteral("completed"),
                     .assignees = {QStringLiteral("me")},
                     .createdAt = old,
                     .updatedAt = old.addDays(10)});

    auto titles = [this](const QString &query) {
        QStringList result;
        for (const QJsonValue &item :
             array(send(m_manager, "GET", url(QStringLiteral("/issues?") + query), Auth)))
            result.append(item.toObject().value(QStringLiteral("title")).toString());
        result.sort();
        return result;
    };
    QCOMPARE(titles(QStringLiteral("filter=assigned")),
             QStringList{QStringLiteral("Old open")}); // state defaults to open
    QCOMPARE(titles(QStringLiteral("filter=assigned&state=closed")),
             QStringList{QStringLiteral("Closed")});
    QCOMPARE(titles(QStringLiteral("filter=assigned&state=all")),
             QStringList({QStringLiteral("Closed"), QStringLiteral("Old open")}));
    QCOMPARE(titles(QStringLiteral("filter=assigned&state=all&since=2026-01-05T00:00:00Z")),
             QStringList{QStringLiteral("Closed")});
    QCOMPARE(titles(QStringLiteral("filter=assigned&state=all&since=2026-01-11T12:00:00Z")),
             QStringList{QStringLiteral("Closed")}); // inclusive
    QCOMPARE(titles(QStringLiteral("filter=assigned&state=all&since=2026-02-01T00:00:00Z")),
             QStringList());
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/issues?since=yesterday")), Auth).status,
             422);
}

void TestSimGitHub::repoIssues()
{
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Mine"),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Bob's"),
                     .assignees = {QStringLiteral("bob")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/api"),
                     .title = QStringLiteral("Other repo"),
                     .assignees = {QStringLiteral("me")}});

    Reply reply = send(m_manager, "GET",
                       url(QStringLiteral("/repos/acme/web/issues?assignee=me&state=all")), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(array(reply).size(), 1);
    QCOMPARE(array(reply).first().toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Mine"));
    QVERIFY(!array(reply).first().toObject().contains(QStringLiteral("repository")));

    reply = send(m_manager, "GET", url(QStringLiteral("/repos/acme/web/issues?state=all")), Auth);
    QCOMPARE(array(reply).size(), 2);

    reply = send(m_manager, "GET", url(QStringLiteral("/repos/acme/nope/issues")), Auth);
    QCOMPARE(reply.status, 404);
    QCOMPARE(object(reply).value(QStringLiteral("message")).toString(),
             QStringLiteral("Not Found"));
}

void TestSimGitHub::singleIssue()
{
    const QDateTime due(QDate(2026, 4, 1), QTime(7, 0), QTimeZone::utc());
    const int number = m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                                        .title = QStringLiteral("[CLIENT:acme] Fix login"),
                                        .body = QStringLiteral("Steps…"),
                                        .state = QStringLiteral("closed"),
                                        .stateReason = QStringLiteral("completed"),
                                        .assignees = {QStringLiteral("me")},
                                        .labels = {QStringLiteral("blocking")},
                                        .milestoneDueOn = due,
                                        .closedBy = QStringLiteral("bob")});

    const Reply reply =
        send(m_manager, "GET", url(QStringLiteral("/repos/acme/web/issues/%1").arg(number)), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonObject issue = object(reply);
    QCOMPARE(issue.value(QStringLiteral("title")).toString(),
             QStringLiteral("[CLIENT:acme] Fix login"));
    QCOMPARE(issue.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(issue.value(QStringLiteral("state_reason")).toString(), QStringLiteral("completed"));
    QCOMPARE(issue.value(QStringLiteral("labels"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("blocking"));
    QCOMPARE(issue.value(QStringLiteral("milestone"))
                 .toObject()
                 .value(QStringLiteral("due_on"))
                 .toString(),
             QStringLiteral("2026-04-01T07:00:00Z"));
    QCOMPARE(issue.value(QStringLiteral("closed_by"))
                 .toObject()
                 .value(QStringLiteral("login"))
                 .toString(),
             QStringLiteral("bob"));

    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/repos/acme/web/issues/999")), Auth).status,
             404);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/no/such/endpoint")), Auth).status, 404);
}

void TestSimGitHub::conditionalRequestsAreFree()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("A"),
                     .assignees = {QStringLiteral("me")}});
    const QUrl list = url(QStringLiteral("/issues?filter=assigned&state=all&per_page=100"));
    const Reply first = send(m_manager, "GET", list, Auth);
    QCOMPARE(first.status, 200);
    const QByteArray etag = first.header("ETag");
    QVERIFY(!etag.isEmpty());
    QCOMPARE(first.header("x-ratelimit-remaining"), QByteArray("4999"));

    auto conditional = Auth;
    conditional.append({"If-None-Match", etag});
    const Reply unchanged = send(m_manager, "GET", list, conditional);
    QCOMPARE(unchanged.status, 304);
    QVERIFY(unchanged.body.isEmpty());
    QCOMPARE(unchanged.header("ETag"), etag);
    QCOMPARE(unchanged.header("x-ratelimit-remaining"), QByteArray("4999"));
    QCOMPARE(m_sim->requestLog().rateLimitCost(), 1);

    m_sim->touch(QStringLiteral("o/r"), 1);
    const Reply changed = send(m_manager, "GET", list, conditional);
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.header("ETag") != etag);
    QCOMPARE(changed.header("x-ratelimit-remaining"), QByteArray("4998"));
    QCOMPARE(m_sim->requestLog().countWithStatus(304), 1);
}

void TestSimGitHub::primaryRateLimit()
{
    m_sim->setRateLimit(3, 3600);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 200);
    const Reply limited = send(m_manager, "GET", url(QStringLiteral("/user")), Auth);
    QCOMPARE(limited.status, 403);
    QCOMPARE(limited.header("x-ratelimit-remaining"), QByteArray("0"));
    QVERIFY(limited.header("x-ratelimit-reset").toLongLong() >= QDateTime::currentSecsSinceEpoch());
    QVERIFY(object(limited)
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("API rate limit exceeded")));
    QCOMPARE(m_sim->rateLimitRemaining(QString::fromLatin1(Token)), 0);

    // A short window resets on its own.
    m_sim->setRateLimit(1, 1);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 200);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 403);
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->rateLimitRemaining(QString::fromLatin1(Token)) == 1, 5000);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 200);
}

void TestSimGitHub::enterprisePathPrefix()
{
    SimGitHub enterprise(QStringLiteral("/api/v3"));
    QVERIFY(enterprise.listen() > 0);
    enterprise.addUser(QStringLiteral("me"), QString::fromLatin1(Token));
    enterprise.addIssue({.repo = QStringLiteral("corp/app"),
                         .title = QStringLiteral("On GHE"),
                         .assignees = {QStringLiteral("me")}});
    QCOMPARE(enterprise.baseUrl().path(), QStringLiteral("/api/v3"));

    const QString base = enterprise.baseUrl().toString();
    QCOMPARE(send(m_manager, "GET", QUrl(base + QStringLiteral("/user")), Auth).status, 200);
    const Reply issues =
        send(m_manager, "GET", QUrl(base + QStringLiteral("/issues?filter=assigned")), Auth);
    QCOMPARE(array(issues).size(), 1);
    QVERIFY(array(issues)
                .first()
                .toObject()
                .value(QStringLiteral("url"))
                .toString()
                .startsWith(base + QStringLiteral("/repos/corp/app/")));
    const QUrl withoutPrefix = QUrl(base.left(base.size() - 7) + QStringLiteral("/user"));
    QCOMPARE(send(m_manager, "GET", withoutPrefix, Auth).status, 404);
}

void TestSimGitHub::closeAndReopen()
{
    const QDateTime old(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Close me"),
                                        .assignees = {QStringLiteral("me")},
                                        .createdAt = old,
                                        .updatedAt = old});
    const QUrl issueUrl = url(QStringLiteral("/repos/o/r/issues/%1").arg(number));

    Reply reply = send(m_manager, "PATCH", issueUrl, Auth,
                       R"({"state":"closed","state_reason":"completed"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
    QCOMPARE(object(reply).value(QStringLiteral("state_reason")).toString(),
             QStringLiteral("completed"));
    QVERIFY(m_sim->issue(QStringLiteral("o/r"), number)->updatedAt > old);
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), number)->closedBy, QStringLiteral("me"));

    reply = send(m_manager, "GET", issueUrl, Auth);
    QCOMPARE(object(reply)
                 .value(QStringLiteral("closed_by"))
                 .toObject()
                 .value(QStringLiteral("login"))
                 .toString(),
             QStringLiteral("me"));

    reply = send(m_manager, "PATCH", issueUrl, Auth, R"({"state":"open"})");
    QCOMPARE(object(reply).value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QCOMPARE(object(reply).value(QStringLiteral("state_reason")).toString(),
             QStringLiteral("reopened"));

    reply = send(m_manager, "PATCH", issueUrl, Auth, R"({"state":"done"})");
    QCOMPARE(reply.status, 422);
    QCOMPARE(object(reply).value(QStringLiteral("message")).toString(),
             QStringLiteral("Validation Failed"));
    QCOMPARE(send(m_manager, "PATCH", issueUrl, Auth, "{not json").status, 400);
    QCOMPARE(send(m_manager, "PATCH", url(QStringLiteral("/repos/o/r/issues/99")), Auth,
                  R"({"state":"closed"})")
                 .status,
             404);
}

void TestSimGitHub::comments()
{
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Talk"),
                                        .assignees = {QStringLiteral("me")}});
    const QUrl commentsUrl = url(QStringLiteral("/repos/o/r/issues/%1/comments").arg(number));
    const QString text = QStringLiteral("Done ✅ — שלום\nsecond line");
    Reply reply = send(m_manager, "POST", commentsUrl, Auth,
                       QJsonDocument(QJsonObject{{QStringLiteral("body"), text}}).toJson());
    QCOMPARE(reply.status, 201);
    QCOMPARE(object(reply).value(QStringLiteral("body")).toString(), text);
    QCOMPARE(object(reply)
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("login"))
                 .toString(),
             QStringLiteral("me"));
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("From Bob"),
                      QStringLiteral("bob"));

    reply = send(m_manager, "GET", commentsUrl, Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(array(reply).size(), 2);
    QCOMPARE(array(reply)
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("login"))
                 .toString(),
             QStringLiteral("bob"));
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), number)->comments, 2);

    QCOMPARE(send(m_manager, "POST", commentsUrl, Auth, R"({"body":"   "})").status, 422);
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/repos/o/r/issues/77/comments")), Auth,
                  R"({"body":"x"})")
                 .status,
             404);
}

void TestSimGitHub::createIssue()
{
    m_sim->addRepo(QStringLiteral("acme/web"));
    Reply reply =
        send(m_manager, "POST", url(QStringLiteral("/repos/acme/web/issues")), Auth,
             R"({"title":"[CLIENT:acme] New thing","body":"Details","assignees":["me"]})");
    QCOMPARE(reply.status, 201);
    const int number = object(reply).value(QStringLiteral("number")).toInt();
    QCOMPARE(number, 1);
    QCOMPARE(m_sim->issue(QStringLiteral("acme/web"), number)->assignees,
             QStringList{QStringLiteral("me")});
    QCOMPARE(m_sim->issue(QStringLiteral("acme/web"), number)->author, QStringLiteral("me"));

    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/repos/acme/web/issues")), Auth,
                  R"({"title":""})")
                 .status,
             422);
    const QByteArray longTitle = "{\"title\":\"" + QByteArray(257, 'x') + "\"}";
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/repos/acme/web/issues")), Auth, longTitle)
                 .status,
             422);
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/repos/acme/none/issues")), Auth,
                  R"({"title":"x"})")
                 .status,
             404);
}

void TestSimGitHub::webhooks()
{
    WebhookReceiver receiver;
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Hooked"),
                                        .assignees = {QStringLiteral("me")}});
    const QByteArray secret = "It's a Secret to Everybody";
    const QJsonObject hook{{QStringLiteral("name"), QStringLiteral("web")},
                           {QStringLiteral("config"),
                            QJsonObject{{QStringLiteral("url"), receiver.url().toString()},
                                        {QStringLiteral("content_type"), QStringLiteral("json")},
                                        {QStringLiteral("secret"), QString::fromLatin1(secret)}}},
                           {QStringLiteral("events"),
                            QJsonArray{QStringLiteral("issues"), QStringLiteral("issue_comment")}}};
    Reply reply = send(m_manager, "POST", url(QStringLiteral("/repos/o/r/hooks")), Auth,
                       QJsonDocument(hook).toJson());
    QCOMPARE(reply.status, 201);
    const qint64 hookId = object(reply).value(QStringLiteral("id")).toInteger();
    QCOMPARE(object(reply)
                 .value(QStringLiteral("config"))
                 .toObject()
                 .value(QStringLiteral("secret"))
                 .toString(),
             QStringLiteral("********"));

    QTRY_COMPARE(receiver.deliveries().size(), 1);
    QCOMPARE(receiver.deliveries().at(0).headers.value("x-github-event"), QByteArray("ping"));

    send(m_manager, "PATCH", url(QStringLiteral("/repos/o/r/issues/%1").arg(number)), Auth,
         R"({"state":"closed"})");
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("Why?"), QStringLiteral("bob"));
    QTRY_COMPARE(receiver.deliveries().size(), 3);

    for (const WebhookReceiver::Delivery &delivery : receiver.deliveries()) {
        const QByteArray expected =
            "sha256=" +
            QMessageAuthenticationCode::hash(delivery.body, secret, QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(delivery.headers.value("x-hub-signature-256"), expected);
        QVERIFY(!delivery.headers.value("x-github-delivery").isEmpty());
        QCOMPARE(delivery.headers.value("content-type"), QByteArray("application/json"));
    }
    const QJsonObject closed = QJsonDocument::fromJson(receiver.deliveries().at(1).body).object();
    QCOMPARE(receiver.deliveries().at(1).headers.value("x-github-event"), QByteArray("issues"));
    QCOMPARE(closed.value(QStringLiteral("action")).toString(), QStringLiteral("closed"));
    QCOMPARE(
        closed.value(QStringLiteral("issue")).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("closed"));
    QCOMPARE(closed.value(QStringLiteral("repository"))
                 .toObject()
                 .value(QStringLiteral("full_name"))
                 .toString(),
             QStringLiteral("o/r"));
    QCOMPARE(
        closed.value(QStringLiteral("sender")).toObject().value(QStringLiteral("login")).toString(),
        QStringLiteral("me"));
    const QJsonObject comment = QJsonDocument::fromJson(receiver.deliveries().at(2).body).object();
    QCOMPARE(receiver.deliveries().at(2).headers.value("x-github-event"),
             QByteArray("issue_comment"));
    QCOMPARE(comment.value(QStringLiteral("comment"))
                 .toObject()
                 .value(QStringLiteral("body"))
                 .toString(),
             QStringLiteral("Why?"));
    QCOMPARE(comment.value(QStringLiteral("sender"))
                 .toObject()
                 .value(QStringLiteral("login"))
                 .toString(),
             QStringLiteral("bob"));

    reply = send(m_manager, "GET", url(QStringLiteral("/repos/o/r/hooks")), Auth);
    QCOMPARE(array(reply).size(), 1);
    QCOMPARE(send(m_manager, "DELETE", url(QStringLiteral("/repos/o/r/hooks/%1").arg(hookId)), Auth)
                 .status,
             204);
    QCOMPARE(send(m_manager, "DELETE", url(QStringLiteral("/repos/o/r/hooks/%1").arg(hookId)), Auth)
                 .status,
             404);
    m_sim->reopenIssue(QStringLiteral("o/r"), number, QStringLiteral("bob"));
    QCOMPARE(m_sim->webhooks().pending(), 0);
    QCOMPARE(m_sim->webhooks().deliveries().size(), 3);
}

void TestSimGitHub::hookUpdateAndPaging()
{
    WebhookReceiver receiver;
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Hooked"),
                                        .assignees = {QStringLiteral("me")}});
    const QJsonObject hook{
        {QStringLiteral("name"), QStringLiteral("web")},
        {QStringLiteral("events"), QJsonArray{QStringLiteral("push")}},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/x")},
                     {QStringLiteral("content_type"), QStringLiteral("json")}}}};
    Reply reply = send(m_manager, "POST", url(QStringLiteral("/repos/o/r/hooks")), Auth,
                       QJsonDocument(hook).toJson());
    QCOMPARE(reply.status, 201);
    const qint64 id = object(reply).value(QStringLiteral("id")).toInteger();
    for (const char *key : {"created_at", "updated_at", "test_url", "ping_url", "last_response"})
        QVERIFY2(object(reply).contains(QLatin1String(key)), key);
    const QUrl hookUrl = url(QStringLiteral("/repos/o/r/hooks/%1").arg(id));

    // url, secret, events and active in one PATCH; what it leaves out stays.
    reply = send(
        m_manager, "PATCH", hookUrl, Auth,
        QJsonDocument(QJsonObject{{QStringLiteral("active"), true},
                                  {QStringLiteral("events"), QJsonArray{QStringLiteral("issues")}},
                                  {QStringLiteral("config"),
                                   QJsonObject{{QStringLiteral("url"), receiver.url().toString()},
                                               {QStringLiteral("secret"), QStringLiteral("s3")}}}})
            .toJson());
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(object(reply).value(QStringLiteral("config")).toObject().value(QStringLiteral("url")),
             receiver.url().toString());
    QCOMPARE(m_sim->hooks().first().secret, QStringLiteral("s3"));
    reply = send(m_manager, "PATCH", hookUrl, Auth, R"({"add_events":["issue_comment"]})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_sim->hooks().first().events,
             QStringList({QStringLiteral("issues"), QStringLiteral("issue_comment")}));
    QCOMPARE(m_sim->hooks().first().url, receiver.url());

    m_sim->closeIssue(QStringLiteral("o/r"), number, QStringLiteral("bob"));
    QTRY_COMPARE(receiver.deliveries().size(), 1);

    // An inactive hook gets nothing.
    QCOMPARE(send(m_manager, "PATCH", hookUrl, Auth, R"({"active":false})").status, 200);
    m_sim->reopenIssue(QStringLiteral("o/r"), number, QStringLiteral("bob"));
    QCOMPARE(m_sim->webhooks().pending(), 0);
    QCOMPARE(receiver.deliveries().size(), 1);

    QCOMPARE(send(m_manager, "PATCH", url(QStringLiteral("/repos/o/r/hooks/1")), Auth, "{}").status,
             404);
    QCOMPARE(send(m_manager, "PATCH", hookUrl, Auth, R"({"config":{"url":"nope"}})").status, 422);

    // Listed 30 a page by default, with Link paging.
    for (int i = 0; i < 40; ++i)
        QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/repos/o/r/hooks")), Auth,
                      QJsonDocument(hook).toJson())
                     .status,
                 201);
    reply = send(m_manager, "GET", url(QStringLiteral("/repos/o/r/hooks")), Auth);
    QCOMPARE(array(reply).size(), 30);
    QVERIFY(reply.header("link").contains("rel=\"next\""));
}

void TestSimGitHub::secondaryWriteLimit()
{
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Busy"),
                                        .assignees = {QStringLiteral("me")}});
    m_sim->setWriteLimit(2, 60);
    const QUrl commentsUrl = url(QStringLiteral("/repos/o/r/issues/%1/comments").arg(number));
    QCOMPARE(send(m_manager, "POST", commentsUrl, Auth, R"({"body":"1"})").status, 201);
    QCOMPARE(send(m_manager, "POST", commentsUrl, Auth, R"({"body":"2"})").status, 201);
    const Reply limited = send(m_manager, "POST", commentsUrl, Auth, R"({"body":"3"})");
    QCOMPARE(limited.status, 403);
    QVERIFY(limited.header("retry-after").toInt() >= 1);
    QVERIFY(object(limited)
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("secondary rate limit")));
    QCOMPARE(m_sim->comments(QStringLiteral("o/r"), number).size(), 2);
    // Reads are not limited by it.
    QCOMPARE(send(m_manager, "GET", commentsUrl, Auth).status, 200);
}

void TestSimGitHub::renamedRepoRedirects()
{
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Moves"),
                                        .assignees = {QStringLiteral("me")}});
    m_sim->renameRepo(QStringLiteral("o/r"), QStringLiteral("o/renamed"));
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    const auto restore = qScopeGuard(
        [this] { m_manager.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy); });

    Reply reply =
        send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues/%1?x=1").arg(number)), Auth);
    QCOMPARE(reply.status, 301);
    QCOMPARE(reply.header("location"),
             url(QStringLiteral("/repos/o/renamed/issues/%1?x=1").arg(number)).toEncoded());
    reply =
        send(m_manager, "POST", url(QStringLiteral("/repos/o/r/issues/%1/comments").arg(number)),
             Auth, R"({"body": "hi"})");
    QCOMPARE(reply.status, 307);
    QCOMPARE(reply.header("location"),
             url(QStringLiteral("/repos/o/renamed/issues/%1/comments").arg(number)).toEncoded());
    QVERIFY(m_sim->comments(QStringLiteral("o/renamed"), number).isEmpty()); // not acted on

    reply =
        send(m_manager, "GET", url(QStringLiteral("/repos/o/renamed/issues/%1").arg(number)), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("title")).toString(), QStringLiteral("Moves"));
}

void TestSimGitHub::transferredIssueRedirects()
{
    WebhookReceiver receiver;
    const QJsonObject hook{{QStringLiteral("config"),
                            QJsonObject{{QStringLiteral("url"), receiver.url().toString()},
                                        {QStringLiteral("content_type"), QStringLiteral("json")}}},
                           {QStringLiteral("events"), QJsonArray{QStringLiteral("issues")}}};
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Travels"),
                                        .assignees = {QStringLiteral("me")}});
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("Before"),
                      QStringLiteral("bob"));
    QCOMPARE(send(m_manager, "POST", url(QStringLiteral("/repos/o/r/hooks")), Auth,
                  QJsonDocument(hook).toJson())
                 .status,
             201);
    QTRY_COMPARE(receiver.deliveries().size(), 1); // ping
    m_sim->addIssue({.repo = QStringLiteral("o/other"), .title = QStringLiteral("One")});
    m_sim->addIssue({.repo = QStringLiteral("o/other"), .title = QStringLiteral("Two")});

    // It takes the next number in the target repo and never overwrites what is there.
    const int moved = m_sim->transferIssue(QStringLiteral("o/r"), number, QStringLiteral("o/other"),
                                           QStringLiteral("bob"));
    QCOMPARE(moved, 3);
    QCOMPARE(m_sim->issue(QStringLiteral("o/other"), 1)->title, QStringLiteral("One"));
    QCOMPARE(m_sim->issue(QStringLiteral("o/other"), 3)->title, QStringLiteral("Travels"));
    QVERIFY(!m_sim->issue(QStringLiteral("o/r"), number));
    QCOMPARE(m_sim->comments(QStringLiteral("o/other"), moved).size(), 1);

    {
        m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        const auto restore = qScopeGuard(
            [this] { m_manager.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy); });
        Reply reply =
            send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues/%1").arg(number)), Auth);
        QCOMPARE(reply.status, 301);
        QCOMPARE(reply.header("location"),
                 url(QStringLiteral("/repos/o/other/issues/3")).toEncoded());
        reply = send(m_manager, "POST",
                     url(QStringLiteral("/repos/o/r/issues/%1/comments").arg(number)), Auth,
                     R"({"body": "hi"})");
        QCOMPARE(reply.status, 307);
        QCOMPARE(reply.header("location"),
                 url(QStringLiteral("/repos/o/other/issues/3/comments")).toEncoded());
        QCOMPARE(m_sim->comments(QStringLiteral("o/other"), moved).size(), 1); // not acted on
    }

    // Followed, the answer names where the issue is now.
    const Reply reply =
        send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues/%1").arg(number)), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("number")).toInt(), 3);
    QVERIFY(object(reply)
                .value(QStringLiteral("repository_url"))
                .toString()
                .endsWith(QStringLiteral("/repos/o/other")));
    // The old repo lists it no more and never gives its number to another issue.
    QVERIFY(array(send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues?state=all")), Auth))
                .isEmpty());
    QCOMPARE(m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("Next")}),
             number + 1);

    QTRY_COMPARE(receiver.deliveries().size(), 2);
    const QJsonObject event = QJsonDocument::fromJson(receiver.deliveries().at(1).body).object();
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("transferred"));
    QCOMPARE(
        event.value(QStringLiteral("issue")).toObject().value(QStringLiteral("number")).toInt(),
        number);
    const QJsonObject changes = event.value(QStringLiteral("changes")).toObject();
    QCOMPARE(changes.value(QStringLiteral("new_issue"))
                 .toObject()
                 .value(QStringLiteral("number"))
                 .toInt(),
             3);
    QCOMPARE(changes.value(QStringLiteral("new_repository"))
                 .toObject()
                 .value(QStringLiteral("full_name"))
                 .toString(),
             QStringLiteral("o/other"));
}

void TestSimGitHub::answerHookShapesAnswers()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("One")});
    m_sim->setAnswerHook([](const SimRequest &request, SimResponse &response) {
        if (request.endpoint == QStringLiteral("GET /repos/{owner}/{repo}/issues"))
            response.body = "[]";
    });
    Reply reply = send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues")), Auth);
    QCOMPARE(reply.status, 200);
    QVERIFY(array(reply).isEmpty());
    // The ETag is that of the answer as served.
    const QByteArray etag = reply.header("etag");
    reply = send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues")),
                 Auth + QList<std::pair<QByteArray, QByteArray>>{{"If-None-Match", etag}});
    QCOMPARE(reply.status, 304);
    m_sim->setAnswerHook({});
    QCOMPARE(array(send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues")), Auth)).size(),
             1);
}

void TestSimGitHub::commentsArePaged()
{
    const int number =
        m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("Busy")});
    for (int i = 0; i < 45; ++i)
        m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("c%1").arg(i),
                          QStringLiteral("bob"));
    const QString path = QStringLiteral("/repos/o/r/issues/%1/comments").arg(number);
    Reply reply = send(m_manager, "GET", url(path), Auth); // 30 a page by default
    QCOMPARE(array(reply).size(), 30);
    QCOMPARE(array(reply).first().toObject().value(QStringLiteral("body")).toString(),
             QStringLiteral("c0"));
    QVERIFY2(reply.header("link").contains("page=2>; rel=\"next\""), reply.header("link"));
    reply = send(m_manager, "GET", url(path + QStringLiteral("?per_page=20&page=3")), Auth);
    QCOMPARE(array(reply).size(), 5);
    QCOMPARE(array(reply).first().toObject().value(QStringLiteral("body")).toString(),
             QStringLiteral("c40"));
    QVERIFY(!reply.header("link").contains("rel=\"next\""));
    QVERIFY(reply.header("link").contains("rel=\"prev\""));
}

void TestSimGitHub::creatorFilter()
{
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Mine"),
                     .author = QStringLiteral("me")});
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Bob's"),
                     .author = QStringLiteral("bob")});
    const Reply reply =
        send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues?creator=ME&state=all")), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(array(reply).size(), 1);
    QCOMPARE(array(reply).first().toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Mine"));
}

void TestSimGitHub::userIssues()
{
    for (int i = 0; i < 5; ++i)
        m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                         .title = QStringLiteral("Mine %1").arg(i),
                         .assignees = {QStringLiteral("me")}});
    m_sim->addIssue({.repo = QStringLiteral("acme/api"),
                     .title = QStringLiteral("Bob's"),
                     .assignees = {QStringLiteral("bob")}});
    m_sim->closeIssue(QStringLiteral("acme/web"), 2, QStringLiteral("bob"));

    // Octokit's listForAuthenticatedUser: what /issues answers, with the same filters and paging.
    for (const QString &query : {QStringLiteral("?filter=assigned&state=all&per_page=2"),
                                 QStringLiteral("?state=closed"), QStringLiteral("?filter=all")}) {
        QStringList viaIssues;
        QStringList viaUserIssues;
        for (auto [path, into] : {std::pair{QStringLiteral("/issues"), &viaIssues},
                                  std::pair{QStringLiteral("/user/issues"), &viaUserIssues}}) {
            QString next = url(path + query).toString();
            while (!next.isEmpty()) {
                const Reply reply = send(m_manager, "GET", QUrl(next), Auth);
                QCOMPARE(reply.status, 200);
                for (const QJsonValue &item : array(reply))
                    into->append(
                        at(item.toObject(), QStringLiteral("repository.full_name")).toString() +
                        QLatin1Char('#') +
                        QString::number(item.toObject().value(QStringLiteral("number")).toInt()));
                next = nextLink(reply);
                if (!next.isEmpty())
                    QVERIFY(next.contains(path + QLatin1Char('?')));
            }
        }
        QCOMPARE(viaUserIssues, viaIssues);
        QVERIFY(!viaIssues.isEmpty());
    }
}

void TestSimGitHub::userHasGitHubsFields()
{
    const QJsonObject user = object(send(m_manager, "GET", url(QStringLiteral("/user")), Auth));
    QCOMPARE(user.value(QStringLiteral("login")).toString(), QStringLiteral("me"));
    QCOMPARE(user.value(QStringLiteral("id")).toInteger(), 500);
    QCOMPARE(user.value(QStringLiteral("type")).toString(), QStringLiteral("User"));
    QCOMPARE(user.value(QStringLiteral("node_id")).toString(),
             QString::fromLatin1(QByteArray("04:User500").toBase64()));
    for (const QString &key :
         {QStringLiteral("avatar_url"), QStringLiteral("html_url"), QStringLiteral("url"),
          QStringLiteral("site_admin"), QStringLiteral("name"), QStringLiteral("created_at"),
          QStringLiteral("public_repos"), QStringLiteral("two_factor_authentication")})
        QVERIFY2(user.contains(key), qPrintable(key));
}

void TestSimGitHub::deliveriesCarryGitHubsHeaders()
{
    WebhookReceiver receiver;
    const int number =
        m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("H")});
    const QString secret = QStringLiteral("it's \"a\" secret");
    const qint64 hookId = createHook(receiver.url(), QStringLiteral("json"), secret);
    QVERIFY(hookId > 0);
    m_sim->closeIssue(QStringLiteral("o/r"), number, QStringLiteral("bob"));
    QTRY_COMPARE(receiver.deliveries().size(), 2);

    static const QRegularExpression guid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QSet<QByteArray> guids;
    for (const WebhookReceiver::Delivery &delivery : receiver.deliveries()) {
        const auto header = [&delivery](const QByteArray &name) {
            return delivery.headers.value(name);
        };
        QVERIFY(guid.match(QString::fromLatin1(header("x-github-delivery"))).hasMatch());
        guids.insert(header("x-github-delivery"));
        QCOMPARE(header("x-github-hook-id"), QByteArray::number(hookId));
        QCOMPARE(header("x-github-hook-installation-target-type"), QByteArray("repository"));
        QCOMPARE(header("x-github-hook-installation-target-id"),
                 QByteArray::number(m_sim->repoId(QStringLiteral("o/r"))));
        QCOMPARE(header("x-github-hook-installation-target-id").toLongLong(),
                 at(payload(delivery), QStringLiteral("repository.id")).toInteger());
        static const QRegularExpression agent(QStringLiteral("^GitHub-Hookshot/[0-9a-f]+$"));
        QVERIFY(agent.match(QString::fromLatin1(header("user-agent"))).hasMatch());
        QCOMPARE(header("content-type"), QByteArray("application/json"));
        QCOMPARE(header("x-hub-signature"),
                 "sha1=" + QMessageAuthenticationCode::hash(delivery.body, secret.toUtf8(),
                                                            QCryptographicHash::Sha1)
                               .toHex());
        QCOMPARE(header("x-hub-signature-256"),
                 "sha256=" + QMessageAuthenticationCode::hash(delivery.body, secret.toUtf8(),
                                                              QCryptographicHash::Sha256)
                                 .toHex());
    }
    QCOMPARE(guids.size(), 2);
    QCOMPARE(receiver.deliveries().at(0).headers.value("x-github-event"), QByteArray("ping"));
    const QJsonObject ping = payload(receiver.deliveries().at(0));
    QCOMPARE(ping.value(QStringLiteral("hook_id")).toInteger(), hookId);
    QCOMPARE(at(ping, QStringLiteral("hook.config.content_type")).toString(),
             QStringLiteral("json"));
    QVERIFY(!at(ping, QStringLiteral("hook.created_at")).toString().isEmpty());
    QVERIFY(!at(ping, QStringLiteral("hook.deliveries_url")).toString().isEmpty());
}

void TestSimGitHub::payloadsCarryFullObjects()
{
    WebhookReceiver receiver;
    m_sim->addUser(QStringLiteral("bob"), {});
    const int number = m_sim->addIssue(
        {.repo = QStringLiteral("acme/web"),
         .title = QStringLiteral("Full"),
         .author = QStringLiteral("bob"),
         .assignees = {QStringLiteral("me")},
         .labels = {QStringLiteral("bug")},
         .milestoneDueOn = QDateTime(QDate(2031, 3, 1), QTime(8, 0), QTimeZone::utc())});
    QVERIFY(createHook(receiver.url(), QStringLiteral("json"), QStringLiteral("s"),
                       QStringLiteral("acme/web")) > 0);
    m_sim->addComment(QStringLiteral("acme/web"), number, QStringLiteral("Hm"),
                      QStringLiteral("bob"));
    QTRY_COMPARE(receiver.deliveries().size(), 2);
    const QJsonObject event = payload(receiver.deliveries().at(1));

    // The repository, its owner (an organization here) and the sender, as GitHub sends them.
    const QJsonObject repository = event.value(QStringLiteral("repository")).toObject();
    QCOMPARE(repository.value(QStringLiteral("id")).toInteger(),
             m_sim->repoId(QStringLiteral("acme/web")));
    QCOMPARE(repository.value(QStringLiteral("node_id")).toString(),
             QString::fromLatin1((QByteArray("010:Repository") +
                                  QByteArray::number(m_sim->repoId(QStringLiteral("acme/web"))))
                                     .toBase64()));
    QCOMPARE(repository.value(QStringLiteral("full_name")).toString(), QStringLiteral("acme/web"));
    QCOMPARE(at(repository, QStringLiteral("owner.login")).toString(), QStringLiteral("acme"));
    QCOMPARE(at(repository, QStringLiteral("owner.type")).toString(),
             QStringLiteral("Organization"));
    QVERIFY(at(repository, QStringLiteral("owner.id")).toInteger() > 0);
    QVERIFY(repository.value(QStringLiteral("issues_url"))
                .toString()
                .endsWith(QStringLiteral("/repos/acme/web/issues{/number}")));
    QCOMPARE(at(event, QStringLiteral("organization.login")).toString(), QStringLiteral("acme"));
    QCOMPARE(at(event, QStringLiteral("sender.login")).toString(), QStringLiteral("bob"));
    QVERIFY(!at(event, QStringLiteral("sender.node_id")).toString().isEmpty());

    // The issue, its labels and milestone, and the comment, each with ids and node ids.
    const QJsonObject issue = event.value(QStringLiteral("issue")).toObject();
    QVERIFY(!issue.value(QStringLiteral("node_id")).toString().isEmpty());
    QCOMPARE(issue.value(QStringLiteral("author_association")).toString(),
             QStringLiteral("MEMBER"));
    QCOMPARE(issue.value(QStringLiteral("locked")).toBool(true), false);
    QVERIFY(issue.contains(QStringLiteral("reactions")));
    const QJsonObject label = issue.value(QStringLiteral("labels")).toArray().first().toObject();
    QVERIFY(label.value(QStringLiteral("id")).toInteger() > 0);
    QVERIFY(!label.value(QStringLiteral("node_id")).toString().isEmpty());
    QCOMPARE(label.value(QStringLiteral("color")).toString(), QStringLiteral("d73a4a"));
    QCOMPARE(label.value(QStringLiteral("default")).toBool(), true);
    const QJsonObject milestone = issue.value(QStringLiteral("milestone")).toObject();
    QCOMPARE(milestone.value(QStringLiteral("number")).toInt(), 1);
    QVERIFY(milestone.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(milestone.value(QStringLiteral("open_issues")).toInt(), 1);
    QCOMPARE(milestone.value(QStringLiteral("due_on")).toString(),
             QStringLiteral("2031-03-01T08:00:00Z"));
    const QJsonObject comment = event.value(QStringLiteral("comment")).toObject();
    QVERIFY(!comment.value(QStringLiteral("node_id")).toString().isEmpty());
    QCOMPARE(comment.value(QStringLiteral("author_association")).toString(),
             QStringLiteral("MEMBER"));
    QVERIFY(comment.value(QStringLiteral("url"))
                .toString()
                .endsWith(QStringLiteral("/repos/acme/web/issues/comments/%1")
                              .arg(comment.value(QStringLiteral("id")).toInteger())));

    // The same objects over REST; a label keeps its id.
    const Reply reply =
        send(m_manager, "GET", url(QStringLiteral("/repos/acme/web/issues/%1").arg(number)), Auth);
    QCOMPARE(at(object(reply), QStringLiteral("labels")).toArray().first().toObject(), label);
    QCOMPARE(object(reply).value(QStringLiteral("node_id")),
             issue.value(QStringLiteral("node_id")));
}

void TestSimGitHub::formHooksGetFormBodies()
{
    WebhookReceiver form;
    WebhookReceiver unspecified;
    const int number =
        m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("F&=?")});
    QVERIFY(createHook(form.url(), QStringLiteral("form"), QStringLiteral("form-secret")) > 0);
    // GitHub's default content type is form.
    QVERIFY(createHook(unspecified.url(), QString(), QStringLiteral("other")) > 0);
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("a+b=c & 100% \"ok\""),
                      QStringLiteral("bob"));
    QTRY_COMPARE(form.deliveries().size(), 2);
    QTRY_COMPARE(unspecified.deliveries().size(), 2);
    for (const WebhookReceiver::Delivery &delivery : form.deliveries() + unspecified.deliveries()) {
        QCOMPARE(delivery.headers.value("content-type"),
                 QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(delivery.body.startsWith("payload="));
        QVERIFY(!delivery.body.contains(' '));
    }
    const WebhookReceiver::Delivery &comment = form.deliveries().at(1);
    QCOMPARE(at(payload(comment), QStringLiteral("comment.body")).toString(),
             QStringLiteral("a+b=c & 100% \"ok\""));
    QCOMPARE(at(payload(comment), QStringLiteral("issue.title")).toString(),
             QStringLiteral("F&=?"));
    // The signature covers the form body as sent.
    QCOMPARE(comment.headers.value("x-hub-signature-256"),
             "sha256=" + QMessageAuthenticationCode::hash(comment.body, "form-secret",
                                                          QCryptographicHash::Sha256)
                             .toHex());
}

void TestSimGitHub::issueEditsLabelsAndMilestones()
{
    WebhookReceiver receiver;
    const QDateTime due(QDate(2031, 5, 1), QTime(7, 0), QTimeZone::utc());
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Old title"),
                                        .body = QStringLiteral("Old body"),
                                        .labels = {QStringLiteral("bug")}});
    m_sim->addIssue({.repo = QStringLiteral("o/r"),
                     .title = QStringLiteral("Has the milestone"),
                     .milestoneDueOn = due});
    QVERIFY(createHook(receiver.url(), QStringLiteral("json"), QStringLiteral("s")) > 0);
    QTRY_COMPARE(receiver.deliveries().size(), 1);
    const QUrl issueUrl = url(QStringLiteral("/repos/o/r/issues/%1").arg(number));

    // One edit of title and body: one issues.edited with both old values.
    Reply reply = send(
        m_manager, "PATCH", issueUrl, Auth,
        R"({"title":"New title","body":"New body","labels":["bug","Blocking"],"milestone":1})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("title")).toString(), QStringLiteral("New title"));
    QCOMPARE(at(object(reply), QStringLiteral("milestone.number")).toInt(), 1);
    QTRY_COMPARE(receiver.deliveries().size(), 4);
    QJsonObject event = payload(receiver.deliveries().at(1));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("edited"));
    QCOMPARE(at(event, QStringLiteral("changes.title.from")).toString(),
             QStringLiteral("Old title"));
    QCOMPARE(at(event, QStringLiteral("changes.body.from")).toString(), QStringLiteral("Old body"));
    QCOMPARE(at(event, QStringLiteral("issue.title")).toString(), QStringLiteral("New title"));
    event = payload(receiver.deliveries().at(2));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("labeled"));
    QCOMPARE(at(event, QStringLiteral("label.name")).toString(), QStringLiteral("Blocking"));
    QVERIFY(at(event, QStringLiteral("label.id")).toInteger() > 0);
    QCOMPARE(at(event, QStringLiteral("issue.labels")).toArray().size(), 2);
    event = payload(receiver.deliveries().at(3));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("milestoned"));
    QCOMPARE(at(event, QStringLiteral("milestone.number")).toInt(), 1);
    QCOMPARE(at(event, QStringLiteral("milestone.open_issues")).toInt(), 2);
    QCOMPARE(at(event, QStringLiteral("issue.milestone.id")),
             at(event, QStringLiteral("milestone.id")));

    // A title edit alone has only changes.title; the same title again sends nothing.
    m_sim->editIssue(QStringLiteral("o/r"), number, QStringLiteral("Newer"),
                     QStringLiteral("New body"), QStringLiteral("bob"));
    m_sim->editIssue(QStringLiteral("o/r"), number, QStringLiteral("Newer"),
                     QStringLiteral("New body"), QStringLiteral("bob"));
    QTRY_COMPARE(receiver.deliveries().size(), 5);
    event = payload(receiver.deliveries().at(4));
    QCOMPARE(at(event, QStringLiteral("changes")).toObject().keys(),
             QStringList{QStringLiteral("title")});
    QCOMPARE(at(event, QStringLiteral("sender.login")).toString(), QStringLiteral("bob"));

    // Labels off through the API, milestone off by a teammate; an unknown milestone is refused.
    reply = send(m_manager, "DELETE",
                 url(QStringLiteral("/repos/o/r/issues/%1/labels/bug").arg(number)), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(array(reply).size(), 1);
    reply = send(m_manager, "POST", url(QStringLiteral("/repos/o/r/issues/%1/labels").arg(number)),
                 Auth, R"({"labels":["blocking","help wanted"]})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(array(reply).size(), 2);
    m_sim->setMilestone(QStringLiteral("o/r"), number, {}, QStringLiteral("bob"));
    QCOMPARE(send(m_manager, "PATCH", issueUrl, Auth, R"({"milestone":9})").status, 422);
    QTRY_COMPARE(receiver.deliveries().size(), 8);
    event = payload(receiver.deliveries().at(5));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("unlabeled"));
    QCOMPARE(at(event, QStringLiteral("label.name")).toString(), QStringLiteral("bug"));
    QCOMPARE(at(event, QStringLiteral("issue.labels")).toArray().size(), 1);
    event = payload(receiver.deliveries().at(6));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("labeled"));
    QCOMPARE(at(event, QStringLiteral("label.name")).toString(), QStringLiteral("help wanted"));
    event = payload(receiver.deliveries().at(7));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("demilestoned"));
    QCOMPARE(at(event, QStringLiteral("milestone.due_on")).toString(),
             QStringLiteral("2031-05-01T07:00:00Z"));
    QVERIFY(at(event, QStringLiteral("issue.milestone")).isNull());
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), number)->labels,
             (QStringList{QStringLiteral("Blocking"), QStringLiteral("help wanted")}));
    QCOMPARE(m_sim->webhooks().deliveries().size(), 8);
}

void TestSimGitHub::commentEditsAndDeletes()
{
    WebhookReceiver receiver;
    const int number =
        m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("C")});
    const qint64 first = m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("First"),
                                           QStringLiteral("bob"));
    const qint64 second = m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("Second"),
                                            QStringLiteral("bob"));
    QVERIFY(createHook(receiver.url(), QStringLiteral("json"), QStringLiteral("s")) > 0);
    const QUrl commentUrl = url(QStringLiteral("/repos/o/r/issues/comments/%1").arg(first));

    Reply reply = send(m_manager, "PATCH", commentUrl, Auth, R"({"body":"First, edited"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("body")).toString(),
             QStringLiteral("First, edited"));
    QCOMPARE(send(m_manager, "GET", commentUrl, Auth).status, 200);
    QVERIFY(m_sim->deleteComment(second, QStringLiteral("bob")));
    QVERIFY(!m_sim->deleteComment(second, QStringLiteral("bob")));
    QTRY_COMPARE(receiver.deliveries().size(), 3);
    QJsonObject event = payload(receiver.deliveries().at(1));
    QCOMPARE(receiver.deliveries().at(1).headers.value("x-github-event"),
             QByteArray("issue_comment"));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("edited"));
    QCOMPARE(at(event, QStringLiteral("changes.body.from")).toString(), QStringLiteral("First"));
    QCOMPARE(at(event, QStringLiteral("comment.body")).toString(), QStringLiteral("First, edited"));
    QCOMPARE(at(event, QStringLiteral("sender.login")).toString(), QStringLiteral("me"));
    event = payload(receiver.deliveries().at(2));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("deleted"));
    QCOMPARE(at(event, QStringLiteral("comment.id")).toInteger(), second);
    QCOMPARE(at(event, QStringLiteral("issue.comments")).toInt(), 1);

    QCOMPARE(send(m_manager, "DELETE", commentUrl, Auth).status, 204);
    QCOMPARE(send(m_manager, "DELETE", commentUrl, Auth).status, 404);
    QCOMPARE(send(m_manager, "GET", commentUrl, Auth).status, 404);
    QTRY_COMPARE(receiver.deliveries().size(), 4);
    QCOMPARE(m_sim->issue(QStringLiteral("o/r"), number)->comments, 0);
    QVERIFY(m_sim->comments(QStringLiteral("o/r"), number).isEmpty());
}

void TestSimGitHub::deletedIssue()
{
    WebhookReceiver receiver;
    const int number = m_sim->addIssue({.repo = QStringLiteral("o/r"),
                                        .title = QStringLiteral("Gone"),
                                        .assignees = {QStringLiteral("me")}});
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("x"), QStringLiteral("bob"));
    QVERIFY(createHook(receiver.url(), QStringLiteral("json"), QStringLiteral("s")) > 0);
    m_sim->deleteIssue(QStringLiteral("o/r"), number, QStringLiteral("bob"));
    QTRY_COMPARE(receiver.deliveries().size(), 2);
    const QJsonObject event = payload(receiver.deliveries().at(1));
    QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("deleted"));
    QCOMPARE(at(event, QStringLiteral("issue.number")).toInt(), number);
    QCOMPARE(at(event, QStringLiteral("issue.title")).toString(), QStringLiteral("Gone"));
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/repos/o/r/issues/%1").arg(number)), Auth)
                 .status,
             404);
    QVERIFY(m_sim->comments(QStringLiteral("o/r"), number).isEmpty());
}

void TestSimGitHub::hookEndpoints()
{
    WebhookReceiver first;
    WebhookReceiver second;
    const int number =
        m_sim->addIssue({.repo = QStringLiteral("o/r"), .title = QStringLiteral("P")});
    const qint64 id = createHook(first.url(), QStringLiteral("json"), QStringLiteral("one"));
    QVERIFY(id > 0);
    const QUrl hookUrl = url(QStringLiteral("/repos/o/r/hooks/%1").arg(id));
    Reply reply = send(m_manager, "GET", hookUrl, Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(at(object(reply), QStringLiteral("config.url")).toString(), first.url().toString());
    QCOMPARE(at(object(reply), QStringLiteral("config.secret")).toString(),
             QStringLiteral("********"));
    QCOMPARE(object(reply).value(QStringLiteral("active")).toBool(), true);
    QCOMPARE(at(object(reply), QStringLiteral("last_response.status")).toString(),
             QStringLiteral("unused"));

    // A new URL, content type and secret; events replaced, then one added and one removed.
    reply = send(
        m_manager, "PATCH", hookUrl, Auth,
        QJsonDocument(
            QJsonObject{{QStringLiteral("config"),
                         QJsonObject{{QStringLiteral("url"), second.url().toString()},
                                     {QStringLiteral("content_type"), QStringLiteral("form")},
                                     {QStringLiteral("secret"), QStringLiteral("two")}}},
                        {QStringLiteral("events"), QJsonArray{QStringLiteral("issues")}},
                        {QStringLiteral("add_events"), QJsonArray{QStringLiteral("issue_comment")}},
                        {QStringLiteral("remove_events"), QJsonArray{QStringLiteral("issues")}}})
            .toJson());
    QCOMPARE(reply.status, 200);
    QCOMPARE(at(object(reply), QStringLiteral("config.content_type")).toString(),
             QStringLiteral("form"));
    QCOMPARE(object(reply).value(QStringLiteral("events")).toArray(),
             QJsonArray{QStringLiteral("issue_comment")});
    m_sim->closeIssue(QStringLiteral("o/r"), number, QStringLiteral("bob")); // not subscribed
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("c"), QStringLiteral("bob"));
    QTRY_COMPARE(second.deliveries().size(), 1);
    QCOMPARE(second.deliveries().first().headers.value("x-hub-signature-256"),
             "sha256=" + QMessageAuthenticationCode::hash(second.deliveries().first().body, "two",
                                                          QCryptographicHash::Sha256)
                             .toHex());

    // As GitHub documents: a config without the secret drops it.
    reply = send(
        m_manager, "PATCH", hookUrl, Auth,
        QJsonDocument(QJsonObject{{QStringLiteral("config"),
                                   QJsonObject{{QStringLiteral("url"), second.url().toString()}}}})
            .toJson());
    QCOMPARE(reply.status, 200);
    QVERIFY(
        !at(object(reply), QStringLiteral("config")).toObject().contains(QStringLiteral("secret")));
    QCOMPARE(
        send(m_manager, "POST", QUrl(hookUrl.toString() + QStringLiteral("/pings")), Auth).status,
        204);
    QTRY_COMPARE(second.deliveries().size(), 2);
    QCOMPARE(second.deliveries().at(1).headers.value("x-github-event"), QByteArray("ping"));
    QVERIFY(!second.deliveries().at(1).headers.contains("x-hub-signature-256"));

    // Inactive hooks get nothing; bad input changes nothing.
    QCOMPARE(send(m_manager, "PATCH", hookUrl, Auth, R"({"active":false})").status, 200);
    m_sim->addComment(QStringLiteral("o/r"), number, QStringLiteral("d"), QStringLiteral("bob"));
    QCOMPARE(send(m_manager, "PATCH", hookUrl, Auth,
                  R"({"config":{"url":"http:\/\/x\/","content_type":"xml"}})")
                 .status,
             422);
    QCOMPARE(send(m_manager, "PATCH", hookUrl, Auth, R"({"config":{"url":"nowhere"}})").status,
             422);
    QCOMPARE(m_sim->hooks().first().url, second.url());
    QCOMPARE(m_sim->hooks().first().active, false);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/repos/o/r/hooks/999")), Auth).status, 404);
    QCOMPARE(
        send(m_manager, "PATCH", url(QStringLiteral("/repos/o/r/hooks/999")), Auth, "{}").status,
        404);
    QCOMPARE(m_sim->webhooks().pending(), 0);
    QCOMPARE(m_sim->webhooks().deliveries().size(), 3);
}

QTEST_GUILESS_MAIN(TestSimGitHub)
#include "tst_simgithub.moc"
