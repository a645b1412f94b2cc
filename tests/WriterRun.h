#pragma once

#include "sources/SourceWriter.h"

#include <QTest>

#include <functional>
#include <optional>

namespace UpNext::TestSim {

// Runs one writer call to its answer. answeredEarly is set when the callback ran before
// the call returned (writers must answer asynchronously).
inline WriteResult runWriter(const std::function<void(QObject *, SourceWriter::Callback)> &call,
                             bool *answeredEarly)
{
    QObject context;
    std::optional<WriteResult> result;
    int answers = 0;
    call(&context, [&](const WriteResult &answer) {
        result = answer;
        ++answers;
    });
    *answeredEarly = *answeredEarly || result.has_value();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return WriteResult{.message = QStringLiteral("no answer")};
    if (answers != 1)
        return WriteResult{.message = QStringLiteral("answered %1 times").arg(answers)};
    return *result;
}

// Emoji, right-to-left scripts, CR/LF/tab, markup and quotes; long ones padded to 64 KB of UTF-8.
inline QString unusualText(bool long_)
{
    QString text = QStringLiteral("Done ✅ 🎉👩‍💻\nשלום עולם — مرحبا "
                                  "بالعالم\r\n\t<b>bold</b> "
                                  "\"quoted\" \\ back\\slash\n\n  indented\n");
    while (long_ && text.toUtf8().size() < 64 * 1024)
        text += QStringLiteral("🚀 a line, שורה, سطر\n");
    return text;
}

} // namespace UpNext::TestSim
