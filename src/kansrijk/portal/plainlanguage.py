"""The editors' plain-language check (B1) of a Dutch text: long sentences, long words and rare
words (not among the common Dutch words in data/common_words_nl.txt). Pure Python: a help for
the editor, not a verdict; it marks, the editor decides.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from kansrijk.portal.constants import LONG_SENTENCE_WORDS, LONG_WORD_LETTERS

__all__ = ["Sentence", "TextCheck", "Token", "check_text", "common_words"]

WORDS_FILE = Path(__file__).parent / "data" / "common_words_nl.txt"
# A sentence ends at . ! ? or a line break (list items and headings are sentences of their own).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|\s+|.", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
# Words this short are never marked as rare: "na", "om", "zo" are easy whatever the list says.
_SHORT = 3


@functools.cache
def common_words() -> frozenset[str]:
    words = set()
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


def _known(word: str) -> bool:
    """A word is common when it, or a simple inflection of a common word, is in the list."""
    lower = word.lower().replace("’", "'")
    if len(lower) <= _SHORT or lower in common_words():
        return True
    words = common_words()
    parts = lower.split("-")
    if len(parts) > 1:
        return all(_known(part) for part in parts if part)
    for suffix in ("en", "s", "'s", "e", "t", "te", "ten", "de", "den", "er", "je", "jes", "tje"):
        if lower.endswith(suffix) and lower[: -len(suffix)] in words:
            return True
    # Doubled consonant before -en/-e ("kinderen" is listed; "bellen" from "bel").
    if lower.endswith("en") and len(lower) > 4 and lower[-3] == lower[-4]:
        if lower[:-3] in words:
            return True
    return False


@dataclass
class Token:
    text: str
    is_word: bool = False
    long: bool = False
    rare: bool = False

    @property
    def marked(self) -> bool:
        return self.long or self.rare


@dataclass
class Sentence:
    tokens: list[Token] = field(default_factory=list)
    words: int = 0

    @property
    def long(self) -> bool:
        return self.words > LONG_SENTENCE_WORDS

    @property
    def text(self) -> str:
        return "".join(token.text for token in self.tokens)


@dataclass
class TextCheck:
    sentences: list[Sentence]

    @property
    def long_sentences(self) -> list[Sentence]:
        return [sentence for sentence in self.sentences if sentence.long]

    def _words(self, attribute: str) -> list[str]:
        found = []
        for sentence in self.sentences:
            for token in sentence.tokens:
                if getattr(token, attribute) and token.text not in found:
                    found.append(token.text)
        return found

    @property
    def long_words(self) -> list[str]:
        return self._words("long")

    @property
    def rare_words(self) -> list[str]:
        return self._words("rare")

    @property
    def ok(self) -> bool:
        return not (self.long_sentences or self.long_words or self.rare_words)


def _sentence(text: str) -> Sentence:
    sentence = Sentence()
    for piece in _TOKEN.findall(text):
        if _WORD.match(piece):
            letters = sum(1 for char in piece if char.isalpha())
            # A name (capital inside a sentence) is not rare; it still counts as a word.
            is_name = piece[:1].isupper() and sentence.words > 0
            sentence.tokens.append(
                Token(
                    piece,
                    is_word=True,
                    long=letters > LONG_WORD_LETTERS,
                    rare=not is_name and not _known(piece),
                )
            )
            sentence.words += 1
        else:
            sentence.tokens.append(Token(piece))
    return sentence


def check_text(text: str) -> TextCheck:
    """Split the text into sentences and mark long sentences, long words and rare words."""
    lines = []
    for line in (text or "").splitlines():
        stripped = line.strip()
        lines.append(stripped[2:] if stripped.startswith("- ") else stripped)
    parts = _SENTENCE_END.split("\n".join(lines))
    return TextCheck([_sentence(part.strip()) for part in parts if part and part.strip()])
