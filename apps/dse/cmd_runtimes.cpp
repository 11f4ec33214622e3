// dse runtimes list — the registered runtimes (kernels::Runtimes), the values of --runtime.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app.h"

namespace dse_app {

void RegisterRuntimes(CLI::App& app) {
  static bool json = false;
  CLI::App* runtimes = app.add_subcommand("runtimes", "Runtimes the predictions can assume");
  runtimes->require_subcommand(1);
  CLI::App* list = runtimes->add_subcommand("list", "One line per registered runtime: id, title");
  list->add_flag("--json", json, "Print a JSON array of {id, title, default}");
  list->callback([] {
    nlohmann::json out = nlohmann::json::array();
    for (const kernels::Runtime* r : kernels::Runtimes()) {
      const bool is_default = r->id() == kernels::kDefaultRuntime;
      if (json) {
        out.push_back({{"id", r->id()}, {"title", r->title()}, {"default", is_default}});
      } else {
        std::cout << fmt::format("{:<16} {}{}\n", r->id(), r->title(), is_default ? " (default)" : "");
      }
    }
    if (json) std::cout << out.dump(2) << "\n";
  });
}

}  // namespace dse_app
