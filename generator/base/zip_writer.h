// Writing a ZIP archive in memory (libzip), e.g. the parts of a .docx.
//
// Reproducible: entries are written in the order given, each dated with
// the same UTC time (as a DOS date and time, so the time zone of the
// machine does not matter), mode 0644, no extra fields. The same entries
// give the same bytes.
#pragma once
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace kyosei {

// The zlib level of the Office files kyosei writes (.docx here, .xlsx in
// write/sheet/xlsx_support.cc): on their XML half the time of level 6
// (Word's and LibreOffice's) for some 20% more bytes; any level reads the
// same.
inline constexpr int kOfficeDeflateLevel = 3;

struct ZipEntry {
  std::string name;   // "word/document.xml"
  std::string bytes;
  bool deflate = true;  // false: stored (already compressed data)
};

// The archive's bytes; nullopt when libzip fails (out of memory).
// Times before 1980 (the first DOS date) are written as 1980-01-01.
std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, std::time_t time);

}  // namespace kyosei
