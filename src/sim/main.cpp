// upnext-sim: the simulated ClickUp and GitHub services as one program, seeded
// with a realistic workspace, for demos and manual testing against the app.

#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sim/SimSeeder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <chrono>
#include <csignal>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace UpNext::Sim;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    const ssize_t written = ::write(signalPipe[0], &byte, 1);
    static_cast<void>(written);
}

// SIGINT and SIGTERM end the event loop, so everything is torn down normally.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier, &app] {
        notifier->setEnabled(false);
        char byte = 0;
        const ssize_t read = ::read(signalPipe[1], &byte, 1);
        static_cast<void>(read);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// A non-negative integer option, or nullopt with a message on stderr.
std::optional<qint64> number(const QCommandLineParser &parser, const QString &name, qint64 fallback,
                             qint64 maximum)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < 0 || value > maximum) {
        QTextStream(stderr) << "upnext-sim: --" << name << " needs a number from 0 to " << maximum
                            << Qt::endl;
        return std::nullopt;
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("upnext-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UPNEXT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulated ClickUp and GitHub services on 127.0.0.1, seeded with demo data."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("seed-clickup"), QStringLiteral("Number of ClickUp tasks."),
         QStringLiteral("N")},
        {QStringLiteral("seed-github"), QStringLiteral("Number of GitHub issues and PRs."),
         QStringLiteral("M")},
        {QStringLiteral("port"), QStringLiteral("ClickUp port (0: any free port)."),
         QStringLiteral("P")},
        {QStringLiteral("github-port"),
         QStringLiteral("GitHub port (default: P+1, or any free port when P is 0)."),
         QStringLiteral("Q")},
        {QStringLiteral("teammate-interval"),
         QStringLiteral("Seconds between teammate changes (0: none)."), QStringLiteral("S"),
         QStringLiteral("0")},
        {QStringLiteral("seed"), QStringLiteral("Random seed for the content."),
         QStringLiteral("R"), QStringLiteral("1")},
        {QStringLiteral("clickup-token"), QStringLiteral("The user's ClickUp token."),
         QStringLiteral("T"), SimSeeder::defaultClickUpToken()},
        {QStringLiteral("github-token"), QStringLiteral("The user's GitHub token."),
         QStringLiteral("T"), SimSeeder::defaultGitHubToken()},
    });
    parser.process(app);

    const auto tasks = number(parser, QStringLiteral("seed-clickup"), 0, 10'000'000);
    const auto issues = number(parser, QStringLiteral("seed-github"), 0, 10'000'000);
    const auto port = number(parser, QStringLiteral("port"), 0, 65535);
    const auto interval = number(parser, QStringLiteral("teammate-interval"), 0, 86400);
    const auto seed = number(parser, QStringLiteral("seed"), 1, 0xffffffff);
    if (!tasks || !issues || !port || !interval || !seed)
        return 2;
    const auto gitHubPort = number(parser, QStringLiteral("github-port"),
                                   *port == 0 || *port == 65535 ? 0 : *port + 1, 65535);
    if (!gitHubPort)
        return 2;

    SimClickUp clickUp;
    SimGitHub gitHub;
    SimSeeder seeder{quint32(*seed)};
    seeder.setClickUpToken(parser.value(QStringLiteral("clickup-token")));
    seeder.setGitHubToken(parser.value(QStringLiteral("github-token")));
    seeder.seedClickUp(clickUp, int(*tasks));
    seeder.seedGitHub(gitHub, int(*issues));

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (clickUp.listen(quint16(*port)) == 0) {
        err << "upnext-sim: cannot listen on 127.0.0.1:" << *port << " for ClickUp" << Qt::endl;
        return 1;
    }
    if (gitHub.listen(quint16(*gitHubPort)) == 0) {
        err << "upnext-sim: cannot listen on 127.0.0.1:" << *gitHubPort << " for GitHub"
            << Qt::endl;
        return 1;
    }

    QStringList lists;
    for (qsizetype i = 0; i < seeder.listIds().size(); ++i)
        lists.append(
            QStringLiteral("%1 (%2)").arg(seeder.listIds().at(i), seeder.listNames().at(i)));
    QStringList teammates;
    for (const SimSeeder::Person &person : seeder.teammates())
        teammates.append(person.login);
    const QString clickUpUrl = clickUp.baseUrl().toString();
    const QString gitHubUrl = gitHub.baseUrl().toString();
    out << "UpNext simulator, seed " << seeder.seed() << "\n"
        << "ClickUp  " << clickUpUrl << "\n"
        << "  token    " << seeder.clickUpToken() << "\n"
        << "  user id  " << seeder.me().clickUpId << " (" << seeder.me().fullName << ")\n"
        << "  team id  " << clickUp.teamId() << "\n"
        << "  lists    " << lists.join(QStringLiteral(", ")) << "\n"
        << "  tasks    " << clickUp.taskCount() << "\n"
        << "GitHub   " << gitHubUrl << "\n"
        << "  token    " << seeder.gitHubToken() << "\n"
        << "  login    " << seeder.me().login << "\n"
        << "  repos    " << seeder.repos().join(QStringLiteral(", ")) << "\n"
        << "  issues   " << seeder.gitHubIssues().size() << "\n"
        << "Teammates " << teammates.join(QStringLiteral(", "));
    if (*interval > 0)
        out << ", one change every " << *interval << " s";
    out << "\n"
        << "READY clickup=" << clickUpUrl << " github=" << gitHubUrl << Qt::endl;

    QTimer teammateTimer;
    if (*interval > 0) {
        QObject::connect(&teammateTimer, &QTimer::timeout, &app, [&] {
            const QString change = seeder.teammateChange(clickUp, gitHub);
            if (!change.isEmpty())
                out << "teammate: " << change << Qt::endl;
        });
        teammateTimer.start(std::chrono::seconds(*interval));
    }

    quitOnSignals(app);
    return app.exec();
}
