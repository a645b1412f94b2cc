// GitHub's paging Link header into RestClient::linkedPage(), for "next" and "last".
// Input: the header's value.

#include "FuzzSupport.h"

#include "sources/RestClient.h"

using namespace UpNext;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::init(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QNetworkAccessManager manager;
    static const RestClient client(&manager, QUrl(QStringLiteral("https://api.github.com")));
    HttpReply reply;
    reply.status = 200;
    reply.headers.insert("link", QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)client.linkedPage(reply, QLatin1StringView("next"));
    (void)client.linkedPage(reply, QLatin1StringView("last"));
    return 0;
}
