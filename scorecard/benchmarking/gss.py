"""What an ONS (GSS) code says about an area, and the codes of the places sources name only by name.

The first three characters of a GSS code say what kind of area it is (ONS Register of Geographic Codes):
E06 unitary authorities, E07 non-metropolitan districts, E08 metropolitan districts, E09 London boroughs,
E10 counties, S12 Scottish council areas, W06 Welsh unitary authorities, N09 Northern Irish districts, and
E92/S92/W92/N92 the countries. The LGBF names Scotland's 32 councils in its own spellings; their codes follow.
"""

import re

CODE = re.compile(r"^[EJKLMNSW]\d{8}$")

KINDS_BY_PREFIX = {
    "E06": "unitary",
    "E07": "district",
    "E08": "metropolitan",
    "E09": "london_borough",
    "E10": "county",
    "S12": "scottish_council",
    "W06": "welsh_council",
    "N09": "northern_irish_council",
    "E92": "country",
    "S92": "country",
    "W92": "country",
    "N92": "country",
}

# Oflog's Entity_Name column, as a kind of council.
OFLOG_KINDS = {
    "unitary authorities": "unitary",
    "counties": "county",
    "metropolitan districts": "metropolitan",
    "london boroughs": "london_borough",
    "districts": "district",
}

SCOTTISH_COUNCILS = {
    "Aberdeen City": "S12000033",
    "Aberdeenshire": "S12000034",
    "Angus": "S12000041",
    "Argyll & Bute": "S12000035",
    "Clackmannanshire": "S12000005",
    "Dumfries & Galloway": "S12000006",
    "Dundee City": "S12000042",
    "East Ayrshire": "S12000008",
    "East Dunbartonshire": "S12000045",
    "East Lothian": "S12000010",
    "East Renfrewshire": "S12000011",
    "Edinburgh City": "S12000036",
    "Eilean Siar": "S12000013",
    "Falkirk": "S12000014",
    "Fife": "S12000047",
    "Glasgow City": "S12000049",
    "Highland": "S12000017",
    "Inverclyde": "S12000018",
    "Midlothian": "S12000019",
    "Moray": "S12000020",
    "North Ayrshire": "S12000021",
    "North Lanarkshire": "S12000050",
    "Orkney Islands": "S12000023",
    "Perth & Kinross": "S12000048",
    "Renfrewshire": "S12000038",
    "Scottish Borders": "S12000026",
    "Shetland Islands": "S12000027",
    "South Ayrshire": "S12000028",
    "South Lanarkshire": "S12000029",
    "Stirling": "S12000030",
    "West Dunbartonshire": "S12000039",
    "West Lothian": "S12000040",
}
SCOTTISH_CODES = {name.lower(): code for name, code in SCOTTISH_COUNCILS.items()}


def is_code(text: str) -> bool:
    return bool(CODE.match(text))


def kind_of(code: str) -> str:
    """The kind of council the code is for ("other" when its prefix says nothing we use)."""
    return KINDS_BY_PREFIX.get(code[:3].upper(), "other")


def scottish_code(name: str) -> str | None:
    return SCOTTISH_CODES.get(name.strip().lower())
