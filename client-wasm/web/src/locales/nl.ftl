## Algemeen
app-name = PDE
app-title = PDE – mijn documenten, veilig
lang-switch = Taal
lang-fr = Français
lang-nl = Nederlands
lang-en = English
lang-ar = العربية
quit = Afsluiten
back = Terug
next = Volgende
cancel = Annuleren
close = Sluiten
save = Opslaan
please-wait = Even geduld…
please-wait-keys = Je documentenmap wordt beveiligd, wacht enkele seconden…
listen = Voorlezen
listen-stop = Stoppen met voorlezen

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
locked-quit-downloaded = Je documentenmap is gesloten. De bestanden die je gedownload hebt, blijven in de downloadmap van deze browser: verwijder ze als anderen deze computer gebruiken.
locked-idle = Je documentenmap werd gesloten omdat niemand ze 10 minuten gebruikte.
locked-idle-downloaded = Je documentenmap werd gesloten omdat niemand hem 10 minuten gebruikte. De bestanden die je gedownload hebt, blijven in de downloadmap van deze browser.

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
thumb-none = Deze browser kan deze foto niet lezen: ze wordt bewaard zoals ze is, zonder kleine afbeelding in de lijst.
limit-hint = Grootste document: { $limit }.
field-title = Titel
field-text = Je tekst
field-category = Categorie
field-date = Datum van het document (niet verplicht)
field-note = Notitie (niet verplicht)
field-note-help = Deel je dit document, dan ziet de persoon ook deze notitie.
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
download-confirm-title = Een kopie op deze computer bewaren?
download-confirm-text = Deze computer bewaart een leesbare kopie van ‘{ $name }’ in de downloadmap van de browser. Ze blijft daar na Afsluiten.
download-confirm-shared = Op een computer die anderen gebruiken, kunnen zij ze openen: verwijder ze als je klaar bent.
download-confirm = Ja, downloaden
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
err-unavailable = De dienst is even niet beschikbaar. Probeer over een minuut opnieuw.
err-payload_too_large = Dit is te groot om te versturen.
err-internal = Er ging iets mis bij ons. Probeer later opnieuw.
err-network = Geen verbinding. Controleer het internet en probeer opnieuw.
err-damaged = Dit document is beschadigd.
err-locked = Je documentenmap is gesloten. Open ze opnieuw.
err-invalid_input = Iets wat je typte, wordt niet aanvaard.

## Delen: nieuwe fouten
err-forbidden = Dit mag niet met deze account.
err-worker_suspended = Je account als hulpverlener is geschorst. Je kan geen gedeelde documenten openen. Neem contact op met het PDE-team.
err-invitation_invalid = Deze uitnodiging is niet meer geldig. Vraag het PDE-team om een nieuwe.
err-invalid_worker_code = Deze kaartcode is onvolledig: ze heeft 9 letters of cijfers, zoals op de kaart.
err-worker_code_mistyped = Deze code heeft een tikfout: vergelijk hem letter per letter met de kaart.
err-worker_not_found = Niemand heeft deze code: controleer hem op de kaart.
err-worker_code_taken = Je account kon deze keer niet gemaakt worden. Probeer opnieuw.
err-worker_key_mismatch = De server gaf voor deze hulpverlener een sleutel die niet bij zijn kaart past. Er is niets gedeeld. Deel voorlopig niet met deze kaart en verwittig de beheerder van PDE (Paradigm).
err-weak_kdf = De server vroeg om je wachtzin minder te beschermen dan PDE doet. Er is niets verstuurd. Verwittig de beheerder van PDE (Paradigm).
card-key-mismatch = De code die de server voor jou geeft, past niet bij je eigen sleutel. Geef deze kaart niet af; verwittig de beheerder van PDE (Paradigm).
err-share_ended = Dit delen is afgelopen.
err-link_locked = Deze link is geblokkeerd: te veel foute pincodes.
err-passkeys_unavailable = Toegangssleutels zijn niet beschikbaar op deze server.
err-ceremony_expired = Dit verzoek duurde te lang of werd al gebruikt. Probeer opnieuw.
err-passkey_rejected = Het antwoord van de toegangssleutel werd geweigerd. Probeer opnieuw.
err-user_verification_required = Je toestel moet nagaan dat jij het bent (schermvergrendeling, pincode of vingerafdruk). Zet een schermvergrendeling aan en probeer opnieuw.
err-passkey_taken = Deze toegangssleutel is al geregistreerd.
err-pin_required = Typ eerst de pincode.
err-wrong_pin = Deze pincode is niet juist.
err-wrong_pin-left = { $n ->
    [0] Deze pincode is niet juist. De link is nu geblokkeerd.
    [one] Deze pincode is niet juist. Je kan nog 1 keer proberen.
   *[other] Deze pincode is niet juist. Je kan nog { $n } keer proberen.
}
err-link-not_found = Deze link werkt niet. Controleer of je de volledige link hebt.
err-invalid_field-join = Controleer je echte naam (2 tot 100 tekens) en je inlognaam.
err-real-name = Typ je echte voornaam en achternaam (2 tot 100 tekens).
err-login-name-length = Een inlognaam heeft 3 tot 64 tekens.
err-pin-format = Een pincode heeft precies 6 cijfers.
err-share-pick = Kies minstens één document.
err-share-too-many = Je kan hoogstens 50 documenten tegelijk delen.
try-again = Opnieuw proberen

