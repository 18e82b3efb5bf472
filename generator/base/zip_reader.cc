#include "base/zip_reader.h"

#include <zip.h>

#include <memory>

namespace kyosei {

namespace {

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read-only: nothing to save
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

Archive open_archive(const std::string& path) {
  int err = 0;
  return Archive(zip_open(path.c_str(), ZIP_RDONLY, &err));
}

}  // namespace

std::optional<std::string> read_zip_entry(const std::string& zip_path, const std::string& entry,
                                          std::uint64_t max_bytes) {
  Archive archive = open_archive(zip_path);
  if (!archive) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive.get(), entry.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
  if (st.size > max_bytes) return std::nullopt;
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(archive.get(), entry.c_str(), 0));
  if (!file) return std::nullopt;
  std::string bytes(static_cast<size_t>(st.size), '\0');
  zip_uint64_t done = 0;
  while (done < st.size) {
    zip_int64_t n = zip_fread(file.get(), bytes.data() + done, st.size - done);
    if (n <= 0) return std::nullopt;  // error, or shorter than its header claims
    done += static_cast<zip_uint64_t>(n);
  }
  return bytes;
}

std::vector<std::string> list_zip_entries(const std::string& zip_path) {
  std::vector<std::string> names;
  Archive archive = open_archive(zip_path);
  if (!archive) return names;
  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (name) names.emplace_back(name);
  }
  return names;
}

std::optional<std::vector<ZipPart>> read_zip_parts(std::string_view bytes, std::uint64_t max_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_error_fini(&error);
  if (!src) return std::nullopt;
  Archive archive(zip_open_from_source(src, ZIP_RDONLY, nullptr));
  if (!archive) {
    zip_source_free(src);  // not taken over when the open fails
    return std::nullopt;
  }
  std::vector<ZipPart> parts;
  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_NAME))
      return std::nullopt;
    if (st.size > max_bytes) return std::nullopt;
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), index, 0));
    if (!file) return std::nullopt;
    ZipPart part{st.name, std::string(static_cast<size_t>(st.size), '\0')};
    zip_uint64_t done = 0;
    while (done < st.size) {
      zip_int64_t n = zip_fread(file.get(), part.bytes.data() + done, st.size - done);
      if (n <= 0) return std::nullopt;
      done += static_cast<zip_uint64_t>(n);
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace kyosei
