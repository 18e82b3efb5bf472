// Rows of a CSV compiled into the binary (data/*.csv), as header -> value
// maps. The files are ours and tested, so a missing or malformed file is a
// programming error and throws.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace kyosei {

using CsvRow = std::map<std::string, std::string>;

std::vector<CsvRow> embedded_csv_rows(const char* path);

}  // namespace kyosei
