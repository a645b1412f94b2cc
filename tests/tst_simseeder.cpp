#include "SimClient.h"
#include "WebhookReceiver.h"

#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sim/SimSeeder.h"
#include "sim/SimWebhookSender.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>

using namespace UpNext::Sim;
using namespace UpNext::TestSim;

namespace {

const QDateTime Now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());

// One seeded pair of services.
struct World
{
    explicit World(quint32 seed, int tasks, int issues)
        : seeder(seed, Now)
    {
        seeder.seedClickUp(clickUp, tasks);
        seeder.seedGitHub(gitHub, issues);
    }

    bool listen() { return clickUp.listen() > 0 && gitHub.listen() > 0; }

    QList<std::pair<QByteArray, QByteArray>> clickUpAuth() const
    {
        return {{"Authorization", seeder.clickUpToken().toUtf8()}};
    }

    QList<std::pair<QByteArray, QByteArray>> gitHubAuth() const
    {
        return {{"Authorization", "Bearer " + seeder.gitHubToken().toUtf8()},
                {"Accept", "application/vnd.github+json"}};
    }

    // GET, with this world's ports taken out of the body so two worlds compare.
    QByteArray get(QNetworkAccessManager &manager, bool github, const QString &pathAndQuery)
    {
        SimServer &server = github ? static_cast<SimServer &>(gitHub) : clickUp;
        const Reply reply = send(manager, "GET", QUrl(server.baseUrl().toString() + pathAndQuery),
                                 github ? gitHubAuth() : clickUpAuth());
        if (reply.status != 200)
            return "HTTP " + QByteArray::number(reply.status) + ' ' + reply.body;
        QByteArray body = reply.body;
        for (const quint16 port : {clickUp.port(), gitHub.port()})
            body.replace("127.0.0.1:" + QByteArray::number(port), "127.0.0.1:PORT");
        return body;
    }

    SimClickUp clickUp;
    SimGitHub gitHub;
    SimSeeder seeder;
};

QStringList clickUpState(World &world, bool withTimes)
{
    QStringList rows;
    for (const QString &id : world.seeder.clickUpTaskIds()) {
        const SimClickUpTask *task = world.clickUp.task(id);
        if (!task) {
            rows.append(QStringLiteral("missing ") + id);
            continue;
        }
        QStringList assignees;
        for (const qint64 assignee : task->assignees)
            assignees.append(QString::number(assignee));
        QStringList row = {task->id,
                           task->name,
                           task->description,
                           task->status,
                           task->listId,
                           assignees.join(QLatin1Char(',')),
                           task->tags.join(QLatin1Char(',')),
                           QString::number(task->priority),
                           task->dueDate.toString(Qt::ISODate),
                           QString::number(world.clickUp.comments(id).size())};
        if (withTimes)
            row << QString::number(task->dateCreated) << QString::number(task->dateUpdated);
        rows.append(row.join(QLatin1Char('|')));
    }
    return rows;
}

QStringList gitHubState(World &world, bool withTimes)
{
    QStringList rows;
    for (const SimSeeder::IssueKey &key : world.seeder.gitHubIssues()) {
        const SimGitHubIssue *issue = world.gitHub.issue(key.repo, key.number);
        if (!issue) {
            rows.append(QStringLiteral("missing %1#%2").arg(key.repo).arg(key.number));
            continue;
        }
        QStringList row = {issue->repo,
                           QString::number(issue->number),
                           issue->title,
                           issue->body,
                           issue->state,
                           issue->stateReason,
                           issue->author,
                           issue->assignees.join(QLatin1Char(',')),
                           issue->labels.join(QLatin1Char(',')),
                           issue->milestoneDueOn.toString(Qt::ISODate),
                           issue->pullRequest ? QStringLiteral("pr") : QStringLiteral("issue"),
                           QString::number(issue->comments)};
        if (withTimes)
            row << issue->createdAt.toString(Qt::ISODate) << issue->updatedAt.toString(Qt::ISODate);
        rows.append(row.join(QLatin1Char('|')));
    }
    return rows;
}

