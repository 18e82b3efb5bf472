#include "analyse/coverage.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {

Service service(std::string id, std::string field, std::vector<std::string> functions,
                std::vector<std::string> jusou = {}) {
  Service s;
  s.id = std::move(id);
  s.name = "事業" + s.id;
  s.field = std::move(field);
  s.functions = std::move(functions);
  s.jusou_codes = std::move(jusou);
  return s;
}

const std::vector<std::string> kFields = {"高齢", "障害", "子ども", "生活困窮"};
const std::vector<std::string> kFunctions = {"相談支援", "アウトリーチ", "参加支援", "地域づくり"};

Dataset sample() {
  Dataset d;
  d.municipality.name = "架空市";
  d.municipality.fiscal_year = 2026;
  d.services = {
      service("S001", "高齢", {"相談支援"}, {"1イ"}),
      service("S002", "高齢", {"相談支援", "地域づくり"}, {"3イ", "3ロ"}),
      service("S003", "障害", {"相談支援"}, {"1ロ"}),
      service("S004", "子ども", {"地域づくり", "相談支援"}, {"3ニ"}),
      service("S005", "生活困窮", {"相談支援", "参加支援", "相談支援"}, {"1ニ"}),
  };
  d.services[1].related_fields = {"障害"};  // must not count in the 障害 row
  d.services[4].is_public = false;          // still part of the inventory
  return d;
}

}  // namespace

TEST_CASE("coverage: cells count services by primary 分野 and each 機能") {
  Dataset d = sample();
  CoverageMatrix m = compute_coverage(d, kFields, kFunctions);
  REQUIRE(m.cells.size() == 4);
  REQUIRE(m.cells[0].size() == 4);

  CHECK(m.at(0, 0).count == 2);  // 高齢×相談支援
  CHECK(m.at(0, 0).service_ids == std::vector<std::string>{"S001", "S002"});
  CHECK(m.at(0, 3).count == 1);  // 高齢×地域づくり
  CHECK(m.at(1, 0).count == 1);  // 障害×相談支援: S003 only, not S002's 関連分野
  CHECK(m.at(1, 3).count == 0);
  CHECK(m.at(2, 3).service_ids == std::vector<std::string>{"S004"});
  CHECK(m.at(3, 0).count == 1);  // 相談支援 listed twice counts once
  CHECK(m.at(3, 2).count == 1);  // non-public S005 counts

  CHECK(m.row_totals == std::vector<int>{2, 1, 1, 1});
  CHECK(m.column_totals == std::vector<int>{5, 0, 1, 2});
  CHECK(m.total == 5);
  CHECK(m.uncounted.empty());
}

TEST_CASE("coverage: empty cells in vocabulary order") {
  CoverageMatrix m = compute_coverage(sample(), kFields, kFunctions);
  auto empty = m.empty_cells();
  // 16 cells, 7 filled.
  REQUIRE(empty.size() == 9);
  CHECK(empty[0].row == 0);
  CHECK(empty[0].column == 1);  // 高齢×アウトリーチ
  CHECK(empty[1].row == 0);
  CHECK(empty[1].column == 2);  // 高齢×参加支援
  CHECK(empty.back().row == 3);
  CHECK(empty.back().column == 3);  // 生活困窮×地域づくり
}

TEST_CASE("coverage: values outside the vocabularies are listed, not counted") {
  Dataset d = sample();
  d.services.push_back(service("S900", "防災", {"相談支援"}));
  d.services.push_back(service("S901", "高齢", {"権利擁護"}));
  CoverageMatrix m = compute_coverage(d, kFields, kFunctions);
  CHECK(m.total == 5);
  CHECK(m.at(0, 0).count == 2);
  CHECK(m.uncounted == std::vector<std::string>{"S900", "S901"});
}

TEST_CASE("component coverage: 13 components in table order, found and missing") {
  Dataset d = sample();
  const Reference& ref = builtin_reference();
  auto cov = compute_component_coverage(d, ref);
  REQUIRE(cov.size() == 13);
  CHECK(cov[0].component->key == "1イ");
  CHECK(cov[12].component->key == "6");

  auto find = [&](const std::string& key) -> const ComponentCoverage& {
    for (const auto& c : cov)
      if (c.component->key == key) return c;
    FAIL("no component " << key);
    return cov[0];
  };
  CHECK(find("1イ").status == "実施");
  REQUIRE(find("1イ").services.size() == 1);
  CHECK(find("1イ").services[0]->id == "S001");
  CHECK(find("3ロ").services[0]->id == "S002");
  CHECK(find("1ニ").services[0]->id == "S005");
  for (const char* missing : {"1ハ", "2", "3ハ", "3柱", "4", "5", "6"}) {
    CHECK(find(missing).status == "未把握");
    CHECK_FALSE(find(missing).implemented());
  }
  CHECK(find("1ニ").expected_program == "生活困窮者自立相談支援事業");
  CHECK_FALSE(find("1ニ").substituted);
}

TEST_CASE("component coverage: services in services.csv order") {
  Dataset d = sample();
  d.services.push_back(service("S010", "高齢", {"相談支援"}, {"1イ"}));
  auto cov = compute_component_coverage(d, builtin_reference());
  REQUIRE(cov[0].services.size() == 2);
  CHECK(cov[0].services[0]->id == "S001");
  CHECK(cov[0].services[1]->id == "S010");
}

TEST_CASE("component coverage: without 福祉事務所, 1ニ expects the substitute program") {
  Dataset d = sample();
  d.municipality.welfare_office = false;
  const Reference& ref = builtin_reference();
  auto cov = compute_component_coverage(d, ref);
  for (const auto& c : cov) {
    if (c.component->key == "1ニ") {
      CHECK(c.substituted);
      CHECK(c.expected_program == ref.component("1ニ")->substitute_without_welfare_office);
      CHECK(c.expected_program == "福祉事務所未設置町村による相談事業");
    } else {
      CHECK_FALSE(c.substituted);
      CHECK(c.expected_program == c.component->program_name);
    }
  }
}

}  // namespace kyosei
