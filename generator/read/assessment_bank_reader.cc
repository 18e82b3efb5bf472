#include "read/assessment_bank_reader.h"

#include <set>
#include <stdexcept>
#include <toml++/toml.h>

#include "base/text.h"

namespace kyosei {

namespace {

template <typename View>
std::vector<std::string> strings(const View& v) {
  std::vector<std::string> out;
  if (auto* arr = v.as_array())
    for (auto& e : *arr) out.push_back(e.value_or(std::string()));
  return out;
}

[[noreturn]] void fail(std::string_view source, const std::string& what) {
  throw std::runtime_error(std::string(source) + ": " + what);
}

}  // namespace

std::string viewpoint_label(const std::vector<std::string>& viewpoints) {
  return viewpoints.empty() ? "横断" : join(viewpoints, ",");
}

void parse_assessment_bank(std::string_view toml_text, std::string_view source_name, Reference& ref) {
  toml::table doc;
  try {
    doc = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& e) {
    fail(source_name, std::string(e.description()));
  }
  ref.assessment_version = doc["version"].value_or(std::string());
  if (ref.assessment_version.empty()) fail(source_name, "version がありません");
  ref.assessment_levels = strings(doc["levels_meaning"]);
  ref.assessment_viewpoints.clear();
  ref.assessment_domains.clear();
  ref.assessment_items.clear();

  std::set<std::string> viewpoint_ids;
  if (auto* arr = doc["viewpoint"].as_array())
    for (auto& n : *arr) {
      const toml::table& t = *n.as_table();
      AssessmentViewpoint v;
      v.id = t["id"].value_or(std::string());
      v.group = t["group"].value_or(std::string());
      v.name = t["name"].value_or(std::string());
      v.jusou = strings(t["jusou"]);
      v.jusou_note = t["jusou_note"].value_or(std::string());
      v.sources = strings(t["sources"]);
      for (const auto& key : v.jusou)
        if (!ref.components.empty() && !ref.component(key))
          fail(source_name, "視点 " + v.id + " の jusou に未知の構成事業 " + key);
      if (!viewpoint_ids.insert(v.id).second) fail(source_name, "視点 " + v.id + " が重複しています");
      ref.assessment_viewpoints.push_back(std::move(v));
    }

  auto check_viewpoints = [&](const std::vector<std::string>& vs, const std::string& owner) {
    for (const auto& v : vs)
      if (!viewpoint_ids.count(v)) fail(source_name, owner + " の視点 " + v + " が [[viewpoint]] にありません");
  };

  std::set<std::string> domain_ids;
  if (auto* arr = doc["domain"].as_array())
    for (auto& n : *arr) {
      const toml::table& t = *n.as_table();
      AssessmentDomain d;
      d.id = t["id"].value_or(std::string());
      d.name = t["name"].value_or(std::string());
      d.viewpoints = strings(t["viewpoints"]);
      check_viewpoints(d.viewpoints, "領域 " + d.id);
      if (!domain_ids.insert(d.id).second) fail(source_name, "領域 " + d.id + " が重複しています");
      ref.assessment_domains.push_back(std::move(d));
    }

  std::set<std::string> item_ids;
  if (auto* arr = doc["item"].as_array())
    for (auto& n : *arr) {
      const toml::table& t = *n.as_table();
      AssessmentItemRef i;
      i.id = t["id"].value_or(std::string());
      i.domain = t["domain"].value_or(std::string());
      i.viewpoints = strings(t["viewpoints"]);
      i.viewpoint = viewpoint_label(i.viewpoints);
      i.question = t["question"].value_or(std::string());
      i.levels = strings(t["levels"]);
      i.evidence_support = strings(t["evidence_support"]);
      i.evidence_contra = strings(t["evidence_contra"]);
      i.sources = strings(t["sources"]);
      i.source = join(i.sources, "・");
      if (i.id.empty() || i.question.empty()) fail(source_name, "id か question のない項目があります");
      if (!item_ids.insert(i.id).second) fail(source_name, "項目 " + i.id + " が重複しています");
      if (!domain_ids.count(i.domain)) fail(source_name, "項目 " + i.id + " の領域 " + i.domain + " が [[domain]] にありません");
      check_viewpoints(i.viewpoints, "項目 " + i.id);
      if (i.levels.size() != 4) fail(source_name, "項目 " + i.id + " の levels は評点0〜3の4つが必要です");
      if (i.sources.empty()) fail(source_name, "項目 " + i.id + " に出典（sources）がありません");
      ref.assessment_items.push_back(std::move(i));
    }
  if (ref.assessment_items.empty()) fail(source_name, "項目（[[item]]）がありません");
}

}  // namespace kyosei
