#include "analyse/findings_config.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <toml++/toml.h>

#include "base/resources.h"
#include "base/text.h"

namespace kyosei {

namespace {

std::string number_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  std::ostringstream os;
  os.precision(6);
  os << v;
  return os.str();
}

template <typename View>
std::vector<std::string> strings(const View& v) {
  std::vector<std::string> out;
  if (auto* arr = v.as_array())
    for (auto& e : *arr) out.push_back(e.value_or(std::string()));
  return out;
}

FindingParam parse_param(const toml::table& t, const std::string& where) {
  FindingParam p;
  p.key = t["key"].value_or(std::string());
  p.format = t["format"].value_or(std::string());
  p.reason = t["reason"].value_or(std::string());
  p.source = t["source"].value_or(std::string());
  if (p.key.empty()) throw std::runtime_error(where + ": key のない param があります");
  if (p.reason.empty()) throw std::runtime_error(where + ": param " + p.key + " に reason がありません");
  const toml::node* v = t.get("default");
  if (!v) throw std::runtime_error(where + ": param " + p.key + " に default がありません");
  if (v->is_boolean()) {
    p.kind = FindingParam::Kind::Flag;
    p.flag = *v->value<bool>();
  } else if (v->is_number()) {
    p.kind = FindingParam::Kind::Number;
    p.number = *v->value<double>();
  } else if (v->is_string()) {
    p.kind = FindingParam::Kind::Text;
    p.text = *v->value<std::string>();
  } else if (auto* arr = v->as_array()) {
    bool nested = !arr->empty() && (*arr)[0].is_array();
    if (nested) {
      p.kind = FindingParam::Kind::Rows;
      for (auto& row : *arr) {
        std::vector<std::string> r;
        if (auto* ra = row.as_array())
          for (auto& e : *ra) r.push_back(e.value_or(std::string()));
        if (r.empty()) throw std::runtime_error(where + ": param " + p.key + " に空の行があります");
        p.rows.push_back(std::move(r));
      }
    } else {
      p.kind = FindingParam::Kind::List;
      for (auto& e : *arr) p.list.push_back(e.value_or(std::string()));
    }
  } else {
    throw std::runtime_error(where + ": param " + p.key + " の default の型が読めません");
  }
  return p;
}

FindingSeverity severity_or_throw(std::string_view label, const std::string& where) {
  auto s = parse_severity(label);
  if (!s) throw std::runtime_error(where + ": 重大度「" + std::string(label) + "」は 重大・注意・情報 のいずれでもありません");
  return *s;
}

}  // namespace

const char* severity_label(FindingSeverity s) {
  switch (s) {
    case FindingSeverity::Serious: return "重大";
    case FindingSeverity::Caution: return "注意";
    case FindingSeverity::Info: return "情報";
  }
  return "情報";
}

std::optional<FindingSeverity> parse_severity(std::string_view label) {
  std::string l = normalize(label);
  if (l == "重大") return FindingSeverity::Serious;
  if (l == "注意") return FindingSeverity::Caution;
  if (l == "情報") return FindingSeverity::Info;
  return std::nullopt;
}

std::string FindingParam::display() const {
  switch (kind) {
    case Kind::Flag: return flag ? "する" : "しない";
    case Kind::Number: return format == "percent" ? number_text(number * 100) + "％" : number_text(number);
    case Kind::Text: return text;
    case Kind::List: return join(list, "・");
    case Kind::Rows: {
      std::vector<std::string> parts;
      for (const auto& r : rows) {
        std::vector<std::string> rest(r.begin() + 1, r.end());
        parts.push_back(rest.empty() ? r[0] : r[0] + "＝" + join(rest, "／"));
      }
      return join(parts, "、");
    }
  }
  return text;
}

const FindingParam& FindingRuleConfig::param(std::string_view key) const {
  for (const auto& p : params)
    if (p.key == key) return p;
  throw std::out_of_range("findings.toml: " + id + " に param " + std::string(key) + " がありません");
}

namespace {
const FindingParam& of_kind(const FindingRuleConfig& r, std::string_view key, FindingParam::Kind kind) {
  const FindingParam& p = r.param(key);
  if (p.kind != kind) throw std::out_of_range("findings.toml: " + r.id + " の param " + std::string(key) + " の型が違います");
  return p;
}
}  // namespace

double FindingRuleConfig::number(std::string_view key) const { return of_kind(*this, key, FindingParam::Kind::Number).number; }
int FindingRuleConfig::integer(std::string_view key) const { return static_cast<int>(std::llround(number(key))); }
bool FindingRuleConfig::flag(std::string_view key) const { return of_kind(*this, key, FindingParam::Kind::Flag).flag; }
const std::string& FindingRuleConfig::text(std::string_view key) const { return of_kind(*this, key, FindingParam::Kind::Text).text; }
const std::vector<std::string>& FindingRuleConfig::list(std::string_view key) const {
  return of_kind(*this, key, FindingParam::Kind::List).list;
}
const std::vector<std::vector<std::string>>& FindingRuleConfig::rows(std::string_view key) const {
  return of_kind(*this, key, FindingParam::Kind::Rows).rows;
}

