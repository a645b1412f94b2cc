#include "SimClient.h"
#include "WebhookReceiver.h"

#include "sim/SimClickUp.h"
#include "sim/SimWebhookSender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

using namespace UpNext::Sim;
using namespace UpNext::TestSim;

namespace {

const qint64 Me = 101;
const qint64 Bob = 102;
const QByteArray Token = "pk_101_SIMTOKEN";
const QByteArray BobToken = "pk_102_BOBTOKEN";
const QString ListId = QStringLiteral("901");
const QList<std::pair<QByteArray, QByteArray>> Auth = {{"Authorization", Token},
                                                       {"Content-Type", "application/json"}};

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString errorCode(const Reply &reply)
{
    return object(reply).value(QStringLiteral("ECODE")).toString();
}

QStringList names(const Reply &reply)
{
    QStringList result;
    for (const QJsonValue &task : object(reply).value(QStringLiteral("tasks")).toArray())
        result.append(task.toObject().value(QStringLiteral("name")).toString());
    result.sort();
    return result;
}

qint64 msField(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString().toLongLong();
}

} // namespace

class TestSimClickUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void authentication_data();
    void authentication();
    void user();
    void hierarchy();
    void pagingBoundaries_data();
    void pagingBoundaries();
    void includeClosed();
    void assigneesFilter();
    void dateUpdatedGtIsStrict();
    void teamEndpointSpansLists();
    void moveTask();
    void listStatuses();
    void getTask();
    void completeTask();
    void updateErrors();
    void comments();
    void commentsArePaged();
    void createTask();
    void rateLimit();
    void webhookRegistration();
    void webhookUpdateMovesAndKeeps();
    void webhookDeliveries();
    void webhookEventsFilterAndCreation();
    void dueDatePriorityAndTagEvents();
    void webhookUpdate();
    void signatureTestVector();

private:
    QUrl url(const QString &pathAndQuery) const;
    std::unique_ptr<SimClickUp> m_sim;
    QNetworkAccessManager m_manager;
};

QUrl TestSimClickUp::url(const QString &pathAndQuery) const
{
    return QUrl(m_sim->baseUrl().toString() + pathAndQuery);
}

void TestSimClickUp::init()
{
    m_sim = std::make_unique<SimClickUp>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(Me, QStringLiteral("Me Myself"), QStringLiteral("me@example.com"),
                   QString::fromLatin1(Token));
    m_sim->addUser(Bob, QStringLiteral("Bob"), QStringLiteral("bob@example.com"),
                   QString::fromLatin1(BobToken));
    m_sim->addList(ListId, QStringLiteral("Backlog"));
}

void TestSimClickUp::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("personal token, bare") << Token << 200 << QString();
    QTest::newRow("bearer") << QByteArray("Bearer " + Token) << 200 << QString();
    QTest::newRow("none") << QByteArray() << 401 << QStringLiteral("OAUTH_017");
    QTest::newRow("wrong token") << QByteArray("pk_nope") << 401 << QStringLiteral("OAUTH_025");
}

void TestSimClickUp::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, code);
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/user")), headers);
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QCOMPARE(errorCode(reply), code);
        QVERIFY(!object(reply).value(QStringLiteral("err")).toString().isEmpty());
        QVERIFY(reply.header("X-RateLimit-Limit").isEmpty());
        QCOMPARE(m_sim->requestLog().rateLimitCost(), 0);
    }
}

void TestSimClickUp::user()
{
    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/user")), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonObject user = object(reply).value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toInteger(), Me);
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("Me Myself"));
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("me@example.com"));
    QCOMPARE(user.value(QStringLiteral("initials")).toString(), QStringLiteral("MM"));
    QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("100"));
    QCOMPARE(reply.header("X-RateLimit-Remaining"), QByteArray("99"));
    QVERIFY(reply.header("X-RateLimit-Reset").toLongLong() > QDateTime::currentSecsSinceEpoch());
    QCOMPARE(m_sim->requestLog().count(QStringLiteral("GET /user")), 1);
    QCOMPARE(m_sim->baseUrl().path(), QStringLiteral("/api/v2"));

    const QString root = m_sim->baseUrl().toString().chopped(7);
    QCOMPARE(send(m_manager, "GET", QUrl(root + QStringLiteral("/user")), Auth).status, 404);
    const Reply unknown = send(m_manager, "GET", url(QStringLiteral("/no/such/route")), Auth);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(errorCode(unknown), QStringLiteral("APP_001"));
}

void TestSimClickUp::pagingBoundaries_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("pages");
    QTest::newRow("0") << 0 << 1;
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("100") << 100 << 1;
    QTest::newRow("101") << 101 << 2;
    QTest::newRow("250") << 250 << 3;
}

void TestSimClickUp::pagingBoundaries()
{
    QFETCH(int, tasks);
    QFETCH(int, pages);
    for (int i = 0; i < tasks; ++i)
        m_sim->addTask(
            {.name = QStringLiteral("Task %1").arg(i), .listId = ListId, .assignees = {Me}});

    QSet<QString> seen;
    int page = 0;
    bool lastPage = false;
    while (!lastPage) {
        QVERIFY2(page < 10, "last_page never came");
        const Reply reply =
            send(m_manager, "GET",
                 url(QStringLiteral("/list/%1/task?page=%2&assignees[]=%3&include_closed=true")
                         .arg(ListId)
                         .arg(page)
                         .arg(Me)),
                 Auth);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = object(reply).value(QStringLiteral("tasks")).toArray();
        QVERIFY(items.size() <= 100);
        for (const QJsonValue &item : items) {
            const QString id = item.toObject().value(QStringLiteral("id")).toString();
            QVERIFY2(!seen.contains(id), "a task came twice");
            seen.insert(id);
        }
        QVERIFY(object(reply).value(QStringLiteral("last_page")).isBool());
        lastPage = object(reply).value(QStringLiteral("last_page")).toBool();
        ++page;
    }
    QCOMPARE(page, pages);
    QCOMPARE(seen.size(), tasks);
}

void TestSimClickUp::includeClosed()
{
    m_sim->addList(QStringLiteral("902"), QStringLiteral("Flow"),
                   {{QStringLiteral("Open"), QStringLiteral("open"), {}},
                    {QStringLiteral("Shipped"), QStringLiteral("done"), {}},
                    {QStringLiteral("Closed"), QStringLiteral("closed"), {}}});
    m_sim->addTask(
        {.name = QStringLiteral("todo"), .status = QStringLiteral("to do"), .listId = ListId});
    m_sim->addTask({.name = QStringLiteral("doing"),
                    .status = QStringLiteral("in progress"),
                    .listId = ListId});
    m_sim->addTask({.name = QStringLiteral("finished"),
                    .status = QStringLiteral("complete"),
                    .listId = ListId});
    m_sim->addTask({.name = QStringLiteral("shipped"),
                    .status = QStringLiteral("shipped"),
                    .listId = QStringLiteral("902")});

    const QString team = QStringLiteral("/team/%1/task").arg(m_sim->teamId());
    QCOMPARE(names(send(m_manager, "GET", url(team), Auth)),
             QStringList({QStringLiteral("doing"), QStringLiteral("todo")}));
    QCOMPARE(
        names(send(m_manager, "GET", url(team + QStringLiteral("?include_closed=false")), Auth)),
        QStringList({QStringLiteral("doing"), QStringLiteral("todo")}));
    QCOMPARE(
        names(send(m_manager, "GET", url(team + QStringLiteral("?include_closed=true")), Auth)),
        QStringList({QStringLiteral("doing"), QStringLiteral("finished"), QStringLiteral("shipped"),
                     QStringLiteral("todo")}));

    // A closed task carries its closing time.
    const Reply closed = send(
        m_manager, "GET",
        url(QStringLiteral("/list/%1/task?include_closed=true&statuses[]=complete").arg(ListId)),
        Auth);
    const QJsonObject finished =
        object(closed).value(QStringLiteral("tasks")).toArray().first().toObject();
    QCOMPARE(finished.value(QStringLiteral("name")).toString(), QStringLiteral("finished"));
    QVERIFY(msField(finished, QStringLiteral("date_closed")) > 0);
}

