// The settings of the automatic findings (自動判定), read from
// data/assessment/findings.toml: which rules run, their severity, the
// self-assessment items they bear on, the Japanese rule and summary texts,
// and every threshold with its default and the reason for it.
//
//   const FindingsConfig& config = builtin_findings_config();
//   const FindingRuleConfig* r = config.rule("FND-05");
//   double theta = r->number("member_jaccard");   // 0.6
//   r->rule_text();   // the rule in Japanese, thresholds filled in
//
// Texts may hold {key} placeholders: a parameter of the rule, the special
// {severity_by_status}, or a value the rule passes to fill(). A placeholder
// nobody knows is left as written, so a typo shows up in the output (and in
// the tests) instead of vanishing.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kyosei {

// Ordered: Info < Caution < Serious.
enum class FindingSeverity { Info, Caution, Serious };

// 情報 / 注意 / 重大.
const char* severity_label(FindingSeverity s);
std::optional<FindingSeverity> parse_severity(std::string_view label);

// Values a rule passes for the placeholders of its summary.
using TemplateValues = std::vector<std::pair<std::string, std::string>>;

// One threshold or dictionary of a rule.
struct FindingParam {
  enum class Kind { Flag, Number, Text, List, Rows };
  std::string key;
  Kind kind = Kind::Text;
  bool flag = false;
  double number = 0;
  std::string text;
  std::vector<std::string> list;
  std::vector<std::vector<std::string>> rows;  // each row: key first, then its values
  std::string format;                          // "" or "percent"
  std::string reason;                          // why this default
  std::string source;                          // "file Lline" or a document section

  // As it reads inside a Japanese sentence: 0.6, 4, 100％, 高齢・障害,
  // 高齢＝地域ケア会議、生活困窮＝支援会議／支援調整会議, する / しない.
  std::string display() const;
};

struct FindingRuleConfig {
  std::string id;  // FND-05, FND-06a …
  std::string name;
  bool enabled = true;
  std::string disabled_reason;
  FindingSeverity severity = FindingSeverity::Caution;
  std::vector<std::pair<std::string, FindingSeverity>> severity_by_status;  // jusou_status -> severity
  std::string severity_reason;
  std::vector<std::string> items;    // self-assessment item IDs
  std::vector<std::string> sources;  // "003_b0a7500923320b3e.txt L545"
  std::string rule;                  // template
  std::string summary;               // template
  // 対応の方向: what municipalities typically do about such a finding, in
  // Japanese, with the documents it comes from ("file Lline"). Data, not
  // advice made up by the tool; required for an enabled rule.
  std::string direction;
  std::vector<std::string> direction_sources;
  std::vector<std::string> direction_documents;  // the sources' document titles ([documents]), once each
  std::vector<FindingParam> params;

  // Throws std::out_of_range naming the rule and key when there is no such
  // parameter (or it has another kind): the shipped file is tested.
  const FindingParam& param(std::string_view key) const;
  double number(std::string_view key) const;
  int integer(std::string_view key) const;
  bool flag(std::string_view key) const;
  const std::string& text(std::string_view key) const;
  const std::vector<std::string>& list(std::string_view key) const;
  const std::vector<std::vector<std::string>>& rows(std::string_view key) const;

  // severity_by_status[jusou_status] when the table has it, else severity.
  FindingSeverity severity_for(const std::string& jusou_status) const;
  // The rule with its parameters filled in.
  std::string rule_text() const;
  // Any template: values first, then parameters, then {severity_by_status}.
  std::string fill(std::string_view text, const TemplateValues& values = {}) const;
};

struct ContradictionConfig {
  int min_level = 3;                                      // self-rating at least this
  FindingSeverity min_severity = FindingSeverity::Caution;  // finding at least this
  std::string reason;
};

struct FindingsConfig {
  std::string version;
  std::vector<FindingRuleConfig> rules;  // file order = report order
  ContradictionConfig contradiction;
  // [documents]: seed file name -> the document's title, so that outputs
  // name the document a reader can look up rather than a file.
  std::vector<std::pair<std::string, std::string>> documents;

  const FindingRuleConfig* rule(std::string_view id) const;
  // "004_….txt L698" -> its title; the source itself when not listed.
  std::string document_title(std::string_view source) const;
};

// Throws std::runtime_error naming source_name on malformed TOML, an unknown
// severity, a duplicate id, or an enabled rule without rule/summary text.
FindingsConfig parse_findings_config(std::string_view toml_text, std::string_view source_name);

// data/assessment/findings.toml as compiled into the binary.
const FindingsConfig& builtin_findings_config();

}  // namespace kyosei
