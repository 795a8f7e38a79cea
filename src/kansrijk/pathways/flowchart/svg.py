"""The pathway graph as an accessible inline SVG, laid out in Python (see the package's
docstring for the steps of the layout)."""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from kansrijk.pathways.flowchart.graph import (
    ACTION,
    DECISION,
    QUESTION,
    URGENT,
    _Graph,
    _is_urgent,
    _kind,
    _kind_label,
    _step_text,
)

# --- the SVG --------------------------------------------------------------------------------

# Sizes in SVG user units (px at 100%).
BOX_WIDTH = 224
BOX_PADDING = 12
FONT_SIZE = 14
LINE_HEIGHT = 18
CAPTION_SIZE = 12
CAPTION_HEIGHT = 18
LABEL_SIZE = 12
CHAR_WIDTH = 0.56  # of the font size: a generous average for sans-serif text
HEX_INSET = 18  # the points of a decision's hexagon
GAP_X = 40  # between neighbouring boxes
DUMMY_WIDTH = 14  # an edge passing through a layer
MARGIN = 16
TRACK_START = 14  # below a layer: where the first horizontal track runs
TRACK_STEP = 10
LABEL_ROW = 17  # height of one branch label
LABEL_GAP = 12
MIN_CHANNEL = 34
MAX_COLUMNS = 3  # end steps beyond this many in one layer wrap onto another row
BACK_LANE = 14  # right of the drawing: the lanes of edges that go back up
BACK_TOP = 20  # above the drawing: room for an edge back up to the start

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

# Colours: (fill, border and caption). Every caption colour has at least 4.5:1 contrast on its
# fill, every border at least 3:1 on white; body text is TEXT_COLOUR (over 14:1 on each fill).
TEXT_COLOUR = "#1a1a1a"
EDGE_COLOUR = "#404040"
BACKGROUND = "#ffffff"
STYLES: dict[str, tuple[str, str]] = {
    QUESTION: ("#ffffff", "#1c4f8c"),
    DECISION: ("#fff6d6", "#6b4e00"),
    "regular_care": ("#e6f4ea", "#1d6530"),
    "refer": ("#e5effa", "#1c4f8c"),
    "case_consultation": ("#f1e8f8", "#5a2a82"),
    URGENT: ("#fde9e9", "#a3161a"),
    ACTION: ("#eeeeee", "#3d3d3d"),
}

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _esc(text: Any) -> str:
    """Text safe inside an XML element or a double-quoted attribute."""
    text = _INVALID_XML.sub("", str(text))
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _wrap(text: str, width_px: float, font_size: float = FONT_SIZE) -> list[str]:
    chars = max(8, int(width_px / (font_size * CHAR_WIDTH)))
    return textwrap.wrap(text, chars, break_long_words=True, break_on_hyphens=True) or [""]


def _text_width(text: str, font_size: float) -> float:
    return len(text) * font_size * CHAR_WIDTH


@dataclass
class _Node:
    id: str  # a step id; "edge#n@layer" for an edge passing through; "grid#g@row" for a block
    layer: int
    width: float
    height: float = 0.0
    step: dict | None = None  # None: a placeholder (an edge passing through, or a grid row)
    number: int | None = None
    caption: str = ""
    lines: list[str] = field(default_factory=list)
    block: bool = False  # one row of a grid of end steps
    x: float = 0.0  # centre
    y: float = 0.0  # top

    @property
    def real(self) -> bool:
        return self.step is not None

    @property
    def solid(self) -> bool:
        """Takes up room in its layer (a box, or a row of boxes)."""
        return self.step is not None or self.block


@dataclass
class _Chain:
    """One edge as drawn: through the nodes from source to target (placeholders between)."""

    nodes: list[str]
    label: str
    back: bool = False  # goes back up (a cycle): drawn along the right side
    virtual: bool = False  # ties a grid's rows to its source for the layout; not drawn


@dataclass
class _Grid:
    """The many end steps of one step, in rows of at most MAX_COLUMNS below it. Its edges run
    along a bus below the source and down the gutters left of each column."""

    source: str
    members: list[str]  # in branch order
    labels: dict[str, str]
    columns: int
    blocks: list[str] = field(default_factory=list)  # node id per row

    def cell(self, member: str) -> tuple[int, int]:
        return divmod(self.members.index(member), self.columns)


