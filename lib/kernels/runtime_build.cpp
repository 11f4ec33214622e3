// The names a runtime's build may take, each with the words BuildText uses for it. Adding one:
// a line in the table (a runtime file may then name it).

#include "kernels/runtime_build.h"

#include <utility>

namespace kernels {
namespace {

using Named = std::vector<std::pair<std::string, std::string>>;

const Named& Interpreters() {
  static const Named names = {
      {"tflm", "the TFLM interpreter"},
      {"tinyengine", "TinyEngine's generated code"},
      {"microtvm-aot", "microTVM's AOT executor"},
      {"x-cube-ai", "X-CUBE-AI's generated network code"},
      {"plumerai", "Plumerai's inference engine"},
      {"hale", "HALE's inference engine"},
      {"onnc", "ONNC's generated code"},
  };
  return names;
}

const Named& KernelLibraries() {
  static const Named names = {
      {"cmsis-nn", "the CMSIS-NN kernels"},
      {"reference", "TFLM's reference kernels"},
      {"tinyengine", "TinyEngine's kernels"},
      {"tvm-native", "TVM's own schedules"},
      {"x-cube-ai", "X-CUBE-AI's kernels"},
      {"plumerai", "Plumerai's kernels"},
      {"hale", "HALE's kernels"},
      {"onnc", "ONNC's kernels"},
  };
  return names;
}

std::vector<std::string> NamesOf(const Named& table) {
  std::vector<std::string> names;
  for (const auto& [name, words] : table) names.push_back(name);
  return names;
}

std::string WordsFor(const Named& table, const std::string& name) {
  for (const auto& [known, words] : table) {
    if (known == name) return words;
  }
  return "'" + name + "'";
}

}  // namespace

const std::vector<std::string>& InterpreterNames() {
  static const std::vector<std::string> names = NamesOf(Interpreters());
  return names;
}

const std::vector<std::string>& KernelLibraryNames() {
  static const std::vector<std::string> names = NamesOf(KernelLibraries());
  return names;
}

std::string BuildText(const RuntimeBuild& build) {
  return WordsFor(Interpreters(), build.interpreter) + " and " +
         WordsFor(KernelLibraries(), build.kernels);
}

}  // namespace kernels
