// rigor/real-world-data: the project does not rest on an overdone toy dataset.
//
// A toy dataset is judged to be what the project rests on when it is named in the README's title,
// or its files are committed and the code uses it, or it is found in the code or data files and
// also named in the README's introduction or data section,
// or found in the code or data files, or named in the data section, while no other data source
// shows. A mention in passing (a later README section, one demo loader beside real data) is not.
#include "lint/rules/registry.h"
#include "lint/rules/rigor_code.h"
#include "lint/rules/rigor_toy_datasets.h"

#include "core/text.h"
#include "lint/wording.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace mlfolio::lint {

namespace {

// A path or address as the evidence shows it: a URL's query ("?token=GHSAT...") may carry a
// credential and says nothing of the data, so it is left out.
std::string shown_path(std::string_view value)
{
  const size_t query = value.find('?');
  if (query == std::string_view::npos || value.find('=', query) == std::string_view::npos) {
    return std::string(value);
  }
  return std::string(value.substr(0, query)) + "?…";
}

// In the order evidence is shown: the strongest first.
enum class Place { title, data_file, code, intro, data_section, named_file, elsewhere };

struct Sighting
{
  const ToyDataset* toy = nullptr;
  Place place = Place::code;
  std::string how; // "load_iris()", "data/titanic.csv", "the README title"
  Location where;
};

constexpr std::string_view k_data_extensions[] = {
    ".csv", ".tsv", ".parquet", ".xlsx",   ".xls", ".feather", ".arrow", ".jsonl",
    ".npz", ".h5",  ".hdf5",    ".sqlite", ".db",  ".data",    ".zip",   ".gz"};

// Kaggle's file names say nothing about what is in them.
constexpr std::string_view k_generic_stems[] = {"train",      "test", "val",     "valid",
                                                "validation", "data", "dataset", "sample_submission",
                                                "submission", "df"};

// Calls whose first string names the data read: a path, a URL or a dataset id.
constexpr std::string_view k_readers[] = {"read_csv",
                                          "read_parquet",
                                          "read_excel",
                                          "read_json",
                                          "read_table",
                                          "read_feather",
                                          "read_sql",
                                          "read_sql_query",
                                          "load_dataset",
                                          "fetch_openml",
                                          "image_dataset_from_directory",
                                          "flow_from_directory",
                                          "ImageFolder",
                                          "urlretrieve",
                                          "download_url",
                                          "dataset_download_files"};

constexpr std::string_view k_data_hosts[] = {"kaggle.com/", "archive.ics.uci.edu", "huggingface.co/datasets",
                                             "data.gov",    "zenodo.org",          "data.world",
                                             "opendata"};

constexpr std::string_view k_data_headings[] = {"data",     "dataset",     "datasets",
                                                "data set", "data source", "data sources"};

// "data/raw.csv", "x.parquet.dvc": a data file, by extension (a DVC pointer counts as its data).
bool is_data_path(std::string_view path)
{
  if (text::iends_with(path, ".dvc")) {
    path.remove_suffix(4);
  }
  // The extensions have one dot: the path's last dot starts the only one it can end with.
  const size_t dot = path.rfind('.');
  const std::string_view extension = dot == std::string_view::npos ? std::string_view() : path.substr(dot);
  return std::any_of(std::begin(k_data_extensions), std::end(k_data_extensions),
                     [&](std::string_view known) { return text::iequals(extension, known); });
}

// What the project wrote, not what it learned from: "confusion_matrix.csv", "reports/replay.tsv",
// "loadtest/results/n1000_exceptions.csv", "mlflow.db".
bool is_output_path(std::string_view path)
{
  constexpr std::string_view k_output_words[] = {
      "confusion",   "metrics", "metric",    "results",     "result",     "report",  "reports",
      "predictions", "preds",   "scores",    "history",     "log",        "logs",    "mlflow",
      "audit",       "curve",   "summary",   "leaderboard", "exceptions", "outputs", "output",
      "artifacts",   "mlruns",  "benchmark", "loadtest",    "replay"};
  // The path's words between '/', '.', '-' and '_' ("loadtest/results/n1000_exceptions.csv"), lowered
  // first so that no hump splits them; into a buffer kept between calls, as this runs per data file.
  thread_local std::string lowered;
  lowered.assign(path);
  for (char& c : lowered) {
    c = c == '/' || c == '.' || c == '-' ? '_' : text::ascii_lower(c);
  }
  const IdentifierWords words(lowered);
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return contains(k_output_words, word); });
}

