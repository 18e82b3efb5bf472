#include "base/zip_writer.h"

#include <zip.h>

namespace kyosei {

namespace {

// DOS date and time of a UTC time: what a ZIP entry header holds.
void dos_time(std::time_t t, zip_uint16_t& dtime, zip_uint16_t& ddate) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  if (tm.tm_year < 80) tm = std::tm{0, 0, 0, 1, 0, 80, 0, 0, 0, 0, nullptr};
  dtime = static_cast<zip_uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  ddate = static_cast<zip_uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

}  // namespace

std::optional<std::string> make_zip(const std::vector<ZipEntry>& entries, std::time_t time) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (!target) return std::nullopt;
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, nullptr);
  if (!archive) {
    zip_source_free(target);
    return std::nullopt;
  }
  zip_source_keep(target);  // still ours after zip_close, to read the result
  zip_uint16_t dtime = 0, ddate = 0;
  dos_time(time, dtime, ddate);
  bool ok = true;
  for (const ZipEntry& e : entries) {
    // libzip copies nothing: the entry's bytes must live until zip_close.
    zip_source_t* src = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
    zip_int64_t index = src ? zip_file_add(archive, e.name.c_str(), src, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (src) zip_source_free(src);
      ok = false;
      break;
    }
    auto i = static_cast<zip_uint64_t>(index);
    ok = zip_set_file_compression(archive, i, e.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                  e.deflate ? kOfficeDeflateLevel : 0) == 0 &&
         zip_file_set_dostime(archive, i, dtime, ddate, 0) == 0 &&
         zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) == 0;
    if (!ok) break;
  }
  if (!ok || zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(target);
    return std::nullopt;
  }
  std::optional<std::string> out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(target, &st) == 0 && zip_source_open(target) == 0) {
    std::string bytes(static_cast<size_t>(st.size), '\0');
    zip_int64_t n = zip_source_read(target, bytes.data(), st.size);
    zip_source_close(target);
    if (n >= 0 && static_cast<zip_uint64_t>(n) == st.size) out = std::move(bytes);
  }
  zip_source_free(target);
  return out;
}

}  // namespace kyosei
