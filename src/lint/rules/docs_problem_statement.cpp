// docs/problem-statement: a section on the problem, or an opening paragraph that states it.
#include "lint/rules/registry.h"

#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

namespace mlfolio::lint {

namespace {

// Headings that can only mean the problem; a few sentences under them are enough.
constexpr std::string_view k_problem_headings[] = {
    "problem", "problem statement", "motivation", "business problem", "business case", "business context",
    "objective", "goal", "purpose", "the challenge", "business understanding", "aim", "mission", "the task",
    "what problem", "rationale", "business value", "problem definition",
    // The same in Spanish, Portuguese, French, German, Italian, Japanese, Chinese and Korean.
    "planteamiento del problema", "objetivo", "objetivos", "motivación", "motivação", "problématique",
    "objectif", "problemstellung", "zielsetzung", "obiettivo", "目的", "課題", "问题", "목표", "문제"};
// Headings that usually introduce the project but may introduce anything ("Dataset overview").
constexpr std::string_view k_intro_headings[] = {
    "overview", "about", "background", "introduction", "intro", "description", "context", "summary",
    "abstract", "tl dr", "tldr", "the project", "project details", "what is this", "what it does", "what is",
    "why", "use case",
    // The same in the languages portfolios are often written in; a Cyrillic capital is compared
    // as written.
    "descripción", "introducción", "resumen", "descrição", "introdução", "visão geral", "présentation",
    "aperçu", "überblick", "beschreibung", "einleitung", "descrizione", "introduzione", "panoramica", "概要",
    "背景", "はじめに", "简介", "概述", "项目简介", "介绍", "개요", "소개", "описание", "Описание", "обзор",
    "Обзор", "введение", "Введение"};
constexpr std::string_view k_other_topics[] = {
    "data",   "dataset",   "architecture", "model",        "models",     "results",    "api",     "structure",
    "layout", "files",     "folder",       "installation", "usage",      "author",     "authors", "me",
    "team",   "license",   "contributing", "code",         "pipeline",   "deployment", "tech",    "stack",
    "tools",  "notebooks", "features",     "experiments",  "evaluation", "metrics",    "contents"};

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
  size_t thin_words = 0;
  const auto judge = [&](const std::vector<const analyze::Section*>& sections,
                         size_t needed) -> const analyze::Section* {
    for (const analyze::Section* section : sections) {
      const size_t words = docs::count_words(docs::section_prose(document, *section, false));
      if (words >= needed) {
        return section;
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
  if (const analyze::Section* found = judge(problem, k_problem_words)) {
    return pass("the " + found->heading + " section states the problem (" +
                    docs::at(readme->path, found->line) + ")",
                {{readme->path, static_cast<uint32_t>(found->line)}});
  }
  const analyze::Section* empty_problem = empty;
  if (const analyze::Section* found = judge(intro, k_intro_words)) {
    return pass("the " + found->heading + " section introduces the problem (" +
                    docs::at(readme->path, found->line) + ")",
                {{readme->path, static_cast<uint32_t>(found->line)}});
  }

  // An empty Problem heading says the author meant to write it: point there, whatever the opening.
  if (empty_problem != nullptr) {
    const analyze::Html* comment = docs::placeholder_comment(document, *empty_problem);
    Finding finding =
        fail("the " + empty_problem->heading + " section (" + docs::at(readme->path, empty_problem->line) +
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
  if (opening_words >= k_intro_words) {
    return pass("the opening paragraph describes the project (" + std::to_string(opening_words) +
                    " words before the "
                    "first section)",
                {{readme->path, 1}});
  }
  if (thin != nullptr) {
    return fail("the " + thin->heading + " section (" + docs::at(readme->path, thin->line) + ") has only " +
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
