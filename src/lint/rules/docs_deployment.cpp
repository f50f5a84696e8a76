// docs/deployment: a live URL, or the docker or cloud steps that put the model on a server.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/makefile.h"
#include "lint/analyze/readme.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <span>
#include <vector>

namespace mlfolio::lint {

namespace {

// Hosts that serve apps and APIs: a link there is a running deployment.
constexpr std::string_view k_hosting[] = {"herokuapp.com",
                                          "streamlit.app",
                                          "streamlitapp.com",
                                          "share.streamlit.io",
                                          "huggingface.co/spaces",
                                          ".hf.space",
                                          "onrender.com",
                                          "fly.dev",
                                          "vercel.app",
                                          "netlify.app",
                                          "railway.app",
                                          "azurewebsites.net",
                                          "cloudfunctions.net",
                                          ".run.app",
                                          "appspot.com",
                                          "execute-api.",
                                          "elasticbeanstalk.com",
                                          "pythonanywhere.com",
                                          "replit.app",
                                          "repl.co",
                                          "koyeb.app",
                                          "deta.dev",
                                          "deta.app",
                                          "modal.run",
                                          "web.app",
                                          "firebaseapp.com",
                                          "ondigitalocean.app",
                                          "glitch.me",
                                          "azurecontainerapps.io",
                                          "lambda-url.",
                                          "gradio.app",
                                          "render.com",
                                          "shinyapps.io",
                                          "anvil.app",
                                          "azureml.net",
                                          "azurecontainer.io",
                                          "cloudapp.azure.com"};
// Links whose text says "try it" lead to a demo, unless they go to code, papers or videos.
constexpr std::string_view k_demo_words[] = {"demo",     "live",       "try it", "deployed",
                                             "endpoint", "playground", "hosted"};
// A "live" link to a write-up is no deployment: "📊 Live Report", "live dashboard of the analysis".
constexpr std::string_view k_write_up_words[] = {"report",       "case study",    "analysis", "slides",
                                                 "presentation", "paper",         "article",  "blog",
                                                 "notebook",     "documentation", "docs",     "video"};
// Words of a sentence that gives the address of the running app.
constexpr std::string_view k_address_words[] = {
    "demo",      "live demo", "live app", "live version", "is live", "deployed",
    "hosted",    "endpoint",  "app",      "application",  "web app", "website",
    "interface", "link",      "url",      "access",       "try it",  "playground"};
// Words of a sentence about the data, whose address is where the data is.
constexpr std::string_view k_data_words[] = {"data", "dataset", "datasets", "download", "source", "csv"};
constexpr std::string_view k_not_deployments[] = {
    "github.com", "gitlab.com", "bitbucket.org", "kaggle.com", "colab.research.google.com", "linkedin.com",
    "youtube.com", "youtu.be", "vimeo.com", "loom.com", "arxiv.org", "wikipedia.org", "shields.io",
    "readthedocs", "pypi.org", "localhost", "127.0.0.1", "0.0.0.0", "medium.com", "drive.google.com",
    "mybinder.org", "nbviewer", "docs.python.org", "example.com",
    // Streams and dashboards of the analysis, not the model running.
    "twitch.tv", "tableau.com", "lookerstudio.google.com", "datastudio.google.com", "app.powerbi.com",
    "docs.google.com", "notion.so"};
// A hosting platform's own page ("https://huggingface.co/spaces", "https://streamlit.app/"), as
// a badge links it: no app of the project's is there.
bool platform_home(std::string_view url)
{
  const size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  while (rest.ends_with('/')) {
    rest.remove_suffix(1);
  }
  if (rest.starts_with("www.")) {
    rest.remove_prefix(4);
  }
  return std::any_of(std::begin(k_hosting), std::end(k_hosting), [&](std::string_view host) {
    return text::iequals(rest, host.starts_with('.') ? host.substr(1) : host);
  });
}

constexpr std::string_view k_deploy_headings[] = {"deployment", "deploy",    "deploying", "production",
                                                  "hosting",    "live demo", "demo",      "cloud",
                                                  "docker",     "serving"};
constexpr std::string_view k_platforms[] = {"docker",
                                            "kubernetes",
                                            "k8s",
                                            "aws",
                                            "ec2",
                                            "ecs",
                                            "eks",
                                            "lambda",
                                            "sagemaker",
                                            "gcp",
                                            "cloud run",
                                            "vertex",
                                            "azure",
                                            "heroku",
                                            "render",
                                            "fly.io",
                                            "railway",
                                            "vercel",
                                            "hugging face spaces",
                                            "streamlit cloud",
                                            "digitalocean",
                                            "terraform",
                                            "helm",
                                            "app engine",
                                            "elastic beanstalk",
                                            "kserve",
                                            "seldon",
                                            "bentoml",
                                            "modal",
                                            "nginx",
                                            "gunicorn",
                                            "systemd"};

// Commands that build, start or ship the service.
constexpr const char k_deploy_commands[] =
    R"((?i)(docker(-| )compose\b.*\bup\b|docker (run|build|push)\b|podman (run|build)\b|kubectl (apply|create|run)\b|)"
    R"(helm (install|upgrade)\b|gcloud (run|app|functions) deploy|az (webapp|containerapp|container|functionapp)\b|)"
    R"(aws (ecs|lambda|sagemaker|elasticbeanstalk|ecr|apprunner)\b|\beb (deploy|create)\b|sam deploy|)"
    R"(serverless deploy|\bsls deploy|git push heroku|heroku (container|create|deploy)|fly(ctl)? (deploy|launch)|)"
    R"(railway up|vercel( deploy|$| --prod)|terraform apply|modal deploy|bentoml (containerize|deploy)|)"
    R"(cdk deploy|pulumi up|skaffold (run|dev)|cog push|databricks bundle deploy|make [\w-]*(docker|deploy|container|compose|k8s|helm)[\w-]*))";

const RE2& deploy_command_pattern()
{
  thread_local const RE2 pattern(k_deploy_commands);
  return pattern;
}

// A line that is such a command and nothing else ("docker compose up -d --build" on a line of its
// own in a paragraph, where a README pasted from a chat lost its code fences).
const RE2& deploy_line_pattern()
{
  // The rest of the line goes on as a command: no dot ends a sentence there ("-f docker-compose.yml",
  // and the build context "-t churn ." at the end).
  thread_local const RE2 pattern([] {
    std::string anchored = R"(^\s*(?:\$\s+)?)";
    // Typed as a shell takes it, in lower case: "AWS ECR → AWS App Runner" is a label.
    anchored.append(std::string_view(k_deploy_commands).substr(std::string_view("(?i)").size()));
    anchored.append(R"((?:[^.!?]|\.\S)*(?: \.)?$)");
    return anchored;
  }());
  return pattern;
}

bool is_deploy_command(std::string_view line)
{
  return RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), deploy_command_pattern());
}