// The first pages a client would fetch, ports normalised.
QByteArrayList firstPages(World &world, QNetworkAccessManager &manager)
{
    QByteArrayList pages;
    for (const QString &list : world.seeder.listIds())
        pages.append(world.get(
            manager, false, QStringLiteral("/list/%1/task?page=0&include_closed=true").arg(list)));
    pages.append(world.get(
        manager, false,
        QStringLiteral("/team/%1/task?page=0&include_closed=true").arg(world.clickUp.teamId())));
    pages.append(
        world.get(manager, true, QStringLiteral("/issues?filter=all&state=all&per_page=100")));
    pages.append(world.get(manager, true,
                           QStringLiteral("/repos/%1/issues?state=all&per_page=100")
                               .arg(world.seeder.repos().first())));
    return pages;
}

// Counts every issue and PR through the API: the rel="last" page plus what is on it.
int countIssuesViaApi(World &world, QNetworkAccessManager &manager)
{
    const QString base = world.gitHub.baseUrl().toString();
    const QString query = QStringLiteral("/issues?filter=all&state=all&per_page=100");
    const Reply first = send(manager, "GET", QUrl(base + query), world.gitHubAuth());
    if (first.status != 200)
        return -1;
    static const QRegularExpression last(QStringLiteral(R"(<([^>]+)>;\s*rel="last")"));
    const QString lastUrl = last.match(QString::fromUtf8(first.header("Link"))).captured(1);
    if (lastUrl.isEmpty())
        return int(QJsonDocument::fromJson(first.body).array().size());
    const Reply lastPage = send(manager, "GET", QUrl(lastUrl), world.gitHubAuth());
    const int page = QUrlQuery(QUrl(lastUrl)).queryItemValue(QStringLiteral("page")).toInt();
    return (page - 1) * 100 + int(QJsonDocument::fromJson(lastPage.body).array().size());
}

int percent(qsizetype part, qsizetype whole)
{
    return whole == 0 ? 0 : int(part * 100 / whole);
}

} // namespace

class TestSimSeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameContent();
    void differentSeedDifferentContent();
    void counts_data();
    void counts();
    void mostlyAssignedToUser();
    void clickUpContent();
    void gitHubContent();
    void people();
    void apiServesSeededData();
    void teammateChangesAlterState();
    void teammateChangesAreDeterministic();
    void teammateChangesUseSeededServicesOnly();
    void teammateChangesSendWebhooks();
    void teammateCoversEveryEventTheReceiverHandles();
    void seedsLargeVolume();

private:
    QNetworkAccessManager m_manager;
};

void TestSimSeeder::sameSeedSameContent()
{
    World a(7, 300, 300);
    World b(7, 300, 300);
    QCOMPARE(clickUpState(a, true), clickUpState(b, true));
    QCOMPARE(gitHubState(a, true), gitHubState(b, true));

    QVERIFY(a.listen());
    QVERIFY(b.listen());
    QVERIFY(a.clickUp.port() != b.clickUp.port());
    const QByteArrayList pagesA = firstPages(a, m_manager);
    const QByteArrayList pagesB = firstPages(b, m_manager);
    for (const QByteArray &page : pagesA)
        QVERIFY2(!page.startsWith("HTTP "), page.constData());
    QCOMPARE(pagesA, pagesB);
}

void TestSimSeeder::differentSeedDifferentContent()
{
    World a(7, 300, 300);
    World b(8, 300, 300);
    QVERIFY(clickUpState(a, false) != clickUpState(b, false));
    QVERIFY(gitHubState(a, false) != gitHubState(b, false));

    // Not only ordering: the titles themselves differ.
    QSet<QString> namesA;
    QSet<QString> namesB;
    for (const QString &id : a.seeder.clickUpTaskIds())
        namesA.insert(a.clickUp.task(id)->name);
    for (const QString &id : b.seeder.clickUpTaskIds())
        namesB.insert(b.clickUp.task(id)->name);
    QVERIFY(namesA != namesB);

    QVERIFY(a.listen());
    QVERIFY(b.listen());
    const QByteArrayList pagesA = firstPages(a, m_manager);
    const QByteArrayList pagesB = firstPages(b, m_manager);
    for (qsizetype i = 0; i < pagesA.size(); ++i)
        QVERIFY2(pagesA.at(i) != pagesB.at(i), qPrintable(QString::number(i)));
}

