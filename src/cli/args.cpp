#include "cli/args.h"

#include "core/text.h"

#include <algorithm>

namespace mlfolio::cli {

bool ParsedArgs::has(std::string_view name) const
{
  return m_options.find(name) != m_options.end();
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const
{
  const auto it = m_options.find(name);
  if (it == m_options.end() || it->second.empty()) {
    return std::nullopt;
  }
  return it->second.back();
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const
{
  const auto it = m_options.find(name);
  return it == m_options.end() ? std::vector<std::string>{} : it->second;
}

void ParsedArgs::add_option(std::string name, std::string value)
{
  m_options[std::move(name)].push_back(std::move(value));
}

void ParsedArgs::add_positional(std::string value)
{
  m_positionals.push_back(std::move(value));
}

Result<ParsedArgs> parse_args(std::string_view command, std::span<const std::string> args,
                              std::span<const OptionSpec> specs)
{
  ParsedArgs parsed;
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      parsed.add_positional(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg[1] != '-') {
      return usage_error("mlfolio " + std::string(command) + ": unknown option '" + arg
                         + "'; options are spelled with two dashes, e.g. '-" + arg
                         + "'. See 'mlfolio help " + std::string(command) + "'.");
    }
    const size_t equals = arg.find('=');
    const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [&](const OptionSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      std::vector<std::string> names;
      for (const auto& s : specs) {
        names.push_back(std::string(s.name));
      }
      const auto suggestion = text::suggest(name, std::span<const std::string>(names));
      return usage_error("mlfolio " + std::string(command) + ": unknown option '--" + name + "'."
                         + (suggestion ? " Did you mean '--" + *suggestion + "'?" : std::string())
                         + " See 'mlfolio help " + std::string(command) + "'.");
    }
    if (!spec->repeatable && parsed.has(name)) {
      return usage_error("mlfolio " + std::string(command) + ": option '--" + name
                         + "' is given more than once.");
    }
    if (spec->value_name.empty()) {
      if (equals != std::string::npos) {
        return usage_error("mlfolio " + std::string(command) + ": option '--" + name
                           + "' takes no value.");
      }
      parsed.add_option(name, "");
      continue;
    }
    if (equals != std::string::npos) {
      parsed.add_option(name, arg.substr(equals + 1));
    } else if (i + 1 < args.size()) {
      parsed.add_option(name, args[++i]);
    } else {
      return usage_error("mlfolio " + std::string(command) + ": option '--" + name + "' needs a value ("
                         + std::string(spec->value_name) + ").");
    }
  }
  return parsed;
}

} // namespace mlfolio::cli
