## Algemeen
app-name = PDE
app-title = PDE – mijn documenten, veilig
lang-switch = Taal
lang-fr = Français
lang-nl = Nederlands
lang-en = English
quit = Afsluiten
back = Terug
next = Volgende
cancel = Annuleren
close = Sluiten
save = Opslaan
please-wait = Even geduld…
please-wait-keys = Je documentenmap wordt beveiligd, wacht enkele seconden…

## Startpagina
start-title = Mijn documenten, veilig
start-lead = Bewaar hier foto’s van je papieren. Alleen jij kan ze openen: zelfs de mensen die deze dienst beheren, kunnen ze niet lezen.
open-title = Mijn documentenmap openen
field-pseudonym = Schuilnaam
field-passphrase = Wachtzin
open-submit = Openen
opening = Je documentenmap wordt geopend, even geduld…
start-other = Nieuw hier, of wachtzin kwijt?
create-start = Een nieuwe documentenmap maken
recover-start = Ik ben mijn wachtzin kwijt: mijn herstelcode gebruiken
locked-quit = Je documentenmap is gesloten. Er blijft niets achter op deze computer.
locked-idle = Je documentenmap werd gesloten omdat niemand ze 10 minuten gebruikte.

## Maken
create-title = Een documentenmap maken
create-step = Stap { $n } van { $total }
pseudonym-title = Kies een schuilnaam
pseudonym-help = Een naam om je documentenmap terug te vinden. Gebruik niet je echte naam. De app kan er een voor je bedenken.
pseudonym-generate = Bedenk er een voor mij
passphrase-for = Schuilnaam: { $pseudonym }
pass-generated-title = Je wachtzin
pass-generated-help = Deze 5 woorden openen je documentenmap. Schrijf ze op papier, in deze volgorde.
pass-show-another = Andere woorden tonen
pass-type-own = Ik wil zelf een wachtzin typen
pass-write-down = Bewaar het papier op een veilige plek. Zonder deze woorden of je herstelblad kan niemand je documentenmap openen, ook wij niet.
pass-typed-title = Typ je eigen wachtzin
pass-typed-help = Minstens 10 tekens. Het best: enkele woorden die je zal onthouden.
pass-typed-label = Mijn wachtzin
pass-again-label = Typ hem nog een keer
pass-show = Toon wat ik typ
pass-strength = Sterkte: { $level }
pass-strength-empty = Sterkte: nog niets getypt
pass-level-0 = heel zwak
pass-level-1 = zwak
pass-level-2 = goed
pass-level-3 = sterk
pass-too-weak = Deze wachtzin is te makkelijk te raden. Voeg woorden toe.
pass-mismatch = De twee wachtzinnen zijn niet hetzelfde.
pass-use-generated = Woorden gebruiken die de app kiest
create-submit = Mijn documentenmap maken
creating = Je documentenmap wordt gemaakt, wacht enkele seconden…

## Herstelblad
sheet-screen-title = Je herstelblad
sheet-lead = Druk deze pagina nu af of neem er een foto van. Je ziet ze maar één keer.
sheet-title = PDE-herstelblad
field-recovery-code = Herstelcode
sheet-qr-label = QR-code van de herstelcode
sheet-step-1 = Als je je wachtzin vergeet, opent deze code je documentenmap. Daarna kies je een nieuwe wachtzin.
sheet-step-2 = Bewaar dit blad (of de foto) op een veilige plek, niet bij je wachtzin.
sheet-step-3 = Wie dit blad en je schuilnaam heeft, kan je documentenmap openen. Toon het aan niemand.
sheet-step-4 = Zo gebruik je het: kies op de startpagina „Ik ben mijn wachtzin kwijt” en typ dan je schuilnaam en deze code.
sheet-print = Afdrukken
sheet-kept = Ik heb het bewaard: verder
confirm-title = Controle van je herstelblad
confirm-help = Om zeker te zijn dat je de code bewaard hebt: typ groep nummer { $n } (van links geteld).
confirm-label = Groep { $n } van de herstelcode
confirm-submit = Controleren
confirm-wrong = Dat klopt niet. Kijk nog eens naar je blad.
confirm-show-sheet = Het blad opnieuw tonen

## Herstellen
recover-title = Openen met de herstelcode
recover-lead = Typ je schuilnaam en de code van je herstelblad. Daarna kies je een nieuwe wachtzin.
recover-submit = Openen met de code
recover-new-title = Kies een nieuwe wachtzin
recover-new-lead = Je documentenmap is open. Kies een nieuwe wachtzin om ze de volgende keer te openen.
recover-new-submit = De nieuwe wachtzin opslaan

