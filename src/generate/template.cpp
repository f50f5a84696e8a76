#include "generate/template.h"

#include "core/fs.h"
#include "core/text.h"
#include "resources/resources.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace mlfolio::generate {

namespace {

constexpr std::string_view k_builtin_root = "templates/";
constexpr std::string_view k_manifest = "template.toml";
const std::vector<std::string_view> k_top_keys = {"name", "version", "description", "file"};
const std::vector<std::string_view> k_file_keys = {"source", "target", "when", "verbatim"};

std::string position(const std::string& manifest_path, const toml::source_region& where)
{
  return manifest_path + ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
}

Result<void> check_keys(const toml::table& table, const std::vector<std::string_view>& allowed,
                        const std::string& manifest_path)
{
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      return usage_error(position(manifest_path, key.source()) + ": unknown key '" + std::string(key.str())
                         + "'." + text::did_you_mean(text::suggest(key.str(), std::span(allowed)))
                         + " Allowed keys: " + [&] {
                             std::string list;
                             for (auto name : allowed) {
                               list += (list.empty() ? "" : ", ") + std::string(name);
                             }
                             return list;
                           }() + ".");
    }
  }
  return {};
}

Result<std::string> string_field(const toml::table& table, std::string_view key, const std::string& manifest_path,
                                 bool required)
{
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) {
      return usage_error(manifest_path + ": missing required key '" + std::string(key) + "'.");
    }
    return std::string();
  }
  if (!node->is_string()) {
    return usage_error(position(manifest_path, node->source()) + ": '" + std::string(key) + "' must be a string.");
  }
  return std::string(node->as_string()->get());
}

// `files` maps a source path below files/ to its bytes.
Result<Template> build_template(std::string_view manifest_text, const std::string& manifest_path,
                                std::map<std::string, std::string> files, std::string origin)
{
  toml::table manifest;
  try {
    manifest = toml::parse(manifest_text, manifest_path);
  } catch (const toml::parse_error& error) {
    return usage_error(position(manifest_path, error.source()) + ": " + std::string(error.description()));
  }
  TRY(check_keys(manifest, k_top_keys, manifest_path));
  Template result;
  result.origin = std::move(origin);
  TRY_ASSIGN(result.name, string_field(manifest, "name", manifest_path, true));
  TRY_ASSIGN(result.version, string_field(manifest, "version", manifest_path, true));
  TRY_ASSIGN(result.description, string_field(manifest, "description", manifest_path, false));

  std::map<std::string, TemplateFile> by_source;
  for (auto& [source, content] : files) {
    by_source[source] = TemplateFile{source, source, "", false, std::move(content)};
  }
  if (const toml::node* entries = manifest.get("file")) {
    const toml::array* array = entries->as_array();
    if (array == nullptr) {
      return usage_error(position(manifest_path, entries->source())
                         + ": 'file' must be an array of tables ([[file]]).");
    }
    for (const toml::node& entry : *array) {
      const toml::table* table = entry.as_table();
      if (table == nullptr) {
        return usage_error(position(manifest_path, entry.source()) + ": each [[file]] must be a table.");
      }
      TRY(check_keys(*table, k_file_keys, manifest_path));
      TRY_ASSIGN(std::string source, string_field(*table, "source", manifest_path, true));
      const auto found = by_source.find(source);
      if (found == by_source.end()) {
        return usage_error(position(manifest_path, table->source()) + ": [[file]] source '" + source
                           + "' does not exist below files/.");
      }
      TemplateFile& file = found->second;
      TRY_ASSIGN(std::string target, string_field(*table, "target", manifest_path, false));
      if (!target.empty()) {
        file.target = target;
      }
      TRY_ASSIGN(file.when, string_field(*table, "when", manifest_path, false));
      if (const toml::node* verbatim = table->get("verbatim")) {
        if (!verbatim->is_boolean()) {
          return usage_error(position(manifest_path, verbatim->source()) + ": 'verbatim' must be true or false.");
        }
        file.verbatim = verbatim->as_boolean()->get();
      }
    }
  }
  for (auto& [source, file] : by_source) {
    result.files.push_back(std::move(file));
  }
  if (result.files.empty()) {
    return usage_error(manifest_path + ": the template has no files; put them below files/ beside it.");
  }
  return result;
}

} // namespace

std::vector<std::string> builtin_template_names()
{
  std::set<std::string> names;
  for (const auto& resource : resources::under(k_builtin_root)) {
    const std::string_view rest = resource.path.substr(k_builtin_root.size());
    const size_t slash = rest.find('/');
    if (slash != std::string_view::npos && rest.substr(slash + 1) == k_manifest) {
      names.insert(std::string(rest.substr(0, slash)));
    }
  }
  return {names.begin(), names.end()};
}

Result<Template> load_builtin_template(const std::string& name)
{
  const std::string root = std::string(k_builtin_root) + name + "/";
  const auto manifest = resources::find(root + std::string(k_manifest));
  if (!manifest) {
    const auto names = builtin_template_names();
    return usage_error("no built-in template named '" + name + "'."
                       + text::did_you_mean(text::suggest(name, std::span<const std::string>(names)))
                       + " See 'mlfolio new --list-templates'.");
  }
  std::map<std::string, std::string> files;
  const std::string files_root = root + "files/";
  for (const auto& resource : resources::under(files_root)) {
    files[std::string(resource.path.substr(files_root.size()))] = std::string(resource.data);
  }
  return build_template(*manifest, root + std::string(k_manifest), std::move(files), "built-in");
}

Result<Template> load_template_dir(const std::filesystem::path& dir)
{
  namespace stdfs = std::filesystem;
  const stdfs::path manifest_path = dir / std::string(k_manifest);
  std::error_code error;
  if (!stdfs::is_regular_file(manifest_path, error)) {
    return usage_error(manifest_path.string() + ": not found. A template folder holds template.toml and files/.");
  }
  TRY_ASSIGN(std::string manifest, fs::read_file(manifest_path));
  std::map<std::string, std::string> files;
  const stdfs::path files_root = dir / "files";
  if (stdfs::is_directory(files_root, error)) {
    for (auto it = stdfs::recursive_directory_iterator(files_root, error);
         !error && it != stdfs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_symlink()) {
        return usage_error(it->path().string() + ": symbolic links are not allowed in a template.");
      }
      if (it->is_regular_file()) {
        TRY_ASSIGN(std::string content, fs::read_file(it->path()));
        files[stdfs::relative(it->path(), files_root).generic_string()] = std::move(content);
      }
    }
    if (error) {
      return runtime_error("cannot read " + files_root.string() + ": " + error.message());
    }
  }
  return build_template(manifest, manifest_path.string(), std::move(files), dir.string());
}

} // namespace mlfolio::generate
