#include "write/image/png_encoder.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace kyosei {

namespace {

uint32_t crc_of(std::string_view s) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

// The zlib stream inflated by zlib itself; tests/e2e checks the PNGs with
// Python's zlib too.
std::string inflate(std::string_view z, size_t size) {
  std::string out(size + 1, '\0');  // one more: a longer stream would show
  uLongf length = static_cast<uLongf>(out.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(z.data()),
                     static_cast<uLong>(z.size())) == Z_OK);
  out.resize(length);
  return out;
}

// The IDAT data of a PNG, its chunks' CRCs checked on the way.
std::string idat_of(const std::string& png, std::vector<std::string>* kinds = nullptr) {
  auto u32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) | (static_cast<unsigned char>(png[at + 2]) << 8) |
           static_cast<unsigned char>(png[at + 3]);
  };
  std::string idat;
  for (size_t pos = 8; pos + 12 <= png.size();) {
    uint32_t len = u32(pos);
    REQUIRE(pos + 12 + len <= png.size());
    std::string kind = png.substr(pos + 4, 4);
    CHECK(crc_of(png.substr(pos + 4, 4 + len)) == u32(pos + 8 + len));
    if (kind == "IDAT") idat += png.substr(pos + 8, len);
    if (kinds) kinds->push_back(kind);
    pos += 12 + len;
  }
  return idat;
}

}  // namespace

TEST_CASE("a blank page compresses to a small PNG") {
  const int w = 150, h = 212;
  std::vector<unsigned char> white(w * h * 3, 255);
  std::string png = encode_png_rgb(w, h, white.data());
  CHECK(png.size() < 1000);
  std::string raw = inflate(idat_of(png), h * (1 + w * 3));
  REQUIRE(raw.size() == static_cast<size_t>(h * (1 + w * 3)));
  for (int y = 0; y < h; ++y) CHECK(static_cast<unsigned char>(raw[y * (1 + w * 3)]) <= 4);
}

TEST_CASE("encode_png_rgb writes a valid, deterministic PNG") {
  const int w = 150, h = 40;
  std::vector<unsigned char> rgb(w * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &rgb[(y * w + x) * 3];
      p[0] = static_cast<unsigned char>(x);
      p[1] = static_cast<unsigned char>(y * 5);
      p[2] = (x / 10 + y / 10) % 2 ? 255 : 0;
    }
  std::string png = encode_png_rgb(w, h, rgb.data());
  CHECK(png == encode_png_rgb(w, h, rgb.data()));
  REQUIRE(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);

  // The chunks (lengths, CRCs), IHDR, then the image data unfiltered.
  std::vector<std::string> kinds;
  std::string idat = idat_of(png, &kinds);
  CHECK(png.substr(16, 4) == std::string("\0\0\0\x96", 4));  // width 150
  CHECK(png.substr(20, 4) == std::string("\0\0\0\x28", 4));  // height 40
  CHECK(png.substr(24, 5) == std::string("\x08\x02\x00\x00\x00", 5));
  CHECK(kinds == std::vector<std::string>{"IHDR", "IDAT", "IEND"});
  std::string raw = inflate(idat, h * (1 + w * 3));
  REQUIRE(raw.size() == static_cast<size_t>(h * (1 + w * 3)));
  std::vector<unsigned char> decoded(w * h * 3), prev(w * 3, 0);
  for (int y = 0; y < h; ++y) {
    int filter = raw[y * (1 + w * 3)];
    REQUIRE(filter >= 0);
    REQUIRE(filter <= 4);
    for (int x = 0; x < w * 3; ++x) {
      int v = static_cast<unsigned char>(raw[y * (1 + w * 3) + 1 + x]);
      int a = x >= 3 ? decoded[y * w * 3 + x - 3] : 0, b = prev[x], c = x >= 3 ? prev[x - 3] : 0;
      int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
      int paeth = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
      int pred = filter == 0 ? 0 : filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2 : paeth;
      decoded[y * w * 3 + x] = static_cast<unsigned char>(v + pred);
    }
    std::copy(decoded.begin() + y * w * 3, decoded.begin() + (y + 1) * w * 3, prev.begin());
  }
  CHECK(decoded == rgb);
}

}  // namespace kyosei
