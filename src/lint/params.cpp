#include "lint/params.h"

#include "core/text.h"

namespace mlfolio::lint {

namespace {

constexpr std::string_view k_type_names[] = {"a boolean", "a number", "a string", "a list of strings",
                                             "a table of string lists"}; // indexed by ParamType

ParamType type_of(const ParamValue& value)
{
  return static_cast<ParamType>(value.index());
}

template <typename T>
const T* get(const std::map<std::string, ParamValue, std::less<>>& values, std::string_view name)
{
  const auto it = values.find(name);
  return it == values.end() ? nullptr : std::get_if<T>(&it->second);
}

} // namespace

std::string_view param_type_name(ParamType type)
{
  return k_type_names[static_cast<int>(type)];
}

void Params::set(std::string name, ParamValue value)
{
  m_values.insert_or_assign(std::move(name), std::move(value));
}

bool Params::has(std::string_view name) const
{
  return m_values.find(name) != m_values.end();
}

bool Params::flag(std::string_view name, bool fallback) const
{
  const bool* value = get<bool>(m_values, name);
  return value != nullptr ? *value : fallback;
}

double Params::number(std::string_view name, double fallback) const
{
  const double* value = get<double>(m_values, name);
  return value != nullptr ? *value : fallback;
}

std::string Params::text(std::string_view name, std::string_view fallback) const
{
  const std::string* value = get<std::string>(m_values, name);
  return value != nullptr ? *value : std::string(fallback);
}

const std::vector<std::string>& Params::list(std::string_view name) const
{
  static const std::vector<std::string> k_empty;
  const auto* value = get<std::vector<std::string>>(m_values, name);
  return value != nullptr ? *value : k_empty;
}

const StringListTable& Params::table(std::string_view name) const
{
  static const StringListTable k_empty;
  const auto* value = get<StringListTable>(m_values, name);
  return value != nullptr ? *value : k_empty;
}

Result<void> check_params(const Params& params, std::span<const ParamSpec> specs, std::string_view rule_id)
{
  const std::string prefix = std::string(rule_id) + ": ";
  std::vector<std::string_view> names;
  for (const auto& spec : specs) {
    names.push_back(spec.name);
  }
  for (const auto& [name, value] : params.values()) {
    const ParamSpec* spec = nullptr;
    for (const auto& candidate : specs) {
      if (candidate.name == name) {
        spec = &candidate;
      }
    }
    if (spec == nullptr) {
      return usage_error(prefix + "unknown parameter '" + name + "'." +
                         text::did_you_mean(text::suggest(name, std::span<const std::string_view>(names))));
    }
    if (type_of(value) != spec->type) {
      return usage_error(prefix + "parameter '" + name + "' must be " +
                         std::string(param_type_name(spec->type)) + ", got " +
                         std::string(param_type_name(type_of(value))) + ".");
    }
    if (spec->type == ParamType::text && !spec->choices.empty()) {
      bool allowed = false;
      for (const auto choice : text::split(spec->choices, '|')) {
        allowed = allowed || choice == std::get<std::string>(value);
      }
      if (!allowed) {
        return usage_error(prefix + "parameter '" + name + "' must be one of " +
                           text::replace_all(spec->choices, "|", ", ") + "; got '" +
                           std::get<std::string>(value) + "'.");
      }
    }
  }
  for (const auto& spec : specs) {
    if (spec.required && !params.has(spec.name)) {
      return usage_error(prefix + "missing parameter '" + std::string(spec.name) + "' (" +
                         std::string(spec.help) + ").");
    }
  }
  return {};
}

} // namespace mlfolio::lint
