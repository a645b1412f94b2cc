#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QList>

#include <algorithm>

namespace UpNext::Bench {

// Peak resident memory of this process (VmHWM), in MiB.
inline double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// The p-th percentile (0 … 1) of values, nearest rank.
inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

// Parses --help and --json; true when one JSON object is wanted instead of a table.
inline bool wantsJson(const QCoreApplication &app, const QString &description)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object instead of a table."));
    parser.addOption(json);
    parser.process(app);
    return parser.isSet(json);
}

} // namespace UpNext::Bench
