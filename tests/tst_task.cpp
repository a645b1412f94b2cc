#include "core/Task.h"

#include <QTest>

using namespace UpNext;

class TestTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeId();
    void parseId_data();
    void parseId();
    void statusNames();
    void sourceNames();
    void localIds();
};

void TestTask::sourceNames()
{
    QCOMPARE(Task::sourceName(Sources::GitHub), QStringLiteral("GitHub"));
    QCOMPARE(Task::sourceName(Sources::ClickUp), QStringLiteral("ClickUp"));
}

void TestTask::makeId()
{
    QCOMPARE(Task::makeId(Sources::ClickUp, QStringLiteral("86abc")),
             QStringLiteral("clickup:86abc"));
    QCOMPARE(Task::makeId(Sources::GitHub, QStringLiteral("owner/repo#42")),
             QStringLiteral("github:owner/repo#42"));
}

void TestTask::parseId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("sourceId");

    QTest::newRow("clickup") << "clickup:86abc" << true << "clickup"
                             << "86abc";
    QTest::newRow("clickup custom id") << "clickup:DEV-12" << true << "clickup"
                                       << "DEV-12";
    QTest::newRow("github") << "github:owner/repo#42" << true << "github"
                            << "owner/repo#42";
    QTest::newRow("github dotted repo") << "github:my-org/my.repo_x#7" << true << "github"
                                        << "my-org/my.repo_x#7";
    QTest::newRow("empty") << "" << false << ""
                           << "";
    QTest::newRow("no source") << ":abc" << false << ""
                               << "";
    QTest::newRow("no colon") << "clickup86abc" << false << ""
                              << "";
    QTest::newRow("unknown source") << "jira:ABC-1" << false << ""
                                    << "";
    QTest::newRow("clickup empty id") << "clickup:" << false << ""
                                      << "";
    QTest::newRow("clickup with space") << "clickup:86 abc" << false << ""
                                        << "";
    QTest::newRow("clickup with slash") << "clickup:../etc" << false << ""
                                        << "";
    QTest::newRow("github no repo") << "github:owner#42" << false << ""
                                    << "";
    QTest::newRow("github no number") << "github:owner/repo" << false << ""
                                      << "";
    QTest::newRow("github zero") << "github:owner/repo#0" << false << ""
                                 << "";
    QTest::newRow("github not a number") << "github:owner/repo#4x" << false << ""
                                         << "";
    QTest::newRow("github extra path") << "github:owner/repo/x#4" << false << ""
                                       << "";
    QTest::newRow("clickup local") << "clickup:local-12" << true << "clickup"
                                   << "local-12";
    QTest::newRow("github local") << "github:o/r#local-12" << true << "github"
                                  << "o/r#local-12";
    QTest::newRow("github local without number") << "github:o/r#local-" << false << ""
                                                 << "";
    QTest::newRow("uppercase source") << "GitHub:owner/repo#4" << false << ""
                                      << "";
    QTest::newRow("github owner starts with dash") << "github:-o/r#4" << false << ""
                                                   << "";
    QTest::newRow("github eleven digits") << "github:o/r#12345678901" << false << ""
                                          << "";
    QTest::newRow("github repo ..") << "github:o/..#4" << false << ""
                                    << "";
    QTest::newRow("github repo .") << "github:o/.#4" << false << ""
                                   << "";
    QTest::newRow("github repo ..x") << "github:o/..x#4" << true << "github"
                                     << "o/..x#4";
    QTest::newRow("github empty repo") << "github:o/#4" << false << ""
                                       << "";
    QTest::newRow("clickup 65 characters")
        << QStringLiteral("clickup:") + QString(65, u'a') << false << ""
        << "";
    QTest::newRow("clickup non-ASCII") << "clickup:86ä" << false << ""
                                       << "";
    QTest::newRow("trailing newline") << "clickup:86abc\n"
                                      << false << ""
                                      << "";
}

void TestTask::parseId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QFETCH(QString, source);
    QFETCH(QString, sourceId);

    QString parsedSource = QStringLiteral("untouched");
    QString parsedId = QStringLiteral("untouched");
    QCOMPARE(Task::parseId(id, &parsedSource, &parsedId), valid);
    if (valid) {
        QCOMPARE(parsedSource, source);
        QCOMPARE(parsedId, sourceId);
        QCOMPARE(Task::makeId(parsedSource, parsedId), id);
        QVERIFY(Task::isValidId(id, source, sourceId));
        QVERIFY(!Task::isValidId(id, source, sourceId + QLatin1Char('1')));
        QVERIFY(!Task::isValidId(id + QLatin1Char('1'), source, sourceId));
        const QString other = source == Sources::GitHub ? Sources::ClickUp : Sources::GitHub;
        QVERIFY(!Task::isValidId(id, other, sourceId));
    } else {
        QCOMPARE(parsedSource, QStringLiteral("untouched"));
        QCOMPARE(parsedId, QStringLiteral("untouched"));
    }
}

void TestTask::statusNames()
{
    for (TaskStatus status : {TaskStatus::Todo, TaskStatus::InProgress, TaskStatus::Done})
        QCOMPARE(Task::statusFromName(Task::statusName(status)), std::optional<TaskStatus>(status));
    QCOMPARE(Task::statusName(TaskStatus::InProgress), QStringLiteral("in_progress"));
    QCOMPARE(Task::statusFromName(QStringLiteral("closed")), std::nullopt);
    QCOMPARE(Task::statusFromName(QString()), std::nullopt);
}

void TestTask::localIds()
{
    QVERIFY(Task::isLocalId(QStringLiteral("clickup:local-3")));
    QVERIFY(Task::isLocalId(QStringLiteral("github:o/r#local-3")));
    QVERIFY(!Task::isLocalId(QStringLiteral("clickup:86abc")));
    QVERIFY(!Task::isLocalId(QStringLiteral("github:local-org/r#3")));
}

QTEST_GUILESS_MAIN(TestTask)
#include "tst_task.moc"
