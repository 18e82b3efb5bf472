#include "base/sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sched.h>
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

namespace {

// A message of `iov` with room for one file descriptor (SCM_RIGHTS) in cbuf.
msghdr one_fd_message(iovec& iov, char* cbuf, size_t cbuf_size) {
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = cbuf;
  msg.msg_controllen = cbuf_size;
  return msg;
}

constexpr const char* kZygoteTask = "sandbox-zygote";

// The tasks of this program, as sandbox_child_main was given them (for a
// zygote forked by sandbox_start_early).
SandboxTask g_tasks = nullptr;
SandboxPrepare g_prepare = nullptr;

[[noreturn]] void serve(SandboxTask run);

// Whether this process runs one thread only (a fork of it is then safe).
bool single_threaded() {
  int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[1024];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return false;
  buf[n] = '\0';
  // Field 20 (num_threads), counted after the ')' that ends the name.
  const char* p = std::strrchr(buf, ')');
  for (int field = 2; p && field < 20; ++field) p = std::strchr(p + 1, ' ');
  return p && std::atoi(p + 1) == 1;
}

// The limits as the child applies them to itself (zygote) or the parent
// sets them on the started child (posix_spawn).
struct Rlimits {
  rlimit cpu, mem, none;
};
Rlimits rlimits_of(const SandboxLimits& limits) {
  return {{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds + 1)},
          {static_cast<rlim_t>(limits.memory_mb) << 20, static_cast<rlim_t>(limits.memory_mb) << 20},
          {0, 0}};
}

// posix_spawn, not fork: a fork copies the page tables of the whole
// build (hundreds of MB by then) for each PDF only to exec at once. The
// limits are set on the started child before it is sent its input, so
// they hold for all of its work. False (sockets closed) on failure.
bool spawn_child(const std::string& task, const std::string& argument, const SandboxLimits& limits, int sv[2],
                 pid_t& pid) {
  std::string task_env = std::string(kTaskVar) + "=" + task, arg_env = std::string(kArgVar) + "=" + argument;
  std::vector<char*> envp;
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "KYOSEI_SANDBOX_", 15) != 0) envp.push_back(*e);
  envp.push_back(task_env.data());
  envp.push_back(arg_env.data());
  envp.push_back(nullptr);
  char name[] = "kyosei-sandbox";
  char* argv[] = {name, nullptr};
  Rlimits l = rlimits_of(limits);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 0);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid = -1;
  int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    close(sv[0]);
    close(sv[1]);
    return false;
  }
  bool limited = prlimit(pid, RLIMIT_CPU, &l.cpu, nullptr) == 0;
#ifndef KYOSEI_ASAN
  limited = limited && prlimit(pid, RLIMIT_AS, &l.mem, nullptr) == 0;
#endif
  limited = limited && prlimit(pid, RLIMIT_CORE, &l.none, nullptr) == 0;
  limited = limited && prlimit(pid, RLIMIT_FSIZE, &l.none, nullptr) == 0;  // the child writes no files
  if (!limited) {  // never run a PDF task without its limits
    close(sv[0]);
    close(sv[1]);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return false;
  }
  close(sv[1]);
  return true;
}

// The zygote: one child, single-threaded and without any input read,
// that forks a child per task. It is a fork of the build made before the
// build starts threads or reads inputs (sandbox_start_early), or else a
// fresh start of /proc/self/exe when the first task is asked for. A fork
// of it costs well under a millisecond where a fresh start costs ~15 ms
// (dynamic linking of poppler, qpdf and their libraries), and each task
// still runs in its own process, from the same untouched state, with its
// own limits. The forked child is made the build's child (CLONE_PARENT),
// so the build waits for it, kills it and reads its exit status exactly
// as for a spawned one. When the zygote
// cannot be started or has gone, tasks are spawned as before.
class Zygote;
Zygote& zygote();

