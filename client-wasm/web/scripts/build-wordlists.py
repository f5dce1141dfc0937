#!/usr/bin/env python3
"""Build the passphrase word lists in src/wordlists/ (see src/wordlists/README.md).

Inputs: Debian's word lists (packages wfrench, wdutch, wamerican, in /usr/share/dict) and,
to rank words by how common they are, the Python package `wordfreq` (3.1.1).
Run from client-wasm/web:  python3 scripts/build-wordlists.py
"""
import re
import sys
from pathlib import Path

from wordfreq import top_n_list

SIZE = 2048
DICTS = {"fr": "french", "nl": "dutch", "en": "american-english"}
HERE = Path(__file__).resolve().parent.parent / "src" / "wordlists"

# Words left out even when common: offensive, sexual, violent, drug-related, or likely to
# hurt or frighten someone who is homeless (police, prison, death, illness, poverty, ...).
BLOCK = {
    "fr": """
    merde putain salope salaud connard connasse conne connerie baiser bite couille cul enculer
    pute puta foutre chier nique niquer bordel batard cochon gros grosse idiot imbecile debile
    nazi negre pede tapette gouine sexe sexy sexuel viol violer violence tuer tueur meurtre
    mort morte mourir mourant suicide cadavre sang arme armes fusil bombe guerre drogue drogues
    alcool ivre cocaine heroine police policier prison detenu crime criminel voleur vol voler
    pauvre misere sdf clochard mendiant malade maladie cancer sida virus haine hitler juif
    islam arabe noir noire blanc blanche race dieu diable enfer satan nu nue nus porno
    racisme raciste culte jacques canada paris france belgique bruxelles religion
    """,
    "nl": """
    kut lul pik neuk neuken hoer hoeren kanker klootzak eikel sukkel idioot debiel flikker
    homo nazi neger seks sexy verkrachten geweld doden dood dode moord moorden moordenaar
    zelfmoord bloed wapen wapens geweer bom oorlog drugs drank dronken cocaine politie
    agent gevangenis cel misdaad dief diefstal stelen arm armoede dakloos dakloze bedelaar
    ziek ziekte virus aids haat hitler jood islam arabier zwart blank ras god duivel hel
    naakt porno kont tieten poep pies religie racisme
    """,
    "en": """
    fuck fucking shit bitch bastard damn dick cock pussy cunt whore slut piss crap porn sexy
    sex sexual rape raped kill killed killer killing murder dead death die dying suicide blood
    bloody weapon weapons guns bomb bombs war drugs drug drunk cocaine heroin police cops
    prison jail crime criminal thief steal stole poor poverty homeless beggar sick illness
    cancer virus aids hate hitler nazi jewish islam arab black white race god devil hell
    satan naked nude gay lesbian negro idiot stupid dumb retard moron ugly fat
    abuse abused racism racist religion
    """,
}

LETTERS = re.compile(r"^[a-z]{4,8}$")


def build(lang: str) -> list[str]:
    dict_words = Path("/usr/share/dict", DICTS[lang]).read_text(encoding="utf-8").split("\n")
    all_words = set(dict_words)
    # Proper nouns: the dictionaries list them capitalised. Keep only words listed in lower
    # case and NOT also listed capitalised (which drops "mark"/"Mark", "olivier"/"Olivier").
    lower = {w for w in all_words if w and w == w.lower() and w.capitalize() not in all_words}
    # every language's block list applies to every list (loanwords: Dutch "fuck", ...)
    block = {w for words in BLOCK.values() for w in words.split()}
    chosen: list[str] = []
    seen: set[str] = set()
    for w in top_n_list(lang, 200_000):
        if len(chosen) >= SIZE:
            break
        if not LETTERS.match(w) or w not in lower or w in block:
            continue
        if any(w.startswith(b) for b in block if len(b) >= 5):
            continue
        # one form per stem: skip simple plurals / inflections of a word already chosen
        if w.endswith("s") and (w[:-1] in seen or w[:-2] in seen):
            continue
        if lang == "en" and (w.endswith("ed") or w.endswith("ing")) and (
            w[:-2] in seen or w[:-1] in seen or w[:-3] in seen or w[:-3] + "e" in seen
        ):
            continue
        if lang == "nl" and w.endswith("en") and (w[:-2] in seen or w[:-1] in seen):
            continue
        seen.add(w)
        chosen.append(w)
    if len(chosen) < SIZE:
        sys.exit(f"{lang}: only {len(chosen)} words")
    return sorted(chosen)


def main() -> None:
    for lang in DICTS:
        words = build(lang)
        (HERE / f"{lang}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        print(lang, len(words))


if __name__ == "__main__":
    main()
