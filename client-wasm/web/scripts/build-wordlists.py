#!/usr/bin/env python3
"""Build the passphrase word lists in src/wordlists/ (see src/wordlists/README.md).

Inputs: Debian's word lists (packages wfrench, wdutch, wamerican, in /usr/share/dict); to rank
words by how common they are, the Python package `wordfreq` (3.1.1); to leave out first names,
the first-name dictionary shipped in the Python package `gender-guesser` (0.4.0).
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
    flic flics suspect victime coupable accuse avocat juge jugement juger tribunal amende
    attentat couteau frapper frappe battre battu blessure blesse soldat soldats fraude
    mensonge honte malheur pleurer triste douleur faim froid dette dettes cellule cellules
    migrant migrants morts folle fous fou foutu fout baise sale perdu perte peur danger
    tombe aveugle cible joint tabac vins biere urgence menace arrestation expulsion tirer
    juges assaut asile panique chiant divorce monstre survivre mentale crainte arsenal
    provoque moche
    """,
    "nl": """
    kut lul pik neuk neuken hoer hoeren kanker klootzak eikel sukkel idioot debiel flikker
    homo nazi neger seks sexy verkrachten geweld doden dood dode moord moorden moordenaar
    zelfmoord bloed wapen wapens geweer bom oorlog drugs drank dronken cocaine politie
    agent gevangenis cel misdaad dief diefstal stelen arm armoede dakloos dakloze bedelaar
    ziek ziekte virus aids haat hitler jood islam arabier zwart blank ras god duivel hel
    naakt porno kont tieten poep pies religie racisme
    aanslag aanval advocaat angst bang bedreigd bier boete dader gevaar gevangen gewond graf
    huilen kapot klap koud leger honger opgepakt paniek pijn ramp rechter rechtbank roken
    ruzie schande schuld slaan soldaat soldaten sterven stierf stom straf vechten verdacht
    verdriet verlies verliezen verloren vijand vuil wijn slachtoffer
    kogels ontvoerd plegen gestoken verbrand lijk gepakt
    """,
    "en": """
    fuck fucking shit bitch bastard damn dick cock pussy cunt whore slut piss crap porn sexy
    sex sexual rape raped kill killed killer killing murder dead death die dying suicide blood
    bloody weapon weapons guns bomb bombs war drugs drug drunk cocaine heroin police cops
    prison jail crime criminal thief steal stole poor poverty homeless beggar sick illness
    cancer virus aids hate hitler nazi jewish islam arab black white race god devil hell
    satan naked nude gay lesbian negro idiot stupid dumb retard moron ugly fat
    abuse abused racism racist religion
    accident afraid alcohol alone army arrest attack awful beat beer blame blind broke cold
    court crash crazy crying danger debt dirty disaster disease enemy evil fail failed
    failure fault fear fight guard guilty horrible hospital hungry hunting hurt illegal
    injured injury insane judge knife lawyer lies loss lost officer pain scared shame shot
    soldier sword tears terrible threat trash trial trouble violent worst weird suspect
    victim accused shoot funeral gang joint fought wine
    asshole beating kills shots blast commit ethnic priest virgin veterans cure removal
    losses flood painful wounded
    """,
}

LETTERS = re.compile(r"^[a-z]{4,8}$")

# First names: the columns of gender-guesser's nam_dict.txt (see its header) for the
# countries whose names a reader of each list knows, and the lowest frequency (hex digit,
# 1 = rare ... D = extremely common) at which a name counts as one.
NAME_COLUMNS = {"fr": [7, 8, 9], "nl": [8, 10], "en": [0, 1, 2]}  # FR BE LU / BE NL / GB IE US
NAME_MIN_FREQUENCY = 3


def first_names(lang: str) -> set[str]:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    for line in path.read_text(encoding="iso-8859-1").split("\n"):
        if line.startswith("#") or len(line) < 40:
            continue
        name, freq = line[3:29].strip().lower(), line[30:85]
        if any(freq[c] in "123456789ABCD" and int(freq[c], 16) >= NAME_MIN_FREQUENCY for c in NAME_COLUMNS[lang]):
            names.add(name)
    return names


def build(lang: str) -> list[str]:
    dict_words = Path("/usr/share/dict", DICTS[lang]).read_text(encoding="utf-8").split("\n")
    all_words = set(dict_words)
    # Proper nouns: the dictionaries list them capitalised. Keep only words listed in lower
    # case and NOT also listed capitalised (which drops "mark"/"Mark", "olivier"/"Olivier").
    lower = {w for w in all_words if w and w == w.lower() and w.capitalize() not in all_words}
    # every language's block list applies to every list (loanwords: Dutch "fuck", ...)
    block = {w for words in BLOCK.values() for w in words.split()}
    names = first_names(lang)
    chosen: list[str] = []
    seen: set[str] = set()
    for w in top_n_list(lang, 200_000):
        if len(chosen) >= SIZE:
            break
        if not LETTERS.match(w) or w not in lower or w in block or w in names:
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
