// docs/lessons: what was tried and did not work, error analysis, limitations, lessons learned.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/analyze/text_decode.h"
#include "lint/rules/docs_sections.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace mlfolio::lint {

namespace {

// Headings that can only be about this.
constexpr std::string_view k_lesson_headings[] = {
    "what didn t work", "what did not work", "what didnt work", "what doesn t work", "lessons",
    "lessons learned", "limitations", "known limitations", "error analysis", "failure analysis",
    "failure cases", "failure modes", "failed experiments", "what i tried", "what we tried", "things i tried",
    "things tried", "ablation", "ablations", "pitfalls", "trade offs", "tradeoffs", "caveats", "shortcomings",
    "weaknesses", "known issues", "retrospective", "post mortem", "postmortem", "reflections", "reflection",
    "negative results", "what went wrong", "mistakes", "fails", "failures", "what failed", "failed attempts",
    "failed approaches", "dead ends",
    // The same headings in the languages portfolios are often written in (Spanish, Portuguese,
    // French, German, Italian, Russian; a Cyrillic capital is compared as written).
    "limitaciones", "lecciones aprendidas", "limitações", "lições aprendidas", "leçons apprises",
    "einschränkungen", "limitazioni", "lezioni apprese", "ограничения", "Ограничения",
    // Korean, Japanese and Chinese: limitations, lessons, retrospective, what fell short.
    "한계", "한계점", "교훈", "회고", "限界", "制限事項", "制約", "教訓", "反省", "反省点", "局限性", "局限",
    "教训", "不足之处"};
// Headings that may hold it: accepted when the text reads like a comparison or a limit. A
// "Challenges" section is as often a list of the data's difficulties (class imbalance, missing
// values) as an account of what went wrong, and "What I learned" a list of skills.
constexpr std::string_view k_maybe_headings[] = {"challenges",
                                                 "experiments",
                                                 "discussion",
                                                 "future work",
                                                 "follow-up work",
                                                 "follow up work",
                                                 "further work",
                                                 "next steps",
                                                 "improvements",
                                                 "conclusion",
                                                 "conclusions",
                                                 "iterations",
                                                 "approaches",
                                                 "model selection",
                                                 "journey",
                                                 "insights",
                                                 "studies",
                                                 "findings",
                                                 "key findings",
                                                 "observations",
                                                 "comparison",
                                                 "what i learned",
                                                 "what we learned",
                                                 "learnings",
                                                 "takeaways",
                                                 "key takeaways",
                                                 "benchmarking",
                                                 "benchmarks",
                                                 "alternatives",
                                                 "alternatives considered",
                                                 "considered alternatives",
                                                 "rejected alternatives",
                                                 "consequences",
                                                 "amelioration",
                                                 "futur work"};

// Words of a report on what failed or was dropped.
const RE2& lesson_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)(did ?n[o']?t (work|help|improve)|didn’t (work|help|improve)|does ?n[o']?t (work|generalize|generalise)|)"
      R"(\bworse\b|\bfailed\b|\bfails\b|limitation|\binstead\b|\bhowever\b|dropped|discarded|\brejected\b|underperform|)"
      R"(overfit|no improvement|\bhurt\b|trade-?off|\btried\b|error analysis|misclassif|struggles?\b|)"
      R"(out of distribution|\bbias(es|ed)?\b|lessons? learn|\b(adds?|gives?|brings?) little\b|)"
      R"(little (change|difference|gain|effect|improvement)|\bno (gain|benefit|difference)\b|)"
      R"(\b(does|did|do) ?n[o']?t (help|improve|matter|beat|outperform|generali[sz]e)|only (marginally|slightly)\b|)"
      R"(root causes?\b|(domain|distribution|data|covariate) shift|\bleakage\b|)"
      // A limit the results show: "boundaries remain ambiguous", "would need deeper architectures".
      R"(\bremains? (ambiguous|unclear|difficult|challenging|hard|limited|an? (open )?(issue|problem|challenge))\b|)"
      R"(\bremains? (under-?represented|unstable|weak|poor|less (stable|accurate|reliable))\b|)"
      R"(\b(requires?|would require|needs?|would need) (deeper|larger|bigger)\b|\bwould benefit from\b|)"
      // What fell short: "significant performance drops on new data", "despite being tuned".
      R"(\bperformance (drops?|degrad\w*|falls?)\b|\bdespite (being |the |all )?(tun|tri|try|us|add)\w*|)"
      // An insight rather than a skill: "taught me the difference between ranking and calibration".
      R"(\btaught (me|us)\b|\b(learned|learnt|realized|realised|found) that\b|\bturned out\b|)"
      R"(the difference between|\bmatters? more than\b|more important than|\bsurprising(ly)?\b|)"
      // A trade-off taken: the best model offline is not the one served, and why. "ALS is used as
      // the default serving model due to its lower inference latency".
      R"(\b(is|was|are|were) (used|chosen|kept|selected|picked|preferred|served)\b[^.]{0,60}\b(due to|because of) )"
      R"((its|their) (lower|faster|smaller|simpler|cheaper)\b|)"
      // An option turned down for a reason, as a comparison table gives it: "❌ (too slow)",
      // "❌ (lower accuracy)".
      R"(\btoo (slow|costly|expensive|low accuracy)\b|)"
      R"(\blower (accuracy|precision|recall|f1|auc|score)\b|)"
      // An approach's cost named: "imposes assumptions that may not hold".
      R"(\bimposes? (assumptions|constraints)\b|\bassumptions? (that )?(may|might|does|do) not hold\b))");
  return pattern;
}

