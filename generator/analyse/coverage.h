// Where the existing services are, and where they are not: the inventory
// (棚卸) seen as a 分野×機能 matrix and against the 13 components of the
// 重層的支援体制整備事業.
//
// Counting rules (a planning officer reads these numbers, so they are fixed
// and stated here):
// - Every service counts, public or not (公開＝しない still belongs to the
//   inventory). A writer for the public site must look the IDs up and drop
//   the non-public ones itself.
// - A service counts in the row of its primary 分野 only. 関連分野 is not
//   counted: one service would otherwise fill several rows and hide the
//   gaps this matrix is for.
// - A service counts once in each column of its 機能 list, so the cells of
//   a row may add up to more than the row total.
// - Totals count services, not cells: row_totals[r] is the number of
//   services whose 分野 is fields[r] (and that have at least one 機能 among
//   the columns); column_totals[c] the number of services in any row that
//   have functions[c]; total the number of services counted anywhere.
// - Values outside the given vocabularies (the readers reject them, but a
//   caller may pass a narrower vocabulary) are not counted; those services
//   are listed in `uncounted`.
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "base/wording.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

struct CoverageCell {
  int count = 0;
  std::vector<std::string> service_ids;  // in services.csv order
};

struct CellPosition {
  size_t row = 0;     // index into CoverageMatrix::fields
  size_t column = 0;  // index into CoverageMatrix::functions
};

struct CoverageMatrix {
  std::vector<std::string> fields;     // rows, vocabulary order
  std::vector<std::string> functions;  // columns, vocabulary order
  std::vector<std::vector<CoverageCell>> cells;  // cells[row][column]
  std::vector<int> row_totals;
  std::vector<int> column_totals;
  int total = 0;
  std::vector<std::string> uncounted;  // service IDs outside the vocabularies

  const CoverageCell& at(size_t row, size_t column) const { return cells[row][column]; }
  // Cells with no service, row by row, in vocabulary order.
  std::vector<CellPosition> empty_cells() const;
};

// fields and functions are the ordered vocabularies, normally
//   reference_data().schema.values("services.csv", "分野") and (…, "機能").
CoverageMatrix compute_coverage(const Dataset& data, const std::vector<std::string>& fields,
                                const std::vector<std::string>& functions);

// The same matrix counting only the services in `kept` (by ID), with the
// same rules: what the public site's copy of the plan shows is the build's
// one matrix less the services with 公開 しない, not a second count.
CoverageMatrix restrict_coverage(const CoverageMatrix& m, const std::set<std::string>& kept);

// How many times compute_coverage ran in this process (for the test that
// proves coverage runs once per build).
long coverage_runs();

// What the status column says.
inline constexpr const char* kComponentImplemented = "実施";
inline constexpr const char* kComponentUnknown = kUnknown;  // no service names it: not known, not "none"

// One of the 13 重層事業 components and the services that name it in 重層区分.
struct ComponentCoverage {
  const JusouComponent* component = nullptr;  // points into the Reference
  // The program the municipality is expected to run: the component's
  // program_name, or its substitute_without_welfare_office when the
  // municipality has no 福祉事務所 and the component names a substitute
  // (today only 1ニ: 福祉事務所未設置町村による相談事業).
  std::string expected_program;
  bool substituted = false;
  std::vector<const Service*> services;  // point into the Dataset, services.csv order
  std::string status;                    // kComponentImplemented | kComponentUnknown

  bool implemented() const { return !services.empty(); }
};

// One entry per component, in reference table order. The pointers stay
// valid as long as data and ref do.
std::vector<ComponentCoverage> compute_component_coverage(const Dataset& data, const Reference& ref);

}  // namespace kyosei
