#include "Task.h"

#include <QCoreApplication>

#include <algorithm>

namespace UpNext {

QString Task::makeId(const QString &source, const QString &sourceId)
{
    return source + QLatin1Char(':') + sourceId;
}

namespace {

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isDigits(QStringView text, qsizetype min, qsizetype max)
{
    return text.size() >= min && text.size() <= max &&
           std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; });
}

// 1 to 64 of [A-Za-z0-9_-].
bool isClickUpId(QStringView id)
{
    return !id.isEmpty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](QChar c) {
        return isAsciiAlnum(c.unicode()) || c == u'_' || c == u'-';
    });
}

// "owner/repo#<n>": owners are alphanumerics and '-' (not first), repos also '.' and '_'
// (but not "." or "..", which would climb out of the repository in a URL path).
// "local-<n>" numbers stand for issues created here and not yet confirmed by GitHub.
bool isGitHubId(QStringView id)
{
    const qsizetype slash = id.indexOf(u'/');
    const qsizetype hash = id.indexOf(u'#');
    if (slash < 1 || hash < slash + 2 || !isAsciiAlnum(id.front().unicode()))
        return false;
    const QStringView owner = id.first(slash);
    const QStringView repo = id.sliced(slash + 1, hash - slash - 1);
    const QStringView number = id.sliced(hash + 1);
    const bool ownerOk = std::all_of(
        owner.begin(), owner.end(), [](QChar c) { return isAsciiAlnum(c.unicode()) || c == u'-'; });
    const bool repoOk =
        repo != u"." && repo != u".." && std::all_of(repo.begin(), repo.end(), [](QChar c) {
            return isAsciiAlnum(c.unicode()) || c == u'.' || c == u'_' || c == u'-';
        });
    const QLatin1StringView local("local-");
    const bool numberOk = number.startsWith(local)
                              ? isDigits(number.sliced(local.size()), 1, 18)
                              : !number.startsWith(u'0') && isDigits(number, 1, 10);
    return ownerOk && repoOk && numberOk;
}

bool isSourceId(QStringView source, QStringView sourceId)
{
    return (source == Sources::ClickUp && isClickUpId(sourceId)) ||
           (source == Sources::GitHub && isGitHubId(sourceId));
}

} // namespace

bool Task::parseId(const QString &id, QString *source, QString *sourceId)
{
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    if (colon <= 0 || !isSourceId(QStringView(id).first(colon), QStringView(id).sliced(colon + 1)))
        return false;
    if (source)
        *source = id.left(colon);
    if (sourceId)
        *sourceId = id.mid(colon + 1);
    return true;
}

bool Task::isValidId(const QString &id, const QString &source, const QString &sourceId)
{
    return id.size() == source.size() + 1 + sourceId.size() && id.startsWith(source) &&
           id.at(source.size()) == u':' && id.endsWith(sourceId) && isSourceId(source, sourceId);
}

bool Task::isLocalId(const QString &id)
{
    QString source;
    QString sourceId;
    if (!parseId(id, &source, &sourceId))
        return false;
    return source == Sources::GitHub ? sourceId.contains(QLatin1String("#local-"))
                                     : sourceId.startsWith(QLatin1String("local-"));
}

QString Task::sourceName(const QString &source)
{
    return source == Sources::GitHub ? QCoreApplication::translate("UpNext::Task", "GitHub")
                                     : QCoreApplication::translate("UpNext::Task", "ClickUp");
}

QString Task::statusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Todo:
        return QStringLiteral("todo");
    case TaskStatus::InProgress:
        return QStringLiteral("in_progress");
    case TaskStatus::Done:
        return QStringLiteral("done");
    }
    Q_UNREACHABLE();
}

std::optional<TaskStatus> Task::statusFromName(const QString &name)
{
    for (TaskStatus status : {TaskStatus::Todo, TaskStatus::InProgress, TaskStatus::Done}) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace UpNext
