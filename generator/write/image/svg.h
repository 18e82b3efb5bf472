// The pieces every SVG chart of kyosei is made of (the self-assessment's
// radar and bars, the plans' population chart), so all charts share one
// way of writing them:
// - numbers with one decimal ("12.5", never "-0.0"): deterministic, short;
// - an <svg> root with role="img", a <title> and a <desc> that the root's
//   aria-labelledby names (screen readers read both; no script);
// - <text> with its content XML-escaped.
#pragma once
#include <string>

namespace kyosei::svg {

// One decimal; values within 0.05 of zero are "0.0".
std::string number(double v);

// The opening <svg …> with <title id="ID-title"> and <desc id="ID-desc">.
std::string open(const std::string& element_id, const std::string& title, const std::string& description, int width,
                 int height);

// <text x y text-anchor …extra>text</text>; extra is raw attributes (" fill=\"…\"").
std::string text(double x, double y, const std::string& text, const char* anchor, const char* extra = "");

}  // namespace kyosei::svg
