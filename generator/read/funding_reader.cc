#include "read/funding_reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "base/fraction.h"
#include "base/dates.h"
#include "model/funding_period.h"
#include "model/schema.h"
#include "read/table_reader.h"

namespace kyosei {

namespace {

// Large enough for any ratio a source writes (19.25/100 is 1925/10000),
// small enough that sums of ratios stay exact in 64 bits.
constexpr long long kMaxDenominator = 1'000'000;

ColumnSpec column(const char* name, ColumnType type, bool required, std::vector<std::string> values = {},
                  const char* help = "") {
  ColumnSpec c;
  c.name = name;
  c.type = type;
  c.required = required;
  c.values = std::move(values);
  c.help = help;
  return c;
}

// The vocabularies come from the reference data, so the file accepts what
// data/jusou_funding.csv itself holds.
FileSpec funding_spec() {
  const Reference& ref = builtin_reference();
  std::vector<std::string> keys, payers;
  for (const auto& c : ref.components) keys.push_back(c.key);
  for (const auto& f : ref.funding)
    if (std::find(payers.begin(), payers.end(), f.payer) == payers.end()) payers.push_back(f.payer);

  FileSpec spec;
  spec.name = kFundingRatiosFile;
  spec.title = "交付金の負担割合（任意）";
  spec.columns = {
      column("component_key", ColumnType::Enum, true, keys, "重層区分のコード（例: 1イ、3柱、5）"),
      column("law_ref", ColumnType::Text, false),
      column("program_name", ColumnType::Text, false),
      column("field", ColumnType::Text, false),
      column("support_category", ColumnType::Text, false),
      column("new_or_existing", ColumnType::Text, false),
      column("payer", ColumnType::Enum, true, payers, "負担者（国・都道府県）"),
      column("legal_basis", ColumnType::Text, false),
      column("expense_type", ColumnType::Text, false),
      column("ratio_text", ColumnType::Text, false),
      column("num", ColumnType::Integer, true, {}, "割合の分子（0以上の整数。38.5/100 なら 385）"),
      column("den", ColumnType::Integer, true, {}, "割合の分母（1以上の整数。38.5/100 なら 1000）"),
      column("is_cap", ColumnType::Enum, true, {"Y", "N"}, "Y（「以内」＝上限）または N"),
      column("fy_from", ColumnType::Year, false),
      column("fy_to", ColumnType::Year, false),
      column("status", ColumnType::Text, false),
      column("source_file", ColumnType::Text, false),
      column("source_line", ColumnType::Text, false),
  };
  for (auto& c : spec.columns) {
    if (c.name == "num") c.min = 0;
    if (c.name == "den") {
      c.min = 1;
      c.max = static_cast<double>(kMaxDenominator);
    }
  }
  return spec;
}

struct ReadRow {
  FundingRatio ratio;
  const Row* row;
};

// 国 + 都道府県 ≤ 1 for every component in every year. The sum is constant
// between boundaries, so checking one year of each piece covers them all.
void check_sums(const std::vector<ReadRow>& rows, Diagnostics& diags) {
  std::map<std::string, std::vector<const ReadRow*>> by_component;
  for (const auto& r : rows) by_component[r.ratio.component_key].push_back(&r);
  for (const auto& [key, list] : by_component) {
    std::set<int> years;
    for (const auto* r : list) {
      if (r->ratio.fy_from) years.insert({r->ratio.fy_from, r->ratio.fy_from - 1});
      if (r->ratio.fy_to) years.insert({r->ratio.fy_to, r->ratio.fy_to + 1});
    }
    bool unbounded = years.empty();
    if (unbounded) years.insert(0);  // every row applies in every year
    for (int y : years) {
      Fraction sum;
      const ReadRow* last = nullptr;
      try {
        for (const auto* r : list)
          if (ratio_applies(r->ratio, y) && r->ratio.num > 0) {
            sum += Fraction(r->ratio.num, r->ratio.den);
            last = r;
          }
      } catch (const std::overflow_error&) {
        sum = Fraction(2);  // cannot be exact: reported as too large
      }
      if (last && sum > Fraction(1)) {
        diags.error(last->row->where("num"),
                    "重層区分「" + key + "」の" + (unbounded ? std::string("全年度") : format_fiscal_year_short(y)) +
                        "の割合の合計（国と都道府県）が " +
                        sum.to_percent_text() + " で、100% を超えています",
                    "同じ年度に当てはまる行の割合の合計が 1 以下（fy_from・fy_to で年度を分ける）");
        break;  // one message per component
      }
    }
  }
}

}  // namespace

std::optional<std::vector<FundingRatio>> read_funding_override(const FileSystem& fs, Diagnostics& diags) {
  if (!fs.exists(kFundingRatiosFile)) return std::nullopt;
  Diagnostics cell_diags;  // to know which lines had a bad cell (empty optional or wrong: both unset)
  Table table = read_table(fs, funding_spec(), cell_diags);
  diags.append(cell_diags);
  std::set<int> bad_lines;
  for (const auto& d : cell_diags.items())
    if (d.severity == Severity::Error) bad_lines.insert(d.where.line);
  std::vector<FundingRatio> out;
  if (!table.present) return out;

  std::vector<ReadRow> rows;
  for (const auto& row : table.rows) {
    const Cell& num = row["num"];
    const Cell& den = row["den"];
    bool ok = !bad_lines.count(row.line) && row["component_key"].present && row["payer"].present && num.integer &&
              den.integer && row["is_cap"].present;
    FundingRatio f;
    f.component_key = row["component_key"].text;
    f.payer = row["payer"].text;
    f.legal_basis = row["legal_basis"].text;
    f.expense_type = row["expense_type"].text;
    f.num = num.integer.value_or(0);
    f.den = den.integer.value_or(1);
    f.is_cap = row["is_cap"].text == "Y";
    f.fy_from = static_cast<int>(row["fy_from"].integer.value_or(0));
    f.fy_to = static_cast<int>(row["fy_to"].integer.value_or(0));
    f.status = row["status"].text;
    f.ratio_text = row["ratio_text"].text;
    if (f.ratio_text.empty() && ok) f.ratio_text = Fraction(f.num, f.den).to_string() + (f.is_cap ? "以内" : "");
    // The source: this file's line, and the document the staff cite.
    f.source = std::string(kFundingRatiosFile) + " " + std::to_string(row.line) + "行目";
    if (!row["source_file"].text.empty())
      f.source += "（" + row["source_file"].text +
                  (row["source_line"].text.empty() ? "" : " L" + row["source_line"].text) + "）";

    if (num.integer && den.integer && *num.integer > *den.integer) {
      diags.error(row.where("num"),
                  "分子 " + std::to_string(*num.integer) + " が分母 " + std::to_string(*den.integer) +
                      " より大きく、割合が 1（100%）を超えています",
                  "den 以下の整数（例: 38.5/100 なら num=385、den=1000）");
      ok = false;
    }
    if (f.fy_from && f.fy_to && f.fy_from > f.fy_to) {
      diags.error(row.where("fy_to"),
                  "適用の終わり " + format_fiscal_year_short(f.fy_to) + " が始まり " +
                      format_fiscal_year_short(f.fy_from) + " より前です",
                  format_fiscal_year_short(f.fy_from) + " 以降の年度、または空欄（終わりなし）");
      ok = false;
    }
    // A joint share cannot be split between the two payers; the built-in
    // table uses 国・都道府県 only to say 6 is granted with 5 (ratio 0).
    if (f.payer == "国・都道府県" && f.num != 0) {
      diags.error(row.where("num"), "負担者「国・都道府県」の行に割合（" + std::to_string(f.num) + "/" +
                                        std::to_string(f.den) + "）があります。合算の割合は国と都道府県に分けられません",
                  "国と都道府県の2行に分ける（「国・都道府県」は num=0 の一体交付の行だけ）");
      ok = false;
    }
    if (ok) rows.push_back({std::move(f), &row});
  }
  if (table.rows.empty())
    diags.error({kFundingRatiosFile, 1, ""}, "割合の行がありません",
                "data/jusou_funding.csv と同じ列の行（内蔵の割合を使うときは funding_ratios.csv を置かない）");
  check_sums(rows, diags);
  for (auto& r : rows) out.push_back(std::move(r.ratio));
  return out;
}

}  // namespace kyosei
