// docs/dataset: the README says where the data comes from, how large it is, and on what terms.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/rules/docs_sections.h"
#include "lint/rules/rigor_code.h"
#include "lint/wording.h"

#include <re2/re2.h>

#include <algorithm>

namespace mlfolio::lint {

namespace {

constexpr std::string_view k_data_headings[] = {
    "data",         "dataset",  "datasets", "data set", "data source", "corpus", "training data", "data card",
    "data sources", "the data",
    // The same in Spanish, Portuguese, French, German, Italian, Japanese, Chinese, Korean and
    // Russian (a Cyrillic capital is compared as written).
    "datos", "conjunto de datos", "dados", "conjunto de dados", "données", "jeu de données", "daten", "datensatz",
    "dati", "データ", "使用データ", "データセット", "数据", "数据集", "데이터", "데이터셋", "данные", "Данные",
    "датасет", "Датасет"};
// Words of a sentence about the data, outside a data section: "uses the Telco churn dataset",
// "für den Kaggle-Datensatz House Prices".
constexpr std::string_view k_mention_words[] = {"data", "dataset",   "datasets", "data set", "corpus", "datensatz",
                                                "daten", "datos",    "dados",    "données",  "dati"};
// Headings about doing something with the data, not describing it.
constexpr std::string_view k_data_work[] = {"preprocessing", "processing", "cleaning",   "pipeline",
                                            "versioning",    "analysis",   "validation", "augmentation",
                                            "drift",         "loader",     "loading",    "preparation",
                                            "handling",      "retention",  "privacy",    "protection"};
// Where data is commonly published: naming one is naming a source.
constexpr std::string_view k_sources[] = {
    "kaggle", "uci", "huggingface", "hugging face", "openml", "zenodo", "data.gov", "imagenet", "mnist",
    "cifar", "coco", "imdb", "squad", "glue", "wikipedia", "tfds", "torchvision", "sklearn", "scikit-learn",
    "roboflow", "figshare", "physionet", "aws open data", "google dataset search",
    // Public datasets known by their own names: naming one says where it comes from.
    "movielens", "netflix prize", "criteo", "librispeech", "common voice", "cityscapes", "celeba",
    "fashion-mnist", "wikitext", "ms marco", "ag news", "sst-2", "kitti", "open images", "nyc taxi",
    "lending club", "lendingclub", "cmapss", "c-mapss", "rossmann", "instacart", "olist", "home credit",
    "german credit", "ieee-cis", "porto seguro", "sentiment140", "ham10000", "chexpert", "mimic-iii",
    "mimic-iv", "gtsrb", "ucf101", "esc-50", "ravdess", "favorita", "m5 forecasting"};
constexpr std::string_view k_provenance[] = {
    "licence",    "license",   "licensed",  "cc0",       "cc-by",     "cc by",    "public domain",
    "terms",      "collected", "scraped",   "provided",  "published", "sourced",  "downloaded",
    "obtained",   "gathered",  "synthetic", "generated", "simulated", "released", "anonymised",
    "anonymized", "courtesy",  "open data", "crawled",   "recorded",  "surveyed", "api"};
constexpr std::string_view k_shape_words[] = {"columns", "column", "features",   "schema",
                                              "shape",   "fields", "attributes", "variables"};

// "7,043 rows", "1.2M images", "50k reviews", "284 807 transactions", "10 classes".
const RE2& size_pattern()
{
  thread_local const RE2 pattern(
      R"((?i)\b\d[\d,. ]*\s*(k|m|mb|gb|million|thousand|billion)?\s*(rows|records|samples|examples|observations|instances|entries|images|pictures|photos|videos|clips|texts|documents|reviews|tweets|posts|articles|sentences|tokens|words|transactions|customers|users|patients|subjects|events|files|classes|labels|categories|columns|features|hours|days|years|listings|houses|properties|loans|applications|claims|orders|tickets|emails|messages|calls|songs|tracks|movies|products|items|frames|utterances|pairs|questions|dialogues|cases|participants|households|countries|cities|stations|sensors|readings|measurements|points|series|mb|gb|tb)\b)");
  return pattern;
}

// "the Rossmann Store Sales dataset", "the Jigsaw toxic-comment corpus": a dataset named by its
// proper name is a source a reader can look up. Capitalised words that only describe ("the Raw
// Dataset", "the CSV dataset") name nothing.
const RE2& named_dataset_pattern()
{
  thread_local const RE2 pattern(
      R"(\b[Tt]he\s+((?:[A-Z][\w&.'’-]*\s+)(?:[\w&.'’-]+\s+){0,5})(?:dataset|data set|corpus|database)\b)");
  return pattern;
}

// "using NASA CMAPSS dataset", "IBM HR Analytics dataset" without an article: an abbreviation and
// more capitalised words right before the word dataset are its name ("SMS dataset", one
// abbreviation alone, says what the data is, not which).
const RE2& acronym_dataset_pattern()
{
  thread_local const RE2 pattern(
      R"(\b((?:[A-Z][A-Z0-9&-]+\s+)(?:[A-Z][\w&-]*\s+){1,3})(?i:dataset|data set|corpus)\b)");
  return pattern;
}

// "trained on the German Traffic Sign Recognition Benchmark": a benchmark's proper name, every
// word capitalised, is a dataset's ("the benchmark results" is not).
const RE2& named_benchmark_pattern()
{
  thread_local const RE2 pattern(R"(\b[Tt]he\s+((?:[A-Z][\w&.'’-]*\s+){1,6})Benchmark\b)");
  return pattern;
}

// A shared task's or benchmark's name with its year: "SemEval-2014 Task 4", "CoNLL-2003", "WMT14".
const RE2& benchmark_pattern()
{
  thread_local const RE2 pattern(R"(\b((?:[A-Z][a-z]*[A-Z][A-Za-z]*-?(?:19|20)\d\d|[A-Z]{3,}-?(?:19|20)?\d\d))\b)");
  return pattern;
}

// A dataset known by one word with a capital inside ("trained on PlantVillage dataset",
// "the FashionMNIST corpus"); a library's, a class's or a store's name ("PyTorch Dataset", "a
// BigQuery dataset") names no data.
const RE2& camel_dataset_pattern()
{
  thread_local const RE2 pattern(R"(\b([A-Z][a-z]+[A-Z][A-Za-z0-9]*)\s+(?i:dataset|data set|corpus)\b)");
  return pattern;
}

// Words after a label that name nothing yet: "Source: TBD", "Dataset: N/A".
constexpr std::string_view k_placeholder_names[] = {"n/a", "na", "unknown", "none", "tbd", "tba"};

// Whether a label `pattern` matches (its group the first word after it, "Source: Yahoo", "Dataset:
// MJSynth") followed by a word that names something: not a placeholder, not one of `rejected`.
bool names_after_label(std::string_view text, const RE2& pattern, std::span<const std::string_view> rejected)
{
  re2::StringPiece input(text.data(), text.size());
  std::string first;
  while (RE2::FindAndConsume(&input, pattern, &first)) {
    while (!first.empty() && (first.back() == '.' || first.back() == '-')) {
      first.pop_back();
    }
    const std::string lowered = text::to_lower(first);
    if (!contains(k_placeholder_names, lowered) && !contains(rejected, lowered) &&
        !docs::has_todo_marker(first)) {
      return true;
    }
  }
  return false;
}

// "Source: Yahoo Finance", "Data source - PhysioNet": a source named after a label, which says
// where the data was collected too.
bool labelled_source(std::string_view text)
{
  thread_local const RE2 pattern(R"((?i:\b(?:data\s*)?sources?)\**\s*[:：–-]\s*\**\s*([A-Z][\w.&'’/-]*))");
  constexpr std::string_view k_not_sources[] = {"internal", "code"};
  return names_after_label(text, pattern, k_not_sources);
}

// Words that describe data rather than name it: "raw", "Synthetic Word Dataset".
constexpr std::string_view k_descriptive[] = {
    "raw",     "processed", "cleaned",    "clean", "final",     "full",     "original", "public",
    "private", "custom",    "sample",     "demo",  "synthetic", "input",    "training", "train",
    "test",    "testing",   "validation", "csv",   "json",      "parquet",  "excel",    "sql",
    "new",     "whole",     "entire",     "same",  "following", "above",    "below",    "main",
    "given",   "provided",  "large",      "small", "big",       "complete", "my",       "our",
    "your",    "their",     "this",       "that",  "local",     "updated",  "current",  "ml",
    "eda",     "api",       "db",         "tsv",   "xml",       "hdf5",     "npz",      "pdf"};

// "Dataset: MJSynth (Synthetic Word Dataset)": a dataset named after a label; a word that only
// describes it ("Dataset: custom collected images") or opens a sentence ("Dataset: The images we
// collected") names none.
bool labelled_dataset(std::string_view text)
{
  // The label opens its line: "**MLflow Datasets**: Proper versioning" names a feature.
  thread_local const RE2 pattern(
      R"((?m)^[\s>*_-]*(?i:data ?sets?)[*_]*\s*[:：]\s*[*_]*\s*([A-Z][\w.&'’/-]*))");
  static const std::vector<std::string_view> k_not_names = [] {
    std::vector<std::string_view> words(std::begin(k_descriptive), std::end(k_descriptive));
    words.insert(words.end(), {"the", "a", "an", "we", "i", "not", "images", "data", "see"});
    return words;
  }();
  return names_after_label(text, pattern, k_not_names);
}

bool names_a_dataset(std::string_view text)
{
  std::string camel;
  re2::StringPiece camel_input(text.data(), text.size());
  while (RE2::FindAndConsume(&camel_input, camel_dataset_pattern(), &camel)) {
    const std::string lowered = text::to_lower(camel);
    if (lowered != "pytorch" && lowered != "tensorflow" && lowered != "dataframe" &&
        lowered != "dataloader" && lowered != "bigquery" && lowered != "imagefolder") {
      return true;
    }
  }

  std::string benchmark;
  if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), benchmark_pattern(), &benchmark) &&
      !benchmark.starts_with("COVID")) { // a topic, not a dataset
    return true;
  }
  // The first word is capitalised; it must not be a descriptive word.
  const auto named = [&](const RE2& pattern) {
    re2::StringPiece input(text.data(), text.size());
    std::string words;
    while (RE2::FindAndConsume(&input, pattern, &words)) {
      std::string first = text::to_lower(words.substr(0, words.find_first_of(" \t\n")));
      if (!contains(k_descriptive, first)) {
        return true;
      }
    }
    return false;
  };
  return named(named_dataset_pattern()) || named(acronym_dataset_pattern()) ||
         named(named_benchmark_pattern());
}

