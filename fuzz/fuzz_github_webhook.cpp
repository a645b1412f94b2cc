// GitHub webhook deliveries into GitHubWebhook::handle(): signature check, JSON or form body,
// the issue parsed and merged into the store.
//
// Input: "name: value" header lines (x-github-event, x-github-delivery, content-type, …), an
// empty line, the body (FuzzSupport.h). Without an x-hub-signature-256 header the body is
// signed with the receiver's secret, so most inputs get past the signature to the parsing.

#include "FuzzProfile.h"

#include "server/GitHubWebhook.h"
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
    static GitHubWebhook *receiver = [] {
        auto *webhook = new GitHubWebhook(profile.parts());
        webhook->setSecret(Secret);
        return webhook;
    }();

    Fuzz::Message message = Fuzz::splitMessage(data, size, Fuzz::FirstLine::None);
    if (!message.headers.contains("x-hub-signature-256"))
        message.headers.insert("x-hub-signature-256",
                               "sha256=" + WebhookSignature::sign(Secret, message.body));
    receiver->handle(message.headers, message.body);
    return 0;
}
