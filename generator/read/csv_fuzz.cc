// libFuzzer target: the CSV parser and encoding detection must never crash
// or hang on any bytes, and what they return must be self-consistent.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "read/csv.h"
#include "read/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = kyosei::decode_text(bytes);
  std::string_view text = decoded ? std::string_view(decoded->utf8) : bytes;
  auto parsed = kyosei::parse_csv(text);
  int last = 0;
  for (const auto& r : parsed.records) {
    if (r.line <= last) std::abort();  // records start on increasing lines
    last = r.line;
    // Quoting a field and parsing it back gives the field.
    for (const auto& f : r.fields) {
      if (f.find('\r') != std::string::npos) continue;  // bare CR is normalised by design
      auto again = kyosei::parse_csv(kyosei::csv_quote(f) + "\n");
      if (!f.empty() && (again.records.size() != 1 || again.records[0].fields[0] != f)) std::abort();
    }
  }
  return 0;
}
