#include "Cli.h"

#include "DirectTransport.h"
#include "HttpTransport.h"

#include "appcore/ApiToken.h"
#include "appcore/SingleInstance.h"
#include "core/Profile.h"
#include "core/Settings.h"
#include "core/Task.h"
#include "core/Translations.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace UpNext {

namespace {

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

// One command: its name, arguments (for the usage line), summary and options.
struct CommandSpec
{
    QString name;
    QString arguments;
    QString summary;
    QStringList options; // names in the option table below
    int minArguments = 0;
    int maxArguments = 0;
};

QList<QCommandLineOption> commandOptions()
{
    return {
        QCommandLineOption({QStringLiteral("c"), QStringLiteral("comment")},
                           Cli::tr("Comment on the task before completing it."),
                           QStringLiteral("text")),
        QCommandLineOption(QStringLiteral("source"),
                           Cli::tr("clickup or github (create: where the task goes; list: only "
                                   "that source's tasks)."),
                           QStringLiteral("source")),
        QCommandLineOption(QStringLiteral("entity"), Cli::tr("The client's id."),
                           QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("description"), Cli::tr("The new task's description."),
                           QStringLiteral("text")),
        QCommandLineOption(
            QStringLiteral("repo"),
            Cli::tr("The repository for a new GitHub issue (default: the settings')."),
            QStringLiteral("owner/name")),
        QCommandLineOption(QStringLiteral("list"),
                           Cli::tr("The list for a new ClickUp task (default: the settings')."),
                           QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("status"),
                           Cli::tr("Only tasks with this status: todo, in_progress, done or all."),
                           QStringLiteral("status")),
        QCommandLineOption(QStringLiteral("limit"), Cli::tr("Show at most <n> tasks."),
                           QStringLiteral("n")),
    };
}

QList<CommandSpec> commandSpecs()
{
    return {
        {QStringLiteral("next"), {}, Cli::tr("Show the task to work on now, and why."), {}, 0, 0},
        {QStringLiteral("done"),
         {},
         Cli::tr("Complete the current task and show the next one."),
         {QStringLiteral("comment")},
         0,
         0},
        {QStringLiteral("skip"), {}, Cli::tr("Set the current task aside for today."), {}, 0, 0},
        {QStringLiteral("comment"),
         QStringLiteral("<text>"),
         Cli::tr("Comment on the current task."),
         {},
         1,
         1},
        {QStringLiteral("create"),
         QStringLiteral("<title>"),
         Cli::tr("Create a task."),
         {QStringLiteral("source"), QStringLiteral("entity"), QStringLiteral("description"),
          QStringLiteral("repo"), QStringLiteral("list")},
         1,
         1},
        {QStringLiteral("sync"), {}, Cli::tr("Sync every source now."), {}, 0, 0},
        {QStringLiteral("morning"), {}, Cli::tr("Show the morning briefing."), {}, 0, 0},
        {QStringLiteral("list"),
         {},
         Cli::tr("List tasks, best first."),
         {QStringLiteral("source"), QStringLiteral("status"), QStringLiteral("entity"),
          QStringLiteral("limit")},
         0,
         0},
        {QStringLiteral("show"), QStringLiteral("<id>"), Cli::tr("Show one task."), {}, 1, 1},
        {QStringLiteral("entities"),
         QStringLiteral("[<id> | reload]"),
         Cli::tr("List the clients, show one, or reload entities.json."),
         {},
         0,
         1},
        {QStringLiteral("outbox"),
         QStringLiteral("[retry <id> | discard <id>]"),
         Cli::tr("Show the writes waiting for their source, retry or discard one."),
         {},
         0,
         2},
        {QStringLiteral("status"),
         {},
         Cli::tr("Show the last sync of each source, the webhooks, the outbox and rate limits."),
         {},
         0,
         0},
    };
}

} // namespace

QStringList Cli::commands()
{
    QStringList names;
    for (const CommandSpec &spec : commandSpecs())
        names.append(spec.name);
    return names;
}

