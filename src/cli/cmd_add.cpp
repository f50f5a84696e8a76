#include "cli/command.h"

#include "core/text.h"
#include "generate/add_plan.h"
#include "generate/add_writer.h"
#include "generate/components.h"
#include "generate/project_probe.h"
#include "generate/unified_diff.h"
#include "git/initial_commit.h"
#include "lint/catalog.h"

#include <filesystem>
#include <ostream>

namespace mlfolio::cli {

namespace {

namespace stdfs = std::filesystem;
using generate::ChangeKind;

const OptionSpec k_options[] = {
  {"list", "", "list the components with the rules each one fixes, and exit"},
  {"package", "NAME", "the project's package when several could be (src/NAME or NAME/)"},
  {"model-path", "PATH", "the trained model file, when it is not below models/"},
  {"tracking", "BACKEND", "for tracking: mlflow (default) or wandb"},
  {"license", "LICENSE", "mit (default), apache-2.0 or bsd-3-clause"},
  {"author", "NAME", "licence holder (default: git config user.name)"},
  {"python", "VERSION", "Python version (default: .python-version, else 3.11)"},
  {"force", "", "replace files that exist, after writing a backup beside each (FILE.bak)"},
  {"dry-run", "", "print a unified diff of what would change, write nothing"},
};

int fail(const Error& error, Io& io)
{
  io.err << "mlfolio add: " << error.message << '\n';
  return static_cast<int>(error.code);
}

std::string join(const std::vector<std::string>& items)
{
  std::string joined;
  for (const auto& item : items) {
    joined += (joined.empty() ? "" : ", ") + item;
  }
  return joined;
}

// The ids of the rules that name the component as their fix, in id order.
std::vector<std::string> rules_fixed_by(std::string_view component)
{
  std::vector<std::string> ids;
  if (const auto catalog = lint::builtin_catalog()) {
    for (const auto& rule : (*catalog)->rules()) {
      if (rule.add == component) {
        ids.push_back(rule.id);
      }
    }
  }
  return ids;
}

int list_components(Io& io)
{
  for (const auto& component : generate::components()) {
    io.out << component.name << std::string(12 - std::min<size_t>(11, component.name.size()), ' ')
           << component.summary << '\n'
           << std::string(12, ' ') << "fixes " << join(rules_fixed_by(component.name)) << '\n';
  }
  return 0;
}

Result<const generate::Component*> choose_component(const ParsedArgs& args)
{
  if (args.positionals().empty()) {
    return usage_error("missing COMPONENT, e.g. 'mlfolio add docker'; 'mlfolio add --list' lists them.");
  }
  if (args.positionals().size() > 2) {
    return usage_error("takes COMPONENT and an optional PATH, got " + std::to_string(args.positionals().size())
                       + " arguments.");
  }
  const std::string& name = args.positionals()[0];
  const generate::Component* component = generate::find_component(name);
  if (component == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& known : generate::components()) {
      names.push_back(known.name);
    }
    return usage_error("unknown component '" + name + "'."
                       + text::did_you_mean(text::suggest(name, std::span<const std::string_view>(names)))
                       + " 'mlfolio add --list' lists them.");
  }
  return component;
}

Result<generate::Answers> collect_answers(const ParsedArgs& args, const generate::Component& component)
{
  generate::Answers answers;
  for (const std::string_view option : {"tracking", "license", "author"}) {
    if (const auto value = args.value(option)) {
      TRY(generate::set_answer(answers, option, *value, "--" + std::string(option)));
    }
  }
  if (answers.tracking == "none") {
    return usage_error("--tracking none: the tracking component writes a tracker; give --tracking mlflow or wandb.");
  }
  const git::Identity identity = git::default_identity();
  if (answers.author.empty()) {
    answers.author = identity.name;
  }
  if (answers.author.empty()) {
    if (component.name == "license") {
      return usage_error("the licence needs a holder and git config user.name is not set; give --author NAME.");
    }
    answers.author = "Your Name";
  }
  return answers;
}

Result<generate::ProjectInfo> probe(const ParsedArgs& args)
{
  const std::string given = args.positionals().size() > 1 ? args.positionals()[1] : ".";
  std::error_code error;
  const stdfs::path root = stdfs::absolute(given, error).lexically_normal();
  const stdfs::path clean = root.has_filename() ? root : root.parent_path();
  if (error || !stdfs::is_directory(clean, error)) {
    return usage_error(given + " is not a folder. Give the project's folder as PATH (default: the current one).");
  }
  generate::ProbeHints hints{args.value("package").value_or(""), args.value("model-path").value_or(""),
                             args.value("python").value_or("")};
  return generate::probe_project(clean, hints);
}

std::string describe(const generate::ProjectInfo& project)
{
  std::string text = std::string(generate::layout_name(project.layout));
  if (project.layout != generate::Layout::scripts) {
    text += ", package " + project.package + " in " + project.package_dir + "/";
  }
  text += project.dependencies == generate::DependencyFile::requirements ? ", requirements.txt"
          : project.dependencies == generate::DependencyFile::pyproject  ? ", pyproject.toml"
                                                                         : ", no dependency file";
  if (!project.model_path.empty()) {
    text += ", model " + project.model_path;
  }
  if (!project.entry_point.empty()) {
    text += ", entry point " + project.entry_point;
  }
  return text;
}

void print_changes(const generate::AddPlan& plan, const std::vector<std::string>& backups, Io& io)
{
  size_t backup = 0;
  for (const auto& change : plan.changes) {
    io.out << "  " << generate::change_kind_name(change.kind)
           << std::string(9 - generate::change_kind_name(change.kind).size(), ' ') << change.path;
    if (change.kind == ChangeKind::replace) {
      io.out << (backup < backups.size() ? ": the old content is in " + backups[backup++]
                                         : std::string(": a backup is written first"));
    } else if (!change.note.empty()) {
      io.out << ": " << change.note;
    } else if (change.kind == ChangeKind::same) {
      io.out << ": already up to date";
    }
    io.out << '\n';
  }
}

} // namespace

