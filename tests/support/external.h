#pragma once

// Running the real tools the report tests check their output with: Debian's Python (with
// python3-jsonschema and python3-junitparser) and Chromium, installed by `make deps`. A missing
// tool is a test failure that names the package, never a silent skip; every run is bounded in time.

#include "support/process.h"

#include <filesystem>
#include <string>
#include <vector>

namespace mlfolio::test {

constexpr std::string_view k_python = "/usr/bin/python3";
constexpr std::string_view k_chromium = "/usr/bin/chromium";

// Whether `program` is an executable file; otherwise a failed CHECK that says which Debian
// package provides it.
bool require_tool(std::string_view program, std::string_view package);

// Runs `program args...` under timeout(1): a run that takes longer than `seconds` is killed
// and returns exit code 124.
RunResult run_bounded(std::string_view program, const std::vector<std::string>& args, int seconds);

// Runs one of tests/support/validators/NAME.py with Debian's Python.
RunResult run_validator(const std::string& name, const std::vector<std::string>& args);

// A headless Chromium with a fresh profile that loads `file` and prints the DOM after scripts
// and layout ran (--dump-dom), or with extra flags (--screenshot=..., --window-size=...).
RunResult run_chromium(const std::filesystem::path& file,
                       const std::vector<std::string>& flags = {"--dump-dom"});

} // namespace mlfolio::test