Cli::Cli(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{}

Cli::~Cli() = default;

int Cli::usage(const QString &message, const QString &command)
{
    m_err << "upnext-cli: " << message << Qt::endl;
    m_err << (command.isEmpty() ? tr("Run `upnext-cli --help` for the commands.")
                                : tr("Run `upnext-cli %1 --help` for its usage.").arg(command))
          << Qt::endl;
    return UserError;
}

int Cli::run(const QStringList &arguments)
{
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help and exit."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Show the version and exit."));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        tr("Use the profile in <dir> instead of the default (or $UPNEXT_PROFILE)."),
        QStringLiteral("dir"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("Print the local API's JSON answer as it is."));
    const QCommandLineOption waitOption(
        QStringLiteral("wait"),
        tr("Wait up to <seconds> for a write to reach its source (default 10; 0: do not wait)."),
        QStringLiteral("seconds"), QStringLiteral("10"));
    const QList<QCommandLineOption> globals = {helpOption, versionOption, profileOption, jsonOption,
                                               waitOption};
    const QList<QCommandLineOption> options = commandOptions();
    const QList<CommandSpec> specs = commandSpecs();

    // First the command, with every option known; then its own options only.
    QCommandLineParser all;
    all.addOptions(globals);
    all.addOptions(options);
    all.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!all.parse(arguments))
        return usage(all.errorText());
    const QString name = all.positionalArguments().value(0);
    if (name.isEmpty()) {
        if (all.isSet(versionOption)) {
            m_out << "upnext-cli " << QCoreApplication::applicationVersion() << Qt::endl;
            return Ok;
        }
        if (all.isSet(helpOption)) {
            QCommandLineParser help;
            help.setApplicationDescription(tr("Your next task across ClickUp and GitHub, from "
                                              "the command line."));
            help.addOptions(globals);
            help.addPositionalArgument(QStringLiteral("command"), tr("One of the commands below."),
                                       QStringLiteral("<command> [arguments]"));
            m_out << help.helpText() << Qt::endl << tr("Commands:") << Qt::endl;
            for (const CommandSpec &spec : specs)
                m_out << QStringLiteral("  %1 %2").arg(spec.name, -9).arg(spec.summary) << Qt::endl;
            m_out << Qt::endl
                  << tr("Exit codes: 0 ok, 1 a wrong command or id, 2 a source or network "
                        "error, 3 the profile or UpNext cannot be used.")
                  << Qt::endl;
            return Ok;
        }
        return usage(tr("No command given."));
    }
    const auto spec = std::find_if(specs.cbegin(), specs.cend(),
                                   [&name](const CommandSpec &s) { return s.name == name; });
    if (spec == specs.cend())
        return usage(tr("Unknown command \"%1\".").arg(name));

    QCommandLineParser parser;
    parser.setApplicationDescription(spec->summary);
    parser.addOptions(globals);
    for (const QCommandLineOption &option : options) {
        if (spec->options.contains(option.names().constLast()))
            parser.addOption(option);
    }
    parser.addPositionalArgument(name, spec->summary, name + u' ' + spec->arguments);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(arguments))
        return usage(parser.errorText(), name);
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText();
        return Ok;
    }
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() < spec->minArguments)
        return usage(tr("%1 needs %2.").arg(name, spec->arguments), name);
    if (positional.size() > spec->maxArguments)
        return usage(tr("Too many arguments for %1.").arg(name), name);
    m_json = parser.isSet(jsonOption);
    bool waitOk = false;
    m_wait = parser.value(waitOption).toInt(&waitOk);
    if (!waitOk || m_wait < 0 || m_wait > 600)
        return usage(tr("--wait needs a number of seconds from 0 to 600."), name);
    m_profile = Profile::resolveDirectory(parser.value(profileOption));
    // The profile's language, as the app speaks it (the direct path's app core installs it too).
    Translations::install(Settings(Profile(m_profile).settingsPath()).language());

    // What can be checked before anything is opened, so bad input changes nothing.
    if (name == QStringLiteral("comment") && positional.constFirst().trimmed().isEmpty())
        return usage(tr("The comment is empty."), name);
    if (name == QStringLiteral("done") && parser.isSet(QStringLiteral("comment")) &&
        parser.value(QStringLiteral("comment")).trimmed().isEmpty())
        return usage(tr("The comment is empty."), name);
    if (name == QStringLiteral("create")) {
        if (positional.constFirst().trimmed().isEmpty())
            return usage(tr("A task needs a title."), name);
        const QString source = parser.value(QStringLiteral("source"));
        if (!source.isEmpty() && source != Sources::ClickUp && source != Sources::GitHub)
            return usage(tr("--source is clickup or github."), name);
        if (parser.isSet(QStringLiteral("repo")) && parser.isSet(QStringLiteral("list")))
            return usage(tr("Give --repo or --list, not both."), name);
    }
    if (name == QStringLiteral("list") && parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        if (parser.value(QStringLiteral("limit")).toInt(&ok) < 1 || !ok)
            return usage(tr("--limit needs a positive number."), name);
    }
    if (name == QStringLiteral("entities") && positional.size() == 1 &&
        positional.constFirst().isEmpty())
        return usage(tr("An empty client id."), name);
    if (name == QStringLiteral("outbox") && !positional.isEmpty()) {
        const QString action = positional.constFirst();
        if (action != QStringLiteral("retry") && action != QStringLiteral("discard"))
            return usage(tr("outbox takes retry <id> or discard <id>."), name);
        if (positional.size() != 2)
            return usage(tr("outbox %1 needs an entry id.").arg(action), name);
        bool ok = false;
        if (positional.at(1).toLongLong(&ok) <= 0 || !ok)
            return usage(tr("Invalid outbox entry id: \"%1\".").arg(positional.at(1)), name);
    }

    if (!connect())
        return Unavailable;
    const bool writes =
        QStringList{QStringLiteral("done"), QStringLiteral("comment"), QStringLiteral("create"),
                    QStringLiteral("sync"), QStringLiteral("outbox")}
            .contains(name);
    if (writes && m_loadSources)
        m_loadSources();

    if (name == QStringLiteral("next"))
        return next();
    if (name == QStringLiteral("done"))
        return done(parser.value(QStringLiteral("comment")));
    if (name == QStringLiteral("skip"))
        return skip();
    if (name == QStringLiteral("comment"))
        return comment(positional.constFirst());
    if (name == QStringLiteral("create"))
        return create(positional.constFirst(), parser);
    if (name == QStringLiteral("sync"))
        return sync();
    if (name == QStringLiteral("morning"))
        return morning();
    if (name == QStringLiteral("list"))
        return list(parser);
    if (name == QStringLiteral("show"))
        return show(positional.constFirst());
    if (name == QStringLiteral("entities"))
        return entities(positional);
    if (name == QStringLiteral("outbox"))
        return outbox(positional);
    return status();
}

