#include "placement/placement.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "analysis/cost.h"
#include "analysis/liveness.h"
#include "tinyops/kernels.h"
#include "tinyops/partitioner.h"
#include "util/spellcheck.h"

namespace placement {

std::string_view ModeName(Mode mode) {
  switch (mode) {
    case Mode::kInternal: return "internal";
    case Mode::kExternal: return "external";
    case Mode::kTinyops: return "tinyops";
  }
  return "?";
}

util::Result<Mode> ParseMode(std::string_view name) {
  for (Mode mode : kAllModes) {
    if (ModeName(mode) == name) return mode;
  }
  const std::vector<std::string> names = {"internal", "external", "tinyops"};
  return util::InputError(fmt::format("unknown deployment mode '{}'{} (modes: internal, "
                                      "external, tinyops)", name, util::DidYouMean(name, names)));
}

Footprint Measure(const graph::Network& net) {
  Footprint f;
  f.weight_bytes = analysis::CountNetwork(net).flash_bytes;
  const analysis::PeakActivation peak = analysis::ComputePeak(net);
  f.peak_activation_bytes = peak.peak_bytes;
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const int64_t need = peak.live_bytes[i] + tinyops::KernelScratchBytes(net, net.ops[i]);
    if (need > f.arena_bytes) {
      f.arena_bytes = need;
      f.arena_peak_op = static_cast<int>(i);
    }
  }
  return f;
}

namespace {

void Require(Fit* fit, std::string constraint, int64_t needed, int64_t available,
             std::string detail) {
  if (needed > available) {
    fit->violations.push_back({std::move(constraint), needed, available, std::move(detail)});
  }
}

void CheckInternal(const Footprint& f, const hw::Board& board, Fit* fit) {
  fit->flash_bytes = f.weight_bytes + board.flash.reserved_bytes;
  fit->sram_bytes = f.arena_bytes + board.sram.reserved_bytes;
  fit->storage_name = "flash";
  Require(fit, "internal flash", fit->flash_bytes, board.flash.size_bytes,
          fmt::format("{} B of weights + {} B of runtime code", f.weight_bytes,
                      board.flash.reserved_bytes));
  Require(fit, "internal SRAM", fit->sram_bytes, board.sram.size_bytes,
          fmt::format("{} B of tensors and kernel scratch at op {} + {} B of runtime state",
                      f.arena_bytes, f.arena_peak_op, board.sram.reserved_bytes));
}

// Weights, arena (and `extra_bytes`) in external RAM; the model in external storage.
void CheckExternalRam(const Footprint& f, const hw::Board& board, int64_t extra_bytes, Fit* fit) {
  fit->flash_bytes = board.flash.reserved_bytes;
  const hw::ExternalMemory* ram = board.ExternalRam();
  fit->external_bytes = f.weight_bytes + f.arena_bytes + extra_bytes;
  fit->external_name = ram ? ram->name : "";
  Require(fit, "external RAM", fit->external_bytes, ram ? ram->size_bytes : 0,
          ram ? fmt::format("{} B of weights + {} B of tensors and scratch{} in '{}'",
                            f.weight_bytes, f.arena_bytes,
                            extra_bytes ? fmt::format(" + {} B of TinyOps state", extra_bytes) : "",
                            ram->name)
              : std::string("the board has no external RAM (sdram or sram)"));
  if (const hw::ExternalMemory* storage = board.ExternalStorage()) {
    fit->storage_name = storage->name;
    fit->storage_bytes = f.weight_bytes;
    Require(fit, "model storage", f.weight_bytes, storage->size_bytes,
            fmt::format("the model is stored in '{}'", storage->name));
  } else {
    fit->storage_name = "flash";
    fit->flash_bytes += f.weight_bytes;
    Require(fit, "internal flash", fit->flash_bytes, board.flash.size_bytes,
            "no external storage: the model is stored in internal flash with the code");
  }
}

void CheckTinyops(const graph::Network& net, const hw::Board& board, const Deployment& d,
                  Fit* fit) {
  static const tinyops::BudgetTable kNoBudgets;
  const int64_t budget =
      d.sram_budget_bytes > 0
          ? d.sram_budget_bytes
          : tinyops::DefaultBudgetBytes(d.default_budgets ? *d.default_budgets : kNoBudgets, board);
  Require(fit, "internal SRAM", budget, board.sram.size_bytes,
          "the TinyOps SRAM budget is larger than the SRAM");
  tinyops::Plan plan = tinyops::Partitioner({budget, d.filter_growth}).Run(net);
  fit->sram_bytes = plan.sram_bytes;
  if (!plan.fits) {
    fit->violations.push_back({"TinyOps SRAM budget", plan.sram_bytes, budget,
                               plan.shortfall ? plan.shortfall->reason : ""});
  }
  fit->plan = std::move(plan);
}

}  // namespace

Fit Check(const graph::Network& net, const hw::Board& board, const Deployment& deployment) {
  return Check(net, Measure(net), board, deployment);
}

Fit Check(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
          const Deployment& deployment) {
  Fit fit;
  fit.mode = deployment.mode;
  switch (deployment.mode) {
    case Mode::kInternal:
      CheckInternal(footprint, board, &fit);
      break;
    case Mode::kExternal:
      CheckExternalRam(footprint, board, 0, &fit);
      fit.sram_bytes = board.sram.reserved_bytes;
      break;
    case Mode::kTinyops:
      CheckExternalRam(footprint, board, kTinyopsExecStateBytes, &fit);
      CheckTinyops(net, board, deployment, &fit);
      break;
  }
  fit.fits = fit.violations.empty();
  return fit;
}

}  // namespace placement
