// How fast a PDF page thumbnail (150 x 212 RGB) becomes a PNG. Run by hand:
//   ninja -C build kyosei_perftests && build/kyosei_perftests
#include <chrono>
#include <cstdio>
#include <vector>

#include "write/image/png_encoder.h"

namespace kyosei {

void perftest_png() {
  // A page at thumbnail size: white, with grey lines of "text" in the
  // anti-aliased shades a renderer gives small glyphs.
  const int w = 150, h = 212;
  std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3, 255);
  unsigned seed = 1;
  for (int y = 20; y < h - 20; ++y) {
    if (y % 6 >= 3) continue;
    for (int x = 15; x < w - 15; ++x) {
      seed = seed * 1103515245u + 12345u;
      auto v = static_cast<unsigned char>(120 + (seed >> 16) % 136);
      for (int c = 0; c < 3; ++c) rgb[(static_cast<size_t>(y) * w + x) * 3 + c] = v;
    }
  }
  size_t bytes = 0;
  const int reps = 200;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) bytes = encode_png_rgb(w, h, rgb.data()).size();
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / reps;
  std::printf("%-40s %8.3f ms (%zu bytes)\n", "encode_png_rgb 150x212 thumbnail", ms, bytes);
}

}  // namespace kyosei
