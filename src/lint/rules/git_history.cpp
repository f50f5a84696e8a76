// git/history: several commits over several days, not one upload dump.
#include "lint/rules/registry.h"

#include "core/text.h"
#include "lint/wording.h"

#include <set>

namespace mlfolio::lint {

namespace {

constexpr int64_t k_day = 86400;
// A commit that adds this share of the files of the whole history, in a project of at least
// k_dump_min_files files, is an upload dump rather than a step of development.
constexpr double k_dump_share = 0.7;
constexpr uint32_t k_dump_min_files = 8;

std::string days(int64_t seconds)
{
  return count_of(static_cast<size_t>(seconds / k_day), "day");
}

// A commit made by a CI job or a bot ("github-actions[bot]", "dependabot[bot]", a workflow that
// commits as action@github.com): a cron job's daily data commits show no one's work.
bool by_bot(const HistoryCommit& commit)
{
  const std::string author = text::to_lower(commit.author);
  return author.find("[bot]") != std::string::npos || author == "action@github.com" ||
         author == "actions@github.com" || author.starts_with("github-actions");
}

} // namespace

Finding check_git_history(const RuleContext& context)
{
  const CommitHistory* history = context.analysis().commit_history();
  if (history == nullptr) {
    return skip("no git history to read (not a git repository, or no commit yet)");
  }
  std::vector<HistoryCommit> commits;
  for (const auto& commit : history->commits) {
    if (!by_bot(commit)) {
      commits.push_back(commit);
    }
  }
  if (history->commits.empty()) {
    return skip("no commit yet");
  }
  if (commits.empty()) {
    commits = history->commits; // a bot's commits only (a template's): judged as they are
  }
  const size_t bots = history->commits.size() - commits.size();
  const size_t total = history->total - bots;
  const HistoryCommit& first = commits.back();
  const int64_t age = context.analysis().history()->now() - first.time;
  const auto young = static_cast<int64_t>(context.threshold(config::Threshold::young_days) * k_day);
  if (age < young) {
    return skip("the first commit is " + days(std::max<int64_t>(age, 0)) + " old; a history younger than " +
                days(young) + " is not judged yet");
  }
  std::set<int64_t> active_days;
  uint64_t files_added = 0;
  const HistoryCommit* largest = nullptr;
  for (const auto& commit : commits) {
    active_days.insert(commit.time / k_day);
    files_added += commit.files_added;
    if (largest == nullptr || commit.files_added > largest->files_added) {
      largest = &commit;
    }
  }
  const auto needed = static_cast<size_t>(context.threshold(config::Threshold::min_commits));
  const std::string shape = count_of(total, "commit") + " on " + count_of(active_days.size(), "day") +
                            (bots > 0 ? " (" + count_of(bots, "commit") + " by bots left out)" : "");
  if (total < needed) {
    return fail(shape + "; a history needs at least " + std::to_string(needed) +
                " commits to show how the project was built");
  }
  const bool dump = largest->files_added >= k_dump_min_files &&
                    static_cast<double>(largest->files_added) >= k_dump_share * static_cast<double>(files_added);
  // A dump is forgiven once the history after it shows real work.
  size_t after_dump = 0;
  std::set<int64_t> days_after;
  for (const auto& commit : commits) {
    if (&commit == largest) {
      break;
    }
    ++after_dump;
    days_after.insert(commit.time / k_day);
  }
  if (dump && (after_dump < needed || days_after.size() < 3)) {
    return fail(shape + "; commit " + largest->id.substr(0, 7) + " (\"" + largest->summary + "\") added " +
                    std::to_string(largest->files_added) + " of the " + std::to_string(files_added) +
                    " files ever added at once: an upload, not a development history",
                {});
  }
  if (active_days.size() < 2) {
    return fail(shape + "; all the work was committed on one day");
  }
  return pass(shape + ", from " + first.id.substr(0, 7) + " to " + commits.front().id.substr(0, 7));
}

} // namespace mlfolio::lint