## Documentenmap
wallet-title = Mijn documenten
add-document = Een document toevoegen
write-note = Een notitie schrijven
categories-title = Categorieën
category-all = Alles
documents-all = Alle documenten
documents-none = Hier zijn nog geen documenten.
doc-count = { $n ->
    [0] leeg
    [one] 1 document
   *[other] { $n } documenten
}
doc-damaged = Dit document is beschadigd
usage = Gebruikte ruimte: { $used } van { $quota }
category-identity = Identiteit
category-social_aid = Sociale hulp (OCMW)
category-health = Gezondheid
category-housing = Wonen
category-income = Inkomen
category-work = Werk en opleiding
category-children = Kinderen
category-my_story = Mijn verhaal
category-contacts = Contacten
category-other = Andere

## Toevoegen
add-title = Een document toevoegen
note-title = Een notitie schrijven
field-file = Foto of bestand
take-photo = Een foto nemen
choose-file = Een bestand kiezen
file-chosen = Gekozen: { $name } ({ $size })
file-none = Nog geen bestand gekozen.
keep-original = Het origineel behouden (groter, trager om te versturen)
limit-hint = Grootste document: { $limit }.
field-title = Titel
field-text = Je tekst
field-category = Categorie
field-date = Datum van het document (niet verplicht)
field-note = Notitie (niet verplicht)
progress-label = Voortgang
progress-prepare = De foto wordt voorbereid…
progress-encrypt = Het document wordt vergrendeld: { $percent }%
progress-upload = Versturen: { $percent }%
added = „{ $title }” is opgeslagen.

## Bekijken
viewer-label = Document
decrypting = Het document wordt geopend…
pdf-hint = Verschijnt de pdf niet (op veel telefoons)? Gebruik dan „Downloaden op dit toestel”.
no-preview = Dit soort bestand kan hier niet getoond worden. Je kan het downloaden.
download = Downloaden op dit toestel
edit = Naam of categorie wijzigen
edit-title = Naam of categorie wijzigen
save-changes = Wijzigingen opslaan
delete = Verwijderen
delete-title = Dit document verwijderen?
delete-text = „{ $title }” wordt voorgoed verwijderd. Niemand kan het terughalen.
delete-confirm = Ja, verwijderen
deleted = „{ $title }” werd verwijderd.

## Automatisch sluiten
idle-title = Ben je er nog?
idle-text = Voor je veiligheid sluit je documentenmap over 1 minuut.
idle-stay = Blijven
idle-quit = Nu afsluiten

## Fouten
err-fill-both = Typ je schuilnaam en je wachtzin.
err-fill-both-recovery = Typ je schuilnaam en je herstelcode.
err-login-passphrase = De schuilnaam of de wachtzin klopt niet.
err-login-recovery = De schuilnaam of de herstelcode klopt niet.
err-recovery-code-format = Deze herstelcode bevat een tikfout. Controleer elk teken op je blad.
err-too_many_attempts = { $seconds ->
    [one] Te veel pogingen. Wacht 1 seconde en probeer dan opnieuw.
   *[other] Te veel pogingen. Wacht { $seconds } seconden en probeer dan opnieuw.
}
err-pseudonym-length = Een schuilnaam heeft 3 tot 64 tekens.
err-choose-file = Neem eerst een foto of kies een bestand.
err-write-text = Schrijf eerst je tekst.
err-title = Geef het een titel.
err-document_too_large = Dit bestand is te groot. Het grootste document is { $limit }.
err-quota_exceeded = Niet genoeg ruimte meer: { $free } vrij van { $limit }. Verwijder eerst een document.
err-document_too_large-server = Dit bestand is te groot voor je documentenmap.
err-quota_exceeded-server = Je documentenmap is vol. Verwijder eerst een document.
err-bad_request = Deze aanvraag is mislukt. Probeer opnieuw.
err-invalid_field = Iets wat je typte, wordt niet aanvaard. Controleer en probeer opnieuw.
err-missing_client_header = Deze aanvraag is mislukt. Laad de pagina opnieuw.
err-unauthenticated = Je sessie is afgelopen. Sluit af en open je documentenmap opnieuw.
err-pseudonym_taken = Deze schuilnaam is al in gebruik. Kies een andere.
err-not_found = Dit document bestaat niet meer.
err-size_mismatch = Het versturen is mislukt. Probeer opnieuw.
err-already_uploaded = Dit document werd al verstuurd.
err-storage_full = De dienst is op dit moment vol. Probeer later opnieuw.
err-payload_too_large = Dit is te groot om te versturen.
err-internal = Er ging iets mis bij ons. Probeer later opnieuw.
err-network = Geen verbinding. Controleer het internet en probeer opnieuw.
err-damaged = Dit document is beschadigd.
err-locked = Je documentenmap is gesloten. Open ze opnieuw.
err-invalid_input = Iets wat je typte, wordt niet aanvaard.
