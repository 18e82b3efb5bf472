#include "analyse/funding.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "analyse/funding_rules.h"
#include "base/dates.h"
#include "model/funding_period.h"
#include "model/reference_data.h"

namespace kyosei {

namespace {

// Position of a component in the reference table; unknown codes sort last.
size_t component_order(const Reference& ref, const std::string& key) {
  for (size_t i = 0; i < ref.components.size(); ++i)
    if (ref.components[i].key == key) return i;
  return ref.components.size();
}

std::string funded_as_of(const std::string& key) {
  const FundingRule* rule = funding_rule(key);
  return rule && !rule->funded_as.empty() ? rule->funded_as : key;
}

std::string law_ref_of(const Reference& ref, const std::string& key) {
  const JusouComponent* c = ref.component(key);
  return c ? c->law_ref : key;
}

// The ratio rows of one payer in force for a component, as indices into ratios.
std::vector<size_t> rows_of(const std::vector<FundingRatio>& ratios, const std::string& component,
                            const std::string& payer, int fiscal_year) {
  std::vector<size_t> out;
  for (size_t i = 0; i < ratios.size(); ++i)
    if (ratios[i].component_key == component && ratios[i].payer == payer && ratio_applies(ratios[i], fiscal_year))
      out.push_back(i);
  return out;
}

PayerShare share_of(const std::vector<FundingRatio>& ratios, const std::vector<size_t>& used, long long amount) {
  PayerShare s;
  for (size_t i : used) {
    const FundingRatio& r = ratios[i];
    s.ratio += Fraction(r.num, r.den);
    s.ratio_text += (s.ratio_text.empty() ? "" : "＋") + r.ratio_text;
    s.is_cap = s.is_cap || r.is_cap;
  }
  s.yen = floor_yen(amount, s.ratio);
  return s;
}

class Computer {
 public:
  Computer(const std::vector<FundingRatio>& ratios, int fiscal_year)
      : ref_(reference_data().reference), ratios_(ratios), fiscal_year_(fiscal_year) {}

  // Fills the money of a row whose amount and funded_as are set.
  void compute(FundingRow& row) {
    auto national = rows_of(ratios_, row.funded_as, kPayerNational, fiscal_year_);
    auto prefecture = rows_of(ratios_, row.funded_as, kPayerPrefecture, fiscal_year_);
    std::string missing;
    if (national.empty()) missing = kPayerNational;
    if (prefecture.empty()) missing += (missing.empty() ? "" : "・") + std::string(kPayerPrefecture);
    if (!missing.empty()) {
      row.kind = FundingRowKind::NoRatio;
      row.note = format_fiscal_year_short(fiscal_year_) + "の" + missing + "の割合が未設定";
      return;
    }
    long long amount = *row.amount;
    bool too_large = false;
    try {
      row.national = share_of(ratios_, national, amount);
      row.prefecture = share_of(ratios_, prefecture, amount);
      too_large = row.national.ratio + row.prefecture.ratio > Fraction(1);
    } catch (const std::overflow_error&) {  // absurd denominators in an override
      too_large = true;
    }
    if (too_large) {
      row.kind = FundingRowKind::NoRatio;
      row.note = "国と都道府県の割合の合計が1を超えるため計算できません";
      row.national = row.prefecture = PayerShare{};
      return;
    }
    row.municipal = amount - row.national.yen - row.prefecture.yen;
    for (auto* list : {&national, &prefecture})
      for (size_t i : *list) {
        used_.insert(i);
        const FundingRatio& r = ratios_[i];
        row.sources.push_back(r.payer + " " + r.ratio_text + "：" + r.source);
      }
  }

