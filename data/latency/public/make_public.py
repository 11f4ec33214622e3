#!/usr/bin/env python3
"""Writes latency.csv and excluded.csv of this folder from the shared public measurements
(latency_public.csv of the project's shared reference folder), mapping each board string to a
profile id, each framework string to a runtime id and each model to a file of data/models/.
Usage: python3 make_public.py PATH/TO/latency_public.csv   (run from this folder)."""
import csv
import sys

BOARDS = [  # (prefix of the published board string, profile id, note)
    ("STM32H743", "h743", "internal-memory runs; profile h743 (the mode uses on-chip memory only)"),
    ("NUCLEO-L4R5ZI-P", "l4r5", "the -P board (SMPS variant of the same STM32L4R5ZI) mapped to l4r5"),
    ("NUCLEO-L4R5ZI", "l4r5", ""),
    ("NUCLEO-H7A3ZI-Q", "h7a3", ""),
    ("STM32F746G-DISCO", "f746", ""),
    ("CY8CPROTO-062-4343W", "psoc62", ""),
    ("NUCLEO-G0B1RE", "g0b1", ""),
    ("B-U585I-IOT02A", "u585", ""),
    ("NuMaker-M467HJ", "m467", ""),
    ("NUCLEO-U385RG-Q", "u385", ""),
]
EXCLUDED_BOARDS = [
    ("xG24-DK2601B", "accelerator: the EFR32MG24's MVP matrix accelerator may run the MACs; no profile"),
    ("EK-RA8D1", "no profile: Cortex-M85 with Helium, whose CMSIS-NN MVE kernels are not modelled"),
    ("NUCLEO-U3C5ZIT6-Q", "preview tool (STEDGE-AI internal version) on a board without a profile"),
]
RUNTIMES = [  # (substring of the framework string, runtime id or None, reason when None, else a note)
    ("reproduction of OctoML", None, "duplicate reproduction of the OctoML v1.0 microTVM rows (kept: OctoML's own)"),
    ("X-CUBE-AI 8.0.0 (Krai run)", None, "no runtime id for X-CUBE-AI 8.0 (a Krai run; modelled: 8.1)"),
    ("(Krai run)", None, "duplicate reproduction by Krai of ST's own X-CUBE-AI submission (kept: ST's)"),
    ("max_performance", None, "HALE build setting other than the default (kept: the default int8 build)"),
    ("min_ram", None, "HALE build setting other than the default (kept: the default int8 build)"),
    ("Bosch HALE 1.0 (GCC 12.2.1)", None, "earlier submission (v1.1) of the same runtime on the same boards (kept: HALE 1.0.175, v1.2)"),
    ("ONNC (Mbed OS)", None, "second build (Mbed OS) of ONNC on the same board (kept: the Zephyr build, as on the M467)"),
    ("Plumerai Inference Engine (GCC", None, "earlier Plumerai release without a runtime id (modelled: plumerai-2023.05)"),
    ("TF-Lite Micro @713b6ed", "tflm-reference", ""),
    # The MLPerf Tiny v0.5 reference submission is labelled "reference" but its build enables the
    # CMSIS-NN kernels (mlcommons/tiny v0.1/reference_submissions/*/setup_example.sh sets
    # TF_MAKE_TAGS="cmsis-nn" for TF v2.3.1): its rows run at CMSIS-NN speed on the L4R5 (6.8-9.6
    # cycles per MAC, against ~47 for the reference kernels on the H743 rows), so they are not
    # tflm-reference. Nor are they the paper's tflm-cmsis-nn build: a 2020 CMSIS-NN (TF 2.3.1,
    # Mbed OS, GCC 6) whose kernel rules differ; counted as tflm-cmsis-nn they became the only
    # Cortex-M4 rows of that runtime and their family correction predicted the paper's F469 rows
    # 72 % off in leave-one-board-out (12.7 % without them). No runtime id describes that build.
    ("TFLite Micro v2.3.1 reference", None,
     "TFLM v2.3.1 with CMSIS-NN (the reference submission's build enables TAGS=cmsis-nn: "
     "mlcommons/tiny v0.1/reference_submissions/*/setup_example.sh), not tflm-reference; a 2020 "
     "CMSIS-NN build without a runtime id of its own (not the paper's tflm-cmsis-nn build)"),
    ("CMSIS-NN @011bf32", "tflm-cmsis-nn", ""),
    ("TinyEngine", "tinyengine", ""),
    ("X-CUBE-AI 7.1", "x-cube-ai-7.1", ""),
    ("X-CUBE-AI 7.3", "x-cube-ai-7.3", ""),
    ("X-CUBE-AI 8.1", "x-cube-ai-8.1", ""),
    ("X-CUBE-AI 9.0", "x-cube-ai-9.0", ""),
    ("X-CUBE-AI 10.2", "x-cube-ai-10.2", ""),
    ("microTVM + CMSIS-NN", "microtvm-cmsis-nn", ""),
    ("microTVM native", "microtvm-native", ""),
    ("Plumerai Inference Engine 2023.05", "plumerai-2023.05", ""),
    ("Bosch HALE 1.0.175 int8", "hale-1.0", ""),
    ("ONNC (Zephyr)", "onnc", ""),
]
MODELS = [
    ("FC-AutoEncoder", "mlperf-tiny-ad-fcautoencoder_int8.tflite"),
    ("ResNet-8", "mlperf-tiny-ic-resnet8_int8.tflite"),
    ("DS-CNN", "mlperf-tiny-kws-dscnn_int8.tflite"),
    ("MobileNetV1-0.25", "mlperf-tiny-vww-mobilenetv1-0.25-r96_int8.tflite"),
    ("mcunet-vww0", "mcunet-vww0.tflite"),
    ("mcunet-vww1", "mcunet-vww1.tflite"),
    ("mcunet-vww2", "mcunet-vww2.tflite"),
]

