#include "read/assessment_items_reader.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {
const char* kHeader = "項目ID,領域,視点,問い,評点0,評点1,評点2,評点3,支持する証拠,反証する証拠,出典\n";
}

TEST_CASE("extra assessment items: appended after the built-in bank") {
  MemoryFileSystem fs;
  fs.put("assessment_items.csv", std::string(kHeader) +
                                     "K1,A,V1;V4,県の指針に沿った居場所づくりがあるか。,ない,一部,全圏域,評価している,"
                                     "棚卸：居場所が全圏域にある；会議：協議体で報告,棚卸：居場所がない,架空県 地域共生推進指針 p.12\n"
                                     "K2,H,,県と市町村の定例協議があるか。,ない,不定期,定例,施策に反映,,,\n");
  Diagnostics diags;
  auto extra = read_extra_assessment_items(fs, diags, builtin_reference());
  CHECK_FALSE(diags.has_errors());
  REQUIRE(extra.size() == 2);
  CHECK(extra[0].id == "K1");
  CHECK(extra[0].viewpoints == std::vector<std::string>{"V1", "V4"});
  CHECK(extra[0].levels == std::vector<std::string>{"ない", "一部", "全圏域", "評価している"});
  CHECK(extra[0].evidence_support == std::vector<std::string>{"棚卸：居場所が全圏域にある", "会議：協議体で報告"});
  CHECK(extra[0].sources == std::vector<std::string>{"架空県 地域共生推進指針 p.12"});
  CHECK(extra[0].origin == "assessment_items.csv");
  CHECK(extra[1].viewpoint == "横断");
  Reference ref = with_extra_assessment_items(builtin_reference(), extra);
  CHECK(ref.assessment_items.size() == 46);
  CHECK(ref.assessment_items.back().id == "K2");
}

TEST_CASE("extra assessment items: absent file is fine; clashes and gaps are errors") {
  MemoryFileSystem empty;
  Diagnostics none;
  CHECK(read_extra_assessment_items(empty, none, builtin_reference()).empty());
  CHECK(none.items().empty());

  MemoryFileSystem fs;
  fs.put("assessment_items.csv", std::string(kHeader) +
                                     "A1,A,V1,問い,0,1,2,3,,,\n"       // built-in ID
                                     "K1,Z,V1,問い,0,1,2,3,,,\n"       // unknown domain
                                     "K2,A,V9,問い,0,1,2,3,,,\n"       // unknown viewpoint
                                     "K3,A,V1,問い,0,1,,3,,,\n");      // level 2 missing
  Diagnostics diags;
  auto extra = read_extra_assessment_items(fs, diags, builtin_reference());
  CHECK(extra.empty());
  CHECK(diags.error_count() == 4);
  std::vector<std::string> printed;
  for (const auto& d : diags.sorted()) printed.push_back(format_diagnostic(d));
  CHECK(printed[0].rfind("assessment_items.csv:2:項目ID: エラー", 0) == 0);
}

}  // namespace kyosei
