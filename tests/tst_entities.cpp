#include "core/Entities.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace UpNext;

namespace {

const QByteArray ValidJson = R"([
  {
    "id": "acme",
    "name": "Acme Corp",
    "revenue": true,
    "weight": 2.5,
    "aliases": ["acme-co", "ACMECO"]
  },
  {"id": "beta"},
  {"id": "  gamma  ", "name": "Gamma", "revenue": false, "weight": 0, "aliases": []}
]
)";

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

QStringList idsOf(const QList<Entity> &entities)
{
    QStringList ids;
    for (const Entity &entity : entities)
        ids.append(entity.id);
    return ids;
}

// The warning Entities::load() logs when it rejects a file.
void expectRejectedWarning()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(" - keeping the previous entities$")));
}

} // namespace

class TestEntities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void loadValid();
    void loadingSameContentDoesNotEmit();
    void missingFile();
    void missingFileClearsPreviousEntities();
    void malformedJson_data();
    void malformedJson();
    void schemaErrors_data();
    void schemaErrors();
    void reloadPicksUpEdits();
    void find_data();
    void find();
    void fromClickUpTags_data();
    void fromClickUpTags();
    void fromGitHubTitle_data();
    void fromGitHubTitle();
    void withoutClientPrefix_data();
    void withoutClientPrefix();

private:
    // Loads ValidJson into entities; fails the test when that does not work.
    bool loadValidInto(Entities &entities);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestEntities::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("entities.json"));
}

bool TestEntities::loadValidInto(Entities &entities)
{
    return writeFile(m_path, ValidJson) && entities.load(m_path) && entities.all().size() == 3;
}

void TestEntities::loadValid()
{
    QVERIFY(writeFile(m_path, ValidJson));
    Entities entities;
    QSignalSpy changed(&entities, &Entities::changed);

    QVERIFY(entities.load(m_path));
    QCOMPARE(changed.count(), 1);
    QVERIFY(entities.lastError().isEmpty());
    QCOMPARE(entities.path(), m_path);

    const QList<Entity> all = entities.all();
    QCOMPARE(all.size(), 3);

    const Entity &acme = all.at(0);
    QCOMPARE(acme.id, QStringLiteral("acme"));
    QCOMPARE(acme.name, QStringLiteral("Acme Corp"));
    QCOMPARE(acme.revenue, true);
    QCOMPARE(acme.weight, 2.5);
    QCOMPARE(acme.aliases, (QStringList{QStringLiteral("acme-co"), QStringLiteral("ACMECO")}));

    // Absent fields get their defaults; the name defaults to the id.
    const Entity &beta = all.at(1);
    QCOMPARE(beta.id, QStringLiteral("beta"));
    QCOMPARE(beta.name, QStringLiteral("beta"));
    QCOMPARE(beta.revenue, false);
    QCOMPARE(beta.weight, 1.0);
    QVERIFY(beta.aliases.isEmpty());

    // The id is trimmed; explicit zero weight and empty aliases are kept.
    const Entity &gamma = all.at(2);
    QCOMPARE(gamma.id, QStringLiteral("gamma"));
    QCOMPARE(gamma.name, QStringLiteral("Gamma"));
    QCOMPARE(gamma.revenue, false);
    QCOMPARE(gamma.weight, 0.0);
    QVERIFY(gamma.aliases.isEmpty());
}

void TestEntities::loadingSameContentDoesNotEmit()
{
    Entities entities;
    QVERIFY(loadValidInto(entities));
    QSignalSpy changed(&entities, &Entities::changed);

    QVERIFY(entities.load(m_path));
    QVERIFY(entities.reload());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(entities.all().size(), 3);
}

void TestEntities::missingFile()
{
    Entities entities;
    QSignalSpy changed(&entities, &Entities::changed);
    const QString missing = m_dir->filePath(QStringLiteral("does-not-exist.json"));

    QVERIFY(entities.load(missing));
    QVERIFY(entities.all().isEmpty());
    QVERIFY(entities.lastError().isEmpty());
    QCOMPARE(entities.path(), missing);
    QCOMPARE(changed.count(), 0);
}

void TestEntities::missingFileClearsPreviousEntities()
{
    Entities entities;
    QVERIFY(loadValidInto(entities));
    QSignalSpy changed(&entities, &Entities::changed);

    QVERIFY(QFile::remove(m_path));
    QVERIFY(entities.reload());
    QVERIFY(entities.all().isEmpty());
    QCOMPARE(changed.count(), 1);
}