## Delen: houder
share-start = Documenten delen
shares-open = Wat ik deel
back-to-documents = Terug naar mijn documenten
back-to-shares = Terug naar mijn delingen
share-title = Documenten delen
share-lead = Kies de documenten die je wil tonen. De persoon ziet alleen deze, en alleen zo lang als jij kiest.
share-pick-legend = Te delen documenten
share-picked = { $n ->
    [one] 1 document gekozen
   *[other] { $n } documenten gekozen
}
share-who-title = Wie mag ze zien?
share-who-worker = Een hulpverlener
field-worker-code = Kaartcode van de hulpverlener
code-help = Ze staat op de kaart van de hulpverlener: 9 letters of cijfers, zoals B8Y9-W7S7-8.
code-hint-malformed = Dit is geen kaartcode. Gebruik alleen de letters en cijfers van de kaart.
code-hint-mistyped = Deze code heeft een tikfout: vergelijk hem letter per letter met de kaart.
code-hint-ok = Code { $code }: goed getypt. Kies ‘Deze hulpverlener zoeken’.
code-hint-short = Deze code is onvolledig: ze heeft 9 letters of cijfers, zoals op de kaart.
share-find-worker = Deze hulpverlener zoeken
share-finding = De hulpverlener wordt gezocht…
share-scan = De QR-code van de kaart scannen
share-who-link = Iemand anders
share-who-link-text = Maak een link, beschermd met een pincode die je hardop zegt. Wie de link en de pincode heeft, kan de documenten zien tot hij afloopt.
share-make-link = Liever een link maken
share-check-title = Is dit de juiste persoon?
share-check-lead = Controleer de naam en de organisatie met de persoon voor je, voor je deelt.
worker-organisation = Organisatie
worker-card-code = Kaartcode
worker-verified = Het PDE-team heeft gecontroleerd dat deze persoon voor deze organisatie werkt.
worker-unverified = Let op: het PDE-team heeft deze persoon NOG NIET gecontroleerd. Deel alleen als je de persoon kent en de kaart gezien hebt.
worker-verified-short = gecontroleerd door PDE
worker-unverified-short = niet gecontroleerd door PDE
worker-verified-badge = Gecontroleerd door PDE
worker-unverified-badge = NIET gecontroleerd door PDE
share-worker-yes = Ja, dit is de juiste persoon
share-worker-no = Nee, ga terug
share-details-title = Voor hoe lang?
share-summary = Je deelt met { $name } ({ $organisation }).
field-duration = Hoe lang mag de persoon de documenten zien?
duration-hour = 1 uur
duration-day = 1 dag
duration-week = 7 dagen
duration-month = 30 dagen
share-ends-at = Het delen stopt op { $when }.
note-legend = Een bericht voor { $name } (niet verplicht)
field-note-from = De naam die je wil geven
note-from-help = Laat je dit leeg, dan ziet de persoon je schuilnaam ({ $pseudonym }).
field-note-text = Bericht
share-confirm = Nu delen
sharing = Bezig met delen, even geduld…
seen-title = Wat { $name } zal zien
seen-title-link = Wat de persoon met de link zal zien
seen-lead = Alles wat bij elk document hoort: de titel, de categorie, de datum, je notitie en het bestand.
seen-category = Categorie
seen-date = Datum van het document
seen-note = Je notitie
seen-file = Bestand
seen-none = geen
seen-file-text = de tekst ({ $size })
share-done-title = Gedeeld
share-done-text = { $name } kan de documenten zien tot { $when }.
share-done-revoke = Je kan het vroeger stoppen in „Wat ik deel”. Daar zie je ook elke keer dat een document geopend wordt.
link-make-title = Een deellink maken
link-summary = { $n ->
    [one] De link toont 1 document.
   *[other] De link toont { $n } documenten.
}
link-explain = Wie deze link heeft, kan de documenten openen tot hij afloopt. De browser die hem opent, bewaart hem in zijn geschiedenis: de pincode, mondeling gezegd, is wat de documenten beschermt.
link-pin-legend = Pincode (aangeraden)
link-pin-use = De link beschermen met een pincode van 6 cijfers
link-no-pin-risk = Zonder pincode kan iedereen die deze link vindt de documenten openen, ook in de geschiedenis van een gedeelde computer waar hij geopend werd.
field-pin = Pincode (6 cijfers)
link-pin-help = Schrijf de pincode niet naast de link. Zeg hem mondeling tegen de persoon.
link-pin-generate = Een andere pincode bedenken
link-confirm = De link maken
link-done-title = Je deellink
link-done-text = De link werkt tot { $when }.
link-renewed-text = { $n ->
    [one] Nieuwe link, met een nieuwe pincode, voor hetzelfde document. Hij werkt tot { $when }.
   *[other] Nieuwe link, met een nieuwe pincode, voor dezelfde { $n } documenten. Hij werkt tot { $when }.
}
link-show-title = Toon of geef deze link
link-qr-label = QR-code van de deellink
link-copy = Link kopiëren
link-copied = De link is gekopieerd. Plak hem in een bericht.
link-copy-failed = Kopiëren lukt hier niet: de link is geselecteerd, kopieer hem zelf.
link-share = Link versturen…
link-share-title = Gedeelde documenten
link-pin-reminder = Zeg deze pincode mondeling tegen de persoon:
link-pin-not-copied = De pincode zit niet in de gekopieerde of verstuurde link: zeg hem apart.
link-pin-spoken = Pincode: { $pin }
link-no-pin-warning = Deze link heeft geen pincode: wie hem krijgt, kan de documenten openen.
link-done-leave = Je ziet deze link niet meer terug. Ben je klaar, ga dan terug naar je documenten.
shares-title = Wat ik deel
shares-loading = Je gedeelde documenten worden geladen…
shares-none = Je hebt nog niets gedeeld.
share-with-link = Deellink
share-link-pin = { $n ->
    [0] Beschermd met een pincode
    [one] Beschermd met een pincode · 1 foute pincode getypt
   *[other] Beschermd met een pincode · { $n } foute pincodes getypt
}
share-link-no-pin = Zonder pincode
share-status-active = Actief
share-status-expired = Afgelopen
share-status-revoked = Gestopt door jou
share-status-locked = Geblokkeerd na 5 foute pincodes
share-created = Gedeeld op
share-ends = Loopt af op
share-ended = Afgelopen op
share-revoked-at = Gestopt op
share-documents = Gedeelde documenten: { $n }
share-doc-opened = geopend: { $n }
share-doc-downloaded = gedownload: { $n }
share-doc-deleted = (een document dat je verwijderd hebt)
share-receipts = Openingen
shares-receipts-truth = Elke opening wordt hier genoteerd, en elke download met de knop Downloaden. Wie een document opende, kan het ook vanuit de browser bewaard of afgedrukt hebben: dat wordt niet genoteerd.
share-receipts-none = Niemand heeft deze documenten al geopend.
share-renew = Een nieuwe link maken voor deze documenten
share-renew-locked = Deze link is geblokkeerd. Een nieuwe link heeft een nieuwe pincode: de oude link, ook teruggevonden in een geschiedenis, opent niets meer.
share-renew-ended = Deze link is afgelopen. Een nieuwe link heeft een nieuwe pincode.
quoted = „{ $title }”
receipt-open = Geopend
receipt-download = Gedownload
receipt-by-worker = door { $name }
receipt-by-link = via de link
share-revoke = Dit delen stoppen
revoke-title = Dit delen stoppen?
revoke-text = { $name } kan deze documenten niet meer openen. De lijst van openingen blijft.
revoke-text-link = De link opent niets meer. De lijst van openingen blijft.
revoke-copies = Kopieën die { $name } al gedownload of bewaard heeft, blijven bij { $name }.
revoke-copies-link = Kopieën die al gedownload of bewaard zijn, blijven bij wie ze heeft.
revoke-confirm = Ja, stoppen
revoked-notice = Het delen is gestopt.
scan-video-label = Camerabeeld
scan-help = Houd de QR-code van de kaart voor de camera.
scan-not-a-card = Deze QR-code is geen kaart van een hulpverlener.
scan-stop = De camera stoppen
scan-denied = De camera kan niet gebruikt worden. Typ de code.
scan-unavailable = Deze browser kan geen QR-codes lezen. Typ de code.

