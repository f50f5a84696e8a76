// docs/deployment: a live URL, or the docker or cloud steps that put the model on a server.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>

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
                                          "azureml.net"};
// Links whose text says "try it" lead to a demo, unless they go to code, papers or videos.
constexpr std::string_view k_demo_words[] = {"demo",     "live",       "try it", "deployed",
                                             "endpoint", "playground", "hosted"};
constexpr std::string_view k_not_deployments[] = {
    "github.com",   "gitlab.com",    "bitbucket.org",   "kaggle.com",  "colab.research.google.com",
    "linkedin.com", "youtube.com",   "youtu.be",        "vimeo.com",   "loom.com",
    "arxiv.org",    "wikipedia.org", "shields.io",      "readthedocs", "pypi.org",
    "localhost",    "127.0.0.1",     "0.0.0.0",         "medium.com",  "drive.google.com",
    "mybinder.org", "nbviewer",      "docs.python.org", "example.com"};
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
const RE2& deploy_command_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)(docker(-| )compose\b.*\bup\b|docker (run|build|push)\b|podman (run|build)\b|kubectl (apply|create|run)\b|)"
      R"(helm (install|upgrade)\b|gcloud (run|app|functions) deploy|az (webapp|containerapp|container|functionapp)\b|)"
      R"(aws (ecs|lambda|sagemaker|elasticbeanstalk|ecr|apprunner)\b|\beb (deploy|create)\b|sam deploy|)"
      R"(serverless deploy|\bsls deploy|git push heroku|heroku (container|create|deploy)|fly(ctl)? (deploy|launch)|)"
      R"(railway up|vercel( deploy|$| --prod)|terraform apply|modal deploy|bentoml (containerize|deploy)|)"
      R"(cdk deploy|pulumi up|skaffold (run|dev)|cog push|make [\w-]*(docker|deploy|container|compose|k8s|helm)[\w-]*))");
  return pattern;
}

bool any_in(std::string_view text, std::span<const std::string_view> needles)
{
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return text::icontains(text, n); });
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
    if (web && any_in(link.url, k_hosting) && !any_in(link.url, k_not_deployments)) {
      return found("a live deployment at " + docs::clip(link.url, 80), link.line);
    }
  }
  for (const auto& link : document.links) {
    const bool web = link.url.starts_with("http://") || link.url.starts_with("https://");
    if (web && docs::has_any_word(link.text, k_demo_words) && !any_in(link.url, k_not_deployments)) {
      return found("a link to the live demo, " + docs::clip(link.url, 80), link.line);
    }
  }
  for (const auto& code : document.code_blocks) {
    if (docs::is_diagram_language(text::to_lower(code.language))) {
      continue; // a box labelled "docker build" in a flowchart is no command
    }
    int line = code.line + (code.fenced ? 1 : 0);
    for (const auto piece : text::split(code.content, '\n')) {
      re2::StringPiece match;
      if (RE2::PartialMatch(re2::StringPiece(piece.data(), piece.size()), deploy_command_pattern(), &match)) {
        return found("deployment commands such as `" + docs::shown_command(piece) + "`", line);
      }
      ++line;
    }
  }
  for (const analyze::Section* section : docs::sections_named(document, k_deploy_headings)) {
    const std::string prose = docs::section_prose(document, *section, false);
    if (docs::count_words(prose) >= 15 && docs::has_any_word(prose, k_platforms)) {
      return found("the " + section->heading + " section describes the deployment", section->line);
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