struct Evidence
{
  int source = 0; // lines; 0 when not found
  int size = 0;
  int provenance = 0;
  int placeholder = 0; // a paragraph calling the data a placeholder
  size_t words = 0;
};

void note(int& slot, int line)
{
  if (slot == 0) {
    slot = std::max(line, 1);
  }
}

void weigh_text(std::string_view text, int line, Evidence& evidence)
{
  if (names_a_dataset(text) || labelled_dataset(text)) {
    note(evidence.source, line);
  }
  if (docs::has_any_word(text, k_sources) || labelled_source(text)) {
    note(evidence.source, line); // a public hub also tells where the data was published, and its terms
    note(evidence.provenance, line);
  }
  if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), size_pattern()) ||
      docs::has_any_word(text, k_shape_words)) {
    note(evidence.size, line);
  }
  if (docs::has_any_word(text, k_provenance)) {
    note(evidence.provenance, line);
  }
}

// What the blocks, links and tables of one section say about the data. A paragraph that calls
// the data a placeholder (the generated project's note) is evidence of nothing.
void weigh_section(const analyze::Document& document, const analyze::Section& section, Evidence& evidence)
{
  std::vector<std::pair<int, int>> placeholder_lines;
  for (size_t b = section.blocks.begin; b < section.blocks.end; ++b) {
    const analyze::Block& block = document.blocks[b];
    if (block.kind == analyze::BlockKind::heading || block.kind == analyze::BlockKind::code) {
      continue;
    }
    const int last = block.line + static_cast<int>(std::count(block.text.begin(), block.text.end(), '\n'));
    if (docs::has_word(block.text, "placeholder")) {
      note(evidence.placeholder, block.line);
      placeholder_lines.emplace_back(block.line, last);
      continue;
    }
    evidence.words += docs::count_words(block.text);
    weigh_text(block.text, block.line, evidence);
    if (block.kind == analyze::BlockKind::table) {
      note(evidence.size, block.line); // a table under a data heading is its schema or its splits
    }
  }
  for (size_t l = section.links.begin; l < section.links.end; ++l) {
    const analyze::Link& link = document.links[l];
    const bool in_placeholder =
        std::any_of(placeholder_lines.begin(), placeholder_lines.end(),
                    [&](const auto& range) { return link.line >= range.first && link.line <= range.second; });
    if (!in_placeholder && !link.url.empty() && !link.url.starts_with('#')) {
      note(evidence.source, link.line);
    }
  }
  if (section.list_items.size() >= 3) {
    note(evidence.size, document.list_items[section.list_items.begin].line); // columns or files, one per item
  }
}

