// An inputs folder's cells exactly as staff wrote them — decoded to UTF-8
// but not normalised or checked — for the Excel input template, so that a
// template made from last year's folder imports back to the same text.
// (read/inputs_reader.h reads the same files into a checked Dataset.)
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/municipality_keys.h"
#include "model/schema.h"
#include "read/csv.h"

namespace kyosei {

struct RawTable {
  const FileSpec* spec = nullptr;
  bool present = false;             // the file exists and was read
  std::vector<std::string> header;  // as written (line 1)
  std::vector<CsvRecord> records;   // the lines after the header, blank lines skipped
};

struct RawMunicipality {
  bool present = false;
  // Known keys that are set, in the order of data/municipality_keys.toml:
  // key ("plan.title") -> the value as text (strings as written, numbers
  // and booleans as TOML writes them: 2026, 29.4, true).
  std::vector<std::pair<std::string, std::string>> values;
  std::optional<int> fiscal_year;
};

struct RawInputs {
  std::vector<RawTable> tables;  // one per file of the schema, in its order
  RawMunicipality municipality;
};

// Problems that would lose or garble text (a file that cannot be decoded,
// broken quoting, TOML that does not parse) are errors; keys the template
// cannot hold are warnings.
RawInputs read_raw_inputs(const FileSystem& fs, const Schema& schema, const std::vector<MunicipalityKey>& keys,
                          Diagnostics& diags);

// The value of one key as text, as above; nullopt when unset.
std::optional<std::string> raw_value(const RawMunicipality& m, const std::string& key);

}  // namespace kyosei
