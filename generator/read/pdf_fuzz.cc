// libFuzzer target: what the sandboxed PDF child does (poppler text,
// qpdf strings and metadata removal), in this process so that the
// sanitizers see it. Hangs are what the sandbox is for; here -timeout
// reports them.
#include <cstdint>
#include <string>

#include "read/pdf_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* task : {"pdf-read", "pdf-strings", "pdf-publish", "pdf-publish-scan"}) kyosei::pdf_task_in_this_process(task, "", bytes);
  return 0;
}
