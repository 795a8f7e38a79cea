"""The search index of the sociale kaart, maintained by directory.search (decision 0003).

Plain tables with B-tree indexes, so the same queries run on SQLite and PostgreSQL:

- SearchTerm: the vocabulary, every distinct normalised word (accent-folded, lower case) as
  written and as stemmed;
- SearchTermVariant: each term with one letter deleted, so a one-letter typo is an index lookup;
- SearchDocument: an integer key per service, so the postings stay small;
- SearchPosting: which stems occur in which service, with the weight of the best field.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

TERM_MAX_LENGTH = 40


class SearchTerm(models.Model):
    text = models.CharField(_("text"), max_length=TERM_MAX_LENGTH, unique=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.text


class SearchTermVariant(models.Model):
    variant = models.CharField(_("variant"), max_length=TERM_MAX_LENGTH)
    # DO_NOTHING: the index deletes variants before terms itself, in bulk.
    term = models.ForeignKey(
        SearchTerm,
        verbose_name=_("search term"),
        on_delete=models.DO_NOTHING,
        related_name="variants",
        db_index=False,
    )

    class Meta:
        verbose_name = _("search term variant")
        verbose_name_plural = _("search term variants")
        constraints = [
            models.UniqueConstraint(fields=["variant", "term"], name="search_variant_unique")
        ]
        indexes = [models.Index(fields=["term"], name="search_variant_term")]


class SearchDocument(models.Model):
    service = models.OneToOneField(
        "directory.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    # Hash of the indexed stems and weights: a rebuild skips documents that did not change.
    fingerprint = models.BigIntegerField(_("fingerprint"), null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")


class SearchPosting(models.Model):
    # Derived data, written in bulk by directory.search: no database foreign keys, whose
    # per-row checks would double the cost of a rebuild (Django still cascades deletes).
    pk = models.CompositePrimaryKey("document", "term")
    document = models.ForeignKey(
        SearchDocument,
        verbose_name=_("search document"),
        on_delete=models.CASCADE,
        related_name="postings",
        db_index=False,
        db_constraint=False,
    )
    term = models.ForeignKey(
        SearchTerm,
        verbose_name=_("search term"),
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    weight = models.PositiveSmallIntegerField(_("weight"))

    class Meta:
        verbose_name = _("search posting")
        verbose_name_plural = _("search postings")
        indexes = [
            # Covering: find the documents of a term and their weight without the table.
            models.Index(fields=["term", "document", "weight"], name="search_posting_term"),
        ]