bool described(const Evidence& evidence)
{
  const bool source = evidence.source > 0;
  const bool size = evidence.size > 0;
  const bool provenance = evidence.provenance > 0;
  return (source && (size || provenance || evidence.words >= 40)) || (size && provenance);
}

std::string missing_parts(const Evidence& evidence)
{
  std::vector<std::string> missing;
  if (evidence.source == 0) {
    missing.emplace_back("its source (a link or the dataset's name)");
  }
  if (evidence.size == 0) {
    missing.emplace_back("its size or columns");
  }
  if (evidence.provenance == 0) {
    missing.emplace_back("its licence or how it was collected");
  }
  std::string text;
  for (size_t i = 0; i < missing.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == missing.size() ? ", nor " : ", ") + missing[i];
  }
  return text;
}

// Outside a data section: sentences that name a dataset ("uses the Telco churn dataset from
// Kaggle (7,043 rows)").
bool is_badge_link(const analyze::Document& document, const analyze::Link& link)
{
  return std::any_of(document.images.begin(), document.images.end(), [&](const analyze::Image& image) {
    return image.link == link.url && docs::is_badge(image);
  });
}

// A row of badges: every link on its lines wraps a badge image. Its alt texts ("Dataset") say
// nothing about the data.
bool is_badge_row(const analyze::Document& document, std::string_view text, int line)
{
  const int last = line + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  bool any = false;
  for (const auto& link : document.links) {
    if (link.line >= line && link.line <= last) {
      if (!is_badge_link(document, link)) {
        return false;
      }
      any = true;
    }
  }
  return any;
}

