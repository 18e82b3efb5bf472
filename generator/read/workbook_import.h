// `kyosei import`: a filled-in Excel input template (layout in
// model/input_workbook.h) turned back into the files of an inputs folder.
//
//   Diagnostics diags;
//   auto book = read_xlsx(path, "入力様式.xlsx", diags);
//   ImportedFolder folder = import_workbook(*book, "入力様式.xlsx", builtin_schema(),
//                                           builtin_municipality_keys(), diags);
//   // folder.files: municipality.toml and <file>.csv, ready to write;
//   // folder.locate(d): a diagnostic about one of them, at its sheet and cell
//
// The CSV sheets: row 1 is the header, each later non-blank row one record;
// cells are taken as Excel shows them (read/xlsx_reader.h), except that a
// date in a 年月 column is written as 2024-04. The files are UTF-8 with LF
// line ends, quoted as RFC 4180 needs (read/csv.h csv_quote). Row N of a
// sheet is line N of its CSV unless a cell above it holds a line break or a
// blank row was skipped; locate() maps back either way.
//
// The municipality sheet (項目 | 値 | 説明) becomes municipality.toml, each
// value with the TOML type data/municipality_keys.toml gives it (a value
// that does not fit its type is written as a string, so that the reader
// reports it at its cell).
//
// Reported here, with sheet and cell: a missing sheet for a required file
// (error), a sheet that stands for no file (warning; 説明 and 選択肢 are
// skipped silently), a column without a header that holds values, an
// unknown or repeated municipality key. Everything else — values, IDs,
// cross-file rules — is left to read_inputs on the written files.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/municipality_keys.h"
#include "model/schema.h"
#include "read/xlsx_reader.h"

namespace kyosei {

struct ImportedFile {
  std::string path;   // "services.csv", "municipality.toml"
  std::string bytes;
  std::string sheet;  // the sheet it came from
  std::map<int, int> row_of_line;               // line where a record starts -> sheet row
  std::map<std::string, int> column_of_header;  // header (trimmed) or key -> sheet column (0-based)
  std::map<std::string, int> row_of_key;        // municipality.toml: key -> sheet row
};

struct ImportedFolder {
  std::string book;  // the workbook's name in messages
  std::vector<ImportedFile> files;

  const ImportedFile* file(const std::string& path) const;
  // The same diagnostic at its sheet and cell when it is about one of the
  // files; unchanged otherwise (e.g. about a PDF in documents/).
  Diagnostic locate(const Diagnostic& d) const;
};

ImportedFolder import_workbook(const XlsxWorkbook& book, const std::string& book_name, const Schema& schema,
                               const std::vector<MunicipalityKey>& keys, Diagnostics& diags);

// A TOML basic string: "…" with \ " and control characters escaped.
std::string toml_string(std::string_view s);

}  // namespace kyosei
