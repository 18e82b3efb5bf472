// An exact rational number for money arithmetic: the 交付金 ratios of
// data/jusou_funding.csv (38.5/100 is kept as 385/1000) times yen amounts,
// so that a share is rounded once, at the end, by a stated rule.
//
//   Fraction national = Fraction(385, 1000) * Fraction(10'000'001);
//   long long yen = floor_yen(national);  // 3,850,000 (1円未満切り捨て)
//
// Invariants: the denominator is positive and gcd(num, den) == 1, so equal
// values have equal members. Every operation computes in 128 bits and throws
// std::overflow_error when the normalised result does not fit in int64
// (never silently wraps); std::domain_error on a zero denominator.
#pragma once
#include <compare>
#include <cstdint>
#include <string>

namespace kyosei {

class Fraction {
 public:
  constexpr Fraction() = default;
  Fraction(std::int64_t integer);  // NOLINT(google-explicit-constructor): 12 is 12/1
  Fraction(std::int64_t num, std::int64_t den);

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }  // > 0
  bool is_zero() const { return num_ == 0; }

  friend Fraction operator+(const Fraction& a, const Fraction& b);
  friend Fraction operator-(const Fraction& a, const Fraction& b);
  friend Fraction operator*(const Fraction& a, const Fraction& b);
  Fraction operator-() const;
  Fraction& operator+=(const Fraction& b) { return *this = *this + b; }
  Fraction& operator-=(const Fraction& b) { return *this = *this - b; }

  friend bool operator==(const Fraction& a, const Fraction& b) = default;
  friend std::strong_ordering operator<=>(const Fraction& a, const Fraction& b);

  // "77/200", "1/2", "3" (an integer has no denominator). Ratios as the
  // source wrote them ("38.5/100") are kept in FundingRatio::ratio_text;
  // this is the exact reduced form.
  std::string to_string() const;
  // "38.5%", "50%", "19.25%"; a value whose decimal expansion does not end
  // within 4 places is rounded half up to 2 places and marked 約:
  // 2/3 -> "約66.67%".
  std::string to_percent_text() const;

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// The largest whole number of yen not above the value (1円未満切り捨て):
// floor_yen(7/2) == 3, floor_yen(-7/2) == -4.
std::int64_t floor_yen(const Fraction& yen_times_ratio);
// floor(yen × ratio) computed in 128 bits, so a ratio with a large
// denominator cannot overflow on the way (the result must fit in int64:
// it does for 0 ≤ ratio ≤ 1). Same value as floor_yen(Fraction(yen) * ratio).
std::int64_t floor_yen(std::int64_t yen, const Fraction& ratio);

}  // namespace kyosei
