#include <doctest/doctest.h>

#include "base/contact.h"

using namespace kyosei;

TEST_CASE("dialable_phone keeps digits of Japanese numbers and rejects the rest") {
  CHECK(dialable_phone("000-123-4567") == "0001234567");
  CHECK(dialable_phone("(000)12-3456") == std::nullopt);  // 9 digits
  CHECK(dialable_phone("0120-000-000") == "0120000000");
  CHECK(dialable_phone("090 0000 0000") == "09000000000");
  CHECK(dialable_phone("000‐123‐4567") == "0001234567");
  CHECK(dialable_phone("189") == "189");
  CHECK(dialable_phone("#8000") == "#8000");
  CHECK(dialable_phone("#80000") == std::nullopt);
  CHECK(dialable_phone("1234567890") == std::nullopt);  // no leading 0
  CHECK(dialable_phone("000-123-4567 内線12") == std::nullopt);
  CHECK(dialable_phone("javascript:alert(1)") == std::nullopt);
  CHECK(dialable_phone("") == std::nullopt);
}

TEST_CASE("is_web_address accepts http(s) addresses only") {
  CHECK(is_web_address("https://www.city.example.jp/fukushi/"));
  CHECK(is_web_address("http://example.jp"));
  CHECK_FALSE(is_web_address("javascript:alert(1)"));
  CHECK_FALSE(is_web_address("https://"));
  CHECK_FALSE(is_web_address("https://a.jp/\"onmouseover=x"));
  CHECK_FALSE(is_web_address("https://a.jp/ b"));
  CHECK_FALSE(is_web_address("www.example.jp"));
}
