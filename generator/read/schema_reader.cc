// Loads data/schema.toml (the input contract as data) into model/schema.h
// types, resolving values_from against the built-in reference data.
#include <stdexcept>
#include <toml++/toml.h>

#include "base/resources.h"
#include "base/text.h"
#include "model/reference.h"
#include "model/schema.h"

namespace kyosei {

namespace {

ColumnType parse_type(const std::string& s) {
  static const std::pair<const char*, ColumnType> names[] = {
      {"id", ColumnType::Id},           {"text", ColumnType::Text},         {"markdown", ColumnType::Markdown},
      {"integer", ColumnType::Integer}, {"decimal", ColumnType::Decimal},   {"percent", ColumnType::Percent},
      {"fraction", ColumnType::Fraction}, {"year", ColumnType::Year},       {"date", ColumnType::Date},
      {"year_month", ColumnType::YearMonth}, {"yen", ColumnType::Yen},      {"enum", ColumnType::Enum},
      {"code_yen", ColumnType::CodeYen}, {"year_value", ColumnType::YearValue}, {"path", ColumnType::Path},
      {"phone", ColumnType::Phone},     {"url", ColumnType::Url},
  };
  for (auto& [n, t] : names)
    if (s == n) return t;
  throw std::runtime_error("data/schema.toml: unknown column type " + s);
}

std::vector<std::string> strings(const toml::node_view<const toml::node>& v) {
  std::vector<std::string> out;
  if (auto* arr = v.as_array())
    for (auto& e : *arr) out.push_back(e.value_or(std::string()));
  return out;
}

std::vector<std::string> vocabulary_from(const std::string& source, const Reference& ref) {
  std::vector<std::string> out;
  if (source == "jusou")
    for (auto& c : ref.components) out.push_back(c.key);
  else if (source == "roles")
    for (auto& r : ref.roles) out.push_back(r.role);
  else if (source == "assessment")
    for (auto& i : ref.assessment_items) out.push_back(i.id);
  else
    throw std::runtime_error("data/schema.toml: unknown values_from " + source);
  return out;
}

Schema load() {
  auto bytes = resource("data/schema.toml");
  if (!bytes) throw std::runtime_error("missing embedded data/schema.toml");
  toml::table doc = toml::parse(*bytes, std::string_view("data/schema.toml"));
  const Reference& ref = builtin_reference();
  Schema schema;
  schema.version = doc["version"].value_or(0);
  if (auto* files = doc["file"].as_array()) {
    for (auto& f : *files) {
      const toml::table& ft = *f.as_table();
      FileSpec spec;
      spec.name = ft["name"].value_or(std::string());
      spec.title = ft["title"].value_or(std::string());
      spec.required = ft["required"].value_or(false);
      if (auto* cols = ft["column"].as_array()) {
        for (auto& c : *cols) {
          const toml::table& ct = *c.as_table();
          ColumnSpec col;
          col.name = ct["name"].value_or(std::string());
          col.type = parse_type(ct["type"].value_or(std::string("text")));
          col.required = ct["required"].value_or(false);
          col.multi = ct["multi"].value_or(false);
          col.unique = ct["unique"].value_or(false);
          col.personal = ct["personal"].value_or(false);
          col.unknown_is_warning = ct["unknown"].value_or(std::string()) == "warning";
          col.values = strings(ct["values"]);
          col.values_from = ct["values_from"].value_or(std::string());
          if (!col.values_from.empty()) col.values = vocabulary_from(col.values_from, ref);
          for (const auto& v : col.values) col.normalized_values.push_back(normalize(v));
          col.ref = ct["ref"].value_or(std::string());
          if (auto v = ct["min"].value<double>()) col.min = *v;
          if (auto v = ct["max"].value<double>()) col.max = *v;
          col.default_value = ct["default"].value_or(std::string());
          col.required_if_column = ct["required_if_column"].value_or(std::string());
          col.required_if_values = strings(ct["required_if_values"]);
          col.help = ct["help"].value_or(std::string());
          col.example = ct["example"].value_or(std::string());
          spec.columns.push_back(std::move(col));
        }
      }
      schema.files.push_back(std::move(spec));
    }
  }
  return schema;
}

}  // namespace

const Schema& builtin_schema() {
  static const Schema schema = load();
  return schema;
}

const ColumnSpec* FileSpec::column(const std::string& n) const {
  for (const auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

const FileSpec* Schema::file(const std::string& n) const {
  for (const auto& f : files)
    if (f.name == n) return &f;
  return nullptr;
}

const std::vector<std::string>& Schema::values(const std::string& file_name, const std::string& column_name) const {
  static const std::vector<std::string> none;
  const FileSpec* f = file(file_name);
  const ColumnSpec* c = f ? f->column(column_name) : nullptr;
  return c ? c->values : none;
}

const char* column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::Id: return "id";
    case ColumnType::Text: return "text";
    case ColumnType::Markdown: return "markdown";
    case ColumnType::Integer: return "integer";
    case ColumnType::Decimal: return "decimal";
    case ColumnType::Percent: return "percent";
    case ColumnType::Fraction: return "fraction";
    case ColumnType::Year: return "year";
    case ColumnType::Date: return "date";
    case ColumnType::YearMonth: return "year_month";
    case ColumnType::Yen: return "yen";
    case ColumnType::Enum: return "enum";
    case ColumnType::CodeYen: return "code_yen";
    case ColumnType::YearValue: return "year_value";
    case ColumnType::Path: return "path";
    case ColumnType::Phone: return "phone";
    case ColumnType::Url: return "url";
  }
  return "text";
}

}  // namespace kyosei
