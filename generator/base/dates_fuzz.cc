// libFuzzer target: year, date and money parsers never crash, and every
// date they accept is a real day that formats and parses back to itself.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/dates.h"
#include "base/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto d = kyosei::parse_date(s)) {
    if (!kyosei::is_valid_date(d->year, d->month, d->day)) std::abort();
    if (kyosei::parse_date(kyosei::format_iso(*d)) != d) std::abort();
    if (kyosei::parse_date(kyosei::format_date(*d)) != d) std::abort();
  }
  if (auto y = kyosei::parse_fiscal_year(s)) {
    if (kyosei::parse_fiscal_year(kyosei::format_fiscal_year_short(*y)) != y) std::abort();
  }
  if (auto m = kyosei::parse_year_month(s)) {
    if (m->month < 1 || m->month > 12) std::abort();
  }
  if (auto yen = kyosei::parse_yen(s)) {
    if (*yen < 0 || kyosei::parse_yen(kyosei::format_yen(*yen)) != yen) std::abort();
  }
  return 0;
}
