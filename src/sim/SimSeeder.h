#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace UpNext::Sim {

class SimClickUp;
class SimGitHub;

// Fills a SimClickUp and a SimGitHub with a realistic workspace for the user
// "me" and a few teammates: ClickUp lists with a backlog of tasks, GitHub repos
// with issues and pull requests, client tags, due dates, milestones. The same
// seed and reference time give the same content. teammateChange() then plays a
// teammate editing things, one change a call, through the sims' public methods,
// so webhooks fire as they would for a real change.
class SimSeeder final
{
    Q_DISABLE_COPY_MOVE(SimSeeder)

public:
    struct Person
    {
        qint64 clickUpId = 0;
        QString login;    // GitHub login, also the short name in change descriptions
        QString fullName; // ClickUp username
    };

    struct IssueKey
    {
        QString repo;
        int number = 0;
    };

    // now: the reference time all generated dates are relative to (default: the current time).
    explicit SimSeeder(quint32 seed = 1, const QDateTime &now = {});

    // Call before seeding.
    void setClickUpToken(const QString &token) { m_clickUpToken = token; }
    void setGitHubToken(const QString &token) { m_gitHubToken = token; }

    // Adds the people, the lists and `tasks` tasks.
    void seedClickUp(SimClickUp &sim, int tasks);
    // Adds the people, the repos and `issues` issues and pull requests.
    void seedGitHub(SimGitHub &sim, int issues);

    // One change by a teammate in one of the seeded sims, e.g.
    // "bob closed github:northwind/web#12 "Fix login redirect"". Empty when nothing was seeded.
    QString teammateChange(SimClickUp &clickUp, SimGitHub &gitHub);

    quint32 seed() const { return m_seed; }
    QDateTime now() const { return m_now; }
    QString clickUpToken() const { return m_clickUpToken; }
    QString gitHubToken() const { return m_gitHubToken; }
    const Person &me() const { return m_me; }
    const QList<Person> &teammates() const { return m_teammates; }
    QStringList listIds() const;
    QStringList listNames() const;
    QStringList repos() const { return m_repos; }
    // What the seeder added (teammate-created items included), in order; an issue a teammate
    // deleted leaves the list and one they transferred is named where it went.
    const QStringList &clickUpTaskIds() const { return m_taskIds; }
    const QList<IssueKey> &gitHubIssues() const { return m_issues; }

    static QString defaultClickUpToken() { return QStringLiteral("pk_demo_clickup"); }
    static QString defaultGitHubToken() { return QStringLiteral("ghp_demo_github"); }
    // The client ids used in tags and title prefixes.
    static QStringList clients();

private:
    QString clickUpChange(SimClickUp &sim);
    QString gitHubChange(SimGitHub &sim);
    const Person &randomPerson(QRandomGenerator &random, bool withMe) const;

    quint32 m_seed;
    QDateTime m_now;
    QRandomGenerator m_clickUpRandom;
    QRandomGenerator m_gitHubRandom;
    QRandomGenerator m_teammateRandom;
    QString m_clickUpToken = defaultClickUpToken();
    QString m_gitHubToken = defaultGitHubToken();
    Person m_me;
    QList<Person> m_teammates;
    QStringList m_repos;
    QHash<QString, int> m_nextNumber;              // repo → next issue number
    QHash<QString, QList<QDateTime>> m_milestones; // repo → due dates
    QStringList m_taskIds;
    QList<IssueKey> m_issues;
    bool m_clickUpSeeded = false;
    bool m_gitHubSeeded = false;
};

} // namespace UpNext::Sim
