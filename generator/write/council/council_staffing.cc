// 人員配置 (常勤換算 by 分野 and 役割, with a chart by 分野) and 兼務状況
// (person × role), from analyse/staffing.h. With the council audience no
// 氏名 or staff ID appears: people are 「職員1」… (council_sheets.h).
#include "analyse/role_staffing.h"
#include "analyse/staffing.h"
#include "base/text.h"
#include "model/reference_data.h"
#include "write/council/council_sheets.h"

namespace kyosei {

namespace {

enum Col : size_t { kField, kRole, kPeople, kFte, kFirstOrganisation };

std::string fte_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::optional<Sheet> staffing_sheet(const SheetSource& src) {
  const StaffingSummary& s = src.analysis.staffing;
  const std::vector<RoleStaffing>& rows = src.analysis.role_staffing;
  const auto& organisation_types = reference_data().schema.values("staff.csv", "所属区分");
  Sheet sheet;
  sheet.name = "人員配置";
  sheet.description = "コーディネーター等の常勤換算（分野・役割・所属区分別）";
  sheet.landscape = false;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"分野", CellFormat::Text}, {"役割", CellFormat::Text, 34}, {"配置人数", CellFormat::Count},
               {"常勤換算", CellFormat::Decimal}};
  for (const auto& o : organisation_types) t.columns.push_back({o, CellFormat::Decimal, 12});
  bool divided = false;
  for (const auto& r : rows) {
    SheetRow& row = t.add_row();
    row.cells = {SheetCell::of_text(r.field), SheetCell::of_text(r.role + (r.field_count > 1 ? "（※）" : "")),
                 SheetCell::of_number(r.people), SheetCell::of_number(r.fte)};
    for (const auto& o : organisation_types) {
      auto it = r.fte_by_organisation_type.find(o);
      row.cells.push_back(it == r.fte_by_organisation_type.end() ? SheetCell::blank() : SheetCell::of_number(it->second));
    }
    divided = divided || r.field_count > 1;
  }
  if (!rows.empty()) {
    SheetRow& total = t.add_row();
    total.total = true;
    total.cells.assign(t.columns.size(), SheetCell::blank());
    total.cells[kField] = SheetCell::of_text("合計");
    // 配置人数 is not summed: a person with several roles is in several rows.
    total.cells[kPeople] = SheetCell::of_number(s.people).with_format(CellFormat::Count);
    for (size_t c = kFte; c < t.columns.size(); ++c) total.cells[c] = sum_cell(t, 0, c);

    SheetTable by_field;
    by_field.name = "分野別の常勤換算";
    by_field.columns = {{"分野", CellFormat::Text}, {"常勤換算", CellFormat::Decimal}, {"実人数", CellFormat::Count}};
    size_t origin = sheet.next_extra_origin();
    for (size_t i = 0; i < s.by_field.size(); ++i) {
      SheetRow& row = by_field.add_row();
      SheetCell key = SheetCell::of_text(s.by_field[i].field);
      row.cells = {key, sumif_cell(t, 0, kField, kFte, cell_ref(origin + 1 + i, 0), key, sheet.worksheet_of(0)),
                   SheetCell::of_number(s.by_field[i].people)};
    }
    sheet.extras.push_back(std::move(by_field));
    sheet.charts.push_back({SheetChart::Type::Bar, "分野別の常勤換算", 1, 0, 1, "常勤換算（人）"});
  }
  sheet.notes.push_back("常勤換算は staff.csv の常勤換算に役割ごとの配分を掛けた値です（名簿の常勤換算の合計 " +
                        fte_text(s.total_fte) + "）。");
  if (s.unassigned_fte > 1e-9)
    sheet.notes.push_back("配分の合計が1に満たない職員がいるため、役割に割り当てていない常勤換算が " +
                          fte_text(s.unassigned_fte) + " あります（この表には含みません）。");
  sheet.notes.push_back("配置人数はその役割を持つ人の数です。兼務している人は複数の行に数えるため、合計欄には実人数（" +
                        std::to_string(s.people) + "人、うち兼務 " + std::to_string(s.multi_role_people) +
                        "人）を示します。");
  if (divided)
    sheet.notes.push_back("（※）役割一覧（data/roles.csv）で複数の分野にまたがる役割は、常勤換算を分野の数で等分しています。");
  for (const auto& r : rows)
    if (r.field == kUnknownRoleField) {
      sheet.notes.push_back(std::string("「") + kUnknownRoleField +
                            "」は、役割一覧（data/roles.csv）にない役割です。分野別の集計では一つにまとめています。");
      break;
    }
  return sheet;
}

