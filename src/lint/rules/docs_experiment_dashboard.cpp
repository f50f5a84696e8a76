// docs/experiment-dashboard: the README links the tracking dashboard or says how to open it.
#include "lint/runner.h"
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/docs_sections.h"
#include "lint/rules/mlops_usage.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>

namespace mlfolio::lint {

namespace {

struct Tracker
{
  std::string_view module; // top-level import, or a PyPI name in a dependency file
  std::string_view name;   // for messages
  std::string_view fix;
};

constexpr Tracker k_trackers[] = {
    {"mlflow", "MLflow",
     "Add to the README the command that opens the dashboard, e.g. `mlflow ui --backend-store-uri ./mlruns` "
     "(the URI "
     "your code logs to), or link a shared MLflow server, and say which runs and metrics to look at."},
    {"wandb", "Weights & Biases",
     "Link the public Weights & Biases project or report (https://wandb.ai/<entity>/<project>) from the "
     "README, and "
     "say which runs and charts to look at."},
    {"tensorboard", "TensorBoard",
     "Add to the README the command that opens the dashboard (`tensorboard --logdir runs/`) and what to look "
     "at."},
    {"tensorboardx", "TensorBoard",
     "Add to the README the command that opens the dashboard (`tensorboard --logdir runs/`) and what to look "
     "at."},
    {"neptune", "Neptune", "Link the public Neptune project from the README and say which runs to look at."},
    {"comet_ml", "Comet",
     "Link the public Comet project from the README and say which experiments to look at."},
    {"clearml", "ClearML",
     "Link the ClearML project from the README, or say how to open the ClearML web UI."},
    {"dvclive", "DVC",
     "Say in the README how to compare the runs (`dvc exp show`, `dvc plots diff`) or link DVC Studio."},
    {"aim", "Aim", "Add to the README the command that opens the dashboard (`aim up`) and what to look at."},
    {"aiplatform", "Vertex AI Experiments",
     "Say in the README where the runs are (Vertex AI > Experiments in the Google Cloud console, the "
     "experiment's name) and add screenshots of them, which readers without access to the project can see."},
};

// Where hosted dashboards live; a link to one of these with a path is a project or a report.
constexpr std::string_view k_dashboard_hosts[] = {"wandb.ai",        "app.neptune.ai", "comet.com",
                                                  "www.comet.com",   "comet.ml",       "app.clear.ml",
                                                  "tensorboard.dev", "dagshub.com",    "studio.iterative.ai"};
// The tools' own sites: documentation, not a dashboard.
constexpr std::string_view k_tool_sites[] = {"mlflow.org", "www.mlflow.org", "github.com", "pypi.org",
                                             "docs.wandb.ai"};

// Commands that open or fill a dashboard, in code blocks.
const RE2& dashboard_command_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)(mlflow (ui|server)\b|tensorboard\s+(--logdir|dev)|\baim up\b|wandb\.ai/|wandb sync|dvc exp show|dvc plots|)"
      R"(clearml-server|neptune\.ai/))");
  return pattern;
}

// A sentence that names a tracker and a way to look at it, over the line breaks of a wrapped paragraph.
const RE2& dashboard_prose_pattern()
{
  thread_local const RE2 pattern(
      R"((?is)(mlflow|w&b|weights\s+(&|and)\s+biases|wandb|tensorboard|neptune|comet|clearml|dvc\s+studio).*)"
      R"((dashboard|\bui\b|localhost|127\.0\.0\.1|https?://|\bopen\b|\bbrowse\b|\bview\b))");
  return pattern;
}

// A tracker's name, in a link's text or a comment.
const RE2& tracker_name_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b(ml[ _-]?flow|w&b|weights (&|and) biases|wandb|tensorboard|neptune|comet|clearml|aim|vertex ai experiments?)\b)");
  return pattern;
}

// A tracker's name in a section heading: not the plain words "aim" and "comet" ("## Aim").
const RE2& tracker_heading_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b(ml[ _-]?flow|w&b|weights (&|and) biases|wandb|tensorboard|neptune|clearml|vertex ai experiments?)\b)");
  return pattern;
}

// The address a UI answers on, in a comment beside the tracker's name.
const RE2& local_address_pattern()
{
  thread_local const RE2 pattern(R"((https?://|localhost:\d|127\.0\.0\.1:\d))");
  return pattern;
}

