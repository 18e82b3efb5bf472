#include "base/numbers.h"

#include <doctest/doctest.h>

using namespace kyosei;

TEST_CASE("yen amounts as typed in Excel") {
  for (const char* s : {"1234000", "1,234,000", "1234000円", "１，２３４，０００", "1,234,000円", " 1234000 ", "¥1,234,000", "￥1234000"})
    CHECK_MESSAGE(parse_yen(s) == 1234000, s);
  CHECK(parse_yen("0") == 0);
  for (const char* s : {"", "12万", "1,23,4000", "-5", "1.5", "1234000ドル", ",100", "1,0000"})
    CHECK_MESSAGE(!parse_yen(s), s);
}

TEST_CASE("integers and decimals after NFKC") {
  CHECK(parse_integer("１２") == 12);
  CHECK(parse_integer("1,000") == 1000);
  CHECK(parse_integer("-3") == -3);
  CHECK(!parse_integer("1.0"));
  CHECK(!parse_integer("12人"));
  CHECK(parse_decimal("29.4") == doctest::Approx(29.4));
  CHECK(parse_decimal("29.4%") == doctest::Approx(29.4));
  CHECK(parse_decimal("０．５") == doctest::Approx(0.5));
  CHECK(!parse_decimal("abc"));
  CHECK(!parse_decimal("1e400"));
}

TEST_CASE("全国地方公共団体コード check digit") {
  for (const char* c : {"010006", "011002", "020001", "271004", "999997", "131016"})
    CHECK_MESSAGE(is_valid_local_government_code(c), c);
  for (const char* c : {"999990", "01000", "0100061", "abcdef", "271005", ""})
    CHECK_MESSAGE(!is_valid_local_government_code(c), c);
  CHECK(local_government_check_digit("99999") == 7);
}
