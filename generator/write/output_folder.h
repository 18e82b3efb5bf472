// Writes a run's outputs into a fresh temporary folder beside the target,
// then swaps it into place in one step, so that a failed or killed run
// leaves the previous output folder exactly as it was.
//
//   auto out = OutputFolder::open("out", diags);   // creates out.tmp-XXXXXX
//   if (!out) return 3;
//   write_everything(out->path());
//   if (!out->commit(diags)) return 3;             // out.tmp-* becomes out
//
// Destroying an uncommitted OutputFolder removes the temporary folder.
// A target that exists but was not written by kyosei (no marker file) is
// refused, so a mistyped -o never replaces someone's documents folder.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"

namespace kyosei {

class OutputFolder {
 public:
  static std::unique_ptr<OutputFolder> open(const std::string& target, Diagnostics& diags);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  const std::string& path() const { return temp_; }
  bool commit(Diagnostics& diags);

  // The file that marks a folder as kyosei output.
  static constexpr const char* kMarker = ".kyosei-output";

 private:
  OutputFolder(std::string target, std::string temp) : target_(std::move(target)), temp_(std::move(temp)) {}
  std::string target_, temp_;
  bool committed_ = false;
};

}  // namespace kyosei
