"""Dutch-aware search over the sociale kaart (decision 0003).

Text is folded (lower case, accents removed, so "coöperatie" and "cooperatie" are one word),
split into words, stripped of stop words and stemmed with Snowball's Dutch stemmer. The index
holds, per service, its stems with the weight of the best field they occur in; the vocabulary
holds every word as written and as stemmed, and each term with one letter deleted.

A query word matches a term
- exactly: the term is the word or its stem;
- by prefix: the term starts with the word or its stem, so "schulden" finds the compound
  "schuldhulpverlening";
- with one typo, for words of 6+ letters: the term is one insertion, deletion, substitution or
  transposition away (Damerau), found through the deletion neighbourhoods of both sides.
The matching terms are looked up first (a few small indexed queries); the services then come
from one indexed query over the postings. Plain B-tree indexes only, so SQLite and PostgreSQL
give the same answers.
"""

import functools
import hashlib
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any
from uuid import UUID

import snowballstemmer
from django.db import connection, transaction
from django.db.models import Case, F, Max, OuterRef, Q, QuerySet, Subquery, Value, When

from kansrijk.directory.models import (
    Attribute,
    SearchDocument,
    SearchPosting,
    SearchTerm,
    SearchTermVariant,
    Service,
    TaxonomyTerm,
)
from kansrijk.directory.models.search import TERM_MAX_LENGTH

# Field weights: a word in the name counts more than one in the description.
WEIGHT_NAME = 3  # service name and alternate name
WEIGHT_LABEL = 2  # organisation name, taxonomy terms (theme, target group, phase)
WEIGHT_TEXT = 1  # description, who it is for

PREFIX_MIN_LENGTH = 4  # shorter words match whole terms only ("ggd"), not every compound
TYPO_MIN_LENGTH = 6  # query words this long may hold one typo
VARIANT_MIN_LENGTH = 5  # terms this long get deletion variants (typo forms are at least 5)
MAX_QUERY_WORDS = 8
INDEX_CHUNK = 500  # services per round; also keeps IN lists within SQLite's parameter limit
MAX_TERMS_PER_PREFIX = 200
# Rank of a service: 100 per query word it matches, plus per word the best of 2 x field weight,
# +1 for an exact (not prefix or typo) match. With at most 8 words the bonus stays below 100.
RANK_PER_WORD = 100

STOP_WORDS = frozenset(
    """
    aan al alles als altijd ben bent bij dan dat de der deze die dit door dus een eens en er
    had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jullie kan
    kon kunnen maar me mee meer men met mij mijn moet na naar niet niets nog nu of om omdat
    onder ons ook op over te tegen toch toen tot u uit uw van veel voor want waren was wat
    we wel werd wie wij wil wordt worden zal ze zelf zich zij zijn zo zonder zou
    """.split()
)

_WORD = re.compile(r"[^\W_]+")
_INDEX_WORD = re.compile(r"[^\W_]{2,}|\d")  # words of two letters or more, and digits
_local = threading.local()


def _stemmer():
    # snowballstemmer 3 keeps the classic Dutch stemmer as "dutch_porter"; its new "dutch"
    # strips the prefix ge- ("geweld" -> "wel", "gezinnen" -> "zin"), which would make prefix
    # matching find unrelated words. Stemmer objects are not thread-safe: one per thread.
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        algorithm = "dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch"
        stemmer = _local.stemmer = snowballstemmer.stemmer(algorithm)
    return stemmer


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Dutch stem of a folded word."""
    return _stemmer().stemWord(word)


def fold(text: str) -> str:
    """Lower case without accents: "Coöperatie" -> "cooperatie", "ĳ" -> "ij"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    """The distinct folded words of a text worth indexing: no stop words, no single letters."""
    found = set(_INDEX_WORD.findall(fold(text)))
    found -= STOP_WORDS
    if found and max(map(len, found)) > TERM_MAX_LENGTH:
        found = {w for w in found if len(w) <= TERM_MAX_LENGTH}
    return found


