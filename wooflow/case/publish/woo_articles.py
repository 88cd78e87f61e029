"""Names and article texts of the Woo exemption grounds, for the decision letter.

The annex texts are a short, faithful paraphrase of the Wet open overheid (BWBR0045754), not
the official wording; the letter says so and points at wetten.overheid.nl. Keeping them as data
lets the letter quote exactly the articles it applies and nothing else.
"""

from __future__ import annotations

# code -> (name of the interest, article reference as cited in a letter)
GROUNDS: dict[str, tuple[str, str]] = {
    "5.1.1a": ("Eenheid van de Kroon", "artikel 5.1, eerste lid, onder a"),
    "5.1.1b": ("Veiligheid van de Staat", "artikel 5.1, eerste lid, onder b"),
    "5.1.1c": ("Vertrouwelijk verstrekte bedrijfs- en fabricagegegevens", "artikel 5.1, eerste lid, onder c"),
    "5.1.1d": ("Bijzondere persoonsgegevens", "artikel 5.1, eerste lid, onder d"),
    "5.1.1e": ("Nationale identificatienummers", "artikel 5.1, eerste lid, onder e"),
    "5.1.2a": ("Internationale betrekkingen", "artikel 5.1, tweede lid, onder a"),
    "5.1.2b": ("Economische of financiële belangen van de Staat", "artikel 5.1, tweede lid, onder b"),
    "5.1.2c": ("Opsporing en vervolging van strafbare feiten", "artikel 5.1, tweede lid, onder c"),
    "5.1.2d": ("Inspectie, controle en toezicht", "artikel 5.1, tweede lid, onder d"),
    "5.1.2e": ("Eerbiediging van de persoonlijke levenssfeer", "artikel 5.1, tweede lid, onder e"),
    "5.1.2f": ("Concurrentiegevoelige bedrijfs- en fabricagegegevens", "artikel 5.1, tweede lid, onder f"),
    "5.1.2g": ("Bescherming van het milieu", "artikel 5.1, tweede lid, onder g"),
    "5.1.2h": ("Beveiliging van personen of bedrijven", "artikel 5.1, tweede lid, onder h"),
    "5.1.2i": ("Goed functioneren van de Staat", "artikel 5.1, tweede lid, onder i"),
    "5.1.5": ("Onevenredige benadeling", "artikel 5.1, vijfde lid"),
    "5.2": ("Persoonlijke beleidsopvattingen", "artikel 5.2"),
}  # fmt: skip

_LID1 = (
    "Artikel 5.1, eerste lid (zakelijke weergave): het openbaar maken van informatie blijft "
    "achterwege voor zover dit: "
)
_LID2 = (
    "Artikel 5.1, tweede lid (zakelijke weergave): het openbaar maken van informatie blijft "
    "eveneens achterwege voor zover het belang daarvan niet opweegt tegen: "
)

ARTICLES: dict[str, str] = {
    "1.1": (
        "Artikel 1.1 (zakelijke weergave): iedereen heeft recht op toegang tot publieke "
        "informatie zonder daartoe een belang te stellen, behoudens bij wet gestelde beperkingen."
    ),
    "4.4": (
        "Artikel 4.4 (zakelijke weergave): het bestuursorgaan beslist zo spoedig mogelijk, doch "
        "uiterlijk binnen vier weken na ontvangst van het verzoek; het kan de termijn met ten "
        "hoogste twee weken verdagen indien de omvang of de gecompliceerdheid van de informatie "
        "dat rechtvaardigt. Wordt een derde in de gelegenheid gesteld een zienswijze te geven, "
        "dan wordt de termijn opgeschort tot die zienswijze is ontvangen of de termijn daarvoor "
        "is verstreken."
    ),
    "5.1.1a": _LID1 + "a. de eenheid van de Kroon in gevaar zou kunnen brengen;",
    "5.1.1b": _LID1 + "b. de veiligheid van de Staat zou kunnen schaden;",
    "5.1.1c": _LID1
    + "c. bedrijfs- en fabricagegegevens betreft die vertrouwelijk aan de overheid zijn meegedeeld;",
    "5.1.1d": _LID1
    + "d. bijzondere persoonsgegevens betreft als bedoeld in paragraaf 3.1 van de Uitvoeringswet "
    "AVG, tenzij de verstrekking kennelijk geen inbreuk op de persoonlijke levenssfeer maakt;",
    "5.1.1e": _LID1
    + "e. nationale identificatienummers betreft, tenzij de verstrekking kennelijk geen inbreuk "
    "op de persoonlijke levenssfeer maakt.",
    "5.1.2a": _LID2 + "a. de betrekkingen van Nederland met andere staten, met internationale "
    "organisaties en met Caribisch Nederland;",
    "5.1.2b": _LID2 + "b. de economische of financiële belangen van de Staat, andere "
    "publiekrechtelijke lichamen of bestuursorganen;",
    "5.1.2c": _LID2 + "c. de opsporing en vervolging van strafbare feiten;",
    "5.1.2d": _LID2 + "d. inspectie, controle en toezicht door bestuursorganen;",
    "5.1.2e": _LID2 + "e. de eerbiediging van de persoonlijke levenssfeer;",
    "5.1.2f": _LID2 + "f. de bescherming van andere dan in het eerste lid, onderdeel c, bedoelde "
    "concurrentiegevoelige bedrijfs- en fabricagegegevens;",
    "5.1.2g": _LID2 + "g. de bescherming van het milieu waarop deze informatie betrekking heeft;",
    "5.1.2h": _LID2 + "h. de beveiliging van personen of bedrijven en het voorkomen van sabotage;",
    "5.1.2i": _LID2 + "i. het goed functioneren van de Staat, andere publiekrechtelijke lichamen of "
    "bestuursorganen.",
    "5.1.5": (
        "Artikel 5.1, vijfde lid (zakelijke weergave): het openbaar maken van informatie kan "
        "achterwege blijven indien openbaarmaking tot onevenredige benadeling van een ander "
        "belang dan de in het eerste of tweede lid genoemde belangen zou leiden."
    ),
    "5.2": (
        "Artikel 5.2 (zakelijke weergave): in geval van een verzoek om informatie uit documenten "
        "opgesteld ten behoeve van intern beraad wordt geen informatie verstrekt over daarin "
        "opgenomen persoonlijke beleidsopvattingen; informatie over die opvattingen kan in niet "
        "tot personen herleidbare vorm worden verstrekt. Onder persoonlijke beleidsopvattingen "
        "vallen niet feiten, prognoses, beleidsalternatieven en andere onderdelen met een "
        "overwegend objectief karakter."
    ),
}

# Finding categories (CONTRACT) as a letter names them.
CATEGORY_WORDS = {
    "person": "namen",
    "email": "e-mailadressen",
    "phone": "telefoonnummers",
    "address": "adressen",
    "postcode": "postcodes",
    "iban": "bankrekeningnummers",
    "birthdate": "geboortedata",
    "plate": "kentekens",
    "signature": "handtekeningen",
    "bsn": "burgerservicenummers",
    "special_category": "bijzondere persoonsgegevens",
}