bool is_generic_name(std::string_view name)
{
  std::string stem = text::to_lower(name);
  stem = stem.substr(0, stem.find('.'));
  return contains(k_generic_stems, stem) || stem.find("submission") != std::string::npos ||
         stem.find("result") != std::string::npos || stem.find("metric") != std::string::npos ||
         stem.find("prediction") != std::string::npos || stem.find("report") != std::string::npos ||
         stem.find("output") != std::string::npos;
}

const ToyDataset* toy_file(std::string_view path)
{
  // Asked for every file: most paths have no component a dataset's file can start with.
  const auto for_each_name = [&](auto&& visit) {
    for (size_t start = 0; start <= path.size();) {
      const size_t end = std::min(path.find('/', start), path.size());
      if (end > start && may_name_any(path.substr(start, end - start)) &&
          visit(path.substr(start, end - start))) {
        return true;
      }
      start = end + 1;
    }
    return false;
  };
  if (!for_each_name([](std::string_view) { return true; })) {
    return nullptr;
  }
  for (const auto& toy : toy_datasets()) {
    if (for_each_name([&](std::string_view name) { return is_data_file(toy, name); })) {
      return &toy;
    }
  }
  return nullptr;
}

bool is_url(std::string_view value)
{
  return value.starts_with("http://") || value.starts_with("https://");
}

// Paths, URLs and ids in the code: toy ones become sightings, the others describe the data used.
void scan_module(const Analysis& analysis, const FileEntry* file, const analyze::PythonModule& module,
                 std::vector<Sighting>& sightings, std::vector<CodeHit>& reads,
                 std::vector<CodeHit>& literals)
{
  std::vector<std::string> read_values;
  for (const auto& call : module.calls) {
    const std::string_view name = last_component(call.callee);
    const bool loads_toy = may_load_any(call.callee);
    const bool reader = contains(k_readers, name) || (name == "load" && call.callee.starts_with("tfds"));
    if (!loads_toy && !reader) {
      continue;
    }
    const auto where = [&, file = file] { return code_location(analysis, file, call.line); }; // when found
    for (const auto& toy : toy_datasets()) {
      if (loads_toy && is_loader(toy, call.callee)) {
        sightings.push_back({&toy, Place::code, call.callee + "()", where()});
      }
    }
    if (!reader) {
      continue;
    }
    std::vector<std::string> names;
    if (call.first_string) {
      names.push_back(*call.first_string);
    }
    for (const auto& keyword : call.keywords) {
      if (keyword.name == "name" || keyword.name == "path") {
        names.insert(names.end(), keyword.strings.begin(), keyword.strings.end());
      }
    }
    for (const auto& value : names) {
      const auto toy =
          std::find_if(toy_datasets().begin(), toy_datasets().end(), [&](const ToyDataset& candidate) {
            return is_id(candidate, value) || is_data_file(candidate, text::base_name(value));
          });
      if (toy != toy_datasets().end()) {
        sightings.push_back({&*toy, Place::code, call.callee + "(\"" + shown_path(value) + "\")", where()});
      } else if (!is_generic_name(text::base_name(value)) && value.find('{') == std::string::npos) {
        add_unique(reads, {call.callee + "(\"" + shown_path(value) + "\")", where()});
        read_values.push_back(value);
      }
    }
  }
  for (const auto& literal : module.strings) {
    const std::string& value = literal.value;
    if (literal.is_bytes || value.size() > 300 || value.find_first_of(" \n{") != std::string::npos ||
        std::find(read_values.begin(), read_values.end(), value) != read_values.end()) {
      continue;
    }
    const bool data_url =
        is_url(value) && std::any_of(std::begin(k_data_hosts), std::end(k_data_hosts),
                                     [&](auto host) { return value.find(host) != std::string::npos; });
    if (!is_data_path(value) && !data_url) {
      continue;
    }
    const auto where = [&, file = file] { return code_location(analysis, file, literal.line); }; // when found
    if (const ToyDataset* toy = toy_file(is_url(value) ? text::base_name(value) : value)) {
      sightings.push_back({toy, Place::code, "\"" + shown_path(value) + "\"", where()});
    } else if (!is_generic_name(text::base_name(value)) && !is_output_path(value)) {
      add_unique(literals, {"\"" + shown_path(value) + "\"", where()});
    }
  }
}

