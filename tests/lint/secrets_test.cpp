// The credential patterns of checks/secrets.toml against their own examples, and the scanner.
#include "lint/secrets/scanner.h"

#include <atomic>
#include <doctest/doctest.h>
#include <string>
#include <thread>
#include <vector>

using namespace mlfolio::lint::secrets;

TEST_CASE("secrets: every pattern finds its true examples and leaves its false ones")
{
  const auto scanner = Scanner::builtin();
  REQUIRE_MESSAGE(scanner.has_value(), scanner.error().message);
  const auto& patterns = (*scanner)->patterns();
  CHECK(patterns.size() >= 18);
  for (const auto& pattern : patterns) {
    CAPTURE(pattern.id);
    for (const auto& example : pattern.true_examples) {
      CAPTURE(example);
      const auto hits = (*scanner)->scan_text(example);
      REQUIRE_FALSE(hits.empty());
      CHECK(hits.front().pattern->id == pattern.id);
    }
    for (const auto& example : pattern.false_examples) {
      CAPTURE(example);
      CHECK((*scanner)->scan_text(example).empty());
    }
  }
}

TEST_CASE("secrets: the kinds the criteria name are all covered")
{
  const auto scanner = Scanner::builtin();
  REQUIRE(scanner.has_value());
  for (const std::string_view id :
       {"aws-access-key-id", "github-token", "openai-api-key", "anthropic-api-key", "huggingface-token", "wandb-api-key",
        "kaggle-key", "google-api-key", "slack-token", "slack-webhook", "stripe-secret-key", "telegram-bot-token",
        "private-key", "database-url", "generic-secret", "env-secret"}) {
    CAPTURE(id);
    bool found = false;
    for (const auto& pattern : (*scanner)->patterns()) {
      found = found || pattern.id == id;
    }
    CHECK(found);
  }
}

TEST_CASE("secrets: unquoted secrets in a Compose file's environment, line by line")
{
  const auto scanner = Scanner::builtin();
  REQUIRE(scanner.has_value());
  const std::string compose = "services:\n  server:\n    environment:\n"
                              "      SECRET_KEY: 434b4679e2d1c8a7f05b93e6d2c1a8f4\n"
                              "      JWT_SECRET_KEY: d2f9c8137be4a4f0e95c1d7b6a3e8f21\n"
                              "      DATABASE_URI: postgresql://postgres:12345@db:5432/app\n"
                              "      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n"
                              "      AIRFLOW__WEBSERVER__SECRET_KEY: Wq7Lz3Nv8Kp2Rt6Yb9Xc1Df4\n"
                              "      MODEL_TOKEN_PATH: /run/secrets/model_token_2024\n";
  const auto hits = (*scanner)->scan_text(compose);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].line == 4);
  CHECK(hits[1].line == 5);
  CHECK(hits[0].pattern->id == "env-secret");
}

TEST_CASE("secrets: lines, fingerprints, markers, UTF-16 and notebooks")
{
  const auto scanner = Scanner::builtin();
  REQUIRE(scanner.has_value());
  const std::string key = "AKIAUJZDE8GXD6NCF10E";
  const std::string text = "import boto3\r\n\r\nKEY = '" + key + "'\nOTHER = '" + key + "'  # gitleaks:allow\n";
  const auto hits = (*scanner)->scan_text(text);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].line == 3);
  CHECK(hits[0].fingerprint.size() == 16);
  CHECK(hits[0].fingerprint.find(key) == std::string::npos);
  // The same secret elsewhere has the same fingerprint; another secret has another.
  CHECK((*scanner)->scan_text("x = \"" + key + "\"")[0].fingerprint == hits[0].fingerprint);
  CHECK((*scanner)->scan_text("x = \"AKIAUJZDE8GXD6NCF10F\"")[0].fingerprint != hits[0].fingerprint);

  std::string utf16 = "\xff\xfe";
  for (const char c : "token = '" + key + "'\n") {
    utf16 += c;
    utf16 += '\0';
  }
  CHECK((*scanner)->scan_text(utf16).size() == 1);

  // In a notebook the string is JSON-escaped; it is scanned as the cell's text, outputs too.
  const std::string notebook = R"({"cells": [
 {"cell_type": "markdown", "source": ["# Setup"]},
 {"cell_type": "code", "source": ["import os\n", "os.environ[\"HF_TOKEN\"] = \"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\"\n"],
  "outputs": [{"output_type": "stream", "name": "stdout", "text": ["GITHUB_TOKEN=ghp_sMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8\n"]}]}
], "nbformat": 4})";
  const auto found = (*scanner)->scan_file("notebooks/setup.ipynb", notebook);
  REQUIRE(found.size() == 2);
  CHECK(found[0].line == 3);
  CHECK(found[0].pattern->id == "github-token");
  CHECK(found[1].pattern->id == "huggingface-token");
}

