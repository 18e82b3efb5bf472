#include "base/dates.h"

#include <cstdio>
#include <iterator>
#include <vector>

#include "base/text.h"

namespace kyosei {

namespace {

// Years a planning dataset can sensibly name; 令和99 (2117) is a typo.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

struct Era {
  const char* name;    // 令和
  const char* letter;  // R
  int offset;          // western year = era year + offset
  Date first, last;    // days the era covers
};

const Era kEras[] = {
    {"令和", "R", 2018, {2019, 5, 1}, {9999, 12, 31}},
    {"平成", "H", 1988, {1989, 1, 8}, {2019, 4, 30}},
    {"昭和", "S", 1925, {1926, 12, 25}, {1989, 1, 7}},
    {"大正", "T", 1911, {1912, 7, 30}, {1926, 12, 24}},
    {"明治", "M", 1867, {1868, 1, 25}, {1912, 7, 29}},
};

// A tiny cursor over normalized text.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  bool eat(std::string_view t) {
    if (s.substr(i, t.size()) == t) { i += t.size(); return true; }
    return false;
  }
  std::optional<int> number(int max_digits) {
    size_t b = i;
    long v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - b < static_cast<size_t>(max_digits)) v = v * 10 + (s[i++] - '0');
    if (i == b || (i < s.size() && s[i] >= '0' && s[i] <= '9')) return std::nullopt;
    return static_cast<int>(v);
  }
};

// Reads "令和8" "R8" "令和元" or a 4-digit western year; returns the western year.
std::optional<int> read_year(Cursor& c, const Era** era_out) {
  *era_out = nullptr;
  for (const Era& e : kEras) {
    bool named = c.eat(e.name);
    if (named || c.eat(e.letter) || c.eat(std::string(1, e.letter[0] + 32))) {
      *era_out = &e;
      if (named && c.eat("元")) return 1 + e.offset;
      auto n = c.number(3);
      if (!n || *n < 1 || *n + e.offset < kMinYear || *n + e.offset > kMaxYear) return std::nullopt;
      return *n + e.offset;
    }
  }
  auto n = c.number(4);
  if (!n || *n < kMinYear || *n > kMaxYear) return std::nullopt;
  return n;
}

// Era years must exist: 令和0 or 平成40 are mistakes.
bool era_year_ok(const Era* e, int western) {
  if (!e) return true;
  return western >= e->first.year && western <= e->last.year;
}

}  // namespace

bool is_valid_date(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

std::optional<int> parse_fiscal_year(std::string_view text) {
  std::string s = normalize(text);
  Cursor c{s};
  const Era* era = nullptr;
  auto y = read_year(c, &era);
  if (!y) return std::nullopt;
  c.eat("年度") || c.eat("年");
  if (!c.done() || !era_year_ok(era, *y)) return std::nullopt;
  return y;
}

std::optional<Date> parse_date(std::string_view text) {
  std::string s = normalize(text);
  Cursor c{s};
  const Era* era = nullptr;
  auto y = read_year(c, &era);
  if (!y) return std::nullopt;
  std::optional<int> m, d;
  if (c.eat("年")) {
    m = c.number(2);
    if (!m || !c.eat("月")) return std::nullopt;
    d = c.number(2);
    if (!d || !c.eat("日")) return std::nullopt;
  } else {
    const char* seps[] = {"-", "/", "."};
    const char* used = nullptr;
    for (const char* sep : seps)
      if (c.eat(sep)) { used = sep; break; }
    if (!used) return std::nullopt;
    m = c.number(2);
    if (!m || !c.eat(used)) return std::nullopt;
    d = c.number(2);
    if (!d) return std::nullopt;
  }
  if (!c.done() || !is_valid_date(*y, *m, *d)) return std::nullopt;
  Date date{*y, *m, *d};
  if (era && (date < era->first || date > era->last)) {
    // 令和1年4月 did not exist; accept 平成31年4月30日 but not 平成31年5月1日.
    return std::nullopt;
  }
  return date;
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
  std::string s = normalize(text);
  Cursor c{s};
  const Era* era = nullptr;
  auto y = read_year(c, &era);
  if (!y) return std::nullopt;
  std::optional<int> m;
  if (c.eat("年")) {
    m = c.number(2);
    if (!m || !c.eat("月")) return std::nullopt;
  } else {
    if (!(c.eat("-") || c.eat("/") || c.eat("."))) return std::nullopt;
    m = c.number(2);
    if (!m) return std::nullopt;
  }
  if (!c.done() || *m < 1 || *m > 12 || !era_year_ok(era, *y)) return std::nullopt;
  return YearMonth{*y, *m};
}

int fiscal_year_of(const Date& d) { return d.month >= 4 ? d.year : d.year - 1; }

namespace {
// The era of a western calendar day (years start at kMinYear, inside 明治).
const Era& era_of(const Date& d) {
  for (const Era& e : kEras)
    if (d >= e.first) return e;
  return kEras[std::size(kEras) - 1];
}
std::string era_year(const Era& e, int western) {
  int n = western - e.offset;
  return std::string(e.name) + (n == 1 ? std::string("元") : std::to_string(n));
}
}  // namespace

std::string format_fiscal_year_short(int fy) {
  // A fiscal year is named by the era in force for most of it: FY2019 is
  // 令和元年度 although April 2019 was still 平成.
  const Era& e = era_of(Date{fy, 12, 31});
  return era_year(e, fy) + "年度";
}

std::string format_fiscal_year(int fy) {
  return format_fiscal_year_short(fy) + "（" + std::to_string(fy) + "年度）";
}

std::string format_date(const Date& d) {
  const Era& e = era_of(d);
  return era_year(e, d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string format_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_year_month(const YearMonth& ym) {
  const Era& e = era_of(Date{ym.year, ym.month, 28});
  return era_year(e, ym.year) + "年" + std::to_string(ym.month) + "月";
}

int excel_serial(const Date& d) {
  // Days from civil (Howard Hinnant's algorithm), offset to 1899-12-30.
  int y = d.year - (d.month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int days_since_1970 = era * 146097 + static_cast<int>(doe) - 719468;
  return days_since_1970 + 25569;
}

}  // namespace kyosei
