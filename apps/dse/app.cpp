#include "app.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace dse_app {

GlobalOptions& Globals() {
  static GlobalOptions options;
  return options;
}

void Fail(const util::Error& error) {
  throw Failure{error.kind == util::Error::Kind::kInput ? kExitInput : kExitRuntime, error.message};
}

void FailInput(const std::string& message) { throw Failure{kExitInput, message}; }

const searchspace::Catalog& Spaces() {
  static const searchspace::Catalog catalog = [] {
    searchspace::Catalog c = Unwrap(
        searchspace::Catalog::LoadDirectory(Globals().data_dir + "/searchspaces"));
    for (const std::string& file : Globals().space_files) {
      if (auto status = c.AddFile(file); !status) Fail(status.error());
    }
    return c;
  }();
  return catalog;
}

graph::Network BuildNamed(const std::string& variant_name) {
  const searchspace::Variant variant = Unwrap(Spaces().ParseVariant(variant_name));
  return Unwrap(Spaces().Build(variant));
}

CLI::Validator NotEmpty() {
  return CLI::Validator(
      [](const std::string& value) { return value.empty() ? std::string("must not be empty") : std::string(); },
      "", "NotEmpty");
}

void AddRuntimeOption(CLI::App* cmd, std::string* runtime_id) {
  *runtime_id = std::string(kernels::kDefaultRuntime);
  cmd->add_option("--runtime", *runtime_id, "Runtime of the predictions (dse runtimes list)")
      ->capture_default_str();
}

const kernels::Runtime* ResolveRuntime(const std::string& id) {
  return Unwrap(kernels::FindRuntime(id));
}

void Note(const std::string& text) {
  if (!Globals().quiet && !text.empty()) std::cerr << text << "\n";
}

}  // namespace dse_app
