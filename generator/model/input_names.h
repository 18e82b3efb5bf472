// Inputs and reference tables named as the people reading a document know
// them. kyosei's own messages (and the rule texts in data/) speak of files:
// 「staff.csv の担当圏域から」「data/jusou_components.csv で必須とされている」.
// A council member or a resident reads 「コーディネーター等の名簿の担当圏域
// から」「重層的支援体制整備事業の構成事業の一覧で必須とされている」 instead:
// each input file by its title in data/schema.toml, each reference table by
// what it holds. Used for every sentence kyosei composes for the council
// workbook, the plan drafts, the report and the site.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

std::string with_input_titles(std::string_view text);

}  // namespace kyosei
