// Output file names that every file system accepts: a path segment longer
// than NAME_MAX (255 bytes on Linux; 83 Japanese characters are 249 bytes
// before ".pdf.html") is shortened deterministically, keeping its
// extension: the first bytes (cut on a character boundary), "~" and 16 hex
// digits of the SHA-256 of the whole segment, so two long names never meet.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

inline constexpr std::size_t kMaxNameBytes = 255;

// One segment ("a.html").
std::string fit_file_name(std::string_view name);
// Every segment of a relative path ("documents/…/x.pdf.html").
std::string fit_path(std::string_view path);

}  // namespace kyosei
