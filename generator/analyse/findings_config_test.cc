#include "analyse/findings_config.h"

#include <doctest/doctest.h>

#include <stdexcept>

namespace kyosei {

namespace {
const char* kConfig = R"(
version = "9"
[contradiction]
min_level = 2
min_severity = "情報"
reason = "r"

[[finding]]
id = "FND-X"
name = "試し"
rule = "閾値{theta}、辞書{dict}、一覧{list}、割合{share}、{severity_by_status}、{unknown}"
summary = "{who}が{theta}"
items = ["A1"]
sources = ["s"]
[finding.severity_by_status]
"未実施" = "情報"
"実施" = "重大"
[[finding.param]]
key = "theta"
default = 0.6
reason = "r"
[[finding.param]]
key = "dict"
default = [["高齢", "地域ケア会議"], ["生活困窮", "支援会議", "支援調整会議"]]
reason = "r"
[[finding.param]]
key = "list"
default = ["a", "b"]
reason = "r"
[[finding.param]]
key = "share"
default = 1.0
format = "percent"
reason = "r"

[[finding]]
id = "FND-Y"
name = "無効"
enabled = false
disabled_reason = "列がない"
severity = "注意"
)";
}  // namespace

TEST_CASE("findings config: parameters, texts and severities") {
  FindingsConfig c = parse_findings_config(kConfig, "test.toml");
  CHECK(c.version == "9");
  CHECK(c.contradiction.min_level == 2);
  CHECK(c.contradiction.min_severity == FindingSeverity::Info);
  const FindingRuleConfig* x = c.rule("FND-X");
  REQUIRE(x);
  CHECK(x->number("theta") == doctest::Approx(0.6));
  CHECK(x->rows("dict").size() == 2);
  CHECK(x->list("list") == std::vector<std::string>{"a", "b"});
  CHECK(x->rule_text() ==
        "閾値0.6、辞書高齢＝地域ケア会議、生活困窮＝支援会議／支援調整会議、一覧a・b、割合100％、実施＝重大、未実施＝情報、{unknown}");
  CHECK(x->fill(x->summary, {{"who", "P1"}}) == "P1が0.6");
  CHECK(x->severity_for("実施") == FindingSeverity::Serious);
  CHECK(x->severity_for("移行準備") == FindingSeverity::Caution);  // not in the table: the default
  CHECK_THROWS_AS(x->number("nothing"), std::out_of_range);
  CHECK_THROWS_AS(x->list("theta"), std::out_of_range);
  CHECK_FALSE(c.rule("FND-Y")->enabled);
}

TEST_CASE("findings config: malformed files are rejected with the file name") {
  CHECK_THROWS_WITH_AS(parse_findings_config("[[finding]]\nid = \"A\"\nseverity = \"高\"\n", "x.toml"),
                       doctest::Contains("x.toml"), std::runtime_error);
  CHECK_THROWS_AS(parse_findings_config("[[finding]]\nid = \"A\"\nrule = \"r\"\n", "x.toml"), std::runtime_error);  // no summary
  CHECK_THROWS_AS(parse_findings_config("[[finding]]\nid = \"A\"\nenabled = false\n", "x.toml"), std::runtime_error);  // no reason
  CHECK_THROWS_AS(parse_findings_config("[[finding]]\nid = \"A\"\nrule = \"r\"\nsummary = \"s\"\n[[finding.param]]\nkey = \"k\"\ndefault = 1\n",
                                        "x.toml"),
                  std::runtime_error);  // a parameter without its reason
  CHECK_THROWS_AS(parse_findings_config("version = ", "x.toml"), std::runtime_error);
}

TEST_CASE("findings config: severity labels") {
  CHECK(std::string(severity_label(FindingSeverity::Serious)) == "重大");
  CHECK(parse_severity("注意") == FindingSeverity::Caution);
  CHECK_FALSE(parse_severity("高").has_value());
  CHECK(FindingSeverity::Info < FindingSeverity::Caution);
}

}  // namespace kyosei
