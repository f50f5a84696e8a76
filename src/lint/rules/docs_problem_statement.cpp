// docs/problem-statement: a section on the problem, or an opening paragraph that states it.
#include "lint/rules/registry.h"

#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Headings that can only mean the problem; a few sentences under them are enough.
constexpr std::string_view k_problem_headings[] = {
    "problem", "problem statement", "motivation", "business problem", "business case", "business context",
    "objective", "goal", "purpose", "the challenge", "business understanding", "aim", "mission", "the task",
    "what problem", "rationale", "business value", "problem definition",
    // The same in Spanish, Portuguese, French, German, Italian, Japanese, Chinese, Korean,
    // Indonesian, Vietnamese and Turkish.
    "planteamiento del problema", "objetivo", "objetivos", "motivación", "motivação", "problématique",
    "objectif", "problemstellung", "zielsetzung", "obiettivo", "目的", "課題", "问题", "목표", "문제",
    "permasalahan", "rumusan masalah", "masalah", "tujuan", "vấn đề", "bài toán", "mục tiêu", "amaç",
    "problem tanımı"};
// Of those, the ones that may hold the engineering's goals rather than the problem's.
constexpr std::string_view k_goal_headings[] = {"objective", "goal", "purpose", "aim", "mission"};
// Headings that usually introduce the project but may introduce anything ("Dataset overview").
constexpr std::string_view k_intro_headings[] = {
    "overview", "about", "background", "introduction", "intro", "description", "context", "summary",
    "abstract", "tl dr", "tldr", "the project", "project details", "what is this", "what it does", "what is", "what it is",
    "what this is", "how it works",
    "why", "use case", "scenario",
    // The same in the languages portfolios are often written in; a Cyrillic capital is compared
    // as written.
    "descripción", "introducción", "resumen", "descrição", "introdução", "visão geral", "présentation",
    "aperçu", "überblick", "beschreibung", "einleitung", "descrizione", "introduzione", "panoramica", "概要",
    "背景", "はじめに", "简介", "概述", "项目简介", "介绍", "개요", "소개", "описание", "Описание", "обзор",
    "Обзор", "введение", "Введение", "latar belakang", "deskripsi", "pendahuluan", "giới thiệu", "tổng quan",
    "genel bakış", "giriş"};
constexpr std::string_view k_other_topics[] = {
    "data",       "dataset", "architecture", "model",          "models",       "results",  "api",
    "structure",  "layout",  "files",        "folder",         "installation", "usage",    "author",
    "authors",    "me",      "team",         "license",        "contributing", "code",     "pipeline",
    "deployment", "tech",    "stack",        "tools",          "notebooks",    "features", "experiments",
    "evaluation", "metrics", "contents",     "test",           "tests",        "testing",  "ci/cd",
    "ci",         "cd",      "mlops",        "infrastructure", "monitoring",   "docker"};

// Words that say why the project matters or for whom: a stake, a cost, the people it serves, a
// goal. An overview that only lists what the project is built with ("an end-to-end ML service
// built with FastAPI, MLflow and Docker, designed to showcase MLOps") states no problem.
constexpr std::string_view k_purpose_words[] = {
    "help",       "helps",      "helping",    "so that",    "because",    "problem",   "problems",
    "challenge",  "challenges", "cost",       "costs",      "costly",     "expensive", "risk",
    "risks",      "risky",      "loss",       "losses",     "critical",   "crucial",   "important",
    "importance", "matters",    "need",       "needs",      "reduce",     "reduces",   "reducing",
    "prevent",    "prevents",   "avoid",      "early",      "manual",     "manually",  "time-consuming",
    "decision",   "decisions",  "decide",     "users",      "customers",  "customer",  "clients",
    "patients",   "doctors",    "clinicians", "businesses", "business",   "companies", "company",
    "retailers",  "banks",      "lenders",    "farmers",    "analysts",   "teams",     "stakeholders",
    "goal",       "aim",        "aims",       "objective",  "motivation", "enable",    "enables",
    "allow",      "allows",     "allowing",   "save",       "saves",      "improve",   "improves",
    "improving",  "support",    "supports",   "why",        "impact",     "value",     "benefit",
    "benefits",   "difficult",  "hard",       "million",    "millions",   "billion",   "worldwide",
    "annually",   "every year", "each year",  "affects",    "struggle",   "struggles", "pain",
    "inform",     "informs",    "prioritize", "prioritise", "plan",       "planning",  "safety",
    "safer",      "faster",     "cheaper",    "accessible", "people"};
// Enough of these tell English prose, the only prose whose purpose is judged.
constexpr std::string_view k_english_words[] = {"the", "and",  "with", "of", "is",
                                                "for", "this", "that", "to"};

