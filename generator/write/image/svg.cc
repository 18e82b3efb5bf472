#include "write/image/svg.h"

#include <cmath>
#include <cstdio>

#include "write/markdown/markdown_html.h"

namespace kyosei::svg {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::abs(v) < 0.05 ? 0.0 : v);
  return buf;
}

std::string open(const std::string& element_id, const std::string& title, const std::string& description, int width,
                 int height) {
  const std::string t = element_id + "-title", s = element_id + "-desc";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + html_escape(element_id) + "\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + html_escape(t) + " " +
         html_escape(s) + "\" font-family=\"sans-serif\" font-size=\"13\">\n<title id=\"" + html_escape(t) + "\">" +
         html_escape(title) + "</title>\n<desc id=\"" + html_escape(s) + "\">" + html_escape(description) +
         "</desc>\n";
}

std::string text(double x, double y, const std::string& text, const char* anchor, const char* extra) {
  return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" +
         html_escape(text) + "</text>\n";
}

}  // namespace kyosei::svg