bool Cli::connect()
{
    const Profile profile(m_profile);
    auto instance = std::make_shared<SingleInstance>(m_profile);
    instance->setRole(SingleInstance::CliRole);
    instance->setTimeout(3000);
    // Another upnext-cli on the direct path holds the profile for a moment: wait for it.
    const SingleInstance::Outcome outcome =
        instance->claimAfterCli(SingleInstance::Request::Ping, std::chrono::seconds(30));
    if (outcome == SingleInstance::Outcome::Running) {
        QString error;
        const QByteArray token = ApiToken::readFile(profile, &error);
        QFile portFile(ApiToken::portPath(profile));
        bool ok = false;
        const quint16 port =
            portFile.open(QIODevice::ReadOnly) ? portFile.readAll().trimmed().toUShort(&ok) : 0;
        if (instance->runningRole() == SingleInstance::CliRole) {
            m_err << tr("Another upnext-cli is using the profile %1; try again in a moment.")
                         .arg(m_profile)
                  << Qt::endl;
            return false;
        }
        if (token.isEmpty() || !ok || port == 0) {
            m_err << tr("UpNext runs on the profile %1 but its local API is not listening "
                        "(the webhook port may be taken; see its log).")
                         .arg(m_profile)
                  << Qt::endl;
            return false;
        }
        m_transport = std::make_unique<HttpTransport>(port, token);
        return true;
    }
    // None runs: this command line is the profile's UpNext until it ends, so nothing else
    // sends the same outbox meanwhile.
    auto direct = std::make_unique<DirectTransport>(profile);
    QString error;
    if (!direct->open(&error)) {
        m_err << tr("Cannot open the profile %1: %2").arg(m_profile, error) << Qt::endl;
        return false;
    }
    DirectTransport *raw = direct.get();
    m_loadSources = [raw] {
        raw->loadSources();
    };
    m_transport = std::move(direct);
    m_instance = instance;
    return true;
}

QString Cli::waitQuery(const QString &separator) const
{
    return m_wait > 0 ? separator + QStringLiteral("wait=%1").arg(m_wait) : QString();
}

QString Cli::paint(const QString &text, const char *code) const
{
    if (!m_color)
        return text;
    return QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text);
}