## Delen: hulpverlener
join-title = Bij PDE komen als hulpverlener
join-checking = Je uitnodiging wordt gecontroleerd…
join-lead = Je bent uitgenodigd door { $organisation }. De mensen die je helpt, zien je echte naam en je organisatie voor ze documenten met je delen.
field-real-name = Je echte naam
real-name-help = Voornaam en achternaam, zoals op je werkkaart.
field-login-name = Inlognaam
login-name-help = Je typt hem met je wachtzin om in te loggen, op de startpagina.
join-passphrase-for = Inlognaam: { $name }
join-submit = Mijn account maken
joining = Je account wordt gemaakt, wacht enkele seconden…
join-invalid-title = Deze uitnodiging is niet meer geldig
join-invalid-text = Ze werd al gebruikt, of ze is te oud. Vraag het PDE-team om een nieuwe uitnodiging.
join-go-start = Naar de startpagina
sheet-step-1-worker = Als je je wachtzin vergeet, opent deze code je account. Daarna kies je een nieuwe wachtzin.
sheet-step-3-worker = Wie dit blad en je inlognaam heeft, kan je account openen. Toon het niet.
sheet-step-4-worker = Zo gebruik je het: kies op de startpagina „Ik ben maatschappelijk werker”, dan „Ik ben mijn wachtzin kwijt”, en typ je inlognaam en deze code.
worker-title = Met mij gedeeld
worker-hello = Je bent ingelogd als { $name } ({ $organisation }).
worker-unverified-self = Het PDE-team heeft je account nog niet gecontroleerd. Tot dan zien mensen een waarschuwing als ze met je delen.
worker-card-open = Mijn kaart
worker-refresh = Kijken of er nieuwe gedeelde documenten zijn
worker-none = Er is nu niets met je gedeeld. Mensen kunnen documenten met je delen door je kaartcode te typen of te scannen.
incoming-from = Van { $name }
incoming-pseudonym = Schuilnaam: { $pseudonym }
incoming-note = Het bericht
share-until = Tot { $when }
time-left-minutes = { $n ->
    [one] Nog 1 minuut
   *[other] Nog { $n } minuten
}
time-left-hours = { $n ->
    [one] Nog 1 uur
   *[other] Nog { $n } uur
}
time-left-days = { $n ->
    [one] Nog 1 dag
   *[other] Nog { $n } dagen
}
shared-download = Downloaden op dit toestel
shared-record-hint = De persoon die dit document deelde, ziet dat je het geopend hebt, en elke download met deze knop. Bewaar of druk je het af vanuit de browser, dan ziet ze dat niet: gebruik deze knop.
shared-downloaded = Het bestand is bewaard op dit toestel.
share-ended-title = Dit delen is afgelopen
share-ended-text = De persoon heeft het gestopt, of de tijd is om. Je kan deze documenten niet meer openen.
back-to-list = Terug naar de lijst
worker-suspended-title = Je account is geschorst
card-title = Mijn kaart
card-lead = Toon deze kaart aan de mensen die je helpt: ze typen de code of scannen de QR-code om documenten met je te delen.
card-sheet-title = PDE-kaart van de hulpverlener
card-name = Naam
card-qr-label = QR-code van de kaart: de code en een volledige controle van de sleutel van de hulpverlener
card-instructions = Om documenten met mij te delen: kies in je PDE-documentenmap „Documenten delen” en typ deze code of scan deze QR-code.
card-print = Mijn kaart afdrukken
card-verified = Gecontroleerd door het PDE-team
card-unverified = Nog niet gecontroleerd door het PDE-team

## Delen: bezoeker van een link
link-brand = Gedeelde documenten
link-title = Documenten die met je gedeeld zijn
link-opening = De link wordt geopend…
link-pin-title = Deze link heeft een pincode
link-pin-text = Typ de 6 cijfers die de persoon je gezegd heeft.
field-link-pin = Pincode
link-pin-field-help = 6 cijfers, met of zonder spatie (bijvoorbeeld 123 456).
link-pin-submit = De documenten openen
link-from = Van { $name }
link-visitor-hint = Ben je klaar, kies dan Afsluiten: er blijft niets achter op deze computer, behalve de bestanden die je downloadt.
link-bad-title = Deze link werkt niet
link-bad-text = Controleer of je de volledige link hebt, precies zoals je hem kreeg. Vraag de persoon om hem opnieuw te geven.
link-ended-title = Deze link is afgelopen
link-ended-text = De persoon is gestopt met delen, of de tijd is om. Vraag een nieuwe link.
link-locked-title = Deze link is geblokkeerd
link-locked-text = Er werden te veel foute pincodes getypt. Vraag de persoon die deelde om een nieuwe link te maken.
link-closed-title = De documenten zijn gesloten
link-closed-text = Er blijft niets achter op deze computer. Open de link opnieuw om ze terug te zien.
link-closed-text-downloaded = De bestanden die je gedownload hebt, blijven in de downloadmap van deze browser: verwijder ze als anderen deze computer gebruiken. Open de link opnieuw om de documenten terug te zien.

