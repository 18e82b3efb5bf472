#include "base/fraction.h"

#include <doctest/doctest.h>

#include <limits>
#include <stdexcept>

namespace kyosei {

TEST_CASE("fraction: normalised by gcd with a positive denominator") {
  Fraction a(385, 1000);
  CHECK(a.num() == 77);
  CHECK(a.den() == 200);
  Fraction b(2, -4);
  CHECK(b.num() == -1);
  CHECK(b.den() == 2);
  CHECK(Fraction(0, 7).den() == 1);
  CHECK(Fraction(12).den() == 1);
  CHECK(Fraction(1925, 10000) == Fraction(77, 400));
  CHECK_THROWS_AS(Fraction(1, 0), std::domain_error);
}

TEST_CASE("fraction: arithmetic and comparison are exact") {
  // 3イ: 国 20/100 + 平均5/100 = 1/4.
  CHECK(Fraction(20, 100) + Fraction(5, 100) == Fraction(1, 4));
  CHECK(Fraction(1) - Fraction(385, 1000) - Fraction(1925, 10000) == Fraction(4225, 10000));
  CHECK(Fraction(2, 3) * Fraction(3, 4) == Fraction(1, 2));
  CHECK(-Fraction(1, 3) == Fraction(-1, 3));
  Fraction sum;
  sum += Fraction(1, 2);
  sum -= Fraction(1, 6);
  CHECK(sum == Fraction(1, 3));
  CHECK(Fraction(1, 3) < Fraction(34, 100));
  CHECK(Fraction(1, 2) + Fraction(1, 4) + Fraction(1, 4) <= Fraction(1));
  CHECK_FALSE(Fraction(3, 4) + Fraction(1, 4) > Fraction(1));
  CHECK(Fraction(3, 4) + Fraction(1, 3) > Fraction(1));
}

TEST_CASE("fraction: overflow is an error, never a wrap") {
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  CHECK_THROWS_AS(Fraction(big) * Fraction(2), std::overflow_error);
  CHECK_THROWS_AS(Fraction(big) + Fraction(1), std::overflow_error);
  CHECK_THROWS_AS(Fraction(1, big) + Fraction(1, big - 1), std::overflow_error);
  CHECK_THROWS_AS(-Fraction(std::numeric_limits<std::int64_t>::min()), std::overflow_error);
  // Cross-reduction keeps a large but representable product exact.
  CHECK(Fraction(big, 3) * Fraction(3, big) == Fraction(1));
  CHECK(Fraction(1'000'000'000'000LL) * Fraction(385, 1000) == Fraction(385'000'000'000LL));
}

TEST_CASE("fraction: floor_yen truncates below one yen") {
  CHECK(floor_yen(Fraction(10'000'001) * Fraction(385, 1000)) == 3'850'000);  // 3,850,000.385
  CHECK(floor_yen(Fraction(999'999) * Fraction(385, 1000)) == 384'999);       // 384,999.615: not rounded up
  CHECK(floor_yen(Fraction(7, 2)) == 3);
  CHECK(floor_yen(Fraction(-7, 2)) == -4);
  CHECK(floor_yen(Fraction(6)) == 6);
  CHECK(floor_yen(10'000'001, Fraction(2, 3)) == 6'666'667);
  CHECK(floor_yen(999'999, Fraction(1925, 10000)) == 192'499);
  CHECK(floor_yen(-5, Fraction(1, 2)) == -3);
  // 128-bit intermediate: yen × num alone exceeds 64 bits.
  CHECK(floor_yen(9'000'000'000'000'000'000LL, Fraction(999'999, 1'000'000)) == 8'999'991'000'000'000'000LL);
}

TEST_CASE("fraction: text forms") {
  CHECK(Fraction(385, 1000).to_string() == "77/200");
  CHECK(Fraction(3).to_string() == "3");
  CHECK(Fraction(385, 1000).to_percent_text() == "38.5%");
  CHECK(Fraction(1925, 10000).to_percent_text() == "19.25%");
  CHECK(Fraction(1, 2).to_percent_text() == "50%");
  CHECK(Fraction(1).to_percent_text() == "100%");
  CHECK(Fraction(0).to_percent_text() == "0%");
  CHECK(Fraction(2, 3).to_percent_text() == "約66.67%");
  CHECK(Fraction(1, 6).to_percent_text() == "約16.67%");
  CHECK(Fraction(1, 3).to_percent_text() == "約33.33%");
  CHECK(Fraction(-1, 4).to_percent_text() == "-25%");
}

}  // namespace kyosei
