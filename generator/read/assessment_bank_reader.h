// Parses the self-assessment item bank (data/assessment/items.toml) into
// the Reference: version, domains, viewpoints and items, in file order.
//
// The bank is ours and tested, so a malformed file is a programming error:
// parse_assessment_bank throws std::runtime_error naming the file and what
// is wrong (unknown domain or viewpoint, duplicate ID, not exactly four
// rubric levels, an item without sources).
#pragma once
#include <string_view>

#include "model/reference.h"

namespace kyosei {

// Replaces ref's assessment_* members with the bank in toml_text.
void parse_assessment_bank(std::string_view toml_text, std::string_view source_name, Reference& ref);

// The "viewpoint" string people read: "V2,V5", or "横断" when empty.
std::string viewpoint_label(const std::vector<std::string>& viewpoints);

}  // namespace kyosei