constexpr size_t k_lesson_words = 12;
// A note outside such a section says something: "- [x] Error analysis" in a to-do list does not.
constexpr size_t k_note_words = 6;

// A paragraph wrapped in the source keeps its line breaks: "did not\nhelp" reads as "did not help".
std::string on_one_line(std::string_view text)
{
  std::string flat(text);
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return flat;
}

bool reads_like_lessons(std::string_view text)
{
  return RE2::PartialMatch(on_one_line(text), lesson_pattern());
}

// A sentence anywhere that reports a failed attempt: "SMOTE did not help", "lessons learned".
const RE2& strong_lesson_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)(did ?n[o']?t (work|help|improve)|didn’t (work|help|improve)|error analysis|lessons? learned|)"
      R"(failure (cases|modes)|\b(i|we) tried\b|known limitations|limitations of|model'?s? limitations|)"
      R"(limitations (are|is|were) (documented|described|discussed|listed|covered)|)"
      R"(\b(was|were) (not|never) (promoted|selected|chosen|adopted)\b|)"
      // A caveat on the results, or their errors counted: "must be interpreted cautiously",
      // "should not be generalized to real applicants", "produced 20 incorrect predictions".
      R"(\binterpreted (cautiously|with caution)\b|\b(should|must|may) not be generali[sz]ed\b|\b(cannot|can't) be generali[sz]ed\b|)"
      R"(\b\d+ (incorrect|wrong) predictions\b|)"
      // The same in the languages portfolios are often written in: limitations, lessons, "did
      // not work" (Spanish, Portuguese, French, German, Russian, Korean, Japanese, Chinese).
      R"(limitaciones|no funcion[óo]|limitações|não funcionou|n'a pas fonctionné|ne fonctionne pas|)"
      R"(nicht funktioniert|funktionierte nicht|Einschränkungen|ограничени|не сработал|)"
      R"(한계|교훈|효과가 없|限界|制限事項|教訓|うまくいかな|局限|教训|不足之处|没有效果))");
  return pattern;
}