void TestEntities::malformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // Errors on line 3; Qt reports the offset of the illegal value.
    QTest::newRow("unquoted value")
        << QByteArray("[\n  {\"id\": \"acme\"},\n  {\"id\": beta}\n]\n") << 3 << 10;
    // Columns count characters, not UTF-8 bytes: "é" is two bytes but one column.
    QTest::newRow("after multi-byte characters")
        << QByteArray("[\n  {\"id\": \"acme\"},\n  {\"name\": \"Caf\xc3\xa9\", \"id\": beta}\n]\n")
        << 3 << 26;
    QTest::newRow("unquoted value, CRLF line ends")
        << QByteArray("[\r\n  {\"id\": \"acme\"},\r\n  {\"id\": beta}\r\n]\r\n") << 3 << 10;
}

void TestEntities::malformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);

    Entities entities;
    QVERIFY(loadValidInto(entities));
    const QList<Entity> before = entities.all();
    QSignalSpy changed(&entities, &Entities::changed);

    QVERIFY(writeFile(m_path, json));
    expectRejectedWarning();
    QVERIFY(!entities.load(m_path));

    const QString prefix = QStringLiteral("%1:%2:%3: ").arg(m_path).arg(line).arg(column);
    QVERIFY2(entities.lastError().startsWith(prefix),
             qPrintable(entities.lastError() + QStringLiteral(" does not start with ") + prefix));
    QVERIFY2(entities.lastError().size() > prefix.size(), "the parser's message is missing");
    QCOMPARE(entities.all(), before);
    QCOMPARE(changed.count(), 0);
}

void TestEntities::schemaErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // what lastError() says after "<path>: "

    QTest::newRow("object, not an array")
        << QByteArray(R"({"id": "acme"})") << QStringLiteral("expected an array of entities");
    QTest::newRow("empty object, not an array")
        << QByteArray("{}") << QStringLiteral("expected an array of entities");
    QTest::newRow("entity not an object") << QByteArray(R"([{"id": "acme"}, "beta"])")
                                          << QStringLiteral("entity 2: must be an object");
    QTest::newRow("missing id") << QByteArray(R"([{"id": "acme"}, {"name": "Beta"}])")
                                << QStringLiteral("entity 2: \"id\" must be a non-empty string");
    QTest::newRow("blank id") << QByteArray(R"([{"id": "   "}])")
                              << QStringLiteral("entity 1: \"id\" must be a non-empty string");
    QTest::newRow("id not a string")
        << QByteArray(R"([{"id": 7}])")
        << QStringLiteral("entity 1: \"id\" must be a non-empty string");
    QTest::newRow("name not a string") << QByteArray(R"([{"id": "acme", "name": 5}])")
                                       << QStringLiteral("entity 1: \"name\" must be a string");
    QTest::newRow("revenue not a bool")
        << QByteArray(R"([{"id": "acme", "revenue": "yes"}])")
        << QStringLiteral("entity 1: \"revenue\" must be true or false");
    QTest::newRow("weight is a string")
        << QByteArray(R"([{"id": "acme"}, {"id": "beta"}, {"id": "c", "weight": "high"}])")
        << QStringLiteral("entity 3: \"weight\" must be a number from 0 to 100");
    QTest::newRow("weight negative")
        << QByteArray(R"([{"id": "acme", "weight": -1}])")
        << QStringLiteral("entity 1: \"weight\" must be a number from 0 to 100");
    QTest::newRow("weight above 100")
        << QByteArray(R"([{"id": "acme", "weight": 100.5}])")
        << QStringLiteral("entity 1: \"weight\" must be a number from 0 to 100");
    QTest::newRow("aliases not an array")
        << QByteArray(R"([{"id": "acme", "aliases": "acme-co"}])")
        << QStringLiteral("entity 1: \"aliases\" must be an array of strings");
    QTest::newRow("alias a number")
        << QByteArray(R"([{"id": "acme"}, {"id": "beta", "aliases": ["b", 2]}])")
        << QStringLiteral("entity 2: \"aliases\" must be an array of strings");
    QTest::newRow("alias blank") << QByteArray(R"([{"id": "acme", "aliases": [" "]}])")
                                 << QStringLiteral(
                                        "entity 1: \"aliases\" must be an array of strings");
    QTest::newRow("duplicate id, other case") << QByteArray(R"([{"id": "acme"}, {"id": "ACME"}])")
                                              << QStringLiteral("entity 2: \"ACME\" is used twice");
    QTest::newRow("duplicate alias")
        << QByteArray(R"([{"id": "acme", "aliases": ["x"]}, {"id": "beta", "aliases": ["X"]}])")
        << QStringLiteral("entity 2: \"X\" is used twice");
    QTest::newRow("alias equal to another id")
        << QByteArray(R"([{"id": "acme"}, {"id": "beta", "aliases": ["Acme"]}])")
        << QStringLiteral("entity 2: \"Acme\" is used twice");
    QTest::newRow("alias equal to own id") << QByteArray(R"([{"id": "acme", "aliases": ["acme"]}])")
                                           << QStringLiteral("entity 1: \"acme\" is used twice");
}

