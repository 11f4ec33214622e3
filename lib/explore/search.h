#pragma once
// Design points and search strategies (style rule 6: ask/tell; the strategy never calls a
// model). A design point is an integer id over the cartesian space
// (space index) x (width index) x (resolution index) of a list of spaces' grids, so any point
// of a run can be rebuilt from its id.

#include <cstdint>
#include <optional>
#include <vector>

#include "searchspace/space.h"

namespace explore {

struct DesignPoint {
  const searchspace::Space* space = nullptr;
  double width = 1;
  int resolution = 0;
};

// The grid points of a list of spaces, numbered 0..size()-1 space by space.
class PointSpace {
 public:
  explicit PointSpace(std::vector<const searchspace::Space*> spaces);
  int64_t size() const { return total_; }
  DesignPoint At(int64_t id) const;  // contract: 0 <= id < size()

 private:
  std::vector<const searchspace::Space*> spaces_;
  std::vector<int64_t> first_id_;  // first id of each space
  int64_t total_ = 0;
};

// Ask/tell interface: Next() proposes a point (nullopt when done); Report() tells how it did.
class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual std::optional<int64_t> Next() = 0;
  // `feasible_modes` counts the modes in which the point fitted on the board(s) evaluated.
  virtual void Report(int64_t id, int feasible_modes) = 0;
};

// Exhaustive: every point once, in id order.
class GridStrategy : public Strategy {
 public:
  explicit GridStrategy(int64_t size) : size_(size) {}
  std::optional<int64_t> Next() override;
  void Report(int64_t id, int feasible_modes) override;
  int64_t infeasible_points() const { return infeasible_; }

 private:
  int64_t size_;
  int64_t next_ = 0;
  int64_t infeasible_ = 0;
};

}  // namespace explore