def deletions(term: str) -> set[str]:
    """The term with one letter left out, each way (its deletion neighbourhood)."""
    return {term[:i] + term[i + 1 :] for i in range(len(term))}


def within_one_edit(a: str, b: str) -> bool:
    """Damerau (optimal string alignment) distance of at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < la and i < lb and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True  # substitution
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def _batched(items: Iterable, size: int) -> Iterator[tuple]:
    # itertools.batched arrives in Python 3.12.
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


# --- the index --------------------------------------------------------------------------------


def search_index_update(*, service_ids: Iterable[UUID] | None = None) -> None:
    """Recompute the search index of the given services (all when None). Call after writes.

    Works in chunks and writes only what changed, so a rebuild of an index that is mostly
    right is mostly reading. A full rebuild also forgets words no service uses any more."""
    with transaction.atomic(), _large_cache(enabled=service_ids is None):
        if service_ids is None:
            keys = [row[0] for row in _fetch(Service.objects.order_by("pk").values_list("pk"))]
            term_ids = dict(SearchTerm.objects.values_list("text", "id"))
            document_ids = {
                k: (d, f)
                for k, d, f in _fetch(
                    SearchDocument.objects.values_list("service", "id", "fingerprint")
                )
            }
        else:
            keys = list(dict.fromkeys(service_ids))
            term_ids, document_ids = {}, {}
        vocabulary: set[str] = set()
        labels = dict(_fetch(TaxonomyTerm.objects.values_list("pk", "name")))
        stems_of: dict[str, list[str]] = {}
        for chunk in _batched(keys, INDEX_CHUNK):
            vocabulary |= _index_chunk(
                chunk,
                term_ids=term_ids,
                document_ids=document_ids,
                label_names=labels,
                stems_of=stems_of,
            )
        if service_ids is None:
            _terms_prune(keep=vocabulary)


def _fetch(queryset: QuerySet) -> list[tuple]:
    """The rows of a values_list() query as the database gives them. The keys stay in the
    database's form (hex text on SQLite, uuid on PostgreSQL): converting 300,000 values to
    UUID objects would double the time of a rebuild."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@contextmanager
def _large_cache(*, enabled: bool):
    # SQLite's default page cache (2 MB) makes a national rebuild several times slower.
    if not enabled or connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (previous,) = cursor.fetchone()
        cursor.execute("PRAGMA cache_size = -131072")  # 128 MB, while rebuilding only
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(previous)}")


def _index_chunk(
    keys: Sequence,
    *,
    term_ids: dict[str, int],
    document_ids: dict,
    label_names: dict,
    stems_of: dict[str, list[str]],
) -> set[str]:
    """Bring the postings of these services up to date; returns the words and stems seen."""
    labels: dict[Any, list[str]] = defaultdict(list)
    # Only link_id in SQL: with link_entity too, SQLite picks the (link_entity, term) index and
    # reads every attribute.
    for link_id, link_entity, term in _fetch(
        Attribute.objects.filter(link_id__in=keys).values_list(
            "link_id", "link_entity", "taxonomy_term"
        )
    ):
        if link_entity == "service" and label_names.get(term):
            labels[link_id].append(label_names[term])
    rows = _fetch(
        Service.objects.filter(pk__in=keys)
        .order_by()
        .values_list(
            "pk",
            "name",
            "alternate_name",
            "organization__name",
            "description",
            "eligibility_description",
        )
    )
    documents: dict[Any, dict[str, int]] = {}
    vocabulary: set[str] = set()
    for key, name, alternate_name, organization, description, eligibility in rows:
        # Lowest weight first: a stem found again in a weightier field is overwritten.
        fields = [
            (description, WEIGHT_TEXT),
            (eligibility, WEIGHT_TEXT),
            (organization, WEIGHT_LABEL),
            *((label, WEIGHT_LABEL) for label in labels.get(key, ())),
            (name, WEIGHT_NAME),
            (alternate_name, WEIGHT_NAME),
        ]
        weights: dict[str, int] = {}
        for text, weight in fields:
            if text:
                weights.update(dict.fromkeys(_field_stems(text, vocabulary, stems_of), weight))
        documents[key] = weights

    _terms_ensure(vocabulary, term_ids=term_ids)
    _documents_ensure(list(documents), document_ids=document_ids)
    _postings_sync(documents, term_ids=term_ids, document_ids=document_ids)
    return vocabulary


