// The reference data kyosei ships (data/, compiled into the binary through
// base/resources.h), in one place. Each part is loaded once, on first use,
// by its reader in read/; a defect in the shipped files is an internal
// error, found by the unit tests.
//
//   schema             data/schema.toml: the input contract (files, columns,
//                      vocabularies); docs/inputs.md is generated from it
//   reference          data/jusou_components.csv (the 13 重層事業 rows),
//                      data/roles.csv, data/jusou_funding.csv (負担割合),
//                      data/rules.toml, data/assessment/items.toml
//   plan               data/plan/*.csv: chapters, 共通記載事項, indicators
//   municipality_keys  data/municipality_keys.toml: municipality.toml's keys
//
// The 交付金 rounding rules (data/jusou_funding_rules.csv) are read by
// analyse/funding_rules.h, and the findings thresholds
// (data/assessment/findings.toml) by analyse/findings_config.h, which own
// their types; writers see the thresholds as Analysis::findings_config.
//
// Outside read/ (and tests), nothing calls the builtin_* loaders: analyse/
// and write/ go through reference_data() (tests/check_layers.py checks it).
#pragma once
#include <vector>

#include "model/municipality_keys.h"
#include "model/plan_reference.h"
#include "model/reference.h"
#include "model/schema.h"

namespace kyosei {

struct ReferenceData {
  const Schema& schema;
  const Reference& reference;
  const PlanReference& plan;
  const std::vector<MunicipalityKey>& municipality_keys;
};

// Defined in read/reference_data.cc (the readers load the files).
const ReferenceData& reference_data();

}  // namespace kyosei
