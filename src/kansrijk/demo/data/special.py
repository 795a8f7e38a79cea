"""Hand-written demo services on top of the standard set: per-district work in Zaanstad's focus
neighbourhoods, money and debt help, language groups, and what is particular to a region."""

from kansrijk.demo.data.directory import (
    ALL_PHASES,
    BABY,
    DEBTS,
    FATHERS,
    FIRST_1000,
    HOUSING,
    LANGUAGE,
    LIFESTYLE,
    LVB,
    MENTAL,
    MIGRANTS,
    NETWORK,
    PARENTING,
    PARENTS,
    PREGNANCY,
    PREGNANCY_CARE,
    PREGNANT,
    RESIDENCE,
    SUBSTANCE,
    TEENS,
    TODDLER,
    VIOLENCE,
    WISH,
    capacity_for,
    directory_org,
    fake_email,
    fake_phone,
    location_at,
    slugify,
    stable_number,
)
from kansrijk.demo.data.places import (
    ARNHEM,
    DUIVEN,
    EDE,
    HEERLEN,
    PLACES,
    ZAANSTAD,
    ZAANSTAD_FOCUS_DISTRICTS,
    ZEIST,
)
from kansrijk.demo.data.specs import DirectoryOrganization, ServiceSpec

SPECIAL_ORGANIZATIONS: tuple[DirectoryOrganization, ...] = (
    directory_org(
        "schuldhulpmaatje:zaanstad",
        "SchuldHulpMaatje Zaanstad",
        "Getrainde vrijwilligers die mensen met geldzorgen en schulden bijstaan.",
    ),
    directory_org(
        "leergeld:zaanstad",
        "Stichting Leergeld Zaanstad",
        "Helpt kinderen uit gezinnen met weinig geld om mee te doen.",
    ),
    directory_org(
        "babyspullen",
        "Stichting Babyspullen",
        "Geeft babypakketten aan zwangeren die weinig geld hebben.",
    ),
    directory_org(
        "mee:zaanstad",
        "MEE Zaanstreek",
        "Gratis cliëntondersteuning voor mensen met een beperking.",
    ),
    directory_org(
        "basis-ggz:zaanstad",
        "Basis-GGZ Zaanstad",
        "Kortdurende psychologische hulp, met een verwijzing van de huisarts.",
    ),
    directory_org(
        "vsv-kracht",
        "VSV Kracht",
        "Verloskundig samenwerkingsverband van verloskundigen, kraamzorg en Rijnstate in de "
        "regio Arnhem.",
        "vsv-kracht",
    ),
    directory_org(
        "vsv-gelderse-vallei",
        "VSV Gelderse Vallei",
        "Verloskundig samenwerkingsverband van verloskundigen, kraamzorg en Ziekenhuis Gelderse "
        "Vallei.",
        "vsv-gelderse-vallei",
    ),
    directory_org(
        "zgv",
        "Ziekenhuis Gelderse Vallei",
        "Ziekenhuis in Ede, met verloskunde, kindergeneeskunde en psychiatrie.",
        "zgv",
    ),
)


def _special(
    org_names: dict[str, str],
    *,
    slug: str,
    organization: str,
    code: str,
    areas: tuple[str, ...] | None = None,
    location: str | None = "",
    waitlist: int | None = None,
    **fields,
) -> ServiceSpec:
    """A hand-written service in municipality `code`; `location` names its place (None: none;
    "": the organisation's office in that municipality)."""
    key = f"service:special:{slug}"
    place = PLACES[code]
    locations = ()
    if location is not None:
        location_key = f"location:{organization}:{code}"
        if location:
            location_key += ":" + slugify(location)
        locations = (
            location_at(
                key=location_key,
                name=location or f"{org_names[organization]}, {place.city}",
                code=code,
                address_key=f"building:{code}:{slugify(location)}" if location else "",
            ),
        )
    capacity, wait_weeks = capacity_for(key, waitlist)
    return ServiceSpec(
        key=key,
        organization=organization,
        areas=areas or (code,),
        locations=locations,
        phone=fake_phone(place, key),
        email=fake_email(slug, org_names[organization]),
        capacity=capacity,
        wait_weeks=wait_weeks,
        verified_days_ago=10 + stable_number(key + ":verified", 120),
        **fields,
    )