void TestSimClickUp::assigneesFilter()
{
    m_sim->addTask({.name = QStringLiteral("mine"), .listId = ListId, .assignees = {Me}});
    m_sim->addTask({.name = QStringLiteral("bob's"), .listId = ListId, .assignees = {Bob}});
    m_sim->addTask({.name = QStringLiteral("shared"), .listId = ListId, .assignees = {Bob, Me}});
    m_sim->addTask({.name = QStringLiteral("nobody's"), .listId = ListId});

    const QString list = QStringLiteral("/list/%1/task").arg(ListId);
    QCOMPARE(names(send(m_manager, "GET", url(list + QStringLiteral("?assignees[]=101")), Auth)),
             QStringList({QStringLiteral("mine"), QStringLiteral("shared")}));
    QCOMPARE(
        names(send(m_manager, "GET",
                   url(list + QStringLiteral("?assignees%5B%5D=101&assignees%5B%5D=102")), Auth)),
        QStringList({QStringLiteral("bob's"), QStringLiteral("mine"), QStringLiteral("shared")}));
    QCOMPARE(names(send(m_manager, "GET", url(list), Auth)).size(), 4);
    QCOMPARE(names(send(m_manager, "GET", url(list + QStringLiteral("?assignees[]=999")), Auth)),
             QStringList());

    const Reply reply =
        send(m_manager, "GET", url(list + QStringLiteral("?assignees[]=101")), Auth);
    for (const QJsonValue &task : object(reply).value(QStringLiteral("tasks")).toArray()) {
        bool assigned = false;
        for (const QJsonValue &assignee :
             task.toObject().value(QStringLiteral("assignees")).toArray()) {
            assigned |= assignee.toObject().value(QStringLiteral("id")).toInteger() == Me;
            QVERIFY(!assignee.toObject().value(QStringLiteral("username")).toString().isEmpty());
        }
        QVERIFY(assigned);
    }
}

void TestSimClickUp::dateUpdatedGtIsStrict()
{
    const qint64 base = 1767225600000; // 2026-01-01
    for (int i = 0; i < 3; ++i)
        m_sim->addTask({.name = QStringLiteral("t%1").arg(i),
                        .listId = ListId,
                        .assignees = {Me},
                        .dateCreated = base,
                        .dateUpdated = base + 1000 * i});

    auto updatedAfter = [this](qint64 ms) {
        return names(send(m_manager, "GET",
                          url(QStringLiteral("/list/%1/task?assignees[]=101&date_updated_gt=%2")
                                  .arg(ListId)
                                  .arg(ms)),
                          Auth));
    };
    QCOMPARE(updatedAfter(base - 1).size(), 3);
    QCOMPARE(updatedAfter(base + 1000), QStringList{QStringLiteral("t2")}); // strictly greater
    QCOMPARE(updatedAfter(base + 999), QStringList({QStringLiteral("t1"), QStringLiteral("t2")}));
    QCOMPARE(updatedAfter(base + 2000), QStringList());

    // A teammate's change moves a task past the high-water mark.
    const QString first = m_sim->addTask({.name = QStringLiteral("old"),
                                          .listId = ListId,
                                          .assignees = {Me},
                                          .dateCreated = base,
                                          .dateUpdated = base});
    QVERIFY(m_sim->touch(first, Bob));
    QVERIFY(m_sim->task(first)->dateUpdated > base + 2000);
    QCOMPARE(updatedAfter(base + 2000), QStringList{QStringLiteral("old")});
}

