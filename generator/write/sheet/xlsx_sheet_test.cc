#include "write/sheet/xlsx_sheet.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("DropDownLists: one column per distinct list, shared by the columns that use it") {
  DropDownLists lists("選択肢");
  CHECK(lists.add("分野", {"高齢", "障害"}) == "=選択肢!$A$2:$A$3");
  CHECK(lists.add("機能", {"相談支援", "参加支援", "地域づくり"}) == "=選択肢!$B$2:$B$4");
  // The same values again: the same column, its header naming both users once.
  CHECK(lists.add("主な分野", {"高齢", "障害"}) == "=選択肢!$A$2:$A$3");
  CHECK(lists.add("主な分野", {"高齢", "障害"}) == "=選択肢!$A$2:$A$3");
  REQUIRE(lists.lists().size() == 2);
  CHECK(lists.lists()[0].label == "分野・主な分野");
  // Past Z the columns go on as Excel names them.
  for (int i = 0; i < 24; ++i) lists.add("x", {std::to_string(i)});
  CHECK(lists.add("y", {"26th"}) == "=選択肢!$AA$2:$AA$2");
}

}  // namespace kyosei
