// `kyosei build-all PARENT -o OUT`: one `kyosei build` per municipality
// folder under PARENT (a folder with a municipality.toml), several at once,
// each into OUT/<folder>/ (atomic, as a single build: write/common/output_folder.h),
// the biggest inputs started first so that no 政令市 is left to the end.
//
// The builds run in worker processes (forks of this one, one per job),
// each building one municipality after another, so one municipality's bad
// input — or even a crash, which ends only its worker — is reported with
// its place and the others go on. Exit 0 when all were built, 2 when any failed (all
// failures are listed at the end, with their 団体コード).
//
// --shard K/N keeps the municipalities whose 団体コード (first five digits)
// modulo N is K-1: a municipality's shard depends on its code only, so
// shards do not move when folders are added, and N machines (GNU parallel,
// a Slurm array, a CI matrix) can each build one (README.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace kyosei {

struct Shard {
  int index = 1;  // K, from 1
  int count = 1;  // N
};
// "K/N" with 1 <= K <= N <= 100000, else nullopt.
std::optional<Shard> parse_shard(const std::string& text);

// One municipality folder of a batch.
struct BatchEntry {
  std::string folder;  // its name under PARENT
  std::string code;    // 団体コード from municipality.toml ("" when unreadable)
};

// The municipality folders under parent in build order (by 団体コード,
// then folder name), restricted to one shard. A folder whose code cannot
// be read is in shard 1 (its build will report why).
std::vector<BatchEntry> batch_entries(const std::string& parent, const Shard& shard);

int run_build_all(const std::string& parent, const std::string& out, const Shard& shard, const CommonOptions& opt);

}  // namespace kyosei