// Column names only one toy dataset has ("Survived", "Pclass"): enough of them is a sighting.
void scan_columns(const Analysis& analysis, std::vector<Sighting>& sightings)
{
  // The string literals that name a column of any toy dataset, in the code's order: most
  // literals name none, and are looked at once instead of once per dataset.
  std::unordered_set<std::string_view> any_column;
  for (const auto& toy : toy_datasets()) {
    any_column.insert(toy.columns.begin(), toy.columns.end());
  }
  std::vector<std::pair<const FileEntry*, const analyze::StringLiteral*>> named;
  for (const auto& [file, module] : analysis.code_modules()) {
    for (const auto& literal : module->strings) {
      if (any_column.contains(literal.value)) {
        named.emplace_back(file, &literal);
      }
    }
  }
  for (const auto& toy : toy_datasets()) {
    if (toy.columns.empty()) {
      continue;
    }
    std::vector<std::string> seen;
    Location first;
    for (const auto& [file, literal] : named) {
      if (contains(toy.columns, literal->value) &&
          std::find(seen.begin(), seen.end(), literal->value) == seen.end()) {
        first = seen.empty() ? code_location(analysis, file, literal->line) : first;
        seen.push_back(literal->value);
      }
    }
    if (seen.size() >= toy.columns_needed) {
      sightings.push_back({&toy, Place::code, "its columns " + join_some(seen, 3), first});
    }
  }
}

void scan_files(const Analysis& analysis, std::vector<Sighting>& sightings, std::vector<CodeHit>& other)
{
  for (const FileEntry* file : analysis.project_files()) {
    const ToyDataset* toy = toy_file(file->path);
    const bool data = toy == nullptr && is_data_path(file->path);
    if ((toy == nullptr && !data) || Analysis::is_test_path(file->path)) {
      continue; // the test is the costlier one: asked only of the files that would count
    }
    if (toy != nullptr) {
      // titanic.csv holds the data; titanic_model/train.py only says what the project is about.
      const Place place = is_data_path(file->path) ? Place::data_file : Place::named_file;
      sightings.push_back({toy, place, file->path, {file->path, 0}});
    } else if (!is_generic_name(text::base_name(file->path)) && !is_output_path(file->path) &&
               !file->path.starts_with('.')) {
      // A tool's cache (.hypothesis/unicode_data/...) is no data the project learns from.
      add_unique(other, {file->path, {file->path, 0}});
    }
  }
}

void scan_readme(const Analysis& analysis, std::vector<Sighting>& sightings)
{
  const analyze::Document* document = analysis.readme_document();
  if (document == nullptr) {
    return;
  }
  const std::string& path = analysis.readme()->path;
  int title_line = 0;
  int first_section = document->line_count + 1;
  for (const auto& section : document->sections) {
    if (title_line == 0 && section.heading == document->title) {
      title_line = section.line;
    } else {
      first_section = std::min(first_section, section.line);
    }
  }
  const auto data_sections = analyze::find_sections(*document, k_data_headings);
  for (const auto& block : document->blocks) {
    if (block.kind == analyze::BlockKind::code) {
      continue;
    }
    const std::string words = normalise_words(block.text);
    if (!may_mention_any(words)) {
      continue;
    }
    for (const auto& toy : toy_datasets()) {
      if (!mentions(toy, words)) {
        continue;
      }
      Place place = Place::elsewhere;
      std::string how = "a mention in the README";
      if (block.kind == analyze::BlockKind::heading && block.line == title_line) {
        place = Place::title;
        how = "the README title";
      } else if (block.line < first_section) {
        place = Place::intro;
        how = "the README introduction";
      } else if (std::any_of(data_sections.begin(), data_sections.end(),
                             [&](const analyze::Section* section) {
                               return block.line >= section->line && block.line <= section->end_line;
                             })) {
        place = Place::data_section;
        how = "the README's data section";
      }
      sightings.push_back({&toy, place, how, {path, static_cast<uint32_t>(block.line)}});
    }
  }
}

bool has_place(const std::vector<const Sighting*>& seen, std::initializer_list<Place> places)
{
  return std::any_of(seen.begin(), seen.end(), [&](const Sighting* sighting) {
    return std::find(places.begin(), places.end(), sighting->place) != places.end();
  });
}

// Whether the sightings of one dataset show the project rests on it.
bool rests_on(const std::vector<const Sighting*>& seen, bool other_data)
{
  const bool in_code = has_place(seen, {Place::code, Place::data_file, Place::named_file});
  // The toy's own files committed and read by the code: that is the project's data.
  const bool committed_and_used = has_place(seen, {Place::data_file}) && has_place(seen, {Place::code});
  return has_place(seen, {Place::title}) || committed_and_used ||
         (in_code && has_place(seen, {Place::intro, Place::data_section})) ||
         (!other_data && (in_code || has_place(seen, {Place::data_section})));
}

