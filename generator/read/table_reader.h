// Reads one CSV of the input contract, driven by its FileSpec from
// data/schema.toml: detects the encoding, parses RFC 4180, matches headers
// after NFKC, and checks and converts every cell by its column type.
// Problems go to Diagnostics with file, line and column; a bad cell is left
// empty in the Table so that later stages can go on and report more.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/schema.h"

namespace kyosei {

// One checked cell. Which members are set depends on the column type;
// `present` is false for an empty cell (= unknown, never zero).
struct Cell {
  bool present = false;
  std::string text;                // normalized value (text/markdown: as written, trimmed)
  std::vector<std::string> items;  // multi columns: each value, normalized
  std::optional<long long> integer;  // integer, yen, year, enum "1".."3"
  std::optional<double> decimal;     // decimal, percent, fraction
  std::vector<double> decimals;      // multi fraction (配分)
  std::optional<Date> date;
  std::optional<YearMonth> month;
  std::vector<std::pair<std::string, long long>> code_amounts;  // 按分 code:yen
  std::vector<std::pair<int, double>> year_values;              // 実績 year:value
};

// Which place in a row holds the cell of each column (canonical name):
// made once per table and shared by its rows, so that a row is a vector.
using ColumnSlots = std::map<std::string, size_t, std::less<>>;

class Row {
 public:
  Row() = default;
  explicit Row(std::shared_ptr<const ColumnSlots> slots);

  int line = 0;
  // An empty cell for a column the table does not have.
  const Cell& operator[](std::string_view column) const;
  Cell& at(std::string_view column);
  // Where a column of this row is, for messages (header as the user wrote it).
  Location where(const std::string& column) const;

  std::string file;
  std::shared_ptr<const std::map<std::string, std::string>> headers;  // canonical -> as written

 private:
  std::shared_ptr<const ColumnSlots> slots_;
  std::vector<Cell> cells_;                         // by slot
  std::map<std::string, Cell, std::less<>> extra_;  // at() of a column without a slot
};

struct Table {
  std::string file;
  bool present = false;  // the file exists and could be decoded
  std::shared_ptr<std::map<std::string, std::string>> headers =
      std::make_shared<std::map<std::string, std::string>>();  // canonical -> as written
  std::vector<Row> rows;
};

Table read_table(const FileSystem& fs, const FileSpec& spec, Diagnostics& diags);

// Reads a text file of any supported encoding as UTF-8 (narrative/*.md,
// municipality.toml). Reports an error and returns nullopt when it cannot.
std::optional<std::string> read_text_file(const FileSystem& fs, const std::string& path, Diagnostics& diags);

// Checks one value against a column spec (also used by the Excel importer).
// Fills cell; reports problems at `where`.
void check_cell(const ColumnSpec& col, const std::string& raw, const Location& where, Cell& cell,
                Diagnostics& diags);

}  // namespace kyosei
