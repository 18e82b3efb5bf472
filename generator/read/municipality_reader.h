// Reads municipality.toml (自治体プロフィールと計画期間) with toml++.
// Every key is checked; errors name the line and the key.
#pragma once
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"

namespace kyosei {

// Fills m; returns false when the file is missing or unusable.
bool read_municipality(const FileSystem& fs, Municipality& m, Diagnostics& diags);

// What `kyosei init` writes.
extern const char* const kMunicipalityTemplate;

}  // namespace kyosei
