// libFuzzer target: narrative Markdown (and 概要) of any bytes becomes HTML
// without a crash, and never lets raw HTML or a script through.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "write/markdown/markdown_html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string md(reinterpret_cast<const char*>(data), size);
  for (int shift : {0, 2}) {
    std::string html = kyosei::markdown_to_html(md, kyosei::MarkdownOptions{.heading_shift = shift});
    if (html.find("<script") != std::string::npos || html.find("<iframe") != std::string::npos) std::abort();
  }
  return 0;
}
