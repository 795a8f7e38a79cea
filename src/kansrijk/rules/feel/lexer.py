"""FEEL tokens. Names in FEEL may contain spaces and some operator characters ("Monthly Salary",
"date and time"), so the lexer is given the names known in scope and matches the longest known
name first; any other word is a one-word name."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kansrijk.rules.feel.errors import FeelSyntaxError

NUMBER = "number"
STRING = "string"
NAME = "name"
OP = "op"
TEMPORAL = "temporal"  # @"2024-01-01"
EOF = "eof"

_OPERATORS = ("**", "..", "<=", ">=", "!=", "+", "-", "*", "/", "=", "<", ">", "(", ")", "[",
              "]", "{", "}", ",", ":", ".")  # fmt: skip
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?")
_NAME_START_RE = re.compile(r"[^\W\d]|[_?]")
_NAME_RE = re.compile(r"(?:[^\W\d]|[_?])[\w?']*")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t", "'": "'"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    value: str
    start: int
    end: int


@functools.lru_cache(maxsize=64)
def _known_name_patterns(names: frozenset[str]) -> list[tuple[str, re.Pattern]]:
    """Names that are not a single plain word, longest first, as patterns that allow any run
    of white space where the name has a space."""
    patterns = []
    for name in sorted(
        {n for n in names if n and not _NAME_RE.fullmatch(n)}, key=len, reverse=True
    ):
        parts = [re.escape(part) for part in name.split()]
        patterns.append((name, re.compile(r"\s+".join(parts) + r"(?![\w?'])")))
    return patterns


def tokenize(source: str, known_names=()) -> list[Token]:
    patterns = _known_name_patterns(frozenset(known_names) | _builtin_names())
    tokens: list[Token] = []
    i, length = 0, len(source)
    while i < length:
        char = source[i]
        if char.isspace():
            i += 1
            continue
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = length if end < 0 else end
            continue
        if source.startswith("/*", i):
            end = source.find("*/", i + 2)
            if end < 0:
                raise FeelSyntaxError("unclosed comment", i)
            i = end + 2
            continue
        if char == '"' or (char == "@" and source.startswith('"', i + 1)):
            kind = TEMPORAL if char == "@" else STRING
            start = i
            i, value = _string(source, i + (1 if kind == TEMPORAL else 0))
            tokens.append(Token(kind, value, start, i))
            continue
        previous = tokens[-1] if tokens else None
        starts_number = char.isdigit() or (
            char == "."
            and i + 1 < length
            and source[i + 1].isdigit()
            and not _ends_operand(previous)
        )
        if starts_number:
            match = _NUMBER_RE.match(source, i)
            tokens.append(Token(NUMBER, match.group(), i, match.end()))
            i = match.end()
            continue
        if _NAME_START_RE.match(char):
            for name, pattern in patterns:
                match = pattern.match(source, i)
                if match:
                    tokens.append(Token(NAME, name, i, match.end()))
                    i = match.end()
                    break
            else:
                match = _NAME_RE.match(source, i)
                tokens.append(Token(NAME, match.group(), i, match.end()))
                i = match.end()
            continue
        for op in _OPERATORS:
            if source.startswith(op, i):
                tokens.append(Token(OP, op, i, i + len(op)))
                i += len(op)
                break
        else:
            raise FeelSyntaxError(f"unexpected character {char!r}", i)
    tokens.append(Token(EOF, "", length, length))
    return tokens


@functools.cache
def _builtin_names() -> frozenset[str]:
    from kansrijk.rules.feel.builtins import FUNCTIONS

    return frozenset(FUNCTIONS)


def _ends_operand(token: Token | None) -> bool:
    return token is not None and (
        token.kind in (NUMBER, STRING, NAME, TEMPORAL) or token.value in (")", "]", "}")
    )


def _string(source: str, i: int) -> tuple[int, str]:
    """Read a string literal starting at the quote at i; return the end and its value."""
    out = []
    i += 1
    while i < len(source):
        char = source[i]
        if char == '"':
            return i + 1, "".join(out)
        if char == "\\" and i + 1 < len(source):
            escaped = source[i + 1]
            if escaped == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", source[i + 2 : i + 6]):
                out.append(chr(int(source[i + 2 : i + 6], 16)))
                i += 6
                continue
            if escaped == "U" and re.fullmatch(r"[0-9a-fA-F]{6}", source[i + 2 : i + 8]):
                out.append(chr(int(source[i + 2 : i + 8], 16)))
                i += 8
                continue
            if escaped in _ESCAPES:
                out.append(_ESCAPES[escaped])
                i += 2
                continue
        out.append(char)
        i += 1
    raise FeelSyntaxError("unclosed string", i)
