#include "cli/command_line.h"

#include <iostream>

namespace kyosei {

int usage_error(const std::string& msg) {
  std::cerr << "kyosei: " << msg << "\n使い方は kyosei --help で表示できます。\n";
  return kExitInvalidInput;
}

}  // namespace kyosei
