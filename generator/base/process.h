// Running another program (a Debian tool such as chromium) and waiting for
// it within a time limit. The program gets /dev/null on stdin; its stdout
// and stderr go to a log file the caller reads when it fails.
//
//   auto chromium = find_program({"chromium"});
//   auto r = run_program(*chromium, {"--headless", …}, {.log_path = log, .wall_seconds = 120});
//   if (!r.succeeded()) …read log…
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kyosei {

// The first of `names` found as an executable on PATH (/usr/bin:/bin when
// PATH is unset), as a full path.
std::optional<std::string> find_program(const std::vector<std::string>& names);

struct RunOptions {
  std::string log_path = "/dev/null";  // stdout and stderr
  int wall_seconds = 120;              // then the program and its children are killed
  // Environment variables set (or replaced) for the program; the rest of
  // the environment is passed on.
  std::vector<std::pair<std::string, std::string>> env;
};

struct RunResult {
  bool started = false;
  bool timed_out = false;
  int exit_status = -1;  // when it exited normally
  bool succeeded() const { return started && !timed_out && exit_status == 0; }
};

// Runs `program` with `args` in its own process group, so that a program
// that starts helpers of its own (chromium does) is stopped whole.
RunResult run_program(const std::string& program, const std::vector<std::string>& args, const RunOptions& options);

}  // namespace kyosei
