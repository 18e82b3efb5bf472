// Small pieces of the Markdown that the plan drafts are made of, worded as
// a Japanese municipal plan words them. Every input string goes through
// md() (markdown_table_cell: literal text, one line, safe in a table cell
// and in running text alike), so a 事業名 like 「*重要* [募集]」 stays text.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/coverage.h"
#include "model/model.h"

namespace kyosei {

// Input text as literal Markdown on one line.
std::string md(std::string_view text);

// A GFM table. Cells are Markdown already (use md() for input text);
// right_aligned[i] right-aligns column i (numbers).
struct MarkdownTable {
  std::vector<std::string> headers;
  std::vector<bool> right_aligned;
  std::vector<std::vector<std::string>> rows;
  std::string render() const;  // ends with "\n"; "" when there are no rows
};

// Bullet list ("- a\n- b\n"); "" when empty.
std::string bullet_list(const std::vector<std::string>& items);

// 常勤換算: "1.5人"; at most two decimals, zeros trimmed.
std::string fte_text(double fte);

// A decimal as written in the plan: 12 -> "12", 27.5 -> "27.5", 1234 -> "1,234".
std::string number_text(double value);

// "1,234か所"; nullopt -> 「未把握」.
std::string amount_text(const std::optional<long long>& n, std::string_view unit);

// 「本市」「本町」「本村」 from the 自治体名's last character; 「本市町村」 otherwise.
std::string own_municipality(const std::string& name);

// Who runs a service: the 実施主体 (escaped), 「<自治体名>（直営）」 for 直営,
// else 「未把握」.
std::string provider_cell(const Service& s, const Municipality& m);

// The service's 圏域 as names (escaped), 「全域」 when it lists none.
std::string areas_cell(const Dataset& ds, const Service& s);

// "事業名（S001）", escaped.
std::string service_label(const Service& s);

// Names joined by 「、」 (each escaped).
std::string names_text(const std::vector<std::string>& names);

// At most `shown` names, then 「など12事業」 (counter: 事業, の会議体 …).
std::string names_capped(const std::vector<std::string>& names, size_t shown, std::string_view counter);

// How the guidebook counts the 重層事業 (jusou.md §7.2; 003 L858 「全 11 事業」,
// 004 L316 第3号柱書, L714 第6号 with 第5号), as running text:
// 「11事業（…）のうち、対応する既存事業を確認できたのは9事業…」. The 13 rows
// of components are counted by JusouComponent::counted_as.
std::string component_count_text(const std::vector<ComponentCoverage>& components);

// Collapses runs of blank lines to one and ends the text with one "\n".
std::string tidy_markdown(std::string_view md);

}  // namespace kyosei
