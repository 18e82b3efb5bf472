// libFuzzer target: municipality.toml of any bytes is read without a crash,
// and every problem is a diagnostic inside the file.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/file_system.h"
#include "model/model.h"
#include "read/municipality_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kyosei::MemoryFileSystem fs;
  fs.put("municipality.toml", std::string(reinterpret_cast<const char*>(data), size));
  kyosei::Municipality m;
  kyosei::Diagnostics diags;
  bool ok = kyosei::read_municipality(fs, m, diags);
  if (ok == diags.has_errors()) std::abort();
  for (const auto& d : diags.items())
    if (d.where.file != "municipality.toml" || d.where.line < 0) std::abort();
  return 0;
}
