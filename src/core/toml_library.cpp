// toml++'s implementation, compiled once here for the whole program (TOML_HEADER_ONLY=0 is set
// for every file by CMakeLists.txt, so the others see only its declarations).
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