void weigh_mentions(const analyze::Document& document, Evidence& evidence)
{
  // A web link on the lines of a text that speaks of data is its source ("get the yelp
  // [dataset](https://www.yelp.com/dataset)").
  const auto note_links = [&](std::string_view text, int line) {
    const int last = line + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    for (const auto& link : document.links) {
      // The app's own page ("Dataset Overview: http://localhost:8000/dataset.html") is no source.
      const bool local = text::icontains(link.url, "://localhost") || text::icontains(link.url, "://127.0.0.1") ||
                         text::icontains(link.url, "://0.0.0.0");
      if (link.line >= line && link.line <= last && link.url.starts_with("http") && !local) {
        note(evidence.source, link.line);
      }
    }
  };
  const auto speaks_of_data = [](std::string_view text) {
    return docs::has_any_word(text, k_mention_words) ||
           RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), named_benchmark_pattern());
  };
  for (const auto& paragraph : document.paragraphs) {
    if (speaks_of_data(paragraph.text) && !docs::has_word(paragraph.text, "placeholder") &&
        !is_badge_row(document, paragraph.text, paragraph.line)) {
      weigh_text(paragraph.text, paragraph.line, evidence);
      note_links(paragraph.text, paragraph.line);
    }
  }
  for (const auto& item : document.list_items) {
    if (speaks_of_data(item.text) && !is_badge_row(document, item.text, item.line)) {
      weigh_text(item.text, item.line, evidence);
      note_links(item.text, item.line);
    }
  }
}