void TestSimSeeder::counts_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("issues");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one each") << 1 << 1;
    QTest::newRow("clickup only") << 57 << 0;
    QTest::newRow("github only") << 0 << 123;
    QTest::newRow("several pages") << 250 << 341;
}

void TestSimSeeder::counts()
{
    QFETCH(int, tasks);
    QFETCH(int, issues);
    World world(3, tasks, issues);

    QCOMPARE(world.clickUp.taskCount(), tasks);
    QCOMPARE(world.seeder.clickUpTaskIds().size(), tasks);
    QCOMPARE(
        QSet<QString>(world.seeder.clickUpTaskIds().cbegin(), world.seeder.clickUpTaskIds().cend())
            .size(),
        tasks);
    for (const QString &row : clickUpState(world, false))
        QVERIFY2(!row.startsWith(QLatin1String("missing")), qPrintable(row));

    QCOMPARE(world.seeder.gitHubIssues().size(), issues);
    QSet<QString> keys;
    for (const SimSeeder::IssueKey &key : world.seeder.gitHubIssues())
        keys.insert(QStringLiteral("%1#%2").arg(key.repo).arg(key.number));
    QCOMPARE(keys.size(), issues);
    for (const QString &row : gitHubState(world, false))
        QVERIFY2(!row.startsWith(QLatin1String("missing")), qPrintable(row));

    QVERIFY(world.listen());
    QCOMPARE(countIssuesViaApi(world, m_manager), issues);
}

void TestSimSeeder::mostlyAssignedToUser()
{
    World world(11, 1000, 1000);
    const qint64 me = world.seeder.me().clickUpId;
    int mine = 0;
    for (const QString &id : world.seeder.clickUpTaskIds())
        mine += world.clickUp.task(id)->assignees.contains(me) ? 1 : 0;
    QVERIFY2(mine >= 600 && mine <= 800, qPrintable(QString::number(mine)));

    mine = 0;
    for (const SimSeeder::IssueKey &key : world.seeder.gitHubIssues())
        mine += world.gitHub.issue(key.repo, key.number)->assignees.contains(QStringLiteral("me"))
                    ? 1
                    : 0;
    QVERIFY2(mine >= 600 && mine <= 800, qPrintable(QString::number(mine)));
}

