#include "base/sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

extern char** environ;

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KYOSEI_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KYOSEI_ASAN 1
#endif

namespace kyosei {

namespace {

constexpr const char* kTaskVar = "KYOSEI_SANDBOX_TASK";
constexpr const char* kArgVar = "KYOSEI_SANDBOX_ARG";

double now_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

}  // namespace

std::string sandbox_task() {
  const char* t = std::getenv(kTaskVar);
  return t ? t : "";
}

std::string sandbox_argument() {
  const char* a = std::getenv(kArgVar);
  return a ? a : "";
}

std::string sandbox_read_input() {
  std::string in;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(0, buf, sizeof buf);
    if (n > 0) in.append(buf, static_cast<size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  return in;
}

void sandbox_finish(std::string_view output) {
  size_t done = 0;
  while (done < output.size()) {
    ssize_t n = ::write(1, output.data() + done, output.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(4);
    done += static_cast<size_t>(n);
  }
  _exit(0);
}

void put_field(std::string& out, std::string_view field) {
  uint64_t n = field.size();
  for (int i = 0; i < 8; ++i) out += static_cast<char>((n >> (8 * i)) & 0xFF);
  out.append(field);
}

bool get_field(std::string_view& in, std::string& field) {
  if (in.size() < 8) return false;
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  in.remove_prefix(8);
  if (n > in.size()) return false;
  field.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

SandboxResult run_sandboxed(const std::string& task, const std::string& argument, std::string_view input,
                            const SandboxLimits& limits) {
  SandboxResult result;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return result;
  // posix_spawn, not fork: a fork copies the page tables of the whole
  // build (hundreds of MB by then) for each PDF only to exec at once. The
  // limits are set on the started child before it is sent its input, so
  // they hold for all of its work.
  std::string task_env = std::string(kTaskVar) + "=" + task, arg_env = std::string(kArgVar) + "=" + argument;
  std::vector<char*> envp;
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "KYOSEI_SANDBOX_", 15) != 0) envp.push_back(*e);
  envp.push_back(task_env.data());
  envp.push_back(arg_env.data());
  envp.push_back(nullptr);
  char name[] = "kyosei-sandbox";
  char* argv[] = {name, nullptr};
  rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds + 1)};
  rlimit mem{static_cast<rlim_t>(limits.memory_mb) << 20, static_cast<rlim_t>(limits.memory_mb) << 20};
  rlimit none{0, 0};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 0);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    close(sv[0]);
    close(sv[1]);
    return result;
  }
  bool limited = prlimit(pid, RLIMIT_CPU, &cpu, nullptr) == 0;
#ifndef KYOSEI_ASAN
  limited = limited && prlimit(pid, RLIMIT_AS, &mem, nullptr) == 0;
#endif
  limited = limited && prlimit(pid, RLIMIT_CORE, &none, nullptr) == 0;
  limited = limited && prlimit(pid, RLIMIT_FSIZE, &none, nullptr) == 0;  // the child writes no files
  if (!limited) {  // never run a PDF task without its limits
    close(sv[0]);
    close(sv[1]);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return result;
  }
  close(sv[1]);
  int fd = sv[0];
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  double deadline = now_seconds() + limits.wall_seconds;
  size_t sent = 0;
  bool write_open = true, timed_out = false, too_much = false;
  if (input.empty()) {
    shutdown(fd, SHUT_WR);
    write_open = false;
  }
  char buf[65536];
  for (;;) {
    double left = deadline - now_seconds();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fd, static_cast<short>(POLLIN | (write_open ? POLLOUT : 0)), 0};
    int r = poll(&p, 1, static_cast<int>(left * 1000) + 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) break;
    if (r == 0) continue;
    if (write_open && (p.revents & POLLOUT)) {
      ssize_t n = send(fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) sent += static_cast<size_t>(n);
      if (n < 0 && errno != EAGAIN && errno != EINTR) write_open = false;
      if (sent == input.size() || !write_open) {
        shutdown(fd, SHUT_WR);
        write_open = false;
      }
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n > 0) {
        result.output.append(buf, static_cast<size_t>(n));
        if (result.output.size() > (static_cast<size_t>(limits.max_output_mb) << 20)) {
          too_much = true;
          break;
        }
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        break;  // the child closed its end: it has finished or died
      }
    }
  }
  close(fd);
  if (timed_out || too_much) kill(pid, SIGKILL);
  int status = 0;
  // The child has closed its socket; its exit follows at once, but a child
  // that closed stdout and then spins is still bounded by the deadline.
  for (;;) {
    pid_t w = waitpid(pid, &status, timed_out || too_much ? 0 : WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (w == 0) {
      if (now_seconds() > deadline) {
        kill(pid, SIGKILL);
        timed_out = true;
        waitpid(pid, &status, 0);
        break;
      }
      usleep(2000);
    }
  }
  if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) result.outcome = SandboxOutcome::TimedOut;
  else if (!too_much && WIFEXITED(status) && WEXITSTATUS(status) == 0) result.outcome = SandboxOutcome::Finished;
  else result.outcome = SandboxOutcome::Failed;
  if (result.outcome != SandboxOutcome::Finished) result.output.clear();
  return result;
}

}  // namespace kyosei