## Inloggen, navigatie, formulieren
start-worker-switch = Ik ben maatschappelijk werker
start-worker-title = Account van een maatschappelijk werker
start-worker-lead = Open het account dat je organisatie je uitnodigde te maken. Het toont de documenten die mensen met je delen.
open-worker-title = Mijn werkaccount openen
start-worker-other = Nog geen account, of wachtzin kwijt?
start-worker-invitation = Je organisatie stuurt je een uitnodigingslink om je account te maken.
recover-start-worker = Ik ben mijn wachtzin kwijt: de herstelcode van mijn account gebruiken
start-holder-switch = Ik ben geen maatschappelijk werker: een documentenmap openen
err-fill-both-worker = Typ je inlognaam en je wachtzin.
err-login-worker = De inlognaam of de wachtzin klopt niet.
err-fill-both-recovery-worker = Typ je inlognaam en je herstelcode.
recover-lead-worker = Typ je inlognaam en de code van het herstelblad van je account. Daarna kies je een nieuwe wachtzin.
login-recovery-hint = Lukt het nog steeds niet? Als je je wachtzin kwijt bent, opent de code op je herstelblad je documentenmap.
login-recovery-hint-worker = Lukt het nog steeds niet? Als je je wachtzin kwijt bent, opent de code op je herstelblad je account.
pass-words-kept = Deze woorden blijven dezelfde na de taalwissel. Voor woorden in deze taal, druk op “Andere woorden tonen”.
recover-new-lead-worker = Je account is open. Kies een nieuwe wachtzin om het de volgende keer te openen.
recover-end-others = De andere open sessies van mijn documentenmap beëindigen (op een andere telefoon of computer)
recover-end-others-worker = De andere open sessies van mijn account beëindigen (op een andere telefoon of computer)
recover-saved-title = Nieuwe wachtzin bewaard
recover-saved-text = Open voortaan met je nieuwe wachtzin. De oude werkt niet meer.
recover-saved-others = Je andere open sessies zijn beëindigd.
recover-saved-continue = Naar mijn documentenmap
recover-saved-continue-worker = Naar mijn account
close-ask-title = Je documentenmap sluiten?
close-ask-text = Teruggaan sluit je documentenmap. Om ze weer te openen, heb je je wachtzin nodig.
close-ask-title-worker = Je account sluiten?
close-ask-text-worker = Teruggaan sluit je account. Om het weer te openen, heb je je wachtzin nodig.
close-ask-stay = Hier blijven
close-ask-close = Sluiten
title-length = { $n } tekens van maximaal { $max }.
err-title-too-long = Deze titel is te lang: { $n } tekens, maximaal { $max }. Maak hem korter.
edit-saved = Wijzigingen bewaard.
sheet-address = Webadres
sheet-made = Gemaakt op
err-login-name-taken = Deze inlognaam is al in gebruik. Kies een andere.

## The crypto worker (keys live in a worker of their own)
documents-opening = { $n ->
    [one] Nog één document wordt geopend…
   *[other] Nog { $n } documenten worden geopend…
}
locked-lost = Je documentenmap is gesloten omdat de browser het deel heeft gestopt dat versleutelt en ontsleutelt (misschien door te weinig geheugen). Je documenten zijn veilig. Open ze opnieuw; als je een document aan het toevoegen was, kijk dan of het in de lijst staat.
err-worker_lost = De browser heeft het deel gestopt dat versleutelt en ontsleutelt (misschien door te weinig geheugen). Open je documentenmap opnieuw.
link-lost = Deze pagina is gesloten omdat de browser het deel heeft gestopt dat ontsleutelt (misschien door te weinig geheugen). Open de link opnieuw.
settings-open = Instellingen
settings-title = Instellingen
wallet-delete-title = Mijn documentenmap verwijderen
wallet-delete-goes = Als je je documentenmap verwijdert, wist je van deze server al je documenten en notities, je gedeelde documenten (hulpverleners en links kunnen meteen niets meer openen), je schuilnaam, en je wachtzin en herstelcode, die niets meer zullen openen. Dit kan niet ongedaan worden gemaakt.
wallet-delete-stays = Wat blijft: de back-ups van de server bewaren een versleutelde kopie van je documentenmap tot ze worden gewist, ten laatste { $n } dagen later. Bestanden die je hebt gedownload blijven waar je ze hebt bewaard, net als kopieën die een hulpverlener al heeft gedownload.
wallet-delete-start = Mijn documentenmap verwijderen…
wallet-delete-confirm-lead = Typ ter bevestiging de schuilnaam van deze documentenmap.
wallet-delete-confirm-label = Schuilnaam van deze documentenmap
wallet-delete-wrong-pseudonym = Dit is niet de schuilnaam van deze documentenmap. Er is niets verwijderd.
wallet-delete-continue = Verder
wallet-delete-proof-lead = Laatste stap: bewijs dat jij het bent met je wachtzin of je herstelcode. Je documentenmap wordt dan meteen verwijderd.
wallet-delete-proof-legend = Bewijzen met
wallet-delete-need-passphrase = Typ je wachtzin. Er is niets verwijderd.
wallet-delete-need-code = Typ je herstelcode. Er is niets verwijderd.
wallet-delete-busy = Bezig met verwijderen…
wallet-delete-submit = Mijn documentenmap definitief verwijderen
wallet-deleted-title = Documentenmap verwijderd
wallet-deleted-text = De documentenmap is verwijderd en gesloten. Er staat niets meer van open op deze computer.
wallet-deleted-start = Naar de startpagina

