#include "read/municipality_reader.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {

std::string toml_with_plan(const std::string& plan_extra) {
  return "name = \"架空市\"\ncode = \"999997\"\nprefecture = \"架空県\"\nfiscal_year = 2026\nwelfare_office = true\n"
         "jusou_status = \"実施\"\n\n[plan]\ntitle = \"第4期架空市地域福祉計画\"\nstart_year = 2025\nend_year = 2029\n" +
         plan_extra + "\n[site]\ntitle = \"架空市\"\ncontact = \"地域福祉課\"\n";
}

}  // namespace

TEST_CASE("[plan] jusou_plan: standalone by default, chapter when asked, anything else an error") {
  for (auto [extra, expected] : {std::pair<std::string, std::string>{"", "standalone"},
                                 {"jusou_plan = \"standalone\"\n", "standalone"},
                                 {"jusou_plan = \"chapter\"\n", "chapter"}}) {
    MemoryFileSystem fs;
    fs.put("municipality.toml", toml_with_plan(extra));
    Municipality m;
    Diagnostics diags;
    CHECK(read_municipality(fs, m, diags));
    CHECK(diags.error_count() == 0);
    CHECK(diags.warning_count() == 0);
    CHECK(m.plan.jusou_plan == expected);
  }
  MemoryFileSystem fs;
  fs.put("municipality.toml", toml_with_plan("jusou_plan = \"別冊\"\n"));
  Municipality m;
  Diagnostics diags;
  CHECK_FALSE(read_municipality(fs, m, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items().front().where.column == "plan.jusou_plan");
  CHECK(diags.items().front().where.line == 12);  // the jusou_plan line
}

}  // namespace kyosei
