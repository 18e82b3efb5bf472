// libFuzzer target: a whole inputs folder. The input is split at bytes
// 0x00 0x01 into the contract's files in a fixed order, so the fuzzer
// mutates each file and the references between them; PDFs are not read.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "read/inputs_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* names[] = {"municipality.toml", "areas.csv", "services.csv", "staff.csv", "meetings.csv",
                                "meeting_sessions.csv", "indicators.csv", "assessment.csv", "narrative/はじめに.md"};
  std::string_view in(reinterpret_cast<const char*>(data), size);
  kyosei::MemoryFileSystem fs;
  for (const char* name : names) {
    size_t cut = in.find(std::string_view("\x00\x01", 2));
    fs.put(name, std::string(in.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    in.remove_prefix(cut + 2);
  }
  kyosei::Diagnostics diags;
  kyosei::read_inputs(fs, diags, kyosei::ReadOptions{.read_documents = false});
  for (const auto& d : diags.sorted()) {
    std::string line = kyosei::format_diagnostic(d);
    if (line.find('\n') != std::string::npos) std::abort();  // one diagnostic, one line
  }
  return 0;
}