// Words of prose about the engineering itself: what the repository shows off and is built with.
constexpr std::string_view k_showcase_words[] = {
    "showcase",    "showcases",  "showcasing", "demonstrate", "demonstrates", "demonstrating", "built with",
    "built using", "powered by", "portfolio",  "tech stack",  "featuring",    "you can clone"};

// Words of the engineering of an ML system, not of anything it is for; the variants of one
// idea share a line and count once.
constexpr std::string_view k_engineering_words[][3] = {
    {"mlops", "", ""},
    {"ci/cd", "ci cd", ""},
    {"pipeline", "pipelines", ""},
    {"docker", "containerized", "containerised"},
    {"kubernetes", "", ""},
    {"deployment", "deploy", "deployed"},
    {"monitoring", "observability", ""},
    {"experiment tracking", "", ""},
    {"model registry", "versioning", ""},
    {"feature store", "", ""},
    {"reproducibility", "reproducible", ""},
    {"automation", "automated", ""},
    {"lifecycle", "life cycle", ""},
    {"orchestration", "workflow", "workflows"},
    {"infrastructure", "tooling", ""},
    {"production-grade", "production-ready", "scalable"},
    {"retraining", "re-training", ""},
    {"open-source tools", "open source tools", "best practices"}};
// Words of k_purpose_words that tooling prose uses as well ("enables reproducible pipelines",
// "supports CI/CD", "improve deployment"): they tell no stake on their own.
constexpr std::string_view k_tooling_purpose_words[] = {
    "enable",    "enables",    "allow",     "allows",     "allowing", "support", "supports", "improve",
    "improves",  "improving",  "important", "crucial",    "critical", "goal",    "aim",      "aims",
    "objective", "motivation", "need",      "needs",      "value",    "help",    "helps",    "helping",
    "faster",    "plan",       "planning",  "accessible", "save",     "saves",   "teams"};
// Words of a stake that k_purpose_words does not hold: the domain's own problem.
constexpr std::string_view k_domain_stake_words[] = {"downtime",  "healthcare", "screening", "fraud",
                                                     "diagnosis", "diagnose",   "outbreak",  "stockouts",
                                                     "shortage",  "waste",      "delays",    "failures"};

// Whether prose names who needs the project or what is at stake.
bool names_stake(std::string_view prose)
{
  for (const std::string_view word : k_purpose_words) {
    if (std::find(std::begin(k_tooling_purpose_words), std::end(k_tooling_purpose_words), word) ==
            std::end(k_tooling_purpose_words) &&
        docs::has_word(prose, word)) {
      return true;
    }
  }
  return docs::has_any_word(prose, k_domain_stake_words);
}

size_t english_words(std::string_view prose)
{
  return static_cast<size_t>(
      std::count_if(std::begin(k_english_words), std::end(k_english_words),
                    [&](std::string_view word) { return docs::has_word(prose, word); }));
}

// A sentence that says what the model predicts, from what or into what: "a model that predicts
// whether a critic review is positive or negative", "classifying papers into research
// categories". Engineering prose around it still says what the project is for.
bool states_task(std::string_view prose)
{
  thread_local const RE2 pattern(
      R"((?i)\b(predicts?|predicting|classif(?:y|ies|ying)|detects?|detecting|forecasts?|forecasting|estimates?|estimating)\b[^.;:]{0,80}?\b(whether|into|from|based on)\b)");
  return RE2::PartialMatch(re2::StringPiece(prose.data(), prose.size()), pattern);
}

// English prose made of the engineering (MLOps, pipelines, CI/CD, deployment, monitoring ...)
// with no word of who needs it or what is at stake: "we will develop a machine learning workflow
// utilizing the MLOps pipeline ... data preprocessing, model training, monitoring, deployment".
bool only_engineering(std::string_view prose)
{
  const auto engineering = std::count_if(
      std::begin(k_engineering_words), std::end(k_engineering_words), [&](const auto& variants) {
        return std::any_of(std::begin(variants), std::end(variants), [&](std::string_view word) {
          return !word.empty() && docs::has_word(prose, word);
        });
      });
  return english_words(prose) >= 3 && engineering >= 4 && !names_stake(prose) && !states_task(prose);
}

// Whether prose reads as a statement of the problem. English prose that shows off the
// engineering ("an end-to-end ML service built with FastAPI, MLflow and Docker, designed to
// showcase MLOps"), or is made of it (see only_engineering), and says nothing of why or for whom
// does not; a plain description of what is predicted, or prose in another language, is given the
// benefit of the doubt.
bool states_purpose(std::string_view prose)
{
  return english_words(prose) < 3 ||
         ((!docs::has_any_word(prose, k_showcase_words) || docs::has_any_word(prose, k_purpose_words)) &&
          !only_engineering(prose));
}