def _zaanstad_districts(org_names) -> list[ServiceSpec]:
    services = []
    for code, district in ZAANSTAD_FOCUS_DISTRICTS.items():
        slug = district.lower().replace(" ", "-").replace("--", "-")
        services.append(
            _special(
                org_names,
                slug=f"wijkteam-{slug}",
                organization=f"gemeente:{ZAANSTAD}",
                code=ZAANSTAD,
                areas=(code,),
                location=f"Wijkcentrum {district}",
                name=f"Wijkteam {district}",
                description=(
                    f"Het sociaal wijkteam in {district}, voor vragen over geld en schulden, "
                    "wonen, opvoeden en veiligheid thuis. Op het inloopspreekuur kunt u zonder "
                    "afspraak binnenlopen."
                ),
                themes=(HOUSING, DEBTS, MENTAL, VIOLENCE, PARENTING),
                target_groups=(PREGNANT, PARENTS, MIGRANTS, LVB),
                phases=FIRST_1000,
                languages=("nl", "ar", "tr", "pl", "en"),
                schedule="walk_in_monday",
                application_process="Loop binnen of bel. Een hulpverlener mag u ook aanmelden.",
            )
        )
        services.append(
            _special(
                org_names,
                slug=f"kansrijke-start-spreekuur-{slug}",
                organization=f"cjg:{ZAANSTAD}",
                code=ZAANSTAD,
                areas=(code,),
                location=f"Wijkcentrum {district}",
                name=f"Kansrijke Start-spreekuur {district}",
                description=(
                    f"Voor zwangeren en ouders met een baby in {district}: een "
                    "jeugdverpleegkundige en iemand van het wijkteam samen. Voor vragen over de "
                    "zwangerschap, de baby, geld, wonen en stress."
                ),
                themes=(PREGNANCY_CARE, PARENTING, NETWORK),
                target_groups=(PREGNANT, PARENTS, FATHERS),
                phases=(PREGNANCY, BABY),
                languages=("nl", "ar", "tr", "en"),
                schedule="walk_in_thursday",
                application_process="Loop binnen. Aanmelden is niet nodig.",
            )
        )
    return services


