// File access behind an interface, so that readers can be tested on a
// virtual disk (MemoryFileSystem) and the real one is used only by the CLI.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kyosei {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Whole file as bytes; nullopt when it does not exist or cannot be read.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // Regular files directly inside dir (names only), sorted.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  // The real path of a file, for libraries that open files themselves
  // (poppler); empty when the file system is virtual.
  virtual std::string native_path(const std::string& path) const = 0;
  // The path with "." segments and symbolic links resolved, relative to
  // the root ("documents/./a.pdf" -> "documents/a.pdf"); nullopt when it
  // leads outside the root (a link to /etc/passwd, "../x").
  virtual std::optional<std::string> resolve(const std::string& path) const;
};

// Paths are relative to root.
class RealFileSystem : public FileSystem {
 public:
  explicit RealFileSystem(std::string root) : root_(std::move(root)) {}
  std::optional<std::string> read(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::string native_path(const std::string& path) const override;
  std::optional<std::string> resolve(const std::string& path) const override;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

// Files held in memory: path -> bytes. Directories exist implicitly.
class MemoryFileSystem : public FileSystem {
 public:
  void put(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }
  void remove(const std::string& path) { files_.erase(path); }
  std::optional<std::string> read(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::string native_path(const std::string&) const override { return ""; }

 private:
  std::map<std::string, std::string> files_;
};

// Reads a whole file from the real disk (absolute or relative path).
std::optional<std::string> read_file(const std::string& path);
// Writes a whole file, creating parent directories. False on failure.
bool write_file(const std::string& path, std::string_view bytes);

// What write_file wrote while a journal was set: for each file its SHA-256,
// hashed from the bytes in hand, with the size and modification time the
// file had then. The output folder's manifest (write/common/output_folder.h)
// takes a file's hash from here when the file still has that size and
// time, instead of reading it back. Thread-safe.
class WriteJournal {
 public:
  struct Entry {
    std::string sha256;
    unsigned long long size = 0;
    long long mtime_ns = 0;
  };
  void record(const std::string& path, std::string_view bytes, unsigned long long size, long long mtime_ns);
  // nullopt when path (spelled as given, normalised) was not recorded.
  std::optional<Entry> find(const std::string& path) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};
// write_file records into `journal` from now on (nullptr: into none).
void set_write_journal(WriteJournal* journal);

}  // namespace kyosei
