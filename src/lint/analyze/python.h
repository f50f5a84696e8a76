#pragma once

#include "lint/analyze/problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlfolio::lint::analyze {

struct KeywordArgument
{
  std::string name;
  std::string value;                // source text of the value, trimmed, at most 200 bytes
  std::vector<std::string> strings; // string literals inside the value (methods=["GET", "POST"])
};

struct Call
{
  std::string callee; // dotted name as written: "print", "logging.getLogger", "mlflow.log_metric"
  int line = 0;
  bool chained = false; // called on the result of an expression: pd.read_csv(p).dropna() -> "dropna"
  std::optional<std::string> first_string; // the first argument when it is a plain string literal
  std::vector<KeywordArgument> keywords;
  int positional_arguments = 0; // arguments not given by keyword (*args and **kwargs count too)
  bool unpacks_keywords = false; // a **kwargs argument: XGBClassifier(**params)
};

struct Decorator
{
  std::string name; // dotted: "app.get", "pytest.fixture", "staticmethod"
  int line = 0;
  std::optional<std::string> first_string;
  std::vector<KeywordArgument> keywords;
};

struct Function
{
  std::string name;
  int line = 0;
  bool is_async = false;
  std::string class_name;  // the class it is defined in directly; "" for functions
  int parameter_count = 0; // without a leading self/cls and without the bare "*" and "/"
  int annotated_parameters = 0;
  bool all_parameters_annotated = false; // true for a function without parameters
  bool has_return_annotation = false;
  bool is_test = false; // test_x, testX, test1 or test: what pytest and unittest collect
  bool has_docstring = false;
  int end_line = 0; // the last line of the body (nested definitions included)
  // The body only passes, returns, holds strings or asserts literals ("assert True",
  // "assert 1 + 1 == 2"): it names nothing, so as a test it checks nothing.
  bool trivial_body = true;
  std::vector<Decorator> decorators;
};

struct Class
{
  std::string name;
  int line = 0;
  std::vector<std::string> bases; // dotted names: "nn.Module", "BaseModel"; keywords left out
  std::vector<Decorator> decorators;
};

struct Import
{
  std::string module;             // "a.b" for "import a.b" and "from a.b import c"; "" for "from . import x"
  std::vector<std::string> names; // imported names of a from-import ("*" included)
  int level = 0;                  // leading dots of a relative import
  int line = 0;
};

// An HTTP route from a decorator such as @app.get("/health"), @router.post(""),
// @app.route("/predict", methods=["POST"]), or a call app.add_url_rule("/x", ...).
struct Route
{
  std::string path;
  std::vector<std::string> methods; // upper-case; empty when not given (Flask's default is GET)
  std::string decorator;            // "app.get", "bp.route", "app.add_api_route"
  std::string function;             // the decorated function, "" for a call
  int line = 0;
  bool any_method = false; // a Django URLconf route: every method reaches the view
  bool mount = false;      // a prefix other routes answer below: api.add_namespace(ping, path="/ping")
  uint32_t prefix_size = 0; // the leading bytes of `path` that are its router's prefix ("/history")
};

struct ExceptHandler
{
  int line = 0;
  bool bare = false;                   // "except:"
  std::vector<std::string> exceptions; // dotted names: "ValueError", "requests.HTTPError"
  bool body_is_pass = false;           // the body is only pass or ... (the error is swallowed)
  bool raises = false;                 // the body has a raise statement (re-raise or translate)
  bool exits = false;                  // the body ends the program: sys.exit(1), exit(), os._exit()
  bool in_cleanup = false; // in the body of another except or finally clause: best-effort clean-up
};

struct StringLiteral
{
  std::string value; // see string_value: prefix and quotes removed, simple escapes decoded
  int line = 0;
  bool is_fstring = false;
  bool is_bytes = false;
};

enum class NotebookMarkerKind {
  cell_marker,  // "# In[ ]:" / "# In[12]:"
  get_ipython,  // a get_ipython() call
  shell_escape, // a line "!pip install ..."
  magic,        // a line "%matplotlib inline" / "%%time"
};

// An identifier as written anywhere in the module (variables, attributes, parameters, called
// and defined names), each once, at its first occurrence; keywords left out.
struct Name
{
  std::string text;
  int line = 0;
  bool only_attribute = false; // written after a dot every time: sys.version, torch.__version__
};

struct NotebookMarker
{
  NotebookMarkerKind kind = NotebookMarkerKind::cell_marker;
  int line = 0;
  std::string text;
};

struct PythonModule
{
  std::vector<Function> functions;
  std::vector<Class> classes;
  std::vector<Import> imports;
  std::vector<Call> calls;
  std::vector<Route> routes;
  std::vector<ExceptHandler> handlers;
  std::vector<int> raise_lines;  // every raise statement
  std::vector<int> assert_lines; // every assert statement
  std::vector<StringLiteral> strings;
  std::vector<Name> names; // in order of first occurrence
  // Names assigned a slice at the start of a line: "test = series[cut:]", "a, b = x[:n], x[n:]".
  std::vector<Name> slice_targets;
  std::vector<NotebookMarker> notebook_markers;
  // Routers assigned to a name at the start of a line: "router = APIRouter(prefix=...)",
  // "bp = Blueprint(..., url_prefix=...)": the name and the index of the call in `calls`.
  std::vector<std::pair<std::string, size_t>> routers;
  std::optional<int> main_guard_line; // if __name__ == "__main__":
  int line_count = 0;
  std::vector<Problem> problems; // from the tokenizer
};

// Structure of one Python module in any encoding (see decode_text). Never throws; linear.
PythonModule analyze_python(std::string_view bytes);

// The same for text already decoded to UTF-8 with "\n" line ends (a notebook cell).
PythonModule analyze_python_text(std::string_view text);

} // namespace mlfolio::lint::analyze
