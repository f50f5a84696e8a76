// code/package: the Python code is an importable package, not only loose scripts.
#include "lint/rules/registry.h"

#include "lint/analyze/modules.h"
#include "lint/wording.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace mlfolio::lint {

namespace {

struct NamespacePackage
{
  std::string folder;   // "src/credit_risk/"
  std::string module;   // its first module
  std::string importer; // a module outside it that imports it
  size_t importers = 0;
  bool build_configuration = false; // else its modules import each other by its name
  bool imported_within = true;      // else the rest of the project imports several of its modules
  // Several namespace packages side by side under one import root ("src/"), none enough alone,
  // whose modules import each other's by name: their folder names.
  std::vector<std::string> siblings;
  size_t sibling_modules = 0;
};

// A folder of modules with no __init__.py that a build configuration installs and the project's
// other modules import by its name ("from credit_risk.serving import score"): a namespace
// package (PEP 420), which setuptools' package finder in pyproject.toml installs as it is. With no
// build configuration, its own modules must import each other by its name too.
std::optional<NamespacePackage> namespace_package(const RuleContext& context,
                                                  const std::vector<const FileEntry*>& python)
{
  const RepoView& view = context.view();
  const bool build_configuration = view.find("pyproject.toml") != nullptr ||
                                   view.find("setup.py") != nullptr || view.find("setup.cfg") != nullptr;
  // Each folder that may be a package, by its path ("src/credit_risk/", "backend/app/"): its
  // modules, at any depth, and the first of them.
  struct Candidate
  {
    std::string name; // what imports call it: "credit_risk", "app"
    size_t modules = 0;
    std::string first_module;
  };
  std::map<std::string, Candidate, std::less<>> folders;
  const auto count = [&](std::string_view prefix, std::string_view path, const std::string& module) {
    const size_t slash = path.find('/');
    if (slash == std::string_view::npos) {
      return; // a module of the root (or of the service folder) itself
    }
    const std::string name(path.substr(0, slash));
    Candidate& candidate = folders[std::string(prefix) + name + "/"];
    candidate.name = name;
    candidate.first_module = candidate.modules++ == 0 ? module : candidate.first_module;
  };
  for (const FileEntry* file : python) {
    std::string_view path = file->path;
    if (path.starts_with("src/")) {
      count("src/", path.substr(4), file->path);
      continue;
    }
    count("", path, file->path);
    // A service's folder (backend/start_backend.py beside backend/app/) is where its package's
    // imports start too, as src/ is: "from app.db.session import get_db".
    if (const size_t top = path.find('/'); top != std::string_view::npos) {
      count(path.substr(0, top + 1), path.substr(top + 1), file->path);
    }
  }
  std::optional<NamespacePackage> best;
  // Per import root ("src/", ""): the folders whose modules are imported by name, those modules,
  // and whether one folder's modules import another's.
  struct Root
  {
    std::vector<std::string> folders;
    std::set<std::string> imported;
    std::string first_module;
    std::string importer;
  };
  std::map<std::string, Root, std::less<>> roots;
  for (const auto& [folder, candidate] : folders) {
    const std::string& name = candidate.name;
    if (candidate.modules < 2 || name == "tests" || name == "test" || name == "scripts" ||
        name == "notebooks") {
      continue;
    }
    NamespacePackage found{folder, candidate.first_module, "", 0, build_configuration, true, {}, 0};
    size_t inner_importers = 0; // its own modules that import each other by the package's name
    std::set<std::string> inner_imported; // the modules they import so
    std::set<std::string> outer_imported; // the modules the rest of the project imports so
    bool inner_relative = false;          // its own modules import each other relatively too
    for (const auto* list : {&context.analysis().code_modules(), &context.analysis().test_modules()}) {
      for (const auto& [file, module] : *list) {
        // Without a build configuration, only an import of one of its modules ("app.routes" is
        // app/routes.py or app/routes/): a folder named pyspark/ is not what "import pyspark.sql" reads.
        const auto resolves = [&](const std::string& dotted) {
          if (build_configuration) {
            return true;
          }
          const std::string path = folder + analyze::module_path(dotted.substr(name.size() + 1));
          return view.exists(path + ".py") ||
                 std::any_of(python.begin(), python.end(),
                             [&](const FileEntry* other) { return other->path.starts_with(path + "/"); });
        };
        const bool inner = file->path.starts_with(folder);
        bool imports = false;
        for (const auto& import : module->imports) {
          // "from .database import setup_indexes": a relative import runs only inside a package.
          inner_relative = inner_relative || (inner && import.level > 0);
          const bool of_package =
              import.level == 0 &&
              (import.module == name
                   ? build_configuration
                   : import.module.starts_with(name) && import.module.size() > name.size() &&
                         import.module[name.size()] == '.' && resolves(import.module));
          if (of_package) {
            (inner ? inner_imported : outer_imported).insert(import.module);
          }
          imports = imports || of_package;
        }
        if (imports && inner) {
          ++inner_importers;
        } else if (imports) {
          found.importer = found.importer.empty() ? file->path : found.importer;
          ++found.importers;
        }
      }
    }
    // Without a build configuration, code written as a package, run from the repository's root
    // ("uvicorn app.main:app"): its modules import each other as app.routes, app.config, or one
    // of them imports several of the others so (api/main.py: api.model, api.auth, api.schemas),
    // or the rest of the project imports three or more of its modules by its name (a flow run
    // with python -m: training.feature_engineering, training.train_experiment, ...).
    // Run as a module from outside ("uvicorn app.main:app" in the service's Dockerfile), nothing
    // else need import it: its modules importing each other by its name and relatively are enough.
    const bool written_as_package =
        (found.importers > 0 &&
         (inner_importers >= 2 || inner_imported.size() >= 2 || outer_imported.size() >= 3)) ||
        (inner_importers >= 2 && inner_imported.size() >= 2 && inner_relative);
    found.imported_within = inner_importers >= 2 || inner_imported.size() >= 2;
    if (!inner_imported.empty() || !outer_imported.empty()) {
      Root& root = roots[folder.substr(0, folder.size() - name.size() - 1)];
      root.folders.push_back(name + "/");
      root.imported.insert(inner_imported.begin(), inner_imported.end());
      root.imported.insert(outer_imported.begin(), outer_imported.end());
      root.first_module = root.first_module.empty() ? candidate.first_module : root.first_module;
      root.importer = root.importer.empty() ? found.importer : root.importer;
    }
    if ((build_configuration ? found.importers > 0 : written_as_package) &&
        (!best || found.importers > best->importers)) {
      best = found;
    }
  }
  // Without one package that is enough alone: two or more folders under one import root whose
  // modules import four or more of theirs by name, one folder's modules another's (a consumer,
  // a retraining flow and their shared data_processing/ under src/, run with src on PYTHONPATH).
  if (!best && !build_configuration) {
    for (const auto& [prefix, root] : roots) {
      if (root.folders.size() >= 2 && root.imported.size() >= 4 && !root.importer.empty()) {
        NamespacePackage found{prefix, root.first_module, root.importer, 1, false, false, {}, 0};
        found.siblings = root.folders;
        found.sibling_modules = root.imported.size();
        return found;
      }
    }
  }
  return best;
}

} // namespace

