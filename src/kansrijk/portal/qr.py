"""A QR code as inline SVG (no image file, no request to anyone): black squares on white,
with an accessible name."""

from __future__ import annotations

import qrcode
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def qr_svg(*, data: str, label: str, size: int = 200) -> SafeString:
    """The QR code of `data`; `label` is its accessible name (role="img")."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    path = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    return mark_safe(  # noqa: S308 (every text in it is escaped)
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img" '
        f'aria-label="{escape(label)}" viewBox="0 0 {count} {count}" width="{size}" '
        f'height="{size}" shape-rendering="crispEdges"><title>{escape(label)}</title>'
        f'<rect width="{count}" height="{count}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )
