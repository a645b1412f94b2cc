#include "cli/Cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>
#include <cstring>

#include <unistd.h>

using namespace UpNext;

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("upnext"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UPNEXT_VERSION));
    const QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Arguments become comments and titles at the sources: bytes that are no UTF-8 are refused
    // before anything is opened.
    for (int i = 1; i < argc; ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder(QByteArrayView(argv[i], qsizetype(std::strlen(argv[i]))));
        if (decoder.hasError()) {
            err << Cli::tr("upnext-cli: argument %1 is not valid UTF-8.").arg(i) << Qt::endl;
            return Cli::UserError;
        }
    }
    // The app core's progress is the app's log, not the command's output; warnings stay.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("upnext.*.info=false"));
    Cli cli(out, err);
    cli.setColor(isatty(fileno(stdout)) && qEnvironmentVariableIsEmpty("NO_COLOR"));
    return cli.run(QCoreApplication::arguments());
}
