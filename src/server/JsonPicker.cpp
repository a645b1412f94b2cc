#include "JsonPicker.h"

#include <QJsonArray>

#include <simdjson.h>

namespace UpNext {

struct JsonPicker::Shape
{
    struct Key;
    bool whole = false;
    std::vector<Key> keys;
};

struct JsonPicker::Shape::Key
{
    std::string name;
    Shape shape;
};

namespace {

using Element = simdjson::dom::element;
using Shape = JsonPicker::Shape;

Shape shapeOf(const QJsonValue &value)
{
    Shape shape;
    shape.whole = !value.isObject();
    const QJsonObject keys = value.toObject();
    for (auto it = keys.constBegin(); it != keys.constEnd(); ++it)
        shape.keys.push_back({it.key().toStdString(), shapeOf(it.value())});
    return shape;
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QJsonValue convert(Element element, const Shape &shape)
{
    switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
        QJsonObject object;
        const simdjson::dom::object fields = element.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : fields) {
            if (shape.whole) {
                object.insert(toQString(field.key), convert(field.value, shape));
                continue;
            }
            for (const Shape::Key &key : shape.keys) {
                if (key.name == field.key) {
                    object.insert(toQString(field.key), convert(field.value, key.shape));
                    break;
                }
            }
        }
        return object;
    }
    case simdjson::dom::element_type::ARRAY: {
        QJsonArray array;
        const simdjson::dom::array items = element.get_array().value_unsafe();
        for (const Element item : items)
            array.append(convert(item, shape));
        return array;
    }
    case simdjson::dom::element_type::STRING:
        return toQString(element.get_string().value_unsafe());
    case simdjson::dom::element_type::INT64:
        return qint64(element.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return double(element.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return element.get_double().value_unsafe();
    case simdjson::dom::element_type::BOOL:
        return element.get_bool().value_unsafe();
    case simdjson::dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue::Null;
}

} // namespace

JsonPicker::JsonPicker(const QJsonObject &shape)
    : m_shape(std::make_shared<const Shape>(shapeOf(shape)))
{}

std::optional<QJsonObject> JsonPicker::pick(QByteArrayView json, QString *error) const
{
    // One per thread, kept: it reuses its buffers, sized for the largest document so far.
    thread_local simdjson::dom::parser parser;
    if (json.isEmpty()) { // its data may be null, which simdjson would copy from
        *error = QString::fromLatin1(simdjson::error_message(simdjson::EMPTY));
        return std::nullopt;
    }
    const simdjson::simdjson_result<Element> document =
        parser.parse(json.data(), size_t(json.size()));
    if (document.error() != simdjson::SUCCESS) {
        *error = QString::fromLatin1(simdjson::error_message(document.error()));
        return std::nullopt;
    }
    if (!document.value_unsafe().is_object()) {
        *error = QStringLiteral("not an object");
        return std::nullopt;
    }
    return convert(document.value_unsafe(), *m_shape).toObject();
}

} // namespace UpNext