def _zaanstad(org_names) -> list[ServiceSpec]:
    z = ZAANSTAD
    gemeente, cjg = f"gemeente:{z}", f"cjg:{z}"
    focus = tuple(ZAANSTAD_FOCUS_DISTRICTS)
    return [
        _special(
            org_names,
            slug="budgetcoaching-poelenburg",
            organization="humanitas:zaanstad",
            code=z,
            areas=("WK047912",),
            location="Wijkcentrum Poelenburg",
            name="Budgetcoaching Poelenburg",
            description=(
                "Vrijwillige budgetcoaches in Poelenburg helpen gezinnen met een baby die schulden "
                "hebben of bang zijn om schulden te krijgen. Samen zet u uw geld en post op orde. "
                "Ook in het Turks en Arabisch."
            ),
            themes=(DEBTS, NETWORK),
            target_groups=(PARENTS, PREGNANT, MIGRANTS),
            phases=FIRST_1000,
            languages=("nl", "tr", "ar"),
            schedule="appointment",
            waitlist=3,
            application_process="Bel of loop binnen bij het wijkcentrum.",
        ),
        _special(
            org_names,
            slug="geldcafe-pelders-hoornseveld",
            organization=gemeente,
            code=z,
            areas=("WK047913",),
            location="Wijkcentrum Pelders- en Hoornseveld",
            name="Geldcafé Pelders- en Hoornseveld",
            description=(
                "Elke week een inloop voor vragen over geld, post, toeslagen en schulden. "
                "Vrijwilligers en een schuldhulpverlener van de gemeente helpen u meteen op weg."
            ),
            themes=(DEBTS,),
            target_groups=(PARENTS, PREGNANT),
            phases=FIRST_1000,
            languages=("nl", "tr", "ar", "pl"),
            schedule="walk_in_wednesday",
            application_process="Loop binnen. Neem uw post mee.",
        ),
        _special(
            org_names,
            slug="schuldhulpmaatje-zaanstad",
            organization="schuldhulpmaatje:zaanstad",
            code=z,
            location=None,
            name="SchuldHulpMaatje Zaanstad",
            description=(
                "Een schuldhulpmaatje is een getrainde vrijwilliger die naast u staat als u "
                "schulden hebt. Het maatje helpt met brieven, gaat mee naar afspraken en blijft "
                "tot het weer lukt."
            ),
            themes=(DEBTS, NETWORK),
            target_groups=(PARENTS, PREGNANT, LVB),
            phases=FIRST_1000,
            schedule="appointment",
            waitlist=5,
            application_process="Meld u aan via de website of bel.",
        ),
        _special(
            org_names,
            slug="leergeld-zaanstad",
            organization="leergeld:zaanstad",
            code=z,
            location=None,
            name="Stichting Leergeld Zaanstad",
            description=(
                "Voor gezinnen met weinig geld: hulp bij kosten voor school, sport en spullen, en "
                "uitleg over de regelingen van de gemeente voor gezinnen met een laag inkomen."
            ),
            themes=(DEBTS,),
            target_groups=(PARENTS,),
            phases=(TODDLER,),
            schedule="appointment",
            application_process="Bel of meld u aan via de website. Iemand komt bij u langs.",
        ),
        _special(
            org_names,
            slug="vroegsignalering-schulden-zaanstad",
            organization=gemeente,
            code=z,
            location=None,
            name="Vroegsignalering schulden Zaanstad",
            description=(
                "Hebt u een achterstand bij de huur, energie, water of zorgverzekering? Dan krijgt "
                "u een brief of bezoek van de gemeente. Zo kunnen we helpen voordat het grote "
                "schulden worden."
            ),
            themes=(DEBTS, HOUSING),
            target_groups=(PARENTS, PREGNANT),
            phases=FIRST_1000,
            languages=("nl", "en", "tr"),
            schedule="office",
            application_process="U hoeft niets te doen: wij nemen contact op. Bellen mag ook.",
        ),
        _special(
            org_names,
            slug="sociaal-raadslieden-zaanstad",
            organization=gemeente,
            code=z,
            name="Sociaal raadslieden Zaanstad",
            description=(
                "Gratis advies over toeslagen, uitkeringen, belastingen, formulieren en brieven "
                "van instanties. Ook bij beginnende schulden."
            ),
            themes=(DEBTS, LANGUAGE),
            target_groups=(PARENTS, PREGNANT, MIGRANTS),
            phases=FIRST_1000,
            languages=("nl", "tr", "ar", "en"),
            schedule="walk_in_tuesday",
            application_process="Loop binnen tijdens het spreekuur of maak een afspraak.",
        ),
        _special(
            org_names,
            slug="formulierenhulp-zaandam-zuid",
            organization=f"bibliotheek:{z}",
            code=z,
            areas=("WK047911",),
            location="Bibliotheek Zaandam Zuid",
            name="Formulierenhulp Zaandam Zuid",
            description=(
                "Hulp bij het invullen van formulieren, bij DigiD, toeslagen en het lezen van "
                "brieven. Zo voorkomt u boetes en schulden."
            ),
            themes=(DEBTS, LANGUAGE),
            target_groups=(MIGRANTS, PARENTS, LVB),
            phases=ALL_PHASES,
            languages=("nl", "ar", "tr", "uk"),
            schedule="walk_in_wednesday",
            application_process="Loop binnen. Neem uw brieven en uw DigiD mee.",
        ),
        _special(
            org_names,
            slug="energiecoach-zaanstad",
            organization=gemeente,
            code=z,
            location=None,
            name="Energiecoach Zaanstad",
            description=(
                "Een energiecoach komt gratis bij u thuis en helpt u energie en geld te besparen, "
                "bijvoorbeeld met tochtstrips en uitleg over uw energierekening."
            ),
            themes=(DEBTS, HOUSING),
            target_groups=(PARENTS, PREGNANT),
            phases=FIRST_1000,
            languages=("nl", "tr", "pl"),
            schedule="appointment",
            application_process="Bel of meld u aan via de website.",
        ),
        _special(
            org_names,
            slug="babyspullen-zaanstad",
            organization="babyspullen",
            code=z,
            location=None,
            name="Babypakket Zaanstad (Stichting Babyspullen)",
            description=(
                "Zwangeren met weinig geld krijgen een pakket met de eerste babyspullen, zoals "
                "kleertjes, een badje en een draagzak."
            ),
            themes=(DEBTS, PREGNANCY_CARE),
            target_groups=(PREGNANT,),
            phases=(PREGNANCY,),
            schedule="appointment",
            self_referral=False,
            application_process="Uw verloskundige of hulpverlener vraagt het pakket voor u aan.",
        ),
        _special(
            org_names,
            slug="mama-cafe-rosmolenwijk",
            organization="humanitas:zaanstad",
            code=z,
            areas=("WK047914",),
            location="Wijkcentrum Rosmolenwijk",
            name="Mama-café Rosmolenwijk",
            description=(
                "Elke vrijdagochtend koffie en thee voor moeders en zwangeren uit de buurt. "
                "Kinderen mogen mee. U leert andere moeders kennen en oefent Nederlands."
            ),
            themes=(NETWORK, LANGUAGE),
            target_groups=(PARENTS, PREGNANT, MIGRANTS),
            phases=FIRST_1000,
            languages=("nl", "ar", "tr", "ti"),
            schedule="group_friday",
            application_process="Kom gewoon langs.",
        ),
        _special(
            org_names,
            slug="jonge-ouders-groep-zaanstad",
            organization=cjg,
            code=z,
            name="Groep voor jonge ouders Zaanstad",
            description=(
                "Een groep voor ouders tot 23 jaar. Samen praten over de baby, school of werk, "
                "geld en wonen, met een jeugdverpleegkundige erbij."
            ),
            themes=(PARENTING, NETWORK),
            target_groups=(TEENS,),
            phases=(PREGNANCY, BABY, TODDLER),
            schedule="group_wednesday",
            application_process="Meld u aan bij het CJG of vraag uw jeugdverpleegkundige.",
            maximum_age=23,
        ),
        _special(
            org_names,
            slug="vadergroep-zaanstad",
            organization=cjg,
            code=z,
            name="Vadergroep Zaanstad",
            description=(
                "Avonden voor (aanstaande) vaders: over vader worden, slapen, huilen, opvoeden en "
                "spanning thuis. Met andere vaders en een gespreksleider."
            ),
            themes=(PARENTING, NETWORK),
            target_groups=(FATHERS,),
            phases=(PREGNANCY, BABY, TODDLER),
            languages=("nl", "en", "tr"),
            schedule="evening_thursday",
            application_process="Meld u aan via het CJG.",
        ),
        _special(
            org_names,
            slug="sleutelpersonen-zaanstad",
            organization="ggd:zaanstad",
            code=z,
            areas=focus,
            location=None,
            name="Sleutelpersonen: voorlichting over zwangerschap in uw eigen taal",
            description=(
                "Getrainde sleutelpersonen uit de buurt geven thuis of in het wijkcentrum "
                "voorlichting over zwangerschap, de verloskundige, het consultatiebureau en "
                "vaccinaties, in het Arabisch, Turks, Tigrinya, Pools of Oekraïens."
            ),
            themes=(PREGNANCY_CARE, LANGUAGE),
            target_groups=(MIGRANTS, PREGNANT),
            phases=(WISH, PREGNANCY),
            languages=("ar", "tr", "ti", "pl", "uk", "nl"),
            schedule="appointment",
            application_process="Bel of app de GGD; u kunt ook uw verloskundige vragen.",
        ),
        _special(
            org_names,
            slug="informatiepunt-oekraiense-ouders-zaanstad",
            organization=gemeente,
            code=z,
            name="Informatiepunt voor Oekraïense ouders Zaanstad",
            description=(
                "Informatie en hulp voor ontheemden uit Oekraïne die een baby verwachten of een "
                "jong kind hebben: verblijf, zorgverzekering, verloskundige en consultatiebureau."
            ),
            themes=(RESIDENCE, LANGUAGE),
            target_groups=(MIGRANTS, PREGNANT, PARENTS),
            phases=FIRST_1000,
            languages=("uk", "nl", "en"),
            schedule="walk_in_tuesday",
            application_process="Loop binnen of bel.",
        ),
        _special(
            org_names,
            slug="gezinsbegeleiding-eritrese-statushouders",
            organization="refugee:zaanstad",
            code=z,
            name="Gezinsbegeleiding voor Eritrese statushouders",
            description=(
                "Een begeleider die Tigrinya spreekt helpt jonge gezinnen met papieren, "
                "gezinshereniging, de weg naar zorg en het opvoeden in Nederland."
            ),
            themes=(RESIDENCE, PARENTING),
            target_groups=(MIGRANTS, PARENTS, PREGNANT),
            phases=FIRST_1000,
            languages=("ti", "ar", "nl"),
            schedule="appointment",
            waitlist=4,
            application_process="Aanmelden via de gemeente of VluchtelingenWerk.",
        ),
        _special(
            org_names,
            slug="spreekuur-poolse-ouders-zaanstad",
            organization=gemeente,
            code=z,
            name="Spreekuur voor Poolse ouders Zaanstad",
            description=(
                "Een spreekuur in het Pools over werk en inkomen, huur, schulden, de "
                "verloskundige en het consultatiebureau."
            ),
            themes=(LANGUAGE, DEBTS),
            target_groups=(MIGRANTS, PARENTS, PREGNANT),
            phases=FIRST_1000,
            languages=("pl", "nl"),
            schedule="evening_thursday",
            application_process="Loop binnen.",
        ),
        _special(
            org_names,
            slug="mee-ouders-lvb-zaanstad",
            organization="mee:zaanstad",
            code=z,
            location=None,
            name="Cliëntondersteuning voor ouders met een licht verstandelijke beperking",
            description=(
                "Een cliëntondersteuner van MEE helpt ouders met een licht verstandelijke "
                "beperking bij opvoeden, geld, brieven en afspraken met instanties. Gratis."
            ),
            themes=(PARENTING, DEBTS),
            target_groups=(LVB, PARENTS, PREGNANT),
            phases=FIRST_1000,
            schedule="appointment",
            application_process="Bel zelf, of laat uw hulpverlener bellen.",
        ),
        _special(
            org_names,
            slug="centrale-toegang-opvang-zaanstreek",
            organization=gemeente,
            code=z,
            name="Centrale toegang maatschappelijke opvang Zaanstreek",
            description=(
                "Hebt u geen woonplek, of moet u binnenkort uit huis? Hier kunt u terecht voor "
                "opvang en hulp bij het vinden van een woonplek. Zwangeren en gezinnen met een "
                "baby gaan voor."
            ),
            themes=(HOUSING,),
            target_groups=(PREGNANT, PARENTS),
            phases=FIRST_1000,
            languages=("nl", "en", "pl"),
            schedule="office",
            application_process="Kom langs op werkdagen of bel.",
        ),
        _special(
            org_names,
            slug="basis-ggz-jonge-ouders-zaanstad",
            organization="basis-ggz:zaanstad",
            code=z,
            name="Basis-GGZ voor jonge ouders Zaanstad",
            description=(
                "Korte behandeling door een psycholoog bij somberheid, angst of stress rond de "
                "zwangerschap en het eerste jaar. Ook voor partners."
            ),
            themes=(MENTAL,),
            target_groups=(PREGNANT, PARENTS, FATHERS),
            phases=FIRST_1000,
            languages=("nl", "en", "tr"),
            schedule="office",
            cost="insured",
            self_referral=False,
            waitlist=6,
            application_process="Met een verwijzing van uw huisarts.",
        ),
        _special(
            org_names,
            slug="rookvrije-start-zaanstad",
            organization=f"verloskunde:{z}",
            code=z,
            name="Rookvrije Start Zaanstad",
            description=(
                "De verloskundige helpt u en uw partner om te stoppen met roken, met gesprekken "
                "en zo nodig hulpmiddelen. Voor een rookvrije zwangerschap en een rookvrij huis."
            ),
            themes=(LIFESTYLE, SUBSTANCE),
            target_groups=(PREGNANT, FATHERS),
            phases=(WISH, PREGNANCY, BABY),
            languages=("nl", "en", "tr", "ar"),
            schedule="appointment",
            cost="smoking",
            application_process="Vraag het uw verloskundige.",
        ),
        _special(
            org_names,
            slug="opvoedspreekuur-cjg-zaanstad",
            organization=cjg,
            code=z,
            name="Opvoedspreekuur CJG Zaanstad",
            description=(
                "Vragen over huilen, slapen, eten of driftbuien? Een pedagoog van het CJG denkt "
                "met u mee, op het spreekuur of aan de telefoon."
            ),
            themes=(PARENTING,),
            target_groups=(PARENTS, FATHERS),
            phases=(BABY, TODDLER),
            languages=("nl", "en", "ar"),
            schedule="walk_in_tuesday",
            application_process="Loop binnen of bel.",
        ),
    ]


