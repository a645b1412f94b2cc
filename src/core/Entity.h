#pragma once

#include <QString>
#include <QStringList>

namespace UpNext {

// A client the user works for, from entities.json.
struct Entity
{
    QString id;
    QString name;
    bool revenue = false;
    double weight = 1.0; // priority weight, multiplies ScoreWeights::entityWeight
    QStringList aliases;

    bool operator==(const Entity &other) const = default;
};

} // namespace UpNext