// The strongest sightings, one file named after the dataset at most.
std::string evidence(std::vector<const Sighting*> seen, std::vector<Location>& locations)
{
  std::stable_sort(seen.begin(), seen.end(),
                   [](const Sighting* a, const Sighting* b) { return a->place < b->place; });
  std::vector<std::string> parts;
  bool named_file = false;
  for (const Sighting* sighting : seen) {
    const bool duplicate = std::any_of(locations.begin(), locations.end(),
                                       [&](const Location& at) { return at == sighting->where; });
    if (duplicate || parts.size() == 4 || (named_file && sighting->place == Place::named_file)) {
      continue;
    }
    named_file = named_file || sighting->place == Place::named_file;
    const bool file = sighting->place == Place::data_file || sighting->place == Place::named_file;
    parts.push_back(file ? sighting->how : sighting->how + " at " + sighting->where.to_string());
    locations.push_back(sighting->where);
  }
  return join_some(parts, 4);
}

} // namespace

Finding check_rigor_real_world_data(const RuleContext& context)
{
  const Analysis& analysis = context.analysis();
  if (analysis.code_modules().empty() && analysis.readme_document() == nullptr) {
    return skip("no code, notebooks or README to tell which data the project uses");
  }
  std::vector<Sighting> sightings;
  std::vector<CodeHit> other; // data files first, then what the code reads, then paths it names
  std::vector<CodeHit> reads;
  std::vector<CodeHit> literals;
  scan_files(analysis, sightings, other);
  for (const auto& [file, module] : analysis.code_modules()) {
    scan_module(analysis, file, *module, sightings, reads, literals);
  }
  for (auto& hit : reads) {
    add_unique(other, std::move(hit));
  }
  for (auto& hit : literals) {
    add_unique(other, std::move(hit));
  }
  scan_columns(analysis, sightings);
  scan_readme(analysis, sightings);
  // A data file named by the dataset's id ("data/diabetes.csv.dvc"), where the code names the
  // dataset's own columns, is that dataset's file.
  for (const auto& toy : toy_datasets()) {
    const bool columns_seen = std::any_of(sightings.begin(), sightings.end(), [&](const Sighting& sighting) {
      return sighting.toy == &toy && sighting.place == Place::code && sighting.how.starts_with("its columns");
    });
    if (!columns_seen) {
      continue;
    }
    // The file itself (line 0), or the code reading it: pd.read_csv("data/diabetes.csv").
    std::erase_if(other, [&](const CodeHit& hit) {
      std::string_view path =
          hit.where.line == 0 ? std::string_view(hit.where.path) : std::string_view(hit.what);
      path = path.substr(0, path.find_last_of("\"'") == std::string_view::npos || hit.where.line == 0
                                ? path.size()
                                : path.find_last_of("\"'"));
      const std::string_view name = path.substr(path.find_last_of("/\"'(") + 1);
      const bool named =
          is_data_path(name) && std::any_of(toy.ids.begin(), toy.ids.end(), [&](std::string_view id) {
            return name.size() > id.size() && text::iequals(name.substr(0, id.size()), id) &&
                   name[id.size()] == '.';
          });
      if (named && hit.where.line == 0) {
        sightings.push_back({&toy, Place::data_file, hit.where.path, hit.where});
      }
      return named;
    });
  }

  std::vector<std::string> passing;
  std::vector<Location> passing_at;
  // Of the datasets the project rests on, the one its README speaks of: a notebook host's sample
  // files (sample_data/mnist_test.csv) sit beside a Wine quality project.
  std::optional<Finding> rested;
  bool rested_in_readme = false;
  for (const auto& toy : toy_datasets()) {
    std::vector<const Sighting*> seen;
    for (const auto& sighting : sightings) {
      if (sighting.toy == &toy) {
        seen.push_back(&sighting);
      }
    }
    if (seen.empty()) {
      continue;
    }
    std::vector<Location> locations;
    const std::string found = evidence(seen, locations);
    if (rests_on(seen, !other.empty())) {
      const bool in_readme = has_place(seen, {Place::title, Place::intro, Place::data_section});
      if (!rested || (in_readme && !rested_in_readme)) {
        rested = fail("the project rests on " + std::string(toy.name) + ", an overdone toy dataset: " + found,
                      std::move(locations));
        rested_in_readme = in_readme;
      }
      continue;
    }
    passing.push_back(std::string(toy.name) + " only in passing (" + found + ")");
    passing_at.insert(passing_at.end(), locations.begin(), locations.end());
  }
  if (rested) {
    return std::move(*rested);
  }
  std::string message = other.empty()
                            ? "no overdone toy dataset (Titanic, MNIST, Iris, house prices, ...) in " +
                                  code_scope(analysis) + ", the data files or the README"
                            : "data: " + describe_hits(other, 3);
  if (!passing.empty()) {
    message += "; " + join_some(passing, 2);
  }
  std::vector<Location> locations = hit_locations(other, 3);
  locations.insert(locations.end(), passing_at.begin(), passing_at.end());
  return pass(std::move(message), std::move(locations));
}

} // namespace mlfolio::lint