void TestSimClickUp::teamEndpointSpansLists()
{
    m_sim->addList(QStringLiteral("902"), QStringLiteral("Other"));
    m_sim->addTask({.name = QStringLiteral("in backlog"), .listId = ListId, .assignees = {Me}});
    m_sim->addTask(
        {.name = QStringLiteral("in other"), .listId = QStringLiteral("902"), .assignees = {Me}});

    const QString team = QStringLiteral("/team/%1/task?assignees[]=101").arg(m_sim->teamId());
    Reply reply = send(m_manager, "GET", url(team), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(names(reply), QStringList({QStringLiteral("in backlog"), QStringLiteral("in other")}));
    QCOMPARE(object(reply).value(QStringLiteral("last_page")).toBool(), true);
    QCOMPARE(names(send(m_manager, "GET", url(team + QStringLiteral("&list_ids[]=902")), Auth)),
             QStringList{QStringLiteral("in other")});
    QCOMPARE(
        names(send(m_manager, "GET", url(QStringLiteral("/list/902/task?assignees[]=101")), Auth)),
        QStringList{QStringLiteral("in other")});

    reply = send(m_manager, "GET", url(QStringLiteral("/team/1/task")), Auth);
    QCOMPARE(reply.status, 401);
    QCOMPARE(errorCode(reply), QStringLiteral("OAUTH_027"));
    reply = send(m_manager, "GET", url(QStringLiteral("/list/999/task")), Auth);
    QCOMPARE(reply.status, 404);
    QCOMPARE(object(reply).value(QStringLiteral("err")).toString(),
             QStringLiteral("List not found"));
}

void TestSimClickUp::moveTask()
{
    const QString other = QStringLiteral("902");
    m_sim->addList(other, QStringLiteral("Other"),
                   {{QStringLiteral("open"), QStringLiteral("open"), {}},
                    {QStringLiteral("doing"), QStringLiteral("custom"), {}},
                    {QStringLiteral("shipped"), QStringLiteral("closed"), {}}});
    WebhookReceiver receiver;
    m_sim->addWebhook(receiver.url(), {QStringLiteral("taskMoved")}, Me);
    const qint64 base = 1767225600000;
    const QString id = m_sim->addTask({.name = QStringLiteral("Moving"),
                                       .status = QStringLiteral("in progress"),
                                       .listId = ListId,
                                       .assignees = {Me},
                                       .dateCreated = base,
                                       .dateUpdated = base});
    QVERIFY(!m_sim->moveTask(id, QStringLiteral("999"), Bob));
    QVERIFY(!m_sim->moveTask(QStringLiteral("nosuch"), other, Bob));
    QCOMPARE(m_sim->task(id)->dateUpdated, base);

    QVERIFY(m_sim->moveTask(id, other, Bob));
    // The task now lives in the other list only, with that list's status of the same type.
    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/task/") + id), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonObject task = object(reply);
    QCOMPARE(task.value(QStringLiteral("list")).toObject().value(QStringLiteral("id")).toString(),
             other);
    QCOMPARE(task.value(QStringLiteral("status")).toObject().value(QStringLiteral("status")),
             QStringLiteral("doing"));
    QVERIFY(msField(task, QStringLiteral("date_updated")) > base);
    const QString since = QStringLiteral("?include_closed=true&date_updated_gt=%1").arg(base);
    QCOMPARE(names(send(m_manager, "GET", url(QStringLiteral("/list/%1/task").arg(ListId) + since),
                        Auth)),
             QStringList());
    QCOMPARE(names(send(m_manager, "GET", url(QStringLiteral("/list/%1/task").arg(other) + since),
                        Auth)),
             QStringList{QStringLiteral("Moving")});
    QCOMPARE(names(send(m_manager, "GET",
                        url(QStringLiteral("/team/%1/task").arg(m_sim->teamId()) + since), Auth)),
             QStringList{QStringLiteral("Moving")});

    // taskMoved, with the lists before and after.
    QTRY_COMPARE(receiver.deliveries().size(), 1);
    const QJsonObject payload =
        QJsonDocument::fromJson(receiver.deliveries().first().body).object();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("taskMoved"));
    QCOMPARE(payload.value(QStringLiteral("task_id")).toString(), id);
    const QJsonObject item =
        payload.value(QStringLiteral("history_items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("field")).toString(), QStringLiteral("section_moved"));
    QCOMPARE(item.value(QStringLiteral("parent_id")).toString(), other);
    QCOMPARE(item.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(),
             Bob);
    QCOMPARE(item.value(QStringLiteral("before")).toObject().value(QStringLiteral("id")).toString(),
             ListId);
    QCOMPARE(item.value(QStringLiteral("after")).toObject().value(QStringLiteral("id")).toString(),
             other);

    // A status name the new list has is kept; a closed task stays closed.
    QVERIFY(m_sim->setStatus(id, QStringLiteral("shipped"), Bob));
    QVERIFY(m_sim->moveTask(id, ListId, Bob));
    QCOMPARE(m_sim->task(id)->status, QStringLiteral("complete"));
    QVERIFY(m_sim->task(id)->dateClosed > 0);
    QVERIFY(m_sim->moveTask(id, other, Bob));
    QCOMPARE(m_sim->task(id)->status, QStringLiteral("shipped"));
}

void TestSimClickUp::listStatuses()
{
    Reply reply = send(m_manager, "GET", url(QStringLiteral("/list/") + ListId), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("id")).toString(), ListId);
    QCOMPARE(object(reply).value(QStringLiteral("name")).toString(), QStringLiteral("Backlog"));
    QStringList statuses;
    for (const QJsonValue &value : object(reply).value(QStringLiteral("statuses")).toArray()) {
        const QJsonObject status = value.toObject();
        statuses.append(status.value(QStringLiteral("status")).toString() + QLatin1Char('/') +
                        status.value(QStringLiteral("type")).toString());
        QVERIFY(status.value(QStringLiteral("color")).toString().startsWith(QLatin1Char('#')));
        QCOMPARE(status.value(QStringLiteral("orderindex")).toInt(), statuses.size() - 1);
    }
    QCOMPARE(statuses,
             QStringList({QStringLiteral("to do/open"), QStringLiteral("in progress/custom"),
                          QStringLiteral("complete/closed")}));

    m_sim->addList(QStringLiteral("903"), QStringLiteral("Custom"),
                   {{QStringLiteral("Backlog"), QStringLiteral("open"), {}},
                    {QStringLiteral("Done"), QStringLiteral("done"), {}},
                    {QStringLiteral("Archived"), QStringLiteral("closed"), {}}});
    reply = send(m_manager, "GET", url(QStringLiteral("/list/903")), Auth);
    const QJsonArray custom = object(reply).value(QStringLiteral("statuses")).toArray();
    QCOMPARE(custom.size(), 3);
    QCOMPARE(custom.at(1).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("done")); // ClickUp keeps names in lower case
    QCOMPARE(custom.at(1).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("done"));

    reply = send(m_manager, "GET", url(QStringLiteral("/list/999")), Auth);
    QCOMPARE(reply.status, 404);
    QVERIFY(!errorCode(reply).isEmpty());
}

void TestSimClickUp::getTask()
{
    const QDateTime due = QDateTime::fromMSecsSinceEpoch(1775030400000, QTimeZone::utc());
    const QString id = m_sim->addTask({.name = QStringLiteral("Fix login"),
                                       .description = QStringLiteral("Steps…"),
                                       .listId = ListId,
                                       .assignees = {Me},
                                       .tags = {QStringLiteral("client:acme")},
                                       .dueDate = due,
                                       .priority = 2,
                                       .creator = Bob});
    QVERIFY(id.startsWith(QStringLiteral("86")));

    const Reply reply = send(m_manager, "GET", url(QStringLiteral("/task/") + id), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonObject task = object(reply);
    QCOMPARE(task.value(QStringLiteral("id")).toString(), id);
    QVERIFY(task.value(QStringLiteral("custom_id")).isNull());
    QCOMPARE(task.value(QStringLiteral("name")).toString(), QStringLiteral("Fix login"));
    QCOMPARE(task.value(QStringLiteral("text_content")).toString(), QStringLiteral("Steps…"));
    QCOMPARE(task.value(QStringLiteral("description")).toString(), QStringLiteral("Steps…"));
    const QJsonObject status = task.value(QStringLiteral("status")).toObject();
    QCOMPARE(status.value(QStringLiteral("status")).toString(), QStringLiteral("to do"));
    QCOMPARE(status.value(QStringLiteral("type")).toString(), QStringLiteral("open"));
    QVERIFY(task.value(QStringLiteral("date_updated")).isString());
    QVERIFY(task.value(QStringLiteral("date_created")).isString());
    QVERIFY(task.value(QStringLiteral("date_closed")).isNull());
    QCOMPARE(task.value(QStringLiteral("due_date")).toString(), QStringLiteral("1775030400000"));
    QCOMPARE(task.value(QStringLiteral("priority"))
                 .toObject()
                 .value(QStringLiteral("priority"))
                 .toString(),
             QStringLiteral("high"));
    QCOMPARE(task.value(QStringLiteral("tags"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("client:acme"));
    QCOMPARE(task.value(QStringLiteral("assignees"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("email"))
                 .toString(),
             QStringLiteral("me@example.com"));
    QCOMPARE(
        task.value(QStringLiteral("creator")).toObject().value(QStringLiteral("id")).toInteger(),
        Bob);
    QCOMPARE(task.value(QStringLiteral("list")).toObject().value(QStringLiteral("id")).toString(),
             ListId);
    QCOMPARE(task.value(QStringLiteral("team_id")).toString(), m_sim->teamId());
    QCOMPARE(task.value(QStringLiteral("url")).toString(),
             QStringLiteral("http://127.0.0.1:%1/t/%2").arg(m_sim->port()).arg(id));

    // No priority, no due date: null.
    const QString plain = m_sim->addTask({.name = QStringLiteral("Plain"), .listId = ListId});
    const QJsonObject other =
        object(send(m_manager, "GET", url(QStringLiteral("/task/") + plain), Auth));
    QVERIFY(other.value(QStringLiteral("priority")).isNull());
    QVERIFY(other.value(QStringLiteral("due_date")).isNull());

    const Reply missing = send(m_manager, "GET", url(QStringLiteral("/task/nope")), Auth);
    QCOMPARE(missing.status, 404);
    QCOMPARE(object(missing).value(QStringLiteral("err")).toString(),
             QStringLiteral("Task not found"));
    QCOMPARE(errorCode(missing), QStringLiteral("ITEM_013"));
}

void TestSimClickUp::completeTask()
{
    const QString id = m_sim->addTask({.name = QStringLiteral("Ship it"),
                                       .listId = ListId,
                                       .assignees = {Me},
                                       .dateCreated = 1767225600000,
                                       .dateUpdated = 1767225600000});
    const Reply reply = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                             json({{QStringLiteral("status"), QStringLiteral("complete")}}));
    QCOMPARE(reply.status, 200);
    const QJsonObject task = object(reply);
    QCOMPARE(
        task.value(QStringLiteral("status")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("complete"));
    QCOMPARE(
        task.value(QStringLiteral("status")).toObject().value(QStringLiteral("type")).toString(),
        QStringLiteral("closed"));
    const qint64 updated = msField(task, QStringLiteral("date_updated"));
    QVERIFY(updated > 1767225600000);
    QCOMPARE(msField(task, QStringLiteral("date_closed")), updated);
    QCOMPARE(m_sim->task(id)->status, QStringLiteral("complete"));

    // Renaming in the same millisecond still moves date_updated forward.
    const Reply renamed = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                               json({{QStringLiteral("name"), QStringLiteral("Shipped")},
                                     {QStringLiteral("description"), QStringLiteral("Done.")}}));
    QCOMPARE(renamed.status, 200);
    QCOMPARE(object(renamed).value(QStringLiteral("name")).toString(), QStringLiteral("Shipped"));
    QCOMPARE(object(renamed).value(QStringLiteral("text_content")).toString(),
             QStringLiteral("Done."));
    QVERIFY(msField(object(renamed), QStringLiteral("date_updated")) > updated);

    // Reopening clears the closing time; status names match case-insensitively.
    const Reply reopened = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                                json({{QStringLiteral("status"), QStringLiteral("In Progress")}}));
    QCOMPARE(reopened.status, 200);
    QCOMPARE(object(reopened)
                 .value(QStringLiteral("status"))
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toString(),
             QStringLiteral("custom"));
    QVERIFY(object(reopened).value(QStringLiteral("date_closed")).isNull());
}

void TestSimClickUp::updateErrors()
{
    const QString id = m_sim->addTask({.name = QStringLiteral("Task"), .listId = ListId});
    const qint64 updated = m_sim->task(id)->dateUpdated;

    Reply reply = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                       json({{QStringLiteral("status"), QStringLiteral("nonexistent")},
                             {QStringLiteral("name"), QStringLiteral("Renamed")}}));
    QCOMPARE(reply.status, 400);
    QVERIFY(!object(reply).value(QStringLiteral("err")).toString().isEmpty());
    QVERIFY(!errorCode(reply).isEmpty());
    QCOMPARE(m_sim->task(id)->name, QStringLiteral("Task")); // a refused request changes nothing
    QCOMPARE(m_sim->task(id)->dateUpdated, updated);

    reply = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth, "{\"status\": ");
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorCode(reply), QStringLiteral("JSON_001"));

    reply = send(m_manager, "PUT", url(QStringLiteral("/task/nope")), Auth,
                 json({{QStringLiteral("status"), QStringLiteral("complete")}}));
    QCOMPARE(reply.status, 404);
    QCOMPARE(errorCode(reply), QStringLiteral("ITEM_013"));
}

