#include "base/dates.h"

#include <doctest/doctest.h>

using namespace kyosei;

TEST_CASE("fiscal years in every form the contract accepts") {
  for (const char* s : {"2026", "R8", "令和8年度", "令和8", "r8", "２０２６", "Ｒ８", "令和８年度", " 2026 ", "2026年度"})
    CHECK_MESSAGE(parse_fiscal_year(s) == 2026, s);
  CHECK(parse_fiscal_year("令和元年度") == 2019);
  CHECK(parse_fiscal_year("R1") == 2019);
  CHECK(parse_fiscal_year("H30") == 2018);
  CHECK(parse_fiscal_year("平成18年度") == 2006);
  for (const char* s : {"", "R", "令和", "20266", "R0", "令和0年度", "H40", "2026/4", "八年度", "2026x", "1800"})
    CHECK_MESSAGE(!parse_fiscal_year(s), s);
}

TEST_CASE("dates in 西暦 and 和暦") {
  Date expected{2026, 5, 12};
  for (const char* s : {"2026-05-12", "2026/5/12", "令和8年5月12日", "R8.5.12", "２０２６／５／１２", "2026年5月12日", "R8/5/12"})
    CHECK_MESSAGE(parse_date(s) == expected, s);
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  for (const char* s : {"2026-02-29", "2026-13-01", "2026-04-31", "2026-05", "R8.5", "令和8年5月", "2026-5-12x", "2026-05/12",
                        "令和1年4月30日", "平成31年5月1日", "2026--05-12", "0"})
    CHECK_MESSAGE(!parse_date(s), s);
  CHECK(parse_date("平成31年4月30日") == Date{2019, 4, 30});
  CHECK(parse_date("令和元年5月1日") == Date{2019, 5, 1});
}

TEST_CASE("year-months for 着任年月") {
  CHECK(parse_year_month("2024-04") == YearMonth{2024, 4});
  CHECK(parse_year_month("R6.4") == YearMonth{2024, 4});
  CHECK(parse_year_month("令和6年4月") == YearMonth{2024, 4});
  CHECK(parse_year_month("2024/4") == YearMonth{2024, 4});
  CHECK(!parse_year_month("2024-13"));
  CHECK(!parse_year_month("2024"));
  CHECK(!parse_year_month("2024-04-01"));
}

TEST_CASE("和暦 formatting, 元年, and the fiscal year of a date") {
  CHECK(format_fiscal_year(2026) == "令和8年度（2026年度）");
  CHECK(format_fiscal_year(2019) == "令和元年度（2019年度）");
  CHECK(format_fiscal_year(2018) == "平成30年度（2018年度）");
  CHECK(format_date({2026, 5, 12}) == "令和8年5月12日");
  CHECK(format_date({2019, 5, 1}) == "令和元年5月1日");
  CHECK(format_date({2019, 4, 30}) == "平成31年4月30日");
  CHECK(format_year_month({2024, 4}) == "令和6年4月");
  CHECK(fiscal_year_of({2027, 3, 31}) == 2026);
  CHECK(fiscal_year_of({2026, 4, 1}) == 2026);
  CHECK(excel_serial({1900, 3, 1}) == 61);
  CHECK(excel_serial({2026, 4, 1}) == 46113);
}

TEST_CASE("older eras round-trip (found by the date fuzzer: 1902-5-1)") {
  CHECK(format_date({1902, 5, 1}) == "明治35年5月1日");
  CHECK(parse_date("明治35年5月1日") == Date{1902, 5, 1});
  CHECK(format_date({1926, 12, 24}) == "大正15年12月24日");
  CHECK(parse_date("T15.12.24") == Date{1926, 12, 24});
  CHECK(format_date({1926, 12, 25}) == "昭和元年12月25日");
  CHECK(!parse_date("1899-12-31"));
}
