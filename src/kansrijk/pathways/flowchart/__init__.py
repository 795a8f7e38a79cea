"""A pathway as a flowchart: an inline SVG and its text alternative.

Both read a pathway definition (see docs: start, steps, tables) and never raise on a malformed
one: what cannot be drawn is left out, a branch to a missing step says so.

The SVG is laid out here, in Python, as a layered drawing (Sugiyama style):
1. layers: the longest path from the start (edges that close a cycle do not count);
2. wide layers of end steps wrap onto extra rows, so the drawing stays narrow;
3. an edge that skips layers passes through a narrow placeholder in each layer between;
4. within each layer the steps are ordered by the average position of their neighbours
   (a few sweeps down and up, keeping the order with the fewest crossings);
5. x positions: as close to the neighbours as the order and spacing allow (isotonic
   regression, so boxes never overlap);
6. edges run orthogonally: down from the source, along a track of their own in the gap between
   two layers, down into the target, with the branch label on that last vertical line.

Accessibility: `role="img"` with `<title>` and `<desc>`, no JavaScript, presentation attributes
only (no `<style>` that would leak into the page), system fonts, a viewBox with width 100% so
it scales down to a phone, dark text on light fills (WCAG AA), urgent steps marked by an icon
and a word as well as by colour. The full text is in `flowchart_text`, for the page below it.
"""

from kansrijk.pathways.flowchart.graph import FlowBranch, FlowStep, flowchart_text
from kansrijk.pathways.flowchart.svg import flowchart_svg

__all__ = ["FlowBranch", "FlowStep", "flowchart_svg", "flowchart_text"]
