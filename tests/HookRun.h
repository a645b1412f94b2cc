#pragma once

#include "sources/Webhook.h"

#include <QTest>

#include <optional>

namespace UpNext::TestSim {

// Runs one ClickUpHooks / GitHubHooks call to its answer. answeredEarly is set when the
// callback ran before the call returned (they must answer asynchronously).
inline WebhookResult runHooks(const std::function<void(QObject *, WebhookCallback)> &call,
                              bool *answeredEarly)
{
    QObject context;
    std::optional<WebhookResult> result;
    int answers = 0;
    call(&context, [&](const WebhookResult &answer) {
        result = answer;
        ++answers;
    });
    *answeredEarly = *answeredEarly || result.has_value();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return WebhookResult{.message = QStringLiteral("no answer")};
    if (answers != 1)
        return WebhookResult{.message = QStringLiteral("answered %1 times").arg(answers)};
    return *result;
}

} // namespace UpNext::TestSim
