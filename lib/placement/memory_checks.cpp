#include "placement/memory_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace placement {

void Require(Fit* fit, std::string constraint, int64_t needed, int64_t available,
             std::string detail) {
  if (needed > available) {
    fit->violations.push_back({std::move(constraint), needed, available, std::move(detail)});
  }
}

void CheckInternal(const Footprint& f, const hw::Board& board, Fit* fit) {
  const int64_t code_bytes = RuntimeCodeBytes(f, board);
  fit->flash_bytes = f.model.total_bytes() + code_bytes;
  fit->flash_model = f.model;
  fit->sram_bytes = f.sram.total_bytes() + board.sram.reserved_bytes;
  fit->sram_parts = f.sram;
  fit->storage_name = "flash";
  Require(fit, "internal flash", fit->flash_bytes, board.flash.size_bytes,
          fmt::format("{} B of model ({}) + {} B of runtime code", f.model.total_bytes(),
                      ModelFlashText(f.model), code_bytes));
  Require(fit, "internal SRAM", fit->sram_bytes, board.sram.size_bytes,
          fmt::format("{} layout: {} B of tensors + {} B of kernel scratch at op {} + {} B of "
                      "persistent data + {} B of runtime state",
                      f.sram.layout, f.sram.arena_bytes, f.sram.scratch_bytes, f.sram.peak_op,
                      f.sram.persistent_bytes, board.sram.reserved_bytes));
}

std::string ModelFlashText(const ModelFlash& m) {
  if (m.generated) {
    return fmt::format("{} B of weights, biases and requantisation compiled to C, no flatbuffer",
                       m.data_bytes);
  }
  return m.from_file ? fmt::format("the .tflite file: {} B of weights, biases and requantisation "
                                   "+ {} B of flatbuffer", m.data_bytes, m.overhead_bytes)
                     : fmt::format("{} B of weights, biases and requantisation + {} B of "
                                   "flatbuffer, estimated", m.data_bytes, m.overhead_bytes);
}

std::string SramPartsText(const Fit& fit) {
  if (!fit.sram_parts) return "";
  const SramNeed& p = *fit.sram_parts;
  // A layout that is a fit says so (its title's "(fitted to ...)", e.g. x-cube-ai).
  std::string fitted;
  if (auto layout = FindSramLayout(p.layout); layout.ok()) {
    const std::string_view title = layout.value()->title();
    const size_t open = title.find("(fitted to");
    if (open != std::string_view::npos && title.find(')', open) != std::string_view::npos) {
      fitted = " " + std::string(title.substr(open, title.find(')', open) - open + 1));
    }
  }
  return fmt::format("SRAM by the {} layout{}: arena {} B + scratch {} B + persistent {} B + "
                     "runtime reserve {} B",
                     p.layout, fitted, p.arena_bytes, p.scratch_bytes, p.persistent_bytes,
                     fit.sram_bytes - p.total_bytes());
}

std::string FitPartsText(const Fit& fit) {
  std::string out;
  if (fit.sram_parts) out += "    " + SramPartsText(fit) + "\n";
  if (fit.flash_model) {
    out += fmt::format("    flash: model {} B ({}) + runtime code {} B\n",
                       fit.flash_model->total_bytes(), ModelFlashText(*fit.flash_model),
                       fit.flash_bytes - fit.flash_model->total_bytes());
  }
  return out;
}

void CheckExternalRam(const Footprint& f, const hw::Board& board, int64_t extra_bytes, Fit* fit) {
  fit->flash_bytes = RuntimeCodeBytes(f, board);
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
    fit->storage_bytes = f.model.total_bytes();
    Require(fit, "model storage", fit->storage_bytes, storage->size_bytes,
            fmt::format("the model is stored in '{}'", storage->name));
  } else {
    fit->storage_name = "flash";
    fit->flash_bytes += f.model.total_bytes();
    fit->flash_model = f.model;
    Require(fit, "internal flash", fit->flash_bytes, board.flash.size_bytes,
            "no external storage: the model is stored in internal flash with the code");
  }
}

util::Status RequireExternalRam(const hw::Board& board, std::string_view mode) {
  if (board.ExternalRam() != nullptr) return util::Ok{};
  return util::InputError(
      fmt::format("board '{}' has no external RAM for the {} mode", board.name, mode));
}

}  // namespace placement

namespace placement {

int64_t MaxBudgetBytes(const hw::Board& board, const tinyops::BudgetTable* defaults) {
  const int64_t available_bytes = board.sram.available_bytes();
  if (defaults == nullptr) return available_bytes;
  return std::max(available_bytes, tinyops::DefaultBudgetBytes(*defaults, board));
}

std::string BudgetLimitText(const hw::Board& board, const tinyops::BudgetTable* defaults) {
  std::string out = fmt::format("{} B of SRAM less a {} B runtime reserve: {} B",
                                board.sram.size_bytes, board.sram.reserved_bytes,
                                board.sram.available_bytes());
  const tinyops::BudgetRow* row = defaults ? defaults->Find(board.name) : nullptr;
  if (row != nullptr && row->sram_budget_bytes > board.sram.available_bytes()) {
    out += fmt::format("; its default budget in {}, {} B, is higher",
                       std::filesystem::path(defaults->file).filename().string(),
                       row->sram_budget_bytes);
  }
  return out;
}

util::Status CheckBudget(const hw::Board& board, int64_t budget_bytes,
                         const tinyops::BudgetTable* defaults) {
  const int64_t max_bytes = MaxBudgetBytes(board, defaults);
  if (budget_bytes <= max_bytes) return util::Ok{};
  return util::InputError(fmt::format(
      "--budget: {} B is above the most board '{}' gives TinyOps buffers, {} B ({}); nearest "
      "valid: --budget {}",
      budget_bytes, board.name, max_bytes, BudgetLimitText(board, defaults), max_bytes));
}

util::Status RequireTinyopsRam(const hw::Board& board) {
  if (board.ExternalRam() != nullptr) return util::Ok{};
  return util::InputError(fmt::format(
      "TinyOps needs external RAM: board '{}' has none (sdram or sram); try --mode internal "
      "with dse fit",
      board.name));
}

}  // namespace placement