// A link to a hosted project ("https://wandb.ai/jane/churn") or an MLflow server of one's own.
bool is_dashboard_url(std::string_view url)
{
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    return false;
  }
  const std::string_view rest = url.substr(scheme + 3);
  const std::string host = text::to_lower(rest.substr(0, rest.find_first_of("/?#")));
  const std::string_view path = rest.substr(std::min(rest.size(), host.size()));
  if (std::find(std::begin(k_tool_sites), std::end(k_tool_sites), host) != std::end(k_tool_sites) ||
      host.ends_with(".readthedocs.io")) {
    return false;
  }
  // A project is /<entity>/<project>: one segment is an account's page (/authorize, /login).
  const std::string_view bare = path.substr(0, path.find_first_of("?#"));
  const size_t second = bare.size() > 1 ? bare.find('/', 1) : std::string_view::npos;
  const bool project_path = second != std::string_view::npos && second + 1 < bare.size() &&
                            !path.starts_with("/site") && !path.starts_with("/docs");
  const bool hosted = std::find(std::begin(k_dashboard_hosts), std::end(k_dashboard_hosts), host) !=
                      std::end(k_dashboard_hosts);
  return (hosted && project_path) || host.find("mlflow") != std::string::npos ||
         (host == "dagshub.com" && text::icontains(path, ".mlflow"));
}

// "[MLflow](http://churn.example.net:5001)": a link named after the tracker that leads to a
// server of the project's own (a port, or the tracker's experiments page), not to its website.
bool is_named_server_link(const analyze::Link& link)
{
  thread_local const RE2 server_url(R"((?i)^https?://[^/?#\s]+(/[^\s]*)?(:\d{2,5}\b|#/experiments))");
  thread_local const RE2 port_after_host(R"((?i)^https?://[^/?#\s]+:\d{2,5}\b)");
  if (!RE2::PartialMatch(link.text, tracker_name_pattern())) {
    return false;
  }
  return RE2::PartialMatch(link.url, port_after_host) || RE2::PartialMatch(link.url, server_url);
}

bool matches(std::string_view text, const RE2& pattern)
{
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), pattern);
}

const Tracker* tracker_named(std::string_view module)
{
  const std::string root = text::to_lower(module.substr(0, module.find('.')));
  for (const auto& tracker : k_trackers) {
    if (root == tracker.module) {
      return &tracker;
    }
  }
  return nullptr;
}

struct Use
{
  const Tracker* tracker = nullptr;
  Location where;
};

// Where a module logs to the tracker it imports as `imported`: mlflow.log_params(...),
// wandb.init(...), mlflow.start_run(); nullopt when it only imports it (a server loading a model).
std::optional<int> logging_call(const analyze::PythonModule& module, std::string_view imported)
{
  for (const auto& call : module.calls) {
    if (call.callee.size() <= imported.size() || !call.callee.starts_with(imported) ||
        call.callee[imported.size()] != '.') {
      continue;
    }
    const std::string_view last = last_component(call.callee);
    if (last.starts_with("log") || last == "init" || last == "start_run" || last == "autolog") {
      return call.line;
    }
  }
  return std::nullopt;
}

// The first tracker the code logs to, else the first it imports (torch.utils.tensorboard and
// Lightning loggers included), else the first one a dependency file lists.
std::optional<Use> tracker_used(const Analysis& analysis)
{
  for (const auto& module : analysis.code_modules()) {
    if (module.value == nullptr) {
      continue;
    }
    for (const auto& import : module.value->imports) {
      if (import.names.empty() && tracker_named(import.module) != nullptr) {
        if (const auto line = logging_call(*module.value, import.module)) {
          return Use{tracker_named(import.module), code_location(analysis, module.file, *line)};
        }
      }
    }
  }
  for (const auto& module : analysis.code_modules()) {
    if (module.value == nullptr) {
      continue;
    }
    for (const auto& import : module.value->imports) {
      const Tracker* tracker = tracker_named(import.module);
      if (tracker == nullptr && text::icontains(import.module, "tensorboard")) {
        tracker = tracker_named("tensorboard");
      }
      for (const auto& name : import.names) {
        if (tracker == nullptr && name.ends_with("Logger")) {
          const std::string lower = text::to_lower(name);
          tracker = lower.starts_with("wandb")         ? tracker_named("wandb")
                    : lower.starts_with("mlflow")      ? tracker_named("mlflow")
                    : lower.starts_with("tensorboard") ? tracker_named("tensorboard")
                    : lower.starts_with("neptune")     ? tracker_named("neptune")
                    : lower.starts_with("comet")       ? tracker_named("comet_ml")
                                                       : nullptr;
        }
      }
      if (tracker != nullptr) {
        return Use{tracker, code_location(analysis, module.file, import.line)};
      }
    }
  }
  // Keras' callback, called through the package it came with: keras.callbacks.TensorBoard(log_dir).
  for (const auto& module : analysis.code_modules()) {
    if (module.value == nullptr) {
      continue;
    }
    for (const auto& call : module.value->calls) {
      if (call.callee.ends_with("callbacks.TensorBoard") ||
          call.callee.ends_with("loggers.TensorBoardLogger")) {
        return Use{tracker_named("tensorboard"), code_location(analysis, module.file, call.line)};
      }
    }
  }
  if (const auto vertex = vertex_experiment_run(analysis)) {
    return Use{tracker_named("aiplatform"), vertex->first};
  }
  // A tracker the code never imports counts when the code names it to a framework that logs to it
  // (report_to="wandb", logger="mlflow") and the project depends on it. A dependency alone is a
  // plan, not a use: nothing is logged.
  const auto named_in_code = [&](const Tracker& tracker) {
    for (const auto& module : analysis.code_modules()) {
      if (module.value != nullptr &&
          std::any_of(module.value->strings.begin(), module.value->strings.end(),
                      [&](const analyze::StringLiteral& literal) {
                        return text::iequals(literal.value, tracker.module);
                      })) {
        return true;
      }
    }
    return false;
  };
  for (const auto& file : analysis.dependency_files()) {
    for (const auto& dependency : file.value.dependencies) {
      const std::string name = dependency.name == "comet-ml" ? "comet_ml" : dependency.name;
      if (const Tracker* tracker = tracker_named(name);
          tracker != nullptr && dependency.group.empty() && named_in_code(*tracker)) {
        return Use{tracker, {file.file->path, 0}};
      }
    }
  }
  return std::nullopt;
}