// Links to a dataset's page on a public hub, anywhere in the README: the page has its card.
void weigh_dataset_links(const analyze::Document& document, Evidence& evidence)
{
  constexpr std::string_view k_dataset_pages[] = {"kaggle.com/datasets",       "kaggle.com/c/",
                                                  "kaggle.com/competitions",   "huggingface.co/datasets",
                                                  "archive.ics.uci.edu",       "openml.org/d",
                                                  "zenodo.org/record",         "data.world/",
                                                  "physionet.org/content",     "figshare.com/articles",
                                                  "paperswithcode.com/dataset"};
  for (const auto& link : document.links) {
    if (std::any_of(std::begin(k_dataset_pages), std::end(k_dataset_pages),
                    [&](std::string_view page) { return text::icontains(link.url, page); })) {
      note(evidence.source, link.line);
      // A badge ("[![Dataset](…shields.io…)](huggingface.co/datasets/…)") only points at the page;
      // a link the README writes about stands for what the page documents.
      if (!is_badge_link(document, link)) {
        note(evidence.provenance, link.line);
      }
    }
  }
}

} // namespace

Finding check_docs_dataset(const RuleContext& context)
{
  const auto readme = docs::readme_of(context);
  if (!readme) {
    return docs::skip_without_readme();
  }
  const analyze::Document& document = *readme->document;
  const auto sections = docs::sections_named(document, k_data_headings, k_data_work);
  Evidence evidence;
  for (const analyze::Section* section : sections) {
    weigh_section(document, *section, evidence);
  }
  weigh_dataset_links(document, evidence);
  if (!sections.empty()) {
    // Name the section that describes the data on its own, when one does ("3. Upload the demo
    // data" may come before "Dataset").
    const analyze::Section* describing = sections.front();
    for (const analyze::Section* section : sections) {
      Evidence own;
      weigh_section(document, *section, own);
      if (described(own)) {
        describing = section;
        break;
      }
    }
    const analyze::Section& first = *describing;
    const uint32_t line = static_cast<uint32_t>(first.line);
    if (described(evidence)) {
      return pass(docs::the(first.heading) + " section describes the data (" +
                      docs::at(readme->path, first.line) + ")",
                  {{readme->path, line}});
    }
    // A section named for data may be about something else ("Gold data in Databricks"), while
    // the introduction names the dataset: what the rest of the README says counts too.
    Evidence whole = evidence;
    weigh_mentions(document, whole);
    if (described(whole)) {
      const int at = whole.source > 0 ? whole.source : whole.size;
      return pass("the README describes its data at " + docs::at(readme->path, at),
                  {{readme->path, static_cast<uint32_t>(at)}});
    }
    if (evidence.placeholder > 0 && evidence.source == 0 && evidence.size == 0) {
      Finding finding =
          fail(docs::the(first.heading) + " section (" + docs::at(readme->path, first.line) +
                   ") describes placeholder data (" + docs::at(readme->path, evidence.placeholder) +
                   "), not the data the project is about",
               {{readme->path, static_cast<uint32_t>(evidence.placeholder)}});
      finding.fix =
          "Replace the placeholder note with your real dataset: link its source, give the number of rows "
          "and the main columns, the period it covers and its licence.";
      return finding;
    }
    const analyze::Html* comment = docs::placeholder_comment(document, first);
    const bool only_comment = comment != nullptr && evidence.words == 0;
    Finding finding = fail(
        docs::the(first.heading) + " section (" + docs::at(readme->path, first.line) + ") " +
            (only_comment ? "holds only a placeholder comment" : "does not give " + missing_parts(evidence)),
        {{readme->path, line}});
    // The section is there: what is left is the author's to write, not a component's to add.
    finding.fix = "Under " + first.heading + (only_comment ? ", replace the placeholder with" : ", add") +
                  " a description of the data: link its source, give the number of rows and the main "
                  "columns, and state its licence or how it was collected.";
    return finding;
  }
  weigh_mentions(document, evidence);
  if (described(evidence)) {
    const int line = evidence.source > 0 ? evidence.source : evidence.size;
    return pass("the README describes its data at " + docs::at(readme->path, line) + " (no Data section)",
                {{readme->path, static_cast<uint32_t>(line)}});
  }
  const int mention = std::max({evidence.source, evidence.size, evidence.provenance});
  if (mention == 0) {
    return fail(readme->path + " has no Data or Dataset section and does not say which data the project uses",
                {{readme->path, 0}});
  }
  return fail(readme->path + " has no Data or Dataset section, and what it says of the data (" +
                  docs::at(readme->path, mention) + ") does not give " + missing_parts(evidence),
              {{readme->path, static_cast<uint32_t>(mention)}});
}

} // namespace mlfolio::lint