## Alles downloaden (export)
export-title = Alles downloaden
export-lead = Neem uw papieren mee: één zipbestand met al uw documenten, versleuteld, dat u zonder PDE kunt openen met het gratis programma age. U kiest een wachtzin die de sleutel van het bestand beschermt.
export-start = Alles downloaden…
export-passphrase-lead = Kies de wachtzin die deze export zal beschermen: die van uw documentenmap of een andere. Hij beschermt alleen dit bestand. Zonder die wachtzin kan niemand de export openen, ook u niet.
export-passphrase-label = Wachtzin voor de export
export-passphrase-again = Dezelfde wachtzin nog eens
export-need-passphrase = Typ een wachtzin.
export-passphrase-mismatch = De twee wachtzinnen zijn niet dezelfde.
export-submit = Het zipbestand maken
export-progress-label = Voortgang van de export
export-progress = { $done } van { $total } documenten
export-done = Klaar: { $n } documenten in { $name }, bij uw downloads.
export-damaged-left-out = { $n ->
    [one] Eén document kon niet gelezen worden en zit er niet in.
   *[other] { $n } documenten konden niet gelezen worden en zitten er niet in.
}
export-plain-start = De onversleutelde bestanden downloaden…
export-plain-warning = Let op: deze bestanden zijn niet versleuteld. Iedereen die deze computer gebruikt of de bestanden vindt, kan al uw papieren lezen. Doe dit alleen op uw eigen toestel, en verwijder de bestanden als u ze niet meer nodig hebt.
export-plain-submit = Ik begrijp het, de onversleutelde bestanden downloaden
export-readme-title = Uw papieren uit PDE
export-readme-intro = Dit zipbestand bevat uw documenten, versleuteld. U kunt ze zonder PDE openen met het gratis programma age (https://age-encryption.org; op Debian of Ubuntu: apt install age).
export-readme-names = De bestanden zijn genummerd en hun naam zegt nooit wat een document is, zodat iemand die dit zipbestand ziet (op een gedeelde computer bijvoorbeeld) niet te weten komt welke papieren erin zitten.
export-readme-step-identity = 1. Open uw sleutel met de wachtzin die u typte toen u deze export maakte (age vraagt erom):
export-readme-step-document = 2. Open elk document met die sleutel. documents/1.age is het eerste document; kies de naam van het bestand dat u krijgt (bijvoorbeeld document-1.pdf):
export-readme-step-metadata = 3. De titel, categorie, datums en notitie staan in documents/1.json.age:
export-readme-keep = identity.txt opent alle documenten: bewaar het veilig, en verwijder het als u klaar bent.
export-readme-damaged = Als een bestand beschadigd of gewijzigd is, stopt age met een foutmelding zoals die hieronder, en het bestand dat het maakte is onvolledig: verwijder het en maak een nieuwe export vanuit uw documentenmap.

## Passkeys en Instellingen → manieren om te openen, sessies (issue 9)
passkey-cancelled = De vraag om een passkey werd gesloten, is verlopen, of je toestel kon niet nagaan dat jij het bent (schermvergrendeling, pincode of vingerafdruk). Er is niets gebeurd: probeer opnieuw, of gebruik je wachtzin.
passkey-open-title = Openen met een passkey
passkey-open-help = Gebruik de schermvergrendeling van dit toestel (vingerafdruk, gezicht, pincode of patroon) in plaats van je schuilnaam en wachtzin te typen.
passkey-open-button = Openen met een passkey
passkey-open-busy = Wachten op je passkey…
passkey-unlock-title = Typ je wachtzin om te ontgrendelen
passkey-unlock-why = Je passkey heeft bewezen dat jij het bent, maar op dit toestel kan hij je documenten niet ontgrendelen (je toestel kent het ontgrendelgedeelte van passkeys niet). Typ je wachtzin om ze te openen.
passkey-unlock-need-passphrase = Typ je wachtzin.
passkey-create-title = De schermvergrendeling van deze telefoon gebruiken
passkey-create-help = Je documentenmap gaat open met de schermvergrendeling van dit toestel (vingerafdruk, gezicht, pincode of patroon), zonder wachtzin om te onthouden. Daarna krijg je een herstelblad, voor als je dit toestel verliest.
passkey-create-button = De schermvergrendeling van deze telefoon gebruiken
passkey-create-passphrase-instead = Liever een wachtzin kiezen
passkey-create-no-prf = Je documentenmap is gemaakt en de schermvergrendeling van dit toestel meldt je aan. Maar dit toestel kan ze niet gebruiken om je documenten te ontgrendelen: kies dus ook een wachtzin, die je na de schermvergrendeling typt.
passkey-create-no-prf-submit = Deze wachtzin houden
ways-title = Manieren om mijn documentenmap te openen
ways-passkeys = Passkeys (schermvergrendeling)
ways-passkeys-none = Nog geen passkey.
ways-passkey-made = Toegevoegd op { $when }
ways-passkey-used = laatst gebruikt op { $when }
ways-passkey-never-used = nog nooit gebruikt
ways-passkey-unlocks = Meldt aan en ontgrendelt.
ways-passkey-logs-in-only = Meldt alleen aan: de wachtzin ontgrendelt.
ways-passkey-rename = Naam wijzigen
ways-passkey-rename-named = Naam wijzigen van de passkey { $name }
ways-passkey-remove = Verwijderen
ways-passkey-remove-named = Verwijderen: de passkey { $name }
ways-passkey-add = Een passkey toevoegen
ways-passkey-add-submit = Verder met de schermvergrendeling
ways-passkey-remove-submit = Deze passkey verwijderen
ways-passkey-name = Naam van deze passkey
ways-passkey-rename-submit = Naam bewaren
ways-name-length = De naam moet 1 tot 64 tekens hebben.
ways-add-lead = Bewijs eerst dat jij het bent; daarna vraagt dit toestel om zijn schermvergrendeling.
ways-remove-lead = Bewijs eerst dat jij het bent. De passkey { $name } opent je documentenmap dan niet meer.
ways-recovery-help = Een nieuw herstelblad vervangt het oude: de oude code werkt meteen niet meer.
ways-recovery-new = Een nieuw herstelblad maken
ways-recovery-lead = Bewijs eerst dat jij het bent. De oude herstelcode werkt meteen niet meer.
ways-recovery-submit = Het nieuwe blad maken
ways-recovery-sheet-lead = Hier is je nieuwe herstelblad. Het oude werkt niet meer: druk dit af of schrijf het nu over.
ways-passphrase-change = Mijn wachtzin wijzigen
ways-current-passphrase = Huidige wachtzin
ways-current-needed = Typ je huidige wachtzin.
ways-passphrase-submit = Mijn wachtzin wijzigen
ways-proof-legend = Bewijs dat jij het bent met
ways-proof-passkey = Een passkey
ways-proof-passkey-help = Je toestel vraagt om zijn schermvergrendeling.
ways-proof-needed = Vul het veld in om te bewijzen dat jij het bent.
ways-end-others = Mijn documentenmap ook overal elders sluiten waar ze open is
ways-ended-others = Overal elders is je documentenmap gesloten.
ways-passphrase-changed = Je wachtzin is gewijzigd. De oude werkt niet meer.
ways-recovery-changed = Je nieuwe herstelblad is klaar. De oude code werkt niet meer.
ways-passkey-added = De passkey is toegevoegd: hij meldt aan en ontgrendelt je documentenmap.
ways-passkey-added-no-prf = De passkey is toegevoegd. Op dit toestel meldt hij alleen aan: je wachtzin ontgrendelt.
ways-passkey-removed = De passkey is verwijderd: hij opent je documentenmap niet meer.
ways-passkey-renamed = De naam is bewaard.
sessions-title = Waar mijn documentenmap open is
sessions-help = Elke plek waar je documentenmap nu open is. Sluit de plekken die je niet kent of niet meer gebruikt.
sessions-this-one = deze
sessions-started = geopend op { $when }
sessions-last-used = laatst gebruikt op { $when }
sessions-end = Sluiten
sessions-end-named = Sluiten: de sessie op { $device }, laatst gebruikt op { $when }
sessions-end-others = Alle andere sluiten
sessions-ended-one = Die sessie is gesloten.
sessions-ended-others = Alle andere sessies zijn gesloten.
device-form-phone = Telefoon
device-form-tablet = Tablet-pc
device-form-computer = Pc
device-form-unknown = Toestel
device-system-ios = iPhone of iPad
device-system-other = ander systeem

## Verbergen tot… (documenten die de server tot een tijdstip verbergt)
hide-start = Verbergen tot…
hide-title = Documenten verbergen tot…
hide-lead = Verborgen documenten verdwijnen uit je documentenmap tot het tijdstip dat je kiest: op elke telefoon en computer, zelfs met je wachtzin, een toegangssleutel of je herstelcode. Niemand kan ze eerder terughalen, ook jij niet. Ze komen vanzelf terug.
hide-pick-legend = Te verbergen documenten
hide-picked = { $n ->
    [one] 1 document gekozen
   *[other] { $n } documenten gekozen
}
hide-when-legend = Verbergen tot
hide-when-hours2 = Over 2 uur
hide-when-tonight = Vanavond, 20 uur
hide-when-tomorrow = Morgenavond, 20 uur
hide-when-custom = Een datum en uur die ik kies
hide-date = Datum
hide-time = Uur
hide-next = Verbergen…
hide-err-no-docs = Kies minstens één document om te verbergen.
hide-err-no-time = Kies tot wanneer je ze verbergt.
hide-err-custom = Typ een datum en een uur.
err-hide_until_past = Dit tijdstip is al voorbij. Kies een later tijdstip.
err-hide_until_too_far = Je kunt documenten hoogstens 90 dagen verbergen. Kies een vroegere datum.
hide-confirm-title = { $n ->
    [one] 1 document verbergen tot { $until }?
   *[other] { $n } documenten verbergen tot { $until }?
}
hide-confirm-text = Tot dan kan niemand ze zien of terughalen, ook jij niet met je wachtzin of je herstelcode.
hide-leaves-worker = „{ $title }” is gedeeld met { $name }; verbergen stopt dat.
hide-leaves-link = „{ $title }” is gedeeld via een link; verbergen stopt dat.
hide-confirm = Verbergen
hide-done = { $n ->
    [one] 1 document is verborgen tot { $until }.
   *[other] { $n } documenten zijn verborgen tot { $until }.
}
# Trusted helpers: errors of the help request routes
err-help_request_open = Er loopt al een hulpverzoek voor deze portefeuille.
err-help_request_ended = Dit hulpverzoek is beëindigd (geannuleerd, verlopen of al gebruikt).
err-help_not_ready = De wachttijd is nog niet voorbij.
err-not_enough_approvals = Nog niet genoeg helpers hebben goedgekeurd.
## Quick exit and "I am on a shared computer"
quick-exit = Snel weg
quick-exit-help = Sluit meteen alles en toont een lege pagina. Drie keer op Esc drukken doet hetzelfde.
shared-computer = Ik zit aan een gedeelde computer
shared-computer-help = Voor dit tabblad: sluiten na 3 minuten zonder activiteit, een waarschuwing voor het afdrukken, en aan het einde een herinnering om de browser te sluiten.
shared-close-browser = Je zit aan een gedeelde computer: sluit nu alle vensters van deze browser.
print-confirm-title = Afdrukken op een gedeelde computer?
print-confirm-text = De printer of deze computer kan een kopie bewaren van wat je afdrukt, en anderen kunnen die zien. Haal het blad meteen bij de printer op.
print-confirm = Toch afdrukken
print-blocked = Op een gedeelde computer drukt u af met de knop Afdrukken op de pagina: die zegt eerst wat de printer en de computer kunnen bewaren.
locked-idle-shared = Je documentenmap werd gesloten omdat niemand hem 3 minuten gebruikte.
locked-idle-shared-downloaded = Je documentenmap werd gesloten omdat niemand hem 3 minuten gebruikte. De bestanden die je gedownload hebt, blijven in de downloadmap van deze browser.
## Trusted helpers: Settings → Helpers, the paper helper card, "Ask for help", the worker's help requests, the cancel banner
helpers-title = Hulppersonen
helpers-lead = Als je je wachtzin en je herstelblad kwijt bent, kunnen mensen die je vertrouwt je helpen om terug binnen te komen: maatschappelijk werkers en papieren hulpkaarten. Niemand van hen kan je documentenmap alleen openen, de dienst ook niet.
helpers-none = Je hebt nog geen hulppersonen gekozen.
helpers-needed = { $k } van deze { $n } hulppersonen zijn nodig om je terug binnen te helpen.
helpers-card-named = Papieren kaart bewaard door
helpers-worker-suspended = Deze maatschappelijk werker is geschorst en kan niet meer helpen. Vervang je hulppersonen.
helpers-choose = Hulppersonen kiezen
helpers-replace = Mijn hulppersonen vervangen
helpers-remove = Mijn hulppersonen verwijderen
helpers-remove-warning = Niemand kan je dan nog helpen om terug binnen te komen. De delen van je hulppersonen en de papieren kaarten werken meteen niet meer.
helpers-remove-confirm = Ja, verwijderen
helpers-removed = Je hulppersonen zijn verwijderd. Hun delen en kaarten werken niet meer.
helpers-saved = Je nieuwe hulppersonen zijn bewaard.
helpers-choose-title = Je nieuwe hulppersonen
helpers-choose-lead = We raden 3 hulppersonen aan, waarvan er 2 nodig zijn: bijvoorbeeld een maatschappelijk werker die je kent en twee papieren kaarten, bewaard door een dagcentrum en door een vriend.
helpers-replace-warning = Je oude hulppersonen werken dan niet meer: hun delen en de oude papieren kaarten openen niets.
helpers-chosen-none = Nog geen hulppersoon gekozen.
helpers-remove-one = Weghalen: { $name }
helpers-remove-one-short = Weghalen
helpers-add-worker = Een maatschappelijk werker toevoegen
helpers-add-card = Een papieren kaart toevoegen
helpers-threshold-label = Hoeveel hulppersonen zijn nodig
helpers-threshold-option = { $k } van { $n }
helpers-threshold-help = Minder dan dit aantal kan niets doen, ook niet samen.
helpers-save = Deze hulppersonen bewaren
helpers-saving = De delen van de hulppersonen worden gemaakt…
helpers-need-two = Kies minstens 2 hulppersonen.
helpers-threshold-too-big = Er kunnen niet meer hulppersonen nodig zijn dan je er hebt.
helpers-too-many = Je kunt hoogstens 10 hulppersonen hebben.
helpers-worker-title = Een maatschappelijk werker, met de code van hun kaart
helpers-check-title = Is dit de juiste persoon?
helpers-check-lead = Controleer de naam en de organisatie met de persoon voor je hen kiest.
helpers-worker-yes = Ja, deze persoon kiezen
helpers-worker-unverified = Deze maatschappelijk werker is nog niet gecontroleerd en kan dus geen hulppersoon zijn. Kies iemand anders of een papieren kaart.
helpers-worker-twice = Deze maatschappelijk werker staat al op de lijst.
helpers-card-title = Een papieren hulpkaart
helpers-card-lead = Je drukt de kaart af (of neemt er een foto van) en geeft ze aan iemand die je vertrouwt: een dagcentrum, een vriend.
helpers-card-label = Wie bewaart deze kaart?
helpers-card-label-help = Alleen jij ziet deze naam, in je documentenmap. Hij staat niet op de kaart.
helpers-card-add = Deze kaart toevoegen
helpers-card-label-empty = Schrijf wie de kaart bewaart.
helpers-card-label-long = Deze naam is te lang.
helpers-print-title = Papieren kaart { $n } van { $total }
helpers-print-lead = Druk deze kaart af of neem er een foto van, en geef ze aan: { $label }. Je ziet ze niet meer terug.
helpers-print = De kaart afdrukken
helpers-print-next = Volgende kaart
helpers-print-done = Ik heb ze afgedrukt of gefotografeerd
helpers-done-title = Je hulppersonen zijn klaar
helpers-done-text = Als je ooit je wachtzin en je herstelblad kwijt bent, kies dan „Ik ben mijn wachtzin en mijn herstelblad kwijt” op de startpagina.
helpers-done-back = Terug naar de instellingen
helper-sheet-title = PDE-hulpkaart
helper-sheet-text = Hulpkaart
helper-sheet-qr = QR-code van de hulpkaart
helper-sheet-step-1 = Bewaar deze kaart op een veilige plek. Ze helpt één persoon om terug in zijn of haar PDE-documentenmap te komen.
helper-sheet-step-2 = Geef ze alleen als die persoon het je zelf vraagt, op het adres hierboven: zij typen ze of scannen de QR-code op hun scherm.
helper-sheet-step-3 = Deze kaart alleen opent niets. Geef ze aan niemand anders.
help-start = Ik ben mijn wachtzin en mijn herstelblad kwijt
help-title = Je hulppersonen om hulp vragen
help-lead = Typ je schuilnaam. Je hulppersonen (een maatschappelijk werker, papieren hulpkaarten) kunnen je dan helpen om terug in je documentenmap te komen.
help-need-pseudonym = Typ je schuilnaam.
help-submit = Om hulp vragen
help-already-open = Er is al een hulpvraag open voor deze documentenmap. Ga terug naar het scherm waar ze gesteld werd, of wacht tot ze afloopt.
help-waiting-title = Je hulpvraag
help-code-title = De code van je hulpvraag
help-code-text = Toon deze code aan je hulppersonen. Een maatschappelijk werker controleert of ze dezelfde is op zijn of haar scherm voor die je helpt.
help-wait = Voor je veiligheid is er een wachttijd van { $hours } uur: je documentenmap kan opengaan vanaf { $time } als genoeg hulppersonen akkoord gingen.
help-others-told = Als je documentenmap open is op een andere telefoon of computer, toont die dat iemand gevraagd heeft om ze terug te krijgen, en kan die de vraag stoppen.
help-status-title = Waar je hulpvraag staat
help-status-open = Maatschappelijk werkers die akkoord gingen: { $approvals }. Papieren kaarten hier getypt: { $cards }.
help-status-cancelled = Deze vraag werd gestopt vanaf een toestel waar de documentenmap open is. Ze kan niets openen.
help-status-expired = Deze vraag is verlopen. Je kunt opnieuw vragen.
help-status-completed = Deze vraag is al gebruikt.
help-check-again = Opnieuw kijken
help-card-title = Een papieren hulpkaart
help-card-lead = Typ de tekst van de kaart, of scan de QR-code. Spaties en hoofdletters tellen niet.
help-card-field = Tekst van de hulpkaart
help-card-add = Deze kaart toevoegen
help-card-scan = De kaart scannen
help-card-not-a-card = Deze QR-code is geen hulpkaart.
help-card-empty = Typ eerst de tekst van de kaart.
help-card-added = De kaart is aanvaard.
help-card-again = Deze kaart werd al getypt.
help-card-mistyped = Deze hulpkaart is niet geldig: een teken is verkeerd getypt. Controleer elke groep van 5 tekens.
help-card-invalid = Deze hulpkaart is niet geldig: een teken ontbreekt of is fout. Controleer of je alles getypt hebt.
help-open-title = Mijn documentenmap openen
help-open-text = Als de wachttijd voorbij is en genoeg hulppersonen akkoord gingen, gaat je documentenmap hier open.
help-open = Mijn documentenmap openen
help-not-ready = De wachttijd is niet voorbij: je documentenmap kan opengaan vanaf { $time }.
help-not-enough = Nog niet genoeg hulppersonen gingen akkoord.
help-opened-title = Je documentenmap is open
help-opened-text = Je documentenmap is weer open, en ze is overal elders gesloten. Kies nu een nieuwe wachtzin; daarna krijg je een nieuw herstelblad.
help-opened-next = Een nieuwe wachtzin kiezen
help-new-title = Je nieuwe wachtzin
help-new-lead = Ze vervangt de wachtzin die je kwijt bent.
help-renew-title = Kies opnieuw je hulppersonen
help-renew-text = Je hulppersonen hielpen je terug binnen. Kies opnieuw hulppersonen in Instellingen → Hulppersonen, en geef nieuwe papieren kaarten: de gebruikte kaarten zijn door dit toestel gezien.
help-renew-others = Je documentenmap werd op alle andere toestellen gesloten.
help-banner-title = Iemand vroeg om je documentenmap terug te krijgen
help-banner-text = Er werd een hulpvraag gesteld op { $time }. Je documentenmap kan voor die persoon opengaan vanaf { $ready } als je hulppersonen akkoord gaan.
help-banner-not-you = Ben jij het niet, stop de vraag dan nu.
help-banner-cancel = Deze vraag stoppen
help-banner-cancelled = De vraag is gestopt. Ze kan niets openen.
help-requests-title = Hulpvragen
help-requests-lead = Mensen die jou als hulppersoon kozen en hun wachtzin en herstelblad kwijt zijn.
help-requests-none = Geen hulpvragen.
help-requests-refresh = Naar vragen kijken
help-request-from = Vraag van
help-request-started = Gevraagd op { $time }.
help-request-code = De code:
help-request-code-wrong = Deze code past niet bij de sleutel van de vraag. Keur ze niet goed, en verwittig de dienst.
help-request-compare = Keur pas goed nadat je deze code vergeleken hebt met die op het scherm van de persoon, van aangezicht tot aangezicht of in een gesprek dat je vertrouwt.
help-request-compared = Ik heb het gecontroleerd: de codes zijn dezelfde en het is deze persoon.
help-request-approve = Goedkeuren
help-request-approved = Je hebt deze vraag goedgekeurd.
## Afspraakkaarten: delen dat alleen op één dag, tussen twee uren, opengaat
appt-when-legend = Wanneer kan men de documenten openen?
appt-when-now = Vanaf nu
appt-when-appointment = Alleen tijdens een afspraak
appt-window-legend = De afspraak
appt-window-help = Brusselse tijd. Voor en na deze uren kan niemand de documenten openen.
appt-field-day = Dag
appt-field-from = Van
appt-field-until = Tot
appt-summary = { $day }, van { $from } tot { $until }
err-appt-incomplete = Kies de dag en de uren van de afspraak.
err-appt-past = Dit uur is al voorbij. Kies een later uur.
err-appt-too_far = Een afspraak kan ten hoogste 90 dagen vooruit liggen.
err-appt-ends_before_start = Het einde moet na het begin komen.
err-appt-too_short = De afspraak moet minstens 15 minuten duren.
err-appt-too_long = Een link kan ten hoogste 7 dagen duren.
err-appointment_in_past = Dit uur is al voorbij. Kies een later uur.
err-appointment_too_far = Een afspraak kan ten hoogste 90 dagen vooruit liggen.
err-appointment_ends_before_start = Het einde moet na het begin komen.
appt-card-title = Je afspraakkaart
appt-card-made = De kaart is klaar. Druk ze af of hou deze pagina op je telefoon. Op de afspraak hoef je je portefeuille niet te openen.
appt-card-heading = Afspraak
appt-card-with = Met
appt-card-worker = { $name } van { $organisation }
appt-card-link = Wie deze kaart en de pincode heeft
appt-card-day = Dag
appt-card-hours = Uren
appt-card-hours-value = van { $from } tot { $until } (Brusselse tijd)
appt-card-documents = Gedeelde documenten
appt-card-qr-link = QR-code van de link naar de documenten
appt-card-qr-worker = QR-code van het adres van PDE
appt-card-how-worker = { $name } opent de documenten in zijn of haar PDE-account, bij “Met mij gedeeld”, van { $from } tot { $until }. Niet eerder, niet later.
appt-card-how-link = Scan de QR-code tussen { $from } en { $until }. Niet eerder, niet later.
appt-card-pin-apart = De pincode staat niet op deze kaart. Zeg ze op de afspraak.
appt-pin-title = De pincode
appt-pin-help = Onthoud ze of schrijf ze ergens anders op. Ze wordt niet afgedrukt.
appt-print = De kaart afdrukken
appt-keep-on-phone = Of hou deze pagina op je telefoon: maak een schermafbeelding.
appt-list-window = Afspraak
appt-list-window-value = { $day }, van { $from } tot { $until }
share-status-scheduled = Afspraak komt nog
link-bad-appointment = Is het een afspraakkaart, dan werkt ze alleen op de dag en de uren van de afspraak.
## Worker keys remembered in the wallet record
err-worker_key_changed = De sleutel van deze persoon is veranderd sinds je de vorige keer met hem of haar deelde. Er is niets gedeeld. Vraag om de kaart opnieuw te tonen en scan de QR-code; lukt dat niet, verwittig dan de beheerder van PDE (Paradigm).
err-record_newer = De lijst van hulpverleners met wie je deelde, werd bewaard door een nieuwere versie van PDE. Er is niets gedeeld. Laad de pagina opnieuw en probeer het nog eens.