def _field_stems(text: str, vocabulary: set[str], stems_of: dict[str, list[str]]) -> list[str]:
    """The stems of a field's words; adds the words and stems to the vocabulary. Short texts
    (names, organisations, terms) repeat across services, so their stems are kept."""
    stems = stems_of.get(text)
    if stems is None:
        found = words(text)
        stems = list({stem(w) for w in found})
        vocabulary.update(found)
        vocabulary.update(stems)
        if len(text) < 200 and len(stems_of) < 100_000:
            stems_of[text] = stems
    return stems


def _terms_ensure(vocabulary: set[str], *, term_ids: dict[str, int]) -> None:
    """Fill in the ids of the vocabulary's terms, adding new ones and their deletion variants."""
    unknown = sorted(vocabulary.difference(term_ids))
    for chunk in _batched(unknown, 500):
        term_ids.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "id"))
    new = [t for t in unknown if t not in term_ids]
    if not new:
        return
    _rows_insert(SearchTerm, ["text"], [(t,) for t in new])
    for chunk in _batched(new, 500):
        term_ids.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "id"))
    _rows_insert(
        SearchTermVariant,
        ["variant", "term"],
        [
            (variant, term_ids[text])
            for text in new
            if len(text) >= VARIANT_MIN_LENGTH
            for variant in deletions(text)
        ],
    )


def _terms_prune(*, keep: set[str]) -> None:
    stale = [i for t, i in SearchTerm.objects.values_list("text", "id") if t not in keep]
    for chunk in _batched(stale, 500):
        SearchTermVariant.objects.filter(term_id__in=chunk).delete()
        SearchPosting.objects.filter(term_id__in=chunk).delete()
        SearchTerm.objects.filter(id__in=chunk).delete()


def _documents_ensure(keys: list, *, document_ids: dict) -> None:
    """Fill in (document id, fingerprint) per service, adding documents for new services."""
    unknown = [k for k in keys if k not in document_ids]
    if not unknown:
        return
    fields = ("service", "id", "fingerprint")
    existing = SearchDocument.objects.filter(service__in=unknown).values_list(*fields)
    document_ids.update((k, (d, f)) for k, d, f in _fetch(existing))
    missing = [k for k in unknown if k not in document_ids]
    if missing:
        _rows_insert(SearchDocument, ["service"], [(k,) for k in missing])
        created = SearchDocument.objects.filter(service__in=missing).values_list(*fields)
        document_ids.update((k, (d, f)) for k, d, f in _fetch(created))


def _fingerprint(weights: dict[str, int]) -> int:
    digest = hashlib.blake2b(digest_size=8)
    for text in sorted(weights):
        digest.update(f"{text}:{weights[text]} ".encode())
    return int.from_bytes(digest.digest(), "big", signed=True)


