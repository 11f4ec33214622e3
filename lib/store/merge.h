#pragma once
// store::Merge — `dse db merge A.sqlite B.sqlite ... --out C.sqlite`: one database holding
// every run of the inputs. Rows are copied with generic SQL over the tables the inputs have
// (every table with a run_id column follows its run; variants are shared by name; any other
// table is copied as is, duplicates ignored), so columns and tables added later survive.
// Run ids are renumbered in input order. The runs of one sharded command (`--shard k/N`: the
// same command line but for --shard, --db, --threads and output flags, in different inputs) become one run, like the
// unsharded command's. Every run's Pareto rows are recomputed from its evaluations
// (explore::AllFronts per board). Each run keeps the options it recorded (runs.tinyops_config,
// runs.filter_growth); the summary says when they differ between runs. The output is written to a temporary file beside it and
// renamed over it, so it is whole or absent. Inputs are never modified.

#include <cstdint>
#include <string>
#include <vector>

#include "util/result.h"

namespace store {

struct MergeSummary {
  int64_t runs_read = 0;
  int64_t runs_written = 0;  // fewer when shards were joined
  int64_t evaluations = 0;
  /// When some runs of the output record different options (explore::OptionsDiffer: their
  /// figures differ for that reason too), the runs of each, e.g. "runs 1, 2: --tinyops-config
  /// fastest, filter growth on; run 3: --tinyops-config firmware, filter growth on"; else "".
  std::string differing_options;
};

/// Merges `inputs` into `out`. Input errors (exit 2): fewer than one input, an input that is
/// missing or not a dse database, inputs of different schema versions (naming both), or a
/// schema version other than this build's.
util::Result<MergeSummary> Merge(const std::vector<std::string>& inputs, const std::string& out);

/// "3 runs read, 3 written (2082 evaluations) to OUT\n".
std::string MergeText(const MergeSummary& summary, const std::string& out);
/// "note: the runs were made with different options, ...: <differing_options>"; "" when they
/// do not differ.
std::string MergeNote(const MergeSummary& summary);

/// `command_line` without its `--shard X`, `--db X`, `--threads X`, `--json` and `-q` options
/// (which change neither the points nor their results); empty without --shard.
std::string UnshardedCommand(const std::string& command_line);

}  // namespace store