def _gelderland_midden(org_names) -> list[ServiceSpec]:
    return [
        _special(
            org_names,
            slug="pop-poli-rijnstate",
            organization="hospital:gelderland-midden",
            code=ARNHEM,
            areas=(ARNHEM, DUIVEN),
            name="POP-poli Rijnstate",
            description=(
                "Polikliniek voor Psychiatrie, Obstetrie en Pediatrie. Voor zwangeren met "
                "psychische klachten, die medicijnen voor hun psyche gebruiken, of die alcohol of "
                "drugs gebruiken."
            ),
            themes=(MENTAL, PREGNANCY_CARE, SUBSTANCE),
            target_groups=(PREGNANT,),
            phases=(WISH, PREGNANCY, BABY),
            languages=("nl", "en"),
            cost="insured",
            self_referral=False,
            waitlist=3,
            application_process="Met een verwijzing van uw verloskundige, huisarts of gynaecoloog.",
        ),
        _special(
            org_names,
            slug="pop-poli-gelderse-vallei",
            organization="zgv",
            code=EDE,
            name="POP-poli Ziekenhuis Gelderse Vallei",
            description=(
                "Polikliniek voor Psychiatrie, Obstetrie en Pediatrie. Gynaecoloog, psychiater en "
                "kinderarts begeleiden samen zwangeren met psychische klachten of "
                "middelengebruik."
            ),
            themes=(MENTAL, PREGNANCY_CARE, SUBSTANCE),
            target_groups=(PREGNANT,),
            phases=(WISH, PREGNANCY, BABY),
            languages=("nl", "en"),
            cost="insured",
            self_referral=False,
            application_process="Met een verwijzing van uw verloskundige, huisarts of gynaecoloog.",
        ),
        _special(
            org_names,
            slug="centering-pregnancy-vsv-kracht",
            organization="vsv-kracht",
            code=ARNHEM,
            areas=(ARNHEM, DUIVEN),
            name="Centering Pregnancy VSV Kracht",
            program="centering-pregnancy",
            description=(
                "Zwangerschapszorg in een groep met andere zwangeren die rond dezelfde tijd "
                "uitgerekend zijn: de controles, uitleg en ervaringen delen."
            ),
            themes=(PREGNANCY_CARE, NETWORK),
            target_groups=(PREGNANT, MIGRANTS),
            phases=(PREGNANCY,),
            languages=("nl", "en", "ar"),
            schedule="group_wednesday",
            cost="midwife",
            application_process="Vraag uw verloskundige naar de volgende groep.",
        ),
        _special(
            org_names,
            slug="centering-pregnancy-gelderse-vallei",
            organization="vsv-gelderse-vallei",
            code=EDE,
            name="Centering Pregnancy Gelderse Vallei",
            program="centering-pregnancy",
            description=(
                "Zwangerschapszorg in een groep van acht tot twaalf zwangeren: tien bijeenkomsten "
                "met de controles en tijd om ervaringen te delen."
            ),
            themes=(PREGNANCY_CARE, NETWORK),
            target_groups=(PREGNANT,),
            phases=(PREGNANCY,),
            languages=("nl", "en"),
            schedule="group_wednesday",
            cost="midwife",
            application_process="Vraag uw verloskundige naar de volgende groep.",
        ),
        _special(
            org_names,
            slug="kwetsbare-zwangeren-vsv-kracht",
            organization="vsv-kracht",
            code=ARNHEM,
            areas=(ARNHEM, DUIVEN),
            location=None,
            name="Extra zorg voor zwangeren in een kwetsbare situatie (VSV Kracht)",
            description=(
                "Als er naast de zwangerschap zorgen zijn over geld, wonen, veiligheid of "
                "gezondheid, stemmen verloskundige, gynaecoloog, JGZ en wijkteam samen met u af "
                "wie wat doet."
            ),
            themes=(PREGNANCY_CARE, MENTAL),
            target_groups=(PREGNANT,),
            phases=(PREGNANCY, BABY),
            languages=("nl", "en", "ar"),
            cost="midwife",
            self_referral=False,
            application_process="Uw verloskundige bespreekt dit met u.",
        ),
        _special(
            org_names,
            slug="wijkteam-malburgen",
            organization=f"gemeente:{ARNHEM}",
            code=ARNHEM,
            areas=("WK020216", "WK020217", "WK020218"),
            location="Wijkcentrum Malburgen",
            name="Sociaal wijkteam Malburgen",
            description=(
                "Het wijkteam in Malburgen helpt bij geld en schulden, wonen, opvoeden en "
                "spanningen thuis. Inloop zonder afspraak."
            ),
            themes=(DEBTS, HOUSING, PARENTING, VIOLENCE),
            target_groups=(PARENTS, PREGNANT, MIGRANTS),
            phases=FIRST_1000,
            languages=("nl", "ar", "tr", "en"),
            schedule="walk_in_monday",
            application_process="Loop binnen of bel.",
        ),
        _special(
            org_names,
            slug="wijkteam-presikhaaf",
            organization=f"gemeente:{ARNHEM}",
            code=ARNHEM,
            areas=("WK020204", "WK020205"),
            location="Wijkcentrum Presikhaaf",
            name="Sociaal wijkteam Presikhaaf",
            description=(
                "Het wijkteam in Presikhaaf helpt bij geld en schulden, wonen, opvoeden en "
                "spanningen thuis. Inloop zonder afspraak."
            ),
            themes=(DEBTS, HOUSING, PARENTING, VIOLENCE),
            target_groups=(PARENTS, PREGNANT, MIGRANTS),
            phases=FIRST_1000,
            languages=("nl", "ar", "tr", "pl"),
            schedule="walk_in_tuesday",
            application_process="Loop binnen of bel.",
        ),
        _special(
            org_names,
            slug="gezinscoach-ede",
            organization=f"gemeente:{EDE}",
            code=EDE,
            location=None,
            name="Gezinscoach Ede",
            description=(
                "Een gezinscoach helpt gezinnen met meerdere problemen tegelijk, zoals schulden, "
                "opvoedvragen en psychische klachten. Eén plan voor het hele gezin."
            ),
            themes=(PARENTING, DEBTS, MENTAL),
            target_groups=(PARENTS, PREGNANT, LVB),
            phases=FIRST_1000,
            schedule="appointment",
            waitlist=4,
            application_process="Bel het sociaal loket van de gemeente Ede.",
        ),
    ]


