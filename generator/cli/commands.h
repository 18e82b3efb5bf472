// The subcommands of `kyosei`. Each returns the process exit status:
// 0 ok, 2 invalid input (all problems printed), 3 internal error.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidInput = 2;
inline constexpr int kExitInternal = 3;

struct CommonOptions {
  bool strict = false;  // warnings count as errors
  bool quiet = false;   // only problems are printed
};

int run_check(const std::string& dir, const CommonOptions& opt);
int run_build(const std::string& dir, const std::string& out, const std::string& previous, const CommonOptions& opt);
int run_init(const std::string& dir, const CommonOptions& opt);

// What `kyosei init` writes, as path -> bytes (also used by tests).
std::vector<std::pair<std::string, std::string>> init_files();

}  // namespace kyosei