// What a document shows of the dashboard beyond commands and sentences, and its line:
// a table of the services a command starts ("| MLflow | 5000 | Experiment tracking UI |"), a
// section named for the tracker's UI that gives its address ("### Check MLflow Experiments",
// then "1. Go to http://localhost:5000"), or a screenshot of the UI.
std::optional<std::pair<std::string, int>> shown_in(const analyze::Document& document)
{
  thread_local const RE2 port(R"((^|[\s:])\d{4,5}\b)");
  for (const auto& table : document.tables) {
    for (size_t r = 0; r < table.rows.size(); ++r) {
      std::string row;
      for (const auto& cell : table.rows[r]) {
        row += (row.empty() ? "" : " | ") + cell;
      }
      if (matches(row, tracker_name_pattern()) &&
          (matches(row, port) || matches(row, dashboard_prose_pattern()))) {
        // The row's line: the header, the delimiter row, then one line per row.
        return std::pair("the dashboard in the table of services: \"" + docs::clip(row, 70) + "\"",
                         table.line + 2 + static_cast<int>(r));
      }
    }
  }
  thread_local const RE2 ui_heading(R"((?i)\b(ui|dashboard|experiments?|runs)\b)");
  thread_local const RE2 experiment_tracking_heading(R"((?i)\bexperiments?\s+tracking\b)");
  for (const auto& section : document.sections) {
    if (section.level == 1 || !matches(section.heading, tracker_heading_pattern()) ||
        !matches(section.heading, ui_heading)) {
      continue;
    }
    for (const auto& block : document.blocks) {
      if (block.line > section.line && block.line <= section.end_line &&
          (block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item) &&
          matches(block.text, local_address_pattern())) {
        return std::pair("the dashboard's address under \"" + docs::clip(section.heading, 50) + "\"",
                         section.line);
      }
    }
  }
  // A screenshot of the tracker's UI (a private server's runs can be shown no other way):
  // "![MLflow experiments per mission](docs/assets/mlflow-experiments.png)"; not its logo.
  for (const auto& image : document.images) {
    // The project's own picture: a file of the repository or one uploaded to GitHub, not a
    // counter or badge service whose address carries the repository's name.
    const bool external = image.url.find("://") != std::string::npos;
    if (external && !text::icontains(image.url, "githubusercontent.com/") &&
        !text::icontains(image.url, "github.com/user-attachments/")) {
      continue;
    }
    const std::string url = image.url.substr(0, image.url.find_first_of("?#"));
    std::string name = url.substr(url.rfind('/') + 1);
    std::replace(name.begin(), name.end(), '_', ' ');
    const std::string described = text::to_lower(image.alt + " " + name);
    const bool logo =
        described.find("logo") != std::string::npos || described.find("icon") != std::string::npos;
    // Or a picture in a section named for the tracker or the tracking ("### Experiment Tracking",
    // then "![TrainTracking](assets/image-5.png)").
    // The innermost section only, below the title: a title naming MLflow covers every picture.
    const analyze::Section* innermost = nullptr;
    for (const auto& section : document.sections) {
      if (section.line < image.line && image.line <= section.end_line) {
        innermost = &section;
      }
    }
    // A result plot under it is the model's, not the tracker's: a confusion matrix, a curve.
    thread_local const RE2 result_plot(
        R"((?i)(confusion|roc|curve|loss|matrix|architecture|diagram|distribution|importance|shap|histogram))");
    const bool in_tracking_section = innermost != nullptr && innermost->level > 1 &&
                                     (matches(innermost->heading, tracker_heading_pattern()) ||
                                      matches(innermost->heading, experiment_tracking_heading)) &&
                                     !matches(described, result_plot);
    if (!docs::is_badge(image) && !logo &&
        (matches(described, tracker_name_pattern()) || in_tracking_section)) {
      return std::pair("a screenshot of the dashboard, \"" +
                           docs::clip(image.alt.empty() ? name : image.alt, 60) + "\"",
                       image.line);
    }
  }
  return std::nullopt;
}

} // namespace

