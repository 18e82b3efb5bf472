#include "base/file_system.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "base/sha256.h"

namespace fs = std::filesystem;

namespace kyosei {

// POSIX calls rather than streams: a build reads back and writes thousands
// of files, and the stream layers cost more than the copying.
std::optional<std::string> read_file(const std::string& path) {
  // O_NONBLOCK: a FIFO put where a file was expected must not hang the run.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size));
  size_t have = 0;
  for (;;) {
    if (have == out.size()) out.resize(out.size() + 65536);  // the file grew since fstat
    ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(have);
  return out;
}

namespace {
std::atomic<WriteJournal*> current_journal{nullptr};

std::string journal_key(const std::string& path) { return fs::path(path).lexically_normal().string(); }
}  // namespace

void set_write_journal(WriteJournal* journal) { current_journal.store(journal); }

void WriteJournal::record(const std::string& path, std::string_view bytes, unsigned long long size, long long mtime_ns) {
  Entry e{sha256_hex(bytes), size, mtime_ns};  // hashed outside the lock
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[journal_key(path)] = std::move(e);
}

std::optional<WriteJournal::Entry> WriteJournal::find(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(journal_key(path));
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

bool write_file(const std::string& path, std::string_view bytes) {
  const int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
  int fd = ::open(path.c_str(), flags, 0666);
  if (fd < 0 && errno == ENOENT) {  // the folder is not there yet
    std::error_code ec;
    fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    fd = ::open(path.c_str(), flags, 0666);
  }
  if (fd < 0) return false;
  const char* data = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  WriteJournal* journal = current_journal.load();
  struct stat st {};
  bool stat_ok = journal && ::fstat(fd, &st) == 0;
  if (::close(fd) != 0) return false;
  if (stat_ok)
    journal->record(path, bytes, static_cast<unsigned long long>(st.st_size),
                    static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
  return true;
}

std::optional<std::string> FileSystem::resolve(const std::string& path) const {
  fs::path n = fs::path(path).lexically_normal();
  std::string s = n.generic_string();
  if (n.is_absolute() || s == ".." || s.rfind("../", 0) == 0) return std::nullopt;
  return s;
}

std::optional<std::string> RealFileSystem::resolve(const std::string& path) const {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(root_.empty() ? "." : root_, ec), ec);
  if (ec) return std::nullopt;
  fs::path full = fs::weakly_canonical(root / path, ec);
  if (ec) return std::nullopt;
  fs::path rel = full.lexically_relative(root);
  std::string s = rel.generic_string();
  if (rel.empty() || rel.is_absolute() || s == ".." || s.rfind("../", 0) == 0) return std::nullopt;
  return s;
}

std::string RealFileSystem::native_path(const std::string& path) const {
  return (fs::path(root_) / path).string();
}

std::optional<std::string> RealFileSystem::read(const std::string& path) const {
  return read_file(native_path(path));
}

bool RealFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(native_path(path), ec);
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(native_path(path), ec);
}

std::vector<std::string> RealFileSystem::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(native_path(dir), ec))
    if (e.is_regular_file(ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

bool MemoryFileSystem::exists(const std::string& path) const {
  return files_.count(path) > 0 || is_directory(path);
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  std::string prefix = path.empty() ? "" : path + "/";
  for (const auto& [p, _] : files_)
    if (p.size() > prefix.size() && p.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

std::vector<std::string> MemoryFileSystem::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [p, _] : files_) {
    if (p.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = p.substr(prefix.size());
    if (!rest.empty() && rest.find('/') == std::string::npos) out.push_back(rest);
  }
  return out;  // std::map keeps them sorted
}

}  // namespace kyosei