std::optional<Sheet> multiple_roles_sheet(const SheetSource& src) {
  const std::vector<std::string>& roles = src.analysis.held_roles;
  bool internal = src.audience == Audience::Internal;
  Sheet sheet;
  sheet.name = "兼務状況";
  sheet.description = internal ? "職員ごとの役割と常勤換算（兼務の一覧。氏名を含む庁内用）"
                               : "職員ごとの役割と常勤換算（兼務の一覧。氏名は載せていません）";
  sheet.landscape = true;
  sheet.frozen_columns = internal ? 2 : 1;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns.push_back({internal ? "ID" : "職員", CellFormat::Text});
  if (internal) t.columns.push_back({"氏名", CellFormat::Text});
  t.columns.push_back({"所属", CellFormat::Text, 30});
  t.columns.push_back({"所属区分", CellFormat::Text});
  t.columns.push_back({"常勤換算", CellFormat::Decimal});
  t.columns.push_back({"着任年月", CellFormat::YearMonth});
  size_t first_role = t.columns.size();
  for (const auto& role : roles) t.columns.push_back({role, CellFormat::Decimal, 10, true});
  size_t last_role = t.columns.size() - 1;
  bool any_role = !roles.empty();
  if (any_role) t.columns.push_back({"兼務数", CellFormat::Count});

  const auto& staff = src.data.staff;
  for (size_t i = 0; i < staff.size(); ++i) {
    const Staff& p = staff[i];
    SheetRow& row = t.add_row({"staff.csv", p.line, ""});
    row.cells.push_back(SheetCell::of_text(staff_label(src, i)));
    if (internal) row.cells.push_back(SheetCell::of_text(p.name));
    row.cells.push_back(SheetCell::of_text(p.organisation));
    row.cells.push_back(SheetCell::of_text(p.organisation_type));
    row.cells.push_back(SheetCell::of_number(p.fte));
    row.cells.push_back(p.arrived ? SheetCell::of_month(*p.arrived) : SheetCell::blank());
    for (const auto& role : roles) {
      bool holds = false;
      for (const auto& r : p.roles) holds = holds || r.role == role;
      row.cells.push_back(holds ? SheetCell::of_number(role_fte(p, role)) : SheetCell::blank());
    }
    // Counts the roles held (cells with a number), so it follows edits.
    if (any_role) row.cells.push_back(count_cell(row, i + 1, first_role, last_role));
  }
  if (!staff.empty()) {
    SheetRow& total = t.add_row();
    total.total = true;
    total.cells.assign(t.columns.size(), SheetCell::blank());
    total.cells[0] = SheetCell::of_text("合計");
    size_t fte_column = first_role - 2;
    total.cells[fte_column] = sum_cell(t, 0, fte_column);
    for (size_t c = first_role; any_role && c <= last_role; ++c) total.cells[c] = sum_cell(t, 0, c);
  }
  sheet.notes.push_back("役割の列は、その職員がその役割に充てている常勤換算です（空欄は担当していない役割）。兼務数は担当している役割の数です。");
  if (!internal)
    sheet.notes.push_back("審議会用のため、職員は staff.csv の順に「職員1」「職員2」…と表し、氏名と ID は載せていません。");
  return sheet;
}

}  // namespace kyosei