def flowchart_svg(
    definition: Mapping[str, Any], *, title: str, id_prefix: str | None = None
) -> str:
    """The pathway as an accessible, self-contained inline SVG (no script, no external font).

    `id_prefix` keeps the ids of the title and description unique on a page with several
    charts; by default it is derived from the chart's content."""
    graph = _Graph.from_definition(definition if isinstance(definition, Mapping) else {})
    if id_prefix is None:
        digest = hashlib.sha1(
            json.dumps([title, definition], sort_keys=True, default=str).encode()
        ).hexdigest()
        id_prefix = f"flowchart-{digest[:10]}"
    return _Layout(graph).svg(title=title, id_prefix=id_prefix)


class _Layout:
    def __init__(self, graph: _Graph):
        self.graph = graph
        self.nodes: dict[str, _Node] = {}
        self.layers: list[list[str]] = []
        self.chains: list[_Chain] = []
        self.grids: list[_Grid] = []
        self.in_grid: dict[str, _Grid] = {}
        self.back: set[tuple[str, str]] = set()
        self.top = float(MARGIN)
        self.layer_top: list[float] = []
        self.layer_height: list[float] = []
        self.channel: list[dict] = []  # per gap below a layer: tracks and label rows
        self.width = 0.0
        self.height = 0.0
        if graph.steps:
            self._make_nodes()
            self._assign_layers()
            self._make_grids()
            self._wrap_wide_layers()
            self._make_chains()
            self._order_layers()
            self._place_x()
            self._place_y()
            self._expand_grids()

    # --- 1. layers ---------------------------------------------------------------------------

    def _make_nodes(self) -> None:
        for step_id in self.graph.order:
            step = self.graph.steps[step_id]
            number = self.graph.number_of(step_id)
            kind = _kind(step)
            step_word = _("Step %(number)s") % {"number": number}
            if _is_urgent(step):  # the word stands first, beside a warning sign
                caption = _("URGENT") + " · " + step_word
            else:
                caption = f"{step_word} · {_kind_label(step)}"
            inner = BOX_WIDTH - 2 * BOX_PADDING - (2 * HEX_INSET if kind == DECISION else 0)
            if kind == ACTION:
                inner -= 6  # the double border
            lines = _wrap(_step_text(step), inner)
            height = BOX_PADDING * 2 + CAPTION_HEIGHT + len(lines) * LINE_HEIGHT
            if kind == ACTION:
                height += 6
            self.nodes[step_id] = _Node(
                id=step_id,
                layer=0,
                width=BOX_WIDTH,
                height=height,
                step=step,
                number=number,
                caption=caption,
                lines=lines,
            )

    def _back_edges(self) -> set[tuple[str, str]]:
        """Edges that close a cycle, found by a depth-first search from the start (then from
        any step not yet seen, in reading order)."""
        state: dict[str, int] = {}
        back: set[tuple[str, str]] = set()
        for root in self.graph.order:
            if root in state:
                continue
            state[root] = 1
            stack = [(root, iter(self.graph.successors(root)))]
            while stack:
                node, children = stack[-1]
                for child in children:
                    if state.get(child) == 1:
                        back.add((node, child))
                    elif child not in state:
                        state[child] = 1
                        stack.append((child, iter(self.graph.successors(child))))
                        break
                else:
                    stack.pop()
                    state[node] = 2
        return back

    def _assign_layers(self) -> None:
        self.back = self._back_edges()
        forward = [
            (e.source, e.target)
            for e in self.graph.edges
            if e.target in self.nodes and (e.source, e.target) not in self.back
        ]
        # Longest path: relax in a topological order of the forward edges (Kahn).
        indegree = {n: 0 for n in self.nodes}
        for _s, t in forward:
            indegree[t] += 1
        queue = deque(n for n in self.graph.order if indegree[n] == 0)
        layer = {n: 0 for n in self.nodes}
        while queue:
            node = queue.popleft()
            for s, t in forward:
                if s == node:
                    layer[t] = max(layer[t], layer[s] + 1)
                    indegree[t] -= 1
                    if indegree[t] == 0:
                        queue.append(t)
        # Steps nobody can reach come below the rest.
        unreachable = [n for n in self.graph.order if n not in self.graph.reachable]
        if unreachable and self.graph.reachable:
            depth = max(layer[n] for n in self.graph.reachable) + 1
            for n in unreachable:
                layer[n] += depth
        for node_id, node in self.nodes.items():
            node.layer = layer[node_id]
        self._rebuild_layers()

    def _rebuild_layers(self) -> None:
        placed = [n for n in self.nodes.values() if n.id not in self.in_grid]
        count = max((n.layer for n in placed), default=-1) + 1
        self.layers = [[] for _i in range(count)]
        for node in placed:  # reading order: the first guess of the order
            self.layers[node.layer].append(node.id)

    def _make_grids(self) -> None:
        """A step with more than MAX_COLUMNS end steps of its own right below it gets them in
        a grid: rows of at most MAX_COLUMNS, each row a layer of its own."""
        indegree: dict[str, int] = {}
        for edge in self.graph.edges:
            indegree[edge.target] = indegree.get(edge.target, 0) + 1
        for source in self.graph.order:
            below = self.nodes[source].layer + 1
            edges = [
                e
                for e in self.graph.edges
                if e.source == source
                and e.target in self.nodes
                and e.target not in self.in_grid
                and not self.graph.successors(e.target)
                and indegree.get(e.target) == 1
                and self.nodes[e.target].layer == below
            ]
            if len(edges) <= MAX_COLUMNS:
                continue
            rows = -(-len(edges) // MAX_COLUMNS)
            columns = -(-len(edges) // rows)
            grid = _Grid(
                source=source,
                members=[e.target for e in edges],
                labels={e.target: e.label for e in edges},
                columns=columns,
            )
            for node in self.nodes.values():
                if node.layer > below:
                    node.layer += rows - 1
            for row in range(rows):
                members = grid.members[row * columns : (row + 1) * columns]
                block_id = f"grid#{len(self.grids)}@{row}"
                self.nodes[block_id] = _Node(
                    id=block_id,
                    layer=below + row,
                    width=columns * BOX_WIDTH + (columns + 1) * GAP_X,
                    height=max(self.nodes[m].height for m in members),
                    block=True,
                )
                grid.blocks.append(block_id)
            for member in grid.members:
                self.in_grid[member] = grid
            self.grids.append(grid)
        if self.grids:
            self._rebuild_layers()

    def _wrap_wide_layers(self) -> None:
        """Other end steps (no way on) may sit lower than their layer too: move those beyond
        MAX_COLUMNS to the next row, so the drawing grows downwards, not sideways."""
        sinks = {n for n in self.graph.steps if not self.graph.successors(n)}
        index = 0
        while index < len(self.layers):
            layer = self.layers[index]
            real = [n for n in layer if self.nodes[n].solid]
            if len(real) > MAX_COLUMNS:
                movable = [n for n in layer if n in sinks]
                keep = len(real) - len(movable)
                room = max(MAX_COLUMNS - keep, 1 if keep == 0 else 0)
                for node_id in movable[room:]:
                    self.nodes[node_id].layer = index + 1
                if len(movable) > room:
                    self._rebuild_layers()
            index += 1

    # --- 2. edges through the layers ---------------------------------------------------------

    def _make_chains(self) -> None:
        for grid in self.grids:
            path = [grid.source, *grid.blocks]
            for a, b in zip(path, path[1:], strict=False):
                self.chains.append(_Chain([a, b], "", virtual=True))
        for number, edge in enumerate(self.graph.edges):
            if edge.target not in self.nodes:
                continue
            grid = self.in_grid.get(edge.target)
            if grid is not None and grid.source == edge.source:
                continue  # drawn with its grid
            source, target = self.nodes[edge.source], self.nodes[edge.target]
            if (edge.source, edge.target) in self.back or target.layer <= source.layer:
                self.chains.append(_Chain([edge.source, edge.target], edge.label, back=True))
                continue
            path = [edge.source]
            for layer in range(source.layer + 1, target.layer):
                dummy_id = f"edge#{number}@{layer}"
                width = DUMMY_WIDTH
                if layer == source.layer + 1 and edge.label:
                    # The branch label is written beside the first placeholder: make room.
                    width = 2 * (_text_width(edge.label, LABEL_SIZE) + 10)
                self.nodes[dummy_id] = _Node(id=dummy_id, layer=layer, width=width)
                self.layers[layer].append(dummy_id)
                path.append(dummy_id)
            path.append(edge.target)
            self.chains.append(_Chain(path, edge.label))

    def _neighbours(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Per node: the nodes one layer up and one layer down it is tied to."""
        up: dict[str, list[str]] = {n: [] for n in self.nodes}
        down: dict[str, list[str]] = {n: [] for n in self.nodes}
        for chain in self.chains:
            if chain.back:
                continue
            for a, b in zip(chain.nodes, chain.nodes[1:], strict=False):
                down[a].append(b)
                up[b].append(a)
        return up, down

    # --- 3. order within layers ----------------------------------------------------------------

    def _order_layers(self) -> None:
        up, down = self._neighbours()

        def crossings(layers: list[list[str]]) -> int:
            total = 0
            for upper, lower in zip(layers, layers[1:], strict=False):
                pos_l = {n: i for i, n in enumerate(lower)}
                pairs = sorted(
                    (i, pos_l[b]) for i, a in enumerate(upper) for b in down[a] if b in pos_l
                )
                for k, (ua, la) in enumerate(pairs):
                    for ub, lb in pairs[k + 1 :]:
                        if ub > ua and lb < la:
                            total += 1
            return total

        def sweep(layers: list[list[str]], downwards: bool) -> list[list[str]]:
            result = [list(row) for row in layers]
            indices = range(1, len(result)) if downwards else range(len(result) - 2, -1, -1)
            neighbours = up if downwards else down
            for i in indices:
                ref = result[i - 1] if downwards else result[i + 1]
                pos = {n: k for k, n in enumerate(ref)}
                current = {n: k for k, n in enumerate(result[i])}

                def key(n: str, pos=pos, current=current) -> tuple:
                    near = [pos[m] for m in neighbours[n] if m in pos]
                    centre = sum(near) / len(near) if near else current[n]
                    return (centre, current[n])

                result[i] = sorted(result[i], key=key)
            return result

        best, best_crossings = self.layers, crossings(self.layers)
        layers = self.layers
        for iteration in range(8):
            if best_crossings == 0:
                break
            layers = sweep(layers, downwards=iteration % 2 == 0)
            count = crossings(layers)
            if count < best_crossings:
                best, best_crossings = layers, count
        self.layers = best

    # --- 4. x positions --------------------------------------------------------------------------

    def _place_x(self) -> None:
        up, down = self._neighbours()
        for row in self.layers:
            x = 0.0
            for node_id in row:
                node = self.nodes[node_id]
                node.x = x + node.width / 2
                x += node.width + GAP_X
            shift = (x - GAP_X) / 2  # centre each row on 0 to start with
            for node_id in row:
                self.nodes[node_id].x -= shift
        for iteration in range(6):
            downwards = iteration % 2 == 0
            count = len(self.layers)
            indices = range(1, count) if downwards else range(count - 2, -1, -1)
            neighbours = up if downwards else down
            for i in indices:
                row = self.layers[i]
                desired = []
                for node_id in row:
                    near = [self.nodes[m].x for m in neighbours[node_id]]
                    desired.append(sum(near) / len(near) if near else self.nodes[node_id].x)
                self._fit_row(row, desired)
        placed = [n for n in self.nodes.values() if n.id not in self.in_grid]
        left = min((n.x - n.width / 2 for n in placed), default=0.0)
        for node in placed:
            node.x += MARGIN - left
        right = max((n.x + n.width / 2 for n in placed), default=0.0)
        backs = sum(1 for c in self.chains if c.back)
        self.width = right + MARGIN + backs * BACK_LANE

    def _fit_row(self, row: list[str], desired: list[float]) -> None:
        """Put the row's nodes as close to `desired` as possible, in order, without overlap
        (pool-adjacent-violators on the positions minus their minimum offsets)."""
        offsets = [0.0]
        for a, b in zip(row, row[1:], strict=False):
            gap = (self.nodes[a].width + self.nodes[b].width) / 2 + GAP_X
            offsets.append(offsets[-1] + gap)
        targets = [d - o for d, o in zip(desired, offsets, strict=True)]
        blocks: list[list[float]] = []  # [sum, count]
        for t in targets:
            blocks.append([t, 1])
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
                total, count = blocks.pop()
                blocks[-1][0] += total
                blocks[-1][1] += count
        values = [total / count for total, count in blocks for _i in range(int(count))]
        for node_id, value, offset in zip(row, values, offsets, strict=True):
            self.nodes[node_id].x = value + offset

    # --- 5. y positions and the gaps between layers -------------------------------------------

    def _place_y(self) -> None:
        # Per gap below layer i: the tracks of the horizontal parts, the labels per target.
        self.channel = [
            {"tracks": {}, "labels": {}, "entries": {}, "min_rows": 0}
            for _i in range(len(self.layers))
        ]
        incoming: dict[str, list[tuple[str, str]]] = {}
        for chain in self.chains:
            if chain.back or chain.virtual:
                continue
            for k, (a, b) in enumerate(zip(chain.nodes, chain.nodes[1:], strict=False)):
                incoming.setdefault(b, []).append((a, chain.label if k == 0 else ""))
        for node_id, sources in incoming.items():
            gap = self.channel[self.nodes[node_id].layer - 1]
            sources.sort(key=lambda s: self.nodes[s[0]].x)
            gap["entries"][node_id] = [s for s, _label in sources]
            labelled = [s for s, label in sources if label]
            gap["labels"][node_id] = {s: i for i, s in enumerate(labelled)}
            for source, _label in sources:
                if abs(self._exit_x(source) - self._entry_x(node_id, source, gap)) > 0.5:
                    key = source if self.nodes[source].real else f"{source}->{node_id}"
                    gap["tracks"].setdefault(key, len(gap["tracks"]))
        top = MARGIN
        for index, chain in enumerate(self.chains):
            if not chain.back:
                continue
            source, target = self.nodes[chain.nodes[0]], self.nodes[chain.nodes[-1]]
            self.channel[source.layer]["tracks"].setdefault(f"back#{index}", 0)
            if target.layer > 0:
                self.channel[target.layer - 1]["tracks"].setdefault(f"back#{index}", 0)
            else:
                top = MARGIN + BACK_TOP
        for gap in self.channel:  # number the tracks in the order they were claimed
            gap["tracks"] = {key: k for k, key in enumerate(gap["tracks"])}
        for grid in self.grids:
            gap = self.channel[self.nodes[grid.source].layer]
            gap["tracks"].setdefault(grid.source, len(gap["tracks"]))
            for block in grid.blocks:
                gap = self.channel[self.nodes[block].layer - 1]
                gap["min_rows"] = max(gap["min_rows"], 1)
        y = self.top = top
        for i, row in enumerate(self.layers):
            height = max((self.nodes[n].height for n in row if self.nodes[n].solid), default=0)
            self.layer_top.append(y)
            self.layer_height.append(height)
            for node_id in row:
                self.nodes[node_id].y = y
            gap = self.channel[i]
            rows = max([gap["min_rows"], *(len(v) for v in gap["labels"].values())])
            channel = TRACK_START + len(gap["tracks"]) * TRACK_STEP + LABEL_GAP
            channel += rows * LABEL_ROW
            gap["height"] = max(MIN_CHANNEL, channel)
            last = i == len(self.layers) - 1
            y += height + (gap["height"] if not last or gap["tracks"] else 0)
        self.height = y + MARGIN

    def _expand_grids(self) -> None:
        """Put each grid's end steps in the columns of their row."""
        for grid in self.grids:
            for member in grid.members:
                row, column = grid.cell(member)
                block = self.nodes[grid.blocks[row]]
                node = self.nodes[member]
                left = block.x - block.width / 2 + GAP_X
                node.x = left + column * (BOX_WIDTH + GAP_X) + BOX_WIDTH / 2
                node.y = block.y
                node.layer = block.layer

    def _exit_x(self, node_id: str) -> float:
        return self.nodes[node_id].x

    def _entry_x(self, node_id: str, source: str, gap: dict) -> float:
        node = self.nodes[node_id]
        entries = gap["entries"].get(node_id, [source])
        if not node.real or len(entries) == 1:
            return node.x
        spread = min(26.0, (node.width - 2 * HEX_INSET - 20) / max(len(entries) - 1, 1))
        k = entries.index(source)
        return node.x + (k - (len(entries) - 1) / 2) * spread

    def _track_y(self, layer: int, key: str) -> float:
        track = self.channel[layer]["tracks"].get(key, 0)
        return self.layer_top[layer] + self.layer_height[layer] + TRACK_START + track * TRACK_STEP

    # --- drawing ---------------------------------------------------------------------------

    def svg(self, *, title: str, id_prefix: str) -> str:
        title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
        width = max(self.width, BOX_WIDTH + 2 * MARGIN)
        height = max(self.height, 60)
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="{_esc(title_id)} {_esc(desc_id)}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" width="100%" '
            f'style="max-inline-size: {_num(width)}px; block-size: auto" '
            f'font-family="{_esc(FONT_FAMILY)}" font-size="{FONT_SIZE}" '
            f'class="kansrijk-flowchart">',
            f'<title id="{_esc(title_id)}">{_esc(title)}</title>',
            f'<desc id="{_esc(desc_id)}">{_esc(self._description())}</desc>',
            f'<rect x="0" y="0" width="{_num(width)}" height="{_num(height)}" '
            f'fill="{BACKGROUND}"/>',
        ]
        if not self.graph.steps:
            empty = _("This pathway has no steps yet.")
            parts.append(
                f'<text x="{MARGIN}" y="{MARGIN + FONT_SIZE}" fill="{TEXT_COLOUR}">'
                f"{_esc(empty)}</text>"
            )
        else:
            parts.append('<g class="edges" fill="none">')
            parts += [
                self._draw_chain(chain, k)
                for k, chain in enumerate(self.chains)
                if not chain.virtual
            ]
            parts += [self._draw_grid_edge(g, m) for g in self.grids for m in g.members]
            parts.append("</g>")
            parts.append('<g class="steps">')
            parts += [self._draw_node(n) for n in self.nodes.values() if n.real]
            parts.append("</g>")
            parts.append('<g class="labels">')
            parts += [
                self._draw_label(chain)
                for chain in self.chains
                if chain.label and not chain.virtual
            ]
            for grid in self.grids:
                for member in grid.members:
                    if grid.labels[member]:
                        node = self.nodes[member]
                        parts.append(self._label(node.x + 5, node.y - 5, grid.labels[member]))
            parts.append("</g>")
        parts.append("</svg>")
        return "\n".join(p for p in parts if p)

    def _description(self) -> str:
        steps = self.graph.steps.values()
        count = {k: sum(1 for s in steps if _kind(s) == k) for k in (QUESTION, DECISION, ACTION)}
        start = self.graph.steps.get(self.graph.start) if self.graph.start else None
        text = _(
            "Flowchart. Steps: %(steps)s (questions: %(questions)s, decisions: %(decisions)s, "
            "outcomes: %(outcomes)s)."
        ) % {
            "steps": len(self.graph.steps),
            "questions": count[QUESTION],
            "decisions": count[DECISION],
            "outcomes": count[ACTION],
        }
        if start is not None:
            text += " " + _("It starts with: %(start)s") % {"start": _step_text(start)}
        urgent = sum(1 for s in steps if _is_urgent(s))
        if urgent:
            text += " " + _("Urgent outcomes: %(count)s.") % {"count": urgent}
        return text

    def _exit_y(self, node: _Node) -> float:
        if node.real:
            return node.y + node.height
        return self.layer_top[node.layer] + self.layer_height[node.layer]

    def _hop_points(self, a: str, b: str) -> list[tuple[float, float]]:
        na, nb = self.nodes[a], self.nodes[b]
        gap = self.channel[na.layer]
        x1 = self._exit_x(a)
        x2 = self._entry_x(b, a, gap)
        points = [(x1, self._exit_y(na))]
        if abs(x1 - x2) > 0.5:
            ty = self._track_y(na.layer, a if na.real else f"{a}->{b}")
            points += [(x1, ty), (x2, ty)]
        points.append((x2, nb.y))
        return points

    def _path(self, points: list[tuple[float, float]], *, dashed: bool = False) -> str:
        d = "M" + " L".join(f"{_num(x)},{_num(y)}" for x, y in points)
        dash = ' stroke-dasharray="6 3"' if dashed else ""
        (x0, y0), (x1, y1) = points[-2], points[-1]
        if abs(y1 - y0) >= abs(x1 - x0):  # ends going down
            arrow = f"M{_num(x1)},{_num(y1)} l-5,-9 l10,0 z"
        else:  # ends going left
            arrow = f"M{_num(x1)},{_num(y1)} l9,-5 l0,10 z"
        return (
            f'<path d="{d}" stroke="{EDGE_COLOUR}" stroke-width="1.6" '
            f'stroke-linejoin="round"{dash}/>'
            f'<path d="{arrow}" fill="{EDGE_COLOUR}" stroke="none"/>'
        )

    def _draw_chain(self, chain: _Chain, index: int) -> str:
        if chain.back:
            return self._draw_back(chain, index)
        points: list[tuple[float, float]] = []
        for a, b in zip(chain.nodes, chain.nodes[1:], strict=False):
            hop = self._hop_points(a, b)
            if points and points[-1] == hop[0]:
                hop = hop[1:]
            points += hop
        return self._path(points)

    def _draw_grid_edge(self, grid: _Grid, member: str) -> str:
        source, node = self.nodes[grid.source], self.nodes[member]
        row, _column = grid.cell(member)
        bus = self._track_y(source.layer, grid.source)
        points = [(source.x, source.y + source.height), (source.x, bus)]
        if row == 0:
            points += [(node.x, bus), (node.x, node.y)]
        else:
            gutter = node.x - BOX_WIDTH / 2 - GAP_X / 2
            lane = node.y - LABEL_ROW - 8
            points += [(gutter, bus), (gutter, lane), (node.x, lane), (node.x, node.y)]
        return self._path(points)

    def _draw_back(self, chain: _Chain, index: int) -> str:
        """An edge back up (a cycle): down into the gap below its source, along a lane right
        of the drawing, and into its target from above."""
        a, b = self.nodes[chain.nodes[0]], self.nodes[chain.nodes[-1]]
        earlier = sum(1 for c in self.chains[:index] if c.back)
        lane = self.width - MARGIN / 2 - earlier * BACK_LANE
        below = self._track_y(a.layer, f"back#{index}")
        if b.layer > 0:
            above = self._track_y(b.layer - 1, f"back#{index}")
        else:
            above = self.top - BACK_TOP / 2
        x_in = b.x + b.width / 2 - 16
        points = [(a.x, a.y + a.height), (a.x, below), (lane, below), (lane, above)]
        points += [(x_in, above), (x_in, b.y)]
        return self._path(points, dashed=True)

    def _draw_label(self, chain: _Chain) -> str:
        if chain.back:
            a = self.nodes[chain.nodes[0]]
            index = self.chains.index(chain)
            return self._label(a.x + 6, self._track_y(a.layer, f"back#{index}") - 4, chain.label)
        a, b = chain.nodes[0], chain.nodes[1]
        gap = self.channel[self.nodes[a].layer]
        labels = gap["labels"].get(b, {})
        row = labels.get(a, 0)
        # Labels stack upwards from the target's top, the first nearest to it; a label of an
        # edge entering left of the centre stands left of its line, so it crosses no other.
        y = self.nodes[b].y - 5 - (len(labels) - 1 - row) * LABEL_ROW
        x = self._entry_x(b, a, gap)
        if x < self.nodes[b].x - 0.5:
            return self._label(x - 5, y, chain.label, anchor="end")
        return self._label(x + 5, y, chain.label)

    @staticmethod
    def _label(x: float, y: float, text: str, *, anchor: str = "start") -> str:
        anchor_attribute = ' text-anchor="end"' if anchor == "end" else ""
        return (
            f'<text x="{_num(x)}" y="{_num(y)}"{anchor_attribute} font-size="{LABEL_SIZE}" '
            f'font-weight="bold" '
            f'fill="{TEXT_COLOUR}" stroke="{BACKGROUND}" stroke-width="4" '
            f'stroke-linejoin="round" paint-order="stroke">{_esc(text)}</text>'
        )

    def _draw_node(self, node: _Node) -> str:
        step = node.step or {}
        kind = _kind(step)
        style_key = kind if kind != ACTION else step.get("action")
        fill, border = STYLES.get(style_key, STYLES[ACTION] if kind == ACTION else STYLES[QUESTION])
        left, top, w, h = node.x - node.width / 2, node.y, node.width, node.height
        urgent = _is_urgent(step)
        out = [f'<g class="step step-{_esc(kind)}" data-step="{_esc(node.id)}">']
        if kind == QUESTION:
            out.append(
                f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(w)}" height="{_num(h)}" '
                f'rx="14" fill="{fill}" stroke="{border}" stroke-width="2"/>'
            )
        elif kind == DECISION:
            i = HEX_INSET
            points = [
                (left + i, top),
                (left + w - i, top),
                (left + w, top + h / 2),
                (left + w - i, top + h),
                (left + i, top + h),
                (left, top + h / 2),
            ]
            out.append(
                '<polygon points="'
                + " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
                + f'" fill="{fill}" stroke="{border}" stroke-width="2"/>'
            )
        else:
            stroke = 4 if urgent else 2
            out.append(
                f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(w)}" height="{_num(h)}" '
                f'rx="3" fill="{fill}" stroke="{border}" stroke-width="{stroke}"/>'
            )
            # An end step has a second, inner border.
            out.append(
                f'<rect x="{_num(left + 5)}" y="{_num(top + 5)}" width="{_num(w - 10)}" '
                f'height="{_num(h - 10)}" rx="2" fill="none" stroke="{border}" '
                f'stroke-width="1"/>'
            )
        text_left = left + BOX_PADDING + (HEX_INSET if kind == DECISION else 0)
        if kind == ACTION:
            text_left += 3
        caption_y = top + BOX_PADDING + CAPTION_SIZE
        if urgent:
            out.append(self._warning_icon(text_left, caption_y - CAPTION_SIZE + 1, border))
            out.append(
                f'<text x="{_num(text_left + 18)}" y="{_num(caption_y)}" '
                f'font-size="{CAPTION_SIZE}" font-weight="bold" fill="{border}">'
                f"{_esc(node.caption)}</text>"
            )
        else:
            out.append(
                f'<text x="{_num(text_left)}" y="{_num(caption_y)}" font-size="{CAPTION_SIZE}" '
                f'font-weight="bold" fill="{border}">{_esc(node.caption)}</text>'
            )
        y = top + BOX_PADDING + CAPTION_HEIGHT + FONT_SIZE + 1
        if kind == ACTION:
            y += 3
        out.append(f'<text fill="{TEXT_COLOUR}" font-size="{FONT_SIZE}">')
        for line in node.lines:
            out.append(f'<tspan x="{_num(text_left)}" y="{_num(y)}">{_esc(line)}</tspan>')
            y += LINE_HEIGHT
        out.append("</text></g>")
        return "".join(out)

    @staticmethod
    def _warning_icon(x: float, y: float, colour: str) -> str:
        """A warning triangle with an exclamation mark, 14 units wide, top-left at (x, y)."""
        return (
            f'<path d="M{_num(x + 7)},{_num(y)} L{_num(x + 14)},{_num(y + 12)} '
            f'L{_num(x)},{_num(y + 12)} z" fill="{colour}" aria-hidden="true"/>'
            f'<path d="M{_num(x + 7)},{_num(y + 3.5)} L{_num(x + 7)},{_num(y + 8)} '
            f'M{_num(x + 7)},{_num(y + 9.6)} L{_num(x + 7)},{_num(y + 10.6)}" '
            f'stroke="#ffffff" stroke-width="1.8" stroke-linecap="round"/>'
        )
