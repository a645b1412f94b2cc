// entities.json into Entities::load(), then the lookups the sync makes with what was loaded.
// Input: the file.

#include "FuzzSupport.h"

#include "core/Entities.h"

#include <QFile>

#include <cstdlib>

using namespace UpNext;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = Fuzz::scratchDir() + QStringLiteral("/entities.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        std::abort();
    file.close();

    Entities entities;
    if (!entities.load(path))
        return 0;
    for (const Entity &entity : entities.all()) {
        (void)entities.find(entity.id);
        (void)entities.fromClickUpTags({QStringLiteral("client:") + entity.id});
        (void)entities.fromGitHubTitle(QStringLiteral("[CLIENT:%1] Fix it").arg(entity.id));
        for (const QString &alias : entity.aliases)
            (void)entities.find(alias);
    }
    (void)entities.reload();
    return 0;
}