void TestSimSeeder::clickUpContent()
{
    World world(5, 1000, 0);
    const QStringList clients = SimSeeder::clients();
    const qint64 nowMs = Now.toMSecsSinceEpoch();
    constexpr qint64 DayMs = 86'400'000;

    int withClient = 0;
    int complete = 0;
    int doneType = 0;
    int inProgress = 0;
    int withDue = 0;
    int withDescription = 0;
    QSet<int> priorities;
    QSet<QString> names;
    QSet<QString> lists;
    for (const QString &id : world.seeder.clickUpTaskIds()) {
        const SimClickUpTask &task = *world.clickUp.task(id);
        QVERIFY(!task.name.isEmpty());
        names.insert(task.name);
        lists.insert(task.listId);
        QVERIFY2(task.tags.size() <= 2, qPrintable(task.tags.join(QLatin1Char(','))));
        for (const QString &tag : task.tags) {
            if (tag.startsWith(QLatin1String("client:"))) {
                QVERIFY2(clients.contains(tag.mid(7)), qPrintable(tag));
                ++withClient;
            }
        }
        priorities.insert(task.priority);
        withDescription += task.description.isEmpty() ? 0 : 1;
        if (task.dueDate.isValid()) {
            ++withDue;
            const qint64 due = task.dueDate.toMSecsSinceEpoch();
            QVERIFY(due >= nowMs - 21 * DayMs && due <= nowMs + 61 * DayMs);
        }
        QVERIFY(task.dateUpdated <= nowMs && task.dateUpdated >= nowMs - 60 * DayMs);
        QVERIFY(task.dateCreated < task.dateUpdated);
        if (task.status == QLatin1String("complete") || task.status == QLatin1String("done")) {
            ++complete;
            doneType += task.status == QLatin1String("done") ? 1 : 0;
            QVERIFY(task.dateClosed > 0);
        }
        inProgress += task.status == QLatin1String("in progress") ? 1 : 0;
    }
    const QStringList listIds = world.seeder.listIds();
    QCOMPARE(lists, QSet<QString>(listIds.cbegin(), listIds.cend()));
    QVERIFY2(names.size() > 500, qPrintable(QString::number(names.size())));
    QCOMPARE(priorities, (QSet<int>{0, 1, 2, 3, 4}));
    QVERIFY2(percent(withClient, 1000) >= 15 && percent(withClient, 1000) <= 45,
             qPrintable(QString::number(withClient)));
    QVERIFY2(percent(complete, 1000) >= 4 && percent(complete, 1000) <= 20,
             qPrintable(QString::number(complete)));
    QVERIFY(doneType > 0);
    QVERIFY(inProgress > 100);
    QVERIFY(withDue > 400 && withDue < 900);
    QVERIFY(withDescription > 800);

    // Default statuses everywhere, and one list also has a "done"-type status.
    int listsWithDone = 0;
    for (const QString &list : world.seeder.listIds()) {
        QStringList names;
        for (const SimClickUpStatus &status : world.clickUp.statuses(list)) {
            names.append(status.status);
            listsWithDone += status.type == QLatin1String("done") ? 1 : 0;
        }
        for (const SimClickUpStatus &status : SimClickUp::defaultStatuses())
            QVERIFY(names.contains(status.status));
    }
    QCOMPARE(listsWithDone, 1);
}

void TestSimSeeder::gitHubContent()
{
    World world(5, 0, 1000);
    const QStringList clients = SimSeeder::clients();
    static const QRegularExpression prefix(QStringLiteral(R"(^\[CLIENT:([a-z]+)\] \S)"));

    int pullRequests = 0;
    int prefixed = 0;
    int closed = 0;
    int withMilestone = 0;
    QSet<QString> labels;
    QSet<QString> repos;
    QHash<QString, QList<const SimGitHubIssue *>> byRepo;
    for (const SimSeeder::IssueKey &key : world.seeder.gitHubIssues()) {
        const SimGitHubIssue *issue = world.gitHub.issue(key.repo, key.number);
        QVERIFY(issue);
        repos.insert(issue->repo);
        byRepo[issue->repo].append(issue);
        pullRequests += issue->pullRequest ? 1 : 0;
        const QRegularExpressionMatch match = prefix.match(issue->title);
        if (match.hasMatch()) {
            ++prefixed;
            QVERIFY2(clients.contains(match.captured(1)), qPrintable(issue->title));
        }
        for (const QString &label : issue->labels)
            labels.insert(label);
        if (issue->state == QLatin1String("closed")) {
            ++closed;
            QVERIFY(issue->closedAt.isValid());
        }
        withMilestone += issue->milestoneDueOn.isValid() ? 1 : 0;
        QVERIFY(issue->createdAt >= Now.addDays(-60) && issue->createdAt <= Now);
        QVERIFY(issue->updatedAt >= issue->createdAt && issue->updatedAt <= Now);
    }
    QVERIFY2(repos.size() >= 4 && repos.size() <= 6, qPrintable(QString::number(repos.size())));
    const QStringList seededRepos = world.seeder.repos();
    QCOMPARE(QSet<QString>(seededRepos.cbegin(), seededRepos.cend()), repos);
    QSet<QString> owners;
    for (const QString &repo : repos)
        owners.insert(repo.section(QLatin1Char('/'), 0, 0));
    QCOMPARE(owners.size(), 2);

    QVERIFY2(percent(pullRequests, 1000) >= 5 && percent(pullRequests, 1000) <= 15,
             qPrintable(QString::number(pullRequests)));
    QVERIFY2(percent(prefixed, 1000) >= 8 && percent(prefixed, 1000) <= 30,
             qPrintable(QString::number(prefixed)));
    QVERIFY2(percent(closed, 1000) >= 5 && percent(closed, 1000) <= 15,
             qPrintable(QString::number(closed)));
    QVERIFY(withMilestone > 50);
    for (const QString &label :
         {QStringLiteral("bug"), QStringLiteral("blocking"), QStringLiteral("in progress")})
        QVERIFY2(labels.contains(label), qPrintable(label));

    // Numbers follow creation order within each repo.
    for (auto it = byRepo.cbegin(); it != byRepo.cend(); ++it) {
        QList<const SimGitHubIssue *> issues = it.value();
        std::sort(issues.begin(), issues.end(),
                  [](const auto *a, const auto *b) { return a->number < b->number; });
        for (qsizetype i = 1; i < issues.size(); ++i) {
            QCOMPARE(issues.at(i)->number, issues.at(i - 1)->number + 1);
            QVERIFY(issues.at(i)->createdAt >= issues.at(i - 1)->createdAt);
        }
    }
}

