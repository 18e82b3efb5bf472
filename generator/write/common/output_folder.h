// Writes a run's outputs into a fresh temporary folder beside the target,
// then swaps it into place in one step, so that a failed or killed run
// leaves the previous output folder exactly as it was.
//
//   auto out = OutputFolder::open("out", diags);   // creates out.tmp-XXXXXX
//   if (!out) return 2;                            // errors in diags
//   write_everything(out->path());
//   if (!out->commit(diags)) return 3;             // out.tmp-* becomes out
//
// Destroying an uncommitted OutputFolder removes the temporary folder.
//
// Never losing the officer's work: the marker file .kyosei-output is the
// folder's manifest, one "sha256  path" line per file kyosei wrote (the
// format of sha256sum, so `sha256sum -c .kyosei-output` checks it). Before
// anything is written, every file in the existing target is compared with
// it; a file kyosei did not write (a note, an inputs folder kept inside),
// or one changed since (an edited plan draft), would be lost by the swap, so
// open() refuses with one error per file (exit 2), unless the officer asked
// for backup_foreign: those files are then moved, at commit, to
// "<target>.退避-YYYYMMDD-HHMMSS/" beside the target, keeping their paths.
// A target without a marker that is not empty is refused whole, as before.
//
// Leftover "<target>.tmp-*" folders of a killed run are removed by the next
// open(): a running build holds a lock (flock) on its temporary folder's
// .kyosei-lock, which the kernel drops when the process dies. A temporary
// folder is renamed to "<target>.del-*" before it is removed, so a kill
// during the removal leaves nothing the next open() cannot tell. Folders are
// created with the permissions the umask allows (mkdtemp alone gives 0700).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace kyosei {

struct OutputFolderOptions {
  bool backup_foreign = false;  // build --backup
  int jobs = 1;                 // build --jobs: threads that hash the files (manifest, edited files)
};

class OutputFolder {
 public:
  static std::unique_ptr<OutputFolder> open(const std::string& target, Diagnostics& diags,
                                            OutputFolderOptions options = {});
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  const std::string& path() const { return temp_; }
  bool commit(Diagnostics& diags);
  // The writers' problems as the officer should read them: about the
  // target folder they named, not the temporary one (out.tmp-XXXXXX) the
  // writers wrote into, which no one chose and which is gone once the run
  // ends. Every failed staged build reports through this.
  Diagnostics about_target(const Diagnostics& diags) const;
  // Where commit() moved foreign files (empty when there were none).
  const std::string& backup_folder() const { return backup_; }
  const std::vector<std::string>& backed_up() const { return moved_; }

  // The file that marks a folder as kyosei output; it holds the manifest.
  static constexpr const char* kMarker = ".kyosei-output";
  // Held locked by a running build inside its temporary folder.
  static constexpr const char* kLock = ".kyosei-lock";

  // An error when `folder` (an input or --previous folder; `what` says
  // which) is the output folder or lies inside it: the swap would delete it.
  static bool refuse_inside(const std::string& target, const std::string& folder, const std::string& what,
                            Diagnostics& diags);

 private:
  OutputFolder(std::string target, std::string temp, int lock_fd, OutputFolderOptions options);
  std::string target_, temp_;
  int lock_fd_ = -1;
  OutputFolderOptions options_;
  bool committed_ = false;
  std::string backup_;
  std::vector<std::string> moved_;
  // What write_file wrote meanwhile, with hashes: the manifest need not
  // read those files back (base/file_system.h). Set while this folder is open.
  std::unique_ptr<WriteJournal> journal_;
};

// The manifest's text for the files under `root` (sorted, marker and lock
// excluded), and its parsed form: path -> sha256. Exposed for tests.
// A file that `journal` recorded, and that still has the recorded size and
// time, is not read again.
std::string output_manifest(const std::string& root, int jobs = 1, const WriteJournal* journal = nullptr);
std::optional<std::vector<std::pair<std::string, std::string>>> parse_output_manifest(const std::string& text);

}  // namespace kyosei
