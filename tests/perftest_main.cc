// Runs the *_perftest.cc measurements. Not part of ctest: speed targets
// live in bench/, never in a timed test.
namespace kyosei {
void perftest_csv();
void perftest_png();
void perftest_search();
}

int main() {
  kyosei::perftest_csv();
  kyosei::perftest_png();
  kyosei::perftest_search();
  return 0;
}
