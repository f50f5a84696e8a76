// ctest runs each test case by its name, and CMake reads the list of names doctest prints as a
// list separated by ';': a name holding one becomes two names that match no test, and the test
// never runs under `make test` while ctest reports it passed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

TEST_CASE("test names: no test case name holds a semicolon, which would keep ctest from running it")
{
  const std::filesystem::path root = std::filesystem::path(MLFOLIO_SOURCE_DIR) / "tests";
  // TEST_CASE("a" "b"), its strings possibly on the following lines.
  const std::regex test_case(R"re(TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re");
  const std::regex piece(R"re("((?:[^"\\]|\\.)*)")re");
  size_t names = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".cpp") {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string source = buffer.str();
    for (std::sregex_iterator it(source.begin(), source.end(), test_case), end; it != end; ++it) {
      std::string name;
      const std::string strings = (*it)[1].str();
      for (std::sregex_iterator p(strings.begin(), strings.end(), piece); p != end; ++p) {
        name += (*p)[1].str();
      }
      ++names;
      INFO(entry.path().string() << ": " << name);
      CHECK(name.find(';') == std::string::npos);
    }
  }
  CHECK(names > 100); // the walk found the test sources
}