int Cli::failed(const CliResponse &response, const QString &hint)
{
    if (m_json && !response.body.isEmpty())
        m_out << response.body << Qt::endl;
    if (!response.networkError.isEmpty()) {
        m_err << tr("Cannot reach UpNext: %1").arg(response.networkError) << Qt::endl;
        return Unavailable;
    }
    m_err << paint(response.detail(), "31") << Qt::endl;
    switch (response.status) {
    case 401:
    case 403:
        m_err << tr("The running UpNext refused the token in %1.")
                     .arg(ApiToken::tokenPath(Profile(m_profile)))
              << Qt::endl;
        return Unavailable;
    case 400:
    case 404:
    case 405:
    case 413:
        if (!hint.isEmpty())
            m_err << hint << Qt::endl;
        return UserError;
    default:
        return SourceError;
    }
}

int Cli::answer(const CliResponse &response, const std::function<void(const QJsonValue &)> &human,
                const QString &hint)
{
    if (response.status < 200 || response.status >= 300)
        return failed(response, hint);
    if (m_json)
        m_out << response.body << Qt::endl;
    else
        human(response.json());
    return Ok;
}

QString Cli::taskLine(const QJsonObject &task) const
{
    QString line = QStringLiteral("%1  %2  %3")
                       .arg(task.value(QStringLiteral("score")).toDouble(), 5, 'f', 0)
                       .arg(paint(task.value(QStringLiteral("id")).toString(), "2"),
                            task.value(QStringLiteral("title")).toString());
    if (const QString client = task.value(QStringLiteral("client")).toString(); !client.isEmpty())
        line += QStringLiteral("  [%1]").arg(client);
    if (const QString due = task.value(QStringLiteral("due_date")).toString(); !due.isEmpty())
        line += QStringLiteral("  ") + tr("due %1").arg(due);
    if (task.value(QStringLiteral("status")).toString() == QStringLiteral("done"))
        line += QStringLiteral("  ") + tr("(done)");
    return line;
}

void Cli::printTask(const QJsonObject &task, bool details)
{
    m_out << paint(task.value(QStringLiteral("title")).toString(), "1") << Qt::endl;
    const QString source = task.value(QStringLiteral("source")).toString();
    m_out << "  " << tr("Source:") << ' ' << Task::sourceName(source) << "  ("
          << task.value(QStringLiteral("id")).toString() << ')' << Qt::endl;
    if (const QString client = task.value(QStringLiteral("client")).toString(); !client.isEmpty())
        m_out << "  " << tr("Client:") << ' ' << client << Qt::endl;
    if (const QString due = task.value(QStringLiteral("due_date")).toString(); !due.isEmpty())
        m_out << "  " << tr("Due:") << ' ' << due << Qt::endl;
    if (details)
        m_out << "  " << tr("Status:") << ' ' << task.value(QStringLiteral("status")).toString()
              << Qt::endl;
    if (const QString url = task.value(QStringLiteral("url")).toString(); !url.isEmpty())
        m_out << "  " << tr("URL:") << ' ' << url << Qt::endl;
    m_out << "  " << tr("Score: %1").arg(task.value(QStringLiteral("score")).toDouble(), 0, 'f', 0)
          << Qt::endl;
    for (const QJsonValue &part : task.value(QStringLiteral("score_breakdown")).toArray()) {
        const double points = part[QStringLiteral("points")].toDouble();
        m_out << "    "
              << paint(QStringLiteral("%1%2").arg(points >= 0 ? u"+" : u"").arg(points),
                       points >= 0 ? "32" : "33")
              << ' ' << part[QStringLiteral("label")].toString() << Qt::endl;
    }
    if (details) {
        if (const QString description = task.value(QStringLiteral("description")).toString();
            !description.isEmpty())
            m_out << Qt::endl << description << Qt::endl;
    }
}

void Cli::printWrite(const QJsonObject &answer, int status)
{
    m_out << paint(answer.value(QStringLiteral("message")).toString(), "32") << Qt::endl;
    const QJsonObject entry = answer.value(QStringLiteral("outbox")).toObject();
    const QString state = entry.value(QStringLiteral("state")).toString();
    if (state == QStringLiteral("confirmed"))
        return;
    const qint64 id = entry.value(QStringLiteral("id")).toInteger();
    QString why = entry.value(QStringLiteral("last_error")).toString();
    if (m_transport->appRuns()) {
        m_err << (status == 202 ? tr("Not confirmed by the source yet (outbox entry %1, %2); "
                                     "UpNext keeps sending it.")
                                      .arg(id)
                                      .arg(state)
                                : tr("Queued as outbox entry %1; UpNext sends it.").arg(id))
              << Qt::endl;
    } else {
        m_err << tr("Not sent yet: it stays queued (outbox entry %1) and goes out the next time "
                    "UpNext or upnext-cli runs.")
                     .arg(id)
              << Qt::endl;
    }
    if (!why.isEmpty())
        m_err << tr("Last error: %1").arg(why) << Qt::endl;
}

