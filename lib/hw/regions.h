#pragma once
// hw::MemoryRegion — the internal RAMs of a part, as a linker script sees them: DTCM, ITCM and
// the system SRAMs, each with its address range and whether the DMA controllers TinyOps uses
// reach it. Read from a profile's optional `[memory]` table:
//
//   [memory]
//   sram_total_bytes = 1_081_344   # every internal RAM of the part
//   [[memory.region]]
//   name = "dtcm"                  # unique; used in maps and linker fragments
//   kind = "dtcm"                  # dtcm, itcm or sram
//   start = 0x2000_0000
//   size_bytes = 131_072
//   dma = false                    # reachable by the general-purpose DMA (default true)
//
// A profile without regions has one: the [sram] of the profile at 0x2000_0000 (hw::Regions).
// Problems — overlapping ranges, a region or the regions together larger than sram_total_bytes,
// a name given twice — are `file:line` errors of the profile (ReadRegions, regions_read.h).

#include <cstdint>
#include <string>
#include <vector>

namespace hw {

struct MemoryRegion {
  std::string name;
  std::string kind;       // "dtcm", "itcm", "sram"
  int64_t start = 0;      // address
  int64_t size_bytes = 0;
  bool dma = true;        // DMA1/2-reachable (TinyOps buffers must sit in such a region)
  int64_t end() const { return start + size_bytes; }
};

/// Usual start address of the internal SRAM, of internal flash, and of the external memories
/// (FMC SDRAM bank, QUADSPI memory-mapped) on STM32 parts; used where a profile gives none.
inline constexpr int64_t kDefaultSramStart = 0x2000'0000;
inline constexpr int64_t kDefaultFlashStart = 0x0800'0000;
inline constexpr int64_t kDefaultSdramStart = 0xC000'0000;
inline constexpr int64_t kDefaultQspiStart = 0x9000'0000;

}  // namespace hw
