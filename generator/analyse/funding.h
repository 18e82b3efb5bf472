// The 交付金 funding breakdown of the 重層的支援体制整備事業 (issue 3 §3):
// for every service that names a 重層区分, how its 事業費 divides between
// 国, 都道府県 and the municipality, by the ratios of
// shared/domain/jusou.md §7.3 (data/jusou_funding.csv) or the
// municipality's own funding_ratios.csv.
//
//   const auto& ratios = funding_ratios_of(ds);   // override or built-in
//   FundingBreakdown b = compute_funding(ds, ratios, ds.municipality.fiscal_year);
//
// Rows: one per (service, 重層区分 code), services.csv order, codes in
// component table order.
// - One funded code: the whole 事業費. Several: each code its 按分 amount.
//   Several codes without 按分: every code is 「按分が必要」, no money (never
//   guessed). 事業費 empty: 「事業費未把握」, no money.
// - A code granted as part of another (6 inside 5, data/
//   jusou_funding_rules.csv) that the service also carries is not a split:
//   with no 按分 amount of its own it is 「第5号と一体（5号に含む）」 without
//   money; with one, that amount is computed with 5's ratios. So `5;6`
//   without 按分 is one funded code, not 「按分が必要」.
// - A code the 按分 leaves out (others are allocated) is 「按分に記載なし」.
// - No ratio row of a payer applies in the fiscal year (e.g. an override
//   that omits a component): 「割合が未設定」, no money.
//
// Ratios: the rows of the component (after funded_as) whose fy_from..fy_to
// hold the fiscal year (0 = unbounded; this is how 2, 4, 5 switch from the
// R4 regime to R5 onward). Several rows of one payer add up (3イ: 国 20/100
// + 平均5/100). A 「以内」 row is a ceiling: the share is the maximum
// (上限額) and the municipal remainder then a minimum. Ratio 0 (法定負担なし,
// なし（—）) is reported as such, not as a share of 0円.
//
// Rounding, fixed and stated on the page: each payer's share of each row is
// floor(金額 × 割合) (1円未満切り捨て), in exact fractions; the municipal
// share is 金額 − 国 − 都道府県, so every row adds up exactly; totals are
// sums of the rounded rows.
//
// Every service counts, public or not (the plan needs the whole budget); a
// writer for the public site must drop non-public ones itself.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/fraction.h"
#include "model/funding_period.h"  // ratio_applies
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

// Payer names as in data/jusou_funding.csv.
inline constexpr const char* kPayerNational = "国";
inline constexpr const char* kPayerPrefecture = "都道府県";

// What the 備考 of a row without money says.
inline constexpr const char* kNeedsAllocation = "按分が必要";
inline constexpr const char* kCostUnknown = "事業費未把握";
inline constexpr const char* kNotAllocated = "按分に記載なし";
inline constexpr const char* kNoLegalShare = "法定負担なし";

enum class FundingRowKind {
  Computed,         // shares computed
  IncludedInOther,  // folded into another code of the same service (6 in 5)
  NeedsAllocation,  // several codes, no 按分
  CostUnknown,      // no 事業費
  NotAllocated,     // 按分 given, none for this code
  NoRatio,          // no usable ratio for the fiscal year
};

// One payer's share of one row.
struct PayerShare {
  Fraction ratio;          // sum of the rows that apply
  std::string ratio_text;  // as in the data, joined by 「＋」: "20/100＋平均5/100（調整交付金相当分）"
  long long yen = 0;       // floor(amount × ratio)
  bool is_cap = false;     // 以内: yen is the ceiling (上限額)
  bool no_legal_share() const { return ratio.is_zero(); }  // 法定負担なし
};

struct FundingRow {
  std::string service_id;
  std::string service_name;
  std::string field;  // the service's 分野
  int line = 0;       // services.csv line
  std::string component_key;  // the code as in 重層区分: 1イ … 6
  std::string law_ref;        // 第1号イ
  std::string funded_as;      // whose ratios apply (6 -> 5)
  int go = 0;                 // the 号 it is counted under (of funded_as)
  FundingRowKind kind = FundingRowKind::Computed;
  std::optional<long long> service_cost;  // the service's whole 事業費
  std::optional<long long> amount;        // the part of 事業費 for this code
  bool from_allocation = false;     // amount is a 按分 part of a larger 事業費
  PayerShare national, prefecture;  // Computed rows only
  long long municipal = 0;          // amount − 国 − 都道府県 (Computed rows)
  std::string municipal_label;      // 市町村負担 | 市町村負担・第1号保険料等（内訳は資料外）
  std::string note;                 // Japanese: why there is no money, or 「第5号と一体で交付」
  std::vector<std::string> sources; // 「国 38.5/100：004_….txt L670」 for every ratio row used

  bool computed() const { return kind == FundingRowKind::Computed; }
};

// Sums of the computed rows of a group.
struct FundingTotal {
  std::string label;  // 第1号 … 第5号（第6号を含む）, a 分野, or 合計
  int go = 0;         // by_go only
  long long amount = 0, national = 0, prefecture = 0, municipal = 0;
  int computed_rows = 0;
  int uncomputed_rows = 0;    // rows of the group without money (按分が必要 …)
  bool includes_cap = false;  // some 国/都道府県 share in it is a 以内 maximum
};

struct FundingBreakdown {
  int fiscal_year = 0;
  std::vector<FundingRatio> ratios_applied;  // the rows in force that some row used, in data order
  std::vector<FundingRow> rows;
  std::vector<FundingTotal> by_go;     // 第1号 … 第5号, always all five
  std::vector<FundingTotal> by_field;  // 分野 with rows, services.csv 分野 vocabulary order
  FundingTotal total;
};

// The municipality's funding_ratios.csv when given, else the built-in table.
const std::vector<FundingRatio>& funding_ratios_of(const Dataset& ds);

FundingBreakdown compute_funding(const Dataset& ds, const std::vector<FundingRatio>& ratios, int fiscal_year);

}  // namespace kyosei
