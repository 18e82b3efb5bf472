// Runs a risky piece of work (reading a PDF from the inputs) in a child
// process with limits on CPU time, wall time and memory, so that one
// hostile file can neither hang nor exhaust the build: the child is this
// same program started again (/proc/self/exe, a fresh single-threaded
// process, whatever threads the parent runs), told which task to do by the
// environment variable KYOSEI_SANDBOX_TASK. It gets its input on stdin and
// answers on stdout; nothing else of the parent is shared.
//
//   parent:  auto r = run_sandboxed("pdf-read", "", pdf_bytes, limits);
//            if (r.outcome == SandboxOutcome::Finished) parse(r.output);
//   child:   a static initializer (see pdf_reader.cc) calls
//            sandbox_child_main, which reads stdin, writes stdout and calls
//            _exit before main().
// To spare each task a fresh start of the program, the children are forked
// from one such child started once (a zygote, see sandbox.cc).
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

struct SandboxLimits {
  int cpu_seconds = 20;        // RLIMIT_CPU
  int wall_seconds = 60;       // killed after this, even when blocked
  long memory_mb = 2048;       // RLIMIT_AS (not under AddressSanitizer)
  long max_output_mb = 512;    // more output than this counts as a failure
};

enum class SandboxOutcome { Finished, TimedOut, Failed };

struct SandboxResult {
  SandboxOutcome outcome = SandboxOutcome::Failed;
  std::string output;  // the child's stdout (when Finished)
};

// Starts the child with task and argument, feeds it input, waits within
// the limits. Finished means it exited with status 0.
SandboxResult run_sandboxed(const std::string& task, const std::string& argument, std::string_view input,
                            const SandboxLimits& limits);

// What a child does for a task: its answer (stdout) to the input (stdin).
using SandboxTask = std::string (*)(const std::string& task, const std::string& argument, const std::string& input);
// What the zygote does once before it serves: state every task would make
// for itself (a library's globals), made once and inherited by each fork.
using SandboxPrepare = void (*)();
// Called by the static initializer that owns the tasks: in a child, does
// its task with run and exits (a zygote, which forks the children of
// run_sandboxed, serves until the build exits); returns at once when this
// process is not a sandbox child.
void sandbox_child_main(SandboxTask run, SandboxPrepare prepare = nullptr);

// Starts the zygote now as a fork of this process, which costs a fraction
// of a millisecond where a fresh start of the program costs ~13 ms. Call
// it before any input is read and before any thread is started: it does
// nothing when the process runs more than one thread (the zygote is then
// started afresh when the first task is asked for).
void sandbox_start_early();

// In a child: the task and argument it was started for ("" when this
// process is not a sandbox child).
std::string sandbox_task();
std::string sandbox_argument();
// Child side: all of stdin; write all of stdout and exit.
std::string sandbox_read_input();
[[noreturn]] void sandbox_finish(std::string_view output);

// The length-prefixed fields the tasks answer with.
void put_field(std::string& out, std::string_view field);
bool get_field(std::string_view& in, std::string& field);

}  // namespace kyosei
