// Automatic findings (自動判定): patterns in the inventory, roster, meeting
// bodies, sessions, areas and indicators that a planning officer should look
// at when filling in the self-assessment (進捗自己点検).
//
//   std::vector<Finding> f = compute_findings(data, reference_data().reference,
//                                             builtin_findings_config());
//   (a build runs it once, in analyse/analysis.h)
//
// - The rules are registered by id in a table (registered_rules()); which of
//   them run, their severity, thresholds and Japanese texts come from
//   data/assessment/findings.toml (see findings_config.h). The design and
//   the reason for every threshold are in that file.
// - A finding is a prompt, not a verdict. Each one carries the rule text
//   with the thresholds actually used, the exact input rows that made it
//   fire, its severity (重大／注意／情報) and the self-assessment items it
//   bears on.
// - Order is deterministic: rules in findings.toml order, and within a rule
//   in the order of the rows of the input files.
// - Evidence never names a person: staff rows are shown by ID and 所属
//   (氏名 is personal data and may not reach the public site).
// - An optional file that is absent (meeting_sessions.csv, indicators.csv)
//   means "not known", not zero; each rule says how it treats that.
#pragma once
#include <string>
#include <vector>

#include "analyse/findings_config.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

// One input row that made a finding fire.
struct EvidenceRow {
  std::string file;         // "meetings.csv", "municipality.toml"
  int line = 0;             // line of the record; 0 = the file as a whole
  std::string id;           // row ID ("M03"), or the key ("jusou_status")
  std::string description;  // short Japanese: 「圏域別 重層的支援会議」 構成機関6・守秘義務あり
};

struct Finding {
  std::string id;       // rule id in findings.toml: "FND-05", "FND-06a"
  std::string name;     // 構成機関と目的が似た会議体
  FindingSeverity severity = FindingSeverity::Caution;
  std::string subject;  // what this instance is about, unique within the rule:
                        // "M01・M02", "P04", "3柱", "A30", "障害"; "" = the whole dataset
  std::string summary;  // one Japanese sentence about this instance
  std::string rule;     // the rule in Japanese, with the thresholds used
  std::vector<EvidenceRow> evidence;
  std::vector<std::string> items;  // self-assessment item IDs (A1 …)
  // The values the summary was filled from ({key} -> text, as in the data),
  // so that another text (the plan's 課題, data/plan/issues.csv) can word
  // the same finding with the same figures.
  TemplateValues values;
  std::string direction;           // 対応の方向 (findings.toml)
  std::vector<std::string> direction_sources;    // "file Lline"
  std::vector<std::string> direction_documents;  // their document titles, for outputs
};

std::vector<Finding> compute_findings(const Dataset& data, const Reference& ref, const FindingsConfig& config);

// How many times compute_findings ran in this process (for the test that
// proves findings run once per build).
long findings_runs();

// The registry: one function per rule id. compute_findings runs the enabled
// rules of the config in config order; an enabled id with no function here
// throws std::invalid_argument (the shipped config is tested against it).
struct RuleContext;
using RuleFunction = void (*)(const RuleContext&, std::vector<Finding>&);
struct RegisteredRule {
  const char* id;
  RuleFunction run;
};
const std::vector<RegisteredRule>& registered_rules();

// "M03 line 4" style for messages and tests: "meetings.csv:4:M03".
std::string evidence_key(const EvidenceRow& e);

}  // namespace kyosei