int Cli::next()
{
    const CliResponse response = m_transport->send("GET", QStringLiteral("/next"));
    if (response.status == 404) { // nothing to do is no error
        if (m_json)
            m_out << response.body << Qt::endl;
        else
            m_out << tr("All done! No more tasks.") << Qt::endl;
        return Ok;
    }
    return answer(response, [this](const QJsonValue &task) { printTask(task.toObject()); });
}

int Cli::done(const QString &comment)
{
    QByteArray body;
    if (!comment.isEmpty())
        body = QJsonDocument(QJsonObject{{QStringLiteral("comment"), comment}})
                   .toJson(QJsonDocument::Compact);
    const CliResponse response =
        m_transport->send("POST", QStringLiteral("/done") + waitQuery(), body);
    return answer(
        response,
        [this, &response](const QJsonValue &value) {
            const QJsonObject object = value.toObject();
            printWrite(object, response.status);
            printNext(object);
        },
        tr("Run `upnext-cli next` first."));
}

void Cli::printNext(const QJsonObject &answer)
{
    const QJsonObject next = answer.value(QStringLiteral("next_task")).toObject();
    if (next.isEmpty()) {
        m_out << tr("All done! No more tasks.") << Qt::endl;
        return;
    }
    m_out << Qt::endl << tr("Next:") << ' ';
    printTask(next);
}

int Cli::skip()
{
    const CliResponse response = m_transport->send("POST", QStringLiteral("/skip"));
    return answer(
        response,
        [this](const QJsonValue &value) {
            const QJsonObject object = value.toObject();
            m_out << object.value(QStringLiteral("message")).toString() << Qt::endl;
            printNext(object);
        },
        tr("Run `upnext-cli next` first."));
}

int Cli::comment(const QString &text)
{
    const CliResponse current = m_transport->send("GET", QStringLiteral("/next"));
    if (current.status == 404) {
        m_err << tr("No current task.") << Qt::endl
              << tr("Run `upnext-cli next` first.") << Qt::endl;
        return UserError;
    }
    if (current.status != 200)
        return failed(current);
    const QString id = current.json().toObject().value(QStringLiteral("id")).toString();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("comment"), text}})
                                .toJson(QJsonDocument::Compact);
    const CliResponse response = m_transport->send(
        "POST", QStringLiteral("/tasks/%1/comment").arg(encoded(id)) + waitQuery(), body);
    return answer(response, [this, &response](const QJsonValue &value) {
        printWrite(value.toObject(), response.status);
    });
}

int Cli::create(const QString &title, const QCommandLineParser &parser)
{
    QJsonObject body{{QStringLiteral("title"), title}};
    for (const char *name : {"source", "entity", "description", "repo", "list"}) {
        const QString key = QLatin1String(name);
        if (parser.isSet(key))
            body.insert(key, parser.value(key));
    }
    const CliResponse response =
        m_transport->send("POST", QStringLiteral("/tasks") + waitQuery(),
                          QJsonDocument(body).toJson(QJsonDocument::Compact));
    return answer(
        response,
        [this, &response](const QJsonValue &value) {
            const QJsonObject object = value.toObject();
            printWrite(object, response.status);
            const QString id =
                object.value(QStringLiteral("task"))[QStringLiteral("id")].toString();
            if (!id.isEmpty())
                m_out << "  " << id << Qt::endl;
        },
        tr("Give --repo OWNER/NAME or --list ID, or set github/createRepo or "
           "clickup/createListId in the profile's settings.ini."));
}

