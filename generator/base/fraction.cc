#include "base/fraction.h"

#include <limits>
#include <stdexcept>

namespace kyosei {

namespace {

using i128 = __int128;

i128 abs128(i128 v) { return v < 0 ? -v : v; }

i128 gcd128(i128 a, i128 b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool fits(i128 v) {
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

// Reduces num/den (den != 0) and checks that the result fits in int64.
// Reducing first matters: 10^12 * 385/1000 overflows nothing once reduced.
void normalise(i128 num, i128 den, std::int64_t& out_num, std::int64_t& out_den) {
  if (den == 0) throw std::domain_error("Fraction: zero denominator");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  i128 g = gcd128(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (num == 0) den = 1;
  if (!fits(num) || !fits(den)) throw std::overflow_error("Fraction: result does not fit in 64 bits");
  out_num = static_cast<std::int64_t>(num);
  out_den = static_cast<std::int64_t>(den);
}

Fraction make(i128 num, i128 den) {
  std::int64_t n = 0, d = 1;
  normalise(num, den, n, d);
  return Fraction(n, d);
}

}  // namespace

Fraction::Fraction(std::int64_t integer) : num_(integer), den_(1) {}

Fraction::Fraction(std::int64_t num, std::int64_t den) { normalise(num, den, num_, den_); }

// a/b ± c/d over the lcm of the denominators keeps intermediates small.
Fraction operator+(const Fraction& a, const Fraction& b) {
  i128 g = gcd128(a.den_, b.den_);
  i128 num = static_cast<i128>(a.num_) * (b.den_ / g) + static_cast<i128>(b.num_) * (a.den_ / g);
  return make(num, static_cast<i128>(a.den_) * (b.den_ / g));
}

Fraction operator-(const Fraction& a, const Fraction& b) { return a + (-b); }

Fraction Fraction::operator-() const {
  if (num_ == std::numeric_limits<std::int64_t>::min()) throw std::overflow_error("Fraction: negation overflows");
  return Fraction(-num_, den_);
}

// Cross-reduce before multiplying (gcd with a positive den is never 0),
// then let make() check the result.
Fraction operator*(const Fraction& a, const Fraction& b) {
  i128 g1 = gcd128(a.num_, b.den_);
  i128 g2 = gcd128(b.num_, a.den_);
  i128 num = (a.num_ / g1) * (b.num_ / g2);
  i128 den = (a.den_ / g2) * (b.den_ / g1);
  return make(num, den);
}

std::strong_ordering operator<=>(const Fraction& a, const Fraction& b) {
  // Both products of two int64 fit in 128 bits; denominators are positive.
  i128 l = static_cast<i128>(a.num_) * b.den_;
  i128 r = static_cast<i128>(b.num_) * a.den_;
  return l < r ? std::strong_ordering::less : l > r ? std::strong_ordering::greater : std::strong_ordering::equal;
}

std::string Fraction::to_string() const {
  if (den_ == 1) return std::to_string(num_);
  return std::to_string(num_) + "/" + std::to_string(den_);
}

std::string Fraction::to_percent_text() const {
  // Scaled by 10^4 decimal places: exact when den divides num*100*10^4.
  constexpr int kExactPlaces = 4;
  i128 scaled = static_cast<i128>(num_) * 100;
  i128 pow = 1;
  for (int i = 0; i < kExactPlaces; ++i) pow *= 10;
  bool negative = scaled < 0;
  i128 mag = abs128(scaled);
  i128 whole = mag * pow / den_;
  bool exact = (mag * pow) % den_ == 0;
  int places = kExactPlaces;
  if (!exact) {
    // Round half up to 2 places.
    i128 hundredths = (mag * 100 * 2 + den_) / (2 * static_cast<i128>(den_));
    whole = hundredths;
    places = 2;
  }
  i128 unit = 1;
  for (int i = 0; i < places; ++i) unit *= 10;
  std::string digits = std::to_string(static_cast<long long>(whole / unit));
  std::string frac = std::to_string(static_cast<long long>(whole % unit));
  frac.insert(0, static_cast<size_t>(places) - frac.size(), '0');
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string text = (negative && whole != 0 ? "-" : "") + digits + (frac.empty() ? "" : "." + frac) + "%";
  return exact ? text : "約" + text;
}

std::int64_t floor_yen(const Fraction& v) {
  std::int64_t q = v.num() / v.den();
  // C++ division truncates toward zero; step down for negative non-integers.
  if (v.num() % v.den() != 0 && v.num() < 0) --q;
  return q;
}

std::int64_t floor_yen(std::int64_t yen, const Fraction& ratio) {
  i128 n = static_cast<i128>(yen) * ratio.num();
  i128 q = n / ratio.den();
  if (n % ratio.den() != 0 && n < 0) --q;
  if (!fits(q)) throw std::overflow_error("floor_yen: result does not fit in 64 bits");
  return static_cast<std::int64_t>(q);
}

}  // namespace kyosei