TEST_CASE("secrets: LocalStack's published test key is no credential, the same key elsewhere is")
{
  const auto scanner = Scanner::builtin();
  REQUIRE(scanner.has_value());
  const std::string key =
      "-----BEGIN RSA PRIVATE KEY-----\nUD/+Ydua+5ZMs1SWOpQaPRYpzbLGViYXjU2JgJngKtFI3OyV2dZAkg05rK+gqv81\n"
      "-----END RSA PRIVATE KEY-----\n";
  CHECK((*scanner)->scan_file("localstack_data/cache/server.test.pem.key", key).empty());
  CHECK((*scanner)->scan_file("localstack_data/cache/server.test.pem", key).empty());
  CHECK((*scanner)->scan_file("deploy/server.pem", key).size() == 1);
  CHECK((*scanner)->scan_file("deploy/server.test.pem", key).size() == 1); // not in LocalStack's folder
}

TEST_CASE("secrets: made-up keys and web pages printed by a notebook are not credentials")
{
  const auto scanner = Scanner::builtin();
  REQUIRE(scanner.has_value());
  // Letters in alphabetical order, whatever is between them: made up for an example.
  CHECK((*scanner)->scan_text("password: 'xK9mP2nQ4rT6vY8zA1bC3dE5fG7hJ9kL0mN=='").empty());
  CHECK((*scanner)->scan_text("api_key = 'q1w2a1b2c3d4e5f6Zr8'").empty());
  // The same shape, random: a credential.
  CHECK((*scanner)->scan_text("password: 'xK9mP2nQ4rT6vY8zW1bR3dL5fG7hJ9kU0mN=='").size() == 1);
  CHECK((*scanner)->scan_text("api_key = 'q1w2a1b2c3d4u5f6Zr8'").size() == 1);

  // A scraped page printed by a cell keeps the site's keys; a key printed any other way counts.
  const std::string key = "AIzafEouHgxzNNAL5wIScGebcy8F5n3_YNBDRzr";
  const auto notebook = [&](const std::string& printed) {
    return R"nb({"cells": [{"cell_type": "code", "source": ["print(page)"], "outputs": [{"output_type": "stream", "name": "stdout", "text": [")nb" +
           printed + R"nb("]}]}], "nbformat": 4})nb";
  };
  CHECK((*scanner)->scan_file("scrape.ipynb", notebook("\n <!DOCTYPE html>\n<html><script>k='" + key + "'</script>")).empty());
  CHECK((*scanner)->scan_file("scrape.ipynb", notebook("<HTML lang=en>k='" + key + "'")).empty());
  CHECK((*scanner)->scan_file("scrape.ipynb", notebook("GOOGLE_API_KEY=" + key)).size() == 1);
  CHECK((*scanner)->scan_file("scrape.ipynb", notebook("key: " + key + " <html>")).size() == 1);
}

TEST_CASE("secrets: a bad patterns file is an error naming file:line:column")
{
  const auto bad = Scanner::parse("[[pattern]]\nid = \"x\"\nname = \"X\"\nregex = '(unclosed'\ntrue = [\"a\"]\nfalse = [\"b\"]\n",
                                  "checks/secrets.toml");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.starts_with("checks/secrets.toml:4:9: 'regex' is not a valid RE2 expression"));
  const auto unknown = Scanner::parse("[[pattern]]\nid = \"x\"\nname = \"X\"\nregex = 'x'\nflase = []\n", "s.toml");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().message == "s.toml:5:1: unknown key 'flase' in a [[pattern]]");
  CHECK(entropy("aaaa") == 0);
  CHECK(entropy("abcd") == doctest::Approx(2.0));
}

TEST_CASE(
    "secrets: the built-in scanner is made once and shared, threads scanning at once find what one finds")
{
  const auto first = Scanner::builtin();
  const auto again = Scanner::builtin();
  REQUIRE(first.has_value());
  REQUIRE(again.has_value());
  CHECK(*first == *again);
  const std::string with_key = "KEY = 'AKIAUJZDE8GXD6NCF10E'\nother = 1\n";
  const std::string without = "value = 'not a secret at all'\n";
  std::atomic<int> right = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        const auto scanner = Scanner::builtin();
        const auto hits = (*scanner)->scan_text(with_key);
        right += hits.size() == 1 && hits[0].line == 1 && (*scanner)->scan_text(without).empty() ? 1 : 0;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CHECK(right == 800);
}
