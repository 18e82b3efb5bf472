#include "write/image/png_encoder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace kyosei {

namespace {

// A decoder for what zlib_compress writes (one fixed-Huffman block), so
// the round trip is checked here; tests/e2e checks with Python's zlib too.
class BitReader {
 public:
  explicit BitReader(std::string_view s) : s_(s) {}
  int bit() {
    if (pos_ / 8 >= s_.size()) throw std::runtime_error("end of data");
    int b = (static_cast<unsigned char>(s_[pos_ / 8]) >> (pos_ % 8)) & 1;
    ++pos_;
    return b;
  }
  int bits(int n) {
    int v = 0;
    for (int i = 0; i < n; ++i) v |= bit() << i;
    return v;
  }
  int huffman(int n) {  // n bits, most significant first
    int v = 0;
    for (int i = 0; i < n; ++i) v = (v << 1) | bit();
    return v;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

int fixed_literal(BitReader& r) {
  int code = r.huffman(7);
  if (code <= 0x17) return code + 256;
  code = (code << 1) | r.bit();
  if (code >= 0x30 && code <= 0xbf) return code - 0x30;
  if (code >= 0xc0 && code <= 0xc7) return code - 0xc0 + 280;
  code = (code << 1) | r.bit();
  return code - 0x190 + 144;
}

std::string inflate_fixed(std::string_view zlib) {
  static const int len_base[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  static const int len_extra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
  static const int dist_base[] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  static const int dist_extra[] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
  REQUIRE(zlib.size() >= 6);
  CHECK(((static_cast<unsigned char>(zlib[0]) << 8) | static_cast<unsigned char>(zlib[1])) % 31 == 0);
  BitReader r(zlib.substr(2, zlib.size() - 6));
  CHECK(r.bits(1) == 1);
  CHECK(r.bits(2) == 1);
  std::string out;
  for (;;) {
    int sym = fixed_literal(r);
    if (sym < 256) {
      out += static_cast<char>(sym);
    } else if (sym == 256) {
      break;
    } else {
      int li = sym - 257;
      int len = len_base[li] + r.bits(len_extra[li]);
      int di = r.huffman(5);
      int dist = dist_base[di] + r.bits(dist_extra[di]);
      REQUIRE(dist <= static_cast<int>(out.size()));
      for (int k = 0; k < len; ++k) out += out[out.size() - dist];
    }
  }
  std::string_view tail = zlib.substr(zlib.size() - 4);
  uint32_t adler = (static_cast<uint32_t>(static_cast<unsigned char>(tail[0])) << 24) |
                   (static_cast<unsigned char>(tail[1]) << 16) | (static_cast<unsigned char>(tail[2]) << 8) |
                   static_cast<unsigned char>(tail[3]);
  CHECK(adler == adler32(out));
  return out;
}

}  // namespace

TEST_CASE("crc32 and adler32 match the reference values") {
  CHECK(crc32("123456789") == 0xCBF43926u);
  CHECK(adler32("Wikipedia") == 0x11E60398u);
  CHECK(crc32("") == 0);
  CHECK(adler32("") == 1);
}

TEST_CASE("zlib_compress round-trips and compresses repetition") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "地域共生 " + std::to_string(i % 37) + "\n";
  std::string binary;
  for (int i = 0; i < 70000; ++i) binary += static_cast<char>((i * 7919) % 251);
  for (const std::string& data : {std::string(), std::string("a"), std::string("abcabcabcabcabc"), text, binary,
                                  std::string(100000, '\xff')}) {
    std::string z = zlib_compress(data);
    CHECK(inflate_fixed(z) == data);
  }
  CHECK(zlib_compress(std::string(100000, '\xff')).size() < 1000);
  CHECK(zlib_compress(text).size() < text.size() / 4);
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

  // Walk the chunks: lengths, CRCs, IHDR, then unfilter the image data.
  size_t pos = 8;
  std::string idat;
  std::vector<std::string> kinds;
  auto u32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) | (static_cast<unsigned char>(png[at + 2]) << 8) |
           static_cast<unsigned char>(png[at + 3]);
  };
  while (pos < png.size()) {
    uint32_t len = u32(pos);
    std::string kind = png.substr(pos + 4, 4);
    std::string body = png.substr(pos + 4, 4 + len);
    CHECK(crc32(body) == u32(pos + 8 + len));
    if (kind == "IHDR") {
      CHECK(u32(pos + 8) == static_cast<uint32_t>(w));
      CHECK(u32(pos + 12) == static_cast<uint32_t>(h));
      CHECK(png.substr(pos + 16, 5) == std::string("\x08\x02\x00\x00\x00", 5));
    }
    if (kind == "IDAT") idat += png.substr(pos + 8, len);
    kinds.push_back(kind);
    pos += 12 + len;
  }
  CHECK(kinds == std::vector<std::string>{"IHDR", "IDAT", "IEND"});
  std::string raw = inflate_fixed(idat);
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
