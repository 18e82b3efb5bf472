#include "analyse/jusou_plausibility.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "base/resources.h"
#include "read/source_citation.h"
#include "base/text.h"

namespace kyosei {

namespace {

struct Exclusive {
  std::vector<std::string> codes;
  std::string reason, source;
};

struct Rules {
  std::vector<std::string> attribute_fields;
  std::string field_source;
  std::map<int, std::vector<std::string>> function_of_go;
  std::string function_source;
  std::vector<Exclusive> exclusive;
};

std::vector<std::string> strings(const toml::node_view<const toml::node>& n) {
  std::vector<std::string> out;
  if (auto* a = n.as_array())
    for (auto& v : *a)
      if (auto s = v.value<std::string>()) out.push_back(*s);
  return out;
}

const Rules& rules() {
  static const Rules r = [] {
    Rules out;
    toml::table t = toml::parse(*resource("data/jusou_plausibility.toml"), std::string_view("data/jusou_plausibility.toml"));
    const toml::table& ct = t;
    out.attribute_fields = strings(ct["attribute_fields"]);
    out.field_source = ct["field_source"].value_or(std::string());
    if (auto* g = ct["function_of_go"].as_table())
      for (auto& [k, v] : *g) out.function_of_go[std::stoi(std::string(k.str()))] = strings(toml::node_view<const toml::node>(&v));
    out.function_source = ct["function_source"]["text"].value_or(std::string());
    if (auto* ex = ct["exclusive"].as_array())
      for (auto& e : *ex) {
        const toml::table& et = *e.as_table();
        out.exclusive.push_back({strings(et["codes"]), et["reason"].value_or(std::string()), et["source"].value_or(std::string())});
      }
    return out;
  }();
  return r;
}

bool holds(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

void check_jusou_plausibility(const Dataset& ds, const Reference& ref, Diagnostics& diags) {
  const Rules& r = rules();
  for (const Service& s : ds.services) {
    const Location where{"services.csv", s.line, "重層区分"};
    for (const auto& code : s.jusou_codes) {
      const JusouComponent* c = ref.component(code);
      if (!c) continue;  // the reader has reported it
      if (holds(r.attribute_fields, c->field) && holds(r.attribute_fields, s.field) && s.field != c->field &&
          !holds(s.related_fields, c->field))
        diags.warning(where,
                      "事業「" + s.name + "」（" + s.id + "）は分野が「" + s.field + "」ですが、重層区分 " + code + "（" +
                          c->law_ref + " " + c->program_name + "）は「" + c->field +
                          "」の分野の構成事業です。交付金の負担割合が変わるため、重層区分を確かめてください（" + cite_source(r.field_source) + "）",
                      "分野が「" + c->field + "」の事業に " + code + "、またはこの事業の分野に合う重層区分");
      auto fn = r.function_of_go.find(c->go);
      if (fn != r.function_of_go.end() &&
          std::none_of(fn->second.begin(), fn->second.end(), [&](const std::string& f) { return holds(s.functions, f); }))
        diags.warning(where,
                      "事業「" + s.name + "」（" + s.id + "）は重層区分 " + code + "（" + c->law_ref +
                          "）ですが、機能に「" + join(fn->second, "・") + "」がありません。重層区分か機能を確かめてください（" +
                          cite_source(r.function_source) + "）",
                      "機能に「" + join(fn->second, "・") + "」を含む事業");
    }
    for (const auto& ex : r.exclusive) {
      bool all = std::all_of(ex.codes.begin(), ex.codes.end(), [&](const std::string& c) { return holds(s.jusou_codes, c); });
      if (all)
        diags.warning(where,
                      "事業「" + s.name + "」（" + s.id + "）は重層区分 " + join(ex.codes, " と ") + " の両方に数えられています。" +
                          ex.reason + "（" + cite_source(ex.source) + "）",
                      "どちらか一方の重層区分、または事業を分けて登録");
    }
  }
}

}  // namespace kyosei
