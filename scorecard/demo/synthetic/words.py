"""The words a synthetic council is made of: its structure, its measures' titles and its commentary.

Modelled on the Derby seeds: commentary runs to a few sentences (the demo's median is 240 characters).
"""

from __future__ import annotations

import random

COUNCIL = "Synthetic City Council"
TEAM = "Performance and Intelligence Team"
DIRECTORATES = {  # name → the prefix of its measures' codes
    "Communities & Place": "CP",
    "Organisation & Governance": "OG",
    "People Services": "PS",
    "Corporate Resources": "CR",
    "Adults, Health & Housing": "AH",
    "Children & Young People": "CY",
}
PLEDGES = {
    "Safe City": ["Protecting Vulnerable Children and Adults", "Reducing Crime and Anti-social Behaviour"],
    "Strong City": ["Enabling Individuals and Communities", "Promoting Health and Wellbeing", "Cleaner Streets"],
    "Ambitious City": ["Supporting Job Creation and Regeneration", "Raising Achievement and Skills", "Better Homes"],
    "Resilient Council": ["Being More Commercial", "Delivering Services Differently", "Making the Most of Our Assets"],
}
PERSPECTIVES = ["Business Processes", "Community and Service User", "People", "Value for Money"]
PORTFOLIOS = [
    "Leader",
    "Adults and Health",
    "Children and Young People",
    "Housing and Advice",
    "Regeneration",
    "Streetpride",
    "Finance and Governance",
    "Communities",
]

SUBJECTS = [
    "households in temporary accommodation",
    "children looked after per 10,000 population",
    "adults supported to live independently",
    "working days lost to sickness absence",
    "online transactions",
    "fly-tipping incidents cleared within two days",
    "planning applications decided on time",
    "council tax collected",
    "young people not in education, employment or training",
    "visits to libraries and leisure centres",
    "delayed transfers of care",
    "repairs completed at the first visit",
    "invoices paid within 30 days",
    "residents satisfied with their neighbourhood",
    "homes brought back into use",
    "pupils achieving the expected standard",
]
ACTION_VERBS = ["Deliver", "Review", "Introduce", "Complete", "Launch", "Consult on", "Implement"]
ACTION_OBJECTS = [
    "the Energy Management Policy",
    "a new customer contact strategy",
    "the city centre regeneration masterplan",
    "the adult social care transformation programme",
    "a single front door for early help",
    "the depot rationalisation project",
    "the digital skills programme for staff",
]

CONTEXT = [
    "Performance this quarter reflects {change} demand compared with the same period last year.",
    "The figure is based on {source}, which was validated with the service before submission.",
    "{count} cases were recorded this quarter, {direction} on the previous quarter.",
    "Staffing pressures in the team have affected capacity during the quarter.",
    "The service has seen a {change} number of referrals following the change in eligibility criteria.",
    "The data for this quarter is provisional and may change once the year-end return is finalised.",
    "Benchmarking against our nearest neighbours places the council in the {quartile} quartile.",
]
ACTIONS_TAKEN = [
    "A recovery plan has been agreed with the head of service and is reviewed monthly.",
    "Additional agency staff were brought in during {month} to clear the backlog.",
    "The team has introduced a weekly case review to identify delays earlier.",
    "A new triage process went live in {month}, and early results are encouraging.",
    "Officers are working with partners to share data and target resources more closely.",
    "Training on the recording system has been given to {count} members of staff.",
]
INTERVENTIONS = [
    "The directorate management team will review progress at its next meeting.",
    "A deep-dive review is scheduled for the next Scrutiny Board.",
    "No further intervention is proposed while the recovery plan is delivered.",
    "The target will be considered at the mid-year review in light of rising demand.",
    "Progress will be reported to Cabinet in the next quarterly report.",
]
CHANGES = ["higher", "lower", "rising", "falling", "steady"]
SOURCES = ["the case management system", "the monthly finance ledger", "the national data return", "a sample audit"]
MONTHS = ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January"]
QUARTILES = ["top", "second", "third", "bottom"]


def paragraph(rng: random.Random, sentences: list[str], most: int) -> str:
    """A few sentences (one to `most`), their blanks filled in."""
    chosen = rng.sample(sentences, rng.randint(1, most))
    return " ".join(filled(rng, sentence) for sentence in chosen)


def filled(rng: random.Random, sentence: str) -> str:
    return sentence.format(
        change=rng.choice(CHANGES),
        source=rng.choice(SOURCES),
        count=rng.randint(12, 900),
        direction=rng.choice(["up", "down"]),
        quartile=rng.choice(QUARTILES),
        month=rng.choice(MONTHS),
    )


def measure_title(rng: random.Random) -> str:
    return f"{rng.choice(['Number of', 'Percentage of', 'Rate of'])} {rng.choice(SUBJECTS)}"


def action_title(rng: random.Random, number: int) -> str:
    return f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_OBJECTS)} (phase {number})"