def _postings_sync(
    documents: dict[Any, dict[str, int]], *, term_ids: dict[str, int], document_ids: dict
) -> None:
    """Write the difference between the stored postings of these documents and the new ones.
    A document whose fingerprint (of its stems and weights) is unchanged is skipped unread."""
    changed = {}
    for key, weights in documents.items():
        document, stored = document_ids[key]
        fingerprint = _fingerprint(weights)
        if fingerprint != stored:
            changed[document] = (weights, fingerprint)
            document_ids[key] = (document, fingerprint)
    if not changed:
        return
    current: dict[int, dict[int, int]] = defaultdict(dict)
    for document, term, weight in _fetch(
        SearchPosting.objects.filter(document_id__in=list(changed)).values_list(
            "document_id", "term_id", "weight"
        )
    ):
        current[document][term] = weight
    inserts, updates, deletes = [], [], []
    for document, (weights, _fp) in changed.items():
        old = current.pop(document, {})
        for text, weight in weights.items():
            term = term_ids[text]
            old_weight = old.pop(term, None)
            if old_weight is None:
                inserts.append((document, term, weight))
            elif old_weight != weight:
                updates.append((weight, document, term))
        deletes.extend((document, term) for term in old)

    quote = connection.ops.quote_name
    table = quote(SearchPosting._meta.db_table)
    document_column = quote(SearchPosting._meta.get_field("document").column)
    term_column = quote(SearchPosting._meta.get_field("term").column)
    with connection.cursor() as cursor:
        if deletes:
            cursor.executemany(
                f"DELETE FROM {table} WHERE {document_column} = %s AND {term_column} = %s",
                deletes,
            )
        if updates:
            cursor.executemany(
                f"UPDATE {table} SET {quote('weight')} = %s "
                f"WHERE {document_column} = %s AND {term_column} = %s",
                updates,
            )
        cursor.executemany(
            f"UPDATE {quote(SearchDocument._meta.db_table)} SET {quote('fingerprint')} = %s "
            f"WHERE {quote('id')} = %s",
            [(fp, document) for document, (_weights, fp) in changed.items()],
        )
    if inserts:
        _rows_insert(SearchPosting, ["document", "term", "weight"], inserts)


