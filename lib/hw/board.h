#pragma once
// hw::Board — one microcontroller board as the cost models see it: core and clock, caches,
// internal SRAM and flash (each with a reservation for runtime code and framework state),
// external memories, DMA. Read from hwprofiles/*.toml (ParseBoard / LoadBoard); it carries
// nothing about a network, a runtime or a deployment: measured power is data keyed by (board,
// runtime, mode[, design]) (lib/power), the default TinyOps SRAM budget is a deployment default
// (tinyops/budgets.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hw/core.h"
#include "hw/regions.h"
#include "util/result.h"

namespace hw {

// What an external memory is. RAMs (sdram, sram) can hold weights and tensors at run time;
// storage (qspi NOR flash, SD card) only holds the model before it is copied to RAM.
enum class MemoryKind { kSdram, kSram, kQspi, kSdcard };

std::string_view MemoryKindName(MemoryKind kind);  // "sdram", "sram", "qspi", "sdcard"
bool IsRam(MemoryKind kind);

struct ExternalMemory {
  std::string name;  // unique within a board, e.g. "sdram"
  MemoryKind kind = MemoryKind::kSdram;
  int64_t size_bytes = 0;
  int bus_width_bits = 0;      // data lines wired on the board
  int64_t clock_hz = 0;        // interface clock (SDCLK, QSPI clock); 0 = not applicable
  int cas_latency_cycles = 0;  // SDRAM CAS latency; 0 = not applicable (async SRAM, flash)
  std::string part;            // device part number where known, "" otherwise
};

// An internal memory with the bytes the runtime itself occupies: `reserved_bytes` are never
// available to a network (code in flash; stack, HAL and interpreter state in SRAM).
struct InternalMemory {
  int64_t size_bytes = 0;
  int64_t reserved_bytes = 0;
  int64_t available_bytes() const { return size_bytes - reserved_bytes; }
};

struct Dma {
  std::string controller;        // e.g. "DMA2"
  int streams_used = 0;          // streams TinyOps drives (input partitions, filter/bias)
  bool memory_to_memory = true;  // can copy external RAM -> SRAM
};

struct Board {
  std::string file;   // the profile it was read from
  std::string name;   // short name used on the command line, e.g. "f469"
  std::string title;  // board and chip, e.g. "STM32F469I-DISCO (STM32F469NI)"
  std::string core;   // the core's id, e.g. "cortex-m4" (== core_type->name once parsed)
  const CoreType* core_type = nullptr;  // the validated core (static storage); nullptr only in
                                        // a Board not built by ParseBoard
  int64_t clock_hz = 0;
  int64_t icache_bytes = 0;
  int64_t dcache_bytes = 0;  // 0 = no data cache
  int flash_wait_states = 0;
  InternalMemory sram;
  InternalMemory flash;
  std::vector<ExternalMemory> external;
  Dma dma;
  std::vector<MemoryRegion> regions;  // internal RAMs from [memory] (regions.h); may be empty

  // The external RAM that holds weights and tensors in the external and TinyOps modes: the
  // first sdram or sram in the profile. nullptr when the board has none.
  const ExternalMemory* ExternalRam() const;
  // The external memory the model is stored in before it is copied to RAM: the first qspi or
  // sdcard. nullptr when the board has none.
  const ExternalMemory* ExternalStorage() const;
};

/// Reads a board profile from `text`; `file` names it in errors ("file:line: what is wrong").
/// Every problem of the file is reported, not only the first.
util::Result<Board> ParseBoard(const std::string& file, std::string_view text);
/// Reads the board profile at `path`.
util::Result<Board> LoadBoard(const std::string& path);

}  // namespace hw