void TestEntities::schemaErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    Entities entities;
    QVERIFY(loadValidInto(entities));
    const QList<Entity> before = entities.all();
    QSignalSpy changed(&entities, &Entities::changed);

    QVERIFY(writeFile(m_path, json));
    expectRejectedWarning();
    QVERIFY(!entities.load(m_path));

    QCOMPARE(entities.lastError(), m_path + QStringLiteral(": ") + expected);
    QCOMPARE(entities.all(), before);
    QCOMPARE(changed.count(), 0);

    // A later good file clears the error.
    QVERIFY(writeFile(m_path, R"([{"id": "solo"}])"));
    QVERIFY(entities.reload());
    QVERIFY(entities.lastError().isEmpty());
    QCOMPARE(idsOf(entities.all()), QStringList{QStringLiteral("solo")});
    QCOMPARE(changed.count(), 1);
}

void TestEntities::reloadPicksUpEdits()
{
    Entities entities;
    QVERIFY(loadValidInto(entities));
    QSignalSpy changed(&entities, &Entities::changed);

    QVERIFY(writeFile(m_path, R"([
  {"id": "acme", "name": "Acme Corp", "revenue": false, "weight": 4},
  {"id": "delta", "aliases": ["d"]}
])"));
    QVERIFY(entities.reload());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(entities.path(), m_path);
    QCOMPARE(idsOf(entities.all()), (QStringList{QStringLiteral("acme"), QStringLiteral("delta")}));
    QCOMPARE(entities.all().at(0).revenue, false);
    QCOMPARE(entities.all().at(0).weight, 4.0);
    QVERIFY(!entities.find(QStringLiteral("beta")));
    QCOMPARE(entities.find(QStringLiteral("D"))->id, QStringLiteral("delta"));
}

void TestEntities::find_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expectedId"); // empty: not found

    QTest::newRow("id") << QStringLiteral("acme") << QStringLiteral("acme");
    QTest::newRow("id, upper case") << QStringLiteral("ACME") << QStringLiteral("acme");
    QTest::newRow("id, surrounding spaces") << QStringLiteral("  Acme ") << QStringLiteral("acme");
    QTest::newRow("alias") << QStringLiteral("acme-co") << QStringLiteral("acme");
    QTest::newRow("alias, mixed case") << QStringLiteral("AcMe-Co") << QStringLiteral("acme");
    QTest::newRow("alias stored upper case") << QStringLiteral("acmeco") << QStringLiteral("acme");
    QTest::newRow("entity without aliases") << QStringLiteral("BETA") << QStringLiteral("beta");
    QTest::newRow("trimmed id") << QStringLiteral("gamma") << QStringLiteral("gamma");
    QTest::newRow("name is not an alias") << QStringLiteral("Acme Corp") << QString();
    QTest::newRow("prefix of an id") << QStringLiteral("acm") << QString();
    QTest::newRow("unknown") << QStringLiteral("zeta") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestEntities::find()
{
    QFETCH(QString, query);
    QFETCH(QString, expectedId);

    Entities entities;
    QVERIFY(loadValidInto(entities));
    const std::optional<Entity> found = entities.find(query);
    if (expectedId.isEmpty()) {
        QVERIFY2(!found, qPrintable(found ? found->id : QString()));
    } else {
        QVERIFY(found);
        QCOMPARE(found->id, expectedId);
        QCOMPARE(*found, entities.all().at(idsOf(entities.all()).indexOf(expectedId)));
    }
}

