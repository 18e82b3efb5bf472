#include "read/csv.h"

#include <doctest/doctest.h>

using namespace kyosei;

TEST_CASE("RFC 4180: quoted commas, doubled quotes and line breaks") {
  auto r = parse_csv("ID,名称\r\nA,\"架空,市\"\r\nB,\"彼は\"\"はい\"\"と\"\nC,\"1行目\n2行目\"\nD,x\n");
  REQUIRE(r.errors.empty());
  REQUIRE(r.records.size() == 5);
  CHECK(r.records[1].fields[1] == "架空,市");
  CHECK(r.records[2].fields[1] == "彼は\"はい\"と");
  CHECK(r.records[3].fields[1] == "1行目\n2行目");
  CHECK(r.records[3].line == 4);
  CHECK(r.records[4].line == 6);  // the quoted break counts as a line
}

TEST_CASE("blank lines are skipped but keep line numbers right") {
  auto r = parse_csv("a,b\n\n1,2\n\r\n3,4");
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[1].line == 3);
  CHECK(r.records[2].line == 5);
  CHECK(r.records[2].fields[1] == "4");
}

TEST_CASE("empty fields and trailing commas") {
  auto r = parse_csv("a,b,c\n1,,\n");
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[1].fields == std::vector<std::string>{"1", "", ""});
}

TEST_CASE("malformed quoting is reported with its line") {
  auto open = parse_csv("a,b\n1,\"never closed\n2,3\n");
  REQUIRE(open.errors.size() == 1);
  CHECK(open.errors[0].line == 2);
  CHECK(open.errors[0].field == 1);
  auto stray = parse_csv("a,b\n1,ab\"c\n");
  REQUIRE(stray.errors.size() == 1);
  CHECK(stray.errors[0].line == 2);
  auto after = parse_csv("a,b\n1,\"ab\"c\n");
  REQUIRE(after.errors.size() == 1);
}

TEST_CASE("csv_quote round-trips") {
  std::string f = "a,\"b\"\nc";
  auto r = parse_csv(csv_quote(f) + "\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].fields[0] == f);
  CHECK(csv_quote("plain") == "plain");
}
