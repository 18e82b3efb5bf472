#include "analyse/coverage.h"

#include <algorithm>
#include <atomic>
#include <optional>

namespace kyosei {

namespace {

std::optional<size_t> index_of(const std::vector<std::string>& v, const std::string& s) {
  auto it = std::find(v.begin(), v.end(), s);
  if (it == v.end()) return std::nullopt;
  return static_cast<size_t>(it - v.begin());
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::atomic<long> g_coverage_runs{0};

}  // namespace

long coverage_runs() { return g_coverage_runs.load(); }

std::vector<CellPosition> CoverageMatrix::empty_cells() const {
  std::vector<CellPosition> out;
  for (size_t r = 0; r < cells.size(); ++r)
    for (size_t c = 0; c < cells[r].size(); ++c)
      if (cells[r][c].count == 0) out.push_back({r, c});
  return out;
}

CoverageMatrix compute_coverage(const Dataset& data, const std::vector<std::string>& fields,
                                const std::vector<std::string>& functions) {
  ++g_coverage_runs;
  CoverageMatrix m;
  m.fields = fields;
  m.functions = functions;
  m.cells.assign(fields.size(), std::vector<CoverageCell>(functions.size()));
  m.row_totals.assign(fields.size(), 0);
  m.column_totals.assign(functions.size(), 0);

  for (const Service& s : data.services) {
    auto row = index_of(fields, s.field);
    // A function listed twice still counts once.
    std::vector<bool> seen(functions.size(), false);
    bool counted = false;
    if (row) {
      for (const std::string& f : s.functions) {
        auto col = index_of(functions, f);
        if (!col || seen[*col]) continue;
        seen[*col] = true;
        CoverageCell& cell = m.cells[*row][*col];
        ++cell.count;
        cell.service_ids.push_back(s.id);
        ++m.column_totals[*col];
        counted = true;
      }
    }
    if (counted) {
      ++m.row_totals[*row];
      ++m.total;
    } else {
      m.uncounted.push_back(s.id);
    }
  }
  return m;
}

CoverageMatrix restrict_coverage(const CoverageMatrix& in, const std::set<std::string>& kept) {
  CoverageMatrix m;
  m.fields = in.fields;
  m.functions = in.functions;
  m.cells.assign(in.fields.size(), std::vector<CoverageCell>(in.functions.size()));
  m.row_totals.assign(in.fields.size(), 0);
  m.column_totals.assign(in.functions.size(), 0);
  // A service sits in one row only, so its cells are all in that row.
  std::set<std::string> counted;
  for (size_t r = 0; r < in.cells.size(); ++r) {
    std::set<std::string> in_row;
    for (size_t c = 0; c < in.cells[r].size(); ++c)
      for (const std::string& id : in.cells[r][c].service_ids) {
        if (!kept.count(id)) continue;
        CoverageCell& cell = m.cells[r][c];
        ++cell.count;
        cell.service_ids.push_back(id);
        ++m.column_totals[c];
        in_row.insert(id);
      }
    m.row_totals[r] = static_cast<int>(in_row.size());
    counted.insert(in_row.begin(), in_row.end());
  }
  m.total = static_cast<int>(counted.size());
  for (const std::string& id : in.uncounted)
    if (kept.count(id)) m.uncounted.push_back(id);
  return m;
}

std::vector<ComponentCoverage> compute_component_coverage(const Dataset& data, const Reference& ref) {
  std::vector<ComponentCoverage> out;
  out.reserve(ref.components.size());
  for (const JusouComponent& c : ref.components) {
    ComponentCoverage cov;
    cov.component = &c;
    // The rule lives in the reference data: a component that names a
    // substitute program is replaced by it where there is no 福祉事務所.
    cov.substituted = !data.municipality.welfare_office && !c.substitute_without_welfare_office.empty();
    cov.expected_program = cov.substituted ? c.substitute_without_welfare_office : c.program_name;
    for (const Service& s : data.services)
      if (contains(s.jusou_codes, c.key)) cov.services.push_back(&s);
    cov.status = cov.implemented() ? kComponentImplemented : kComponentUnknown;
    out.push_back(std::move(cov));
  }
  return out;
}

}  // namespace kyosei