void TestSimSeeder::people()
{
    for (quint32 seed = 1; seed <= 20; ++seed) {
        const SimSeeder seeder(seed, Now);
        QCOMPARE(seeder.me().login, QStringLiteral("me"));
        QCOMPARE(seeder.clickUpToken(), SimSeeder::defaultClickUpToken());
        QCOMPARE(seeder.gitHubToken(), SimSeeder::defaultGitHubToken());
        QVERIFY(seeder.teammates().size() >= 3 && seeder.teammates().size() <= 4);
        QSet<qint64> ids{seeder.me().clickUpId};
        for (const SimSeeder::Person &person : seeder.teammates()) {
            QVERIFY(!person.login.isEmpty() && !person.fullName.isEmpty());
            ids.insert(person.clickUpId);
        }
        QCOMPARE(ids.size(), seeder.teammates().size() + 1);
        QCOMPARE(seeder.listIds().size(), 3);
    }
}

void TestSimSeeder::apiServesSeededData()
{
    World world(9, 150, 150);
    QVERIFY(world.listen());
    const SimSeeder::Person &me = world.seeder.me();
    const QList<std::pair<QByteArray, QByteArray>> clickUpAuth = {
        {"Authorization", "pk_demo_clickup"}};
    const QString clickUp = world.clickUp.baseUrl().toString();

    Reply reply = send(m_manager, "GET", QUrl(clickUp + QStringLiteral("/user")), clickUpAuth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body)
                 .object()
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toInteger(),
             me.clickUpId);

    int assignedToMe = 0;
    for (const QString &list : world.seeder.listIds()) {
        reply = send(m_manager, "GET",
                     QUrl(clickUp + QStringLiteral("/list/%1/task?include_closed=true&"
                                                   "assignees[]=%2")
                                        .arg(list)
                                        .arg(me.clickUpId)),
                     clickUpAuth);
        QCOMPARE(reply.status, 200);
        const QJsonArray tasks =
            QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("tasks")).toArray();
        for (const QJsonValue &task : tasks) {
            bool found = false;
            for (const QJsonValue &assignee :
                 task.toObject().value(QStringLiteral("assignees")).toArray())
                found = found ||
                        assignee.toObject().value(QStringLiteral("id")).toInteger() == me.clickUpId;
            QVERIFY(found);
        }
        assignedToMe += int(tasks.size());
    }
    QVERIFY(assignedToMe > 75);

    const QString gitHub = world.gitHub.baseUrl().toString();
    reply = send(m_manager, "GET", QUrl(gitHub + QStringLiteral("/user")), world.gitHubAuth());
    QCOMPARE(reply.status, 200);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("login")).toString(),
             QStringLiteral("me"));
    reply = send(m_manager, "GET",
                 QUrl(gitHub + QStringLiteral("/issues?filter=assigned&state=all&per_page=100")),
                 world.gitHubAuth());
    QCOMPARE(reply.status, 200);
    const QJsonArray issues = QJsonDocument::fromJson(reply.body).array();
    qsizetype mine = 0;
    for (const SimSeeder::IssueKey &key : world.seeder.gitHubIssues())
        mine += world.gitHub.issue(key.repo, key.number)->assignees.contains(me.login) ? 1 : 0;
    QVERIFY(mine > 75);
    QCOMPARE(issues.size(), std::min<qsizetype>(mine, 100));
    for (const QJsonValue &value : issues) {
        const QJsonObject issue = value.toObject();
        QVERIFY(world.seeder.repos().contains(issue.value(QStringLiteral("repository"))
                                                  .toObject()
                                                  .value(QStringLiteral("full_name"))
                                                  .toString()));
        const QJsonArray assignees = issue.value(QStringLiteral("assignees")).toArray();
        QVERIFY(std::any_of(assignees.begin(), assignees.end(), [](const QJsonValue &assignee) {
            const QJsonObject user = assignee.toObject();
            return user.value(QStringLiteral("login")).toString() == QLatin1String("me") &&
                   user.value(QStringLiteral("id")).toInteger() == 500 &&
                   user.value(QStringLiteral("type")).toString() == QLatin1String("User");
        }));
    }
}