// A section, a bold heading's paragraph or a sentence of `document` (at `path`, whose text is
// `source`) that tells what was tried and did not work; `empty`, `thin` and `other` collect the
// sections that might have.
std::optional<Finding> lessons_in(const analyze::Document& document, const std::string& path,
                                  const TextFile* source, const analyze::Section** empty = nullptr,
                                  const analyze::Section** thin = nullptr,
                                  const analyze::Section** other = nullptr)
{
  for (const analyze::Section* section : docs::sections_named(document, k_lesson_headings)) {
    const std::string prose = docs::section_prose(document, *section, false);
    const size_t words = docs::count_words(prose);
    if (words >= k_lesson_words) {
      return pass(docs::the(section->heading) + " section (" + docs::at(path, section->line) + ")",
                  {{path, static_cast<uint32_t>(section->line)}});
    }
    if (words == 0 && empty != nullptr && *empty == nullptr) {
      *empty = section;
    } else if (words > 0 && thin != nullptr && *thin == nullptr) {
      *thin = section;
    }
  }
  // Headings written in bold, "**Bias, Risks, and Limitations**", hold it as well.
  if (source != nullptr) {
    const analyze::HeadingKeywords lesson_headings(k_lesson_headings);
    for (const auto& bold : docs::bold_headings(document, analyze::decode_text(source->content).text)) {
      if (lesson_headings.match(bold.heading) && docs::count_words(bold.text) >= k_lesson_words) {
        return pass(docs::the(bold.heading) + " paragraph (" + docs::at(path, bold.line) + ")",
                    {{path, static_cast<uint32_t>(bold.line)}});
      }
    }
  }
  for (const analyze::Section* section : docs::sections_named(document, k_maybe_headings)) {
    // A comparison table says it too: "| 150 | 25 | 1.37% | 243 min | ❌ (too slow) |"; one of
    // its own, not a subsection's (a table of modules under "Project Structure").
    std::string prose = docs::section_prose(document, *section, false);
    int own_end = section->end_line;
    for (const auto& next : document.sections) {
      if (next.line > section->line) {
        own_end = std::min(own_end, next.line - 1);
        break;
      }
    }
    for (const auto& table : document.tables) {
      if (table.line > section->line && table.line <= own_end) {
        for (const auto& row : table.rows) {
          for (const auto& cell : row) {
            prose += (prose.empty() ? "" : " ") + cell;
          }
        }
      }
    }
    if (other != nullptr && *other == nullptr && docs::count_words(prose) >= k_lesson_words) {
      *other = section; // a maybe-heading whose text is about something else
    }
    if (docs::count_words(prose) >= k_lesson_words && reads_like_lessons(prose)) {
      return pass(docs::the(section->heading) + " section discusses what did not work (" +
                      docs::at(path, section->line) + ")",
                  {{path, static_cast<uint32_t>(section->line)}});
    }
  }
  // "Error Analysis" as one name in a title-case list of features ("with Cross-Validation, Model
  // Registry, Error Analysis, and Reproducibility") is a tagline, not an account of the errors.
  const auto in_feature_list = [](const std::string& flat, const std::string& match) {
    if (match != "Error Analysis") {
      return false;
    }
    const size_t at = flat.find(match);
    const std::string_view before = std::string_view(flat).substr(0, at);
    const std::string_view after = std::string_view(flat).substr(at + match.size());
    const bool listed = before.ends_with(", ") || before.ends_with(" and ") || after.starts_with(",");
    return listed && std::count(flat.begin(), flat.end(), ',') >= 3;
  };
  for (const auto& block : document.blocks) {
    if (block.kind != analyze::BlockKind::paragraph && block.kind != analyze::BlockKind::list_item) {
      continue;
    }
    const std::string flat = on_one_line(block.text);
    std::string match;
    if (docs::count_words(block.text) >= k_note_words &&
        RE2::PartialMatch(flat, strong_lesson_pattern(), &match) && !in_feature_list(flat, match)) {
      return pass("a note on what did not work at " + docs::at(path, block.line) + ": \"" +
                      docs::clip(block.text, 60) + "\"",
                  {{path, static_cast<uint32_t>(block.line)}});
    }
  }
  return std::nullopt;
}

// Words of a document's path or link text that say it may hold the account: design-decision
// records, a model card, an experiment report.
constexpr std::string_view k_document_words[] = {
    "decision",      "decisions",  "adr",       "adrs",       "lessons", "limitations", "experiment",
    "experiments",   "model card", "modelcard", "report",     "reports", "findings",    "analysis",
    "retrospective", "ablation",   "ablations", "evaluation", "results"};

