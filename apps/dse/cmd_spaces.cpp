// dse spaces list|show — the model families and reference nets the toolkit knows.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app.h"
#include "util/spellcheck.h"

namespace dse_app {
namespace {

std::string GridText(const searchspace::Space& s) {
  if (s.fixed) return fmt::format("fixed, r{}", s.resolutions.front());
  return fmt::format("w{:.2f}..{:.2f} ({}) x r{}..{} ({})", s.widths.front(), s.widths.back(),
                     s.widths.size(), s.resolutions.front(), s.resolutions.back(),
                     s.resolutions.size());
}

nlohmann::json SpaceJson(const searchspace::Space& s) {
  return {{"name", s.name},
          {"kind", s.fixed ? "fixed" : "scalable"},
          {"description", s.description},
          {"source", s.source},
          {"file", s.file},
          {"widths", s.widths},
          {"resolutions", s.resolutions},
          {"variants", s.widths.size() * s.resolutions.size()},
          {"blocks", s.blocks.size()},
          {"activation_bits", s.activation_bits}};
}

void List(bool json) {
  const searchspace::Catalog& catalog = Spaces();  // load (and validate) before printing
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : catalog.spaces()) out.push_back(SpaceJson(s));
    std::cout << explore::DocumentText(out);
    return;
  }
  std::cout << fmt::format("{:<28} {:<8} {:<34} {}\n", "name", "kind", "grid", "description");
  for (const auto& s : catalog.spaces()) {
    std::cout << fmt::format("{:<28} {:<8} {:<34} {}\n", s.name, s.fixed ? "fixed" : "scalable",
                             GridText(s), s.description);
  }
}

void Show(const std::string& name, bool json) {
  const searchspace::Space* s = Spaces().Find(name);
  if (s == nullptr) {
    FailInput(fmt::format("unknown space '{}'{}", name, util::DidYouMean(name, Spaces().Names())));
  }
  if (json) {
    std::cout << explore::DocumentText(SpaceJson(*s));
    return;
  }
  std::cout << fmt::format("{} — {}\n  file:   {}\n  source: {}\n  grid:   {}\n  blocks: {}\n",
                           s->name, s->description, s->file, s->source, GridText(*s),
                           s->blocks.size());
  std::cout << fmt::format("  {:>3} {:>5} {:>5} {:>3} {:>3} {:>7} {:>6}\n", "#", "in", "out", "k",
                           "s", "expand", "repeat");
  int i = 1;
  for (const auto& b : s->blocks) {
    const std::string expand = b.expanded > 0 ? fmt::format("m{}", b.expanded)
                                              : fmt::format("{:g}", b.expand);
    std::cout << fmt::format("  {:>3} {:>5} {:>5} {:>3} {:>3} {:>7} {:>6}\n", i++, b.in, b.out,
                             b.kernel, b.stride, expand, b.repeat);
  }
}

}  // namespace

void RegisterSpaces(CLI::App& app) {
  CLI::App* spaces = app.add_subcommand("spaces", "List or show the model families and reference nets");
  spaces->require_subcommand(1);
  static bool json = false;
  static std::string name;
  CLI::App* list = spaces->add_subcommand("list", "List every space: name, kind, grid, description");
  list->add_flag("--json", json, "Print JSON");
  list->callback([] { List(json); });
  CLI::App* show = spaces->add_subcommand("show", "Show one space's block table and grid");
  show->add_option("space", name, "Space name, e.g. mbv3")->required();
  show->add_flag("--json", json, "Print JSON");
  show->callback([] { Show(name, json); });
}

}  // namespace dse_app
