// Reading a board profile: one field table per section, then cross-field checks.

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "hw/board.h"
#include "tomlspec/tomlspec.h"
#include "util/file.h"

namespace hw {
namespace {

using tomlspec::Field;

struct TopSpec {
  std::string name, title, source;
};

const std::vector<Field<TopSpec>>& TopFields() {
  static const std::vector<Field<TopSpec>> fields = {
      {"name", &TopSpec::name, true, 0, -1, {}, "", "short board name used with --board"},
      {"title", &TopSpec::title, true, 0, -1, {}, "", "board and chip"},
      {"source", &TopSpec::source, false, 0, -1, {}, "", "where the profile's facts come from"},
  };
  return fields;
}

const std::vector<std::string> kSections = {"core", "sram", "flash", "external", "dma", "tinyops",
                                            "power", "design_power"};

struct CoreSpec {
  std::string arch;
  int64_t clock_hz = 0, icache_bytes = 0, dcache_bytes = 0;
  int flash_wait_states = 0;
};

const std::vector<Field<CoreSpec>>& CoreFields() {
  static const std::vector<Field<CoreSpec>> fields = {
      {"arch", &CoreSpec::arch, true, 0, -1, {}, "", "CPU core, e.g. cortex-m4"},
      {"clock_hz", &CoreSpec::clock_hz, true, 1, 4e9, {}, "Hz", "core clock"},
      {"icache_bytes", &CoreSpec::icache_bytes, false, 0, 1 << 24, {}, "B", "instruction cache"},
      {"dcache_bytes", &CoreSpec::dcache_bytes, false, 0, 1 << 24, {}, "B", "data cache (0 = none)"},
      {"flash_wait_states", &CoreSpec::flash_wait_states, false, 0, 31, {}, "cycles",
       "internal flash wait states at this clock"},
  };
  return fields;
}

const std::vector<Field<InternalMemory>>& InternalFields() {
  static const std::vector<Field<InternalMemory>> fields = {
      {"size_bytes", &InternalMemory::size_bytes, true, 1, 1LL << 40, {}, "B", "capacity"},
      {"reserved_bytes", &InternalMemory::reserved_bytes, false, 0, 1LL << 40, {}, "B",
       "taken by runtime code (flash) or framework state and stack (SRAM)"},
  };
  return fields;
}

struct ExternalSpec {
  std::string name, kind, part;
  int64_t size_bytes = 0, clock_hz = 0;
  int bus_width_bits = 0, cas_latency_cycles = 0;
};

const std::vector<Field<ExternalSpec>>& ExternalFields() {
  static const std::vector<Field<ExternalSpec>> fields = {
      {"name", &ExternalSpec::name, true, 0, -1, {}, "", "unique name, e.g. sdram"},
      {"kind", &ExternalSpec::kind, true, 0, -1, {"sdram", "sram", "qspi", "sdcard"}, "",
       "memory type"},
      {"size_bytes", &ExternalSpec::size_bytes, true, 1, 1LL << 40, {}, "B", "usable capacity"},
      {"bus_width_bits", &ExternalSpec::bus_width_bits, true, 1, 64, {}, "bit", "data lines"},
      {"clock_hz", &ExternalSpec::clock_hz, false, 0, 4e9, {}, "Hz", "interface clock"},
      {"cas_latency_cycles", &ExternalSpec::cas_latency_cycles, false, 0, 8, {}, "cycles",
       "SDRAM CAS latency"},
      {"part", &ExternalSpec::part, false, 0, -1, {}, "", "device part number"},
  };
  return fields;
}

const std::vector<Field<Dma>>& DmaFields() {
  static const std::vector<Field<Dma>> fields = {
      {"controller", &Dma::controller, true, 0, -1, {}, "", "DMA controller TinyOps uses"},
      {"streams_used", &Dma::streams_used, false, 1, 16, {}, "", "streams TinyOps drives"},
      {"memory_to_memory", &Dma::memory_to_memory, false, 0, -1, {}, "",
       "can copy external RAM to SRAM"},
  };
  return fields;
}

struct TinyopsSpec {
  int64_t sram_budget_bytes = 0;
};

const std::vector<Field<TinyopsSpec>>& TinyopsFields() {
  static const std::vector<Field<TinyopsSpec>> fields = {
      {"sram_budget_bytes", &TinyopsSpec::sram_budget_bytes, true, 1, 1LL << 40, {}, "B",
       "default SRAM budget for the TinyOps buffers"},
  };
  return fields;
}

struct PowerSpec {
  double internal_mw = -1, external_mw = -1, tinyops_mw = -1;
};

const std::vector<Field<PowerSpec>>& PowerFields() {
  static const std::vector<Field<PowerSpec>> fields = {
      {"internal_mw", &PowerSpec::internal_mw, false, 0, 1e5, {}, "mW", "measured, internal mode"},
      {"external_mw", &PowerSpec::external_mw, false, 0, 1e5, {}, "mW", "measured, external mode"},
      {"tinyops_mw", &PowerSpec::tinyops_mw, false, 0, 1e5, {}, "mW", "measured, TinyOps mode"},
  };
  return fields;
}

struct DesignPowerSpec {
  std::string variant, mode;
  double mw = 0;
};

const std::vector<Field<DesignPowerSpec>>& DesignPowerFields() {
  static const std::vector<Field<DesignPowerSpec>> fields = {
      {"variant", &DesignPowerSpec::variant, true, 0, -1, {}, "", "the design, e.g. mcunet-in2"},
      {"mode", &DesignPowerSpec::mode, true, 0, -1, {"internal", "external", "tinyops"}, "",
       "deployment mode it ran in"},
      {"mw", &DesignPowerSpec::mw, true, 0, 1e5, {}, "mW", "measured while it ran"},
  };
  return fields;
}

MemoryKind ToKind(const std::string& kind) {
  if (kind == "sram") return MemoryKind::kSram;
  if (kind == "qspi") return MemoryKind::kQspi;
  if (kind == "sdcard") return MemoryKind::kSdcard;
  return MemoryKind::kSdram;
}

std::optional<double> Measured(double mw) { return mw < 0 ? std::nullopt : std::optional(mw); }

// Reads the table `[key]`, or reports it missing when `required`. Returns the table or nullptr.
const toml::table* Section(const toml::table& root, const std::string& key, bool required,
                           const std::string& doc, tomlspec::Context& ctx) {
  const toml::node* node = root.get(key);
  if (node == nullptr) {
    if (required) ctx.Error(1, 1, fmt::format("missing section [{}] ({})", key, doc));
    return nullptr;
  }
  if (const toml::table* t = node->as_table()) return t;
  ctx.Error(node->source(), fmt::format("'{}' must be a table [{}]", key, key));
  return nullptr;
}

void ReadExternal(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  tomlspec::ReadTableArray(root, "external", ExternalFields(), ExternalSpec{}, ctx, "[[external]]",
                           "'external' must be an array of tables: [[external]]",
                           "each [[external]] entry must be a table",
                           [&](const ExternalSpec& spec, int line) {
    if (spec.kind == "sdram" && (spec.clock_hz == 0 || spec.cas_latency_cycles == 0)) {
      ctx.Error(line, 1, fmt::format("external memory '{}' is an sdram: it needs 'clock_hz' and "
                                     "'cas_latency_cycles' greater than 0", spec.name));
    }
    for (const ExternalMemory& other : board->external) {
      if (other.name == spec.name) {
        ctx.Error(line, 1, fmt::format("external memory '{}' is listed twice", spec.name));
      }
    }
    board->external.push_back({spec.name, ToKind(spec.kind), spec.size_bytes, spec.bus_width_bits,
                               spec.clock_hz, spec.cas_latency_cycles, spec.part});
  });
}

// [[design_power]]: the power measured for one design in one mode, each listed once.
void ReadDesignPower(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  tomlspec::ReadTableArray(
      root, "design_power", DesignPowerFields(), DesignPowerSpec{}, ctx, "[[design_power]]",
      "'design_power' must be an array of tables: [[design_power]]",
      "each [[design_power]] entry must be a table", [&](const DesignPowerSpec& spec, int line) {
        for (const DesignPower& other : board->design_power) {
          if (other.variant == spec.variant && other.mode == spec.mode) {
            ctx.Error(line, 1, fmt::format("the power of '{}' in the {} mode is listed twice "
                                           "(first at line {})", spec.variant, spec.mode,
                                           other.line));
          }
        }
        board->design_power.push_back({spec.variant, spec.mode, spec.mw, line});
      });
}

// The top level: reports unknown keys (the section names are known) and missing required
// keys, and sets the board's name and title.
void ReadTop(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  std::vector<std::string> top_keys = tomlspec::Keys(TopFields());
  top_keys.insert(top_keys.end(), kSections.begin(), kSections.end());
  tomlspec::CheckKnownKeys(root, top_keys, ctx, "the board profile");
  TopSpec top;
  tomlspec::ReadTopLevelFields(root, TopFields(), &top, ctx);
  board->name = top.name;
  board->title = top.title;
}

// Reads the table `[key]` of `root` into `spec` through `fields`; see Section for `required`
// and `doc`. Leaves `spec` as it is when the section is absent or not a table.
template <typename Spec>
void ReadSection(const toml::table& root, const std::string& key, bool required,
                 const std::string& doc, const std::vector<Field<Spec>>& fields, Spec* spec,
                 tomlspec::Context& ctx) {
  if (const toml::table* t = Section(root, key, required, doc, ctx)) {
    tomlspec::ReadFields(*t, fields, spec, ctx, fmt::format("[{}]", key));
  }
}

// Every section, in the order of the profile format: [core], [sram], [flash], [[external]],
// [dma], [tinyops], [power], [[design_power]]. Problems go to ctx in that order; a section that is absent or
// wrong leaves its Board fields at their defaults.
void ReadSections(const toml::table& root, tomlspec::Context& ctx, Board* board) {
  CoreSpec core;
  ReadSection(root, "core", true, "arch, clock_hz, caches", CoreFields(), &core, ctx);
  board->core = core.arch;
  board->clock_hz = core.clock_hz;
  board->icache_bytes = core.icache_bytes;
  board->dcache_bytes = core.dcache_bytes;
  board->flash_wait_states = core.flash_wait_states;
  ReadSection(root, "sram", true, "internal SRAM: size_bytes, reserved_bytes", InternalFields(),
              &board->sram, ctx);
  ReadSection(root, "flash", true, "internal flash: size_bytes, reserved_bytes", InternalFields(),
              &board->flash, ctx);
  ReadExternal(root, ctx, board);
  ReadSection(root, "dma", false, "", DmaFields(), &board->dma, ctx);
  TinyopsSpec tinyops;
  ReadSection(root, "tinyops", true, "sram_budget_bytes", TinyopsFields(), &tinyops, ctx);
  board->tinyops_budget_bytes = tinyops.sram_budget_bytes;
  PowerSpec power;
  ReadSection(root, "power", false, "", PowerFields(), &power, ctx);
  board->power = {Measured(power.internal_mw), Measured(power.external_mw),
                  Measured(power.tinyops_mw)};
  ReadDesignPower(root, ctx, board);
}

// Cross-field checks that a field table cannot express.
void CheckBoard(const toml::table& root, tomlspec::Context& ctx, const Board& board) {
  auto line_of = [&](const char* section, const char* key) {
    const toml::node* n = root.at_path(std::string(section) + "." + key).node();
    return n ? tomlspec::LineOf(*n) : 1;
  };
  for (const auto& [section, memory] :
       {std::pair{"sram", &board.sram}, std::pair{"flash", &board.flash}}) {
    if (memory->reserved_bytes >= memory->size_bytes) {
      ctx.Error(line_of(section, "reserved_bytes"), 1,
                fmt::format("[{}] reserved_bytes = {} leaves nothing of size_bytes = {}", section,
                            memory->reserved_bytes, memory->size_bytes));
    }
  }
  if (board.tinyops_budget_bytes > board.sram.size_bytes) {
    ctx.Error(line_of("tinyops", "sram_budget_bytes"), 1,
              fmt::format("[tinyops] sram_budget_bytes = {} is more than the SRAM "
                          "([sram] size_bytes = {})", board.tinyops_budget_bytes,
                          board.sram.size_bytes));
  }
}

}  // namespace

util::Result<Board> ParseBoard(const std::string& file, std::string_view text) {
  auto parsed = tomlspec::Parse(file, text);
  if (!parsed) return parsed.error();
  const toml::table& root = parsed.value();
  tomlspec::Context ctx(file, text);
  Board board;
  board.file = file;
  ReadTop(root, ctx, &board);
  ReadSections(root, ctx, &board);
  if (ctx.ok()) CheckBoard(root, ctx, board);
  if (!ctx.ok()) return ctx.ToError();
  return board;
}

util::Result<Board> LoadBoard(const std::string& path) {
  auto text = util::ReadFile(path, "board profile");
  if (!text) return text.error();
  return ParseBoard(path, *text);
}

}  // namespace hw
