#pragma once
// deploy::MemoryMap — where a placed network's bytes go on a board, region by region, like a
// linker map file: runtime code and weights in internal flash (or external RAM), the runtime's
// own state, the tensor arena (activations with the kernel scratch TFLM allocates inside it) and
// the TinyOps buffers in the internal RAM regions of the profile (hw/regions.h; one region for
// the profile's [sram] when it lists none), external data in the external RAM.
//
// Placement rule: items largest first; each goes whole (no item is split) into the region with
// the least free space that holds it (best fit), among the regions it may use: the runtime state
// prefers a DTCM, the TinyOps buffers — one block in the firmware's layout order — need a region
// the DMA reaches (MemoryRegion::dma). An item no region holds is listed in `unplaced`.

#include <cstdint>
#include <string>
#include <vector>

#include "graph/network.h"
#include "hw/board.h"
#include "placement/mode.h"

namespace deploy {

struct MapEntry {
  std::string region;      // region name: "axi_sram", "flash", "sdram", ...
  int64_t start = 0;       // address
  int64_t size_bytes = 0;
  std::string what;        // "tensor arena", "weights", "tinyops input_ping", ...
  std::string section;     // linker output section, e.g. ".tensor_arena"
};

struct MemoryMap {
  std::string network, board, mode;
  std::vector<hw::MemoryRegion> regions;  // every region items may go to, flash and external
  std::vector<MapEntry> entries;          // by region order, then address
  std::vector<std::string> unplaced;      // one sentence per item no region holds
};

/// The tensor arena of `fit` in bytes: the SRAM a TFLM-style runtime allocates for the network
/// (fit.sram_bytes less the runtime reserve; in the external mode, the arena in external RAM).
int64_t ArenaBytes(const placement::Fit& fit, const placement::Footprint& footprint,
                   const hw::Board& board);

/// The map of `net` placed as `fit` on `board` (`footprint`: the runtime's needs).
MemoryMap MapMemory(const graph::Network& net, const placement::Footprint& footprint,
                    const hw::Board& board, const placement::Fit& fit);

/// The map as text: a region table, then one line per entry (region, start, end, size, what).
std::string MapText(const MemoryMap& map);

/// A GNU ld fragment to INCLUDE at the end of a board's linker script: a REGION_ALIAS per region
/// (DSE_<NAME> onto the script's usual name: FLASH, RAM, DTCM, SDRAM, ...) and one output
/// section per entry in its region ("> DSE_<NAME>"), after what the script already placed there:
/// SRAM and external entries NOLOAD; weights loaded (in flash, or in external RAM with their
/// load address in DSE_WEIGHTS_LOAD and the symbol __dse_model_weights_load).
std::string LinkerFragment(const MemoryMap& map);

}  // namespace deploy
