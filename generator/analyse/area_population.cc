#include "analyse/area_population.h"

#include <cmath>

#include "base/text.h"

namespace kyosei {

namespace {

std::string folded(const std::string& s) {
  std::string n = nfkc(s), out;
  for (char c : n)
    if (c != ' ' && c != '\t') out += c;
  // NFKC keeps the ideographic space (U+3000) as a space; drop it too.
  std::string result;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 2;
      continue;
    }
    result += out[i];
  }
  return result;
}

bool matches(const PopulationRow& r, const Area& a) {
  return (!r.area_code.empty() && r.area_code == a.id) || folded(r.area_name) == folded(a.name);
}

std::optional<double> rate(const std::optional<long long>& aged, const std::optional<long long>& total) {
  if (!aged || !total || *total <= 0) return std::nullopt;
  return std::floor(static_cast<double>(*aged) * 1000.0 / static_cast<double>(*total) + 0.5) / 10.0;
}

}  // namespace

std::vector<AreaPopulation> area_population(const Dataset& ds, const std::vector<PopulationRow>& rows) {
  std::vector<AreaPopulation> out;
  for (const Area& a : ds.areas) {
    AreaPopulation p;
    p.area = &a;
    for (const PopulationRow& r : rows)
      if (matches(r, a)) {
        p.population = p.population.value_or(0) + r.total;
        if (r.aged) p.aged = p.aged.value_or(0) + *r.aged;
        p.basis = "地域名・地域コードが一致（" + std::to_string(r.line) + "行目）";
      }
    out.push_back(p);
  }
  // Parents from their children, deepest layer first so 地区 add up to 圏域
  // and 圏域 to the 全域.
  for (int layer = 2; layer >= 1; --layer)
    for (auto& p : out) {
      if (p.area->layer != layer || p.population) continue;
      long long total = 0, aged = 0;
      int children = 0;
      bool complete = true, aged_known = true;
      for (const auto& c : out)
        if (c.area->parent == p.area->id) {
          ++children;
          if (!c.population) complete = false;
          else total += *c.population;
          if (!c.aged) aged_known = false;
          else aged += *c.aged;
        }
      if (children == 0 || !complete) continue;
      p.population = total;
      if (aged_known) p.aged = aged;
      p.basis = "下位の圏域" + std::to_string(children) + "つの合計";
    }
  for (auto& p : out) p.aging_rate = rate(p.aged, p.population);
  return out;
}

std::vector<const PopulationRow*> unmatched_rows(const Dataset& ds, const std::vector<PopulationRow>& rows) {
  std::vector<const PopulationRow*> out;
  for (const PopulationRow& r : rows) {
    bool taken = false;
    for (const Area& a : ds.areas) taken = taken || matches(r, a);
    if (!taken) out.push_back(&r);
  }
  return out;
}

}  // namespace kyosei
