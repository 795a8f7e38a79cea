"""Programmes (HSDS `program`) the demo services belong to: real, named Dutch programmes."""

PROGRAMS: dict[str, tuple[str, str]] = {
    "voorzorg": (
        "VoorZorg",
        "Intensieve huisbezoeken door een verpleegkundige voor jonge, kwetsbare vrouwen die hun "
        "eerste kind verwachten, van de zwangerschap tot het kind twee jaar is.",
    ),
    "stevig-ouderschap": (
        "Stevig Ouderschap",
        "Preventieve huisbezoeken door de jeugdgezondheidszorg aan ouders met extra zorgen, in "
        "het eerste levensjaar van het kind.",
    ),
    "centering-pregnancy": (
        "Centering Pregnancy",
        "Groepszorg tijdens de zwangerschap: controles en voorlichting samen met andere zwangeren.",
    ),
    "nu-niet-zwanger": (
        "Nu Niet Zwanger",
        "Gesprekken over kinderwens en anticonceptie met mensen in een kwetsbare situatie.",
    ),
    "samen-oplopen": (
        "Samen Oplopen",
        "Vrijwilligers die met (aanstaande) ouders meelopen in de eerste 1000 dagen.",
    ),
    "home-start": (
        "Home-Start",
        "Opvoedsteun door ervaren vrijwilligers bij gezinnen thuis (Humanitas).",
    ),
}