HEADER = """# Public int8 latencies (MLPerf Tiny closed division v0.5-v1.3; the TinyEngine README's MCUNet
# VWW table on an STM32H743), from the project's shared reference latency_public.csv, written by
# make_public.py of this folder. Boards are profile ids (hwprofiles/), runtimes are runtime ids
# (data/runtimes/), variants are model files of data/models/. All rows run from on-chip memory
# (mode internal). latency_ms = 1000 / median throughput for MLPerf rows. The rows left out and
# why are in excluded.csv. Not read by `dse calibrate` unless named: --data data/latency/public/latency.csv
"""


def first(table, text):
    for entry in table:
        if entry[0] in text:
            return entry
    return None


def main(path):
    lines = [l for l in open(path, newline="") if not l.startswith("#")]
    kept, excluded, keys = [], [], set()
    for r in csv.DictReader(lines):
        reason = ""
        board = first(BOARDS, r["board"])
        bad_board = first(EXCLUDED_BOARDS, r["board"])
        runtime = first(RUNTIMES, r["framework"])
        model = first(MODELS, r["model"])
        if bad_board:
            reason = bad_board[1]
        elif runtime is None or board is None or model is None:
            reason = "no mapping"
        elif runtime[1] is None:
            reason = runtime[2]
        if not reason:
            key = (board[1], runtime[1], model[1])
            if key in keys:
                reason = "duplicate of a kept row (same board, runtime and model)"
            keys.add(key)
        if reason:
            excluded.append([r["board"], r["framework"], r["model"], r["latency_ms"], reason, r["source"]])
            continue
        note = f"board: {r['board']}; framework: {r['framework']}"
        if board[2]:
            note += f"; note: {board[2]}"
        if runtime[2]:
            note += f"; runtime: {runtime[2]}"
        kept.append([board[1], runtime[1], model[1], "internal", r["latency_ms"], r["macs_m"],
                     f"{note}; {r['source']}"])
    with open("latency.csv", "w", newline="") as out:
        out.write(HEADER)
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["board", "runtime", "variant", "mode", "latency_ms", "paper_macs_m", "source"])
        w.writerows(kept)
    with open("excluded.csv", "w", newline="") as out:
        out.write("# Rows of latency_public.csv left out of latency.csv, with the reason (make_public.py).\n")
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["board", "framework", "model", "latency_ms", "reason", "source"])
        w.writerows(excluded)
    print(f"kept {len(kept)}, excluded {len(excluded)}")


if __name__ == "__main__":
    main(sys.argv[1])
