// Years, dates and months as Japanese offices write them, in 和暦 and 西暦.
//
// Read (after NFKC): fiscal years "2026" "R8" "令和8年度" "令和8" "令和元年度";
// dates "2026-05-12" "2026/5/12" "令和8年5月12日" "R8.5.12"; months
// "2024-04" "R6.4" "令和6年4月". Eras: 令和 (R), 平成 (H), 昭和 (S), 大正 (T),
// 明治 (M); years 1900–2100.
// Write: "令和8年度（2026年度）", "令和8年5月12日", 元 for the first year.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kyosei {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

struct YearMonth {
  int year = 0, month = 0;
  auto operator<=>(const YearMonth&) const = default;
};

std::optional<int> parse_fiscal_year(std::string_view text);
std::optional<Date> parse_date(std::string_view text);
std::optional<YearMonth> parse_year_month(std::string_view text);

bool is_valid_date(int y, int m, int d);
// The fiscal year (April–March) a date falls in.
int fiscal_year_of(const Date& d);

// "令和8年度（2026年度）"; "令和元年度（2019年度）".
std::string format_fiscal_year(int fiscal_year);
// "令和8年度" only.
std::string format_fiscal_year_short(int fiscal_year);
// "令和8年5月12日".
std::string format_date(const Date& d);
// "2026-05-12".
std::string format_iso(const Date& d);
// "令和6年4月".
std::string format_year_month(const YearMonth& ym);

// Days since 1899-12-30, as Excel stores dates.
int excel_serial(const Date& d);

// What the readers tell a user who wrote something else.
inline constexpr const char* kExpectedYear = "年度（例: 2026、R8、令和8年度）";
inline constexpr const char* kExpectedDate = "日付（例: 2026-05-12、2026/5/12、令和8年5月12日、R8.5.12）";
inline constexpr const char* kExpectedMonth = "年月（例: 2024-04、R6.4、令和6年4月）";

}  // namespace kyosei
