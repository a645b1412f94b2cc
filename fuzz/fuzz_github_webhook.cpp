// GitHub webhook deliveries into GitHubWebhook::handle(): signature check, JSON or form body,
// the issue parsed and merged into the store.
//
// Input: "name: value" header lines (x-github-event, x-github-delivery, content-type, …), an
// empty line, the body (FuzzSupport.h); signed when it has no x-hub-signature-256 header
// (Fuzz::deliver).

#include "FuzzProfile.h"

#include "server/GitHubWebhook.h"

using namespace UpNext;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::deliver<GitHubWebhook>(data, size, "x-hub-signature-256", "sha256=");
    return 0;
}
