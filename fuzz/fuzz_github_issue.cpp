// An issue as GitHub's REST API sends it (an item of /issues or /repos/{repo}/issues) into
// GitHubIssue::toTask(). Input: the JSON.

#include "FuzzSupport.h"

#include "core/Entities.h"
#include "sources/GitHubIssue.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace UpNext;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Entities entities;
    static const GitHubReaderOptions options;
    static const GitHubIssue parser(options, QStringLiteral("octocat"), &entities);
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    QStringList warnings;
    if (const std::optional<Task> task =
            parser.toTask(document.object(), QStringLiteral("acme/web"), &warnings))
        (void)Task::parseId(task->id);
    (void)GitHubIssue::repoOf(document.object(), QStringLiteral("acme/web"));
    return 0;
}
