#pragma once

#include "core/SyncState.h"
#include "core/TaskStore.h"
#include "sources/SourceReader.h"

#include <QSignalSpy>

namespace UpNext::TestSim {

// Runs one read to the end and, when it succeeded, keeps what the sync engine
// would keep (its state and its tasks), so the next read builds on it.
inline ReadResult runReader(SourceReader &reader, TaskStore &store)
{
    reader.setMaxRateLimitWait(10);
    QSignalSpy finished(&reader, &SourceReader::finished);
    reader.start();
    if (!finished.wait(30000))
        return {.error = QStringLiteral("timed out")};
    const ReadResult result = finished.first().first().value<ReadResult>();
    if (result.error.isEmpty()) {
        SyncState(&store).setValues(result.source, result.state);
        for (auto it = result.moved.cbegin(); it != result.moved.cend(); ++it) {
            if (store.task(it.key()))
                store.moveTask(it.key(), it.value());
        }
        store.upsert(result.tasks);
    }
    return result;
}

} // namespace UpNext::TestSim
