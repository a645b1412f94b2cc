#include "SimClient.h"
#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/AccountProbe.h"

#include "core/Task.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestSim;
using namespace UpNext::Sim;

namespace {

using Choices = QList<AccountProbe::Choice>;

struct Answer
{
    QString name;
    Choices choices;
    QString error;
    bool arrived = false;
};

} // namespace

// AccountProbe against the simulated services: who a token belongs to, and what it can read.
class TestAccountProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void clickUpUserWorkspacesAndLists();
    void gitHubUserAndReposAcrossPages();
    void wrongTokenSaysWhy();
    void unreachableSaysWhy();

private:
    Answer identify(AccountProbe &probe);
    Answer choices(const std::function<void(AccountProbe::ChoicesCallback)> &call);

    std::unique_ptr<SimClickUp> m_clickUp;
    std::unique_ptr<SimGitHub> m_gitHub;
    QNetworkAccessManager m_manager;
};

void TestAccountProbe::init()
{
    m_clickUp = std::make_unique<SimClickUp>();
    QVERIFY(m_clickUp->listen() > 0);
    m_clickUp->addUser(7, QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.com"),
                       QStringLiteral("pk_ada"));
    m_clickUp->setTeamName(QStringLiteral("Acme"));
    m_clickUp->addList(QStringLiteral("901"), QStringLiteral("Sprint"));
    m_clickUp->addList(QStringLiteral("902"), QStringLiteral("Backlog"));

    m_gitHub = std::make_unique<SimGitHub>();
    QVERIFY(m_gitHub->listen(quint16(qEnvironmentVariableIntValue("UPNEXT_SIM_PORT"))) > 0);
    m_gitHub->addUser(QStringLiteral("ada"), QStringLiteral("ghp_ada"));
    for (int i = 1; i <= 120; ++i)
        m_gitHub->addRepo(QStringLiteral("acme/repo-%1").arg(i, 3, 10, QLatin1Char('0')));
}

Answer TestAccountProbe::identify(AccountProbe &probe)
{
    Answer answer;
    probe.identify([&answer](const QString &name, const QString &error) {
        answer = {name, {}, error, true};
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived, 10000);
    }();
    return answer;
}

Answer TestAccountProbe::choices(const std::function<void(AccountProbe::ChoicesCallback)> &call)
{
    Answer answer;
    call([&answer](const Choices &choices, const QString &error) {
        answer = {{}, choices, error, true};
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(answer.arrived, 10000);
    }();
    return answer;
}

void TestAccountProbe::clickUpUserWorkspacesAndLists()
{
    AccountProbe probe(&m_manager, Sources::ClickUp, m_clickUp->baseUrl(), "pk_ada");
    const Answer user = identify(probe);
    QCOMPARE(user.error, QString());
    QCOMPARE(user.name, QStringLiteral("Ada Lovelace"));

    const Answer teams = choices([&](auto callback) { probe.workspaces(callback); });
    QCOMPARE(teams.error, QString());
    QCOMPARE(teams.choices, (Choices{{m_clickUp->teamId(), QStringLiteral("Acme")}}));

    const Answer lists =
        choices([&](auto callback) { probe.lists(m_clickUp->teamId(), callback); });
    QCOMPARE(lists.error, QString());
    QCOMPARE(lists.choices, (Choices{{QStringLiteral("902"), QStringLiteral("Space / Backlog")},
                                     {QStringLiteral("901"), QStringLiteral("Space / Sprint")}}));

    const Answer other =
        choices([&](auto callback) { probe.lists(QStringLiteral("1"), callback); });
    QVERIFY(other.choices.isEmpty());
    QVERIFY2(other.error.contains(QLatin1String("401")), qPrintable(other.error));
}

void TestAccountProbe::gitHubUserAndReposAcrossPages()
{
    AccountProbe probe(&m_manager, Sources::GitHub, throughProxy(m_gitHub->baseUrl()), "ghp_ada");
    const Answer user = identify(probe);
    QCOMPARE(user.error, QString());
    QCOMPARE(user.name, QStringLiteral("ada"));

    const Answer repos = choices([&](auto callback) { probe.repos(callback); });
    QCOMPARE(repos.error, QString());
    QCOMPARE(repos.choices.size(), 120); // two pages of 100
    QCOMPARE(repos.choices.first().id, QStringLiteral("acme/repo-001"));
    QCOMPARE(repos.choices.last().name, QStringLiteral("acme/repo-120"));
}

void TestAccountProbe::wrongTokenSaysWhy()
{
    AccountProbe clickUp(&m_manager, Sources::ClickUp, m_clickUp->baseUrl(), "pk_wrong");
    Answer answer = identify(clickUp);
    QVERIFY(answer.name.isEmpty());
    QVERIFY2(answer.error.startsWith(QLatin1String("ClickUp error: 401")),
             qPrintable(answer.error));

    AccountProbe gitHub(&m_manager, Sources::GitHub, throughProxy(m_gitHub->baseUrl()), "ghp_no");
    answer = identify(gitHub);
    QVERIFY2(answer.error.startsWith(QLatin1String("GitHub error: 401")), qPrintable(answer.error));
    answer = choices([&](auto callback) { gitHub.repos(callback); });
    QVERIFY(answer.choices.isEmpty());
    QVERIFY2(answer.error.contains(QLatin1String("401")), qPrintable(answer.error));
}

void TestAccountProbe::unreachableSaysWhy()
{
    const QUrl base = m_clickUp->baseUrl();
    m_clickUp.reset(); // nothing listens there any more
    AccountProbe probe(&m_manager, Sources::ClickUp, base, "pk_ada");
    const Answer answer = identify(probe);
    QVERIFY(answer.name.isEmpty());
    QVERIFY2(answer.error.contains(QLatin1String("Connection")), qPrintable(answer.error));
}

QTEST_GUILESS_MAIN(TestAccountProbe)
#include "tst_accountprobe.moc"
