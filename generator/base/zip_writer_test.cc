#include "base/zip_writer.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "base/zip_reader.h"

namespace kyosei {

TEST_CASE("zip writer: entries in order, read back whole") {
  std::string big(200000, 'x');
  auto zip = make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "日本語"}, {"big", big},
                       {"media/a.png", "\x89PNG", false}, {"empty", ""}},
                      1775001600);
  REQUIRE(zip);
  CHECK(zip->size() < big.size());  // deflated
  auto parts = read_zip_parts(*zip);
  REQUIRE(parts);
  REQUIRE(parts->size() == 5);
  CHECK((*parts)[0].name == "[Content_Types].xml");
  CHECK((*parts)[1].bytes == "日本語");
  CHECK((*parts)[2].bytes == big);
  CHECK((*parts)[3].bytes == "\x89PNG");
  CHECK((*parts)[4].bytes.empty());
  CHECK_FALSE(read_zip_parts("not a zip"));
  CHECK_FALSE(read_zip_parts(*zip, 1000));  // an entry over the limit
}

TEST_CASE("zip writer: the same bytes for the same entries, in any time zone") {
  std::vector<ZipEntry> entries = {{"a.xml", "<a/>"}, {"b.xml", "<b/>"}};
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "UTC", 1);
  tzset();
  auto utc = make_zip(entries, 1775001600);
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  auto tokyo = make_zip(entries, 1775001600);
  if (old) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
  REQUIRE(utc);
  REQUIRE(tokyo);
  CHECK(*utc == *tokyo);
  // The local header's DOS time and date: 2026-04-01 00:00:00.
  REQUIRE(utc->size() > 14);
  auto u16 = [&](size_t at) { return static_cast<unsigned>(static_cast<unsigned char>((*utc)[at])) |
                                     static_cast<unsigned>(static_cast<unsigned char>((*utc)[at + 1])) << 8; };
  CHECK(u16(10) == 0);                                   // 00:00:00
  CHECK(u16(12) == ((2026 - 1980) << 9 | 4 << 5 | 1));   // 2026-04-01
  auto before_dos = make_zip(entries, 0);                 // 1970: written as 1980-01-01
  REQUIRE(before_dos);
  CHECK(static_cast<unsigned char>((*before_dos)[12]) == (1 << 5 | 1));
}

}  // namespace kyosei