// "make up" or "just deploy" in the README, whose recipe in the root Makefile or justfile builds
// or starts the containers: the README documents the deployment through the task file. Returns
// the deployment command the target runs, "" when it runs none, nothing when the line runs no
// task or the task file does not have the target (the target's name is all there is to go by).
std::optional<std::string> task_deploy_command(const Analysis& analysis, std::string_view line)
{
  line = text::trim(line);
  if (line.starts_with("$ ")) {
    line = text::trim(line.substr(2));
  }
  const bool make = line.starts_with("make ");
  const bool just = line.starts_with("just ");
  if (!make && !just) {
    return std::nullopt;
  }
  std::string_view target = text::trim(line.substr(5));
  target = target.substr(0, target.find_first_of(" \t#;&|"));
  if (target.empty() || target.front() == '-') {
    return std::nullopt;
  }
  bool seen = false;
  const char* make_names[] = {"Makefile", "makefile", "GNUmakefile"};
  const char* just_names[] = {"justfile", "Justfile", ".justfile"};
  for (const char* path : make ? std::span<const char*>(make_names) : std::span<const char*>(just_names)) {
    const TextFile* file = analysis.text(path);
    if (file == nullptr || file->binary) {
      continue;
    }
    const auto tasks = analyze::parse_task_file(file->content, make ? analyze::TaskFileKind::make
                                                                    : analyze::TaskFileKind::just);
    // The target, and the targets it depends on, two levels deep.
    std::vector<std::string> wanted{std::string(target)};
    for (size_t depth = 0; depth < 3 && !wanted.empty(); ++depth) {
      std::vector<std::string> next;
      for (const auto& task : tasks.targets) {
        if (std::find(wanted.begin(), wanted.end(), task.name) == wanted.end()) {
          continue;
        }
        seen = true;
        for (const auto& command : task.recipe) {
          if (!analyze::only_prints(command) && is_deploy_command(command)) {
            return docs::shown_command(command);
          }
        }
        next.insert(next.end(), task.prerequisites.begin(), task.prerequisites.end());
      }
      wanted = std::move(next);
    }
  }
  return seen ? std::optional<std::string>(std::string()) : std::nullopt;
}

// Words of a linked document's path or link text that say it is about deployment.
constexpr std::string_view k_deploy_doc_words[] = {
    "deploy", "deployment", "deploying", "production",     "runbook", "docker", "kubernetes", "k8s",
    "cloud",  "hosting",    "infra",     "infrastructure", "aws",     "gcp",    "azure",      "helm"};