int run_add(const ParsedArgs& args, Io& io)
{
  if (args.has("list")) {
    return list_components(io);
  }
  const auto component = choose_component(args);
  if (!component) {
    return fail(component.error(), io);
  }
  const auto answers = collect_answers(args, **component);
  if (!answers) {
    return fail(answers.error(), io);
  }
  const auto project = probe(args);
  if (!project) {
    return fail(project.error(), io);
  }
  const auto tmpl = generate::load_builtin_template("ml-project");
  if (!tmpl) {
    return fail(tmpl.error(), io);
  }
  const auto plan = generate::plan_add(**component, *tmpl, *project, *answers, args.has("force"));
  if (!plan) {
    return fail(plan.error(), io);
  }
  const std::string name((*component)->name);
  const std::vector<std::string> fixes = rules_fixed_by(name);
  io.out << "mlfolio add " << name << " in " << project->root.string() << " (" << describe(*project) << "):\n";
  if (args.has("dry-run")) {
    for (const auto& change : plan->changes) {
      if (change.kind != ChangeKind::keep && change.kind != ChangeKind::same) {
        io.out << generate::unified_diff(change.path, change.before, change.after);
      }
    }
    print_changes(*plan, {}, io);
    io.out << "Nothing was written (--dry-run).\n";
    return 0;
  }
  const auto outcome = generate::write_add_plan(*plan);
  if (!outcome) {
    return fail(outcome.error(), io);
  }
  print_changes(*plan, outcome->backups, io);
  if (outcome->written.empty()) {
    io.out << "Nothing was written: the files are in place.\n";
  } else {
    io.out << "Wrote " << outcome->written.size() << (outcome->written.size() == 1 ? " file" : " files")
           << "; review with git diff.";
    io.out << (fixes.empty() ? "\n" : " It answers " + join(fixes) + "; run 'mlfolio check' to see.\n");
  }
  return 0;
}

const Command& add_command()
{
  static const Command k_command = {
      "add",
      "Add a missing piece (Dockerfile, CI, README sections, ...) to an existing project",
      "mlfolio add COMPONENT [PATH] [options]",
      "Writes COMPONENT into the project at PATH (default: the current folder), made from the same\n"
      "template as 'mlfolio new' and adapted to the project: its package (src/NAME, NAME/ or\n"
      "scripts), requirements.txt or pyproject.toml, model file and entry point. 'mlfolio add --list'\n"
      "shows the components and the rules each one fixes.\n\n"
      "A file that exists is left alone and reported; --force replaces it after writing FILE.bak\n"
      "(FILE.bak.1, ... when that exists). .gitignore, README.md and the dependency file are merged:\n"
      "missing entries, sections and packages are appended, every existing line is kept. Each file\n"
      "is written atomically; nothing else is touched, so a dirty working tree is fine.\n\n"
      "Exit codes: 0 written, or already in place; 2 unknown component or option, PATH not a\n"
      "folder, the package cannot be told (give --package), or a file in the way (nothing is\n"
      "written); 3 a write failed (the message says which files were already written).",
      k_options,
      run_add,
  };
  return k_command;
}

} // namespace mlfolio::cli
