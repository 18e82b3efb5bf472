// Runs the *_perftest.cc measurements. Not part of ctest: speed targets
// live in bench/, never in a timed test.
namespace kyosei {
void perftest_csv();
}

int main() {
  kyosei::perftest_csv();
  return 0;
}