def _zuid_limburg(org_names) -> list[ServiceSpec]:
    heerlen_noord = ("WK091712", "WK091720", "WK091721")
    return [
        _special(
            org_names,
            slug="gezinsspreekuur-heerlen-noord",
            organization=f"cjg:{HEERLEN}",
            code=HEERLEN,
            areas=heerlen_noord,
            location="Wijkcentrum Heerlen-Noord",
            name="Gezinsspreekuur Heerlen-Noord",
            description=(
                "Voor zwangeren en gezinnen met jonge kinderen in Hoensbroek, Vrieheide en "
                "Heerlerheide: JGZ en wijkteam samen, voor vragen over de baby, geld, wonen en "
                "stress."
            ),
            themes=(PARENTING, PREGNANCY_CARE, DEBTS),
            target_groups=(PREGNANT, PARENTS),
            phases=FIRST_1000,
            languages=("nl", "en", "ar", "pl"),
            schedule="walk_in_thursday",
            application_process="Loop binnen.",
        ),
        _special(
            org_names,
            slug="moedergroep-heerlen-centrum",
            organization="humanitas:zuid-limburg",
            code=HEERLEN,
            areas=("WK091733",),
            location="Buurthuis Heerlen-Centrum",
            name="Moedergroep Heerlen-Centrum",
            description=(
                "Wekelijkse ochtend voor moeders met een baby: samen koffie drinken, ervaringen "
                "delen en tips krijgen van een ervaren vrijwilliger."
            ),
            themes=(NETWORK, PARENTING),
            target_groups=(PARENTS, MIGRANTS),
            phases=(BABY, TODDLER),
            languages=("nl", "ar", "uk"),
            schedule="group_friday",
            application_process="Kom gewoon langs.",
        ),
        _special(
            org_names,
            slug="schuldhulp-jonge-gezinnen-heerlen",
            organization=f"gemeente:{HEERLEN}",
            code=HEERLEN,
            name="Snelle schuldhulp voor jonge gezinnen Heerlen",
            description=(
                "Zwangeren en ouders met een baby die schulden hebben krijgen binnen drie "
                "werkdagen een gesprek met een schuldhulpverlener."
            ),
            themes=(DEBTS,),
            target_groups=(PREGNANT, PARENTS),
            phases=FIRST_1000,
            languages=("nl", "en", "pl"),
            schedule="office",
            application_process="Bel, of laat de verloskundige of JGZ u aanmelden.",
        ),
    ]


