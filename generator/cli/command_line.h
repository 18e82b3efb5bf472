// The command line of `kyosei` as one table (cli/main.cc kCommands): each
// command's name, usage, summary and handler. The same table dispatches
// the command and writes `kyosei --help`, so the two cannot disagree.
//
// A handler gets the parsed command line (options common to all commands,
// the folders and files after the command) and returns the exit status;
// it checks what its command needs and reports a mistake with usage_error.
#pragma once
#include <string>
#include <vector>

#include "cli/batch_commands.h"
#include "cli/commands.h"

namespace kyosei {

struct CommandLine {
  std::string command;
  std::vector<std::string> args;        // everything after the command, as given
  std::vector<std::string> positional;  // folders and files, in order
  std::string out = "out";              // -o, --output
  bool output_given = false;
  std::string previous;                 // --previous
  CommonOptions opt;
  Shard shard;                          // build-all --shard K/N
  // The first positional argument, or fallback when there is none.
  const std::string& folder(const std::string& fallback) const { return positional.empty() ? fallback : positional[0]; }
};

using CommandHandler = int (*)(const CommandLine&);

struct Command {
  const char* name;     // kyosei NAME
  const char* usage;    // the arguments, as --help shows them (Japanese)
  const char* summary;  // for --help (Japanese; "\n" starts another line); nullptr: not listed
  CommandHandler run;
  // True: the handler reads its options itself from CommandLine::args (the
  // common options below are not parsed, so they are not errors either).
  bool own_options = false;
  size_t max_positional = 1;  // more folders or files than this is a usage error
};

// Prints the message and the hint to --help on stderr; returns exit status 2.
int usage_error(const std::string& msg);

}  // namespace kyosei
