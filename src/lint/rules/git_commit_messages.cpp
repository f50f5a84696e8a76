// git/commit-messages: most messages say what changed.
#include "lint/rules/registry.h"

#include "lint/rules/code_names.h"

#include "core/text.h"
#include "lint/wording.h"

#include <algorithm>

namespace mlfolio::lint {

namespace {

// Messages that say nothing about the change, compared without case and trailing punctuation.
constexpr std::string_view k_empty_messages[] = {
    "update",
    "updates",
    "updated",
    "change",
    "changes",
    "changed",
    "edit",
    "edits",
    "fix",
    "fixes",
    "fixed",
    "wip",
    "commit",
    "commits",
    "save",
    "stuff",
    "misc",
    "minor",
    "minor changes",
    "small changes",
    "add files via upload",
    "added files",
    "add files",
    "files",
    "new",
    "test",
    "testing",
    "temp",
    "tmp",
    "asdf",
    "done",
    "final",
    "final commit",
    "last commit",
    "more",
    "progress",
    "work",
    "working",
    "code",
    "upload",
    "uploaded",
    "first commit",
    "second commit",
    "1",
    "2",
    "3",
    "-",
    "no message",
    "modified",
    "improvements",
    "refactor",
    "cleanup",
    "changes made",
    "updated code",
    "update code",
};

// GitHub's web editor defaults: "Update README.md", "Create train.py", "Delete old.ipynb".
bool is_web_default(std::string_view message)
{
  for (const std::string_view verb : {"update ", "create ", "delete ", "rename "}) {
    if (message.starts_with(verb)) {
      const std::string_view rest = message.substr(verb.size());
      const bool one_file =
          rest.find(' ') == std::string_view::npos && rest.find('.') != std::string_view::npos;
      if (one_file) {
        return true;
      }
    }
  }
  return false;
}

// Words that name no part of the project: a short message made only of them ("Final update",
// "Modified a few of files", "fix bugs") says nothing of what changed.
constexpr std::string_view k_vague_words[] = {
    "update", "updates",  "updated",  "final",   "fix",    "fixes", "fixed",    "file",   "files", "add",
    "added",  "adding",   "modified", "modify",  "few",    "a",     "of",       "some",   "the",   "minor",
    "small",  "change",   "changes",  "changed", "code",   "new",   "more",     "stuff",  "last",  "version",
    "again",  "and",      "bug",      "bugs",    "edit",   "edits", "edited",   "commit", "it",    "all",
    "upload", "uploaded", "various",  "misc",    "things", "work",  "progress", "done",   "latest"};

bool only_vague_words(std::string_view message)
{
  const auto words = name_words(message);
  return !words.empty() && words.size() <= 5 && std::all_of(words.begin(), words.end(), [](std::string_view w) {
           return std::find(std::begin(k_vague_words), std::end(k_vague_words), w) != std::end(k_vague_words);
         });
}

bool is_low_information_message(std::string_view summary)
{
  std::string message = text::to_lower(text::trim(summary));
  while (!message.empty() && (message.back() == '.' || message.back() == '!' || message.back() == ' ')) {
    message.pop_back();
  }
  if (message.size() < 2 || message.find_first_not_of(".-_ ") == std::string::npos) {
    return true;
  }
  if (message == "initial commit") {
    return false; // every history starts somewhere
  }
  for (const auto empty : k_empty_messages) {
    if (message == empty) {
      return true;
    }
  }
  return is_web_default(message) || only_vague_words(message);
}

} // namespace

Finding check_git_commit_messages(const RuleContext& context)
{
  const CommitHistory* history = context.analysis().commit_history();
  if (history == nullptr || history->commits.empty()) {
    return skip("no git history to read (not a git repository, or no commit yet)");
  }
  std::vector<const HistoryCommit*> judged;
  for (const auto& commit : history->commits) {
    if (commit.parents <= 1) { // merge commits carry generated messages
      judged.push_back(&commit);
    }
  }
  if (judged.size() < 3) {
    return skip("only " + count_of(judged.size(), "commit") + "; messages are judged from 3 commits on");
  }
  std::vector<Detail> vague;
  for (const HistoryCommit* commit : judged) {
    if (is_low_information_message(commit->summary)) {
      vague.push_back({commit->id.substr(0, 7) + " \"" + commit->summary + "\"", {}});
    }
  }
  const std::string share = std::to_string(vague.size()) + " of " + std::to_string(judged.size());
  if (vague.size() * 2 > judged.size()) {
    Finding finding = fail(share + " commit messages say nothing about the change");
    if (vague.size() > 10) {
      const size_t more = vague.size() - 10;
      vague.resize(10);
      vague.push_back({"and " + std::to_string(more) + " more", {}});
    }
    finding.details = std::move(vague);
    return finding;
  }
  return pass(std::to_string(judged.size() - vague.size()) + " of " + std::to_string(judged.size()) +
              " commit messages say what changed");
}

} // namespace mlfolio::lint