void TestSimClickUp::comments()
{
    const QString id = m_sim->addTask({.name = QStringLiteral("Discuss"), .listId = ListId});
    const qint64 updated = m_sim->task(id)->dateUpdated;
    const QString path = QStringLiteral("/task/%1/comment").arg(id);

    Reply reply = send(m_manager, "POST", url(path), Auth,
                       json({{QStringLiteral("comment_text"), QStringLiteral("First")},
                             {QStringLiteral("notify_all"), false}}));
    QCOMPARE(reply.status, 200);
    QVERIFY(object(reply).value(QStringLiteral("id")).isDouble());
    QVERIFY(object(reply).value(QStringLiteral("hist_id")).isString());
    QVERIFY(object(reply).value(QStringLiteral("date")).toInteger() > 0);
    QVERIFY(m_sim->task(id)->dateUpdated > updated);
    QVERIFY(!m_sim->addComment(id, QStringLiteral("Second, from Bob"), Bob).isEmpty());

    reply = send(m_manager, "GET", url(path), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonArray comments = object(reply).value(QStringLiteral("comments")).toArray();
    QCOMPARE(comments.size(), 2);
    const QJsonObject newest = comments.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("comment_text")).toString(),
             QStringLiteral("Second, from Bob"));
    QCOMPARE(
        newest.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(),
        Bob);
    QVERIFY(newest.value(QStringLiteral("date")).isString());
    QCOMPARE(comments.at(1).toObject().value(QStringLiteral("comment_text")).toString(),
             QStringLiteral("First"));
    QCOMPARE(comments.at(1)
                 .toObject()
                 .value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
             QStringLiteral("Me Myself"));
    QCOMPARE(m_sim->comments(id).size(), 2);

    reply = send(m_manager, "POST", url(path), Auth, json({{QStringLiteral("notify_all"), true}}));
    QCOMPARE(reply.status, 400);
    reply = send(m_manager, "POST", url(QStringLiteral("/task/nope/comment")), Auth,
                 json({{QStringLiteral("comment_text"), QStringLiteral("x")}}));
    QCOMPARE(reply.status, 404);
    QCOMPARE(errorCode(reply), QStringLiteral("ITEM_013"));
}

