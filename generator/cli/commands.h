// The subcommands of `kyosei`. Each returns the process exit status:
// 0 ok, 2 invalid input (all problems printed), 3 internal error.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "write/common/audience.h"
#include "write/sheet/csv_export.h"

namespace kyosei {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 2;
inline constexpr int kExitInternal = 3;

struct CommonOptions {
  bool strict = false;  // warnings count as errors
  bool quiet = false;   // only problems are printed
  bool force = false;   // template/import: overwrite what is there
  bool pdf = false;     // build: print the printable HTML to PDF too (write/print/pdf_print.h)
  bool backup = false;  // build: move files kyosei did not write to a dated backup folder
  Audience audience = Audience::Council;             // build --audience council|internal
  CsvEncoding csv_encoding = CsvEncoding::Utf8Bom;  // build --encoding utf-8|cp932
  int jobs = 0;  // build --jobs N: threads (0: one per core; 1: one thing after another)
  std::string documents_from;  // import --documents-from DIR: where missing PDFs are copied from
};

// "--jobs N": a whole number from 1 to 256, else nullopt.
std::optional<int> parse_jobs(const std::string& text);

int run_check(const std::string& dir, const CommonOptions& opt);
int run_build(const std::string& dir, const std::string& out, const std::string& previous, const CommonOptions& opt);
int run_init(const std::string& dir, const CommonOptions& opt);

// `kyosei template -o 入力様式.xlsx [DIR]`: the Excel input template, with
// DIR's rows when given (write/xlsx/xlsx_template.h).
int run_template(const std::string& dir, const std::string& workbook, const CommonOptions& opt);
// `kyosei import 入力様式.xlsx -o DIR`: the filled-in template back into an
// inputs folder, checked before anything is written (read/workbook_import.h).
int run_import(const std::string& workbook, const std::string& dir, const CommonOptions& opt);

// What `kyosei init` writes, as path -> bytes (also used by tests).
std::vector<std::pair<std::string, std::string>> init_files();

}  // namespace kyosei
