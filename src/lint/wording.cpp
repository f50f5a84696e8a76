#include "lint/wording.h"

#include <cstdio>

namespace mlfolio::lint {

std::string join_some(const std::vector<std::string>& items, size_t max)
{
  std::string joined;
  for (size_t i = 0; i < items.size() && i < max; ++i) {
    joined += (i == 0 ? "" : ", ") + items[i];
  }
  if (items.size() > max) {
    joined += " and " + std::to_string(items.size() - max) + " more";
  }
  return joined;
}

std::string count_of(size_t count, std::string_view singular, std::string_view plural_form)
{
  std::string word(count == 1 ? singular : plural_form);
  if (count != 1 && plural_form.empty()) {
    word = std::string(singular) + "s";
  }
  return std::to_string(count) + " " + word;
}

std::string format_number(double value)
{
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string number = buffer;
  number.erase(number.find_last_not_of('0') + 1);
  if (number.ends_with('.')) {
    number.pop_back();
  }
  return number;
}

} // namespace mlfolio::lint
