// dse db merge — many results databases into one (lib/store/merge.h).

#include <iostream>

#include "app.h"
#include "store/merge.h"

namespace dse_app {

void RegisterDb(CLI::App& app) {
  static std::vector<std::string> inputs;
  static std::string out;
  CLI::App* db = app.add_subcommand("db", "Results-database tools");
  db->require_subcommand(1);
  CLI::App* merge = db->add_subcommand("merge", "Merge databases (e.g. the shards of a sweep) into one");
  merge->add_option("inputs", inputs, "Input databases")->required();
  merge->add_option("--out", out, "The merged database (written atomically)")->required();
  merge->callback([] {
    const store::MergeSummary summary = Unwrap(store::Merge(inputs, out));
    std::cout << store::MergeText(summary, out);
    Note(store::MergeNote(summary));
  });
}

}  // namespace dse_app
