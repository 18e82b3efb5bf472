// The sheets of 審議会資料.xlsx (and of out/csv/), in order, each built from
// the validated Dataset by its own function:
//
//   概要            key figures, and the list of the other sheets
//   棚卸一覧        every service (write/xlsx/xlsx_inventory.h, same as 棚卸一覧.xlsx)
//   分野×機能       the coverage matrix (analyse/coverage.h); empty cells shaded
//   重層事業対応表  the 13 components and the services that name them
//   財源内訳        交付金 shares per service and 重層区分 (analyse/funding.h);
//                   totals are SUM/SUMIF formulas with cached values
//   人員配置        常勤換算 by 分野 and 役割 (analyse/staffing.h), chart by 分野
//   兼務状況        person × role matrix
//   会議体          meeting bodies, planned and held sessions
//   開催実績        every session by date (和暦 dates), chart by month
//   自己点検        the self-assessment answers and scores (analyse/assessment_scores.h),
//                   chart of the mean by 視点
//   指摘事項        the automatic findings (analyse/findings.h) and where a
//                   self-rating and a finding disagree
//
// A sheet is one entry of council_sheet_builders(); a later sheet is added
// there, at the marked registration point. A builder returns nullopt when
// the dataset has nothing for it (the sheet is then left out of the
// workbook and the CSVs).
//
// Audience (write/common/audience.h): with Audience::Council no sheet holds a
// staff 氏名 or ID (staff are 「職員1」…) nor the 議題 of a meeting with
// 守秘義務.
#pragma once
#include <optional>
#include <vector>

#include "analyse/analysis.h"
#include "model/model.h"
#include "model/reference.h"
#include "write/common/audience.h"
#include "write/sheet/sheet_table.h"

namespace kyosei {

// What every sheet is built from: the build's one analysis (its dataset,
// reference and --previous included).
struct SheetSource {
  SheetSource(const Analysis& a, Audience au = Audience::Council)
      : analysis(a), data(a.data), ref(a.ref), audience(au), previous(a.previous) {}
  const Analysis& analysis;
  const Dataset& data;
  const Reference& ref;
  Audience audience = Audience::Council;
  const Dataset* previous = nullptr;  // --previous: last year's answers beside this year's
};

struct SheetBuilder {
  const char* name;  // for messages; the Sheet carries its own name
  std::optional<Sheet> (*build)(const SheetSource& source);
};

// Every sheet after 概要, in workbook order.
const std::vector<SheetBuilder>& council_sheet_builders();

// 概要 first, then every builder's sheet.
std::vector<Sheet> council_sheets(const SheetSource& source);

// The builders (one file each: council_*.cc).
Sheet overview_sheet(const SheetSource& source, const std::vector<Sheet>& others);
std::optional<Sheet> coverage_sheet(const SheetSource& source);
std::optional<Sheet> components_sheet(const SheetSource& source);
std::optional<Sheet> funding_sheet(const SheetSource& source);
std::optional<Sheet> staffing_sheet(const SheetSource& source);
std::optional<Sheet> multiple_roles_sheet(const SheetSource& source);
std::optional<Sheet> meetings_sheet(const SheetSource& source);
std::optional<Sheet> sessions_sheet(const SheetSource& source);
std::optional<Sheet> assessment_sheet(const SheetSource& source);
std::optional<Sheet> findings_sheet(const SheetSource& source);
std::optional<Sheet> outcomes_sheet(const SheetSource& source);

// How a person is named for the audience: 「職員3」 (position in staff.csv,
// from 1) for the council, the staff ID for internal use.
std::string staff_label(const SheetSource& source, size_t index);

}  // namespace kyosei
