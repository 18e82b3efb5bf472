#include "read/embedded_csv.h"

#include <stdexcept>

#include "base/resources.h"
#include "read/csv.h"

namespace kyosei {

std::vector<CsvRow> embedded_csv_rows(const char* path) {
  auto bytes = resource(path);
  if (!bytes) throw std::runtime_error(std::string("missing embedded resource ") + path);
  auto parsed = parse_csv(*bytes);
  if (!parsed.errors.empty() || parsed.records.empty())
    throw std::runtime_error(std::string("malformed embedded resource ") + path);
  std::vector<CsvRow> out;
  const auto& header = parsed.records[0].fields;
  for (size_t r = 1; r < parsed.records.size(); ++r) {
    CsvRow row;
    for (size_t c = 0; c < header.size(); ++c)
      row[header[c]] = c < parsed.records[r].fields.size() ? parsed.records[r].fields[c] : "";
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace kyosei