void TestSimSeeder::teammateChangesAlterState()
{
    World world(21, 200, 200);
    const QStringList clickUpBefore = clickUpState(world, true);
    const QStringList gitHubBefore = gitHubState(world, true);

    QStringList logins;
    for (const SimSeeder::Person &person : world.seeder.teammates())
        logins.append(person.login);
    static const QRegularExpression line(
        QStringLiteral(R"(^([a-z]+) (.*)(clickup:[0-9a-z]+|github:[a-z-]+/[a-z-]+#[0-9]+)(.*)$)"));

    int clickUpChanges = 0;
    int gitHubChanges = 0;
    QSet<QString> verbs;
    for (int i = 0; i < 60; ++i) {
        const QString change = world.seeder.teammateChange(world.clickUp, world.gitHub);
        const QRegularExpressionMatch match = line.match(change);
        QVERIFY2(match.hasMatch(), qPrintable(change));
        QVERIFY2(logins.contains(match.captured(1)), qPrintable(change));
        verbs.insert(match.captured(2).section(QLatin1Char(' '), 0, 0));
        const QString key = match.captured(3);
        if (key.startsWith(QLatin1String("clickup:"))) {
            ++clickUpChanges;
            QVERIFY2(world.clickUp.task(key.mid(8)), qPrintable(change));
            if (change.contains(QLatin1String(" commented on ")))
                QVERIFY(!world.clickUp.comments(key.mid(8)).isEmpty());
        } else {
            ++gitHubChanges;
            const QString repo = key.mid(7).section(QLatin1Char('#'), 0, 0);
            const int number = key.section(QLatin1Char('#'), 1).toInt();
            // A deleted issue is gone; a transferred one is named where it went.
            QVERIFY2(change.contains(QLatin1String(" deleted github:")) !=
                         bool(world.gitHub.issue(repo, number)),
                     qPrintable(change));
            if (change.contains(QLatin1String(" commented on ")))
                QVERIFY(!world.gitHub.comments(repo, number).isEmpty());
            if (change.contains(QLatin1String(" closed ")))
                QCOMPARE(world.gitHub.issue(repo, number)->state, QStringLiteral("closed"));
        }
    }
    QVERIFY(clickUpChanges > 10);
    QVERIFY(gitHubChanges > 10);
    QVERIFY2(verbs.size() >= 5,
             qPrintable(QStringList(verbs.cbegin(), verbs.cend()).join(QLatin1Char(','))));

    QVERIFY(clickUpState(world, true) != clickUpBefore);
    QVERIFY(gitHubState(world, true) != gitHubBefore);
    // New items count too.
    QVERIFY(world.clickUp.taskCount() >= 200);
    QVERIFY(world.seeder.clickUpTaskIds().size() == world.clickUp.taskCount());
}

