"""The demo municipalities. Codes are CBS's (../shared/data/municipalities.csv); street names are
common ones, house numbers, postcode letters and phone numbers are invented."""

from kansrijk.demo.data.specs import Place

NH, GLD, LB, UT = "Noord-Holland", "Gelderland", "Limburg", "Utrecht"

ZAANSTAD = "GM0479"
EDE, ARNHEM, DUIVEN = "GM0228", "GM0202", "GM0226"
HEERLEN = "GM0917"
ZEIST = "GM0355"

# GGD Zuid-Limburg's 16 municipalities (ggd_code GG6106 in municipalities.csv).
ZUID_LIMBURG = (
    "GM0882",
    "GM0888",
    "GM0899",
    "GM0917",
    "GM0928",
    "GM0935",
    "GM0938",
    "GM0965",
    "GM0971",
    "GM0981",
    "GM0986",
    "GM0994",
    "GM1729",
    "GM1883",
    "GM1903",
    "GM1954",
)
GELDERLAND_MIDDEN = (ARNHEM, DUIVEN, EDE)

# Zaanstad's six focus neighbourhoods: CBS wijken (../shared/data/neighbourhoods.csv).
ZAANSTAD_FOCUS_DISTRICTS = {
    "WK047912": "Poelenburg",
    "WK047913": "Pelders- en Hoornseveld",
    "WK047911": "Zaandam Zuid",
    "WK047914": "Rosmolenwijk",
    "WK047915": "Kogerveldwijk",
    "WK047951": "Wormerveer",
}

_PLACES = (
    Place(
        ZAANSTAD,
        "Zaanstad",
        "Zaandam",
        NH,
        "1506",
        "075",
        ("Westzijde", "Gedempte Gracht", "Peperstraat", "Zuiddijk", "Vincent van Goghweg"),
    ),
    Place(ARNHEM, "Arnhem", "Arnhem", GLD, "6811", "026", ("Velperweg", "Rosendaalseweg")),
    Place(DUIVEN, "Duiven", "Duiven", GLD, "6921", "0316", ("Rijksweg", "Dorpsstraat")),
    Place(EDE, "Ede", "Ede", GLD, "6711", "0318", ("Stationsweg", "Grotestraat", "Molenstraat")),
    Place("GM0882", "Landgraaf", "Landgraaf", LB, "6371", "045", ("Hoofdstraat", "Kerkstraat")),
    Place("GM0888", "Beek", "Beek", LB, "6191", "046", ("Raadhuisplein", "Kerkstraat")),
    Place("GM0899", "Brunssum", "Brunssum", LB, "6441", "045", ("Lindeplein", "Kerkstraat")),
    Place(HEERLEN, "Heerlen", "Heerlen", LB, "6411", "045", ("Geleenstraat", "Akerstraat")),
    Place("GM0928", "Kerkrade", "Kerkrade", LB, "6461", "045", ("Markt", "Hoofdstraat")),
    Place("GM0935", "Maastricht", "Maastricht", LB, "6211", "043", ("Statensingel", "Markt")),
    Place("GM0938", "Meerssen", "Meerssen", LB, "6231", "043", ("Markt", "Beekstraat")),
    Place("GM0965", "Simpelveld", "Simpelveld", LB, "6369", "045", ("Markt", "Kerkstraat")),
    Place("GM0971", "Stein", "Stein", LB, "6171", "046", ("Raadhuisplein", "Kerkstraat")),
    Place("GM0981", "Vaals", "Vaals", LB, "6291", "043", ("Maastrichterlaan", "Kerkstraat")),
    Place("GM0986", "Voerendaal", "Voerendaal", LB, "6367", "045", ("Raadhuisplein", "Kerkplein")),
    Place("GM0994", "Valkenburg", "Valkenburg", LB, "6301", "043", ("Grotestraat", "Walramplein")),
    Place("GM1729", "Gulpen-Wittem", "Gulpen", LB, "6271", "043", ("Dorpsstraat", "Rijksweg")),
    Place("GM1883", "Sittard-Geleen", "Sittard", LB, "6131", "046", ("Markt", "Rijksweg Zuid")),
    Place("GM1903", "Eijsden-Margraten", "Margraten", LB, "6269", "043", ("Rijksweg", "Markt")),
    Place("GM1954", "Beekdaelen", "Nuth", LB, "6361", "045", ("Markt", "Stationstraat")),
    Place(ZEIST, "Zeist", "Zeist", UT, "3701", "030", ("Slotlaan", "Utrechtseweg", "Steynlaan")),
)

PLACES: dict[str, Place] = {place.code: place for place in _PLACES}
