#include "write/sheet/xlsx_support.h"

#include <doctest/doctest.h>

#include "base/text.h"

namespace kyosei {

TEST_CASE("workbook_timestamp: April 1 of the fiscal year, 00:00 UTC") {
  CHECK(workbook_timestamp(2026) == 1775001600);
  CHECK(workbook_timestamp(0) == 954547200);  // unknown year: 2000-04-01
}

TEST_CASE("column_width: full-width characters count 2, within bounds") {
  CHECK(column_width({}) == kMinColumnWidth);
  CHECK(column_width({"ID"}) == kMinColumnWidth);
  CHECK(column_width({"高齢福祉課"}) == doctest::Approx(12));  // 10 × 1.1 + 1
  CHECK(column_width({"短い", "高齢福祉課"}) == doctest::Approx(12));
  CHECK(column_width({"一行目\n高齢福祉課"}) == doctest::Approx(12));  // widest line
  CHECK(column_width({std::string(200, 'x')}) == kMaxColumnWidth);
  CHECK(column_width({std::string(200, 'x')}, 30) == 30);
}

TEST_CASE("column_needs_wrap: over the cap or with line breaks") {
  CHECK_FALSE(column_needs_wrap({"高齢福祉課"}));
  CHECK(column_needs_wrap({"一行目\n二行目"}));
  CHECK(column_needs_wrap({std::string(100, 'x')}));
  CHECK(column_needs_wrap({std::string(40, 'x')}, 30));
}

TEST_CASE("header_footer_text: & doubled, too long dropped") {
  CHECK(header_footer_text("架空市") == "架空市");
  CHECK(header_footer_text("A&P") == "A&&P");
  std::string long_name;
  for (int i = 0; i < 250; ++i) long_name += "あ";
  CHECK(header_footer_text(long_name) == long_name);
  CHECK(header_footer_text(long_name, 10) == "");
}

TEST_CASE("cell_text: cut at Excel's limit on a character boundary") {
  CHECK(cell_text("短い") == "短い");
  std::string many;
  for (size_t i = 0; i < kMaxCellChars + 10; ++i) many += "あ";
  std::string cut = cell_text(many);
  CHECK(utf8_length(cut) == kMaxCellChars);
  CHECK(is_valid_utf8(cut));
  CHECK(cut.substr(cut.size() - 3) == "…");
}

}  // namespace kyosei
