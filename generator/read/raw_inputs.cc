#include "read/raw_inputs.h"

#include <cstdio>
#include <set>
#include <toml++/toml.h>

#include "base/dates.h"
#include "read/toml_messages.h"
#include "read/table_reader.h"

namespace kyosei {

namespace {

RawTable read_raw_table(const FileSystem& fs, const FileSpec& spec, Diagnostics& diags) {
  RawTable t;
  t.spec = &spec;
  if (!fs.exists(spec.name)) return t;
  auto text = read_text_file(fs, spec.name, diags);
  if (!text) return t;
  auto parsed = parse_csv(*text);
  for (const auto& e : parsed.errors)
    diags.error({spec.name, e.line, ""}, e.message + "（このままでは様式に正しく写せません）");
  if (parsed.records.empty()) return t;
  t.present = true;
  t.header = parsed.records[0].fields;
  t.records.assign(parsed.records.begin() + 1, parsed.records.end());
  return t;
}

// A TOML scalar as text: strings as written, numbers as TOML writes them.
std::optional<std::string> scalar_text(const toml::node& n) {
  if (auto s = n.value_exact<std::string>()) return *s;
  if (auto i = n.value_exact<int64_t>()) return std::to_string(*i);
  if (auto d = n.value_exact<double>()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", *d);
    return std::string(buf);
  }
  if (auto b = n.value_exact<bool>()) return std::string(*b ? "true" : "false");
  return std::nullopt;
}

RawMunicipality read_raw_municipality(const FileSystem& fs, const std::vector<MunicipalityKey>& keys,
                                      Diagnostics& diags) {
  RawMunicipality m;
  const char* file = "municipality.toml";
  if (!fs.exists(file)) return m;
  auto text = read_text_file(fs, file, diags);
  if (!text) return m;
  toml::table doc;
  try {
    doc = toml::parse(std::string_view(*text), std::string_view(file));
  } catch (const toml::parse_error& e) {
    report_toml_error(e, file, *text, diags);
    return m;
  }
  m.present = true;
  std::set<std::string> known;
  for (const auto& k : keys) {
    known.insert(k.key);
    const toml::node* n = k.table().empty() ? doc.get(k.name()) : nullptr;
    if (!k.table().empty())
      if (const toml::table* t = doc[k.table()].as_table()) n = t->get(k.name());
    if (!n) continue;
    if (auto v = scalar_text(*n)) {
      m.values.push_back({k.key, *v});
      if (k.key == "fiscal_year") m.fiscal_year = parse_fiscal_year(*v);
    } else {
      diags.warning({file, static_cast<int>(n->source().begin.line), k.key}, "値が文字・数・真偽値ではないため、様式には写しません");
    }
  }
  // Keys the template has no row for are left out, with a warning.
  auto warn_unknown = [&](const toml::table& t, const std::string& prefix) {
    for (const auto& [k, v] : t) {
      std::string key = prefix + std::string(k.str());
      if (v.is_table() && prefix.empty()) continue;
      if (!known.count(key))
        diags.warning({file, static_cast<int>(v.source().begin.line), key}, "入力データ仕様にない項目のため、様式には写しません");
    }
  };
  warn_unknown(doc, "");
  for (const auto& [k, v] : doc)
    if (const toml::table* t = v.as_table()) warn_unknown(*t, std::string(k.str()) + ".");
  return m;
}

}  // namespace

RawInputs read_raw_inputs(const FileSystem& fs, const Schema& schema, const std::vector<MunicipalityKey>& keys,
                          Diagnostics& diags) {
  RawInputs in;
  for (const auto& spec : schema.files) in.tables.push_back(read_raw_table(fs, spec, diags));
  in.municipality = read_raw_municipality(fs, keys, diags);
  return in;
}

std::optional<std::string> raw_value(const RawMunicipality& m, const std::string& key) {
  for (const auto& [k, v] : m.values)
    if (k == key) return v;
  return std::nullopt;
}

}  // namespace kyosei
