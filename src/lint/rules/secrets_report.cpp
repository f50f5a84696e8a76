#include "lint/rules/secrets_report.h"

#include "lint/wording.h"

namespace mlfolio::lint {

Finding secrets_finding(const RuleContext& context, const std::vector<SecretFinding>& found, std::string_view what,
                        bool history)
{
  std::vector<Detail> details;
  std::vector<Location> locations;
  size_t acknowledged = 0;
  for (const auto& secret : found) {
    if (context.config().acknowledged(secret.fingerprint)) {
      ++acknowledged;
      continue;
    }
    const Location where{secret.path, secret.line};
    std::string message = secret.kind + " at " + where.to_string();
    if (history) {
      message += ", added in commit " + secret.commit.substr(0, 7) +
                 (secret.in_tree ? ", still in the tree" : ", not in the audited tree but still in the history");
    }
    message += " (fingerprint " + secret.fingerprint + ")";
    details.push_back({std::move(message), {where}});
    if (locations.size() < 20) {
      locations.push_back(where);
    }
  }
  const std::string acknowledged_note =
      acknowledged == 0 ? "" : "; " + count_of(acknowledged, "acknowledged credential") + " (rotated) left out";
  if (details.empty()) {
    return pass("no credentials " + std::string(what) + acknowledged_note);
  }
  Finding finding = fail(count_of(details.size(), "credential") + " " + std::string(what) + acknowledged_note,
                         std::move(locations));
  finding.details = std::move(details);
  return finding;
}

} // namespace mlfolio::lint
