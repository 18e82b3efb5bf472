#include "write/plan/funding_markdown.h"

#include <sstream>
#include <vector>

#include "base/dates.h"
#include "base/numbers.h"
#include "analyse/kaigo_split.h"
#include "base/text.h"
#include "base/wording.h"
#include "model/reference_data.h"
#include "read/funding_reader.h"
#include "write/markdown/markdown_html.h"
#include "read/source_citation.h"

namespace kyosei {

namespace {

constexpr const char* kNoMoney = "—";
constexpr const char* kRounding =
    "各行・負担者ごとに1円未満を切り捨て、市町村負担は事業費から国・都道府県分を差し引いた額。合計は端数処理後の各行の和";

std::string cell(const std::string& s) { return markdown_table_cell(s); }

// 「5,000,000円以内（上限額）」, 「法定負担なし」 or plain yen.
std::string share_cell(const PayerShare& s) {
  if (s.no_legal_share()) return kNoLegalShare;
  return format_yen(s.yen) + (s.is_cap ? "以内（上限額）" : "");
}

// Input pieces (ratio texts may come from funding_ratios.csv) are escaped;
// yen and our own words are not, so 30,000,000円 stays as written.
std::string remarks(const FundingRow& row) {
  std::vector<std::string> parts;
  if (row.kind == FundingRowKind::NeedsAllocation && row.service_cost)
    return cell(row.note) + "（事業費 " + format_yen(*row.service_cost) + " を棚卸の按分で重層区分ごとに分ける）";
  if (row.computed()) {
    parts.push_back(std::string(kPayerNational) + " " + cell(row.national.ratio_text) + "・" + kPayerPrefecture + " " +
                    cell(row.prefecture.ratio_text));
    if (row.national.is_cap || row.prefecture.is_cap) parts.push_back("以内は上限額で、市町村等はその場合の最小額");
    if (!row.municipal_label.empty()) parts.push_back("市町村等は" + cell(row.municipal_label));
    auto kaigo = split_kaigo_remainder(row);
    if (!kaigo.empty()) {
      std::vector<std::string> split;
      for (const auto& p : kaigo) split.push_back(cell(p.share->payer) + " " + format_yen(p.yen) + "（" + cell(p.share->ratio_text) + "）");
      parts.push_back("市町村等の内訳は" + join(split, "・"));
    }
    if (row.from_allocation && row.service_cost)
      parts.push_back("事業費 " + format_yen(*row.service_cost) + " のうち按分");
  }
  if (!row.note.empty()) parts.push_back(cell(row.note));
  return join(parts, "。");
}

std::string row_line(const FundingRow& row) {
  std::string service = cell(row.service_name + "（" + row.service_id + "）");
  std::string amount = row.amount ? format_yen(*row.amount)
                       : row.kind == FundingRowKind::CostUnknown ? kUnknown
                                                                 : kNoMoney;
  std::string national = row.computed() ? share_cell(row.national) : kNoMoney;
  std::string prefecture = row.computed() ? share_cell(row.prefecture) : kNoMoney;
  std::string municipal = row.computed() ? format_yen(row.municipal) : kNoMoney;
  return "| " + service + " | " + cell(row.law_ref) + " | " + amount + " | " + national + " | " + prefecture + " | " +
         municipal + " | " + remarks(row) + " |\n";
}

// A group with no computed row has no known money: 未把握, never 0円.
std::string total_line(const std::string& label, const FundingTotal& t) {
  auto yen = [&](long long v) { return t.computed_rows == 0 ? std::string(kUnknown) : format_yen(v); };
  return "| " + label + " | " + yen(t.amount) + " | " + yen(t.national) + " | " + yen(t.prefecture) + " | " +
         yen(t.municipal) + " | " + std::to_string(t.computed_rows) + " | " + std::to_string(t.uncomputed_rows) + " |\n";
}

std::string totals_table(const char* first_column, const std::vector<FundingTotal>& groups, const FundingTotal& total) {
  std::string out = std::string("| ") + first_column + " | 事業費 | 国 | 都道府県 | 市町村等 | 計算した行 | 未計算の行 |\n"
                    "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& g : groups) out += total_line(cell(g.label), g);
  out += total_line("**合計**", total);
  return out;
}

std::string ratio_sentence(const Dataset& ds) {
  if (ds.funding_override)
    return "負担割合は、独自に定めた負担割合（国の資料の割合に代えて使用）によります。使った割合と出典は「適用した負担割合」の表のとおりです。";
  return "負担割合は、厚生労働省の資料に示された国・都道府県の負担割合によります。"
         "使った割合と出典は「適用した負担割合」の表のとおりです。";
}

std::string period_text(const FundingRatio& r) {
  if (!r.fy_from && !r.fy_to) return "（通年）";
  return (r.fy_from ? format_fiscal_year_short(r.fy_from) : std::string()) + "〜" +
         (r.fy_to ? format_fiscal_year_short(r.fy_to) : std::string());
}

}  // namespace

std::string render_funding_breakdown(const Dataset& ds, const FundingBreakdown& b) {
  std::ostringstream out;
  out << "## 交付金の財源内訳（" << format_fiscal_year(b.fiscal_year) << "）\n\n";
  out << ratio_sentence(ds) << "\n\n";
  out << "端数処理：" << kRounding << "。\n\n";
  if (b.rows.empty()) {
    out << "棚卸に重層区分のある事業がないため、内訳はありません。\n";
    return out.str();
  }
  bool any_cap = b.total.includes_cap;
  if (any_cap)
    out << "割合が「以内」の国・都道府県の額は上限額（交付される最大の額）です。実際の交付額はこれ以下になることがあり、"
           "そのとき市町村等の負担はこの表の額より多くなります。\n\n";

  out << "### 事業別の内訳\n\n";
  out << "| 事業 | 区分 | 事業費 | 国 | 都道府県 | 市町村等 | 備考 |\n"
         "|---|---|---:|---:|---:|---:|---|\n";
  for (const auto& row : b.rows) out << row_line(row);
  out << "\n";
  bool any_kaigo = false;
  for (const auto& row : b.rows) any_kaigo = any_kaigo || !split_kaigo_remainder(row).empty();
  if (any_kaigo)
    out << "介護分野の構成事業（第1号イ・第3号イ・第3号ロ）の市町村等は、介護保険の地域支援事業の負担割合（介護保険法第122条の2〜第125条・第129条）により、"
           "市町村・第1号保険料（第3号イの介護予防・日常生活支援総合事業では第2号保険料も）に分かれます。"
           "保険料の割合は第9期（令和6〜8年度）の第1号被保険者負担率23/100・第2号被保険者負担率27/100です。"
           "第3号イの国の額には平均5/100の調整交付金を含むため、実際の第1号保険料の割合は市町村ごとに増減します。\n\n";
  if (b.total.uncomputed_rows > 0)
    out << "備考に按分が必要・事業費未把握などとある行（" << b.total.uncomputed_rows
        << "行）は金額を計算していません。下の合計にも含みません。\n\n";

  out << "### 号別の合計\n\n" << totals_table("号", b.by_go, b.total) << "\n";
  out << "### 分野別の合計\n\n" << totals_table("分野", b.by_field, b.total) << "\n";
  if (any_cap) out << "国・都道府県の合計には「以内」の上限額が含まれます。\n\n";

  out << "### 適用した負担割合\n\n";
  if (b.ratios_applied.empty()) {
    out << "金額を計算した行がないため、適用した割合はありません。\n";
    return out.str();
  }
  out << "| 区分 | 負担者 | 割合 | 根拠 | 適用年度 | 状態 | 出典 |\n"
         "|---|---|---|---|---|---|---|\n";
  const Reference& ref = reference_data().reference;
  for (const auto& r : b.ratios_applied) {
    const JusouComponent* c = ref.component(r.component_key);
    out << "| " << cell(c ? c->law_ref : r.component_key) << " | " << cell(r.payer) << " | " << cell(r.ratio_text) << " | "
        << cell(r.legal_basis) << " | " << period_text(r) << " | " << cell(r.status) << " | " << cell(cite_source(r.source)) << " |\n";
  }
  return out.str();
}

}  // namespace kyosei