void TestSimSeeder::teammateChangesAreDeterministic()
{
    World a(33, 150, 150);
    World b(33, 150, 150);
    World c(34, 150, 150);
    QStringList changesA;
    QStringList changesB;
    QStringList changesC;
    for (int i = 0; i < 50; ++i) {
        changesA.append(a.seeder.teammateChange(a.clickUp, a.gitHub));
        changesB.append(b.seeder.teammateChange(b.clickUp, b.gitHub));
        changesC.append(c.seeder.teammateChange(c.clickUp, c.gitHub));
    }
    QCOMPARE(changesA, changesB);
    QVERIFY(changesA != changesC);
    // Timestamps follow the clock; everything else is the same.
    QCOMPARE(clickUpState(a, false), clickUpState(b, false));
    QCOMPARE(gitHubState(a, false), gitHubState(b, false));
}

void TestSimSeeder::teammateChangesUseSeededServicesOnly()
{
    SimClickUp clickUp;
    SimGitHub gitHub;
    SimSeeder nothing(1, Now);
    QCOMPARE(nothing.teammateChange(clickUp, gitHub), QString());

    SimSeeder gitHubOnly(1, Now);
    gitHubOnly.seedGitHub(gitHub, 20);
    for (int i = 0; i < 20; ++i)
        QVERIFY(gitHubOnly.teammateChange(clickUp, gitHub).contains(QLatin1String("github:")));
    QCOMPARE(clickUp.taskCount(), 0);

    // With no tasks yet, a teammate creates one.
    SimClickUp emptyClickUp;
    SimGitHub unused;
    SimSeeder clickUpOnly(2, Now);
    clickUpOnly.seedClickUp(emptyClickUp, 0);
    const QString change = clickUpOnly.teammateChange(emptyClickUp, unused);
    QVERIFY2(change.contains(QLatin1String(" created clickup:")), qPrintable(change));
    QCOMPARE(emptyClickUp.taskCount(), 1);
}

void TestSimSeeder::teammateChangesSendWebhooks()
{
    World world(41, 100, 100);
    QVERIFY(world.listen());
    WebhookReceiver receiver;
    world.clickUp.addWebhook(receiver.url(), {QStringLiteral("*")}, world.seeder.me().clickUpId);
    for (const QString &repo : world.seeder.repos()) {
        const QJsonObject hook{
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("url"), receiver.url().toString()},
                         {QStringLiteral("content_type"), QStringLiteral("json")},
                         {QStringLiteral("secret"), QStringLiteral("s3cret")}}},
            {QStringLiteral("events"),
             QJsonArray{QStringLiteral("issues"), QStringLiteral("issue_comment")}}};
        const Reply reply = send(
            m_manager, "POST",
            QUrl(world.gitHub.baseUrl().toString() + QStringLiteral("/repos/%1/hooks").arg(repo)),
            world.gitHubAuth(), QJsonDocument(hook).toJson(QJsonDocument::Compact));
        QCOMPARE(reply.status, 201);
    }
    const qsizetype clickUpBefore = world.clickUp.webhooks().deliveries().size();
    const qsizetype gitHubBefore = world.gitHub.webhooks().deliveries().size();

    for (int i = 0; i < 20; ++i)
        QVERIFY(!world.seeder.teammateChange(world.clickUp, world.gitHub).isEmpty());

    const qsizetype clickUpSent = world.clickUp.webhooks().deliveries().size() - clickUpBefore;
    const qsizetype gitHubSent = world.gitHub.webhooks().deliveries().size() - gitHubBefore;
    QVERIFY(clickUpSent > 0);
    QVERIFY(gitHubSent > 0);
    QTRY_COMPARE(receiver.deliveries().size(),
                 gitHubBefore + clickUpBefore + clickUpSent + gitHubSent);
}

