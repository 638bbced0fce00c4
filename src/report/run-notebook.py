"""Executes one notebook cell by cell and renders it to HTML.

Usage: run-notebook.py <notebook.ipynb> <executed.ipynb> <report.html> <kernel> <cell-timeout-s> <template-dir>

Progress goes to stdout as JSON lines, one per event, which the leadstack report command reads:
  {"event": "start", "cells": N}                      number of code cells
  {"event": "cell", "index": i, "number": n}          code cell n (1-based) at notebook index i started
  {"event": "error", "index": i, "number": n, "ename": ..., "evalue": ..., "traceback": ...}
  {"event": "done", "ok": true|false}
The executed notebook and its HTML are written even when a cell fails (up to the failing cell),
each to a temporary file first and then renamed.
"""
import json
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


ERROR_LINE = re.compile(r"^((?:[A-Za-z_$][\w$]*)?(?:Error|Exception))(?::\s*(.*))?$")
DIAGNOSTIC = re.compile(r"^\d+:\d+ - ")


def describe_failure(cell, error):
    """The error's name, message and trace. Python kernels report them in an error output;
    tslab writes them to the cell's stderr stream (runtime errors) or as compiler diagnostics."""
    ename = getattr(error, "ename", "") or ""
    evalue = getattr(error, "evalue", "") or ""
    if ename and ename != "<Error>":
        return ename, ANSI.sub("", evalue), ANSI.sub("", getattr(error, "traceback", "") or "")
    text = ""
    if cell is not None:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return output.get("ename", "Error"), ANSI.sub("", output.get("evalue", "")), ANSI.sub("", "\n".join(output.get("traceback", [])))
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text += output.get("text", "")
    text = ANSI.sub("", text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and DIAGNOSTIC.match(lines[0]):
        return "TypeScript compile error", " | ".join(lines[:3]), text
    for line in lines:
        match = ERROR_LINE.match(line)
        if match:
            return match.group(1), match.group(2) or "", text
    return "Error", " | ".join(lines[:3]) or "the cell failed without a message", text


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def main():
    source, executed_path, html_path, kernel, timeout, template_dir = sys.argv[1:7]
    nb = nbformat.read(source, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    number_of = {index: n + 1 for n, index in enumerate(code_cells)}
    emit(event="start", cells=len(code_cells))

    current = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        if cell.cell_type == "code":
            current["index"] = cell_index
            emit(event="cell", index=cell_index, number=number_of[cell_index])

    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=int(timeout),
        startup_timeout=120,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
        on_cell_start=on_cell_start,
    )
    ok = True
    try:
        client.execute()
    except CellExecutionError as error:
        ok = False
        index = current["index"]
        ename, evalue, traceback = describe_failure(nb.cells[index] if index is not None else None, error)
        emit(event="error", index=index, number=number_of.get(index), ename=ename, evalue=evalue, traceback=traceback[-4000:])
    except Exception as error:  # timeouts, a dead kernel, a kernel that never started
        ok = False
        index = current["index"]
        emit(event="error", index=index, number=number_of.get(index), ename=type(error).__name__, evalue=str(error), traceback="")

    write_atomic(executed_path, nbformat.writes(nb))
    exporter = HTMLExporter(extra_template_basedirs=[template_dir], template_name="leadstack")
    body, _ = exporter.from_notebook_node(nb)
    write_atomic(html_path, body)
    emit(event="done", ok=ok)


if __name__ == "__main__":
    main()
