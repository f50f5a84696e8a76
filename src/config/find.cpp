#include "config/config.h"

#include "core/fs.h"
#include "lint/repo_view.h"

namespace mlfolio::config {

namespace {

constexpr std::string_view k_mlfolio_toml = ".mlfolio.toml";
constexpr std::string_view k_pyproject = "pyproject.toml";
constexpr uint64_t k_max_config_bytes = 1024 * 1024;

} // namespace

Result<Config> find_config(const lint::RepoView& view, std::string_view display_prefix,
                           const Vocabulary& names)
{
  const std::string own_path = std::string(display_prefix) + std::string(k_mlfolio_toml);
  const std::string pyproject_path = std::string(display_prefix) + std::string(k_pyproject);
  std::optional<Config> own;
  std::optional<Config> pyproject;
  if (view.exists(k_mlfolio_toml)) {
    TRY_ASSIGN(const std::string text, view.read(k_mlfolio_toml, k_max_config_bytes));
    TRY_ASSIGN(own, parse_mlfolio_toml(text, own_path, names));
  }
  if (view.exists(k_pyproject)) {
    TRY_ASSIGN(const std::string text, view.read(k_pyproject, k_max_config_bytes));
    TRY_ASSIGN(pyproject, parse_pyproject(text, pyproject_path, names));
  }
  if (own && pyproject) {
    return usage_error(
        "mlfolio is configured twice, in " + own_path + " and in [tool.mlfolio] of " + pyproject_path +
        ". Keep " + std::string(k_mlfolio_toml) +
        " (where 'mlfolio new' records its answers): move the settings of [tool.mlfolio] into it"
        " and delete that table.");
  }
  if (own) {
    return std::move(*own);
  }
  if (pyproject) {
    return std::move(*pyproject);
  }
  return Config{};
}

Result<Config> load_config_file(const std::filesystem::path& path, const Vocabulary& names)
{
  auto text = fs::read_file(path);
  if (!text) {
    return usage_error("--config: " + text.error().message + ".");
  }
  if (path.filename() == k_pyproject) {
    TRY_ASSIGN(auto config, parse_pyproject(*text, path.string(), names));
    if (!config) {
      return usage_error("--config: " + path.string() + " has no [tool.mlfolio] table.");
    }
    return std::move(*config);
  }
  return parse_mlfolio_toml(*text, path.string(), names);
}

} // namespace mlfolio::config
