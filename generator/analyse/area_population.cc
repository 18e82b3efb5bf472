#include "analyse/area_population.h"

#include <algorithm>
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

// The row belongs to area a: through the 町丁字 table when the table names
// the row, else by its own 地域コード or 地域名.
bool belongs(const PopulationRow& r, const Area& a, const TownAreas* towns) {
  if (towns)
    if (const TownAreas::Entry* e = towns->find(r)) return e->area == &a;
  return matches(r, a);
}

}  // namespace

namespace {
// Position of the entry a row belongs to (地域コード first), or -1.
int entry_index(const std::vector<TownAreas::Entry>& entries, const PopulationRow& row) {
  const std::string code = folded(row.area_code), name = folded(row.area_name);
  for (const std::string& key : {code, name}) {
    if (key.empty()) continue;
    for (size_t i = 0; i < entries.size(); ++i)
      if (entries[i].key == key) return static_cast<int>(i);
  }
  return -1;
}
}  // namespace

const TownAreas::Entry* TownAreas::find(const PopulationRow& row) const {
  int i = entry_index(entries, row);
  return i < 0 ? nullptr : &entries[static_cast<size_t>(i)];
}

TownAreas resolve_town_areas(const Dataset& ds, const TownAreaTable& table, const std::vector<PopulationRow>& rows,
                             const std::string& file, Diagnostics& diags) {
  TownAreas out;
  for (const TownAreaRow& r : table.rows) {
    const Area* area = ds.find_area(r.area);
    if (!area)
      for (const Area& a : ds.areas)
        if (folded(a.name) == folded(r.area)) {
          area = &a;
          break;
        }
    if (!area) {
      diags.error({file, r.line, table.area_column}, "圏域「" + r.area + "」は areas.csv にありません",
                  "areas.csv の ID または名称");
      continue;
    }
    const std::string key = folded(r.town);
    auto same = std::find_if(out.entries.begin(), out.entries.end(), [&](const TownAreas::Entry& e) { return e.key == key; });
    if (same != out.entries.end()) {
      if (same->area != area)
        diags.error({file, r.line, table.town_column},
                    "町丁字「" + r.town + "」は " + std::to_string(same->line) + "行目で圏域「" + same->area->name +
                        "」に割り当てられています。1つの町丁字は1つの圏域にだけ入れてください",
                    same->area->id);
      continue;
    }
    out.entries.push_back({key, area, r.line, false});
  }
  for (const PopulationRow& row : rows)
    if (int i = entry_index(out.entries, row); i >= 0) out.entries[static_cast<size_t>(i)].used = true;
  for (const TownAreas::Entry& e : out.entries)
    if (!e.used)
      for (const TownAreaRow& r : table.rows)
        if (r.line == e.line)
          diags.warning({file, r.line, table.town_column},
                        "町丁字「" + r.town + "」は人口データにありません（地域名・地域コード・町字ID のどれとも一致しません）");
  return out;
}

std::vector<AreaPopulation> area_population(const Dataset& ds, const std::vector<PopulationRow>& rows,
                                            const TownAreas* towns) {
  std::vector<AreaPopulation> out;
  for (const Area& a : ds.areas) {
    AreaPopulation p;
    p.area = &a;
    int mapped = 0;
    for (const PopulationRow& r : rows)
      if (belongs(r, a, towns)) {
        p.population = p.population.value_or(0) + r.total;
        if (r.aged) p.aged = p.aged.value_or(0) + *r.aged;
        if (towns && towns->find(r)) ++mapped;
        else p.basis = "地域名・地域コードが一致（" + std::to_string(r.line) + "行目）";
      }
    if (mapped > 0) p.basis = "町丁字の対応表で" + std::to_string(mapped) + "町丁字の合計";
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

std::vector<const PopulationRow*> unmatched_rows(const Dataset& ds, const std::vector<PopulationRow>& rows,
                                                 const TownAreas* towns) {
  std::vector<const PopulationRow*> out;
  for (const PopulationRow& r : rows) {
    bool taken = false;
    for (const Area& a : ds.areas) taken = taken || belongs(r, a, towns);
    if (!taken) out.push_back(&r);
  }
  return out;
}

}  // namespace kyosei
