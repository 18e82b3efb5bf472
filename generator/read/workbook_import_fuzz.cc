// libFuzzer target: `kyosei import` of any .xlsx bytes (a ZIP of XML parts)
// is bounded and never crashes.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "base/file_system.h"
#include "model/municipality_keys.h"
#include "model/schema.h"
#include "read/workbook_import.h"
#include "read/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // libzip reads from a file: one per process, rewritten every run.
  static const std::string path = "/tmp/kyosei-fuzz-" + std::to_string(::getpid()) + ".xlsx";
  if (!kyosei::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size))) return 0;
  kyosei::Diagnostics diags;
  if (auto book = kyosei::read_xlsx(path, "入力様式.xlsx", diags))
    kyosei::import_workbook(*book, "入力様式.xlsx", kyosei::builtin_schema(), kyosei::builtin_municipality_keys(), diags);
  std::remove(path.c_str());
  return 0;
}
