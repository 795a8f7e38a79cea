"""The agreement text as blocks for the page: headings (# ...), lists (- ...) and paragraphs.

A deliberately small subset of Markdown habits, rendered by the template (escaped), so a text
can never carry HTML or scripts into the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    kind: str  # "heading", "list" or "paragraph"
    text: str = ""
    level: int = 2
    items: list[str] = field(default_factory=list)


def text_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(Block(kind="paragraph", text="\n".join(paragraph)))
            paragraph.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            close_paragraph()
            continue
        if line.startswith("#"):
            close_paragraph()
            hashes = len(line) - len(line.lstrip("#"))
            # The page's h1 is the title: text headings start at h2.
            blocks.append(
                Block(kind="heading", text=line[hashes:].strip(), level=min(hashes + 1, 4))
            )
        elif line[:2] in ("- ", "* "):
            close_paragraph()
            if not blocks or blocks[-1].kind != "list":
                blocks.append(Block(kind="list"))
            blocks[-1].items.append(line[2:].strip())
        else:
            if blocks and blocks[-1].kind == "list" and not paragraph and raw[:1].isspace():
                blocks[-1].items[-1] += " " + line  # an indented continuation of a list item
                continue
            paragraph.append(line)
    close_paragraph()
    return blocks
