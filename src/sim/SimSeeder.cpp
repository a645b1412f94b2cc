#include "SimSeeder.h"

#include "SimClickUp.h"
#include "SimGitHub.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <functional>
#include <initializer_list>

namespace UpNext::Sim {

namespace {

constexpr qint64 DayMs = 24 * 60 * 60 * 1000;
constexpr qint64 MeClickUpId = 84210001;

struct PersonSpec
{
    const char *login;
    const char *fullName;
};

constexpr PersonSpec TeammatePool[] = {
    {"alice", "Alice Moreau"}, {"bob", "Bob Okafor"},  {"carol", "Carol Jensen"},
    {"dave", "Dave Kim"},      {"erin", "Erin Walsh"}, {"frank", "Frank Ruiz"},
};

struct ListSpec
{
    const char *id;
    const char *name;
    int weight;
    bool withDone; // has a "done"-type status besides the closed one
};

constexpr ListSpec Lists[] = {
    {"901500100001", "Sprint backlog", 45, false},
    {"901500100002", "Client requests", 30, true},
    {"901500100003", "Bugs & maintenance", 25, false},
};

struct ClientSpec
{
    const char *id;
    const char *name;
};

constexpr ClientSpec Clients[] = {
    {"acme", "Acme"},         {"globex", "Globex"}, {"initech", "Initech"},
    {"umbrella", "Umbrella"}, {"hooli", "Hooli"},
};

const char *const Owners[] = {"northwind", "tailspin", "contoso", "fabrikam"};
const char *const RepoNames[] = {"web",     "api",       "mobile",        "infra", "docs",
                                 "billing", "dashboard", "design-system", "cli",   "data-pipeline"};

const char *const Verbs[] = {
    "Fix",      "Update",   "Add",    "Refactor", "Investigate", "Review",  "Migrate",
    "Document", "Set up",   "Remove", "Improve",  "Redesign",    "Prepare", "Clean up",
    "Speed up", "Automate", "Test",   "Ship",     "Localize",    "Audit",
};

const char *const Objects[] = {
    "login redirect",    "invoice export",      "onboarding emails",     "search filters",
    "CSV import",        "payment webhooks",    "user settings page",    "API rate limiting",
    "dashboard charts",  "password reset flow", "mobile navigation",     "PDF reports",
    "release checklist", "staging database",    "SSO configuration",     "notification settings",
    "audit log",         "checkout page",       "error tracking",        "nightly backup job",
    "pricing page",      "admin permissions",   "data retention policy", "customer health score",
    "Slack integration", "signup form",         "analytics events",      "session timeout",
    "image uploads",     "usage reports",
};

const char *const Details[] = {
    "for the Q3 launch",         "on Safari",
    "after the 2.4 upgrade",     "for enterprise accounts",
    "in the admin panel",        "before the client demo",
    "for EU customers",          "on slow connections",
    "behind a feature flag",     "with retries",
    "for the new pricing tiers", "in dark mode",
    "for the mobile app",        "ahead of the security audit",
    "per the design review",     "for accounts with SSO",
};

const char *const Problems[] = {
    "timeout for large accounts",
    "stale data after refresh",
    "crash with non-ASCII names",
    "duplicate emails",
    "500 error on empty lists",
    "wrong time zone in dates",
    "broken layout on small screens",
    "lost changes on back navigation",
    "missing translations",
    "slow first load",
    "silent failure when offline",
    "rounding error in totals",
    "flaky test on CI",
    "memory leak after long sessions",
};

const char *const Deliverables[] = {
    "quarterly report", "renewal proposal", "onboarding plan",
    "status update",    "monthly invoice",  "security questionnaire",
    "SOW amendment",    "training session", "migration timeline",
};

const char *const Topics[] = {"backend", "frontend",  "design", "ops",
                              "billing", "tech-debt", "docs",   "qa"};

const char *const Openers[] = {
    "Came up in standup on Monday.",
    "Follow-up from the last retro.",
    "Support has seen this three times this week.",
    "Part of this month's roadmap.",
    "Needed before we can close the sprint.",
    "Spotted while testing the last release.",
    "Product asked for this after the user interviews.",
};

const char *const ClientOpeners[] = {
    "Requested by %1 in this week's sync.",
    "%1 flagged this on their last call.",
    "Part of the %1 renewal; their account manager is waiting on it.",
    "%1's admin reported this through the support portal.",
};

const char *const Middles[] = {
    "Steps and screenshots are in the linked thread.",
    "Current behaviour differs between web and mobile.",
    "Keep the scope small: no schema changes in this one.",
    "There is a rough prototype on the feature branch.",
    "Check with design before changing the copy.",
    "Logs from production are attached.",
    "Likely related to the caching change from last month.",
};

const char *const DoneWhen[] = {
    "the change is live on staging", "QA has signed off",          "the docs are updated",
    "support knows about it",        "there is a regression test", "the client has confirmed",
    "metrics show no new errors",
};

const char *const PrPrefixes[] = {"fix", "feat", "chore", "refactor", "docs", "perf"};

const char *const PrChanges[] = {
    "Move the retry logic into one helper", "Add tests for the empty and error cases",
    "Drop the unused feature flag",         "Cache the lookup per request",
    "Update the docs and the changelog",    "Handle time zones explicitly",
    "Split the long function into steps",
};

const char *const Comments[] = {
    "Can you take a look when you get a chance?",
    "I pushed a fix to staging, please verify.",
    "The client asked about this again today.",
    "Blocked on the API change, see the thread.",
    "Moving this to next sprint unless someone objects.",
    "Added logs from production.",
    "Reproduced on my machine as well.",
    "This should be unblocked now.",
    "Any update? The demo is on Friday.",
    "Can we split this into two smaller pieces?",
    "I can pair with you on this tomorrow.",
    "Looks good to me once CI is green.",
};

template<std::size_t N> QString pick(QRandomGenerator &random, const char *const (&items)[N])
{
    return QString::fromUtf8(items[random.bounded(quint32(N))]);
}

// An index into weights, drawn in proportion to them.
int weighted(QRandomGenerator &random, std::initializer_list<int> weights)
{
    int total = 0;
    for (const int weight : weights)
        total += weight;
    int roll = random.bounded(total);
    int index = 0;
    for (const int weight : weights) {
        if (roll < weight)
            return index;
        roll -= weight;
        ++index;
    }
    return index - 1;
}

bool chance(QRandomGenerator &random, int percent)
{
    return random.bounded(100) < percent;
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString clientName(const QString &id)
{
    for (const ClientSpec &client : Clients) {
        if (id == QLatin1String(client.id))
            return QString::fromUtf8(client.name);
    }
    return capitalized(id);
}

QString randomClient(QRandomGenerator &random)
{
    return QString::fromUtf8(Clients[random.bounded(quint32(std::size(Clients)))].id);
}

QString taskTitle(QRandomGenerator &random, const QString &client)
{
    if (!client.isEmpty() && chance(random, 50)) {
        const QString name = clientName(client);
        switch (random.bounded(4)) {
        case 0:
            return QStringLiteral("Follow up with %1 about %2").arg(name, pick(random, Objects));
        case 1:
            return QStringLiteral("Prepare %1 %2").arg(name, pick(random, Deliverables));
        case 2:
            return QStringLiteral("%1: %2 %3")
                .arg(name, pick(random, Verbs).toLower(), pick(random, Objects));
        default:
            return QStringLiteral("Review %1 with %2").arg(pick(random, Objects), name);
        }
    }
    if (chance(random, 30))
        return QStringLiteral("%1: %2").arg(capitalized(pick(random, Objects)),
                                            pick(random, Problems));
    QString title = pick(random, Verbs) + QLatin1Char(' ') + pick(random, Objects);
    if (chance(random, 50))
        title += QLatin1Char(' ') + pick(random, Details);
    return title;
}

QString taskDescription(QRandomGenerator &random, const QString &client)
{
    if (chance(random, 10))
        return {};
    QStringList paragraphs;
    paragraphs.append(client.isEmpty() ? pick(random, Openers)
                                       : pick(random, ClientOpeners).arg(clientName(client)));
    if (chance(random, 70))
        paragraphs.last() += QLatin1Char(' ') + pick(random, Middles);
    if (chance(random, 60)) {
        const QString first = pick(random, DoneWhen);
        QString second = pick(random, DoneWhen);
        QString list = QStringLiteral("Done when:\n- ") + first;
        if (second != first)
            list += QStringLiteral("\n- ") + second;
        paragraphs.append(list);
    }
    return paragraphs.join(QStringLiteral("\n\n"));
}

QString issueTitle(QRandomGenerator &random, bool pullRequest, bool bug)
{
    if (pullRequest) {
        if (chance(random, 60)) {
            QString title = pick(random, PrPrefixes) + QStringLiteral(": ") + pick(random, Objects);
            if (chance(random, 50))
                title += QLatin1Char(' ') + pick(random, Details);
            return title;
        }
        return pick(random, Verbs) + QLatin1Char(' ') + pick(random, Objects);
    }
    if (bug && chance(random, 60))
        return QStringLiteral("%1: %2").arg(capitalized(pick(random, Objects)),
                                            pick(random, Problems));
    QString title = (bug ? QStringLiteral("Fix") : pick(random, Verbs)) + QLatin1Char(' ') +
                    pick(random, Objects);
    if (chance(random, 50))
        title += QLatin1Char(' ') + pick(random, Details);
    return title;
}

QString issueBody(QRandomGenerator &random, bool pullRequest, bool bug, int number)
{
    if (chance(random, 10))
        return {}; // GitHub: "body": null
    if (pullRequest) {
        QString body;
        if (number > 1 && chance(random, 60))
            body = QStringLiteral("Closes #%1.\n\n").arg(random.bounded(1, number));
        const QString first = pick(random, PrChanges);
        const QString second = pick(random, PrChanges);
        body += QStringLiteral("- ") + first;
        if (second != first)
            body += QStringLiteral("\n- ") + second;
        return body + QStringLiteral("\n\nTested locally and on staging.");
    }
    if (bug) {
        return QStringLiteral("### Steps to reproduce\n1. Sign in as an admin\n2. Open the %1\n"
                              "3. Wait for the page to load\n\n### Expected\nIt works as on "
                              "production last week.\n\n### Actual\n%2.\n\n%3")
            .arg(pick(random, Objects), capitalized(pick(random, Problems)), pick(random, Middles));
    }
    return pick(random, Openers) + QLatin1Char(' ') + pick(random, Middles);
}

QRandomGenerator seeded(quint32 seed, quint32 stream)
{
    const quint32 values[] = {seed, stream};
    return QRandomGenerator(values);
}

QString key(const QString &taskId)
{
    return QStringLiteral("clickup:") + taskId;
}

QString key(const QString &repo, int number)
{
    return QStringLiteral("github:%1#%2").arg(repo).arg(number);
}

bool isClosedType(const QString &type)
{
    return type == QLatin1String("closed") || type == QLatin1String("done");
}

// A teammate changes who is on a task: puts me on it, or else (with a person picked by other)
// hands it from me to them, adds them or takes them off. Says what happened, with %1 for the task.
template<typename Id>
QString changeAssignees(QRandomGenerator &random, QList<Id> &assignees, const Id &me,
                        const std::function<std::pair<Id, QString>()> &other)
{
    if (!assignees.contains(me)) {
        assignees.append(me);
        return QStringLiteral("assigned %1 to me");
    }
    const auto [id, login] = other();
    if (chance(random, 40)) {
        assignees.removeAll(me);
        if (!assignees.contains(id))
            assignees.append(id);
        return QStringLiteral("reassigned %1 from me to ") + login;
    }
    if (!assignees.contains(id)) {
        assignees.append(id);
        return QStringLiteral("added ") + login + QStringLiteral(" to %1");
    }
    assignees.removeAll(id);
    return QStringLiteral("removed ") + login + QStringLiteral(" from %1");
}

} // namespace

SimSeeder::SimSeeder(quint32 seed, const QDateTime &now)
    : m_seed(seed)
    , m_now(now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc())
    , m_clickUpRandom(seeded(seed, 1))
    , m_gitHubRandom(seeded(seed, 2))
    , m_teammateRandom(seeded(seed, 3))
{
    m_now = m_now.addMSecs(-m_now.time().msec()); // whole seconds, as GitHub has them
    QRandomGenerator random = seeded(seed, 0);

    m_me = {MeClickUpId, QStringLiteral("me"), QStringLiteral("me")};
    QList<int> pool;
    for (int i = 0; i < int(std::size(TeammatePool)); ++i)
        pool.append(i);
    const int teammates = 3 + random.bounded(2);
    for (int i = 0; i < teammates; ++i) {
        const int index = pool.takeAt(random.bounded(int(pool.size())));
        m_teammates.append({MeClickUpId + 1 + index, QString::fromUtf8(TeammatePool[index].login),
                            QString::fromUtf8(TeammatePool[index].fullName)});
    }
    std::sort(m_teammates.begin(), m_teammates.end(),
              [](const Person &a, const Person &b) { return a.clickUpId < b.clickUpId; });

    // 4–6 repos across two organisations, each with some history and milestones.
    const int firstOwner = random.bounded(int(std::size(Owners)));
    const int secondOwner =
        (firstOwner + 1 + random.bounded(int(std::size(Owners)) - 1)) % int(std::size(Owners));
    QList<int> names;
    for (int i = 0; i < int(std::size(RepoNames)); ++i)
        names.append(i);
    const int repoCount = 4 + random.bounded(3);
    for (int i = 0; i < repoCount; ++i) {
        const QString owner =
            QString::fromUtf8(Owners[i < (repoCount + 1) / 2 ? firstOwner : secondOwner]);
        const QString repo =
            owner + QLatin1Char('/') +
            QString::fromUtf8(RepoNames[names.takeAt(random.bounded(int(names.size())))]);
        m_repos.append(repo);
        m_nextNumber.insert(repo, 1 + random.bounded(240));
        QList<QDateTime> milestones;
        // The busiest repo always has one, so some issues have a due date through it.
        for (int m = random.bounded(3) + (i == 0 ? 1 : 0); m > 0; --m)
            milestones.append(QDateTime(m_now.date().addDays(random.bounded(-10, 46)), QTime(7, 0),
                                        QTimeZone::utc()));
        m_milestones.insert(repo, milestones);
    }
}

QStringList SimSeeder::clients()
{
    QStringList result;
    for (const ClientSpec &client : Clients)
        result.append(QString::fromUtf8(client.id));
    return result;
}

QStringList SimSeeder::listIds() const
{
    QStringList result;
    for (const ListSpec &list : Lists)
        result.append(QString::fromUtf8(list.id));
    return result;
}

QStringList SimSeeder::listNames() const
{
    QStringList result;
    for (const ListSpec &list : Lists)
        result.append(QString::fromUtf8(list.name));
    return result;
}

const SimSeeder::Person &SimSeeder::randomPerson(QRandomGenerator &random, bool withMe) const
{
    const int count = int(m_teammates.size()) + (withMe ? 1 : 0);
    const int index = random.bounded(count);
    return index < m_teammates.size() ? m_teammates.at(index) : m_me;
}

void SimSeeder::seedClickUp(SimClickUp &sim, int tasks)
{
    QRandomGenerator &random = m_clickUpRandom;
    if (!m_clickUpSeeded) {
        sim.addUser(m_me.clickUpId, m_me.fullName, QStringLiteral("me@example.com"),
                    m_clickUpToken);
        for (const Person &person : std::as_const(m_teammates))
            sim.addUser(person.clickUpId, person.fullName,
                        person.login + QStringLiteral("@example.com"));
        for (const ListSpec &list : Lists) {
            QList<SimClickUpStatus> statuses = SimClickUp::defaultStatuses();
            if (list.withDone)
                statuses.insert(statuses.size() - 1,
                                {QStringLiteral("done"), QStringLiteral("done"), {}});
            sim.addList(QString::fromUtf8(list.id), QString::fromUtf8(list.name), statuses);
        }
        m_clickUpSeeded = true;
    }

    const qint64 nowMs = m_now.toMSecsSinceEpoch();
    m_taskIds.reserve(m_taskIds.size() + tasks);
    for (int i = 0; i < tasks; ++i) {
        SimClickUpTask task;
        const ListSpec &list =
            Lists[weighted(random, {Lists[0].weight, Lists[1].weight, Lists[2].weight})];
        task.listId = QString::fromUtf8(list.id);

        const QString client = chance(random, 30) ? randomClient(random) : QString();
        task.name = taskTitle(random, client);
        task.description = taskDescription(random, client);

        int tagCount = weighted(random, {35, 45, 20});
        if (!client.isEmpty()) {
            task.tags.append(QStringLiteral("client:") + client);
            tagCount = std::max(tagCount, 1);
        }
        while (task.tags.size() < tagCount) {
            const QString topic = pick(random, Topics);
            if (!task.tags.contains(topic))
                task.tags.append(topic);
        }

        if (chance(random, 70)) {
            task.assignees.append(m_me.clickUpId);
            if (chance(random, 15))
                task.assignees.append(randomPerson(random, false).clickUpId);
        } else if (chance(random, 80)) {
            task.assignees.append(randomPerson(random, false).clickUpId);
        }

        task.priority = weighted(random, {25, 5, 20, 35, 15}); // none, urgent, high, normal, low
        if (chance(random, 65))
            task.dueDate = QDateTime(m_now.date().addDays(random.bounded(-20, 61)), QTime(16, 0),
                                     QTimeZone::utc());

        const int state = weighted(random, {62, 28, 10}); // to do, in progress, complete
        if (state == 1)
            task.status = QStringLiteral("in progress");
        else if (state == 2)
            task.status = list.withDone && chance(random, 50) ? QStringLiteral("done")
                                                              : QStringLiteral("complete");
        else
            task.status = QStringLiteral("to do");

        task.creator = randomPerson(random, true).clickUpId;
        task.dateUpdated = nowMs - random.bounded(qint64(60) * DayMs);
        task.dateCreated = task.dateUpdated - random.bounded(qint64(45) * DayMs) - 60000;
        m_taskIds.append(sim.addTask(task));
    }
}

void SimSeeder::seedGitHub(SimGitHub &sim, int issues)
{
    QRandomGenerator &random = m_gitHubRandom;
    if (!m_gitHubSeeded) {
        sim.addUser(m_me.login, m_gitHubToken);
        for (const Person &person : std::as_const(m_teammates))
            sim.addUser(person.login, {});
        for (const QString &repo : std::as_const(m_repos))
            sim.addRepo(repo);
        m_gitHubSeeded = true;
    }

    static constexpr int RepoWeights[] = {30, 22, 16, 12, 10, 10};
    int totalWeight = 0;
    for (int i = 0; i < m_repos.size(); ++i)
        totalWeight += RepoWeights[i];

    const qint64 nowSecs = m_now.toSecsSinceEpoch();
    QList<SimGitHubIssue> batch;
    batch.reserve(issues);
    for (int i = 0; i < issues; ++i) {
        SimGitHubIssue issue;
        int roll = random.bounded(totalWeight);
        int repoIndex = 0;
        while (roll >= RepoWeights[repoIndex])
            roll -= RepoWeights[repoIndex++];
        issue.repo = m_repos.at(repoIndex);
        issue.pullRequest = chance(random, 10);
        const bool bug = !issue.pullRequest && chance(random, 40);

        issue.title = issueTitle(random, issue.pullRequest, bug);
        if (!issue.pullRequest && chance(random, 20))
            issue.title = QStringLiteral("[CLIENT:%1] ").arg(randomClient(random)) + issue.title;

        if (chance(random, 70)) {
            issue.assignees.append(m_me.login);
            if (chance(random, 10))
                issue.assignees.append(randomPerson(random, false).login);
        } else if (chance(random, 75)) {
            issue.assignees.append(randomPerson(random, false).login);
        }
        if (issue.pullRequest && !issue.assignees.isEmpty() && chance(random, 70))
            issue.author = issue.assignees.first(); // PRs are mostly assigned to their author
        else
            issue.author = randomPerson(random, true).login;

        if (bug)
            issue.labels.append(QStringLiteral("bug"));
        else if (!issue.pullRequest && chance(random, 40))
            issue.labels.append(QStringLiteral("enhancement"));
        if (!issue.pullRequest && chance(random, 10))
            issue.labels.append(QStringLiteral("blocking"));
        if (chance(random, 20))
            issue.labels.append(QStringLiteral("in progress"));
        if (!issue.pullRequest && chance(random, 5))
            issue.labels.append(QStringLiteral("documentation"));
        if (!issue.pullRequest && chance(random, 8))
            issue.labels.append(QStringLiteral("needs-triage"));

        const QList<QDateTime> &milestones = m_milestones[issue.repo];
        if (!milestones.isEmpty() && chance(random, 35))
            issue.milestoneDueOn = milestones.at(random.bounded(int(milestones.size())));

        const qint64 created = nowSecs - random.bounded(qint64(60) * 86400);
        issue.createdAt = QDateTime::fromSecsSinceEpoch(created, QTimeZone::utc());
        issue.updatedAt = QDateTime::fromSecsSinceEpoch(
            created + random.bounded(nowSecs - created + 1), QTimeZone::utc());
        if (chance(random, 10)) {
            issue.state = QStringLiteral("closed");
            issue.closedAt = issue.updatedAt;
            issue.closedBy = randomPerson(random, true).login;
            if (!issue.pullRequest)
                issue.stateReason = chance(random, 85) ? QStringLiteral("completed")
                                                       : QStringLiteral("not_planned");
        }
        batch.append(issue);
    }

    // Numbers follow creation order within a repo, as on GitHub.
    std::stable_sort(
        batch.begin(), batch.end(),
        [](const SimGitHubIssue &a, const SimGitHubIssue &b) { return a.createdAt < b.createdAt; });
    m_issues.reserve(m_issues.size() + batch.size());
    for (SimGitHubIssue &issue : batch) {
        issue.number = m_nextNumber[issue.repo]++;
        const bool bug = issue.labels.contains(QStringLiteral("bug"));
        issue.body = issueBody(random, issue.pullRequest, bug, issue.number);
        // An explicit number keeps addIssue() from scanning for the next one.
        sim.addIssue(issue);
        m_issues.append({issue.repo, issue.number});
    }
}

QString SimSeeder::teammateChange(SimClickUp &clickUp, SimGitHub &gitHub)
{
    if (!m_clickUpSeeded && !m_gitHubSeeded)
        return {};
    const bool useClickUp =
        m_clickUpSeeded && (!m_gitHubSeeded || m_teammateRandom.bounded(2) == 0);
    return useClickUp ? clickUpChange(clickUp) : gitHubChange(gitHub);
}

QString SimSeeder::clickUpChange(SimClickUp &sim)
{
    QRandomGenerator &random = m_teammateRandom;
    const Person &who = randomPerson(random, false);
    const qint64 me = m_me.clickUpId;

    // A few tries at a task that matches; mostly one of the user's, as those are what they see.
    auto findTask = [&](const std::function<bool(const SimClickUpTask &)> &matches) {
        const bool mine = chance(random, 75);
        SimClickUpTask *fallback = nullptr;
        for (int attempt = 0; attempt < 12 && !m_taskIds.isEmpty(); ++attempt) {
            SimClickUpTask *task = sim.task(m_taskIds.at(random.bounded(int(m_taskIds.size()))));
            if (!task || !matches(*task))
                continue;
            if (task->assignees.contains(me) == mine)
                return task;
            fallback = task;
        }
        return fallback;
    };
    // status, assignees, comment, new task, due date, priority, move, tags
    int action = weighted(random, {30, 12, 22, 14, 7, 6, 4, 5});
    if (m_taskIds.isEmpty())
        action = 3;
    if (action == 0) {
        if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
            const QList<SimClickUpStatus> statuses = sim.statuses(task->listId);
            QString type;
            for (const SimClickUpStatus &status : statuses) {
                if (status.status == task->status)
                    type = status.type;
            }
            auto firstOf = [&statuses](const QString &wanted) {
                for (const SimClickUpStatus &status : statuses) {
                    if (status.type == wanted)
                        return status.status;
                }
                return QString();
            };
            QString target;
            if (isClosedType(type))
                target = firstOf(QStringLiteral("open"));
            else if (type == QLatin1String("open") && chance(random, 55))
                target = firstOf(QStringLiteral("custom"));
            else if (type == QLatin1String("custom") && chance(random, 30))
                target = firstOf(QStringLiteral("open"));
            else
                target = !firstOf(QStringLiteral("done")).isEmpty() && chance(random, 50)
                             ? firstOf(QStringLiteral("done"))
                             : firstOf(QStringLiteral("closed"));
            if (!target.isEmpty() && target != task->status) {
                const QString id = task->id;
                const QString name = task->name;
                sim.setStatus(id, target, who.clickUpId);
                return isClosedType(type)
                           ? QStringLiteral("%1 reopened %2 (%3)").arg(who.login, key(id), name)
                           : QStringLiteral("%1 set %2 to \"%3\" (%4)")
                                 .arg(who.login, key(id), target, name);
            }
        }
    } else if (action == 1) {
        if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
            QList<qint64> assignees = task->assignees;
            const QString what = changeAssignees<qint64>(random, assignees, me, [&] {
                const Person &other = randomPerson(random, false);
                return std::pair{other.clickUpId, other.login};
            });
            const QString id = task->id;
            const QString name = task->name;
            sim.setAssignees(id, assignees, who.clickUpId);
            return QStringLiteral("%1 %2 (%3)").arg(who.login, what.arg(key(id)), name);
        }
    } else if (action == 3 || m_taskIds.isEmpty()) {
        SimClickUpTask task;
        const ListSpec &list = Lists[random.bounded(int(std::size(Lists)))];
        task.listId = QString::fromUtf8(list.id);
        const QString client = chance(random, 30) ? randomClient(random) : QString();
        task.name = taskTitle(random, client);
        task.description = taskDescription(random, client);
        if (!client.isEmpty())
            task.tags.append(QStringLiteral("client:") + client);
        task.assignees.append(chance(random, 70) ? me : who.clickUpId);
        task.priority = weighted(random, {25, 5, 20, 35, 15});
        if (chance(random, 50))
            task.dueDate = QDateTime(m_now.date().addDays(random.bounded(1, 15)), QTime(16, 0),
                                     QTimeZone::utc());
        task.creator = who.clickUpId;
        const QString id = sim.addTask(task);
        m_taskIds.append(id);
        return QStringLiteral("%1 created %2 (%3)").arg(who.login, key(id), task.name);
    } else if (action == 4) {
        if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
            const QString id = task->id;
            const QString name = task->name;
            if (task->dueDate.isValid() && chance(random, 25)) {
                sim.setDueDate(id, {}, who.clickUpId);
                return QStringLiteral("%1 cleared the due date of %2 (%3)")
                    .arg(who.login, key(id), name);
            }
            const QDateTime due(m_now.date().addDays(random.bounded(-2, 21)), QTime(16, 0),
                                QTimeZone::utc());
            sim.setDueDate(id, due, who.clickUpId);
            return QStringLiteral("%1 moved the due date of %2 to %3 (%4)")
                .arg(who.login, key(id), due.date().toString(Qt::ISODate), name);
        }
    } else if (action == 5) {
        if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
            static const char *const names[] = {"no", "urgent", "high", "normal", "low"};
            const QString id = task->id;
            const QString name = task->name;
            const int priority = (task->priority + random.bounded(1, 5)) % 5;
            sim.setPriority(id, priority, who.clickUpId);
            return QStringLiteral("%1 set %2 to %3 priority (%4)")
                .arg(who.login, key(id), QLatin1StringView(names[priority]), name);
        }
    } else if (action == 6) {
        if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
            const QString id = task->id;
            const QString name = task->name;
            const QString from = task->listId;
            const ListSpec *target = nullptr;
            while (!target || QLatin1StringView(target->id) == from)
                target = &Lists[random.bounded(int(std::size(Lists)))];
            sim.moveTask(id, QString::fromUtf8(target->id), who.clickUpId);
            return QStringLiteral("%1 moved %2 to \"%3\" (%4)")
                .arg(who.login, key(id), QString::fromUtf8(target->name), name);
        }
    } else if (action == 7) {
        if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
            static const char *const tags[] = {"waiting", "frontend", "backend", "quick win"};
            const QString id = task->id;
            const QString name = task->name;
            QStringList current = task->tags;
            if (!current.isEmpty() && chance(random, 40)) {
                const QString tag = current.takeAt(random.bounded(int(current.size())));
                sim.setTags(id, current, who.clickUpId);
                return QStringLiteral("%1 removed the tag \"%2\" from %3 (%4)")
                    .arg(who.login, tag, key(id), name);
            }
            const QString tag = chance(random, 40)
                                    ? QStringLiteral("client:") + randomClient(random)
                                    : QString::fromUtf8(tags[random.bounded(int(std::size(tags)))]);
            if (!current.contains(tag)) {
                sim.setTags(id, current << tag, who.clickUpId);
                return QStringLiteral("%1 tagged %2 \"%3\" (%4)")
                    .arg(who.login, key(id), tag, name);
            }
        }
    }

    // A comment, also the fallback when no task fits the change picked.
    if (SimClickUpTask *task = findTask([](const SimClickUpTask &) { return true; })) {
        const QString id = task->id;
        const QString name = task->name;
        const QString text = pick(random, Comments);
        sim.addComment(id, text, who.clickUpId);
        return QStringLiteral("%1 commented on %2 (%3): %4").arg(who.login, key(id), name, text);
    }
    return {};
}

