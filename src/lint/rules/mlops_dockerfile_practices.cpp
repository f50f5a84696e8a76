// mlops/dockerfile-practices: each Dockerfile pins its base images, runs as a non-root user,
// installs without pip's cache, uses exec-form CMD/ENTRYPOINT, has a .dockerignore, keeps
// secrets out of ENV/ARG and copies local files with COPY. Each problem is one detail.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/mlops_usage.h"
#include "lint/wording.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace mlfolio::lint {

namespace {

using analyze::Dockerfile;

struct Target
{
  const FileEntry* file;
  const Dockerfile& dockerfile;
  std::vector<size_t> chain; // the final stage, then the stages it builds on: what ends up in the image
};

std::string at(const Target& target, int line)
{
  return target.file->path + ":" + std::to_string(line);
}

bool in_chain(const Target& target, const std::optional<size_t>& stage)
{
  return stage && std::find(target.chain.begin(), target.chain.end(), *stage) != target.chain.end();
}

std::vector<std::string> split_words(std::string_view text)
{
  std::vector<std::string> words;
  std::istringstream stream{std::string(text)};
  for (std::string word; stream >> word;) {
    words.push_back(word);
  }
  return words;
}

std::string shorten(std::string_view text, size_t max = 60)
{
  std::string flat = text::replace_all(text::trim(text), "\n", " ");
  if (flat.size() > max) {
    flat.resize(max - 3);
    flat.append("...");
  }
  return flat;
}

void check_base_images(const Target& target, std::vector<Detail>& details)
{
  for (const auto& stage : target.dockerfile.stages) {
    const auto& base = stage.base;
    if (stage.base_stage || base.unresolved_variable || !base.digest.empty() || base.name.empty() ||
        text::to_lower(base.name) == "scratch") {
      continue;
    }
    if (base.tag.empty() || base.tag == "latest") {
      const std::string shown = base.tag.empty() ? base.name + " (no tag, so latest)" : base.name + ":latest";
      details.push_back(
          {"base image " + shown + " is not pinned to a version (" + at(target, stage.line) + ")",
           {{target.file->path, static_cast<uint32_t>(stage.line)}}});
    }
  }
}

// Images that already run as a non-root user.
bool base_is_non_root(const analyze::ImageRef& image)
{
  static constexpr std::string_view k_prefixes[] = {"jupyter/", "quay.io/jupyter/", "cgr.dev/chainguard/",
                                                    "bitnami/"};
  return text::icontains(image.tag, "nonroot") ||
         std::any_of(std::begin(k_prefixes), std::end(k_prefixes),
                     [&](std::string_view prefix) { return image.name.starts_with(prefix); });
}

// Whether the image installs or calls a privilege-dropping tool (gosu, su-exec, setpriv), the
// pattern of official images whose entrypoint script starts as root to fix volume ownership and
// then runs the process as an unprivileged user.
bool drops_privileges(const Target& target)
{
  static constexpr std::string_view k_tools[] = {"gosu", "su-exec", "setpriv"};
  const auto has_word = [](std::string_view haystack, std::string_view word) {
    for (size_t at = haystack.find(word); at != std::string_view::npos; at = haystack.find(word, at + 1)) {
      const auto boundary = [](char c) {
        return !(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
      };
      const bool before = at == 0 || boundary(haystack[at - 1]);
      const bool after = at + word.size() == haystack.size() || boundary(haystack[at + word.size()]);
      if (before && after) {
        return true;
      }
    }
    return false;
  };
  for (const auto& instruction : target.dockerfile.instructions) {
    if (!in_chain(target, instruction.stage)) {
      continue;
    }
    std::string text = text::to_lower(instruction.arguments);
    for (const auto& flag : instruction.flags) {
      text += " " + text::to_lower(flag);
    }
    for (const auto tool : k_tools) {
      if (has_word(text, tool)) {
        return true;
      }
    }
  }
  return false;
}

Target target_of(const FileEntry* file, const Dockerfile& dockerfile)
{
  Target target{file, dockerfile, {}};
  std::optional<size_t> stage = dockerfile.stages.size() - 1;
  while (stage && target.chain.size() <= dockerfile.stages.size()) {
    target.chain.push_back(*stage);
    const auto next = dockerfile.stages[*stage].base_stage;
    stage = next && *next < *stage ? next : std::nullopt;
  }
  return target;
}

// The USER the image ends with: the last one of the nearest stage of the chain that has one.
const analyze::DockerUser* effective_user(const Target& target)
{
  for (const size_t stage : target.chain) { // nearest stage first: its last USER wins
    const analyze::DockerUser* effective = nullptr;
    for (const auto& user : target.dockerfile.users) {
      if (user.stage == stage) {
        effective = &user;
      }
    }
    if (effective != nullptr) {
      return effective;
    }
  }
  return nullptr;
}

bool is_root_user(const analyze::DockerUser& user)
{
  const std::string lower = text::to_lower(user.user);
  const std::string name = lower.substr(0, lower.find(':'));
  return name == "root" || name == "0";
}

// Files where a project writes how it builds its images: workflows, Makefiles, scripts, Compose
// files, READMEs and the Dockerfiles themselves (a comment giving the build order).
bool may_hold_build_commands(std::string_view path)
{
  const std::string_view name = text::base_name(path);
  return (path.starts_with(".github/workflows/") &&
          (text::iends_with(path, ".yml") || text::iends_with(path, ".yaml"))) ||
         name == "Makefile" || name == "makefile" || text::iends_with(name, ".mk") ||
         text::iends_with(name, ".sh") ||
         (text::icontains(name, "compose") &&
          (text::iends_with(name, ".yml") || text::iends_with(name, ".yaml"))) ||
         text::iends_with(name, ".md") || text::icontains(name, "dockerfile");
}

// The Dockerfile a "docker build -t NAME[:tag] [-f FILE] CONTEXT" command in the project builds
// the image `name` from; "" when no command does.
std::string dockerfile_building(const Analysis& analysis, std::string_view name)
{
  for (const FileEntry* file : analysis.project_files()) {
    if (!may_hold_build_commands(file->path)) {
      continue;
    }
    const TextFile* text = analysis.text(file->path);
    if (text == nullptr || text->binary || text->content.find("build") == std::string::npos) {
      continue;
    }
    for (const auto line : text::split(text->content, '\n')) {
      const size_t build = line.find("docker");
      if (build == std::string_view::npos || line.find(" build", build) == std::string_view::npos) {
        continue;
      }
      const std::vector<std::string> words = split_words(line.substr(build));
      std::string tagged;
      std::string file_flag;
      std::string context;
      for (size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word == "#") {
          break;
        }
        if ((word == "-t" || word == "--tag") && i + 1 < words.size()) {
          tagged = words[++i];
        } else if (word.starts_with("--tag=")) {
          tagged = word.substr(6);
        } else if ((word == "-f" || word == "--file") && i + 1 < words.size()) {
          file_flag = words[++i];
        } else if (word.starts_with("--file=")) {
          file_flag = word.substr(7);
        } else if ((word == "--build-arg" || word == "--target" || word == "--platform") &&
                   i + 1 < words.size()) {
          ++i;
        } else if (!word.starts_with("-") && word != "docker" && word != "build" && word != "buildx") {
          context = word;
        }
      }
      if (tagged.empty() || text::to_lower(tagged.substr(0, tagged.find(':'))) != text::to_lower(name)) {
        continue;
      }
      std::string built = file_flag;
      if (built.empty()) {
        built = context.empty() || context == "." ? "Dockerfile" : context + "/Dockerfile";
      }
      while (built.starts_with("./")) {
        built.erase(0, 2);
      }
      return built;
    }
  }
  return "";
}

// Whether the final stage's base is an image the project builds itself, from one of its own
// Dockerfiles that ends as a non-root user: "FROM ${BASE_IMAGE}" with BASE_IMAGE=ml-pipeline:local,
// built by "docker build -t ml-pipeline:local ." from a Dockerfile that ends with USER appuser.
bool inherits_non_root_user(const Analysis& analysis, const analyze::ImageRef& base, const FileEntry* self)
{
  if (base.name.empty() || base.unresolved_variable || base.name.find('/') != std::string::npos) {
    return false; // an image from a registry is not the project's own
  }
  const std::string built = dockerfile_building(analysis, base.name);
  if (built.empty() || built == self->path) {
    return false;
  }
  for (const auto& [file, dockerfile] : analysis.dockerfiles()) {
    if (file->path == built && !dockerfile.stages.empty()) {
      const analyze::DockerUser* user = effective_user(target_of(file, dockerfile));
      return user != nullptr && !is_root_user(*user);
    }
  }
  return false;
}

void check_user(const Analysis& analysis, const Target& target, std::vector<Detail>& details)
{
  const auto& stages = target.dockerfile.stages;
  const analyze::DockerUser* effective = effective_user(target);
  const auto& final_stage = stages[target.chain.front()];
  if (effective == nullptr) {
    const analyze::ImageRef* base = analyze::resolved_base_image(target.dockerfile, target.chain.front());
    if (base != nullptr && (base_is_non_root(*base) || text::to_lower(base->name) == "scratch")) {
      return;
    }
    if (base != nullptr && inherits_non_root_user(analysis, *base, target.file)) {
      return; // the project's own image, which already runs as a non-root user
    }
    if (drops_privileges(target)) {
      return;
    }
    details.push_back({"the image runs as root: the final stage (" + at(target, final_stage.line) +
                           ") never switches to a non-root USER",
                       {{target.file->path, static_cast<uint32_t>(final_stage.line)}}});
    return;
  }
  if (is_root_user(*effective)) {
    details.push_back(
        {"the image runs as root: USER " + effective->user + " (" + at(target, effective->line) + ")",
         {{target.file->path, static_cast<uint32_t>(effective->line)}}});
  }
}

// Whether pip keeps no cache in this RUN: the flag, the environment, a cache mount, a purge.
bool pip_without_cache(const Target& target, const analyze::DockerInstruction& run, std::string_view segment)
{
  if (segment.find("--no-cache-dir") != std::string_view::npos ||
      segment.find("--no-cache ") != std::string_view::npos || segment.ends_with("--no-cache")) {
    return true;
  }
  for (const auto& flag : run.flags) {
    if (flag.starts_with("--mount=") && flag.find("type=cache") != std::string::npos) {
      return true;
    }
  }
  const std::string whole = run.arguments + [&] {
    std::string bodies;
    for (const auto& heredoc : run.heredocs) {
      bodies += "\n" + heredoc.content;
    }
    return bodies;
  }();
  if (whole.find("pip cache purge") != std::string::npos || whole.find(".cache/pip") != std::string::npos) {
    return true;
  }
  const auto sets_variable = [&](const std::vector<analyze::KeyValue>& values) {
    return std::any_of(values.begin(), values.end(), [&](const analyze::KeyValue& value) {
      return value.key == "PIP_NO_CACHE_DIR" && (!value.stage || in_chain(target, value.stage));
    });
  };
  return sets_variable(target.dockerfile.env) || sets_variable(target.dockerfile.args);
}

// A pip install in one shell command ("pip install", "pip3 install", "python -m pip install"),
// not "uv pip install", and not only pip's own tooling.
bool is_pip_install(const std::vector<std::string>& words)
{
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string_view word = words[k];
    const bool pip =
        word == "pip" || word.starts_with("pip3") || word.ends_with("/pip") || word.ends_with("/pip3");
    if (!pip || words[k + 1] != "install" || (k > 0 && words[k - 1] == "uv")) {
      continue;
    }
    for (size_t j = k + 2; j < words.size(); ++j) {
      const std::string& argument = words[j];
      if (!argument.starts_with('-') && argument != "pip" && argument != "setuptools" &&
          argument != "wheel") {
        return true;
      }
      if (argument == "-r" || argument == "-e" || argument.starts_with("--requirement")) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> shell_commands(std::string_view script)
{
  std::string normalised(script);
  for (const std::string_view separator : {"&&", "||", ";", "|"}) {
    normalised = text::replace_all(normalised, separator, "\n");
  }
  std::vector<std::string> commands;
  for (const auto line : text::split_lines(normalised)) {
    if (!text::trim(line).empty()) {
      commands.emplace_back(text::trim(line));
    }
  }
  return commands;
}

void check_pip_cache(const Target& target, std::vector<Detail>& details)
{
  std::vector<Location> lines;
  for (const auto& instruction : target.dockerfile.instructions) {
    if (instruction.keyword != "RUN" || !in_chain(target, instruction.stage)) {
      continue; // a builder stage's cache stays in the builder
    }
    std::string script = instruction.exec_form ? "" : instruction.arguments;
    for (const auto& argument : instruction.exec_args) {
      script += " " + argument;
    }
    for (const auto& heredoc : instruction.heredocs) {
      script += "\n" + heredoc.content;
    }
    for (const auto& command : shell_commands(script)) {
      if (is_pip_install(split_words(command)) && !pip_without_cache(target, instruction, command)) {
        lines.push_back({target.file->path, static_cast<uint32_t>(instruction.line)});
        break;
      }
    }
  }
  if (!lines.empty()) {
    std::vector<std::string> shown;
    for (const auto& location : lines) {
      shown.push_back(location.to_string());
    }
    details.push_back({"pip install keeps its download cache in the image, without --no-cache-dir (" +
                           join_some(shown, 3) + ")",
                       lines});
  }
}

void check_exec_form(const Target& target, std::vector<Detail>& details)
{
  for (const std::string_view keyword : {"ENTRYPOINT", "CMD"}) {
    const analyze::DockerInstruction* effective = nullptr;
    for (const size_t stage : target.chain) {
      for (const auto& instruction : target.dockerfile.instructions) {
        if (instruction.keyword == keyword && instruction.stage == stage) {
          effective = &instruction;
        }
      }
      if (effective != nullptr) {
        break;
      }
    }
    if (effective == nullptr || effective->exec_form || effective->arguments.starts_with("exec ")) {
      continue;
    }
    details.push_back({std::string(keyword) + " " + shorten(effective->arguments) +
                           " is in shell form, so the process does not receive stop signals (" +
                           at(target, effective->line) + ")",
                       {{target.file->path, static_cast<uint32_t>(effective->line)}}});
  }
}

void check_dockerignore(const Target& target, const RepoView& view, std::vector<Detail>& details)
{
  const std::string& path = target.file->path;
  const size_t slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  if (view.exists(".dockerignore") || view.exists(folder + ".dockerignore") ||
      view.exists(path + ".dockerignore")) {
    return;
  }
  details.push_back({"no .dockerignore beside " + path +
                         " or at the root, so .git, data and virtualenvs go into "
                         "the build context",
                     {{path, 0}}});
}

bool is_secret_name(std::string_view key)
{
  const auto words = name_words(key);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view word = words[k];
    if (word == "token" || word == "secret" || word == "password" || word == "passwd" || word == "apikey" ||
        word == "credentials") {
      return true;
    }
    if (word == "key" && k + 1 == words.size()) {
      return true; // OPENAI_API_KEY, SECRET_KEY; not KEY_FILE or KEY_PATH
    }
  }
  return false;
}

bool is_literal_secret(std::string_view value)
{
  static constexpr std::string_view k_placeholders[] = {
      "", "changeme", "change-me", "none", "null", "dummy", "true", "false", "0", "1", "xxx", "todo"};
  const std::string lower = text::to_lower(text::trim(value));
  if (lower.starts_with('$') || lower.starts_with('<') || lower.starts_with("your") ||
      lower.starts_with("/")) {
    return false; // a variable, <placeholder>, your-key-here, a path to a mounted file
  }
  return std::find(std::begin(k_placeholders), std::end(k_placeholders), lower) == std::end(k_placeholders);
}

void check_secrets(const Target& target, std::vector<Detail>& details)
{
  for (const auto* values : {&target.dockerfile.env, &target.dockerfile.args}) {
    const std::string keyword = values == &target.dockerfile.env ? "ENV" : "ARG";
    for (const auto& value : *values) {
      if (value.has_value && is_secret_name(value.key) && is_literal_secret(value.value)) {
        details.push_back({keyword + " " + value.key +
                               " is set to a literal value, stored in the image and the "
                               "repository (" +
                               at(target, value.line) + ")",
                           {{target.file->path, static_cast<uint32_t>(value.line)}}});
      }
    }
  }
}

bool is_remote_or_archive(std::string_view source)
{
  static constexpr std::string_view k_archives[] = {".tar",  ".tar.gz", ".tgz", ".tar.bz2",
                                                    ".tbz2", ".tar.xz", ".txz", ".tar.zst"};
  const std::string lower = text::to_lower(source);
  return lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("git@") ||
         lower.ends_with(".git") ||
         std::any_of(std::begin(k_archives), std::end(k_archives),
                     [&](std::string_view end) { return lower.ends_with(end); });
}

void check_add(const Target& target, std::vector<Detail>& details)
{
  for (const auto& instruction : target.dockerfile.instructions) {
    if (instruction.keyword != "ADD" || !instruction.heredocs.empty()) {
      continue;
    }
    std::vector<std::string> words = split_words(instruction.arguments);
    words.erase(std::remove_if(words.begin(), words.end(),
                               [](std::string_view word) { return word.starts_with("--"); }),
                words.end());
    if (words.size() < 2) {
      continue;
    }
    const bool local = std::any_of(words.begin(), words.end() - 1,
                                   [](const std::string& source) { return !is_remote_or_archive(source); });
    if (local) {
      details.push_back({"ADD " + shorten(instruction.arguments) +
                             " copies local files; COPY does it without "
                             "ADD's unpacking and downloading (" +
                             at(target, instruction.line) + ")",
                         {{target.file->path, static_cast<uint32_t>(instruction.line)}}});
    }
  }
}

// Development containers are not images anyone deploys.
bool is_dev_container(std::string_view path)
{
  return path.starts_with(".devcontainer/") || path.find("/.devcontainer/") != std::string_view::npos;
}

} // namespace

Finding check_mlops_dockerfile_practices(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  std::vector<Detail> details;
  std::vector<std::string> checked;
  for (const auto& [file, dockerfile] : analysis.dockerfiles()) {
    if (dockerfile.stages.empty() || is_dev_container(file->path)) {
      continue;
    }
    const Target target = target_of(file, dockerfile);
    checked.push_back(file->path);
    check_base_images(target, details);
    check_user(analysis, target, details);
    check_pip_cache(target, details);
    check_exec_form(target, details);
    check_dockerignore(target, analysis.view(), details);
    check_secrets(target, details);
    check_add(target, details);
  }
  if (checked.empty()) {
    return skip(analysis.dockerfiles().empty() ? "no Dockerfile"
                                               : "no Dockerfile with a FROM outside .devcontainer/");
  }
  std::vector<Location> locations;
  for (const auto& path : checked) {
    locations.push_back({path, 0});
  }
  if (details.empty()) {
    return pass(join_some(checked, 3) +
                    ": pinned base images, a non-root user, no pip cache, exec-form commands, "
                    "a .dockerignore, no secrets in ENV or ARG, COPY for local files",
                locations);
  }
  Finding finding =
      fail(count_of(details.size(), "container practice") + " not followed in " + join_some(checked, 3),
           std::move(locations));
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
