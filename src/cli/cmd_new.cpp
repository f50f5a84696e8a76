#include "cli/command.h"

#include "core/text.h"
#include "generate/answers.h"
#include "generate/plan.h"
#include "generate/template.h"
#include "generate/writer.h"

#include <filesystem>
#include <ostream>

namespace mlfolio::cli {

namespace {

namespace stdfs = std::filesystem;
using generate::Answers;

// Options that set an answer directly; they win over --set and --answers.
constexpr std::string_view k_answer_options[] = {"task", "tracking", "license", "author", "email",
                                                  "description", "python"};

Result<Answers> collect_answers(const ParsedArgs& args)
{
  Answers answers;
  if (const auto file = args.value("answers")) {
    TRY(generate::read_answers_file(answers, *file));
  }
  for (const auto& assignment : args.values("set")) {
    const size_t equals = assignment.find('=');
    if (equals == std::string::npos) {
      return usage_error("--set " + assignment + ": expected KEY=VALUE, e.g. --set task=regression.");
    }
    TRY(generate::set_answer(answers, assignment.substr(0, equals), assignment.substr(equals + 1), "--set"));
  }
  for (const auto option : k_answer_options) {
    if (const auto value = args.value(option)) {
      TRY(generate::set_answer(answers, option, *value, "--" + std::string(option)));
    }
  }
  if (args.positionals().size() > 1) {
    return usage_error("mlfolio new: takes one NAME, got " + std::to_string(args.positionals().size())
                       + ". Quote a description with spaces: --description \"...\".");
  }
  if (!args.positionals().empty()) {
    answers.name = args.positionals()[0];
  } else if (answers.name.empty()) {
    return usage_error("mlfolio new: missing NAME, e.g. 'mlfolio new churn-predictor'.");
  }
  const git::Identity identity = git::default_identity();
  if (answers.author.empty()) {
    answers.author = identity.name.empty() ? "Your Name" : identity.name;
  }
  if (answers.email.empty()) {
    answers.email = identity.email.empty() ? "you@example.com" : identity.email;
  }
  if (answers.description.empty()) {
    answers.description = "An end-to-end " + answers.task
                          + " project: data pipeline, tracked training, a served model and drift monitoring.";
  }
  TRY(generate::validate(answers));
  return answers;
}

Result<generate::Template> choose_template(const ParsedArgs& args)
{
  if (const auto dir = args.value("template-dir")) {
    if (args.has("template")) {
      return usage_error("mlfolio new: give --template or --template-dir, not both.");
    }
    return generate::load_template_dir(*dir);
  }
  return generate::load_builtin_template(args.value("template").value_or("ml-project"));
}

int list_templates(const ParsedArgs& args, Io& io)
{
  if (const auto dir = args.value("template-dir")) {
    const auto tmpl = generate::load_template_dir(*dir);
    if (!tmpl) {
      io.err << "mlfolio new: " << tmpl.error().message << '\n';
      return static_cast<int>(tmpl.error().code);
    }
    io.out << tmpl->name << "  " << tmpl->version << "  " << tmpl->description << "  (" << tmpl->origin << ")\n";
    return 0;
  }
  for (const auto& name : generate::builtin_template_names()) {
    const auto tmpl = generate::load_builtin_template(name);
    if (tmpl) {
      io.out << tmpl->name << "  " << tmpl->version << "  " << tmpl->description << '\n';
    }
  }
  return 0;
}

std::string human_size(size_t bytes)
{
  if (bytes < 1024) {
    return std::to_string(bytes) + " B";
  }
  return std::to_string((bytes + 512) / 1024) + " KiB";
}

int fail(const Error& error, Io& io)
{
  io.err << "mlfolio new: " << error.message << '\n';
  return static_cast<int>(error.code);
}

} // namespace

int run_new(const ParsedArgs& args, Io& io)
{
  if (args.has("list-templates")) {
    return list_templates(args, io);
  }
  const auto answers = collect_answers(args);
  if (!answers) {
    return fail(answers.error(), io);
  }
  const auto tmpl = choose_template(args);
  if (!tmpl) {
    return fail(tmpl.error(), io);
  }
  std::error_code error;
  const stdfs::path parent = stdfs::absolute(args.value("dir").value_or("."), error).lexically_normal();
  const stdfs::path target = parent / answers->name;
  const auto plan = generate::make_plan(*tmpl, *answers, target);
  if (!plan) {
    return fail(plan.error(), io);
  }
  generate::WriteOptions options{args.has("force"), !args.has("no-git"), {answers->author, answers->email}};

  if (args.has("dry-run")) {
    const auto actions = generate::preview(*plan, options);
    if (!actions) {
      return fail(actions.error(), io);
    }
    io.out << "Would write " << target.string() << " from template " << tmpl->name << ' ' << tmpl->version
           << ":\n";
    for (size_t i = 0; i < plan->files.size(); ++i) {
      io.out << "  " << (*actions)[i] << "  " << plan->files[i].path << " ("
             << human_size(plan->files[i].content.size()) << ")\n";
    }
    io.out << (options.git ? "  and make a git repository with an initial commit\n" : "")
           << "Nothing was written (--dry-run).\n";
    return 0;
  }

  const auto outcome = generate::write_plan(*plan, options);
  if (!outcome) {
    return fail(outcome.error(), io);
  }
  io.out << "Created " << target.string() << " from template " << tmpl->name << ' ' << tmpl->version << " ("
         << outcome->created.size() << " files written";
  if (!outcome->replaced.empty()) {
    io.out << ", " << outcome->replaced.size() << " replaced";
  }
  io.out << (outcome->committed ? ", with a git repository and an initial commit" : "") << ").\n";
  if (!outcome->git_note.empty() && outcome->git_note != "--no-git") {
    io.out << "No git commit: " << outcome->git_note << ".\n";
  }
  io.out << "\nNext steps:\n  cd " << target.string()
         << "\n  make install      # dependencies (PYTHON=... to pick the interpreter)\n"
            "  make train        # trains the baseline and the model, fills the README results\n"
            "  make serve        # the API on http://127.0.0.1:8000\n"
            "  make test\n"
            "  mlfolio check     # what a reviewer will still miss\n";
  return 0;
}

} // namespace mlfolio::cli
