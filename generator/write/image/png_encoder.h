// A small PNG writer for the PDF thumbnails of the public site: 8-bit RGB,
// each row with the filter of smallest absolute sum, one IDAT chunk
// compressed by zlib. No time or text chunks, so the same pixels always
// give the same bytes (with the same zlib).
//
//   std::string png = encode_png_rgb(150, 212, pixels);  // 3 bytes a pixel
#pragma once
#include <string>

namespace kyosei {

// rgb holds width*height*3 bytes, row after row. Returns the PNG file.
std::string encode_png_rgb(int width, int height, const unsigned char* rgb);

}  // namespace kyosei