bool any_in(std::string_view text, std::span<const std::string_view> needles)
{
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return text::icontains(text, n); });
}

} // namespace

namespace {

// Sentences indented by four spaces under a heading: Markdown makes them a code block, but they
// read as prose ("Flask App: Deployed using Docker and SSH via GitHub Actions"). A line counts
// when it starts with a capital letter (after a list marker) and has five words or more.
std::string indented_prose(const analyze::Document& document, const analyze::Section& section)
{
  std::string prose;
  for (size_t c = section.code_blocks.begin; c < section.code_blocks.end; ++c) {
    const analyze::CodeBlock& code = document.code_blocks[c];
    if (code.fenced) {
      continue;
    }
    for (auto line : text::split(code.content, '\n')) {
      line = text::trim(line);
      if (line.starts_with("- ") || line.starts_with("* ")) {
        line = text::trim(line.substr(2));
      }
      if (!line.empty() && std::isupper(static_cast<unsigned char>(line.front())) != 0 &&
          docs::count_words(line) >= 5 && !is_deploy_command(line)) {
        prose += '\n';
        prose += line;
      }
    }
  }
  return prose;
}

} // namespace

Finding check_docs_deployment(const RuleContext& context)
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
    const bool web = link.url.starts_with("http://") || link.url.starts_with("https://");
    if (web && any_in(link.url, k_hosting) && !any_in(link.url, k_not_deployments) &&
        !platform_home(link.url)) {
      return found("a live deployment at " + docs::clip(link.url, 80), link.line);
    }
  }
  for (const auto& link : document.links) {
    const bool web = link.url.starts_with("http://") || link.url.starts_with("https://");
    if (web && docs::has_any_word(link.text, k_demo_words) &&
        !docs::has_any_word(link.text, k_write_up_words) && !any_in(link.url, k_not_deployments)) {
      return found("a link to the live demo, " + docs::clip(link.url, 80), link.line);
    }
  }
  // A link labelled just before it: "**Live Site**: [peyechi.com](https://peyechi.com)", "Demo ->
  // [app](...)". The label is the few words before the link's text in its paragraph or item.
  for (const auto& link : document.links) {
    const bool web = link.url.starts_with("http://") || link.url.starts_with("https://");
    if (!web || any_in(link.url, k_not_deployments) || link.text.empty()) {
      continue;
    }
    for (const auto& block : document.blocks) {
      if ((block.kind != analyze::BlockKind::paragraph && block.kind != analyze::BlockKind::list_item) ||
          link.line < block.line ||
          link.line > block.line + static_cast<int>(std::count(block.text.begin(), block.text.end(), '\n'))) {
        continue;
      }
      const size_t at = block.text.find(link.text);
      if (at == std::string::npos) {
        continue;
      }
      const size_t from = at > 40 ? at - 40 : 0;
      const std::string_view label = std::string_view(block.text).substr(from, at - from);
      const size_t line_start = label.rfind('\n');
      const std::string_view own = line_start == std::string_view::npos ? label : label.substr(line_start + 1);
      if (docs::has_any_word(own, k_demo_words) && !docs::has_any_word(own, k_write_up_words) &&
          !docs::has_any_word(link.text, k_write_up_words)) {
        return found("a link to the live demo, " + docs::clip(link.url, 80), link.line);
      }
    }
  }
  // An address written out instead of linked, "Link: `http://35.231.160.55/`", where its sentence
  // says what it leads to (the app, a demo, the interface) and is not about data or a write-up.
  thread_local const RE2 address_pattern(R"((https?://[^\s`<>()\[\]"'{}|\\^]+))");
  for (const auto& block : document.blocks) {
    if (block.kind != analyze::BlockKind::paragraph && block.kind != analyze::BlockKind::list_item) {
      continue;
    }
    // The sentence's own words, without the addresses ("/app/profile/" says nothing).
    std::string words = block.text;
    RE2::GlobalReplace(&words, address_pattern, " ");
    re2::StringPiece input(block.text.data(), block.text.size());
    std::string address;
    while (RE2::FindAndConsume(&input, address_pattern, &address)) {
      while (!address.empty() && std::string_view(",.;:!?").find(address.back()) != std::string_view::npos) {
        address.pop_back();
      }
      if (any_in(address, k_not_deployments) || text::icontains(address, "your") || platform_home(address)) {
        continue;
      }
      if (any_in(address, k_hosting) ||
          (docs::has_any_word(words, k_address_words) && !docs::has_any_word(words, k_write_up_words) &&
           !docs::has_any_word(words, k_data_words))) {
        return found("a live deployment at " + docs::clip(address, 80), block.line);
      }
    }
  }
  for (const auto& code : document.code_blocks) {
    if (docs::is_diagram_language(text::to_lower(code.language))) {
      continue; // a box labelled "docker build" in a flowchart is no command
    }
    int line = code.line + (code.fenced ? 1 : 0);
    std::string_view before; // the block's last line with words, above this one
    for (const auto piece : text::split(code.content, '\n')) {
      // An address alone on its line under one that says what it is ("## deploy url", a fence
      // left open swallowing the heading): the running service's address.
      const std::string_view bare = text::trim(piece);
      if (RE2::FullMatch(re2::StringPiece(bare.data(), bare.size()), address_pattern) &&
          !any_in(bare, k_not_deployments) && !text::icontains(bare, "your") &&
          (docs::has_any_word(before, k_address_words) || docs::has_any_word(before, k_deploy_headings)) &&
          !docs::has_any_word(before, k_write_up_words) && !docs::has_any_word(before, k_data_words)) {
        return found("a live deployment at " + docs::clip(bare, 80), line);
      }
      before = bare.empty() ? before : bare;
      // "make deploy-models" is judged by what its recipe runs, where the Makefile has it.
      const auto task = task_deploy_command(context.analysis(), piece);
      if (task && !task->empty()) {
        return found("deployment commands such as `" + docs::shown_command(piece) + "` (which runs `" +
                         *task + "`)",
                     line);
      }
      // "curl https://churn.onrender.com/predict": a request to the hosted service.
      re2::StringPiece input(piece.data(), piece.size());
      std::string address;
      while (RE2::FindAndConsume(&input, address_pattern, &address)) {
        if (any_in(address, k_hosting) && !any_in(address, k_not_deployments) && !platform_home(address)) {
          return found("a live deployment at " + docs::clip(address, 80), line);
        }
      }
      // "docker run hello-world" checks that Docker is installed; it deploys nothing.
      const bool install_check = text::icontains(piece, "hello-world");
      if (!task && !install_check && !docs::is_tree_line(piece) && is_deploy_command(piece)) {
        return found("deployment commands such as `" + docs::shown_command(piece) + "`", line);
      }
      ++line;
    }
  }
  for (const auto& block : document.blocks) {
    if (block.kind != analyze::BlockKind::paragraph && block.kind != analyze::BlockKind::list_item) {
      continue;
    }
    int line = block.line;
    for (const auto piece : text::split(block.text, '\n')) {
      if (piece.size() <= 160 &&
          RE2::PartialMatch(re2::StringPiece(piece.data(), piece.size()), deploy_line_pattern()) &&
          !text::icontains(piece, "hello-world")) {
        std::string_view command = text::trim(piece);
        command = command.starts_with("$ ") ? text::trim(command.substr(2)) : command;
        return found(
            "deployment commands outside code blocks, such as `" + docs::shown_command(command) + "`", line);
      }
      ++line;
    }
  }
  for (const analyze::Section* section : docs::sections_named(document, k_deploy_headings)) {
    const std::string prose =
        docs::section_prose(document, *section, false) + indented_prose(document, *section);
    if (docs::count_words(prose) >= 15 && docs::has_any_word(prose, k_platforms)) {
      return found(docs::the(section->heading) + " section describes the deployment", section->line);
    }
  }

  // The README may hand the steps to a document of their own: "see the runbook in deploy/README.md",
  // by a link or by the document's path in a sentence ("Build the images (see `docs/docker-setup.md`)").
  const auto about_deployment = [](std::string_view guide, std::string_view text) {
    // ... or a guide to running the whole of it, where serving is one step of many; not the README
    // of a part named for something else (experiments/README.md runs experiments).
    return docs::has_any_word(text, k_deploy_doc_words) ||
           docs::has_any_word(text::to_lower(guide), k_deploy_doc_words) ||
           (docs::about_running(guide, text) && !text::istarts_with(text::base_name(guide), "readme"));
  };
  for (const auto& [linked, link, doc] :
       docs::referenced_documents(context.analysis(), path, document, about_deployment)) {
    for (const auto& code : doc.code_blocks) {
      if (docs::is_diagram_language(text::to_lower(code.language))) {
        continue;
      }
      for (const auto piece : text::split(code.content, '\n')) {
        if (is_deploy_command(piece)) {
          return found(std::string(link.linked ? "the linked " : "the README's ") + linked +
                           " gives deployment commands such as `" + docs::shown_command(piece) + "`",
                       link.line);
        }
      }
    }
  }

  std::string message = path + " does not say how the model runs in production: no live demo or API URL, no "
                               "docker or cloud deployment commands";
  const auto& dockerfiles = context.analysis().dockerfiles();
  if (!dockerfiles.empty()) {
    message += "; " + dockerfiles.front().file->path +
               " exists, but the README does not say how to build and run it";
  }
  return fail(message, {{path, 0}});
}

} // namespace mlfolio::lint
