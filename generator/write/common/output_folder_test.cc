#include "write/common/output_folder.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "base/sha256.h"

namespace fs = std::filesystem;

namespace kyosei {

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kyosei-of-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string hash_line(const std::string& bytes, const std::string& rel) { return sha256_hex(bytes) + "  " + rel + "\n"; }

}  // namespace

TEST_CASE("the manifest takes recorded hashes, and reads what changed since") {
  TempDir dir;
  WriteJournal journal;
  set_write_journal(&journal);
  REQUIRE(write_file(dir.path + "/a.html", "first"));
  REQUIRE(write_file(dir.path + "/sub/b.html", "second"));
  set_write_journal(nullptr);
  REQUIRE(journal.find(dir.path + "/a.html"));
  CHECK(journal.find(dir.path + "/./sub/b.html")->sha256 == sha256_hex("second"));  // spelled otherwise
  CHECK_FALSE(journal.find(dir.path + "/c.html"));

  // Changed behind write_file's back (another size), and a file it never wrote.
  REQUIRE(write_file(dir.path + "/sub/b.html", "changed afterwards"));
  REQUIRE(write_file(dir.path + "/c.html", "not recorded"));
  CHECK(output_manifest(dir.path, 2, &journal) == hash_line("first", "a.html") + hash_line("not recorded", "c.html") +
                                                      hash_line("changed afterwards", "sub/b.html"));
  CHECK(output_manifest(dir.path, 2, &journal) == output_manifest(dir.path, 1));
}

TEST_CASE("the manifest reads a file rewritten with the same size") {
  TempDir dir;
  WriteJournal journal;
  set_write_journal(&journal);
  REQUIRE(write_file(dir.path + "/a.html", "aaaa"));
  set_write_journal(nullptr);
  REQUIRE(write_file(dir.path + "/a.html", "bbbb"));
  // Another time stamp than the one recorded (file systems keep it coarse).
  struct timespec times[2] = {{0, UTIME_OMIT}, {12345, 0}};
  REQUIRE(utimensat(AT_FDCWD, (dir.path + "/a.html").c_str(), times, 0) == 0);
  CHECK(output_manifest(dir.path, 1, &journal) == hash_line("bbbb", "a.html"));
}

TEST_CASE("an open output folder records what is written into it") {
  TempDir dir;
  Diagnostics diags;
  auto out = OutputFolder::open(dir.path + "/out", diags);
  REQUIRE(out);
  REQUIRE(write_file(out->path() + "/site/index.html", "<p>x</p>"));
  REQUIRE(out->commit(diags));
  auto marker = read_file(dir.path + "/out/" + OutputFolder::kMarker);
  REQUIRE(marker);
  CHECK(*marker == hash_line("<p>x</p>", "site/index.html"));
}

TEST_CASE("open() removes what a killed build left, whatever moment it was killed") {
  TempDir dir;
  auto leftover = [&](const std::string& suffix, std::initializer_list<const char*> files) {
    std::string folder = dir.path + "/out.tmp-" + suffix;
    fs::create_directories(folder + "/site");
    for (const char* f : files) REQUIRE(write_file(folder + "/" + f, "x"));
    return folder;
  };
  auto age = [](const std::string& folder) {
    struct timespec times[2] = {{0, UTIME_OMIT}, {time(nullptr) - 60, 0}};
    REQUIRE(utimensat(AT_FDCWD, folder.c_str(), times, 0) == 0);
  };
  std::string unlocked = leftover("AAAAAA", {".kyosei-lock", ".kyosei-output", "site/a.html"});
  std::string old_output = leftover("BBBBBB", {".kyosei-output", "site/a.html"});
  std::string lock_only = leftover("CCCCCC", {".kyosei-lock"});
  std::string half_removed = dir.path + "/out.del-DDDDDD";  // killed while it was being removed
  fs::create_directories(half_removed + "/site");
  REQUIRE(write_file(half_removed + "/site/b.html", "x"));
  std::string never_locked = leftover("FFFFFF", {});  // killed between mkdtemp and the lock
  age(never_locked);
  // As mkdtemp leaves it for a moment, or for good when the build is killed
  // then: removed, since its build (if alive) makes another.
  std::string just_made = dir.path + "/out.tmp-EEEEEE";
  fs::create_directories(just_made);
  Diagnostics diags;
  auto out = OutputFolder::open(dir.path + "/out", diags);
  REQUIRE(out);
  for (const auto& gone : {unlocked, old_output, lock_only, half_removed, never_locked, just_made})
    CHECK_MESSAGE(!fs::exists(gone), gone);
  // A build that is running keeps its folder.
  Diagnostics again;
  auto second = OutputFolder::open(dir.path + "/out", again);
  REQUIRE(second);
  CHECK(fs::exists(out->path()));
  // Removing a temporary folder leaves neither it nor a ".del-" folder.
  std::string temp = second->path();
  second.reset();
  CHECK(!fs::exists(temp));
  for (const auto& e : fs::directory_iterator(dir.path)) CHECK(e.path().filename().string().find(".del-") == std::string::npos);
}

}  // namespace kyosei
