"""The four seed coalitions, their partner organisations and the demo log-ins.

Organisation names are real public organisations; every person is made up ("Demo ...").
"""

from django.utils.translation import gettext_noop

from kansrijk.accounts.constants import Role
from kansrijk.demo.data.places import (
    ARNHEM,
    DUIVEN,
    EDE,
    GELDERLAND_MIDDEN,
    HEERLEN,
    ZAANSTAD,
    ZEIST,
    ZUID_LIMBURG,
)
from kansrijk.demo.data.specs import Coalition, DemoUser, Partner
from kansrijk.organisations.constants import Domain

SITTARD_GELEEN = "GM1883"

PARTNERS: tuple[Partner, ...] = (
    # Zaanstad
    Partner("ggd-zw", "GGD Zaanstreek-Waterland", Domain.PUBLIC_HEALTH, ZAANSTAD),
    Partner("gemeente-zaanstad", "Gemeente Zaanstad", Domain.MUNICIPALITY, ZAANSTAD),
    Partner("verloskunde-zaanstad", "Verloskundigen Zaanstad", Domain.MEDICAL, ZAANSTAD),
    Partner("zmc", "Zaans Medisch Centrum", Domain.MEDICAL, ZAANSTAD),
    Partner("blijf-groep", "Blijf Groep", Domain.SOCIAL, ZAANSTAD),
    Partner("humanitas-zaanstreek", "Humanitas Zaanstreek", Domain.CIVIL_SOCIETY, ZAANSTAD),
    # Gelderland-Midden
    Partner("ggd-gm", "GGD Gelderland-Midden", Domain.PUBLIC_HEALTH, ARNHEM),
    Partner("gemeente-arnhem", "Gemeente Arnhem", Domain.MUNICIPALITY, ARNHEM),
    Partner("gemeente-ede", "Gemeente Ede", Domain.MUNICIPALITY, EDE),
    Partner("gemeente-duiven", "Gemeente Duiven", Domain.MUNICIPALITY, DUIVEN),
    Partner("vsv-kracht", "VSV Kracht", Domain.MEDICAL, ARNHEM),
    Partner("vsv-gelderse-vallei", "VSV Gelderse Vallei", Domain.MEDICAL, EDE),
    Partner("rijnstate", "Rijnstate", Domain.MEDICAL, ARNHEM),
    Partner("zgv", "Ziekenhuis Gelderse Vallei", Domain.MEDICAL, EDE),
    # Zuid-Limburg
    Partner("ggd-zl", "GGD Zuid-Limburg", Domain.PUBLIC_HEALTH, SITTARD_GELEEN),
    Partner("gemeente-heerlen", "Gemeente Heerlen", Domain.MUNICIPALITY, HEERLEN),
    Partner("zuyderland", "Zuyderland Medisch Centrum", Domain.MEDICAL, HEERLEN),
    Partner("verloskunde-heerlen", "Verloskundigen Heerlen", Domain.MEDICAL, HEERLEN),
    # Zeist
    Partner("ggd-ru", "GGD regio Utrecht", Domain.PUBLIC_HEALTH, ZEIST),
    Partner("gemeente-zeist", "Gemeente Zeist", Domain.MUNICIPALITY, ZEIST),
    Partner("verloskunde-zeist", "Verloskundigen Zeist", Domain.MEDICAL, ZEIST),
    Partner("samen-oplopen", "Samen Oplopen Zeist", Domain.CIVIL_SOCIETY, ZEIST),
    # Runs the platform for the coalitions (holds the administrator).
    Partner("kansrijk-beheer", "Kansrijk beheer (demo)", Domain.PUBLIC_HEALTH, ZAANSTAD),
)