  // The rows of one service.
  void add_service(const Service& s, std::vector<FundingRow>& out) {
    std::vector<std::string> codes;
    for (const auto& c : s.jusou_codes)
      if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    std::stable_sort(codes.begin(), codes.end(), [&](const std::string& a, const std::string& b) {
      return component_order(ref_, a) < component_order(ref_, b);
    });
    auto carries = [&](const std::string& c) { return std::find(codes.begin(), codes.end(), c) != codes.end(); };
    // Folded: granted with another code this service also carries (6 with 5).
    auto folded = [&](const std::string& c) { return funded_as_of(c) != c && carries(funded_as_of(c)); };
    std::map<std::string, long long> allocated;
    for (const auto& a : s.allocations) allocated[a.code] += a.yen;
    int funded_codes = 0;
    for (const auto& c : codes) funded_codes += folded(c) ? 0 : 1;

    for (const auto& code : codes) {
      FundingRow row;
      row.service_id = s.id;
      row.service_name = s.name;
      row.field = s.field;
      row.line = s.line;
      row.service_cost = s.cost;
      row.component_key = code;
      row.law_ref = law_ref_of(ref_, code);
      row.funded_as = funded_as_of(code);
      const JusouComponent* funded = ref_.component(row.funded_as);
      row.go = funded ? funded->go : 0;
      const FundingRule* rule = funding_rule(row.funded_as);
      row.municipal_label = rule ? rule->remainder_label : "";
      auto own = allocated.find(code);

      if (folded(code) && own == allocated.end()) {
        row.kind = FundingRowKind::IncludedInOther;
        const FundingRule* own_rule = funding_rule(code);
        row.note = own_rule ? own_rule->included_note : "";
        for (const auto& r : ratios_)
          if (r.component_key == code && ratio_applies(r, fiscal_year_)) row.sources.push_back(r.payer + " " + r.ratio_text + "：" + r.source);
      } else if (!s.allocations.empty()) {
        if (own == allocated.end()) {
          row.kind = FundingRowKind::NotAllocated;
          row.note = kNotAllocated;
        } else {
          row.amount = own->second;
          row.from_allocation = codes.size() > 1;
        }
      } else if (!s.cost) {
        row.kind = FundingRowKind::CostUnknown;
        row.note = kCostUnknown;
      } else if (funded_codes > 1) {
        row.kind = FundingRowKind::NeedsAllocation;
        row.note = kNeedsAllocation;
      } else {
        row.amount = s.cost;
      }

      if (row.amount) {
        row.kind = FundingRowKind::Computed;
        if (row.funded_as != code) row.note = law_ref_of(ref_, row.funded_as) + "と一体で交付（" + law_ref_of(ref_, row.funded_as) + "の割合）";
        compute(row);
      }
      out.push_back(std::move(row));
    }
  }

  std::vector<FundingRatio> applied() const {
    std::vector<FundingRatio> out;
    for (size_t i : used_) out.push_back(ratios_[i]);  // std::set: data order
    return out;
  }

 private:
  const Reference& ref_;
  const std::vector<FundingRatio>& ratios_;
  int fiscal_year_;
  std::set<size_t> used_;
};

void add_to(FundingTotal& t, const FundingRow& row) {
  if (!row.computed()) {
    // A folded code without money is part of its partner's row, not missing.
    if (row.kind != FundingRowKind::IncludedInOther) ++t.uncomputed_rows;
    return;
  }
  ++t.computed_rows;
  t.amount += *row.amount;
  t.national += row.national.yen;
  t.prefecture += row.prefecture.yen;
  t.municipal += row.municipal;
  t.includes_cap = t.includes_cap || row.national.is_cap || row.prefecture.is_cap;
}

// 第1号 … 第5号, each named with the components folded into it: 第5号（第6号を含む）.
std::vector<FundingTotal> go_totals(const Reference& ref) {
  std::vector<FundingTotal> out;
  std::vector<int> gos;
  for (const auto& c : ref.components) {
    std::string funded = funded_as_of(c.key);
    if (funded != c.key) continue;  // counted under its partner's 号
    if (std::find(gos.begin(), gos.end(), c.go) == gos.end()) gos.push_back(c.go);
  }
  for (int go : gos) {
    FundingTotal t;
    t.go = go;
    t.label = "第" + std::to_string(go) + "号";
    std::string included;
    for (const auto& c : ref.components) {
      const JusouComponent* funded = ref.component(funded_as_of(c.key));
      if (funded && funded->go == go && c.go != go) included += (included.empty() ? "" : "・") + c.law_ref;
    }
    if (!included.empty()) t.label += "（" + included + "を含む）";
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

const std::vector<FundingRatio>& funding_ratios_of(const Dataset& ds) {
  return ds.funding_override ? *ds.funding_override : reference_data().reference.funding;
}

FundingBreakdown compute_funding(const Dataset& ds, const std::vector<FundingRatio>& ratios, int fiscal_year) {
  const Reference& ref = reference_data().reference;
  FundingBreakdown b;
  b.fiscal_year = fiscal_year;
  Computer computer(ratios, fiscal_year);
  for (const auto& s : ds.services)
    if (!s.jusou_codes.empty()) computer.add_service(s, b.rows);
  b.ratios_applied = computer.applied();

  b.by_go = go_totals(ref);
  for (const auto& row : b.rows) {
    const JusouComponent* funded = ref.component(row.funded_as);
    for (auto& t : b.by_go)
      if (funded && t.go == funded->go) add_to(t, row);
    add_to(b.total, row);
  }
  b.total.label = "合計";

  // 分野 in vocabulary order, then any others in order of appearance.
  std::vector<std::string> fields = reference_data().schema.values("services.csv", "分野");
  for (const auto& row : b.rows)
    if (std::find(fields.begin(), fields.end(), row.field) == fields.end()) fields.push_back(row.field);
  for (const auto& f : fields) {
    FundingTotal t;
    t.label = f;
    bool any = false;
    for (const auto& row : b.rows)
      if (row.field == f) {
        any = true;
        add_to(t, row);
      }
    if (any) b.by_field.push_back(std::move(t));
  }
  return b;
}

}  // namespace kyosei
