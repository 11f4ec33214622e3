#pragma once
// search::ExportTraining — `dse export-training`: the candidates of a run, written for training
// on a cluster. Per candidate an architecture JSON in the style of OFA's `net.config` (name,
// resolution, width, first_conv, blocks with kernel_size, expand_ratio, stride, in/mid/out
// channels and residual, read from the built network; head layers), a manifest CSV (one row per
// candidate, kManifestHeader: the design and its predicted figures, then where it comes from),
// and either a Slurm job-array script (`train.sbatch`, task i trains
// manifest row i) or a GNU parallel job list (`jobs.txt`, one command per line). The command
// TEMPLATE may use {variant}, {config}, {resolution}, {width} and {index}.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/network.h"
#include "searchspace/catalog.h"
#include "store/database.h"

namespace search {

/// The manifest's columns. variant..config: the design, its top-1 and latency (each as the run
/// stored it: predicted unless top1_provenance/latency_provenance say otherwise), board, mode
/// and the path of its architecture JSON. Then its provenance: the run (run_id of `database`,
/// the path the export read, run_started_at in ISO 8601 UTC), the dse that wrote the run
/// (dse_version, git_revision), the runtime, and the provenance of top-1 and latency.
inline constexpr const char* kManifestHeader =
    "variant,space,width,resolution,macs,params,top1,latency_ms,board,mode,config,"
    "run_id,database,run_started_at,dse_version,git_revision,runtime,top1_provenance,"
    "latency_provenance";

struct ExportRequest {
  int64_t run_id = 0;
  std::optional<int64_t> top;  // the K best by top-1 (feasible); none: the run's fronts
  std::string format = "slurm";  // slurm | gnu-parallel
  std::string command;         // TEMPLATE
  std::string out_dir;
};

struct ExportSummary {
  int64_t candidates = 0;
  std::vector<std::string> files;  // written, relative to out_dir
};

/// Validates `request`: the format, a non-empty template naming only known placeholders,
/// top >= 1 (input errors, exit 2; nothing written).
util::Status CheckExportRequest(const ExportRequest& request);

/// Writes the export of `request.run_id` (an input error when the run is absent or has no
/// feasible candidate).
util::Result<ExportSummary> ExportTraining(store::Database& db, const searchspace::Catalog& catalog,
                                           const ExportRequest& request);

/// The architecture JSON of a built network (net.config style), as text.
std::string ArchitectureJson(const graph::Network& net, const std::string& space, double width,
                             int resolution);

/// The text each placeholder of the TEMPLATE stands for.
struct TemplateValues {
  std::string variant, config, width, resolution, index;
};

/// `command` with every placeholder replaced.
std::string FillTemplate(std::string command, const TemplateValues& values);

}  // namespace search
