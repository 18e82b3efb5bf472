// doctest's main for all unit tests (generator/**/*_test.cc).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