int Cli::sync()
{
    const CliResponse response = m_transport->send("POST", QStringLiteral("/sync") + waitQuery());
    const auto print = [this](const QJsonValue &value) {
        const QJsonObject object = value.toObject();
        const QJsonArray sources = object.value(QStringLiteral("sources")).toArray();
        if (sources.isEmpty())
            m_out << object.value(QStringLiteral("message")).toString() << Qt::endl;
        for (const QJsonValue &source : sources) {
            const QString name = Task::sourceName(source[QStringLiteral("source")].toString());
            if (const QString error = source[QStringLiteral("error")].toString(); !error.isEmpty())
                m_out << name << ": " << paint(error, "31") << Qt::endl;
            else
                m_out << name << ": "
                      << tr("%1 new, %2 updated, %3 closed")
                             .arg(source[QStringLiteral("new")].toInt())
                             .arg(source[QStringLiteral("updated")].toInt())
                             .arg(source[QStringLiteral("closed")].toInt())
                      << Qt::endl;
        }
    };
    if (response.status == 502 && !m_json) { // each source's outcome, then the error
        print(response.json());
        return SourceError;
    }
    return answer(response, print,
                  tr("Set a token in UpNext's settings (or $UPNEXT_GITHUB_TOKEN, "
                     "$UPNEXT_CLICKUP_TOKEN)."));
}

int Cli::morning()
{
    const CliResponse response = m_transport->send("GET", QStringLiteral("/morning"));
    return answer(response, [this](const QJsonValue &value) {
        const QJsonObject object = value.toObject();
        const auto section = [&](const QString &title, const QString &key) {
            const QJsonArray tasks = object.value(key).toArray();
            if (tasks.isEmpty())
                return;
            m_out << paint(title, "1") << Qt::endl;
            for (const QJsonValue &task : tasks)
                m_out << "  " << taskLine(task.toObject()) << Qt::endl;
            m_out << Qt::endl;
        };
        section(tr("Top tasks"), QStringLiteral("top_tasks"));
        section(tr("Overdue"), QStringLiteral("overdue"));
        section(tr("Due today"), QStringLiteral("due_today"));
        section(tr("Changed elsewhere"), QStringLiteral("changed_elsewhere"));
        const QJsonArray failed = object.value(QStringLiteral("failed_writes")).toArray();
        if (!failed.isEmpty()) {
            m_out << paint(tr("Writes the sources refused"), "1") << Qt::endl;
            for (const QJsonValue &entry : failed)
                m_out << "  " << entry[QStringLiteral("id")].toInteger() << "  "
                      << entry[QStringLiteral("task_id")].toString() << "  "
                      << entry[QStringLiteral("last_error")].toString() << Qt::endl;
        }
        if (object.value(QStringLiteral("top_tasks")).toArray().isEmpty())
            m_out << tr("All done! No more tasks.") << Qt::endl;
    });
}

int Cli::list(const QCommandLineParser &parser)
{
    QUrlQuery query;
    for (const char *name : {"source", "status", "entity", "limit"}) {
        const QString key = QLatin1String(name);
        if (parser.isSet(key))
            query.addQueryItem(key,
                               QString::fromLatin1(QUrl::toPercentEncoding(parser.value(key))));
    }
    const QString path = query.isEmpty()
                             ? QStringLiteral("/tasks")
                             : QStringLiteral("/tasks?") + query.toString(QUrl::FullyEncoded);
    const CliResponse response = m_transport->send("GET", path);
    return answer(response, [this](const QJsonValue &value) {
        const QJsonArray tasks = value.toArray();
        if (tasks.isEmpty())
            m_out << tr("No tasks.") << Qt::endl;
        for (const QJsonValue &task : tasks)
            m_out << taskLine(task.toObject()) << Qt::endl;
    });
}

int Cli::show(const QString &id)
{
    const CliResponse response =
        m_transport->send("GET", QStringLiteral("/tasks/%1").arg(encoded(id)));
    return answer(
        response, [this](const QJsonValue &task) { printTask(task.toObject(), true); },
        tr("Task ids look like clickup:86abc or github:owner/repo#42; `upnext-cli list` shows "
           "them."));
}