Finding check_docs_experiment_dashboard(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const std::string& path = readme->path;
  const auto found = [&](const std::string& what, int line) {
    return pass(what + " (" + docs::at(path, line) + ")", {{path, static_cast<uint32_t>(line)}});
  };

  for (const auto& link : document.links) {
    if (is_dashboard_url(link.url) || is_named_server_link(link)) {
      return found("a link to the experiment dashboard, " + docs::clip(link.url, 80), link.line);
    }
  }
  for (const auto& code : document.code_blocks) {
    if (docs::is_diagram_language(text::to_lower(code.language))) {
      continue; // a box labelled "docker build" in a flowchart is no command
    }
    int line = code.line + (code.fenced ? 1 : 0);
    for (const auto piece : text::split(code.content, '\n')) {
      const bool comment = text::trim(piece).starts_with('#');
      if (!comment && !docs::is_tree_line(piece) && matches(piece, dashboard_command_pattern())) {
        return found("the command that opens the dashboard, `" + docs::shown_command(piece) + "`", line);
      }
      // "# MLflow:   http://localhost:5001": where to open it, after the command that starts it.
      if (comment && matches(piece, tracker_name_pattern()) && matches(piece, local_address_pattern())) {
        return found("the dashboard's address, \"" + docs::clip(std::string(text::trim(piece)), 70) + "\"", line);
      }
      ++line;
    }
  }
  for (const auto& block : document.blocks) {
    if ((block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item) &&
        matches(block.text, dashboard_prose_pattern())) {
      return found("directions to the dashboard: \"" + docs::clip(block.text, 70) + "\"", block.line);
    }
  }
  if (auto seen = shown_in(document)) {
    return found(seen->first, seen->second);
  }

  // A guide the README links or names by its path, named for the tracking ("Set up the MLflow
  // tracking server (see `docs/mlflow-tracking-server-setup.md`)"), may say how to open it.
  const auto about_tracking = [](std::string_view guide, std::string_view text) {
    // ... or a guide to running the whole of it, the tracking server among its services.
    return matches(guide, tracker_name_pattern()) || text::icontains(guide, "tracking") ||
           text::icontains(guide, "experiment") || docs::about_running(guide, text);
  };
  for (const auto& [guide, reference, doc] :
       docs::referenced_documents(context.analysis(), path, document, about_tracking)) {
    const std::string named = (reference.linked ? "the linked " : "the README's ") + guide;
    for (const auto& code : doc.code_blocks) {
      for (const auto piece : text::split(code.content, '\n')) {
        if (!text::trim(piece).starts_with('#') && !docs::is_tree_line(piece) &&
            matches(piece, dashboard_command_pattern())) {
          return found(named + " gives the command that opens the dashboard, `" + docs::shown_command(piece) + "`",
                       reference.line);
        }
      }
    }
    for (const auto& block : doc.blocks) {
      if ((block.kind == analyze::BlockKind::paragraph || block.kind == analyze::BlockKind::list_item) &&
          matches(block.text, dashboard_prose_pattern())) {
        return found(named + " gives directions to the dashboard", reference.line);
      }
    }
    if (auto seen = shown_in(doc)) {
      return found(named + " shows " + seen->first + " (line " + std::to_string(seen->second) + ")",
                   reference.line);
    }
  }

  const auto use = tracker_used(context.analysis());
  if (!use) {
    return skip("the code logs to no experiment tracker (MLflow, Weights & Biases, TensorBoard, ...)");
  }
  Finding finding =
      fail("the code logs to " + std::string(use->tracker->name) + " (" + use->where.to_string() + ") but " +
               path + " neither links the dashboard nor says how to open it",
           {{path, 0}, use->where});
  // The README section is what `mlfolio add tracking` writes.
  finding.fix = fix_of(context.rule(), use->tracker->fix);
  return finding;
}

} // namespace mlfolio::lint
