// 財源内訳: the 交付金 breakdown of analyse/funding.h as a sheet. Money is
// written only for rows whose shares were computed; the 合計 row and the
// 号別 table are SUM / SUMIF formulas over those cells, with the values
// cached, so they equal the breakdown's totals (sums of the rounded rows).
#include "analyse/funding.h"
#include "base/dates.h"
#include "base/numbers.h"
#include "base/text.h"
#include "base/wording.h"
#include "model/reference_data.h"
#include "read/funding_reader.h"
#include "write/council/council_sheets.h"
#include "read/source_citation.h"

namespace kyosei {

namespace {

// Main table columns.
enum Col : size_t { kId, kName, kField, kCode, kGo, kAmount, kNationalRatio, kNational, kPrefRatio, kPref, kMunicipal, kNote };
// 号別 table columns.
enum GoCol : size_t { kGoNumber, kGoLabel, kGoAmount, kGoNational, kGoPref, kGoMunicipal };

SheetCell money(long long yen) { return SheetCell::of_yen(yen); }

SheetCell ratio_cell(const PayerShare& s) {
  return SheetCell::of_text(s.no_legal_share() ? std::string(kNoLegalShare) : s.ratio_text);
}

SheetCell share_cell(const PayerShare& s) { return s.no_legal_share() ? SheetCell::blank() : money(s.yen); }

std::string remarks(const FundingRow& row) {
  std::vector<std::string> parts;
  if (row.computed()) {
    if (row.national.is_cap || row.prefecture.is_cap) parts.push_back("「以内」の額は上限額（市町村等はその場合の最小額）");
    if (!row.municipal_label.empty()) parts.push_back("市町村等は" + row.municipal_label);
    if (row.from_allocation && row.service_cost) parts.push_back("事業費 " + format_yen(*row.service_cost) + " のうち按分");
  } else if (row.service_cost && row.kind != FundingRowKind::IncludedInOther) {
    parts.push_back("事業費 " + format_yen(*row.service_cost));
  }
  if (!row.note.empty()) parts.push_back(row.note);
  return join(parts, "。");
}

std::string period_text(const FundingRatio& r) {
  if (!r.fy_from && !r.fy_to) return "（通年）";
  return (r.fy_from ? format_fiscal_year_short(r.fy_from) : std::string()) + "〜" +
         (r.fy_to ? format_fiscal_year_short(r.fy_to) : std::string());
}

SheetTable go_table(const Sheet& sheet, const FundingBreakdown& b) {
  SheetTable t;
  t.name = "号別の合計";
  t.columns = {{"号", CellFormat::Number},    {"区分", CellFormat::Text},     {"事業費", CellFormat::Yen},
               {"国", CellFormat::Yen},       {"都道府県", CellFormat::Yen}, {"市町村等", CellFormat::Yen}};
  size_t origin = sheet.next_extra_origin();
  const SheetTable& main = sheet.main;
  for (size_t i = 0; i < b.by_go.size(); ++i) {
    const FundingTotal& g = b.by_go[i];
    SheetRow& row = t.add_row();
    SheetCell key = SheetCell::of_number(g.go);
    std::string criteria = cell_ref(origin + 1 + i, kGoNumber);
    row.cells = {key, SheetCell::of_text(g.label)};
    for (size_t col : {kAmount, kNational, kPref, kMunicipal})
      // A 号 with no computed row has no known money: 未把握, never 0円 (as in the plan).
      row.cells.push_back(g.computed_rows == 0 ? SheetCell::of_text(std::string(kUnknown))
                                               : sumif_cell(main, 0, kGo, col, criteria, key, sheet.worksheet_of(0)));
  }
  SheetRow& total = t.add_row();
  total.total = true;
  total.cells = {SheetCell::blank(), SheetCell::of_text("合計")};
  for (size_t col : {kGoAmount, kGoNational, kGoPref, kGoMunicipal})
    total.cells.push_back(b.total.computed_rows == 0 ? SheetCell::of_text(std::string(kUnknown)) : sum_cell(t, origin, col));
  return t;
}

SheetTable ratios_table(const FundingBreakdown& b) {
  SheetTable t;
  t.name = "適用した負担割合";
  t.columns = {{"区分", CellFormat::Text},     {"負担者", CellFormat::Text},   {"割合", CellFormat::Text},
               {"根拠", CellFormat::Text, 30}, {"適用年度", CellFormat::Text}, {"状態", CellFormat::Text},
               {"出典", CellFormat::Text, 30}};
  const Reference& ref = reference_data().reference;
  for (const auto& r : b.ratios_applied) {
    const JusouComponent* c = ref.component(r.component_key);
    SheetRow& row = t.add_row();
    for (const std::string& s : {c ? c->law_ref : r.component_key, r.payer, r.ratio_text, r.legal_basis, period_text(r),
                                 r.status, cite_source(r.source)})
      row.cells.push_back(SheetCell::of_text(s));
  }
  return t;
}

}  // namespace

std::optional<Sheet> funding_sheet(const SheetSource& src) {
  const FundingBreakdown& b = src.analysis.all.funding;
  Sheet sheet;
  sheet.name = "財源内訳";
  sheet.description = "重層的支援体制整備事業の交付金の財源内訳（国・都道府県・市町村等の負担）";
  sheet.landscape = true;
  SheetTable& t = sheet.main;
  t.name = sheet.name;
  t.columns = {{"事業ID", CellFormat::Text},   {"事業名", CellFormat::Text, 28}, {"分野", CellFormat::Text},
               {"区分", CellFormat::Text},     {"号", CellFormat::Number},       {"事業費", CellFormat::Yen},
               {"国の割合", CellFormat::Text, 22}, {"国", CellFormat::Yen},       {"都道府県の割合", CellFormat::Text, 22},
               {"都道府県", CellFormat::Yen},  {"市町村等", CellFormat::Yen},    {"備考", CellFormat::Text, 36}};
  for (const auto& r : b.rows) {
    SheetRow& row = t.add_row({"services.csv", r.line, ""});
    row.cells = {SheetCell::of_text(r.service_id), SheetCell::of_text(r.service_name), SheetCell::of_text(r.field),
                 SheetCell::of_text(r.law_ref), r.go ? SheetCell::of_number(r.go) : SheetCell::blank()};
    if (r.computed()) {
      row.cells.insert(row.cells.end(), {money(*r.amount), ratio_cell(r.national), share_cell(r.national),
                                         ratio_cell(r.prefecture), share_cell(r.prefecture), money(r.municipal)});
    } else {
      for (int i = 0; i < 6; ++i) row.cells.push_back(SheetCell::blank());
    }
    row.cells.push_back(SheetCell::of_text(remarks(r)));
  }
  if (!b.rows.empty()) {
    SheetRow& total = t.add_row();
    total.total = true;
    total.cells.assign(t.columns.size(), SheetCell::blank());
    total.cells[kId] = SheetCell::of_text("合計");
    for (size_t col : {kAmount, kNational, kPref, kMunicipal}) total.cells[col] = sum_cell(t, 0, col);
    sheet.extras.push_back(go_table(sheet, b));
    if (!b.ratios_applied.empty()) sheet.extras.push_back(ratios_table(b));
  }

  sheet.notes.push_back(std::string("対象年度：") + format_fiscal_year(b.fiscal_year) + "。負担割合は" +
                        (src.data.funding_override ? std::string("独自に定めた負担割合（国の資料の割合に代えて使用）")
                                                   : std::string("厚生労働省の資料に示された国・都道府県の負担割合")) +
                        "によります。使った割合と出典は「適用した負担割合」の表のとおりです。");
  sheet.notes.push_back("端数処理：各行・負担者ごとに1円未満を切り捨て、市町村等の負担は事業費から国・都道府県分を差し引いた額です。"
                        "合計は各行の和（SUM・SUMIF の式）です。");
  if (b.total.includes_cap)
    sheet.notes.push_back("割合が「以内」の国・都道府県の額は上限額です。実際の交付額はこれ以下になることがあり、"
                          "そのとき市町村等の負担はこの表の額より多くなります。");
  if (b.total.uncomputed_rows > 0)
    sheet.notes.push_back("備考に「" + std::string(kNeedsAllocation) + "」「" + kCostUnknown + "」などとある行（" +
                          std::to_string(b.total.uncomputed_rows) + "行）は金額を計算していないため、合計に含みません。");
  if (b.rows.empty()) sheet.notes.push_back("services.csv に重層区分のある事業がないため、内訳はありません。");
  return sheet;
}

}  // namespace kyosei