// The documents the README hands the account to: a linked document named for it, or the Markdown
// files of a linked folder named for it ("[docs/decisions/](docs/decisions/)"), at most 40.
std::vector<std::string> lesson_documents(const RuleContext& context, const std::string& readme_path,
                                          const analyze::Document& readme)
{
  const auto named = [](std::string_view path, std::string_view text) {
    const std::string words = text::to_lower(std::string(path) + " " + std::string(text));
    std::string spaced = words;
    std::replace_if(
        spaced.begin(), spaced.end(), [](char c) { return c == '/' || c == '_' || c == '-' || c == '.'; },
        ' ');
    return docs::has_any_word(spaced, k_document_words);
  };
  std::vector<std::string> paths;
  const auto add = [&](std::string path) {
    if (paths.size() < 40 && path != readme_path &&
        std::find(paths.begin(), paths.end(), path) == paths.end()) {
      paths.push_back(std::move(path));
    }
  };
  for (const auto& reference : docs::document_references(readme)) {
    if (!reference.linked) {
      continue;
    }
    std::string document = docs::linked_document(readme_path, reference.url);
    if (!document.empty()) {
      if (named(document, reference.text)) {
        add(std::move(document));
      }
      continue;
    }
    // A folder of the project: "docs/decisions/", "./reports".
    std::string_view url = reference.url;
    if (url.find("://") != std::string_view::npos || url.starts_with('#') ||
        url.find("..") != std::string_view::npos) {
      continue;
    }
    url = url.substr(0, url.find_first_of("?#"));
    while (url.starts_with("./")) {
      url.remove_prefix(2);
    }
    while (url.starts_with('/') || url.ends_with('/')) {
      url = url.starts_with('/') ? url.substr(1) : url.substr(0, url.size() - 1);
    }
    const size_t slash = readme_path.rfind('/');
    const std::string folder =
        (slash == std::string::npos ? std::string() : readme_path.substr(0, slash + 1)) + std::string(url);
    if (url.empty() || !context.view().has_folder(folder) || !named(folder, reference.text)) {
      continue;
    }
    for (const FileEntry& file : context.view().files()) {
      const std::string lower = text::to_lower(file.path);
      if (file.path.starts_with(folder + "/") && (lower.ends_with(".md") || lower.ends_with(".rst"))) {
        add(file.path);
      }
    }
  }
  return paths;
}

} // namespace

Finding check_docs_lessons(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const std::string& path = readme->path;
  const analyze::Section* empty = nullptr;
  const analyze::Section* thin = nullptr;
  const analyze::Section* other = nullptr;
  if (auto found = lessons_in(document, path, context.analysis().text(path), &empty, &thin, &other)) {
    return std::move(*found);
  }
  // Kept in a document the README links: a design-decision record, a model card, a report.
  for (const std::string& linked : lesson_documents(context, path, document)) {
    const TextFile* file = context.analysis().text(linked);
    if (file == nullptr || file->binary) {
      continue;
    }
    const analyze::Document parsed =
        analyze::parse_readme(file->content, analyze::document_format_for_path(linked));
    if (auto found = lessons_in(parsed, linked, file)) {
      found->message += ", in a document " + path + " links";
      return std::move(*found);
    }
  }
  if (empty != nullptr) {
    const analyze::Html* comment = docs::placeholder_comment(document, *empty);
    Finding finding = fail(docs::the(empty->heading) + " section (" + docs::at(path, empty->line) + ") " +
                               (comment != nullptr ? "holds only a placeholder comment" : "is empty"),
                           {{path, static_cast<uint32_t>(empty->line)}});
    finding.fix = "Under " + empty->heading +
                  ", write the experiments that failed or were dropped and why (models, "
                  "features, data fixes), the cases the model still gets wrong, and the limitations a user "
                  "should know.";
    return finding;
  }
  if (thin != nullptr) {
    return fail(docs::the(thin->heading) + " section (" + docs::at(path, thin->line) +
                    ") is too short to say what was "
                    "tried and what did not work",
                {{path, static_cast<uint32_t>(thin->line)}});
  }
  if (other != nullptr) {
    return fail(docs::the(other->heading) + " section (" + docs::at(path, other->line) +
                    ") says nothing about what was tried and did not work, and no other section does (no "
                    "error analysis, limitations or failed experiments)",
                {{path, static_cast<uint32_t>(other->line)}});
  }
  return fail(path + " says nothing about what was tried and did not work: no section on experiments, error "
                     "analysis, limitations or lessons learned",
              {{path, 0}});
}

} // namespace mlfolio::lint
