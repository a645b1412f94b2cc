// ClickUp webhook deliveries into ClickUpWebhook::handle(): signature check, the payload's
// history items applied to the store or queued for fetching.
//
// Input: "name: value" header lines, an empty line, the body (FuzzSupport.h). Without an
// x-signature header the body is signed with the receiver's secret, so most inputs get past
// the signature to the parsing.

#include "FuzzProfile.h"

#include "server/ClickUpWebhook.h"
#include "server/WebhookSignature.h"

using namespace UpNext;

namespace {

const QByteArray Secret = "fuzz-secret";

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Fuzz::FuzzProfile profile;
    static ClickUpWebhook *receiver = [] {
        auto *webhook = new ClickUpWebhook(profile.parts());
        webhook->setSecret(Secret);
        return webhook;
    }();

    Fuzz::Message message = Fuzz::splitMessage(data, size, Fuzz::FirstLine::None);
    if (!message.headers.contains("x-signature"))
        message.headers.insert("x-signature", WebhookSignature::sign(Secret, message.body));
    receiver->handle(message.headers, message.body);
    return 0;
}