COALITIONS: tuple[Coalition, ...] = (
    Coalition(
        "zaanstad",
        "Kansrijke Start Zaanstad",
        (ZAANSTAD,),
        (
            "ggd-zw",
            "gemeente-zaanstad",
            "verloskunde-zaanstad",
            "zmc",
            "blijf-groep",
            "humanitas-zaanstreek",
        ),
    ),
    Coalition(
        "gelderland-midden",
        "Kansrijke Start Gelderland-Midden",
        GELDERLAND_MIDDEN,
        (
            "ggd-gm",
            "gemeente-arnhem",
            "gemeente-ede",
            "gemeente-duiven",
            "vsv-kracht",
            "vsv-gelderse-vallei",
            "rijnstate",
            "zgv",
        ),
    ),
    Coalition(
        "zuid-limburg",
        "Kansrijke Start Zuid-Limburg",
        ZUID_LIMBURG,
        ("ggd-zl", "gemeente-heerlen", "zuyderland", "verloskunde-heerlen"),
    ),
    Coalition(
        "zeist",
        "Kansrijke Start Zeist",
        (ZEIST,),
        ("ggd-ru", "gemeente-zeist", "verloskunde-zeist", "samen-oplopen"),
    ),
)

P, C, PA, DE = Role.PROFESSIONAL, Role.COORDINATOR, Role.POLICY_ADVISER, Role.DIRECTORY_EDITOR