class Zygote {
 public:
  // The started child and the build's end of its socket, or pid -1.
  pid_t start(const std::string& task, const std::string& argument, const SandboxLimits& limits, int child_end) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!started_) launch();
    if (control_ < 0) return -1;
    std::string request;
    put_field(request, task);
    put_field(request, argument);
    put_field(request, std::to_string(limits.cpu_seconds));
    put_field(request, std::to_string(limits.memory_mb));
    iovec iov{request.data(), request.size()};
    alignas(cmsghdr) char cbuf[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg = one_fd_message(iov, cbuf, sizeof cbuf);
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &child_end, sizeof(int));
    ssize_t n;
    do n = sendmsg(control_, &msg, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n != static_cast<ssize_t>(request.size())) return fail();
    int32_t pid = -1;
    do n = recv(control_, &pid, sizeof pid, 0);
    while (n < 0 && errno == EINTR);
    if (n != sizeof pid) return fail();
    return pid;
  }

  // The zygote as a fork of this single-threaded process, which has read
  // no input yet (see sandbox_start_early). Its memory is then a copy of a
  // program that has only parsed its command line; it sheds everything
  // else the process holds (descriptors, signal handlers) before serving.
  void fork_early() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_ || !g_tasks || !single_threaded()) return;
    started_ = true;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return;
    pid_t pid = fork();
    if (pid == 0) {
      int null_fd = open("/dev/null", O_RDWR);
      if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0 || dup2(null_fd, 2) < 0) _exit(5);
      if (sv[1] != 3 && dup2(sv[1], 3) < 0) _exit(5);
      close_range(4, ~0U, 0);
      for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      rlimit zero{0, 0};
      if (setrlimit(RLIMIT_CORE, &zero) != 0 || setrlimit(RLIMIT_FSIZE, &zero) != 0) _exit(5);
      serve(g_tasks);
    }
    close(sv[1]);
    if (pid < 0) {
      close(sv[0]);
      return;
    }
    control_ = sv[0];
    pid_ = pid;
    std::atexit([] { zygote().stop(); });
  }

 private:
  void launch() {
    started_ = true;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return;
    std::vector<char*> envp;
    for (char** e = environ; e && *e; ++e)
      if (std::strncmp(*e, "KYOSEI_SANDBOX_", 15) != 0) envp.push_back(*e);
    std::string task_env = std::string(kTaskVar) + "=" + kZygoteTask;
    envp.push_back(task_env.data());
    envp.push_back(nullptr);
    char name[] = "kyosei-sandbox";
    char* argv[] = {name, nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, sv[1], 3);
    pid_t pid = -1;
    int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(sv[1]);
    if (spawned != 0) {
      close(sv[0]);
      return;
    }
    rlimit none{0, 0};
    prlimit(pid, RLIMIT_CORE, &none, nullptr);
    prlimit(pid, RLIMIT_FSIZE, &none, nullptr);
    control_ = sv[0];
    pid_ = pid;
    // At exit the zygote is told to end and waited for, so that it is not
    // left behind and its time counts as the build's.
    std::atexit([] { zygote().stop(); });
  }
  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (control_ >= 0) close(control_);
    control_ = -1;
    if (pid_ > 0)
      while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
      }
    pid_ = -1;
  }
  pid_t fail() {
    close(control_);
    control_ = -1;
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    return -1;
  }

  std::mutex mutex_;
  bool started_ = false;
  int control_ = -1;  // the build's end of the request socket
  pid_t pid_ = -1;
};

Zygote& zygote() {
  static Zygote* z = new Zygote;  // never destroyed: its socket closing at exit ends the zygote
  return *z;
}