void TestSimClickUp::createTask()
{
    const QString path = QStringLiteral("/list/%1/task").arg(ListId);
    Reply reply = send(m_manager, "POST", url(path), Auth,
                       json({{QStringLiteral("name"), QStringLiteral("Call the client")},
                             {QStringLiteral("description"), QStringLiteral("About the invoice")},
                             {QStringLiteral("tags"), QJsonArray{QStringLiteral("client:acme")}},
                             {QStringLiteral("assignees"), QJsonArray{Me}}}));
    QCOMPARE(reply.status, 200);
    const QJsonObject task = object(reply);
    const QString id = task.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(task.value(QStringLiteral("name")).toString(), QStringLiteral("Call the client"));
    QCOMPARE(task.value(QStringLiteral("text_content")).toString(),
             QStringLiteral("About the invoice"));
    QCOMPARE(
        task.value(QStringLiteral("status")).toObject().value(QStringLiteral("type")).toString(),
        QStringLiteral("open"));
    QCOMPARE(task.value(QStringLiteral("tags"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("client:acme"));
    QCOMPARE(task.value(QStringLiteral("assignees"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toInteger(),
             Me);
    QCOMPARE(
        task.value(QStringLiteral("creator")).toObject().value(QStringLiteral("id")).toInteger(),
        Me);
    QVERIFY(m_sim->task(id));
    QCOMPARE(names(send(m_manager, "GET", url(path + QStringLiteral("?assignees[]=101")), Auth)),
             QStringList{QStringLiteral("Call the client")});

    reply = send(m_manager, "POST", url(path), Auth,
                 json({{QStringLiteral("name"), QStringLiteral("Started")},
                       {QStringLiteral("status"), QStringLiteral("in progress")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply)
                 .value(QStringLiteral("status"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("in progress"));

    const int before = m_sim->taskCount();
    reply = send(m_manager, "POST", url(path), Auth, json({{QStringLiteral("name"), QString()}}));
    QCOMPARE(reply.status, 400);
    QCOMPARE(object(reply).value(QStringLiteral("err")).toString(),
             QStringLiteral("Task name invalid"));
    QCOMPARE(errorCode(reply), QStringLiteral("INPUT_005"));
    reply = send(m_manager, "POST", url(path), Auth,
                 json({{QStringLiteral("description"), QStringLiteral("no name")}}));
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorCode(reply), QStringLiteral("INPUT_005"));
    reply = send(m_manager, "POST", url(path), Auth, "not json");
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorCode(reply), QStringLiteral("JSON_001"));
    reply = send(m_manager, "POST", url(QStringLiteral("/list/999/task")), Auth,
                 json({{QStringLiteral("name"), QStringLiteral("x")}}));
    QCOMPARE(reply.status, 404);
    QCOMPARE(m_sim->taskCount(), before);
}

void TestSimClickUp::rateLimit()
{
    m_sim->setRateLimit(3, 60);
    for (int i = 0; i < 3; ++i) {
        const Reply reply = send(m_manager, "GET", url(QStringLiteral("/user")), Auth);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("3"));
        QCOMPARE(reply.header("X-RateLimit-Remaining"), QByteArray::number(2 - i));
    }
    const Reply limited = send(m_manager, "GET", url(QStringLiteral("/user")), Auth);
    QCOMPARE(limited.status, 429);
    QCOMPARE(object(limited).value(QStringLiteral("err")).toString(),
             QStringLiteral("Rate limit reached"));
    QCOMPARE(errorCode(limited), QStringLiteral("APP_002"));
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    QVERIFY(limited.header("X-RateLimit-Reset").toLongLong() >= QDateTime::currentSecsSinceEpoch());
    QCOMPARE(m_sim->rateLimitRemaining(QString::fromLatin1(Token)), 0);
    QCOMPARE(m_sim->requestLog().rateLimitCost(), 3); // the refused request is free

    // Limits are per token.
    QCOMPARE(
        send(m_manager, "GET", url(QStringLiteral("/user")), {{"Authorization", BobToken}}).status,
        200);

    // A short window resets on its own.
    m_sim->setRateLimit(1, 1);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 200);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 429);
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->rateLimitRemaining(QString::fromLatin1(Token)) == 1, 5000);
    QCOMPARE(send(m_manager, "GET", url(QStringLiteral("/user")), Auth).status, 200);
}

void TestSimClickUp::webhookRegistration()
{
    WebhookReceiver receiver;
    const QString path = QStringLiteral("/team/%1/webhook").arg(m_sim->teamId());
    Reply reply = send(m_manager, "POST", url(path), Auth,
                       json({{QStringLiteral("endpoint"), receiver.url().toString()},
                             {QStringLiteral("events"), QJsonArray{QStringLiteral("*")}}}));
    QCOMPARE(reply.status, 200);
    const QString id = object(reply).value(QStringLiteral("id")).toString();
    QVERIFY(!QUuid::fromString(id).isNull());
    const QJsonObject webhook = object(reply).value(QStringLiteral("webhook")).toObject();
    QCOMPARE(webhook.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(webhook.value(QStringLiteral("userid")).toInteger(), Me);
    QCOMPARE(webhook.value(QStringLiteral("endpoint")).toString(), receiver.url().toString());
    QCOMPARE(webhook.value(QStringLiteral("events")).toArray(), QJsonArray{QStringLiteral("*")});
    QVERIFY(webhook.value(QStringLiteral("task_id")).isNull());
    QCOMPARE(webhook.value(QStringLiteral("health"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("active"));
    const QString secret = webhook.value(QStringLiteral("secret")).toString();
    QCOMPARE(secret.size(), 64);
    QVERIFY(QByteArray::fromHex(secret.toLatin1()).size() == 32);

    reply = send(m_manager, "GET", url(path), Auth);
    QCOMPARE(reply.status, 200);
    QJsonArray webhooks = object(reply).value(QStringLiteral("webhooks")).toArray();
    QCOMPARE(webhooks.size(), 1);
    QCOMPARE(webhooks.first().toObject().value(QStringLiteral("secret")).toString(), secret);
    // Only the token's own webhooks are listed.
    reply = send(m_manager, "GET", url(path), {{"Authorization", BobToken}});
    QCOMPARE(object(reply).value(QStringLiteral("webhooks")).toArray().size(), 0);

    reply = send(m_manager, "DELETE", url(QStringLiteral("/webhook/") + id), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply), QJsonObject());
    reply = send(m_manager, "GET", url(path), Auth);
    QCOMPARE(object(reply).value(QStringLiteral("webhooks")).toArray().size(), 0);
    QCOMPARE(send(m_manager, "DELETE", url(QStringLiteral("/webhook/") + id), Auth).status, 404);

    // After the delete, changes send nothing.
    const QString task = m_sim->addTask({.name = QStringLiteral("Quiet"), .listId = ListId});
    QVERIFY(m_sim->setStatus(task, QStringLiteral("complete"), Bob));
    QCOMPARE(m_sim->webhooks().deliveries().size(), 0);
    QCOMPARE(receiver.deliveries().size(), 0);

    reply = send(m_manager, "POST", url(path), Auth,
                 json({{QStringLiteral("endpoint"), QStringLiteral("not a url")},
                       {QStringLiteral("events"), QJsonArray{QStringLiteral("*")}}}));
    QCOMPARE(reply.status, 400);
    reply = send(m_manager, "POST", url(QStringLiteral("/team/1/webhook")), Auth,
                 json({{QStringLiteral("endpoint"), receiver.url().toString()},
                       {QStringLiteral("events"), QJsonArray{QStringLiteral("*")}}}));
    QCOMPARE(reply.status, 401);
}

void TestSimClickUp::webhookUpdateMovesAndKeeps()
{
    WebhookReceiver receiver;
    const QString id = m_sim->addWebhook(QUrl(QStringLiteral("http://127.0.0.1:9/old")),
                                         {QStringLiteral("taskCreated")}, Me);
    const QString secret = m_sim->hooks().first().secret;
    const QUrl path = url(QStringLiteral("/webhook/") + id);

    // Endpoint and events change, the secret does not.
    Reply reply =
        send(m_manager, "PUT", path, Auth,
             json({{QStringLiteral("endpoint"), receiver.url().toString()},
                   {QStringLiteral("events"), QJsonArray{QStringLiteral("taskStatusUpdated")}},
                   {QStringLiteral("status"), QStringLiteral("active")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("id")).toString(), id);
    const QJsonObject webhook = object(reply).value(QStringLiteral("webhook")).toObject();
    QCOMPARE(webhook.value(QStringLiteral("endpoint")).toString(), receiver.url().toString());
    QCOMPARE(webhook.value(QStringLiteral("events")).toArray(),
             QJsonArray{QStringLiteral("taskStatusUpdated")});
    QCOMPARE(webhook.value(QStringLiteral("secret")).toString(), secret);
    QCOMPARE(m_sim->hooks().first().endpoint, receiver.url());

    // What the body leaves out stays.
    reply = send(m_manager, "PUT", path, Auth,
                 json({{QStringLiteral("status"), QStringLiteral("active")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_sim->hooks().first().events, QStringList{QStringLiteral("taskStatusUpdated")});

    // Deliveries go to the new endpoint, for the new events.
    const QString task = m_sim->addTask({.name = QStringLiteral("Moved"), .listId = ListId});
    QVERIFY(m_sim->setStatus(task, QStringLiteral("complete"), Bob));
    QTRY_COMPARE(receiver.deliveries().size(), 2); // creating sends taskStatusUpdated too

    // Someone else's webhook, an unknown one, a bad endpoint.
    QCOMPARE(send(m_manager, "PUT", path, {{"Authorization", BobToken}},
                  json({{QStringLiteral("status"), QStringLiteral("active")}}))
                 .status,
             404);
    QCOMPARE(send(m_manager, "PUT", url(QStringLiteral("/webhook/nope")), Auth,
                  json({{QStringLiteral("status"), QStringLiteral("active")}}))
                 .status,
             404);
    reply = send(m_manager, "PUT", path, Auth,
                 json({{QStringLiteral("endpoint"), QStringLiteral("not a url")}}));
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_sim->hooks().first().endpoint, receiver.url());
}

void TestSimClickUp::webhookDeliveries()
{
    WebhookReceiver receiver;
    const Reply registered =
        send(m_manager, "POST", url(QStringLiteral("/team/%1/webhook").arg(m_sim->teamId())), Auth,
             json({{QStringLiteral("endpoint"), receiver.url().toString()},
                   {QStringLiteral("events"), QJsonArray{QStringLiteral("taskStatusUpdated"),
                                                         QStringLiteral("taskAssigneeUpdated"),
                                                         QStringLiteral("taskCommentPosted")}}}));
    QCOMPARE(registered.status, 200);
    const QString webhookId = object(registered).value(QStringLiteral("id")).toString();
    const QByteArray secret = object(registered)
                                  .value(QStringLiteral("webhook"))
                                  .toObject()
                                  .value(QStringLiteral("secret"))
                                  .toString()
                                  .toLatin1();
    const QString id = m_sim->addTask({.name = QStringLiteral("Watched"),
                                       .listId = ListId,
                                       .assignees = {Me},
                                       .dateCreated = 1767225600000,
                                       .dateUpdated = 1767225600000});
    // The creation's taskStatusUpdated.
    QTRY_COMPARE(receiver.deliveries().size(), 1);

    // Through the API, by me.
    QCOMPARE(send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                  json({{QStringLiteral("status"), QStringLiteral("in progress")}}))
                 .status,
             200);
    QTRY_COMPARE(receiver.deliveries().size(), 2);
    // By a teammate.
    QVERIFY(m_sim->setStatus(id, QStringLiteral("complete"), Bob));
    QVERIFY(m_sim->setAssignees(id, {Bob}, Bob));
    QVERIFY(!m_sim->addComment(id, QStringLiteral("Done, take a look"), Bob).isEmpty());
    QVERIFY(!m_sim->setStatus(id, QStringLiteral("no such status"), Bob));
    QTRY_COMPARE(receiver.deliveries().size(), 5);
    QTRY_COMPARE(m_sim->webhooks().pending(), 0);
    for (const SimWebhookSender::Delivery &delivery : m_sim->webhooks().deliveries())
        QCOMPARE(delivery.status, 200);

    QHash<QString, QList<QJsonObject>> byEvent;
    for (const WebhookReceiver::Delivery &delivery : receiver.deliveries()) {
        const QByteArray expected =
            QMessageAuthenticationCode::hash(delivery.body, secret, QCryptographicHash::Sha256)
                .toHex();
        QCOMPARE(delivery.headers.value("x-signature"), expected);
        QVERIFY(delivery.headers.value("content-type").startsWith("application/json"));
        const QJsonObject payload = QJsonDocument::fromJson(delivery.body).object();
        QCOMPARE(payload.value(QStringLiteral("task_id")).toString(), id);
        QCOMPARE(payload.value(QStringLiteral("webhook_id")).toString(), webhookId);
        QVERIFY(!payload.contains(QStringLiteral("task"))); // no task object, as ClickUp
        byEvent[payload.value(QStringLiteral("event")).toString()].append(payload);
    }
    QCOMPARE(byEvent.value(QStringLiteral("taskStatusUpdated")).size(), 3);
    QCOMPARE(byEvent.value(QStringLiteral("taskAssigneeUpdated")).size(), 1);
    QCOMPARE(byEvent.value(QStringLiteral("taskCommentPosted")).size(), 1);

    // Status changes, keyed by what they changed to.
    QHash<QString, QJsonObject> statusItems;
    for (const QJsonObject &payload : byEvent.value(QStringLiteral("taskStatusUpdated"))) {
        const QJsonObject item =
            payload.value(QStringLiteral("history_items")).toArray().first().toObject();
        QCOMPARE(item.value(QStringLiteral("field")).toString(), QStringLiteral("status"));
        QCOMPARE(item.value(QStringLiteral("parent_id")).toString(), ListId);
        QVERIFY(item.value(QStringLiteral("date")).toString().toLongLong() >= 1767225600000);
        statusItems.insert(item.value(QStringLiteral("after"))
                               .toObject()
                               .value(QStringLiteral("status"))
                               .toString(),
                           item);
    }
    const QJsonObject created = statusItems.value(QStringLiteral("to do"));
    QCOMPARE(
        created.value(QStringLiteral("before")).toObject().value(QStringLiteral("type")).toString(),
        QStringLiteral("removed"));
    const QJsonObject started = statusItems.value(QStringLiteral("in progress"));
    QCOMPARE(
        started.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(),
        Me);
    QCOMPARE(started.value(QStringLiteral("before"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("to do"));
    const QJsonObject completed = statusItems.value(QStringLiteral("complete"));
    QCOMPARE(completed.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
             QStringLiteral("Bob"));
    QCOMPARE(completed.value(QStringLiteral("before"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("in progress"));
    QCOMPARE(completed.value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toString(),
             QStringLiteral("closed"));
    QCOMPARE(completed.value(QStringLiteral("date")).toString().toLongLong(),
             m_sim->task(id)->dateClosed);

    // Assignees: one item per person added or removed.
    QSet<QString> assigneeChanges;
    for (const QJsonValue &value : byEvent.value(QStringLiteral("taskAssigneeUpdated"))
                                       .first()
                                       .value(QStringLiteral("history_items"))
                                       .toArray()) {
        const QJsonObject item = value.toObject();
        const QJsonValue person = item.value(QStringLiteral("after")).isNull()
                                      ? item.value(QStringLiteral("before"))
                                      : item.value(QStringLiteral("after"));
        assigneeChanges.insert(
            item.value(QStringLiteral("field")).toString() + QLatin1Char(':') +
            QString::number(person.toObject().value(QStringLiteral("id")).toInteger()));
    }
    QCOMPARE(assigneeChanges, QSet<QString>({QStringLiteral("assignee_add:102"),
                                             QStringLiteral("assignee_rem:101")}));

    const QJsonObject comment = byEvent.value(QStringLiteral("taskCommentPosted"))
                                    .first()
                                    .value(QStringLiteral("history_items"))
                                    .toArray()
                                    .first()
                                    .toObject();
    QCOMPARE(comment.value(QStringLiteral("field")).toString(), QStringLiteral("comment"));
    QCOMPARE(comment.value(QStringLiteral("comment"))
                 .toObject()
                 .value(QStringLiteral("text_content"))
                 .toString(),
             QStringLiteral("Done, take a look"));
}

void TestSimClickUp::webhookEventsFilterAndCreation()
{
    WebhookReceiver all;
    WebhookReceiver createdOnly;
    const QString everything = m_sim->addWebhook(all.url(), {QStringLiteral("*")}, Me);
    m_sim->addWebhook(createdOnly.url(), {QStringLiteral("taskCreated")}, Me);

    const Reply reply = send(m_manager, "POST", url(QStringLiteral("/list/%1/task").arg(ListId)),
                             Auth, json({{QStringLiteral("name"), QStringLiteral("New")}}));
    QCOMPARE(reply.status, 200);
    const QString id = object(reply).value(QStringLiteral("id")).toString();

    // Creating sends taskCreated and, as ClickUp does, a taskStatusUpdated.
    QTRY_COMPARE(all.deliveries().size(), 2);
    QTRY_COMPARE(createdOnly.deliveries().size(), 1);
    QStringList events;
    for (const WebhookReceiver::Delivery &delivery : all.deliveries())
        events.append(QJsonDocument::fromJson(delivery.body)
                          .object()
                          .value(QStringLiteral("event"))
                          .toString());
    events.sort();
    QCOMPARE(events,
             QStringList({QStringLiteral("taskCreated"), QStringLiteral("taskStatusUpdated")}));

    const QJsonObject created =
        QJsonDocument::fromJson(createdOnly.deliveries().first().body).object();
    QCOMPARE(created.value(QStringLiteral("event")).toString(), QStringLiteral("taskCreated"));
    QCOMPARE(created.value(QStringLiteral("task_id")).toString(), id);
    QStringList fields;
    for (const QJsonValue &item : created.value(QStringLiteral("history_items")).toArray()) {
        fields.append(item.toObject().value(QStringLiteral("field")).toString());
        QCOMPARE(item.toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInteger(),
                 Me);
        QVERIFY(item.toObject().value(QStringLiteral("source")).isNull());
        QVERIFY(item.toObject().value(QStringLiteral("data")).isObject());
    }
    QCOMPARE(fields, QStringList({QStringLiteral("status"), QStringLiteral("task_creation")}));

    // A status change reaches only the webhook that asked for everything; touch sends taskUpdated.
    QVERIFY(m_sim->setStatus(id, QStringLiteral("complete"), Bob));
    QVERIFY(m_sim->touch(id));
    QTRY_COMPARE(all.deliveries().size(), 4);
    QCOMPARE(QJsonDocument::fromJson(all.deliveries().last().body)
                 .object()
                 .value(QStringLiteral("webhook_id"))
                 .toString(),
             everything);
    QCOMPARE(createdOnly.deliveries().size(), 1);
    QCOMPARE(m_sim->webhooks().deliveries().size(), 5);
    QVERIFY(m_sim->removeWebhook(everything));
    QCOMPARE(m_sim->hooks().size(), 1);
}

void TestSimClickUp::dueDatePriorityAndTagEvents()
{
    WebhookReceiver receiver;
    m_sim->addWebhook(receiver.url(), {QStringLiteral("*")}, Me);
    const QString id = m_sim->addTask({.name = QStringLiteral("Dated"),
                                       .listId = ListId,
                                       .tags = {QStringLiteral("Client:Acme")},
                                       .priority = 3});
    QTRY_COMPARE(receiver.deliveries().size(), 2); // taskCreated, taskStatusUpdated
    // Each delivery: the event and its history items.
    const auto delivery = [&receiver](qsizetype index) {
        return QJsonDocument::fromJson(receiver.deliveries().at(index).body).object();
    };
    const auto item = [&](qsizetype index, qsizetype n = 0) {
        return delivery(index).value(QStringLiteral("history_items")).toArray().at(n).toObject();
    };

    // Due date: set through the API, then cleared by a teammate.
    const qint64 due = 1767283200000;
    Reply reply = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                       json({{QStringLiteral("due_date"), due}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(msField(object(reply), QStringLiteral("due_date")), due);
    QVERIFY(m_sim->setDueDate(id, {}, Bob));
    QTRY_COMPARE(receiver.deliveries().size(), 4);
    QCOMPARE(delivery(2).value(QStringLiteral("event")).toString(),
             QStringLiteral("taskDueDateUpdated"));
    QCOMPARE(item(2).value(QStringLiteral("field")).toString(), QStringLiteral("due_date"));
    QVERIFY(item(2).value(QStringLiteral("before")).isNull());
    QCOMPARE(item(2).value(QStringLiteral("after")).toString(), QString::number(due));
    QCOMPARE(
        item(2).value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(),
        Me);
    QCOMPARE(item(3).value(QStringLiteral("before")).toString(), QString::number(due));
    QVERIFY(item(3).value(QStringLiteral("after")).isNull());
    QCOMPARE(
        item(3).value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(),
        Bob);
    QVERIFY(!m_sim->task(id)->dueDate.isValid());

    // Priority: normal → urgent through the API, urgent → none by a teammate.
    reply = send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                 json({{QStringLiteral("priority"), 1}}));
    QCOMPARE(reply.status, 200);
    QVERIFY(m_sim->setPriority(id, 0, Bob));
    QTRY_COMPARE(receiver.deliveries().size(), 6);
    QCOMPARE(delivery(4).value(QStringLiteral("event")).toString(),
             QStringLiteral("taskPriorityUpdated"));
    QCOMPARE(item(4).value(QStringLiteral("field")).toString(), QStringLiteral("priority"));
    QCOMPARE(item(4).value(QStringLiteral("before")).toObject().value(QStringLiteral("priority")),
             QStringLiteral("normal"));
    QCOMPARE(item(4).value(QStringLiteral("after")).toObject(),
             (QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                          {QStringLiteral("priority"), QStringLiteral("urgent")},
                          {QStringLiteral("color"), QStringLiteral("#f50000")},
                          {QStringLiteral("orderindex"), QStringLiteral("1")}}));
    QVERIFY(item(5).value(QStringLiteral("after")).isNull());
    QCOMPARE(send(m_manager, "PUT", url(QStringLiteral("/task/") + id), Auth,
                  json({{QStringLiteral("priority"), 7}}))
                 .status,
             400);

    // Tags: one added through the API (lower-cased), one taken off by a teammate.
    QCOMPARE(
        send(m_manager, "POST", url(QStringLiteral("/task/%1/tag/Urgent").arg(id)), Auth).status,
        200);
    QVERIFY(m_sim->setTags(id, {QStringLiteral("urgent")}, Bob));
    QTRY_COMPARE(receiver.deliveries().size(), 8);
    QCOMPARE(delivery(6).value(QStringLiteral("event")).toString(),
             QStringLiteral("taskTagUpdated"));
    QCOMPARE(item(6).value(QStringLiteral("field")).toString(), QStringLiteral("tag"));
    QVERIFY(item(6).value(QStringLiteral("before")).isNull());
    QCOMPARE(item(6)
                 .value(QStringLiteral("after"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("urgent"));
    QCOMPARE(item(7).value(QStringLiteral("field")).toString(), QStringLiteral("tag_removed"));
    QCOMPARE(item(7)
                 .value(QStringLiteral("before"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("client:acme"));
    QVERIFY(item(7).value(QStringLiteral("after")).isNull());
    QCOMPARE(m_sim->task(id)->tags, QStringList{QStringLiteral("urgent")});
    QCOMPARE(
        send(m_manager, "DELETE", url(QStringLiteral("/task/%1/tag/urgent").arg(id)), Auth).status,
        200);
    QTRY_COMPARE(receiver.deliveries().size(), 9);
    QVERIFY(m_sim->task(id)->tags.isEmpty());

    // Every item as ClickUp's documentation shows it; nothing is sent for a no-op.
    for (qsizetype i = 2; i < receiver.deliveries().size(); ++i) {
        const QJsonObject payload = delivery(i);
        QCOMPARE(payload.keys(),
                 (QStringList{QStringLiteral("event"), QStringLiteral("history_items"),
                              QStringLiteral("task_id"), QStringLiteral("webhook_id")}));
        const QJsonObject history = item(i);
        for (const QString &key :
             {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("date"),
              QStringLiteral("field"), QStringLiteral("parent_id"), QStringLiteral("data"),
              QStringLiteral("source"), QStringLiteral("user"), QStringLiteral("before"),
              QStringLiteral("after")})
            QVERIFY2(history.contains(key), qPrintable(key));
        QCOMPARE(history.value(QStringLiteral("parent_id")).toString(), ListId);
        QCOMPARE(history.value(QStringLiteral("date")).toString().size(), 13);
        QVERIFY(history.value(QStringLiteral("date")).toString().toLongLong() <=
                m_sim->task(id)->dateUpdated);
    }
    QVERIFY(m_sim->setPriority(id, 0, Bob));
    QVERIFY(m_sim->setTags(id, {}, Bob));
    QVERIFY(m_sim->setDueDate(id, {}, Bob));
    QVERIFY(!m_sim->setPriority(QStringLiteral("nope"), 1, Bob));
    QCOMPARE(m_sim->webhooks().deliveries().size(), 9);
}

void TestSimClickUp::webhookUpdate()
{
    WebhookReceiver first;
    WebhookReceiver second;
    const Reply created =
        send(m_manager, "POST", url(QStringLiteral("/team/%1/webhook").arg(m_sim->teamId())), Auth,
             json({{QStringLiteral("endpoint"), first.url().toString()},
                   {QStringLiteral("events"), QJsonArray{QStringLiteral("taskStatusUpdated")}}}));
    QCOMPARE(created.status, 200);
    const QString id = object(created).value(QStringLiteral("id")).toString();
    const QString path = QStringLiteral("/webhook/") + id;

    // A new endpoint and events; the secret stays.
    Reply reply =
        send(m_manager, "PUT", url(path), Auth,
             json({{QStringLiteral("endpoint"), second.url().toString()},
                   {QStringLiteral("events"), QJsonArray{QStringLiteral("taskCommentPosted"),
                                                         QStringLiteral("taskPriorityUpdated")}},
                   {QStringLiteral("status"), QStringLiteral("active")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("id")).toString(), id);
    const QJsonObject webhook = object(reply).value(QStringLiteral("webhook")).toObject();
    QCOMPARE(webhook.value(QStringLiteral("endpoint")).toString(), second.url().toString());
    QCOMPARE(webhook.value(QStringLiteral("events")).toArray().size(), 2);
    QCOMPARE(webhook.value(QStringLiteral("secret")).toString(),
             object(created)
                 .value(QStringLiteral("webhook"))
                 .toObject()
                 .value(QStringLiteral("secret")));
    const QString task = m_sim->addTask({.name = QStringLiteral("Hooked"), .listId = ListId});
    QVERIFY(m_sim->setStatus(task, QStringLiteral("complete"), Bob)); // not subscribed any more
    QVERIFY(!m_sim->addComment(task, QStringLiteral("Hi"), Bob).isEmpty());
    QTRY_COMPARE(second.deliveries().size(), 1);
    QCOMPARE(QJsonDocument::fromJson(second.deliveries().first().body)
                 .object()
                 .value(QStringLiteral("event"))
                 .toString(),
             QStringLiteral("taskCommentPosted"));

    // Inactive: nothing is delivered, and the listing says so.
    reply = send(m_manager, "PUT", url(path), Auth,
                 json({{QStringLiteral("status"), QStringLiteral("inactive")}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply)
                 .value(QStringLiteral("webhook"))
                 .toObject()
                 .value(QStringLiteral("health"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("inactive"));
    QVERIFY(!m_sim->addComment(task, QStringLiteral("Again"), Bob).isEmpty());
    QCOMPARE(m_sim->webhooks().deliveries().size(), 1);

    // Errors: a bad endpoint or status, someone else's webhook, an unknown one.
    QCOMPARE(send(m_manager, "PUT", url(path), Auth,
                  json({{QStringLiteral("endpoint"), QStringLiteral("nowhere")}}))
                 .status,
             400);
    QCOMPARE(send(m_manager, "PUT", url(path), Auth,
                  json({{QStringLiteral("status"), QStringLiteral("paused")}}))
                 .status,
             400);
    QCOMPARE(send(m_manager, "PUT", url(path), {{"Authorization", BobToken}},
                  json({{QStringLiteral("status"), QStringLiteral("active")}}))
                 .status,
             404);
    QCOMPARE(send(m_manager, "PUT", url(QStringLiteral("/webhook/nope")), Auth, json({})).status,
             404);
    QCOMPARE(m_sim->hooks().first().endpoint, second.url());
}

void TestSimClickUp::hierarchy()
{
    Reply reply = send(m_manager, "GET", url(QStringLiteral("/team")), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonObject team = object(reply).value(QStringLiteral("teams"))[0].toObject();
    QCOMPARE(team.value(QStringLiteral("id")).toString(), m_sim->teamId());

    reply =
        send(m_manager, "GET",
             url(QStringLiteral("/team/%1/space").arg(team.value(QStringLiteral("id")).toString())),
             Auth);
    QCOMPARE(reply.status, 200);
    const QString space =
        object(reply).value(QStringLiteral("spaces"))[0][QStringLiteral("id")].toString();
    QVERIFY(!space.isEmpty());
    reply = send(m_manager, "GET", url(QStringLiteral("/space/%1/folder").arg(space)), Auth);
    QCOMPARE(reply.status, 200);
    QVERIFY(object(reply).value(QStringLiteral("folders")).isArray());

    reply = send(m_manager, "GET", url(QStringLiteral("/space/%1/list").arg(space)), Auth);
    QCOMPARE(reply.status, 200);
    const QJsonArray lists = object(reply).value(QStringLiteral("lists")).toArray();
    QVERIFY(!lists.isEmpty());
    const QString folder = lists.at(0)[QStringLiteral("folder")][QStringLiteral("id")].toString();
    reply = send(m_manager, "GET", url(QStringLiteral("/folder/%1/list").arg(folder)), Auth);
    QCOMPARE(reply.status, 200);
    QCOMPARE(object(reply).value(QStringLiteral("lists")).toArray(), lists);

    reply = send(m_manager, "GET", url(QStringLiteral("/folder/1/list")), Auth);
    QCOMPARE(reply.status, 401);
    QCOMPARE(errorCode(reply), QStringLiteral("OAUTH_061"));
}

void TestSimClickUp::signatureTestVector()
{
    QCOMPARE(SimWebhookSender::signature("secret",
                                         R"({"webhook_id":"7689a169-a000-4985-8676-6902b96d6627",)"
                                         R"("event":"taskCreated","task_id":"c0j"})"),
             QByteArray("4830bf524f6e29a3e8da953936c6f21c1fea2b9669b825d3e1be293ef3416c8c"));
}

void TestSimClickUp::commentsArePaged()
{
    const QString id = m_sim->addTask({.name = QStringLiteral("Busy"), .listId = ListId});
    for (int i = 0; i < 30; ++i)
        m_sim->addComment(id, QStringLiteral("c%1").arg(i), Bob);
    const QString path = QStringLiteral("/task/%1/comment").arg(id);
    Reply reply = send(m_manager, "GET", url(path), Auth);
    QJsonArray comments = object(reply).value(QStringLiteral("comments")).toArray();
    QCOMPARE(comments.size(), SimClickUp::CommentPageSize); // the newest 25
    QCOMPARE(comments.first().toObject().value(QStringLiteral("comment_text")).toString(),
             QStringLiteral("c29"));
    const QJsonObject oldest = comments.last().toObject();
    QCOMPARE(oldest.value(QStringLiteral("comment_text")).toString(), QStringLiteral("c5"));

    // start and start_id of the oldest shown: the older ones.
    reply = send(m_manager, "GET",
                 url(path + QStringLiteral("?start=%1&start_id=%2")
                                .arg(oldest.value(QStringLiteral("date")).toString(),
                                     oldest.value(QStringLiteral("id")).toString())),
                 Auth);
    comments = object(reply).value(QStringLiteral("comments")).toArray();
    QCOMPARE(comments.size(), 5);
    QCOMPARE(comments.first().toObject().value(QStringLiteral("comment_text")).toString(),
             QStringLiteral("c4"));
    QCOMPARE(comments.last().toObject().value(QStringLiteral("comment_text")).toString(),
             QStringLiteral("c0"));
}

QTEST_GUILESS_MAIN(TestSimClickUp)
#include "tst_simclickup.moc"
