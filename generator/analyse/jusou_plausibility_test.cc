// 重層区分 plausibility (issue 11 §6) and the 介護保険 split of the
// 交付金 remainder (§4): planted mistakes warn, a clean inventory is silent.
#include <doctest/doctest.h>

#include "analyse/findings_test_support.h"
#include "analyse/funding.h"
#include "analyse/jusou_plausibility.h"
#include "analyse/kaigo_split.h"

namespace kyosei {

using namespace test;

namespace {
std::vector<std::string> warnings(const Dataset& d) {
  Diagnostics diags;
  check_jusou_plausibility(d, builtin_reference(), diags);
  std::vector<std::string> out;
  for (const auto& x : diags.items()) {
    CHECK(x.severity == Severity::Warning);
    out.push_back(x.where.file + ":" + std::to_string(x.where.line) + ":" + x.where.column);
  }
  return out;
}
}  // namespace

TEST_CASE("plausibility: a clean inventory is silent") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"相談支援"}, {"1イ"});
  add_service(d, "S2", "障害", {"相談支援"}, {"1ロ"});
  add_service(d, "S3", "重層", {"相談支援", "多機関協働"}, {"1イ", "1ロ", "1ハ", "1ニ", "5", "6"});  // one window
  add_service(d, "S4", "高齢", {"地域づくり"}, {"3イ", "3ロ"});
  add_service(d, "S5", "重層", {"参加支援"}, {"2"});
  add_service(d, "S6", "重層", {"アウトリーチ"}, {"4"});
  Service& related = add_service(d, "S7", "高齢", {"地域づくり"}, {"3ニ"});
  related.related_fields = {"子ども"};  // a 多世代 place also counted for 子ども
  CHECK(warnings(d).empty());
}

TEST_CASE("plausibility: planted mis-codings warn with file:line:column") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"相談支援"}, {"1ロ"});             // 高齢 coded 障害 (line 2)
  add_service(d, "S2", "重層", {"参加支援", "アウトリーチ"}, {"2", "4"});  // both 第2号 and 第4号 (line 3)
  add_service(d, "S3", "子ども", {"相談支援"}, {"3ニ"});           // 地域づくり code, no 地域づくり (line 4)
  CHECK(warnings(d) == std::vector<std::string>{"services.csv:2:重層区分", "services.csv:3:重層区分", "services.csv:4:重層区分"});
  Diagnostics diags;
  check_jusou_plausibility(d, builtin_reference(), diags);
  CHECK(diags.items()[0].message.find("「障害」の分野の構成事業") != std::string::npos);
  CHECK(diags.items()[1].message.find("2 と 4 の両方") != std::string::npos);
  // Sources are cited as documents, never as the extract file (issue 10).
  CHECK(diags.items()[1].message.find(".txt") == std::string::npos);
  CHECK(diags.items()[1].message.find("重層的支援体制整備事業の実施について") != std::string::npos);
  CHECK(diags.items()[2].message.find("機能に「地域づくり」がありません") != std::string::npos);
}

TEST_CASE("介護保険: the remainder of 第3号イ is split 市町村・第1号保険料・第2号保険料") {
  Dataset d = municipality();
  Service& s = add_service(d, "S1", "高齢", {"地域づくり"}, {"3イ"});
  s.cost = 18600000;
  FundingBreakdown b = compute_funding(d, funding_ratios_of(d), 2026);
  REQUIRE(b.rows.size() == 1);
  auto parts = split_kaigo_remainder(b.rows[0]);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0].share->payer == "市町村");
  CHECK(parts[0].yen == 2325000);  // 12.5/100
  CHECK(parts[1].share->payer == "第1号保険料");
  CHECK(parts[1].yen == 4278000);  // 23/100
  CHECK(parts[2].share->payer == "第2号保険料");
  CHECK(parts[2].yen == 5022000);  // 27/100
  CHECK(parts[0].yen + parts[1].yen + parts[2].yen == b.rows[0].municipal);
}

TEST_CASE("介護保険: 第1号イ splits into 市町村 and 第1号保険料 only; other fields are not split") {
  Dataset d = municipality();
  add_service(d, "S1", "高齢", {"相談支援"}, {"1イ"}).cost = 10000000;
  add_service(d, "S2", "障害", {"相談支援"}, {"1ロ"}).cost = 10000000;
  FundingBreakdown b = compute_funding(d, funding_ratios_of(d), 2026);
  REQUIRE(b.rows.size() == 2);
  auto parts = split_kaigo_remainder(b.rows[0]);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].yen == 1925000);
  CHECK(parts[1].yen == 2300000);
  CHECK(split_kaigo_remainder(b.rows[1]).empty());
}

TEST_CASE("findings: every enabled rule carries a 対応の方向 with its source document") {
  for (const auto& r : builtin_findings_config().rules) {
    if (!r.enabled) continue;
    CAPTURE(r.id);
    CHECK(!r.direction.empty());
    REQUIRE(!r.direction_sources.empty());
    for (const auto& src : r.direction_sources) {
      // "file Lline" of a seed the [documents] table names.
      CHECK(src.find(".txt L") != std::string::npos);
      CHECK(builtin_findings_config().document_title(src) != src);
    }
    CHECK(r.direction_documents.size() >= 1);
  }
}

}  // namespace kyosei
