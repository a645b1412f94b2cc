#include "SimClient.h"

#include "server/JsonPicker.h"
#include "sim/SimGitHub.h"
#include "sources/GitHubIssue.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>
#include <QtConcurrent>

using namespace UpNext;
using namespace UpNext::Sim;
using namespace UpNext::TestSim;

class TestJsonPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesOnlyTheShapesKeys();
    void valuesKeepTheirTypes();
    void refusesWhatIsNotAJsonObject_data();
    void refusesWhatIsNotAJsonObject();
    void gitHubIssueReadsOnlyItsKeys();
    void picksOnManyThreads();
};

void TestJsonPicker::takesOnlyTheShapesKeys()
{
    const JsonPicker picker({{QStringLiteral("a"), true},
                             {QStringLiteral("o"), QJsonObject{{QStringLiteral("x"), true}}},
                             {QStringLiteral("list"), QJsonObject{{QStringLiteral("name"), true}}},
                             {QStringLiteral("present"), QJsonObject()}});
    QString error;
    const std::optional<QJsonObject> picked = picker.pick(
        R"({"a":{"deep":[1,{"b":2}]},"skipped":{"big":[1,2,3]},"o":{"x":"1","y":"2"},
            "list":[{"name":"n1","id":1},"plain",{"id":3}],"present":{"inside":true}})",
        &error);
    QVERIFY2(picked, qPrintable(error));
    const QJsonObject expected = QJsonDocument::fromJson(R"({"a":{"deep":[1,{"b":2}]},
        "o":{"x":"1"},"list":[{"name":"n1"},"plain",{}],"present":{}})")
                                     .object();
    QCOMPARE(*picked, expected);
}

void TestJsonPicker::valuesKeepTheirTypes()
{
    const QByteArray json = R"({"int":42,"big":9007199254740993,"huge":18446744073709551615,
        "neg":-7,"real":1.5,"yes":true,"no":false,"nothing":null,"text":"Grüße \"q\" \u00e9 😀"})";
    QJsonObject shape;
    for (const QString &key : QJsonDocument::fromJson(json).object().keys())
        shape.insert(key, true);
    QString error;
    const std::optional<QJsonObject> picked = JsonPicker(shape).pick(json, &error);
    QVERIFY2(picked, qPrintable(error));
    // As QJsonDocument reads them, so GitHubIssue sees the same either way.
    QCOMPARE(*picked, QJsonDocument::fromJson(json).object());
    QCOMPARE(picked->value(QStringLiteral("int")).toInteger(), 42);
    QCOMPARE(picked->value(QStringLiteral("big")).toInteger(), 9007199254740993);
    QCOMPARE(picked->value(QStringLiteral("text")).toString(),
             QString::fromUtf8("Grüße \"q\" é 😀"));
}

void TestJsonPicker::refusesWhatIsNotAJsonObject_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("cut short") << QByteArray(R"({"a":)");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("string") << QByteArray(R"("a")");
    QTest::newRow("trailing garbage") << QByteArray(R"({"a":1} x)");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\xfe\"}");
    QTest::newRow("bad escape") << QByteArray(R"({"a":"\q"})");
    QTest::newRow("nested 100k deep")
        << "{\"a\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    // Not picked, still checked: a document is valid as a whole or refused.
    QTest::newRow("bad where not picked") << QByteArray(R"({"skip":[1,,2],"a":1})");
}

void TestJsonPicker::refusesWhatIsNotAJsonObject()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!JsonPicker({{QStringLiteral("a"), true}}).pick(json, &error));
    QVERIFY(!error.isEmpty());
}

// The webhook receiver hands GitHubIssue only the keys it names: an issue as GitHub sends it,
// with everything toTask reads set, gives the same task picked as whole.
void TestJsonPicker::gitHubIssueReadsOnlyItsKeys()
{
    SimGitHub sim;
    QVERIFY(sim.listen());
    sim.addUser(QStringLiteral("me"), QStringLiteral("ghp_picker"));
    sim.addRepo(QStringLiteral("acme/web"));
    const QDateTime updated =
        QDateTime::fromString(QStringLiteral("2026-11-02T09:30:00Z"), Qt::ISODate);
    sim.addIssue({.repo = QStringLiteral("acme/web"),
                  .number = 7,
                  .title = QStringLiteral("Fix the login page"),
                  .body = QStringLiteral("It fails on Safari."),
                  .author = QStringLiteral("bob"),
                  .assignees = {QStringLiteral("bob"), QStringLiteral("me")},
                  .labels = {QStringLiteral("blocker"), QStringLiteral("in progress")},
                  .milestoneDueOn = updated.addDays(3),
                  .pullRequest = true,
                  .createdAt = updated.addDays(-1),
                  .updatedAt = updated});
    QNetworkAccessManager manager;
    const Reply reply = send(
        manager, "GET", QUrl(sim.baseUrl().toString() + QStringLiteral("/repos/acme/web/issues/7")),
        {{"Authorization", "Bearer ghp_picker"}});
    QCOMPARE(reply.status, 200);

    QString error;
    const std::optional<QJsonObject> picked =
        JsonPicker(GitHubIssue::keysRead()).pick(reply.body, &error);
    QVERIFY2(picked, qPrintable(error));
    GitHubReaderOptions options;
    options.includePullRequests = true;
    const GitHubIssue parser(options, QStringLiteral("me"), nullptr);
    QStringList warnings;
    const std::optional<Task> whole =
        parser.toTask(object(reply), QStringLiteral("acme/web"), &warnings);
    QVERIFY(whole);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QCOMPARE(whole->status, TaskStatus::InProgress);
    QVERIFY(whole->isBlocking && whole->assignedToMe && whole->dueDate.isValid());
    QCOMPARE(parser.toTask(*picked, QStringLiteral("acme/web"), &warnings), whole);
    options.includePullRequests = false;
    QVERIFY(!parser.toTask(*picked, QStringLiteral("acme/web"), &warnings));
}

void TestJsonPicker::picksOnManyThreads()
{
    const JsonPicker picker({{QStringLiteral("n"), true}});
    QList<int> numbers(2000);
    std::iota(numbers.begin(), numbers.end(), 0);
    const QList<qint64> picked = QtConcurrent::blockingMapped(numbers, [&picker](int n) {
        QString error;
        const QByteArray json =
            R"({"pad":")" + QByteArray(n % 97, 'x') + R"(","n":)" + QByteArray::number(n) + "}";
        return picker.pick(json, &error).value_or(QJsonObject()).value(u"n").toInteger(-1);
    });
    for (int n : numbers)
        QCOMPARE(picked.at(n), n);
}

QTEST_GUILESS_MAIN(TestJsonPicker)
#include "tst_jsonpicker.moc"
