#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace UpNext {

// Parses a JSON object with simdjson and turns only the parts a shape names into Qt's JSON
// types. A webhook delivery is ~6 KB of which the receiver reads a few dozen fields;
// QJsonDocument spent most of its time building the rest.
class JsonPicker final
{
public:
    // shape: the keys to take. A key whose shape is an object takes only those keys of an
    // object value (of each element of an array value); any other shape takes the value whole.
    explicit JsonPicker(const QJsonObject &shape);

    // The parts of json the shape names; nothing, with *error, when json is not valid JSON
    // (the whole document is checked, UTF-8 included) or not an object. Safe on any thread.
    std::optional<QJsonObject> pick(QByteArrayView json, QString *error) const;

    struct Shape; // the shape, as pick() walks it

private:
    std::shared_ptr<const Shape> m_shape;
};

} // namespace UpNext
