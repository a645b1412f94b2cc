// A task as ClickUp's REST API sends it (GET /task/{id}, an item of a list page) into
// ClickUpTask::toTask(). Input: the JSON.

#include "FuzzSupport.h"

#include "core/Entities.h"
#include "sources/ClickUpTask.h"

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
    static const ClickUpTask parser({QStringLiteral("in progress"), QStringLiteral("doing")},
                                    QStringLiteral("183"), QStringLiteral("octo"), &entities);
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    QStringList warnings;
    if (const std::optional<Task> task =
            parser.toTask(document.object(), QStringLiteral("901"), &warnings))
        (void)Task::parseId(task->id);
    return 0;
}