Finding check_code_package(const RuleContext& context)
{
  const auto& python = context.analysis().python_files();
  if (python.empty()) {
    return skip("no Python files outside tests");
  }
  // The project's own package when there are several: one under src/ first, then the one that
  // holds the most modules (a project's package over its load-test driver), then path order.
  const FileEntry* best = nullptr;
  std::string best_folder;
  size_t best_score = 0;
  for (const FileEntry* file : python) {
    const size_t slash = file->path.rfind('/');
    if (slash == std::string::npos || file->path.substr(slash + 1) != "__init__.py") {
      continue;
    }
    const std::string folder = file->path.substr(0, slash + 1);
    size_t score =
        static_cast<size_t>(std::count_if(python.begin(), python.end(), [&](const FileEntry* other) {
          return other->path.starts_with(folder);
        }));
    score += folder.starts_with("src/") ? python.size() : 0;
    if (best == nullptr || score > best_score) {
      best = file;
      best_folder = folder;
      best_score = score;
    }
  }
  if (best != nullptr) {
    return pass("importable package " + best_folder, {{best->path, 0}});
  }
  if (const auto package = namespace_package(context, python)) {
    if (!package->siblings.empty()) {
      return pass("importable packages " + join_some(package->siblings, 4) + " under " +
                      (package->folder.empty() ? std::string("the repository's root") : package->folder) +
                      " (namespace packages: no __init__.py, but the project imports " +
                      std::to_string(package->sibling_modules) + " of their modules by name, as " +
                      package->importer + " does)",
                  {{package->module, 0}});
    }
    if (package->importer.empty()) {
      return pass("importable package " + package->folder +
                      " (a namespace package: no __init__.py, but its own modules import each other by its "
                      "name and relatively)",
                  {{package->module, 0}});
    }
    return pass("importable package " + package->folder + " (a namespace package: no __init__.py, but " +
                    package->importer + " imports it by name and " +
                    (package->build_configuration ? "the project has a build configuration)"
                     : package->imported_within
                         ? "its own modules import each other by its name)"
                         : "the project imports three or more of its modules by its name)"),
                {{package->module, 0}});
  }
  std::vector<Location> scripts;
  std::vector<std::string> names;
  for (const FileEntry* file : python) {
    if (scripts.size() < 10) {
      scripts.push_back({file->path, 0});
    }
    names.push_back(file->path);
  }
  return fail("no folder with an __init__.py; the code is loose scripts: " + join_some(names, 3),
              std::move(scripts));
}

} // namespace mlfolio::lint
