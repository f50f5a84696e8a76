#include "lint/analyze/compose.h"

#include "core/text.h"
#include "lint/analyze/text_decode.h"
#include "lint/analyze/yaml_limits.h"

namespace mlfolio::lint::analyze {

namespace {

// The words of a command given as a string or as a list ["python", "-m", "app.train"].
std::string command_of(const YAML::Node& node)
{
  if (node.IsScalar()) {
    return node.Scalar();
  }
  std::string command;
  if (node.IsSequence()) {
    for (const auto& item : node) {
      if (item.IsScalar()) {
        command += (command.empty() ? "" : " ") + item.Scalar();
      }
    }
  }
  return command;
}

} // namespace

bool is_compose_path(std::string_view path)
{
  const std::string name = text::to_lower(text::base_name(path));
  const bool yaml = name.ends_with(".yml") || name.ends_with(".yaml");
  return yaml && (name.starts_with("docker-compose") || name.starts_with("compose.") ||
                  name.starts_with("compose-") || name.starts_with("docker_compose"));
}

ComposeFile parse_compose(std::string_view bytes)
{
  ComposeFile file;
  const DecodedText decoded = decode_text(bytes);
  const auto root = detail::load_yaml_map(decoded.text, file.problems);
  if (!root) {
    return file;
  }
  try {
    const YAML::Node services = (*root)["services"];
    if (!services || !services.IsMap()) {
      return file;
    }
    for (const auto& entry : services) {
      ComposeService service;
      service.name = entry.first.Scalar();
      service.line = detail::yaml_line(entry.first);
      const YAML::Node& body = entry.second;
      if (body.IsMap()) {
        // Docker runs the entrypoint with the command as its arguments.
        for (const char* key : {"entrypoint", "command"}) {
          if (const YAML::Node part = body[key]) {
            const std::string words = command_of(part);
            service.command += (service.command.empty() || words.empty() ? "" : " ") + words;
            service.command_line = service.command_line == 0 ? detail::yaml_line(part) : service.command_line;
          }
        }
        const YAML::Node depends = body["depends_on"];
        if (depends && depends.IsSequence()) {
          for (const auto& item : depends) {
            if (item.IsScalar()) {
              service.depends_on.push_back(item.Scalar());
            }
          }
        } else if (depends && depends.IsMap()) {
          for (const auto& item : depends) {
            service.depends_on.push_back(item.first.Scalar());
          }
        }
      }
      file.services.push_back(std::move(service));
    }
  } catch (const YAML::Exception& error) {
    file.problems.push_back(Problem{0, 0, "cannot read the YAML: " + error.msg});
  }
  return file;
}

} // namespace mlfolio::lint::analyze
