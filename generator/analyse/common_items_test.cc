#include "analyse/common_items.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("match_common_items links services by the 共通事項 column only, never by keyword") {
  PlanReference ref;
  CommonItemRef housing;
  housing.id = "カ";
  housing.fields = {"住まい"};
  housing.keywords = {"居住"};
  CommonItemRef suicide;
  suicide.id = "ク";
  suicide.meeting_kinds = {"自殺対策連絡協議会"};
  suicide.keywords = {"自殺"};
  ref.common_items = {housing, suicide};

  Dataset ds;
  Service a;
  a.id = "S1";
  a.field = "住まい";
  Service b;
  b.id = "S2";
  b.field = "生活困窮";
  b.summary_markdown = "**居住**の支援";  // a keyword, but no link
  b.is_public = false;
  Service c;
  c.id = "S3";
  c.field = "高齢";
  ds.services = {a, b, c};
  Meeting m;
  m.id = "M1";
  m.kinds = {"自殺対策連絡協議会"};
  ds.meetings = {m};

  // No 共通事項 anywhere: nothing is linked; the 分野 match is only a suggestion.
  auto none = match_common_items(ds, ref);
  REQUIRE(none.size() == 2);
  CHECK(none[0].services.empty());
  REQUIRE(none[0].suggested.size() == 1);
  CHECK(none[0].suggested[0]->id == "S1");
  CHECK(none[1].meetings.size() == 1);

  // With the column filled, exactly the services that name the item.
  ds.services[1].common_items = {"カ"};
  ds.services[2].common_items = {"カ", "ク"};
  auto all = match_common_items(ds, ref);
  REQUIRE(all[0].services.size() == 2);
  CHECK(all[0].services[0]->id == "S2");
  CHECK(all[0].suggested.empty());  // explicit data: no guessing
  CHECK(all[1].services.size() == 1);
  auto published = match_common_items(ds, ref, [](const Service& s) { return s.is_public; });
  CHECK(published[0].services.size() == 1);
}

TEST_CASE("sections_addressing lists each section with a keyword once, in order") {
  std::vector<DraftSection> sections = {{"第1章", "自殺対策の連絡会"}, {"第2章", "なし"}, {"第3章", "ゲートキーパー"}};
  auto hits = sections_addressing(sections, {"自殺", "ゲートキーパー"});
  REQUIRE(hits.size() == 2);
  CHECK(hits[0] == "第1章");
  CHECK(hits[1] == "第3章");
  CHECK(sections_addressing(sections, {"虐待"}).empty());
}

}  // namespace kyosei