# `job` is an English msgid, translated when the log-ins are printed.
USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "verloskundige.zaanstad",
        "Demo",
        "Verloskundige Zaanstad",
        (P,),
        "verloskunde-zaanstad",
        "zaanstad",
        gettext_noop("midwife"),
    ),
    DemoUser(
        "hulpverlener.blijf",
        "Demo",
        "Hulpverlener Blijf Groep",
        (P,),
        "blijf-groep",
        "zaanstad",
        gettext_noop("social worker at the women's shelter (sees its confidential address)"),
    ),
    # Receives the midwife's referrals: Gemeente Zaanstad manages the wijkteams' directory
    # entries (demo/data/casework.py).
    DemoUser(
        "wijkteam.zaanstad",
        "Demo",
        "Wijkteammedewerker Zaanstad",
        (P,),
        "gemeente-zaanstad",
        "zaanstad",
        gettext_noop("social worker, sociaal wijkteam"),
    ),
    # A professional in the coalition who is party to none of the demo referrals: she cannot
    # open those clients (404, and the attempt is in the audit log).
    DemoUser(
        "jgz.zaanstad",
        "Demo",
        "JGZ-verpleegkundige Zaanstad",
        (P,),
        "ggd-zw",
        "zaanstad",
        gettext_noop("JGZ nurse (not involved in the demo referrals)"),
    ),
    DemoUser(
        "coordinator.zaanstad",
        "Demo",
        "Coördinator Zaanstad",
        (C,),
        "ggd-zw",
        "zaanstad",
        gettext_noop("coalition coordinator"),
    ),
    DemoUser(
        "beleid.zaanstad",
        "Demo",
        "Beleidsadviseur Zaanstad",
        (PA,),
        "gemeente-zaanstad",
        "zaanstad",
        gettext_noop("policy adviser"),
    ),
    DemoUser(
        "redacteur.zaanstad",
        "Demo",
        "Redacteur Sociale Kaart Zaanstad",
        (DE,),
        "gemeente-zaanstad",
        "zaanstad",
        gettext_noop("directory editor"),
    ),
    DemoUser(
        "jgz.ede",
        "Demo",
        "JGZ-verpleegkundige Ede",
        (P,),
        "ggd-gm",
        "gelderland-midden",
        gettext_noop("JGZ nurse"),
    ),
    DemoUser(
        "verloskundige.arnhem",
        "Demo",
        "Verloskundige Arnhem",
        (P,),
        "vsv-kracht",
        "gelderland-midden",
        gettext_noop("midwife"),
    ),
    DemoUser(
        "coordinator.gelderland",
        "Demo",
        "Coördinator Gelderland-Midden",
        (C,),
        "ggd-gm",
        "gelderland-midden",
        gettext_noop("coalition coordinator"),
    ),
    DemoUser(
        "beleid.arnhem",
        "Demo",
        "Beleidsadviseur Arnhem",
        (PA,),
        "gemeente-arnhem",
        "gelderland-midden",
        gettext_noop("policy adviser"),
    ),
    DemoUser(
        "redacteur.gelderland",
        "Demo",
        "Redacteur Sociale Kaart Gelderland-Midden",
        (DE,),
        "ggd-gm",
        "gelderland-midden",
        gettext_noop("directory editor"),
    ),
    DemoUser(
        "wijkwerker.heerlen",
        "Demo",
        "Maatschappelijk Werker Heerlen",
        (P,),
        "gemeente-heerlen",
        "zuid-limburg",
        gettext_noop("social worker"),
    ),
    DemoUser(
        "coordinator.zuidlimburg",
        "Demo",
        "Coördinator Zuid-Limburg",
        (C,),
        "ggd-zl",
        "zuid-limburg",
        gettext_noop("coalition coordinator"),
    ),
    DemoUser(
        "beleid.heerlen",
        "Demo",
        "Beleidsadviseur Heerlen",
        (PA,),
        "gemeente-heerlen",
        "zuid-limburg",
        gettext_noop("policy adviser"),
    ),
    DemoUser(
        "redacteur.zuidlimburg",
        "Demo",
        "Redacteur Sociale Kaart Zuid-Limburg",
        (DE,),
        "ggd-zl",
        "zuid-limburg",
        gettext_noop("directory editor"),
    ),
    DemoUser(
        "jgz.zeist",
        "Demo",
        "JGZ-verpleegkundige Zeist",
        (P,),
        "ggd-ru",
        "zeist",
        gettext_noop("JGZ nurse"),
    ),
    DemoUser(
        "coordinator.zeist",
        "Demo",
        "Coördinator Zeist",
        (C,),
        "ggd-ru",
        "zeist",
        gettext_noop("coalition coordinator"),
    ),
    DemoUser(
        "coordinator.samenoplopen",
        "Demo",
        "Coördinator Samen Oplopen",
        (C,),
        "samen-oplopen",
        "zeist",
        gettext_noop("volunteer coordinator (matches 1000-day volunteers with families)"),
    ),
    DemoUser(
        "vrijwilliger.samenoplopen",
        "Demo",
        "Vrijwilliger Samen Oplopen",
        (Role.VOLUNTEER,),
        "samen-oplopen",
        "zeist",
        gettext_noop(
            "1000-day volunteer (sees only her own families: first name, neighbourhood, "
            "contact route)"
        ),
    ),
    DemoUser(
        "beleid.zeist",
        "Demo",
        "Beleidsadviseur Zeist",
        (PA,),
        "gemeente-zeist",
        "zeist",
        gettext_noop("policy adviser"),
    ),
    DemoUser(
        "redacteur.zeist",
        "Demo",
        "Redacteur Sociale Kaart Zeist",
        (DE,),
        "gemeente-zeist",
        "zeist",
        gettext_noop("directory editor"),
    ),
    DemoUser(
        "beheerder",
        "Demo",
        "Beheerder",
        (Role.ADMIN,),
        "kansrijk-beheer",
        None,
        gettext_noop("administrator"),
    ),
)


# One signatory per partner of the coalitions with demo pathways: they agreed to the demo's
# zorgpaden. Only Gemeente Zaanstad's is printed, to try agreeing to a version in review.
PRINTED_SIGNATORY = "akkoord.gemeente-zaanstad"
SIGNATORIES: tuple[DemoUser, ...] = tuple(
    DemoUser(
        f"akkoord.{key}",
        "Demo",
        f"Ondertekenaar {partner_name}",
        (Role.PARTNER_SIGNATORY,),
        key,
        coalition.slug,
        gettext_noop("signs working agreements for the organisation"),
        printed=f"akkoord.{key}" == PRINTED_SIGNATORY,
    )
    for coalition in COALITIONS
    if coalition.slug in ("zaanstad", "zuid-limburg")
    for key in coalition.members
    for partner_name in [next(p.name for p in PARTNERS if p.key == key)]
)