int Cli::entities(const QStringList &arguments)
{
    if (arguments.value(0) == QStringLiteral("reload")) {
        const CliResponse response = m_transport->send("POST", QStringLiteral("/entities/reload"));
        return answer(response, [this](const QJsonValue &value) {
            m_out << value[QStringLiteral("message")].toString() << Qt::endl;
        });
    }
    const auto printEntity = [this](const QJsonObject &entity) {
        m_out << entity.value(QStringLiteral("id")).toString() << "  "
              << entity.value(QStringLiteral("name")).toString();
        if (entity.value(QStringLiteral("is_revenue")).toBool())
            m_out << "  " << tr("(revenue)");
        m_out << "  "
              << tr("weight %1").arg(entity.value(QStringLiteral("priority_weight")).toDouble())
              << Qt::endl;
    };
    if (!arguments.isEmpty()) {
        const CliResponse response = m_transport->send(
            "GET", QStringLiteral("/entities/%1").arg(encoded(arguments.constFirst())));
        return answer(
            response,
            [this, printEntity](const QJsonValue &value) {
                printEntity(value.toObject());
                for (const QJsonValue &task : value[QStringLiteral("open_tasks")].toArray())
                    m_out << "  " << taskLine(task.toObject()) << Qt::endl;
            },
            tr("`upnext-cli entities` lists the clients."));
    }
    const CliResponse response = m_transport->send("GET", QStringLiteral("/entities"));
    return answer(response, [this, printEntity](const QJsonValue &value) {
        const QJsonArray all = value.toArray();
        if (all.isEmpty())
            m_out << tr("No clients (entities.json).") << Qt::endl;
        for (const QJsonValue &entity : all)
            printEntity(entity.toObject());
    });
}

int Cli::outbox(const QStringList &arguments)
{
    if (!arguments.isEmpty()) {
        const bool retry = arguments.constFirst() == QStringLiteral("retry");
        const CliResponse response =
            retry
                ? m_transport->send("POST", QStringLiteral("/outbox/%1/retry").arg(arguments.at(1)))
                : m_transport->send("DELETE", QStringLiteral("/outbox/%1").arg(arguments.at(1)));
        return answer(
            response,
            [this](const QJsonValue &value) {
                m_out << value[QStringLiteral("message")].toString() << Qt::endl;
            },
            tr("`upnext-cli outbox` lists the entries."));
    }
    const CliResponse response = m_transport->send("GET", QStringLiteral("/outbox"));
    return answer(response, [this](const QJsonValue &value) {
        const QJsonArray entries = value.toArray();
        if (entries.isEmpty())
            m_out << tr("The outbox is empty: every change reached its source.") << Qt::endl;
        for (const QJsonValue &entry : entries) {
            m_out << entry[QStringLiteral("id")].toInteger() << "  "
                  << entry[QStringLiteral("kind")].toString() << "  "
                  << entry[QStringLiteral("task_id")].toString() << "  "
                  << entry[QStringLiteral("state")].toString() << "  "
                  << tr("%n attempts", nullptr, entry[QStringLiteral("attempts")].toInt());
            if (const QString error = entry[QStringLiteral("last_error")].toString();
                !error.isEmpty())
                m_out << "  " << paint(error, "31");
            m_out << Qt::endl;
        }
    });
}

int Cli::status()
{
    const CliResponse response = m_transport->send("GET", QStringLiteral("/status"));
    return answer(response, [this](const QJsonValue &value) {
        const QJsonObject object = value.toObject();
        const QJsonArray sources = object.value(QStringLiteral("sources")).toArray();
        if (sources.isEmpty())
            m_out << tr("No source has a token.") << Qt::endl;
        for (const QJsonValue &source : sources)
            m_out << source[QStringLiteral("description")].toString() << Qt::endl;
        const QJsonObject hooks = object.value(QStringLiteral("webhooks")).toObject();
        m_out << (hooks.value(QStringLiteral("listening")).toBool()
                      ? tr("Webhooks: listening on port %1")
                            .arg(hooks.value(QStringLiteral("port")).toInt())
                      : tr("Webhooks: not listening"))
              << Qt::endl;
        const QJsonObject outbox = object.value(QStringLiteral("outbox")).toObject();
        m_out << tr("Outbox: %1 waiting, %2 failed")
                     .arg(outbox.value(QStringLiteral("waiting")).toInt())
                     .arg(outbox.value(QStringLiteral("failed")).toInt())
              << Qt::endl;
        for (const QJsonValue &limit : object.value(QStringLiteral("rate_limits")).toArray())
            m_out << tr("%1: rate limited until %2")
                         .arg(Task::sourceName(limit[QStringLiteral("source")].toString()),
                              limit[QStringLiteral("until")].toString())
                  << Qt::endl;
        if (!m_transport->appRuns())
            m_out << tr("UpNext is not running on this profile.") << Qt::endl;
    });
}

} // namespace UpNext