constexpr size_t k_problem_words = 12; // under a problem heading
constexpr size_t k_intro_words = 25;   // under an overview heading, or before the first section

} // namespace

Finding check_docs_problem_statement(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const auto problem = docs::sections_named(document, k_problem_headings);
  const auto intro = docs::sections_named(document, k_intro_headings, k_other_topics);

  const analyze::Section* empty = nullptr;
  const analyze::Section* thin = nullptr;
  const analyze::Section* aimless = nullptr; // long enough, but says nothing of why or for whom
  size_t thin_words = 0;
  const auto judge = [&](const std::vector<const analyze::Section*>& sections, size_t needed,
                         bool purpose) -> const analyze::Section* {
    for (const analyze::Section* section : sections) {
      const std::string prose = docs::section_prose(document, *section, false);
      const size_t words = docs::count_words(prose);
      // Under a Problem heading the heading says what the prose is; under a Goals heading too,
      // unless the goals are all engineering ("Demonstrate production-oriented MLOps practices",
      // "Enable reproducible, modular ML pipelines").
      const bool goals = !purpose && analyze::heading_matches(section->heading, k_goal_headings);
      if (words >= needed && (purpose ? states_purpose(prose) : !goals || !only_engineering(prose))) {
        return section;
      }
      if (words >= needed) {
        aimless = aimless == nullptr ? section : aimless;
        continue;
      }
      if (words == 0 && empty == nullptr) {
        empty = section;
      } else if (words > 0 && thin == nullptr) {
        thin = section;
        thin_words = words;
      }
    }
    return nullptr;
  };
  if (const analyze::Section* found = judge(problem, k_problem_words, false)) {
    return pass(docs::the(found->heading) + " section states the problem (" +
                    docs::at(readme->path, found->line) + ")",
                {{readme->path, static_cast<uint32_t>(found->line)}});
  }
  const analyze::Section* empty_problem = empty;
  if (const analyze::Section* found = judge(intro, k_intro_words, true)) {
    return pass(docs::the(found->heading) + " section introduces the problem (" +
                    docs::at(readme->path, found->line) + ")",
                {{readme->path, static_cast<uint32_t>(found->line)}});
  }

  // An empty Problem heading says the author meant to write it: point there, whatever the opening.
  if (empty_problem != nullptr) {
    const analyze::Html* comment = docs::placeholder_comment(document, *empty_problem);
    Finding finding =
        fail(docs::the(empty_problem->heading) + " section (" + docs::at(readme->path, empty_problem->line) +
                 ") " + (comment != nullptr ? "holds only a placeholder comment" : "is empty") +
                 "; a reader sees no problem statement",
             {{readme->path, static_cast<uint32_t>(empty_problem->line)}});
    finding.fix = "Under " + empty_problem->heading +
                  ", replace the placeholder with two or three sentences: who needs the "
                  "prediction, what decision it supports, and what a wrong prediction costs.";
    return finding;
  }
  const std::string opening = docs::opening_prose(document);
  const size_t opening_words = docs::count_words(opening);
  if (opening_words >= k_intro_words && states_purpose(opening)) {
    return pass("the opening paragraph describes the project (" + std::to_string(opening_words) +
                    " words before the "
                    "first section)",
                {{readme->path, 1}});
  }
  if (aimless != nullptr || opening_words >= k_intro_words) {
    const std::string where =
        aimless != nullptr
            ? docs::the(aimless->heading) + " section (" + docs::at(readme->path, aimless->line) + ")"
            : "the opening paragraph (" + count_of(opening_words, "word") + ")";
    return fail(where + " describes what the project shows and is built with, but not who needs it, what "
                        "problem it solves or why that matters",
                {{readme->path, aimless != nullptr ? static_cast<uint32_t>(aimless->line) : 1U}});
  }
  if (thin != nullptr) {
    return fail(docs::the(thin->heading) + " section (" + docs::at(readme->path, thin->line) + ") has only " +
                    count_of(thin_words, "word") + " and the opening " + count_of(opening_words, "word") +
                    "; neither says what problem the project solves and why it matters",
                {{readme->path, static_cast<uint32_t>(thin->line)}});
  }
  return fail(readme->path +
                  " has no section on the problem (Problem, Motivation, Overview, ...) and its opening has " +
                  count_of(opening_words, "word") +
                  "; nothing says what problem the project solves and why it matters",
              {{readme->path, 1}});
}

} // namespace mlfolio::lint
