#include "report/wrap.h"

#include "core/text.h"

namespace mlfolio::report {

std::string wrap(std::string_view text, size_t width, std::string_view indent)
{
  std::string result;
  bool paragraph_start = true;
  std::string line;
  const auto flush = [&] {
    if (!line.empty()) {
      result.append(indent).append(line).append("\n");
      line.clear();
    }
  };
  for (const auto raw : text::split_lines(text)) {
    const auto trimmed = text::trim(raw);
    if (trimmed.empty()) {
      flush();
      if (!paragraph_start) {
        result += '\n';
        paragraph_start = true;
      }
      continue;
    }
    paragraph_start = false;
    for (const auto word : text::split(trimmed, ' ')) {
      if (word.empty()) {
        continue;
      }
      if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
        flush();
      }
      line.append(line.empty() ? "" : " ").append(word);
    }
  }
  flush();
  while (result.ends_with("\n\n")) {
    result.pop_back();
  }
  return result;
}

} // namespace mlfolio::report