// In the zygote: answers requests until the build closes the socket.
[[noreturn]] void serve(SandboxTask run) {
  const int control = 3;
  signal(SIGCHLD, SIG_IGN);  // its own children: none stay (forks are the build's)
  if (g_prepare) g_prepare();
  for (;;) {
    char buf[65536];
    iovec iov{buf, sizeof buf};
    alignas(cmsghdr) char cbuf[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg = one_fd_message(iov, cbuf, sizeof cbuf);
    ssize_t n = recvmsg(control, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(0);
    int fd = -1;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
      if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(sizeof(int)))
        std::memcpy(&fd, CMSG_DATA(c), sizeof(int));
    std::string_view in(buf, static_cast<size_t>(n));
    std::string task, argument, cpu, mb;
    int32_t pid = -1;
    if (fd >= 0 && !(msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) && get_field(in, task) && get_field(in, argument) &&
        get_field(in, cpu) && get_field(in, mb)) {
      SandboxLimits limits;
      limits.cpu_seconds = std::atoi(cpu.c_str());
      limits.memory_mb = std::atol(mb.c_str());
      // A fork whose parent is the build (the zygote's parent).
      long r = syscall(SYS_clone, CLONE_PARENT | SIGCHLD, nullptr, nullptr, nullptr, nullptr);
      if (r == 0) {
        close(control);
        if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0) _exit(5);
        close(fd);
        Rlimits l = rlimits_of(limits);
        bool limited = setrlimit(RLIMIT_CPU, &l.cpu) == 0;
#ifndef KYOSEI_ASAN
        limited = limited && setrlimit(RLIMIT_AS, &l.mem) == 0;
#endif
        limited = limited && setrlimit(RLIMIT_CORE, &l.none) == 0 && setrlimit(RLIMIT_FSIZE, &l.none) == 0;
        if (!limited) _exit(5);  // never run a task without its limits
        setenv(kTaskVar, task.c_str(), 1);
        setenv(kArgVar, argument.c_str(), 1);
        sandbox_finish(run(task, argument, sandbox_read_input()));
      }
      if (r > 0) pid = static_cast<int32_t>(r);
    }
    if (fd >= 0) close(fd);
    ssize_t w;
    do w = send(control, &pid, sizeof pid, MSG_NOSIGNAL);
    while (w < 0 && errno == EINTR);
    if (w != sizeof pid) _exit(0);
  }
}

}  // namespace

void sandbox_child_main(SandboxTask run, SandboxPrepare prepare) {
  g_prepare = prepare;
  std::string task = sandbox_task();
  if (task.empty()) {
    g_tasks = run;
    return;
  }
  if (task == kZygoteTask) serve(run);
  sandbox_finish(run(task, sandbox_argument(), sandbox_read_input()));
}

void sandbox_start_early() { zygote().fork_early(); }

SandboxResult run_sandboxed(const std::string& task, const std::string& argument, std::string_view input,
                            const SandboxLimits& limits) {
  SandboxResult result;
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return result;
  pid_t pid = zygote().start(task, argument, limits, sv[1]);
  if (pid > 0) {
    close(sv[1]);
  } else if (!spawn_child(task, argument, limits, sv, pid)) {
    return result;
  }
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
  // that closed stdout and then spins is still bounded by the deadline. Its
  // exit is waited for on a pidfd (no polling: a build reads thousands of
  // PDFs), or, where there is none, by polling at growing intervals.
  int exited = timed_out || too_much ? -1 : static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  useconds_t pause = 50;
  for (;;) {
    pid_t w = waitpid(pid, &status, timed_out || too_much ? 0 : WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    if (w == 0) {
      double left = deadline - now_seconds();
      if (left <= 0) {
        kill(pid, SIGKILL);
        timed_out = true;
        waitpid(pid, &status, 0);
        break;
      }
      if (exited >= 0) {
        pollfd p{exited, POLLIN, 0};
        poll(&p, 1, static_cast<int>(left * 1000) + 1);
      } else {
        usleep(pause);
        pause = std::min<useconds_t>(pause * 2, 2000);
      }
    }
  }
  if (exited >= 0) close(exited);
  if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) result.outcome = SandboxOutcome::TimedOut;
  else if (!too_much && WIFEXITED(status) && WEXITSTATUS(status) == 0) result.outcome = SandboxOutcome::Finished;
  else result.outcome = SandboxOutcome::Failed;
  if (result.outcome != SandboxOutcome::Finished) result.output.clear();
  return result;
}

}  // namespace kyosei
