// A small, dependency-free PNG writer for the PDF thumbnails of the public
// site: 8-bit RGB, one IDAT chunk compressed with deflate (fixed Huffman
// codes, greedy LZ77 over a 32 KiB window). No time or text chunks, so the
// same pixels always give the same bytes.
//
//   std::string png = encode_png_rgb(150, 212, pixels);  // 3 bytes a pixel
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kyosei {

// rgb holds width*height*3 bytes, row after row. Returns the PNG file.
std::string encode_png_rgb(int width, int height, const unsigned char* rgb);

// zlib stream (RFC 1950) of data, deflate-compressed as described above.
std::string zlib_compress(std::string_view data);

// CRC-32 as used by PNG and gzip; Adler-32 as used by zlib.
uint32_t crc32(std::string_view data, uint32_t crc = 0);
uint32_t adler32(std::string_view data);

}  // namespace kyosei
