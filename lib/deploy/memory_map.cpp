#include "deploy/memory_map.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "placement/memory_checks.h"
#include "placement/tinyops_mode.h"
#include "tinyops/plan.h"

namespace deploy {
namespace {

struct Item {
  std::string what, section;
  int64_t bytes = 0;
  bool needs_dma = false;
  bool prefers_dtcm = false;
  std::vector<std::pair<std::string, int64_t>> parts;  // sub-entries laid out in order
};

// Each section starts 32-byte aligned, as the linker fragment's ALIGN(32) places it
// (MapLinkerScript), so the map's addresses are the ones the linker gives.
constexpr int64_t kSectionAlignBytes = 32;

struct Slot {
  hw::MemoryRegion region;
  int64_t used = 0;
  int64_t next() const {  // where the next section starts, from the region's start
    return (used + kSectionAlignBytes - 1) / kSectionAlignBytes * kSectionAlignBytes;
  }
  int64_t free() const { return region.size_bytes - next(); }
};

std::vector<hw::MemoryRegion> SramRegions(const hw::Board& board) {
  if (!board.regions.empty()) return board.regions;
  return {{"sram", "sram", hw::kDefaultSramStart, board.sram.size_bytes, true}};
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void Put(const Item& item, std::vector<Slot>* slots, MemoryMap* map) {
  Slot* best = nullptr;
  for (const bool dtcm_only : {item.prefers_dtcm, false}) {
    for (Slot& s : *slots) {
      if (s.free() < item.bytes || (item.needs_dma && !s.region.dma)) continue;
      if (dtcm_only && s.region.kind != "dtcm") continue;
      if (best == nullptr || s.free() < best->free()) best = &s;
    }
    if (best != nullptr) break;
  }
  if (best == nullptr) {
    map->unplaced.push_back(fmt::format("{} ({} B) fits no {}region", item.what, item.bytes,
                                        item.needs_dma ? "DMA-reachable " : ""));
    return;
  }
  int64_t at = best->region.start + best->next();
  if (item.parts.empty()) {
    map->entries.push_back({best->region.name, at, item.bytes, item.what, item.section});
  }
  for (const auto& [what, bytes] : item.parts) {
    map->entries.push_back({best->region.name, at, bytes, what, item.section});
    at += bytes;
  }
  best->used = best->next() + item.bytes;
}

// The model as the fit counts it: in internal flash, the model as deployed (an imported file,
// a built network's data + estimated flatbuffer, or data compiled to C); run from external RAM,
// the data alone (the flatbuffer stays in storage).
Item ModelItem(const placement::Fit& fit, const placement::Footprint& footprint, bool off_chip) {
  if (off_chip || !fit.flash_model) {
    return {"weights, biases, quantisation data", ".model_weights", footprint.weight_bytes};
  }
  const placement::ModelFlash& m = *fit.flash_model;
  return {m.generated   ? "model compiled to C (weights, biases, quantisation data)"
          : m.from_file ? "model (the .tflite file)"
                        : "model (weights, biases, quantisation data + flatbuffer, estimated)",
          ".model_weights", m.total_bytes()};
}

// The arena in internal SRAM as the runtime lays it out: the head (tensors + kernel scratch)
// and, where the layout keeps one, the persistent tail (TFLM: tensor structs, quantisation
// data, op data), one section.
Item ArenaItem(const placement::Fit& fit, const placement::Footprint& footprint,
               const hw::Board& board) {
  Item arena{"tensor arena (activations + kernel scratch)", ".tensor_arena",
             ArenaBytes(fit, footprint, board)};
  const std::optional<placement::SramNeed>& p = fit.sram_parts;
  if (!fit.external_name.empty() || !p || p->persistent_bytes == 0 ||
      p->total_bytes() != arena.bytes) {
    return arena;
  }
  arena.parts = {
      {fmt::format("tensor arena (activations + kernel scratch, {} layout)", p->layout),
       p->arena_bytes + p->scratch_bytes},
      {"persistent data (arena tail: tensor structs, quantisation, op data)",
       p->persistent_bytes}};
  return arena;
}

}  // namespace

int64_t ArenaBytes(const placement::Fit& fit, const placement::Footprint& footprint,
                   const hw::Board& board) {
  if (!fit.external_name.empty()) return footprint.arena_bytes;
  return std::max<int64_t>(0, fit.sram_bytes - board.sram.reserved_bytes);
}

MemoryMap MapMemory(const graph::Network& net, const placement::Footprint& footprint,
                    const hw::Board& board, const placement::Fit& fit) {
  MemoryMap map{net.name, board.name, fit.mode, SramRegions(board), {}, {}};
  std::vector<Slot> sram;
  for (const hw::MemoryRegion& r : map.regions) sram.push_back({r, 0});
  const hw::MemoryRegion flash{"flash", "flash", hw::kDefaultFlashStart, board.flash.size_bytes,
                               false};
  map.regions.push_back(flash);
  std::vector<Slot> flash_slot{{flash, 0}};
  std::vector<Slot> external;
  if (const hw::ExternalMemory* ram = board.ExternalRam()) {
    external.push_back({{ram->name, "external", hw::kDefaultSdramStart, ram->size_bytes, true}, 0});
    map.regions.push_back(external.back().region);
  }
  Put({"runtime code", ".text", placement::RuntimeCodeBytes(footprint, board)}, &flash_slot, &map);
  const Item runtime_state{"runtime state (stack, heap, interpreter)", ".runtime_state",
                           board.sram.reserved_bytes, false, true};
  const tinyops::Plan* plan = placement::TinyopsPlan(fit);
  // TinyOps' budget is its buffers' SRAM (the fit counts no runtime reserve there): they go
  // first, and the runtime state takes what SRAM is left, else the external RAM, where the
  // TinyOps firmware keeps TFLM's graph data (tinyops.md §3).
  if (plan == nullptr) Put(runtime_state, &sram, &map);
  const bool off_chip = !fit.external_name.empty();
  std::vector<Item> items;
  const Item weights = ModelItem(fit, footprint, off_chip);
  const Item arena = ArenaItem(fit, footprint, board);
  if (off_chip) {
    Put(weights, &external, &map);
    Put(arena, &external, &map);
  } else {
    // Run from flash: the model as the fit counts it (the .tflite file of an imported one).
    Put({"model (" + placement::ModelFlashText(footprint.model) + ")", ".model_weights",
         footprint.model.total_bytes()},
        &flash_slot, &map);
    Put(arena, &sram, &map);
  }
  if (plan != nullptr) {
    Put({"TinyOps execution state", ".tinyops_state", placement::kTinyopsExecStateBytes},
        &external, &map);
    Item buffers{"TinyOps buffers", ".tinyops_arena", 0, true};
    for (int b = 0; b < tinyops::kBufferCount; ++b) {
      const auto buffer = static_cast<tinyops::Buffer>(b);
      buffers.parts.emplace_back(fmt::format("tinyops {}", tinyops::BufferName(buffer)),
                                 plan->buffer(buffer));
      buffers.bytes += plan->buffer(buffer);
    }
    Put(buffers, &sram, &map);
    const bool room = std::any_of(sram.begin(), sram.end(), [&](const Slot& slot) {
      return slot.free() >= runtime_state.bytes;
    });
    Put(runtime_state, room ? &sram : &external, &map);
  }
  std::stable_sort(map.entries.begin(), map.entries.end(),
                   [](const MapEntry& a, const MapEntry& b) { return a.start < b.start; });
  return map;
}

std::string MapText(const MemoryMap& map) {
  std::string out = fmt::format("memory map: {} on {}, mode {}\n\n{:<10} {:<8} {:>10} {:>10}\n",
                                map.network, map.board, map.mode, "region", "kind", "start",
                                "size_B");
  for (const hw::MemoryRegion& r : map.regions) {
    out += fmt::format("{:<10} {:<8} {:#010x} {:>10}\n", r.name, r.kind, r.start, r.size_bytes);
  }
  out += fmt::format("\n{:<10} {:>10} {:>10} {:>10}  {}\n", "region", "start", "end", "size_B",
                     "what");
  for (const MapEntry& e : map.entries) {
    out += fmt::format("{:<10} {:#010x} {:#010x} {:>10}  {}\n", e.region, e.start,
                       e.start + e.size_bytes, e.size_bytes, e.what);
  }
  for (const std::string& u : map.unplaced) out += "  not placed: " + u + "\n";
  return out;
}

namespace {

// The usual name of a region in an STM32CubeIDE linker script, for the REGION_ALIAS lines.
std::string UsualName(const hw::MemoryRegion& r) {
  if (r.kind == "flash") return "FLASH";
  if (r.kind == "external") return Upper(r.name);
  return r.name == "sram" ? "RAM" : Upper(r.name);
}

}  // namespace

std::string LinkerFragment(const MemoryMap& map) {
  std::string out = fmt::format(
      "/* dse deploy: {} on {}, mode {}. Generated.\n"
      "   INCLUDE it at the end of the board's linker script (after its SECTIONS): the sections\n"
      "   below follow what that script already put in each region, so nothing overlaps its\n"
      "   .text, .data or .bss. Each DSE_ region is an alias of one of the script's MEMORY\n"
      "   regions: edit the right-hand names if the script calls them otherwise. */\n",
      map.network, map.board, map.mode);
  const bool external_weights = std::any_of(map.entries.begin(), map.entries.end(), [](const MapEntry& e) {
    return e.section == ".model_weights" && e.region != "flash";
  });
  for (const hw::MemoryRegion& r : map.regions) {
    out += fmt::format("REGION_ALIAS(\"DSE_{}\", {});  /* {:#010x}, {} B */\n", Upper(r.name),
                       UsualName(r), r.start, r.size_bytes);
  }
  // Weights that run from external RAM are loaded there by the start-up code from a flash:
  // the internal one by default; a firmware keeping them in QSPI flash (the TinyOps F4
  // project's .qspi_data) aliases DSE_WEIGHTS_LOAD to that region instead.
  if (external_weights) out += "REGION_ALIAS(\"DSE_WEIGHTS_LOAD\", FLASH);\n";
  out += "\nSECTIONS\n{\n";
  std::string last;
  for (const MapEntry& e : map.entries) {
    if (e.section == ".text" || e.section == last) continue;
    last = e.section;
    int64_t bytes = 0;
    for (const MapEntry& f : map.entries) bytes += f.section == e.section ? f.size_bytes : 0;
    const bool weights = e.section == ".model_weights";
    const bool in_flash = weights && e.region == "flash";
    out += fmt::format("  {} {}: ALIGN(32)\n  {{\n    KEEP(*({}))\n    . = ALIGN(32);\n  }} > DSE_{}{}"
                       "  /* {} B */\n",
                       e.section, weights ? "" : "(NOLOAD) ", e.section, Upper(e.region),
                       weights && !in_flash ? " AT> DSE_WEIGHTS_LOAD" : "", bytes);
    if (weights && !in_flash) {
      out += "  __dse_model_weights_load = LOADADDR(.model_weights);  /* copy from here at start-up */\n";
    }
    out += "\n";
  }
  out += "}\n";
  return out;
}

}  // namespace deploy
