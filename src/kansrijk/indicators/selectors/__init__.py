"""Reads of the indicators app: the catalogue, areas, and the figures themselves.

Process indicators are read from the monthly aggregate (`services.aggregate_refresh`), outcome
and context indicators from imported open data. Every figure passes the small-number rule
before anyone sees it: no figure that rests on fewer than 10 people (`SMALL_NUMBER`), and
`suppress_complementary` hides a second figure where one hidden figure could be worked out
from a total shown beside it.

Other apps import this package; its modules are its own parts.
"""

from kansrijk.indicators.selectors.areas import (
    COALITION_LEVEL,
    WHOLE_SPAN,
    Area,
    area_coalition,
    area_country,
    area_ggd_region,
    area_municipality,
    area_neighbourhood,
    period_label,
    period_labels,
    period_start,
)
from kansrijk.indicators.selectors.catalogue import (
    has_synthetic_data,
    indicator_get,
    indicator_list,
    indicator_name,
    last_refresh,
)
from kansrijk.indicators.selectors.figures import (
    Figure,
    figure_from_value,
    median_of,
    suppress_complementary,
)
from kansrijk.indicators.selectors.outcomes import figures, outcome_figures, pooled_figures
from kansrijk.indicators.selectors.process import (
    NATIONAL,
    municipality_quarter_figures,
    process_figures,
)

__all__ = [
    "COALITION_LEVEL",
    "NATIONAL",
    "WHOLE_SPAN",
    "Area",
    "Figure",
    "area_coalition",
    "area_country",
    "area_ggd_region",
    "area_municipality",
    "area_neighbourhood",
    "figure_from_value",
    "figures",
    "has_synthetic_data",
    "indicator_get",
    "indicator_list",
    "indicator_name",
    "last_refresh",
    "median_of",
    "municipality_quarter_figures",
    "outcome_figures",
    "period_label",
    "period_labels",
    "period_start",
    "pooled_figures",
    "process_figures",
    "suppress_complementary",
]
