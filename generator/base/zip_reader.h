// Reading entries out of a ZIP archive (libzip), e.g. the parts of an .xlsx
// workbook: "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml".
//
// Archives may come from users, so entries are read whole only up to a size
// limit: a small compressed file must not expand into gigabytes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kyosei {

inline constexpr std::uint64_t kMaxZipEntryBytes = 256ull * 1024 * 1024;

// The uncompressed bytes of one entry; nullopt when the archive cannot be
// opened, the entry does not exist, or it is larger than max_bytes.
std::optional<std::string> read_zip_entry(const std::string& zip_path, const std::string& entry,
                                          std::uint64_t max_bytes = kMaxZipEntryBytes);

// Every entry name in archive order; empty when the archive cannot be opened.
std::vector<std::string> list_zip_entries(const std::string& zip_path);

// Every entry of an archive held in memory (e.g. a template embedded in the
// binary), as name and bytes in archive order; nullopt when it cannot be
// opened or an entry is unreadable or larger than max_bytes.
struct ZipPart {
  std::string name;
  std::string bytes;
};
std::optional<std::vector<ZipPart>> read_zip_parts(std::string_view archive,
                                                   std::uint64_t max_bytes = kMaxZipEntryBytes);

}  // namespace kyosei
