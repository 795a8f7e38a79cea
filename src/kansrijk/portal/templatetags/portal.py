from django import template

register = template.Library()


@register.filter
def portal_components(names: str) -> list[str]:
    """Static paths of Utrecht component stylesheets (npm, served under "nlds/")."""
    return [f"nlds/{name}-css/dist/index.css" for name in names.split()]
