#include "SimClient.h"

#include "sim/SimGitHub.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QJsonArray array(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).array();
}

QJsonObject object(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
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

QTEST_GUILESS_MAIN(TestSimGitHub)
#include "tst_simgithub.moc"