def _zeist(org_names) -> list[ServiceSpec]:
    return [
        _special(
            org_names,
            slug="kansrijke-start-spreekuur-zeist-west",
            organization=f"cjg:{ZEIST}",
            code=ZEIST,
            areas=("WK035503",),
            location="Wijkcentrum Zeist-West",
            name="Kansrijke Start-spreekuur Zeist-West",
            description=(
                "Een spreekuur in de wijk voor zwangeren en ouders met een baby: JGZ, "
                "verloskundige en wijkteam op één plek."
            ),
            themes=(PREGNANCY_CARE, PARENTING, NETWORK),
            target_groups=(PREGNANT, PARENTS),
            phases=(PREGNANCY, BABY),
            languages=("nl", "en", "ar", "ti"),
            schedule="walk_in_thursday",
            application_process="Loop binnen.",
        ),
        _special(
            org_names,
            slug="gezinscoach-zeist",
            organization=f"gemeente:{ZEIST}",
            code=ZEIST,
            location=None,
            name="Gezinscoach Zeist",
            description=(
                "Een vaste coach voor gezinnen met meerdere zorgen tegelijk: geld, wonen, "
                "opvoeden, spanningen thuis."
            ),
            themes=(PARENTING, DEBTS, HOUSING),
            target_groups=(PARENTS, PREGNANT),
            phases=FIRST_1000,
            schedule="appointment",
            application_process="Bel het sociaal team van de gemeente.",
        ),
    ]


def special_services(org_names: dict[str, str]) -> list[ServiceSpec]:
    return (
        _zaanstad_districts(org_names)
        + _zaanstad(org_names)
        + _gelderland_midden(org_names)
        + _zuid_limburg(org_names)
        + _zeist(org_names)
    )
