#pragma once

// What the fuzz targets share: one QCoreApplication with Qt's log kept quiet, a scratch folder,
// and the split of an input into HTTP-like headers and a body, so the seed corpora are readable
// deliveries and requests.

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

namespace UpNext::Fuzz {

// The application every target needs (event loop, QSettings, translations); call from
// LLVMFuzzerInitialize. Qt's messages are dropped (qFatal still aborts): they would only slow
// the fuzzer down.
inline void init(int *argc, char ***argv)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    static auto *app = new QCoreApplication(*argc, *argv);
    Q_UNUSED(app);
}

// A folder for the target's files, removed at exit.
inline QString scratchDir()
{
    static QTemporaryDir dir;
    return dir.path();
}

struct Message
{
    QByteArray firstLine;                  // with FirstLine::Request: "POST /tasks?wait=0"
    QHash<QByteArray, QByteArray> headers; // names lower-cased, values trimmed
    QByteArray body;
};

enum class FirstLine { None, Request };

// The input as an HTTP message: [a request line,] "name: value" lines, an empty line, then the
// body (\n or \r\n). Without an empty line there are no headers: the whole input (after the
// request line) is the body.
inline Message splitMessage(const uint8_t *data, size_t size, FirstLine firstLine)
{
    Message message;
    QByteArray rest(reinterpret_cast<const char *>(data), qsizetype(size));
    if (firstLine == FirstLine::Request) {
        const qsizetype end = rest.indexOf('\n');
        message.firstLine = rest.left(end).trimmed();
        rest = end < 0 ? QByteArray() : rest.mid(end + 1);
    }
    qsizetype split = rest.indexOf("\n\n");
    qsizetype skip = 2;
    const qsizetype crlf = rest.indexOf("\r\n\r\n");
    if (crlf >= 0 && (split < 0 || crlf < split)) {
        split = crlf;
        skip = 4;
    }
    if (split < 0) {
        message.body = rest;
        return message;
    }
    for (const QByteArray &line : rest.left(split).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            message.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
    }
    message.body = rest.mid(split + skip);
    return message;
}

} // namespace UpNext::Fuzz
