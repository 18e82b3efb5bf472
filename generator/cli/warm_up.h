// What every build makes the same way on first use — the data files
// compiled into kyosei parsed, ICU's normalisers and Japanese word
// dictionary loaded, the PDF library's globals — made once by build-all
// before it forks one build per municipality. Each fork then starts with
// them (the memory is shared copy-on-write) instead of making them again.
//
// Nothing here reads an input, holds a file open or starts a thread: the
// forks must be copies of a single-threaded process (cli/batch_commands.cc).
// What is made is what a build would make for itself, so the outputs are
// the same byte for byte (tests/e2e/test_batch.py compares them).
#pragma once

namespace kyosei {

void warm_up_before_forks();

}  // namespace kyosei
