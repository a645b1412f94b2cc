#pragma once

#include "CliTransport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

class QCommandLineParser;

namespace UpNext {

// upnext-cli: parses a command (next, done, skip, comment, create, sync, morning, list, show,
// entities, outbox, status), sends it to the local API of the UpNext running on the profile
// or, when none runs, of an app core opened here, and prints the answer for people or, with
// --json, as the API gave it. Exit codes: 0 ok, 1 the user's mistake (with a hint), 2 a
// source or the network refused, 3 the profile or the running UpNext cannot be used.
class Cli final
{
    Q_DECLARE_TR_FUNCTIONS(UpNext::Cli)

public:
    enum Exit { Ok = 0, UserError = 1, SourceError = 2, Unavailable = 3 };

    // The commands, for the help and the shell completions.
    static QStringList commands();

    Cli(QTextStream &out, QTextStream &err);
    ~Cli();

    // ANSI colours in the human output (a terminal only).
    void setColor(bool color) { m_color = color; }
    // arguments as QCoreApplication::arguments(), the program's name first.
    int run(const QStringList &arguments);

private:
    int usage(const QString &message, const QString &command = {});
    int failed(const CliResponse &response, const QString &hint = {});
    // Prints the JSON (--json) or calls human; the exit code for the answer.
    int answer(const CliResponse &response, const std::function<void(const QJsonValue &)> &human,
               const QString &hint = {});
    bool connect();

    int next();
    int done(const QString &comment);
    int skip();
    int comment(const QString &text);
    int create(const QString &title, const QCommandLineParser &parser);
    int sync();
    int morning();
    int list(const QCommandLineParser &parser);
    int show(const QString &id);
    int entities(const QStringList &arguments);
    int outbox(const QStringList &arguments);
    int status();

    // The wait the write commands ask the API for.
    QString waitQuery(const QString &separator = QStringLiteral("?")) const;
    void printTask(const QJsonObject &task, bool details = false);
    void printWrite(const QJsonObject &answer, int status);
    // After a Done or Skip: the answer's next task, or that nothing is left.
    void printNext(const QJsonObject &answer);
    QString paint(const QString &text, const char *code) const;
    QString taskLine(const QJsonObject &task) const;

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_color = false;
    bool m_json = false;
    int m_wait = 10;
    QString m_profile;
    std::unique_ptr<CliTransport> m_transport;
    std::function<void()> m_loadSources; // the direct path's, before writes and syncs
    std::shared_ptr<void> m_instance;    // the direct path holds the profile meanwhile
};

} // namespace UpNext
