// Sources as the published documents cite them. kyosei's reference data
// records where each fact was read (「004_1bf5b02d4a714db9.txt L670」, a
// text extract of a 厚生労働省 document); a council or a resident gets the
// document instead: its title, issuer and date (data/source_documents.csv;
// the extracts carry no page numbers, so none are given). The file and line
// stay in the reference data and in the internal checklists only.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

// 「『地域共生社会の実現に向けた重層的支援体制整備事業の実施について』（厚生労働省…）」
// for every extract named in `source`, its line references dropped and any
// other text (「（国・都道府県の残り）」) kept. Text that names no extract
// (a municipality's own source) is returned as it is.
std::string cite_source(std::string_view source);

}  // namespace kyosei
