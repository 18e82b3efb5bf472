// A municipality's or prefecture's own self-assessment items, from the
// optional inputs file assessment_items.csv (a compatible extension of the
// input contract: a folder without it reads as before). The items are
// appended after the built-in bank (data/assessment/items.toml) and are
// scored and shown like the built-in ones.
//
// Columns (headers matched after NFKC, like every CSV of the contract):
//   項目ID        required, unique, [A-Za-z0-9_-]+, not an ID of the built-in bank
//   領域          required: a domain of the bank (A … I)
//   視点          optional, several with ; ； 、: V0 … V6; empty = 横断
//   問い          required: the question
//   評点0 … 評点3 required: what each level means for this item
//   支持する証拠  optional: data that backs a rating; several separated by ; or ；
//   反証する証拠  optional: data that contradicts it; same separators
//                 (「、」 is not a separator here: sentences use it)
//   出典          optional: where the item comes from (例: 架空県 地域共生推進指針 p.12)
//
//   Diagnostics diags;
//   auto extra = read_extra_assessment_items(fs, diags, builtin_reference());
//   Reference ref = with_extra_assessment_items(builtin_reference(), extra);
//
// Not wired into read_inputs yet. When it is, the column spec belongs in
// data/schema.toml, and assessment.csv 項目ID must be validated against
// the extended list (schema values_from = "assessment" uses the built-in bank).
#pragma once
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/reference.h"
#include "model/schema.h"

namespace kyosei {

inline constexpr const char* kExtraAssessmentItemsFile = "assessment_items.csv";

// The column spec of assessment_items.csv (領域 and 視点 vocabularies from ref).
FileSpec extra_assessment_items_spec(const Reference& ref);

// Items of assessment_items.csv in file order; empty when the file is absent.
// Problems go to diags with file, line and column; a bad row is skipped.
std::vector<AssessmentItemRef> read_extra_assessment_items(const FileSystem& fs, Diagnostics& diags, const Reference& ref);

// A copy of ref with extra appended to assessment_items.
Reference with_extra_assessment_items(const Reference& ref, const std::vector<AssessmentItemRef>& extra);

}  // namespace kyosei
