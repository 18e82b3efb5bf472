#include "analyse/funding.h"

#include <doctest/doctest.h>

#include <set>

#include "analyse/funding_rules.h"

namespace kyosei {

namespace {

Service service(std::string id, std::string field, std::vector<std::string> codes, std::optional<long long> cost,
                std::vector<Allocation> allocations = {}) {
  Service s;
  s.id = id;
  s.name = "事業" + id;
  s.field = std::move(field);
  s.jusou_codes = std::move(codes);
  s.cost = cost;
  s.allocations = std::move(allocations);
  s.line = 2;
  return s;
}

Dataset with(std::vector<Service> services) {
  Dataset ds;
  ds.municipality.fiscal_year = 2026;
  ds.services = std::move(services);
  return ds;
}

FundingBreakdown builtin(const Dataset& ds, int fy) { return compute_funding(ds, builtin_reference().funding, fy); }

// One hand-computed expectation: a single-code service of `amount` yen.
struct Expected {
  const char* code;
  int fy;
  long long amount;
  long long national, prefecture, municipal;
  bool national_cap, prefecture_cap, prefecture_none;
};

// Every ratio row of data/jusou_funding.csv, in both regimes (FY2022 = R4,
// FY2026 = R5 onward), on odd amounts so that flooring shows. Each value is
// worked out by hand in the comment: floor(amount × ratio).
const Expected kExpected[] = {
    // 1イ 国 38.5/100, 都道府県 19.25/100
    {"1イ", 2022, 10'000'001, 3'850'000, 1'925'000, 4'225'001, false, false, false},  // 3,850,000.385 / 1,925,000.1925
    {"1イ", 2026, 999'999, 384'999, 192'499, 422'501, false, false, false},            // 384,999.615 / 192,499.8075
    // 1ロ 国 50/100以内, 都道府県 25/100以内
    {"1ロ", 2022, 10'000'001, 5'000'000, 2'500'000, 2'500'001, true, true, false},     // 5,000,000.5 / 2,500,000.25
    {"1ロ", 2026, 999'999, 499'999, 249'999, 250'001, true, true, false},              // 499,999.5 / 249,999.75
    // 1ハ 国 2/3以内, 都道府県 1/6以内
    {"1ハ", 2022, 10'000'001, 6'666'667, 1'666'666, 1'666'668, true, true, false},     // 6,666,667.33 / 1,666,666.83
    {"1ハ", 2026, 999'999, 666'666, 166'666, 166'667, true, true, false},              // 666,666 / 166,666.5
    // 1ニ 国 3/4, 都道府県 法定負担なし
    {"1ニ", 2022, 10'000'001, 7'500'000, 0, 2'500'001, false, false, true},            // 7,500,000.75
    {"1ニ", 2026, 999'999, 749'999, 0, 250'000, false, false, true},                   // 749,999.25
    // 2 R4: 国 3/4, 都道府県 なし（—）; R5～: 国 1/2, 都道府県 1/4
    {"2", 2022, 10'000'001, 7'500'000, 0, 2'500'001, false, false, true},
    {"2", 2026, 10'000'001, 5'000'000, 2'500'000, 2'500'001, false, false, false},    // 5,000,000.5 / 2,500,000.25
    // 3イ 国 20/100 + 平均5/100 = 25/100, 都道府県 12.5/100
    {"3イ", 2022, 10'000'001, 2'500'000, 1'250'000, 6'250'001, false, false, false},   // 2,500,000.25 / 1,250,000.125
    {"3イ", 2026, 999'999, 249'999, 124'999, 625'001, false, false, false},            // 249,999.75 / 124,999.875
    // 3ロ 国 38.5/100, 都道府県 19.25/100
    {"3ロ", 2022, 10'000'001, 3'850'000, 1'925'000, 4'225'001, false, false, false},
    {"3ロ", 2026, 3, 1, 0, 2, false, false, false},                                     // 1.155 / 0.5775
    // 3ハ 国 50/100以内, 都道府県 25/100以内
    {"3ハ", 2022, 10'000'001, 5'000'000, 2'500'000, 2'500'001, true, true, false},
    {"3ハ", 2026, 7, 3, 1, 3, true, true, false},                                       // 3.5 / 1.75
    // 3ニ 国 1/3以内, 都道府県 1/3以内
    {"3ニ", 2022, 10'000'001, 3'333'333, 3'333'333, 3'333'335, true, true, false},     // 3,333,333.67 each
    {"3ニ", 2026, 999'999, 333'333, 333'333, 333'333, true, true, false},              // exact
    // 3柱 国 1/2以内, 都道府県 法定負担なし
    {"3柱", 2022, 10'000'001, 5'000'000, 0, 5'000'001, true, false, true},
    {"3柱", 2026, 999'999, 499'999, 0, 500'000, true, false, true},
    // 4 R4: 国 3/4; R5～: 国 1/2, 都道府県 1/4
    {"4", 2022, 999'999, 749'999, 0, 250'000, false, false, true},
    {"4", 2026, 999'999, 499'999, 249'999, 250'001, false, false, false},              // 499,999.5 / 249,999.75
    // 5 R4: 国 3/4; R5～: 国 1/2, 都道府県 1/4
    {"5", 2022, 10'000'001, 7'500'000, 0, 2'500'001, false, false, true},
    {"5", 2026, 12'345'679, 6'172'839, 3'086'419, 3'086'421, false, false, false},     // 6,172,839.5 / 3,086,419.75
    // 6 alone is granted as 5 (5's ratios)
    {"6", 2022, 10'000'001, 7'500'000, 0, 2'500'001, false, false, true},
    {"6", 2026, 10'000'001, 5'000'000, 2'500'000, 2'500'001, false, false, false},
};

}  // namespace

TEST_CASE("funding: hand-computed yen for every ratio row in both regimes") {
  std::set<size_t> used;  // indices of builtin ratio rows exercised
  const auto& ratios = builtin_reference().funding;
  for (const auto& e : kExpected) {
    CAPTURE(e.code);
    CAPTURE(e.fy);
    auto b = builtin(with({service("S1", "高齢", {e.code}, e.amount)}), e.fy);
    REQUIRE(b.rows.size() == 1);
    const FundingRow& row = b.rows[0];
    REQUIRE(row.kind == FundingRowKind::Computed);
    CHECK(*row.amount == e.amount);
    CHECK(row.national.yen == e.national);
    CHECK(row.prefecture.yen == e.prefecture);
    CHECK(row.municipal == e.municipal);
    CHECK(row.national.yen + row.prefecture.yen + row.municipal == e.amount);
    CHECK(row.national.is_cap == e.national_cap);
    CHECK(row.prefecture.is_cap == e.prefecture_cap);
    CHECK(row.prefecture.no_legal_share() == e.prefecture_none);
    CHECK_FALSE(row.national.no_legal_share());
    CHECK(b.total.national == e.national);
    for (size_t i = 0; i < ratios.size(); ++i)
      for (const auto& applied : b.ratios_applied)
        if (applied.source == ratios[i].source && applied.component_key == ratios[i].component_key &&
            applied.payer == ratios[i].payer && applied.num == ratios[i].num && applied.fy_from == ratios[i].fy_from)
          used.insert(i);
  }
  // Every row of the built-in table but 6's marker row (6 is computed with 5's) was exercised.
  for (size_t i = 0; i < ratios.size(); ++i) {
    CAPTURE(ratios[i].component_key);
    CAPTURE(ratios[i].ratio_text);
    if (ratios[i].component_key == "6") continue;
    CHECK(used.count(i) == 1);
  }
}

TEST_CASE("funding: the R4 / R5 switch happens between FY2022 and FY2023") {
  auto r4 = builtin(with({service("S1", "地域福祉", {"2"}, 1000)}), 2022).rows[0];
  auto r5 = builtin(with({service("S1", "地域福祉", {"2"}, 1000)}), 2023).rows[0];
  CHECK(r4.national.ratio == Fraction(3, 4));
  CHECK(r4.national.ratio_text == "3/4");
  CHECK(r4.prefecture.ratio_text == "なし（—）");
  CHECK(r4.prefecture.no_legal_share());
  CHECK(r5.national.ratio == Fraction(1, 2));
  CHECK(r5.prefecture.ratio == Fraction(1, 4));
  // Before R4 the table has no ratio for 2: not guessed.
  auto r3 = builtin(with({service("S1", "地域福祉", {"2"}, 1000)}), 2021).rows[0];
  CHECK(r3.kind == FundingRowKind::NoRatio);
  CHECK(r3.note == "令和3年度の国・都道府県の割合が未設定");
  CHECK(builtin(with({service("S1", "地域福祉", {"2"}, 1000)}), 2021).total.uncomputed_rows == 1);
}

TEST_CASE("funding: 3イ adds its two 国 rows; sources name both") {
  auto row = builtin(with({service("S1", "高齢", {"3イ"}, 100)}), 2026).rows[0];
  CHECK(row.national.ratio == Fraction(25, 100));
  CHECK(row.national.ratio_text == "20/100＋平均5/100（調整交付金相当分）");
  CHECK(row.national.yen == 25);
  CHECK(row.sources.size() == 3);
  CHECK(row.sources[0] == "国 20/100：004_1bf5b02d4a714db9.txt L668");
  CHECK(row.sources[1] == "国 平均5/100（調整交付金相当分）：004_1bf5b02d4a714db9.txt L669");
  CHECK(row.sources[2] == "都道府県 12.5/100：004_1bf5b02d4a714db9.txt L686");
}

TEST_CASE("funding: remainder labels come from the rules data") {
  auto label = [](const char* code) { return builtin(with({service("S1", "高齢", {code}, 100)}), 2026).rows[0].municipal_label; };
  // 介護: the 地域支援事業 rules split the remainder (kaigo_split.h); 3イ
  // (総合事業) also takes the 第2号保険料.
  for (const char* kaigo : {"1イ", "3ロ"}) CHECK(label(kaigo) == "市町村負担・第1号保険料（介護保険の地域支援事業の負担割合による）");
  CHECK(label("3イ") == "市町村負担・第1号保険料・第2号保険料（介護保険の地域支援事業の負担割合による）");
  for (const char* other : {"1ロ", "1ハ", "1ニ", "2", "3ハ", "3ニ", "3柱", "4", "5"}) CHECK(label(other) == "市町村負担");
  // Every component has a rule, and only 6 is granted as another.
  for (const auto& c : builtin_reference().components) {
    const FundingRule* rule = funding_rule(c.key);
    REQUIRE(rule != nullptr);
    CHECK_FALSE(rule->remainder_label.empty());
    CHECK_FALSE(rule->source.empty());
    CHECK(builtin_reference().component(rule->funded_as) != nullptr);
    CHECK((rule->funded_as == c.key) == (c.key != "6"));
  }
}

TEST_CASE("funding: 6 beside 5 is folded in, with or without 按分") {
  SUBCASE("5;6 without 按分 is one funded code, not 按分が必要") {
    auto b = builtin(with({service("S1", "生活困窮", {"5", "6"}, 1'000'001)}), 2026);
    REQUIRE(b.rows.size() == 2);
    CHECK(b.rows[0].component_key == "5");
    CHECK(b.rows[0].kind == FundingRowKind::Computed);
    CHECK(*b.rows[0].amount == 1'000'001);
    CHECK(b.rows[0].national.yen == 500'000);
    CHECK(b.rows[0].prefecture.yen == 250'000);
    CHECK(b.rows[0].municipal == 250'001);
    CHECK(b.rows[1].component_key == "6");
    CHECK(b.rows[1].law_ref == "第6号");
    CHECK(b.rows[1].kind == FundingRowKind::IncludedInOther);
    CHECK(b.rows[1].note == "第5号と一体（5号に含む）");
    CHECK_FALSE(b.rows[1].amount);
    CHECK(b.rows[1].sources == std::vector<std::string>{"国・都道府県 5号と一体で交付：004_1bf5b02d4a714db9.txt L677"});
    CHECK(b.total.uncomputed_rows == 0);  // folded is not missing
  }
  SUBCASE("1ニ;5;6 with 按分 for 1ニ and 5 (the default dataset's S021)") {
    auto b = builtin(with({service("S1", "生活困窮", {"1ニ", "5", "6"}, 30'000'000, {{"1ニ", 18'000'000}, {"5", 12'000'000}})}), 2026);
    REQUIRE(b.rows.size() == 3);
    CHECK(b.rows[0].national.yen == 13'500'000);
    CHECK(b.rows[0].prefecture.yen == 0);
    CHECK(b.rows[0].municipal == 4'500'000);
    CHECK(b.rows[0].from_allocation);
    CHECK(*b.rows[0].service_cost == 30'000'000);
    CHECK(b.rows[1].national.yen == 6'000'000);
    CHECK(b.rows[1].prefecture.yen == 3'000'000);
    CHECK(b.rows[1].municipal == 3'000'000);
    CHECK(b.rows[2].kind == FundingRowKind::IncludedInOther);
    CHECK(b.total.amount == 30'000'000);
  }
  SUBCASE("6 with its own 按分 amount is computed with 5's ratios, counted under 第5号") {
    auto b = builtin(with({service("S1", "生活困窮", {"5", "6"}, 1001, {{"5", 800}, {"6", 201}})}), 2026);
    REQUIRE(b.rows.size() == 2);
    CHECK(b.rows[1].kind == FundingRowKind::Computed);
    CHECK(b.rows[1].funded_as == "5");
    CHECK(b.rows[1].go == 5);
    CHECK(b.rows[1].national.yen == 100);   // 100.5
    CHECK(b.rows[1].prefecture.yen == 50);  // 50.25
    CHECK(b.rows[1].municipal == 51);
    CHECK(b.rows[1].note == "第5号と一体で交付（第5号の割合）");
    CHECK(b.by_go[4].label == "第5号（第6号を含む）");
    CHECK(b.by_go[4].amount == 1001);
    CHECK(b.by_go[4].computed_rows == 2);
  }
}

TEST_CASE("funding: several codes without 按分 are 按分が必要, never guessed") {
  auto b = builtin(with({service("S035", "保健医療", {"4", "2"}, 6'600'000)}), 2026);
  REQUIRE(b.rows.size() == 2);
  CHECK(b.rows[0].component_key == "2");  // component table order
  CHECK(b.rows[1].component_key == "4");
  for (const auto& row : b.rows) {
    CHECK(row.kind == FundingRowKind::NeedsAllocation);
    CHECK(row.note == "按分が必要");
    CHECK_FALSE(row.amount);
    CHECK(row.national.yen == 0);
    CHECK(row.sources.empty());
  }
  CHECK(b.total.amount == 0);
  CHECK(b.total.uncomputed_rows == 2);
  CHECK(b.ratios_applied.empty());
}

TEST_CASE("funding: 重層区分 without 事業費 is 事業費未把握") {
  auto b = builtin(with({service("S002", "高齢", {"1イ"}, std::nullopt), service("S9", "障害", {"1ロ", "3ハ"}, std::nullopt)}), 2026);
  REQUIRE(b.rows.size() == 3);
  for (const auto& row : b.rows) {
    CHECK(row.kind == FundingRowKind::CostUnknown);
    CHECK(row.note == "事業費未把握");
    CHECK_FALSE(row.amount);
  }
  CHECK(b.total.uncomputed_rows == 3);
}

TEST_CASE("funding: a code the 按分 leaves out has no money") {
  auto b = builtin(with({service("S1", "生活困窮", {"1ニ", "3柱"}, 100, {{"1ニ", 100}})}), 2026);
  REQUIRE(b.rows.size() == 2);
  CHECK(b.rows[0].kind == FundingRowKind::Computed);
  CHECK(b.rows[1].kind == FundingRowKind::NotAllocated);
  CHECK(b.rows[1].note == "按分に記載なし");
}

TEST_CASE("funding: services without 重層区分 are not rows") {
  auto b = builtin(with({service("S1", "高齢", {}, 100)}), 2026);
  CHECK(b.rows.empty());
  CHECK(b.by_go.size() == 5);
  CHECK(b.by_field.empty());
}

TEST_CASE("funding: totals are sums of the rounded rows, by 号, by 分野 and overall") {
  auto b = builtin(with({
                       service("S001", "高齢", {"1イ"}, 255'000'000),
                       service("S003", "高齢", {"3イ"}, 18'600'001),
                       service("S010", "障害", {"1ロ"}, 36'000'003),
                       service("S015", "子ども", {"1ハ"}, 9'800'001),
                       service("S021", "生活困窮", {"1ニ", "5", "6"}, 30'000'001, {{"1ニ", 18'000'001}, {"5", 12'000'000}}),
                       service("S028", "地域福祉", {"2"}, 9'800'003),
                       service("S035", "保健医療", {"4", "2"}, 6'600'000),
                       service("S002", "高齢", {"1イ"}, std::nullopt),
                   }),
                   2026);
  FundingTotal sum;
  for (const auto& row : b.rows)
    if (row.computed()) {
      CHECK(row.national.yen + row.prefecture.yen + row.municipal == *row.amount);
      sum.amount += *row.amount;
      sum.national += row.national.yen;
      sum.prefecture += row.prefecture.yen;
      sum.municipal += row.municipal;
    }
  CHECK(b.total.amount == sum.amount);
  CHECK(b.total.national == sum.national);
  CHECK(b.total.prefecture == sum.prefecture);
  CHECK(b.total.municipal == sum.municipal);
  CHECK(b.total.amount == b.total.national + b.total.prefecture + b.total.municipal);
  CHECK(b.total.amount == 255'000'000 + 18'600'001 + 36'000'003 + 9'800'001 + 30'000'001 + 9'800'003);
  CHECK(b.total.computed_rows == 7);
  CHECK(b.total.uncomputed_rows == 3);  // S035 ×2, S002
  CHECK(b.total.includes_cap);          // 1ロ, 1ハ

  // By 号 and by 分野 partition the same rows.
  for (const auto* groups : {&b.by_go, &b.by_field}) {
    FundingTotal g;
    for (const auto& t : *groups) {
      g.amount += t.amount;
      g.national += t.national;
      g.prefecture += t.prefecture;
      g.municipal += t.municipal;
      g.computed_rows += t.computed_rows;
      g.uncomputed_rows += t.uncomputed_rows;
    }
    CHECK(g.amount == b.total.amount);
    CHECK(g.national == b.total.national);
    CHECK(g.prefecture == b.total.prefecture);
    CHECK(g.municipal == b.total.municipal);
    CHECK(g.computed_rows == b.total.computed_rows);
    CHECK(g.uncomputed_rows == b.total.uncomputed_rows);
  }
  REQUIRE(b.by_go.size() == 5);
  CHECK(b.by_go[0].label == "第1号");
  CHECK(b.by_go[0].amount == 255'000'000 + 36'000'003 + 9'800'001 + 18'000'001);
  // 1イ 255,000,000 → 国 98,175,000; 1ロ 36,000,003 → 18,000,001 (18,000,001.5);
  // 1ハ 9,800,001 → 6,533,334 (6,533,334.0); 1ニ 18,000,001 → 13,500,000 (13,500,000.75).
  CHECK(b.by_go[0].national == 98'175'000 + 18'000'001 + 6'533'334 + 13'500'000);
  CHECK(b.by_go[1].label == "第2号");
  CHECK(b.by_go[1].amount == 9'800'003);
  CHECK(b.by_go[1].uncomputed_rows == 1);
  CHECK(b.by_go[2].amount == 18'600'001);
  CHECK(b.by_go[3].amount == 0);
  CHECK(b.by_go[3].uncomputed_rows == 1);
  CHECK(b.by_go[4].amount == 12'000'000);
  // 分野 in the services.csv vocabulary order.
  std::vector<std::string> fields;
  for (const auto& t : b.by_field) fields.push_back(t.label);
  CHECK(fields == std::vector<std::string>{"高齢", "障害", "子ども", "生活困窮", "地域福祉", "保健医療"});
  CHECK(b.by_field[0].amount == 255'000'000 + 18'600'001);
  CHECK(b.by_field[0].uncomputed_rows == 1);
}

TEST_CASE("funding: an override replaces the built-in ratios") {
  FundingRatio national{"1イ", "国", "独自", "", "40/100", 40, 100, false, 0, 0, "記載", "funding_ratios.csv 2行目"};
  FundingRatio prefecture{"1イ", "都道府県", "独自", "", "20/100", 20, 100, false, 0, 0, "記載", "funding_ratios.csv 3行目"};
  Dataset ds = with({service("S1", "高齢", {"1イ"}, 1001), service("S2", "障害", {"1ロ"}, 1001)});
  ds.funding_override = std::vector<FundingRatio>{national, prefecture};
  CHECK(&funding_ratios_of(ds) == &*ds.funding_override);
  auto b = compute_funding(ds, funding_ratios_of(ds), 2026);
  CHECK(b.rows[0].national.yen == 400);   // 400.4
  CHECK(b.rows[0].prefecture.yen == 200);  // 200.2
  CHECK(b.rows[0].municipal == 401);
  CHECK(b.rows[0].sources[0] == "国 40/100：funding_ratios.csv 2行目");
  // The override has no 1ロ: not computed, not taken from the built-in table.
  CHECK(b.rows[1].kind == FundingRowKind::NoRatio);
  CHECK(b.rows[1].note == "令和8年度の国・都道府県の割合が未設定");
  CHECK(b.ratios_applied.size() == 2);

  Dataset plain = with({});
  CHECK(&funding_ratios_of(plain) == &builtin_reference().funding);
}

TEST_CASE("funding: ratios adding up to more than 1 are not used") {
  FundingRatio national{"5", "国", "", "", "3/4", 3, 4, false, 0, 0, "", "x"};
  FundingRatio prefecture{"5", "都道府県", "", "", "1/2", 1, 2, false, 0, 0, "", "y"};
  auto b = compute_funding(with({service("S1", "地域福祉", {"5"}, 100)}), {national, prefecture}, 2026);
  CHECK(b.rows[0].kind == FundingRowKind::NoRatio);
  CHECK(b.rows[0].note == "国と都道府県の割合の合計が1を超えるため計算できません");
  CHECK(b.total.amount == 0);
}

}  // namespace kyosei
