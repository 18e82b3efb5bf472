#include "analyse/common_items.h"

#include <algorithm>

namespace kyosei {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool any_in(const std::vector<std::string>& values, const std::vector<std::string>& wanted) {
  for (const auto& v : values)
    if (contains(wanted, v)) return true;
  return false;
}

bool mentions(const std::string& text, const std::vector<std::string>& keywords) {
  for (const auto& k : keywords)
    if (!k.empty() && text.find(k) != std::string::npos) return true;
  return false;
}

bool service_suggested(const Service& s, const CommonItemRef& item) {
  return contains(item.fields, s.field) || any_in(s.functions, item.functions) || any_in(s.jusou_codes, item.jusou_codes);
}

}  // namespace

std::vector<CommonItemMatch> match_common_items(const Dataset& ds, const PlanReference& ref,
                                                bool (*include)(const Service&)) {
  std::vector<CommonItemMatch> out;
  const bool explicit_links =
      std::any_of(ds.services.begin(), ds.services.end(), [](const Service& s) { return !s.common_items.empty(); });
  for (const CommonItemRef& item : ref.common_items) {
    // An item whose wording is only a guess (marked so in its title in
    // data/plan/common_items.csv) is not matched, so no draft or page
    // shows it until it is checked against the guideline.
    if (item.title.find("（文言未確認）") != std::string::npos) continue;
    CommonItemMatch m;
    m.item = &item;
    for (const Service& s : ds.services) {
      if (include && !include(s)) continue;
      if (contains(s.common_items, item.id)) m.services.push_back(&s);
      else if (!explicit_links && service_suggested(s, item)) m.suggested.push_back(&s);
    }
    for (const Meeting& mt : ds.meetings)
      if (any_in(mt.kinds, item.meeting_kinds)) m.meetings.push_back(&mt);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::string> sections_addressing(const std::vector<DraftSection>& sections,
                                             const std::vector<std::string>& keywords) {
  std::vector<std::string> out;
  for (const auto& s : sections)
    if (mentions(s.text, keywords) && !contains(out, s.label)) out.push_back(s.label);
  return out;
}

}  // namespace kyosei
