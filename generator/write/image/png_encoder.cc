#include "write/image/png_encoder.h"

#include <cstring>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace kyosei {

namespace {

// Appends bits least-significant first, as deflate packs them.
class BitWriter {
 public:
  void bits(uint32_t value, int count) {
    acc_ |= static_cast<uint64_t>(value) << fill_;
    fill_ += count;
    while (fill_ >= 8) {
      out_.push_back(static_cast<char>(acc_ & 0xff));
      acc_ >>= 8;
      fill_ -= 8;
    }
  }
  // A Huffman code is sent most-significant bit first.
  void code(uint32_t code, int length) {
    uint32_t reversed = 0;
    for (int i = 0; i < length; ++i) reversed |= ((code >> i) & 1u) << (length - 1 - i);
    bits(reversed, length);
  }
  std::string finish() {
    if (fill_ > 0) out_.push_back(static_cast<char>(acc_ & 0xff));
    acc_ = 0;
    fill_ = 0;
    return std::move(out_);
  }

 private:
  std::string out_;
  uint64_t acc_ = 0;
  int fill_ = 0;
};

// The fixed literal/length code of RFC 1951 §3.2.6.
void put_literal(BitWriter& w, int symbol) {
  if (symbol <= 143) w.code(0x30 + symbol, 8);
  else if (symbol <= 255) w.code(0x190 + symbol - 144, 9);
  else if (symbol <= 279) w.code(symbol - 256, 7);
  else w.code(0xc0 + symbol - 280, 8);
}

constexpr std::array<int, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                             31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<int, 30> kDistBase = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                           33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                           1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<int, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                            6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

void put_match(BitWriter& w, int length, int distance) {
  int li = 28;
  while (kLengthBase[li] > length) --li;
  put_literal(w, 257 + li);
  if (kLengthExtra[li]) w.bits(length - kLengthBase[li], kLengthExtra[li]);
  int di = 29;
  while (kDistBase[di] > distance) --di;
  w.code(di, 5);
  if (kDistExtra[di]) w.bits(distance - kDistBase[di], kDistExtra[di]);
}

// How many bytes a and b have in common from the start, at most limit;
// 8 at a time.
int match_length(const unsigned char* a, const unsigned char* b, int limit) {
  int len = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (len + 8 <= limit) {
    uint64_t x, y;
    std::memcpy(&x, a + len, 8);
    std::memcpy(&y, b + len, 8);
    if (x != y) return len + __builtin_ctzll(x ^ y) / 8;  // the lowest differing byte is the first
    len += 8;
  }
#endif
  while (len < limit && a[len] == b[len]) ++len;
  return len;
}

std::string deflate_fixed(std::string_view data) {
  constexpr int kWindow = 32768, kMinMatch = 3, kMaxMatch = 258, kMaxChain = 64;
  constexpr int kHashBits = 15;
  const auto* d = reinterpret_cast<const unsigned char*>(data.data());
  const int n = static_cast<int>(data.size());
  std::vector<int> head(1 << kHashBits, -1), prev(kWindow, -1);
  auto hash = [&](int i) {
    return static_cast<int>(((d[i] << 10) ^ (d[i + 1] << 5) ^ d[i + 2]) & ((1 << kHashBits) - 1));
  };
  auto insert = [&](int i) {
    if (i + kMinMatch > n) return;
    int h = hash(i);
    prev[i % kWindow] = head[h];
    head[h] = i;
  };

  BitWriter w;
  w.bits(1, 1);  // BFINAL: one block
  w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
  int i = 0;
  while (i < n) {
    int best_len = 0, best_dist = 0;
    if (i + kMinMatch <= n) {
      int candidate = head[hash(i)];
      int limit = std::min(kMaxMatch, n - i);
      for (int chain = 0; candidate >= 0 && i - candidate <= kWindow && chain < kMaxChain; ++chain) {
        // A candidate that differs at best_len cannot be longer: skipped
        // without measuring (the choice is the same).
        if (best_len > 0 && d[candidate + best_len] != d[i + best_len]) {
          int next = prev[candidate % kWindow];
          if (next >= candidate) break;
          candidate = next;
          continue;
        }
        int len = match_length(d + candidate, d + i, limit);
        if (len > best_len) {
          best_len = len;
          best_dist = i - candidate;
          if (len == limit) break;
        }
        int next = prev[candidate % kWindow];
        if (next >= candidate) break;  // the slot was reused by a newer position
        candidate = next;
      }
    }
    if (best_len >= kMinMatch) {
      put_match(w, best_len, best_dist);
      for (int k = 0; k < best_len; ++k) insert(i + k);
      i += best_len;
    } else {
      put_literal(w, d[i]);
      insert(i);
      ++i;
    }
  }
  put_literal(w, 256);  // end of block
  return w.finish();
}

void put_u32(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v >> 24));
  out.push_back(static_cast<char>((v >> 16) & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
  out.push_back(static_cast<char>(v & 0xff));
}

void put_chunk(std::string& out, const char* type, std::string_view data) {
  put_u32(out, static_cast<uint32_t>(data.size()));
  std::string body(type, 4);
  body.append(data);
  out += body;
  put_u32(out, crc32(body));
}

// PNG filter type 4 (Paeth) predictor.
int paeth(int a, int b, int c) {
  int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// One row filtered with filter f into out. A loop per filter, so that the
// compiler can vectorise the simple ones (the thumbnails of every PDF
// page pass here five times per row).
void filter_row(int f, const unsigned char* row, const unsigned char* up, size_t stride, unsigned char* out) {
  const size_t lead = std::min<size_t>(3, stride);  // the first pixel has no left neighbour
  switch (f) {
    case 0:
      for (size_t x = 0; x < stride; ++x) out[x] = row[x];
      return;
    case 1:
      for (size_t x = 0; x < lead; ++x) out[x] = row[x];
      for (size_t x = lead; x < stride; ++x) out[x] = static_cast<unsigned char>(row[x] - row[x - 3]);
      return;
    case 2:
      for (size_t x = 0; x < stride; ++x) out[x] = static_cast<unsigned char>(row[x] - up[x]);
      return;
    case 3:
      for (size_t x = 0; x < lead; ++x) out[x] = static_cast<unsigned char>(row[x] - up[x] / 2);
      for (size_t x = lead; x < stride; ++x) out[x] = static_cast<unsigned char>(row[x] - (row[x - 3] + up[x]) / 2);
      return;
    default:
      for (size_t x = 0; x < lead; ++x) out[x] = static_cast<unsigned char>(row[x] - paeth(0, up[x], 0));
      for (size_t x = lead; x < stride; ++x)
        out[x] = static_cast<unsigned char>(row[x] - paeth(row[x - 3], up[x], up[x - 3]));
  }
}

}  // namespace

uint32_t crc32(std::string_view data, uint32_t crc) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (unsigned char b : data) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
  return ~crc;
}