void TestSimSeeder::teammateCoversEveryEventTheReceiverHandles()
{
    World world(5, 100, 100);
    QVERIFY(world.listen());
    WebhookReceiver receiver;
    world.clickUp.addWebhook(receiver.url(), {QStringLiteral("*")}, world.seeder.me().clickUpId);
    for (const QString &repo : world.seeder.repos()) {
        const QJsonObject hook{
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("url"), receiver.url().toString()},
                         {QStringLiteral("content_type"), QStringLiteral("json")}}},
            {QStringLiteral("events"), QJsonArray{QStringLiteral("*")}}};
        QCOMPARE(send(m_manager, "POST",
                      QUrl(world.gitHub.baseUrl().toString() +
                           QStringLiteral("/repos/%1/hooks").arg(repo)),
                      world.gitHubAuth(), QJsonDocument(hook).toJson(QJsonDocument::Compact))
                     .status,
                 201);
    }
    for (int i = 0; i < 600; ++i)
        QVERIFY(!world.seeder.teammateChange(world.clickUp, world.gitHub).isEmpty());

    QSet<QString> events;
    for (const SimWebhookSender::Delivery &delivery : world.clickUp.webhooks().deliveries())
        events.insert(QJsonDocument::fromJson(delivery.body)
                          .object()
                          .value(QStringLiteral("event"))
                          .toString());
    for (const SimWebhookSender::Delivery &delivery : world.gitHub.webhooks().deliveries()) {
        QByteArray event;
        for (const auto &[name, value] : delivery.headers) {
            if (name == "X-GitHub-Event")
                event = value;
        }
        const QString action = QJsonDocument::fromJson(delivery.body)
                                   .object()
                                   .value(QStringLiteral("action"))
                                   .toString();
        events.insert(QString::fromLatin1(event) +
                      (action.isEmpty() ? QString() : QLatin1Char('.') + action));
    }
    const QStringList wanted = {
        QStringLiteral("taskCreated"),
        QStringLiteral("taskStatusUpdated"),
        QStringLiteral("taskAssigneeUpdated"),
        QStringLiteral("taskCommentPosted"),
        QStringLiteral("taskDueDateUpdated"),
        QStringLiteral("taskPriorityUpdated"),
        QStringLiteral("taskMoved"),
        QStringLiteral("taskTagUpdated"),
        QStringLiteral("issues.opened"),
        QStringLiteral("issues.edited"),
        QStringLiteral("issues.closed"),
        QStringLiteral("issues.reopened"),
        QStringLiteral("issues.assigned"),
        QStringLiteral("issues.unassigned"),
        QStringLiteral("issues.labeled"),
        QStringLiteral("issues.unlabeled"),
        QStringLiteral("issues.milestoned"),
        QStringLiteral("issues.demilestoned"),
        QStringLiteral("issues.deleted"),
        QStringLiteral("issues.transferred"),
        QStringLiteral("issue_comment.created"),
        QStringLiteral("issue_comment.edited"),
        QStringLiteral("issue_comment.deleted"),
    };
    QStringList missing;
    for (const QString &event : wanted) {
        if (!events.contains(event))
            missing.append(event);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    // What the seeder lists still exists.
    for (const SimSeeder::IssueKey &key : world.seeder.gitHubIssues())
        QVERIFY(world.gitHub.issue(key.repo, key.number));
}

void TestSimSeeder::seedsLargeVolume()
{
    QElapsedTimer timer;
    timer.start();
    World world(1, 5000, 5000);
    qInfo("seeded 5,000 + 5,000 in %lld ms", timer.elapsed());
    QCOMPARE(world.clickUp.taskCount(), 5000);
    QCOMPARE(world.seeder.gitHubIssues().size(), 5000);
    QVERIFY(world.listen());
    QCOMPARE(countIssuesViaApi(world, m_manager), 5000);
    const QByteArray page = world.get(m_manager, false,
                                      QStringLiteral("/list/%1/task?page=0&include_closed=true")
                                          .arg(world.seeder.listIds().first()));
    const QJsonObject json = QJsonDocument::fromJson(page).object();
    QCOMPARE(json.value(QStringLiteral("tasks")).toArray().size(), 100);
    QCOMPARE(json.value(QStringLiteral("last_page")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestSimSeeder)
#include "tst_simseeder.moc"