FindingSeverity FindingRuleConfig::severity_for(const std::string& jusou_status) const {
  for (const auto& [status, s] : severity_by_status)
    if (status == jusou_status) return s;
  return severity;
}

std::string FindingRuleConfig::fill(std::string_view text, const TemplateValues& values) const {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string key(text.substr(open + 1, close - open - 1));
    std::optional<std::string> value;
    for (const auto& [k, v] : values)
      if (k == key) value = v;
    if (!value)
      for (const auto& p : params)
        if (p.key == key) value = p.display();
    if (!value && key == "severity_by_status") {
      std::vector<std::string> parts;
      for (const auto& [status, s] : severity_by_status) parts.push_back(status + "＝" + severity_label(s));
      value = join(parts, "、");
    }
    out += value ? *value : std::string(text.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

std::string FindingRuleConfig::rule_text() const { return fill(rule); }

const FindingRuleConfig* FindingsConfig::rule(std::string_view id) const {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

std::string FindingsConfig::document_title(std::string_view source) const {
  const std::string file(source.substr(0, source.find(' ')));
  for (const auto& [name, title] : documents)
    if (name == file) return title;
  return std::string(source);
}

FindingsConfig parse_findings_config(std::string_view toml_text, std::string_view source_name) {
  const std::string src(source_name);
  toml::table doc;
  try {
    doc = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(src + ": " + std::string(e.description()));
  }
  FindingsConfig config;
  config.version = doc["version"].value_or(std::string());
  if (auto* c = doc["contradiction"].as_table()) {
    config.contradiction.min_level = (*c)["min_level"].value_or(3);
    config.contradiction.min_severity = severity_or_throw((*c)["min_severity"].value_or(std::string("注意")), src + " [contradiction]");
    config.contradiction.reason = (*c)["reason"].value_or(std::string());
  }
  if (auto* docs = doc["documents"].as_table())
    for (auto& [k, v] : *docs) config.documents.emplace_back(std::string(k.str()), v.value_or(std::string()));
  std::set<std::string> ids;
  if (auto* arr = doc["finding"].as_array())
    for (auto& n : *arr) {
      const toml::table& t = *n.as_table();
      FindingRuleConfig r;
      r.id = t["id"].value_or(std::string());
      const std::string where = src + " " + r.id;
      if (r.id.empty()) throw std::runtime_error(src + ": id のない [[finding]] があります");
      if (!ids.insert(r.id).second) throw std::runtime_error(where + ": id が重複しています");
      r.name = t["name"].value_or(std::string());
      r.enabled = t["enabled"].value_or(true);
      r.disabled_reason = t["disabled_reason"].value_or(std::string());
      r.severity = severity_or_throw(t["severity"].value_or(std::string("注意")), where);
      if (auto* sbs = t["severity_by_status"].as_table())
        for (auto& [k, v] : *sbs)
          r.severity_by_status.emplace_back(std::string(k.str()), severity_or_throw(v.value_or(std::string()), where));
      // TOML tables are unordered; show the heaviest first (実施＝重大、…).
      std::stable_sort(r.severity_by_status.begin(), r.severity_by_status.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      r.severity_reason = t["severity_reason"].value_or(std::string());
      r.items = strings(t["items"]);
      r.sources = strings(t["sources"]);
      r.rule = t["rule"].value_or(std::string());
      r.summary = t["summary"].value_or(std::string());
      r.direction = t["direction"].value_or(std::string());
      r.direction_sources = strings(t["direction_sources"]);
      if (auto* ps = t["param"].as_array())
        for (auto& p : *ps) r.params.push_back(parse_param(*p.as_table(), where));
      if (r.enabled && (r.rule.empty() || r.summary.empty()))
        throw std::runtime_error(where + ": 有効な判定には rule と summary が必要です");
      if (!r.enabled && r.disabled_reason.empty())
        throw std::runtime_error(where + ": 無効にした判定には disabled_reason が必要です");
      for (const auto& source : r.direction_sources) {
        std::string title = config.document_title(source);
        if (std::find(r.direction_documents.begin(), r.direction_documents.end(), title) == r.direction_documents.end())
          r.direction_documents.push_back(title);
      }
      config.rules.push_back(std::move(r));
    }
  return config;
}

const FindingsConfig& builtin_findings_config() {
  static const FindingsConfig config = [] {
    auto bytes = resource("data/assessment/findings.toml");
    if (!bytes) throw std::runtime_error("missing embedded resource data/assessment/findings.toml");
    return parse_findings_config(*bytes, "data/assessment/findings.toml");
  }();
  return config;
}

}  // namespace kyosei
