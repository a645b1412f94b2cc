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

using namespace UpNext::Sim;
using namespace UpNext::TestSim;

namespace {

const QByteArray Token = "ghp_sim_token";
const QList<std::pair<QByteArray, QByteArray>> Auth = {{"Authorization", "Bearer " + Token},
                                                       {"Accept", "application/vnd.github+json"},
                                                       {"X-GitHub-Api-Version", "2022-11-28"}};

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

private:
    QUrl url(const QString &pathAndQuery) const;
    std::unique_ptr<SimGitHub> m_sim;
    QNetworkAccessManager m_manager;
};

QUrl TestSimGitHub::url(const QString &pathAndQuery) const
{
    return QUrl(m_sim->baseUrl().toString() + pathAndQuery);
}

void TestSimGitHub::init()
{
    m_sim = std::make_unique<SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
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
    const QJsonObject hook{
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("url"), receiver.url().toString()}}},
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

QTEST_GUILESS_MAIN(TestSimGitHub)
#include "tst_simgithub.moc"
