// The input contract as data (data/schema.toml): which files, which
// columns, their types and vocabularies. Readers validate against it;
// writers take ordered vocabularies from it (e.g. the 分野 rows of the
// coverage matrix); `kyosei init` and the Excel template are written from it.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace kyosei {

enum class ColumnType {
  Id, Text, Markdown, Integer, Decimal, Percent, Fraction,
  Year, Date, YearMonth, Yen, Enum, CodeYen, YearValue, Path,
  Phone,  // 電話番号 (read/table_reader.cc: is_phone_number)
  Url,    // http(s) address
};

struct ColumnSpec {
  std::string name;  // canonical header, e.g. "事業費"
  ColumnType type = ColumnType::Text;
  bool required = false;
  bool multi = false;
  bool unique = false;
  bool personal = false;        // 氏名: never on the public site
  bool unknown_is_warning = false;
  std::vector<std::string> values;  // Enum vocabulary (filled from values_from too)
  std::vector<std::string> normalized_values;  // the same after NFKC + trim, for matching
  std::string values_from;          // "jusou" | "roles" | "assessment" | ""
  std::string ref;                  // "areas.csv" ...
  std::optional<double> min, max;
  std::string default_value;
  std::string required_if_column;
  std::vector<std::string> required_if_values;
  std::string help;
  std::string example;
};

struct FileSpec {
  std::string name;   // "services.csv"
  std::string title;  // 既存事業・取組の棚卸
  bool required = false;
  std::vector<ColumnSpec> columns;

  const ColumnSpec* column(const std::string& name) const;
};

struct Schema {
  int version = 0;
  std::vector<FileSpec> files;

  const FileSpec* file(const std::string& name) const;
  // The ordered vocabulary of an enum column; empty when unknown.
  const std::vector<std::string>& values(const std::string& file, const std::string& column) const;
};

// The contract compiled into the binary, with values_from resolved against
// the built-in reference data.
const Schema& builtin_schema();

const char* column_type_name(ColumnType t);

}  // namespace kyosei
