#pragma once
// plot — 2-D figures written as gnuplot data + script, rendered to PNG and SVG.
//
// A Figure is plain data (series of points with a style); Write() produces, in one directory,
// NAME.dat (one gnuplot data block per series), NAME.gp (the script, which a user can edit and
// re-run) and, through gnuplot, NAME.png and NAME.svg. Nothing here prints.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace plot {

struct Series {
  std::string title;
  std::string color;  // gnuplot colour name or #rrggbb
  // kBars: a filled box from 0 to y at each x (Figure::box_width wide). Stacked bars are drawn
  // as boxes of cumulative height, tallest series first, so each lower one covers the rest.
  // kXErrorBars: a horizontal bar from low to high through each (x, y), e.g. a predicted
  // latency's 80 % interval on a latency axis (needs `low` and `high`, one per point).
  // kBand: a translucent area from low to high at each x (y units), e.g. a predicted latency's
  // 80 % interval along a curve; list it before the curve so the curve is drawn over it.
  enum class Style { kPoints, kSteps, kLinesPoints, kBars, kXErrorBars, kBand } style =
      Style::kPoints;
  std::vector<double> x;
  std::vector<double> y;
  std::vector<double> low, high;  // kXErrorBars (x units) and kBand (y units): the ends
  int point_type = 7;
  double point_size = 0.6;  // kPoints: gnuplot ps (e.g. larger for a ring drawn around others)
  int dash_type = 1;  // lines (kSteps, kLinesPoints): gnuplot dt, 1 solid, 2 dashed, 4 dash-dot
  int axis = 1;  // 1: left y axis, 2: right y axis (y2)
  // One label per point (empty: none): drawn beside the point in the PNG, a hover tooltip
  // (hypertext) in the SVG.
  std::vector<std::string> labels;
  // One colour per point (#rrggbb; empty: `color` for every point), e.g. a design's family.
  std::vector<std::string> point_colors;
};

struct Figure {
  std::string name;  // file stem
  std::string title;
  std::string x_label;  // with units, e.g. "MACs (M)"
  std::string y_label;
  std::string y2_label;  // empty: no right axis
  bool log_x = false;
  std::vector<Series> series;
  // Optional additions; the defaults keep the plain x-y figure.
  std::vector<std::pair<double, std::string>> x_tics;  // labelled tics replacing the numeric ones
                                                       // ("\n" in a label breaks the line)
  std::optional<double> y_min, y_max;  // left y range; unset: gnuplot's autoscale
  std::optional<double> y2_min;        // lower end of the right y range; unset: autoscale
  std::string key_position = "bottom right";  // gnuplot `set key` argument
  int width_px = 1000;  // of the PNG and SVG (700 high); wider keeps the plot's room beside a key outside
  double box_width = 0.8;  // width of kBars boxes, in x units
  // Legend-only entries (title, colour), drawn as a point each after the series: e.g. the
  // family colours of points whose series are by mode.
  std::vector<std::pair<std::string, std::string>> key_entries;
};

// The data file's text: one block per series ("x y" lines, "x y \"label\"" with labels), blocks separated by two blank
// lines so the script can address them with `index`.
std::string DataText(const Figure& figure);
// The script's text, plotting NAME.dat to NAME.png and NAME.svg in the script's directory.
std::string ScriptText(const Figure& figure);

// Writes NAME.dat and NAME.gp into out_dir (created if needed) and runs gnuplot on them.
// Returns the paths written. Fails with a runtime error if gnuplot is missing or fails.
util::Result<std::vector<std::string>> Write(const Figure& figure, const std::string& out_dir);

}  // namespace plot
