// Renders the input contract (data/schema.toml) as Markdown tables, one per
// file, for docs/inputs.md. A test checks that the committed document holds
// exactly this text, so the documentation cannot drift from the readers.
#pragma once
#include <string>

#include "model/schema.h"

namespace kyosei {

std::string render_contract_tables(const Schema& schema);

// Markers in docs/inputs.md around the generated part.
inline constexpr const char* kContractBegin = "<!-- BEGIN: kyosei contract で生成。手で編集しないでください -->";
inline constexpr const char* kContractEnd = "<!-- END: kyosei contract -->";

}  // namespace kyosei