def _rows_insert(model, fields: Sequence[str], rows: list[tuple]) -> None:
    """Insert many rows at once, skipping rows that already exist (a concurrent update may have
    added the same term). Plain SQL that SQLite and PostgreSQL both speak; the ORM's per-object
    overhead would make a national rebuild take minutes."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(f).column) for f in fields)
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # One prepared statement run per row inside SQLite: its fastest path.
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES {row_sql} ON CONFLICT DO NOTHING", rows
            )
            return
        per_statement = max(1, 30_000 // len(fields))  # PostgreSQL allows 65,535 parameters
        for chunk in _batched(rows, per_statement):
            values = ", ".join([row_sql] * len(chunk))
            params = [value for row in chunk for value in row]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values} ON CONFLICT DO NOTHING", params
            )


# --- querying ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    """A word of the query and the ids of the index terms it matches."""

    word: str
    exact_ids: frozenset[int]
    fuzzy_ids: frozenset[int]  # by prefix or with one typo

    @property
    def term_ids(self) -> frozenset[int]:
        return self.exact_ids | self.fuzzy_ids


def query_words(query: str) -> list[str]:
    """The words of a query that take part in matching; stop words only when there is nothing
    else ("de" alone still searches)."""
    folded = [w for w in _WORD.findall(fold(query or "")) if len(w) <= TERM_MAX_LENGTH]
    meaningful = [w for w in folded if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(meaningful or folded))[:MAX_QUERY_WORDS]


def query_expand(query: str) -> list[QueryWord]:
    """Each query word with the index terms it matches (exactly, by prefix or with a typo)."""
    plain = query_words(query)
    if not plain:
        return []
    forms = {w: {w, stem(w)} for w in plain}
    bases = {w: {f for f in forms[w] if len(f) >= PREFIX_MIN_LENGTH} for w in plain}
    typo_forms = {
        w: {f for f in forms[w] if len(f) >= VARIANT_MIN_LENGTH}
        for w in plain
        if len(w) >= TYPO_MIN_LENGTH
    }
    # Exact and prefix matches and typo candidates (by deletion neighbourhood) in one query.
    neighbourhood = set()
    for fs in typo_forms.values():
        for f in fs:
            neighbourhood.add(f)
            neighbourhood.update(deletions(f))
    texts = neighbourhood.union(*forms.values())
    terms = SearchTerm.objects.filter(
        _prefix_q({b for bs in bases.values() for b in bs}) | Q(text__in=texts)
    ).values_list("text", "id")
    if neighbourhood:
        terms = terms.union(
            SearchTermVariant.objects.filter(variant__in=neighbourhood).values_list(
                "term__text", "term_id"
            )
        )
    found = dict(terms)

    exact = {w: forms[w] & found.keys() for w in plain}
    fuzzy: dict[str, set[str]] = {}
    for w in plain:
        prefixed = sorted(
            (t for t in found if any(t.startswith(b) for b in bases[w])),
            key=lambda t: (len(t), t),
        )
        fuzzy[w] = set(prefixed[:MAX_TERMS_PER_PREFIX])
        near = {t for t in found if any(within_one_edit(f, t) for f in typo_forms.get(w, ()))}
        if near and not exact[w] and not fuzzy[w]:
            # Only typo matches: also take the compounds of the corrected word.
            corrected = {t for t in sorted(near, key=len)[:5] if len(t) >= PREFIX_MIN_LENGTH}
            compounds = dict(
                SearchTerm.objects.filter(_prefix_q(corrected)).values_list("text", "id")
            )
            found.update(compounds)
            near |= set(sorted(compounds, key=lambda t: (len(t), t))[:MAX_TERMS_PER_PREFIX])
        fuzzy[w] |= near

    # Postings hold stems: a word as written leads to its stem's postings.
    stems_needed = {stem(t) for t in found} - found.keys()
    if stems_needed:
        found.update(SearchTerm.objects.filter(text__in=stems_needed).values_list("text", "id"))

    def ids_of(texts: set[str]) -> set[int]:
        return {found[u] for t in texts for u in (t, stem(t)) if u in found}

    result = []
    for w in plain:
        exact_ids = ids_of(exact[w])
        fuzzy_ids = ids_of(fuzzy[w]) - exact_ids
        result.append(QueryWord(w, frozenset(exact_ids), frozenset(fuzzy_ids)))
    return result


def _prefix_q(bases: Iterable[str]) -> Q:
    """Terms starting with any of the bases."""
    condition = Q(pk__in=[])
    for base in bases:
        if connection.vendor == "sqlite":
            # SQLite's LIKE ignores case, so it cannot use the index; this range on the
            # (binary, code point ordered) index holds exactly the terms with the prefix.
            upper = base[:-1] + chr(ord(base[-1]) + 1)
            condition |= Q(text__gte=base, text__lt=upper)
        else:
            # PostgreSQL: LIKE 'base%' uses the varchar_pattern_ops index Django adds.
            condition |= Q(text__startswith=base)
    return condition


def services_matching(
    services: QuerySet[Service], *, query: str, narrow: bool = False
) -> QuerySet[Service]:
    """Narrow `services` to those matching the query, best first (annotation `search_rank`),
    then by name. Without query words: all of them by name.

    `narrow` says the other filters already leave few services (one municipality, say): then
    each of those is ranked directly, instead of first listing every service that matches the
    words anywhere in the country."""
    expanded = query_expand(query)
    if not expanded:
        return services.order_by("name", "pk")
    all_ids = sorted(set().union(*(w.term_ids for w in expanded)))
    if not all_ids:
        return services.none()

    rank = None
    for w in expanded:
        whens = []
        if w.exact_ids:
            whens.append(
                When(
                    term_id__in=sorted(w.exact_ids),
                    then=F("weight") * 2 + (RANK_PER_WORD + 1),
                )
            )
        if w.fuzzy_ids:
            whens.append(
                When(term_id__in=sorted(w.fuzzy_ids), then=F("weight") * 2 + RANK_PER_WORD)
            )
        if whens:
            best = Max(Case(*whens, default=Value(0)))
            rank = best if rank is None else rank + best

    postings = SearchPosting.objects.filter(term_id__in=all_ids)
    if narrow:
        ranks = postings.filter(document__service_id=OuterRef("pk"))
        services = services.annotate(search_rank=Subquery(_grouped(ranks, rank))).filter(
            search_rank__gt=0
        )
    else:
        ranks = postings.filter(document_id=OuterRef("search_document__id"))
        services = services.filter(search_document__in=postings.values("document_id")).annotate(
            search_rank=Subquery(_grouped(ranks, rank))
        )
    return services.order_by("-search_rank", "name", "pk")


def _grouped(postings: QuerySet, rank) -> QuerySet:
    return postings.order_by().values("document_id").annotate(rank=rank).values("rank")