QString SimSeeder::gitHubChange(SimGitHub &sim)
{
    QRandomGenerator &random = m_teammateRandom;
    const Person &who = randomPerson(random, false);
    const QString &me = m_me.login;

    auto findIssue = [&](const std::function<bool(const SimGitHubIssue &)> &matches) {
        const bool mine = chance(random, 75);
        SimGitHubIssue *fallback = nullptr;
        for (int attempt = 0; attempt < 12 && !m_issues.isEmpty(); ++attempt) {
            const IssueKey &candidate = m_issues.at(random.bounded(int(m_issues.size())));
            SimGitHubIssue *issue = sim.issue(candidate.repo, candidate.number);
            if (!issue || !matches(*issue))
                continue;
            if (issue->assignees.contains(me) == mine)
                return issue;
            fallback = issue;
        }
        return fallback;
    };
    auto isOpen = [](const SimGitHubIssue &issue) {
        return issue.state == QLatin1String("open");
    };

    // close, reopen, assignees, comment, new issue, edit, labels, milestone, comment edited,
    // comment deleted, issue deleted, issue transferred
    int action = weighted(random, {16, 8, 12, 24, 14, 5, 7, 5, 3, 2, 1, 3});
    if (m_issues.isEmpty())
        action = 4;
    if (action == 0) {
        if (SimGitHubIssue *issue = findIssue(isOpen)) {
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            const QString reason =
                chance(random, 85) ? QStringLiteral("completed") : QStringLiteral("not_planned");
            sim.closeIssue(repo, number, who.login, reason);
            return QStringLiteral("%1 closed %2 (%3)").arg(who.login, key(repo, number), title);
        }
    } else if (action == 1) {
        if (SimGitHubIssue *issue =
                findIssue([&isOpen](const SimGitHubIssue &issue) { return !isOpen(issue); })) {
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            sim.reopenIssue(repo, number, who.login);
            return QStringLiteral("%1 reopened %2 (%3)").arg(who.login, key(repo, number), title);
        }
    } else if (action == 2) {
        if (SimGitHubIssue *issue = findIssue(isOpen)) {
            QStringList assignees = issue->assignees;
            const QString what = changeAssignees<QString>(random, assignees, me, [&] {
                const Person &other = randomPerson(random, false);
                return std::pair{other.login, other.login};
            });
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            sim.setAssignees(repo, number, assignees, who.login);
            return QStringLiteral("%1 %2 (%3)").arg(who.login, what.arg(key(repo, number)), title);
        }
    } else if (action == 4 || m_issues.isEmpty()) {
        SimGitHubIssue issue;
        issue.repo = m_repos.at(random.bounded(int(m_repos.size())));
        const bool bug = chance(random, 40);
        issue.title = issueTitle(random, false, bug);
        if (chance(random, 20))
            issue.title = QStringLiteral("[CLIENT:%1] ").arg(randomClient(random)) + issue.title;
        issue.body = issueBody(random, false, bug, 0);
        if (bug)
            issue.labels.append(QStringLiteral("bug"));
        if (chance(random, 10))
            issue.labels.append(QStringLiteral("blocking"));
        issue.assignees.append(chance(random, 70) ? me : who.login);
        issue.author = who.login;
        // Number 0: the sim takes the repo's next, which also counts issues made through the API.
        const int number = sim.createIssue(issue, who.login);
        m_issues.append({issue.repo, number});
        return QStringLiteral("%1 opened %2 (%3)")
            .arg(who.login, key(issue.repo, number), issue.title);
    } else if (action == 5) {
        if (SimGitHubIssue *issue = findIssue(isOpen)) {
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            if (chance(random, 40)) {
                const QString body =
                    issue->body + QStringLiteral("\n\nUpdate: ") + pick(random, Comments);
                sim.editIssue(repo, number, title, body, who.login);
                return QStringLiteral("%1 edited the description of %2 (%3)")
                    .arg(who.login, key(repo, number), title);
            }
            // A client prefix put on or taken off, as people do when triaging.
            static const QRegularExpression prefix(QStringLiteral(R"(^\[CLIENT:[^\]]*\]\s*)"));
            QString renamed = title;
            if (renamed.contains(prefix))
                renamed.remove(prefix);
            else
                renamed.prepend(QStringLiteral("[CLIENT:%1] ").arg(randomClient(random)));
            sim.editIssue(repo, number, renamed, issue->body, who.login);
            return QStringLiteral("%1 renamed %2 to \"%3\"")
                .arg(who.login, key(repo, number), renamed);
        }
    } else if (action == 6) {
        if (SimGitHubIssue *issue = findIssue(isOpen)) {
            static const char *const labels[] = {"bug", "enhancement", "blocking", "in progress",
                                                 "needs-triage"};
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            QStringList current = issue->labels;
            const QString label = QString::fromUtf8(labels[random.bounded(int(std::size(labels)))]);
            const bool removing = current.contains(label);
            if (removing)
                current.removeAll(label);
            else
                current.append(label);
            sim.setLabels(repo, number, current, who.login);
            return (removing ? QStringLiteral("%1 removed the label \"%2\" from %3 (%4)")
                             : QStringLiteral("%1 labeled %3 \"%2\" (%4)"))
                .arg(who.login, label, key(repo, number), title);
        }
    } else if (action == 7) {
        if (SimGitHubIssue *issue = findIssue([this](const SimGitHubIssue &issue) {
                return issue.state == QLatin1String("open") &&
                       !m_milestones.value(issue.repo).isEmpty();
            })) {
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            QList<QDateTime> others = m_milestones.value(repo);
            others.removeAll(issue->milestoneDueOn);
            if (issue->milestoneDueOn.isValid() && (others.isEmpty() || chance(random, 50))) {
                sim.setMilestone(repo, number, {}, who.login);
                return QStringLiteral("%1 took %2 out of its milestone (%3)")
                    .arg(who.login, key(repo, number), title);
            }
            const QDateTime due = others.at(random.bounded(int(others.size())));
            sim.setMilestone(repo, number, due, who.login);
            return QStringLiteral("%1 put %2 in the milestone due %3 (%4)")
                .arg(who.login, key(repo, number), due.date().toString(Qt::ISODate), title);
        }
    } else if (action == 8 || action == 9) {
        if (SimGitHubIssue *issue = findIssue([&sim](const SimGitHubIssue &issue) {
                return issue.comments > 0 && !sim.comments(issue.repo, issue.number).isEmpty();
            })) {
            const QString repo = issue->repo;
            const int number = issue->number;
            const QString title = issue->title;
            const QList<SimGitHubComment> comments = sim.comments(repo, number);
            const SimGitHubComment &comment = comments.at(random.bounded(int(comments.size())));
            if (action == 9) {
                sim.deleteComment(comment.id, who.login);
                return QStringLiteral("%1 deleted a comment on %2 (%3)")
                    .arg(who.login, key(repo, number), title);
            }
            sim.editComment(comment.id, comment.body + QStringLiteral(" (edited)"), who.login);
            return QStringLiteral("%1 edited a comment on %2 (%3)")
                .arg(who.login, key(repo, number), title);
        }
    } else if (action == 10 || action == 11) {
        const qsizetype index = m_issues.isEmpty() ? -1 : random.bounded(int(m_issues.size()));
        const IssueKey where = index < 0 ? IssueKey() : m_issues.at(index);
        const SimGitHubIssue *issue = index < 0 ? nullptr : sim.issue(where.repo, where.number);
        if (issue && action == 10) {
            const QString title = issue->title;
            sim.deleteIssue(where.repo, where.number, who.login);
            m_issues.removeAt(index); // the seeder's list names issues that exist
            return QStringLiteral("%1 deleted %2 (%3)")
                .arg(who.login, key(where.repo, where.number), title);
        }
        if (issue && m_repos.size() > 1) {
            const QString title = issue->title;
            QString target = where.repo;
            while (target == where.repo)
                target = m_repos.at(random.bounded(int(m_repos.size())));
            const int moved = sim.transferIssue(where.repo, where.number, target, who.login);
            m_issues[index] = {target, moved};
            return QStringLiteral("%1 transferred %2 to %3 (%4)")
                .arg(who.login, key(where.repo, where.number), key(target, moved), title);
        }
    }

    // A comment, also the fallback when no issue fits the change picked.
    if (SimGitHubIssue *issue = findIssue([](const SimGitHubIssue &) { return true; })) {
        const QString repo = issue->repo;
        const int number = issue->number;
        const QString title = issue->title;
        const QString text = pick(random, Comments);
        sim.addComment(repo, number, text, who.login);
        return QStringLiteral("%1 commented on %2 (%3): %4")
            .arg(who.login, key(repo, number), title, text);
    }
    return {};
}

} // namespace UpNext::Sim