void TestEntities::fromClickUpTags_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("expected");

    QTest::newRow("client:acme") << QStringList{QStringLiteral("client:acme")}
                                 << QStringLiteral("acme");
    QTest::newRow("Client:ACME") << QStringList{QStringLiteral("Client:ACME")}
                                 << QStringLiteral("acme");
    QTest::newRow("spaces around")
        << QStringList{QStringLiteral(" client : acme ")} << QStringLiteral("acme");
    QTest::newRow("alias tag") << QStringList{QStringLiteral("client:acme-co")}
                               << QStringLiteral("acme");
    QTest::newRow("alias tag, upper case")
        << QStringList{QStringLiteral("CLIENT:ACMECO")} << QStringLiteral("acme");
    QTest::newRow("unknown client lower-cased")
        << QStringList{QStringLiteral("client:NewCo")} << QStringLiteral("newco");
    QTest::newRow("among other tags")
        << QStringList{QStringLiteral("urgent"), QStringLiteral("client:beta"),
                       QStringLiteral("bug")}
        << QStringLiteral("beta");
    QTest::newRow("first client tag wins")
        << QStringList{QStringLiteral("client:beta"), QStringLiteral("client:acme")}
        << QStringLiteral("beta");
    QTest::newRow("non-client tags ignored")
        << QStringList{QStringLiteral("urgent"), QStringLiteral("acme"),
                       QStringLiteral("clientele:acme"), QStringLiteral("x-client:acme")}
        << QString();
    QTest::newRow("client: without id")
        << QStringList{QStringLiteral("client:"), QStringLiteral("client:   ")} << QString();
    QTest::newRow("empty list") << QStringList() << QString();
}

void TestEntities::fromClickUpTags()
{
    QFETCH(QStringList, tags);
    QFETCH(QString, expected);

    Entities entities;
    QVERIFY(loadValidInto(entities));
    QCOMPARE(entities.fromClickUpTags(tags), expected);
}

void TestEntities::fromGitHubTitle_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");

    QTest::newRow("[CLIENT:acme] Fix")
        << QStringLiteral("[CLIENT:acme] Fix") << QStringLiteral("acme");
    QTest::newRow("[client:Acme] x") << QStringLiteral("[client:Acme] x") << QStringLiteral("acme");
    QTest::newRow("alias") << QStringLiteral("[CLIENT:acme-co] Fix login")
                           << QStringLiteral("acme");
    QTest::newRow("leading spaces")
        << QStringLiteral("   [CLIENT:acme] Fix") << QStringLiteral("acme");
    QTest::newRow("spaces inside brackets")
        << QStringLiteral("[ CLIENT : beta ] x") << QStringLiteral("beta");
    QTest::newRow("no space after prefix")
        << QStringLiteral("[CLIENT:beta]Fix") << QStringLiteral("beta");
    QTest::newRow("unknown client lower-cased")
        << QStringLiteral("[CLIENT:NewCo] Ship it") << QStringLiteral("newco");
    QTest::newRow("no prefix") << QStringLiteral("Fix the login page") << QString();
    QTest::newRow("other bracket prefix") << QStringLiteral("[BUG] acme crashes") << QString();
    QTest::newRow("[CLIENT:] x") << QStringLiteral("[CLIENT:] x") << QString();
    QTest::newRow("[CLIENT:   ] x") << QStringLiteral("[CLIENT:   ] x") << QString();
    QTest::newRow("bracket not at start") << QStringLiteral("Fix [CLIENT:acme] login") << QString();
    QTest::newRow("unclosed bracket") << QStringLiteral("[CLIENT:acme Fix") << QString();
    QTest::newRow("empty title") << QString() << QString();
}

void TestEntities::fromGitHubTitle()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);

    Entities entities;
    QVERIFY(loadValidInto(entities));
    QCOMPARE(entities.fromGitHubTitle(title), expected);
}

void TestEntities::withoutClientPrefix_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");

    QTest::newRow("prefix") << QStringLiteral("[CLIENT:acme] Fix login")
                            << QStringLiteral("Fix login");
    QTest::newRow("lower case, spaces")
        << QStringLiteral("  [ client : acme ]   Fix") << QStringLiteral("Fix");
    QTest::newRow("no space after") << QStringLiteral("[CLIENT:beta]Fix") << QStringLiteral("Fix");
    QTest::newRow("no prefix") << QStringLiteral("Fix login") << QStringLiteral("Fix login");
    QTest::newRow("other bracket") << QStringLiteral("[BUG] x") << QStringLiteral("[BUG] x");
    QTest::newRow("clients") << QStringLiteral("[CLIENTS:a] x") << QStringLiteral("[CLIENTS:a] x");
    QTest::newRow("empty id") << QStringLiteral("[CLIENT: ] x") << QStringLiteral("[CLIENT: ] x");
    QTest::newRow("unclosed") << QStringLiteral("[CLIENT:acme x")
                              << QStringLiteral("[CLIENT:acme x");
    QTest::newRow("only the prefix")
        << QStringLiteral("[CLIENT:acme]  ") << QStringLiteral("[CLIENT:acme]  ");
    QTest::newRow("empty") << QString() << QString();
}

void TestEntities::withoutClientPrefix()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(Entities::withoutClientPrefix(title), expected);
}

QTEST_GUILESS_MAIN(TestEntities)
#include "tst_entities.moc"
