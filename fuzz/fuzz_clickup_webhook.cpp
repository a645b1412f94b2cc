// ClickUp webhook deliveries into ClickUpWebhook::handle(): signature check, the payload's
// history items applied to the store or queued for fetching.
//
// Input: "name: value" header lines, an empty line, the body (FuzzSupport.h); signed when it
// has no x-signature header (Fuzz::deliver).

#include "FuzzProfile.h"

#include "server/ClickUpWebhook.h"

using namespace UpNext;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::deliver<ClickUpWebhook>(data, size, "x-signature", "");
    return 0;
}