uint32_t adler32(std::string_view data) {
  // The modulo once per 5552 bytes, zlib's way: the largest run for which
  // the sums cannot overflow 32 bits.
  constexpr uint32_t kBase = 65521;
  constexpr size_t kRun = 5552;
  uint32_t a = 1, b = 0;
  for (size_t pos = 0; pos < data.size();) {
    size_t end = std::min(data.size(), pos + kRun);
    for (; pos < end; ++pos) {
      a += static_cast<unsigned char>(data[pos]);
      b += a;
    }
    a %= kBase;
    b %= kBase;
  }
  return (b << 16) | a;
}

std::string zlib_compress(std::string_view data) {
  std::string out = "\x78\x01";  // deflate, 32 KiB window; (0x7801 % 31 == 0)
  out += deflate_fixed(data);
  put_u32(out, adler32(data));
  return out;
}

std::string encode_png_rgb(int width, int height, const unsigned char* rgb) {
  // Each row is filtered with whichever of the five filters gives the
  // smallest sum of absolute values (the usual heuristic); ties keep the
  // lower filter number, so the choice is deterministic.
  const size_t stride = static_cast<size_t>(width) * 3;
  std::string raw;
  raw.reserve((stride + 1) * height);
  std::vector<unsigned char> zero(stride, 0), candidate(stride);
  std::string best;
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = rgb + stride * y;
    const unsigned char* up = y > 0 ? rgb + stride * (y - 1) : zero.data();
    long best_sum = -1;
    int best_filter = 0;
    for (int f = 0; f <= 4; ++f) {
      filter_row(f, row, up, stride, candidate.data());
      long sum = 0;
      for (size_t x = 0; x < stride; ++x) sum += candidate[x] < 128 ? candidate[x] : 256 - candidate[x];
      if (best_sum < 0 || sum < best_sum) {
        best_sum = sum;
        best_filter = f;
        best.assign(candidate.begin(), candidate.end());
      }
    }
    raw.push_back(static_cast<char>(best_filter));
    raw += best;
  }

  std::string png = "\x89PNG\r\n\x1a\n";
  std::string ihdr;
  put_u32(ihdr, static_cast<uint32_t>(width));
  put_u32(ihdr, static_cast<uint32_t>(height));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit, RGB, deflate, adaptive filters, no interlace
  put_chunk(png, "IHDR", ihdr);
  put_chunk(png, "IDAT", zlib_compress(raw));
  put_chunk(png, "IEND", "");
  return png;
}

}  // namespace kyosei
