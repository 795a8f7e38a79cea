"""Django admin for the parent sites and their pages. A page's form shows the plain-language
check of its Dutch text (read-only), as the editors' page does."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kansrijk.portal.constants import DEFAULT_LANGUAGE
from kansrijk.portal.models import Page, PageTranslation, ParentSite
from kansrijk.portal.plainlanguage import check_text


@admin.register(ParentSite)
class ParentSiteAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "coalition", "host_name", "is_active")
    list_filter = ("is_active", "coalition")
    search_fields = ("name", "slug", "host_name")
    filter_horizontal = ("municipalities",)


class PageTranslationInline(admin.StackedInline):
    model = PageTranslation
    extra = 0
    fields = ("language", "title", "summary", "body", "awaiting_check")


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("slug", "site", "kind", "phase", "topic", "review_due", "tested_with_parents")
    list_filter = ("site", "kind", "phase", "tested_with_parents")
    search_fields = ("slug", "translations__title")
    inlines = [PageTranslationInline]
    readonly_fields = ("plain_language_check", "updated_at", "lock_version")

    @admin.display(description=_("Plain-language check (Dutch)"))
    def plain_language_check(self, page: Page):
        if page.pk is None:
            return "-"
        dutch = page.translations.filter(language=DEFAULT_LANGUAGE).first()
        if dutch is None:
            return _("This page has no Dutch text.")
        check = check_text(f"{dutch.title}.\n{dutch.summary}\n{dutch.body}")
        if check.ok:
            return _("No long sentences, long words or rare words found.")
        long_sentences = format_html_join(
            "", "<li>{}</li>", ((sentence.text,) for sentence in check.long_sentences)
        )
        return format_html(
            "<p>{}</p><ul>{}</ul><p>{} {}</p><p>{} {}</p>",
            _("Long sentences:"),
            long_sentences,
            _("Long words:"),
            ", ".join(check.long_words) or "-",
            _("Rare words:"),
            ", ".join(check.rare_words) or "-",
        )
