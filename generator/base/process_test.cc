#include "base/process.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace kyosei {

TEST_CASE("find_program finds a shell and not a name that is nowhere") {
  auto sh = find_program({"kyosei-no-such-program", "sh"});
  REQUIRE(sh);
  CHECK(sh->find("/sh") != std::string::npos);
  CHECK(!find_program({"kyosei-no-such-program"}));
}

TEST_CASE("run_program: exit status, environment and log") {
  auto sh = find_program({"sh"});
  REQUIRE(sh);
  CHECK(run_program(*sh, {"-c", "exit 0"}, {}).succeeded());
  RunResult three = run_program(*sh, {"-c", "exit 3"}, {});
  CHECK(three.started);
  CHECK(three.exit_status == 3);
  CHECK(!three.succeeded());
  std::string log = (std::filesystem::temp_directory_path() / ("kyosei-process-test-" + std::to_string(getpid()))).string();
  RunOptions with_env{.log_path = log, .env = {{"KYOSEI_PROCESS_TEST", "値"}, {"HOME", "/nowhere"}}};
  CHECK(run_program(*sh, {"-c", "echo \"$KYOSEI_PROCESS_TEST $HOME\"; test \"$HOME\" = /nowhere"}, with_env).succeeded());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "値 /nowhere\n");
  std::remove(log.c_str());
  CHECK(!run_program("/nonexistent/kyosei-program", {}, {}).started);
}

TEST_CASE("run_program stops a program and its children after the time limit") {
  auto sh = find_program({"sh"});
  REQUIRE(sh);
  auto start = std::chrono::steady_clock::now();
  // The child's own child holds the log open: the whole group must go.
  RunResult r = run_program(*sh, {"-c", "sleep 30 & sleep 30"}, {.wall_seconds = 1});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.timed_out);
  CHECK(!r.succeeded());
  CHECK(seconds < 10);
}

}  // namespace kyosei
