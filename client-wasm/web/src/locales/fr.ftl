## Général
app-name = PDE
app-title = PDE – mes documents, à l’abri
lang-switch = Langue
lang-fr = Français
lang-nl = Nederlands
lang-en = English
lang-ar = العربية
quit = Quitter
back = Retour
next = Suivant
cancel = Annuler
close = Fermer
save = Enregistrer
please-wait = Un instant…
please-wait-keys = Protection de votre porte-documents, attendez quelques secondes…
listen = Écouter
listen-stop = Arrêter la lecture

## Page d’accueil
start-title = Mes documents, à l’abri
start-lead = Gardez ici des photos de vos papiers. Vous seul pouvez les ouvrir : même les personnes qui gèrent ce service ne peuvent pas les lire.
open-title = Ouvrir mon porte-documents
field-pseudonym = Pseudonyme
field-passphrase = Phrase secrète
open-submit = Ouvrir
opening = Ouverture de votre porte-documents, un instant…
start-other = Nouveau ici, ou phrase secrète perdue ?
create-start = Créer un porte-documents
recover-start = J’ai perdu ma phrase secrète : utiliser mon code de secours
locked-quit = Votre porte-documents est fermé. Rien ne reste sur cet ordinateur.
locked-quit-downloaded = Votre porte-documents est fermé. Les fichiers que vous avez téléchargés restent dans le dossier des téléchargements de ce navigateur : supprimez-les si d'autres personnes utilisent cet ordinateur.
locked-idle = Votre porte-documents a été fermé car personne ne l’a utilisé pendant 10 minutes.
locked-idle-downloaded = Votre porte-documents a été fermé car personne ne l’a utilisé pendant 10 minutes. Les fichiers que vous avez téléchargés restent dans le dossier des téléchargements de ce navigateur.

## Créer
create-title = Créer un porte-documents
create-step = Étape { $n } sur { $total }
pseudonym-title = Choisissez un pseudonyme
pseudonym-help = Un nom pour retrouver votre porte-documents. N’utilisez pas votre vrai nom. L’application peut en inventer un pour vous.
pseudonym-generate = Inventez-en un pour moi
passphrase-for = Pseudonyme : { $pseudonym }
pass-generated-title = Votre phrase secrète
pass-generated-help = Ces 5 mots ouvrent votre porte-documents. Écrivez-les sur papier, dans cet ordre.
pass-show-another = Montrer d’autres mots
pass-type-own = Je veux écrire ma propre phrase secrète
pass-write-down = Gardez ce papier en lieu sûr. Sans ces mots ni votre feuille de secours, personne ne peut ouvrir votre porte-documents, pas même nous.
pass-typed-title = Écrivez votre propre phrase secrète
pass-typed-help = Au moins 10 caractères. Le mieux : plusieurs mots dont vous vous souviendrez.
pass-typed-label = Ma phrase secrète
pass-again-label = Écrivez-la encore une fois
pass-show = Afficher ce que j’écris
pass-strength = Solidité : { $level }
pass-strength-empty = Solidité : rien n’est écrit
pass-level-0 = très faible
pass-level-1 = faible
pass-level-2 = bonne
pass-level-3 = très bonne
pass-too-weak = Cette phrase secrète est trop facile à deviner. Ajoutez des mots.
pass-mismatch = Les deux phrases secrètes ne sont pas les mêmes.
pass-use-generated = Utiliser des mots choisis par l’application
create-submit = Créer mon porte-documents
creating = Création de votre porte-documents, attendez quelques secondes…

## Feuille de secours
sheet-screen-title = Votre feuille de secours
sheet-lead = Imprimez cette page ou prenez-la en photo maintenant. Vous ne la verrez qu’une seule fois.
sheet-title = Feuille de secours PDE
field-recovery-code = Code de secours
sheet-qr-label = Code QR du code de secours
sheet-step-1 = Si vous oubliez votre phrase secrète, ce code ouvre votre porte-documents. Ensuite, vous choisissez une nouvelle phrase secrète.
sheet-step-2 = Gardez cette feuille (ou la photo) en lieu sûr, pas avec votre phrase secrète.
sheet-step-3 = Toute personne qui a cette feuille et votre pseudonyme peut ouvrir votre porte-documents. Ne la montrez pas.
sheet-step-4 = Pour l’utiliser : sur la page d’accueil, choisissez « J’ai perdu ma phrase secrète », puis tapez votre pseudonyme et ce code.
sheet-print = Imprimer
sheet-kept = Je l’ai gardée : continuer
confirm-title = Vérifions votre feuille de secours
confirm-help = Pour être sûr que vous avez gardé le code, tapez son groupe numéro { $n } (en comptant depuis la gauche).
confirm-label = Groupe { $n } du code de secours
confirm-submit = Vérifier
confirm-wrong = Ce n’est pas le bon groupe. Regardez à nouveau votre feuille.
confirm-show-sheet = Revoir la feuille

## Secours
recover-title = Ouvrir avec le code de secours
recover-lead = Tapez votre pseudonyme et le code de votre feuille de secours. Ensuite, vous choisirez une nouvelle phrase secrète.
recover-submit = Ouvrir avec le code
recover-new-title = Choisissez une nouvelle phrase secrète
recover-new-lead = Votre porte-documents est ouvert. Choisissez une nouvelle phrase secrète pour l’ouvrir la prochaine fois.
recover-new-submit = Enregistrer la nouvelle phrase secrète

## Porte-documents
wallet-title = Mes documents
add-document = Ajouter un document
write-note = Écrire une note
categories-title = Catégories
category-all = Tout
documents-all = Tous les documents
documents-none = Pas encore de document ici.
doc-count = { $n ->
    [0] vide
    [one] 1 document
   *[other] { $n } documents
}
doc-damaged = Ce document est endommagé
usage = Espace utilisé : { $used } sur { $quota }
category-identity = Identité
category-social_aid = Aide sociale (CPAS)
category-health = Santé
category-housing = Logement
category-income = Revenus
category-work = Travail et formation
category-children = Enfants
category-my_story = Mon histoire
category-contacts = Contacts
category-other = Autre

## Ajouter
add-title = Ajouter un document
note-title = Écrire une note
field-file = Photo ou fichier
take-photo = Prendre une photo
choose-file = Choisir un fichier
file-chosen = Choisi : { $name } ({ $size })
file-none = Aucun fichier choisi.
keep-original = Garder l’original (plus lourd, plus lent à envoyer)
thumb-none = Ce navigateur ne peut pas lire cette photo : elle sera gardée telle quelle, sans petite image dans la liste.
limit-hint = Taille maximale d’un document : { $limit }.
field-title = Titre
field-text = Votre texte
field-category = Catégorie
field-date = Date du document (facultatif)
field-note = Note (facultatif)
field-note-help = Si vous partagez ce document, la personne voit aussi cette note.
progress-label = Progression
progress-prepare = Préparation de la photo…
progress-encrypt = Verrouillage du document : { $percent } %
progress-upload = Envoi : { $percent } %
added = « { $title } » est enregistré.

## Voir
viewer-label = Document
decrypting = Ouverture du document…
pdf-hint = Si le PDF ne s’affiche pas (sur beaucoup de téléphones), utilisez « Télécharger sur cet appareil ».
no-preview = Ce type de fichier ne peut pas être affiché ici. Vous pouvez le télécharger.
download = Télécharger sur cet appareil
download-confirm-title = Garder une copie sur cet ordinateur ?
download-confirm-text = Cet ordinateur gardera une copie lisible de « { $name } » dans le dossier des téléchargements du navigateur. Elle y reste après Quitter.
download-confirm-shared = Sur un ordinateur que d'autres utilisent, ils pourront l'ouvrir : supprimez-la quand vous avez fini.
download-confirm = Oui, télécharger
edit = Renommer ou changer de catégorie
edit-title = Renommer ou changer de catégorie
save-changes = Enregistrer les changements
delete = Supprimer
delete-title = Supprimer ce document ?
delete-text = « { $title } » sera supprimé pour toujours. Personne ne pourra le récupérer.
delete-confirm = Oui, supprimer
deleted = « { $title } » a été supprimé.

## Verrouillage automatique
idle-title = Vous êtes toujours là ?
idle-text = Pour votre sécurité, votre porte-documents va se fermer dans 1 minute.
idle-stay = Rester
idle-quit = Quitter maintenant

## Erreurs
err-fill-both = Tapez votre pseudonyme et votre phrase secrète.
err-fill-both-recovery = Tapez votre pseudonyme et votre code de secours.
err-login-passphrase = Le pseudonyme ou la phrase secrète n’est pas correct.
err-login-recovery = Le pseudonyme ou le code de secours n’est pas correct.
err-recovery-code-format = Ce code de secours contient une faute de frappe. Vérifiez chaque caractère sur votre feuille.
err-too_many_attempts = { $seconds ->
    [one] Trop d’essais. Attendez 1 seconde, puis réessayez.
   *[other] Trop d’essais. Attendez { $seconds } secondes, puis réessayez.
}
err-pseudonym-length = Un pseudonyme a entre 3 et 64 caractères.
err-choose-file = Prenez d’abord une photo ou choisissez un fichier.
err-write-text = Écrivez d’abord votre texte.
err-title = Donnez-lui un titre.
err-document_too_large = Ce fichier est trop gros. Un document peut faire au maximum { $limit }.
err-quota_exceeded = Plus assez de place : { $free } libres sur { $limit }. Supprimez d’abord un document.
err-document_too_large-server = Ce fichier est trop gros pour votre porte-documents.
err-quota_exceeded-server = Votre porte-documents est plein. Supprimez d’abord un document.
err-bad_request = Cette demande n’a pas marché. Réessayez.
err-invalid_field = Quelque chose que vous avez tapé n’est pas accepté. Vérifiez et réessayez.
err-missing_client_header = Cette demande n’a pas marché. Rechargez la page.
err-unauthenticated = Votre session est terminée. Quittez et rouvrez votre porte-documents.
err-pseudonym_taken = Ce pseudonyme est déjà utilisé. Choisissez-en un autre.
err-not_found = Ce document n’existe plus.
err-size_mismatch = L’envoi a échoué. Réessayez.
err-already_uploaded = Ce document a déjà été envoyé.
err-storage_full = Le service est plein pour le moment. Réessayez plus tard.
err-unavailable = Le service n’est pas disponible pour le moment. Réessayez dans une minute.
err-payload_too_large = C’est trop gros pour être envoyé.
err-internal = Un problème est survenu de notre côté. Réessayez plus tard.
err-network = Pas de connexion. Vérifiez internet et réessayez.
err-damaged = Ce document est endommagé.
err-locked = Votre porte-documents est fermé. Ouvrez-le à nouveau.
err-invalid_input = Quelque chose que vous avez tapé n’est pas accepté.

## Sharing: new errors
err-forbidden = Ce n'est pas permis avec ce compte.
err-worker_suspended = Votre compte de travailleur est suspendu. Vous ne pouvez pas ouvrir les documents partagés. Contactez l'équipe PDE.
err-invitation_invalid = Cette invitation n'est plus valable. Demandez-en une nouvelle à l'équipe PDE.
err-invalid_worker_code = Ce code de carte est incomplet : il a 9 lettres ou chiffres, comme sur la carte.
err-worker_code_mistyped = Ce code a une faute de frappe : comparez-le avec la carte, lettre par lettre.
err-worker_not_found = Personne n'a ce code : vérifiez-le sur la carte.
err-worker_code_taken = Votre compte n'a pas pu être créé cette fois. Réessayez.
err-worker_key_mismatch = Le serveur a donné pour ce travailleur une clé qui ne correspond pas à sa carte. Rien n'a été partagé. Ne partagez pas avec cette carte pour le moment, et prévenez l'opérateur de PDE (Paradigm).
err-weak_kdf = Le serveur a demandé de protéger votre phrase secrète moins que PDE ne le fait. Rien n'a été envoyé. Prévenez l'opérateur de PDE (Paradigm).
card-key-mismatch = Le code que le serveur donne pour vous ne correspond pas à votre propre clé. Ne donnez pas cette carte ; prévenez l'opérateur de PDE (Paradigm).
err-share_ended = Ce partage est terminé.
err-link_locked = Ce lien est bloqué : trop de codes PIN faux.
err-passkeys_unavailable = Les clés d’accès ne sont pas disponibles sur ce serveur.
err-ceremony_expired = Cette demande a pris trop de temps ou a déjà servi. Réessayez.
err-passkey_rejected = La réponse de la clé d’accès a été refusée. Réessayez.
err-user_verification_required = Votre appareil doit vérifier que c’est bien vous (verrouillage de l’écran, code PIN ou empreinte). Activez un verrouillage de l’écran et réessayez.
err-passkey_taken = Cette clé d’accès est déjà enregistrée.
err-pin_required = Tapez d'abord le code PIN.
err-wrong_pin = Ce code PIN n'est pas le bon.
err-wrong_pin-left = { $n ->
    [0] Ce code PIN n'est pas le bon. Le lien est maintenant bloqué.
    [one] Ce code PIN n'est pas le bon. Vous pouvez encore essayer 1 fois.
   *[other] Ce code PIN n'est pas le bon. Vous pouvez encore essayer { $n } fois.
}
err-link-not_found = Ce lien ne fonctionne pas. Vérifiez que vous avez le lien en entier.
err-invalid_field-join = Vérifiez votre vrai nom (2 à 100 caractères) et votre nom de connexion.
err-real-name = Tapez votre vrai prénom et nom (2 à 100 caractères).
err-login-name-length = Un nom de connexion a de 3 à 64 caractères.
err-pin-format = Un code PIN a exactement 6 chiffres.
err-share-pick = Choisissez au moins un document.
err-share-too-many = Vous pouvez partager au plus 50 documents à la fois.
try-again = Réessayer

## Sharing: holder
share-start = Partager des documents
shares-open = Mes partages
back-to-documents = Retour à mes documents
back-to-shares = Retour à mes partages
share-title = Partager des documents
share-lead = Choisissez les documents à montrer. La personne verra seulement ceux-là, et seulement pendant le temps que vous choisissez.
share-pick-legend = Documents à partager
share-picked = { $n ->
    [one] 1 document choisi
   *[other] { $n } documents choisis
}
share-who-title = Qui peut les voir ?
share-who-worker = Un travailleur social
field-worker-code = Code de la carte du travailleur
code-help = Il est sur la carte du travailleur : 9 lettres ou chiffres, comme B8Y9-W7S7-8.
code-hint-malformed = Ce n'est pas un code de carte. Utilisez seulement les lettres et chiffres de la carte.
code-hint-mistyped = Ce code a une faute de frappe : comparez-le avec la carte, lettre par lettre.
code-hint-ok = Code { $code } : bien tapé. Choisissez « Trouver ce travailleur ».
code-hint-short = Ce code est incomplet : il a 9 lettres ou chiffres, comme sur la carte.
share-find-worker = Trouver ce travailleur
share-finding = Recherche du travailleur…
share-scan = Scanner le code QR de la carte
share-who-link = Quelqu'un d'autre
share-who-link-text = Créez un lien, protégé par un code PIN que vous dites à voix haute. La personne qui a le lien et le code PIN peut voir les documents jusqu'à la fin.
share-make-link = Créer un lien à la place
share-check-title = Est-ce la bonne personne ?
share-check-lead = Vérifiez le nom et l'organisme avec la personne en face de vous avant de partager.
worker-organisation = Organisme
worker-card-code = Code de la carte
worker-verified = L'équipe PDE a vérifié que cette personne travaille pour cet organisme.
worker-unverified = Attention : l'équipe PDE n'a PAS encore vérifié cette personne. Partagez seulement si vous la connaissez et avez vu sa carte.
worker-verified-short = vérifié par PDE
worker-unverified-short = pas vérifié par PDE
worker-verified-badge = Vérifié par PDE
worker-unverified-badge = PAS vérifié par PDE
share-worker-yes = Oui, c'est la bonne personne
share-worker-no = Non, revenir
share-details-title = Pour combien de temps ?
share-summary = Vous partagez avec { $name } ({ $organisation }).
field-duration = Combien de temps peut-on voir les documents ?
duration-hour = 1 heure
duration-day = 1 jour
duration-week = 7 jours
duration-month = 30 jours
share-ends-at = Le partage se terminera le { $when }.
note-legend = Un message pour { $name } (facultatif)
field-note-from = Le nom que vous voulez donner
note-from-help = Si vous le laissez vide, la personne voit votre pseudonyme ({ $pseudonym }).
field-note-text = Votre message
share-confirm = Partager maintenant
sharing = Partage en cours, patientez…
seen-title = Ce que { $name } verra
seen-title-link = Ce que verra la personne qui a le lien
seen-lead = Tout ce qui accompagne chaque document : son titre, sa catégorie, sa date, votre note et le fichier.
seen-category = Catégorie
seen-date = Date du document
seen-note = Votre note
seen-file = Fichier
seen-none = aucune
seen-file-text = le texte ({ $size })
share-done-title = C'est partagé
share-done-text = { $name } peut voir les documents jusqu'au { $when }.
share-done-revoke = Vous pouvez l'arrêter plus tôt dans « Mes partages ». Vous y voyez aussi chaque ouverture d'un document.
link-make-title = Créer un lien de partage
link-summary = { $n ->
    [one] Le lien montrera 1 document.
   *[other] Le lien montrera { $n } documents.
}
link-explain = Toute personne qui a ce lien peut ouvrir les documents jusqu'à la fin. Le navigateur qui l'ouvre le garde dans son historique : le code PIN, dit à voix haute, est ce qui protège les documents.
link-pin-legend = Code PIN (conseillé)
link-pin-use = Protéger le lien par un code PIN de 6 chiffres
link-no-pin-risk = Sans code PIN, toute personne qui trouve ce lien pourra ouvrir les documents, aussi dans l'historique d'un ordinateur partagé où il a été ouvert.
field-pin = Code PIN (6 chiffres)
link-pin-help = N'écrivez pas le code PIN à côté du lien. Dites-le à la personne à voix haute.
link-pin-generate = Inventer un autre code PIN
link-confirm = Créer le lien
link-done-title = Votre lien de partage
link-done-text = Le lien fonctionne jusqu'au { $when }.
link-renewed-text = { $n ->
    [one] Nouveau lien, avec un nouveau code PIN, pour le même document. Il fonctionne jusqu'au { $when }.
   *[other] Nouveau lien, avec un nouveau code PIN, pour les mêmes { $n } documents. Il fonctionne jusqu'au { $when }.
}
link-show-title = Montrez ou donnez ce lien
link-qr-label = Code QR du lien de partage
link-copy = Copier le lien
link-copied = Le lien est copié. Collez-le dans un message.
link-copy-failed = Impossible de copier ici : le lien est sélectionné, copiez-le vous-même.
link-share = Envoyer le lien…
link-share-title = Documents partagés
link-pin-reminder = Dites ce code PIN à la personne à voix haute :
link-pin-not-copied = Le code PIN n'est pas dans le lien copié ou envoyé : dites-le séparément.
link-pin-spoken = Code PIN : { $pin }
link-no-pin-warning = Ce lien n'a pas de code PIN : toute personne qui l'obtient peut ouvrir les documents.
link-done-leave = Vous ne reverrez plus ce lien. Quand vous avez fini, revenez à vos documents.
shares-title = Mes partages
shares-loading = Chargement de vos partages…
shares-none = Vous n'avez encore rien partagé.
share-with-link = Lien de partage
share-link-pin = { $n ->
    [0] Protégé par un code PIN
    [one] Protégé par un code PIN · 1 code PIN faux tapé
   *[other] Protégé par un code PIN · { $n } codes PIN faux tapés
}
share-link-no-pin = Sans code PIN
share-status-active = Actif
share-status-expired = Terminé
share-status-revoked = Arrêté par vous
share-status-locked = Bloqué après 5 codes PIN faux
share-created = Partagé le
share-ends = Se termine le
share-ended = Terminé le
share-revoked-at = Arrêté le
share-documents = Documents partagés : { $n }
share-doc-opened = ouvert : { $n }
share-doc-downloaded = téléchargé : { $n }
share-doc-deleted = (un document que vous avez supprimé)
share-receipts = Ouvertures
shares-receipts-truth = Chaque ouverture est notée ici, et chaque téléchargement fait avec le bouton Télécharger. Une personne qui a ouvert un document a pu aussi l'enregistrer ou l'imprimer depuis son navigateur : cela n'est pas noté.
share-receipts-none = Personne n'a encore ouvert ces documents.
share-renew = Créer un nouveau lien pour ces documents
share-renew-locked = Ce lien est bloqué. Un nouveau lien a un nouveau code PIN : l'ancien lien, même retrouvé dans un historique, n'ouvre plus rien.
share-renew-ended = Ce lien est terminé. Un nouveau lien a un nouveau code PIN.
quoted = « { $title } »
receipt-open = Ouvert
receipt-download = Téléchargé
receipt-by-worker = par { $name }
receipt-by-link = par le lien
share-revoke = Arrêter ce partage
revoke-title = Arrêter ce partage ?
revoke-text = { $name } ne pourra plus ouvrir ces documents. La liste des ouvertures reste.
revoke-text-link = Le lien n'ouvrira plus rien. La liste des ouvertures reste.
revoke-copies = Les copies que { $name } a déjà téléchargées ou enregistrées restent chez { $name }.
revoke-copies-link = Les copies déjà téléchargées ou enregistrées restent chez les personnes qui les ont.
revoke-confirm = Oui, l'arrêter
revoked-notice = Le partage est arrêté.
scan-video-label = Image de la caméra
scan-help = Tenez le code QR de la carte devant la caméra.
scan-not-a-card = Ce code QR n'est pas une carte de travailleur.
scan-stop = Arrêter la caméra
scan-denied = La caméra ne peut pas être utilisée. Tapez plutôt le code.
scan-unavailable = Ce navigateur ne sait pas lire les codes QR. Tapez plutôt le code.

## Sharing: worker
join-title = Rejoindre PDE comme travailleur social
join-checking = Vérification de votre invitation…
join-lead = Vous êtes invité par { $organisation }. Les personnes que vous aidez verront votre vrai nom et votre organisme avant de partager des documents avec vous.
field-real-name = Votre vrai nom
real-name-help = Prénom et nom, comme sur votre carte de travail.
field-login-name = Nom de connexion
login-name-help = Vous le tapez avec votre phrase secrète pour vous connecter, sur la page d'accueil.
join-passphrase-for = Nom de connexion : { $name }
join-submit = Créer mon compte
joining = Création de votre compte, patientez quelques secondes…
join-invalid-title = Cette invitation n'est plus valable
join-invalid-text = Elle a déjà été utilisée, ou elle est trop ancienne. Demandez une nouvelle invitation à l'équipe PDE.
join-go-start = Aller à la page d'accueil
sheet-step-1-worker = Si vous oubliez votre phrase secrète, ce code ouvre votre compte. Ensuite, vous choisissez une nouvelle phrase secrète.
sheet-step-3-worker = Toute personne qui a cette feuille et votre nom de connexion peut ouvrir votre compte. Ne la montrez pas.
sheet-step-4-worker = Pour l'utiliser : sur la page d'accueil, choisissez « Je suis travailleur social », puis « J’ai perdu ma phrase secrète », et tapez votre nom de connexion et ce code.
worker-title = Partagé avec moi
worker-hello = Vous êtes connecté comme { $name } ({ $organisation }).
worker-unverified-self = L'équipe PDE n'a pas encore vérifié votre compte. D'ici là, les personnes voient un avertissement quand elles partagent avec vous.
worker-card-open = Ma carte
worker-refresh = Voir s'il y a de nouveaux partages
worker-none = Rien n'est partagé avec vous pour le moment. On peut partager des documents avec vous en tapant ou en scannant le code de votre carte.
incoming-from = De la part de { $name }
incoming-pseudonym = Pseudonyme : { $pseudonym }
incoming-note = Son message
share-until = Jusqu'au { $when }
time-left-minutes = { $n ->
    [one] Encore 1 minute
   *[other] Encore { $n } minutes
}
time-left-hours = { $n ->
    [one] Encore 1 heure
   *[other] Encore { $n } heures
}
time-left-days = { $n ->
    [one] Encore 1 jour
   *[other] Encore { $n } jours
}
shared-download = Télécharger sur cet appareil
shared-record-hint = La personne qui a partagé ce document voit que vous l'avez ouvert, et chaque téléchargement fait avec ce bouton. Si vous l'enregistrez ou l'imprimez depuis le navigateur, elle ne le voit pas : utilisez ce bouton.
shared-downloaded = Le fichier est enregistré sur cet appareil.
share-ended-title = Ce partage est terminé
share-ended-text = La personne l'a arrêté, ou le temps est écoulé. Vous ne pouvez plus ouvrir ces documents.
back-to-list = Retour à la liste
worker-suspended-title = Votre compte est suspendu
card-title = Ma carte
card-lead = Montrez cette carte aux personnes que vous aidez : elles tapent le code ou scannent le code QR pour partager des documents avec vous.
card-sheet-title = Carte de travailleur PDE
card-name = Nom
card-qr-label = Code QR de la carte : le code et une vérification complète de la clé du travailleur
card-instructions = Pour partager des documents avec moi : dans votre porte-documents PDE, choisissez « Partager des documents », puis tapez ce code ou scannez ce code QR.
card-print = Imprimer ma carte
card-verified = Vérifié par l'équipe PDE
card-unverified = Pas encore vérifié par l'équipe PDE

## Sharing: link visitor
link-brand = Documents partagés
link-title = Documents partagés avec vous
link-opening = Ouverture du lien…
link-pin-title = Ce lien a un code PIN
link-pin-text = Tapez les 6 chiffres que la personne vous a dits.
field-link-pin = Code PIN
link-pin-field-help = 6 chiffres, avec ou sans espace (par exemple 123 456).
link-pin-submit = Ouvrir les documents
link-from = De la part de { $name }
link-visitor-hint = Quand vous avez fini, choisissez Quitter : rien ne reste sur cet ordinateur, sauf les fichiers que vous téléchargez.
link-bad-title = Ce lien ne fonctionne pas
link-bad-text = Vérifiez que vous avez le lien en entier, exactement comme on vous l'a donné. Demandez à la personne de vous le redonner.
link-ended-title = Ce lien est terminé
link-ended-text = La personne a arrêté le partage, ou le temps est écoulé. Demandez-lui un nouveau lien.
link-locked-title = Ce lien est bloqué
link-locked-text = Trop de codes PIN faux ont été tapés. Demandez à la personne qui l'a partagé de créer un nouveau lien.
link-closed-title = Les documents sont fermés
link-closed-text = Rien ne reste sur cet ordinateur. Pour les revoir, ouvrez le lien à nouveau.
link-closed-text-downloaded = Les fichiers que vous avez téléchargés restent dans le dossier des téléchargements de ce navigateur : supprimez-les si d'autres personnes utilisent cet ordinateur. Pour revoir les documents, ouvrez le lien à nouveau.

## Connexion, navigation, formulaires
start-worker-switch = Je suis travailleur social
start-worker-title = Compte de travailleur social
start-worker-lead = Ouvrez le compte que votre organisation vous a invité à créer. Il montre les documents que des personnes partagent avec vous.
open-worker-title = Ouvrir mon compte de travail
start-worker-other = Pas encore de compte, ou phrase secrète perdue ?
start-worker-invitation = Votre organisation vous envoie un lien d’invitation pour créer votre compte.
recover-start-worker = J’ai perdu ma phrase secrète : utiliser le code de secours de mon compte
start-holder-switch = Je ne suis pas travailleur social : ouvrir un porte-documents
err-fill-both-worker = Tapez votre nom de connexion et votre phrase secrète.
err-login-worker = Le nom de connexion ou la phrase secrète n’est pas correct.
err-fill-both-recovery-worker = Tapez votre nom de connexion et votre code de secours.
recover-lead-worker = Tapez votre nom de connexion et le code de la feuille de secours de votre compte. Ensuite, vous choisirez une nouvelle phrase secrète.
login-recovery-hint = Ça ne marche toujours pas ? Si vous avez perdu votre phrase secrète, le code de votre feuille de secours ouvre votre porte-documents.
login-recovery-hint-worker = Ça ne marche toujours pas ? Si vous avez perdu votre phrase secrète, le code de votre feuille de secours ouvre votre compte.
pass-words-kept = Ces mots restent les mêmes après le changement de langue. Pour des mots dans cette langue, appuyez sur « Montrer d’autres mots ».
recover-new-lead-worker = Votre compte est ouvert. Choisissez une nouvelle phrase secrète pour l’ouvrir la prochaine fois.
recover-end-others = Fermer les autres sessions ouvertes de mon porte-documents (sur un autre téléphone ou ordinateur)
recover-end-others-worker = Fermer les autres sessions ouvertes de mon compte (sur un autre téléphone ou ordinateur)
recover-saved-title = Nouvelle phrase secrète enregistrée
recover-saved-text = Dorénavant, ouvrez avec votre nouvelle phrase secrète. L’ancienne ne marche plus.
recover-saved-others = Vos autres sessions ouvertes sont fermées.
recover-saved-continue = Aller à mon porte-documents
recover-saved-continue-worker = Aller à mon compte
close-ask-title = Fermer votre porte-documents ?
close-ask-text = Revenir en arrière ferme votre porte-documents. Pour le rouvrir, il vous faudra votre phrase secrète.
close-ask-title-worker = Fermer votre compte ?
close-ask-text-worker = Revenir en arrière ferme votre compte. Pour le rouvrir, il vous faudra votre phrase secrète.
close-ask-stay = Rester ici
close-ask-close = Le fermer
title-length = { $n } caractères sur { $max } au plus.
err-title-too-long = Ce titre est trop long : { $n } caractères, { $max } au plus. Raccourcissez-le.
edit-saved = Modifications enregistrées.
sheet-address = Adresse web
sheet-made = Faite le
err-login-name-taken = Ce nom de connexion est déjà utilisé. Choisissez-en un autre.

## The crypto worker (keys live in a worker of their own)
documents-opening = { $n ->
    [one] Ouverture d'un document de plus…
   *[other] Ouverture de { $n } documents de plus…
}
locked-lost = Votre porte-documents s'est fermé parce que le navigateur a arrêté la partie qui chiffre et déchiffre (peut-être par manque de mémoire). Vos documents sont en sécurité. Ouvrez-le à nouveau ; si vous ajoutiez un document, vérifiez qu'il est dans la liste.
err-worker_lost = Le navigateur a arrêté la partie qui chiffre et déchiffre (peut-être par manque de mémoire). Ouvrez à nouveau votre porte-documents.
link-lost = Cette page s'est fermée parce que le navigateur a arrêté la partie qui déchiffre (peut-être par manque de mémoire). Ouvrez à nouveau le lien.
settings-open = Réglages
settings-title = Réglages
wallet-delete-title = Supprimer mon porte-documents
wallet-delete-goes = Supprimer votre porte-documents efface de ce serveur tous vos documents et vos notes, vos partages (les travailleurs sociaux et les liens ne peuvent plus rien ouvrir, tout de suite), votre pseudonyme, ainsi que votre phrase secrète et votre code de secours, qui n'ouvriront plus rien. C'est définitif.
wallet-delete-stays = Ce qui reste : les sauvegardes du serveur gardent une copie chiffrée de votre porte-documents jusqu'à leur suppression, au plus tard { $n } jours après. Les fichiers que vous avez téléchargés restent là où vous les avez enregistrés, tout comme les copies qu'un travailleur social a déjà téléchargées.
wallet-delete-start = Supprimer mon porte-documents…
wallet-delete-confirm-lead = Pour confirmer, tapez le pseudonyme de ce porte-documents.
wallet-delete-confirm-label = Pseudonyme de ce porte-documents
wallet-delete-wrong-pseudonym = Ce n'est pas le pseudonyme de ce porte-documents. Rien n'a été supprimé.
wallet-delete-continue = Continuer
wallet-delete-proof-lead = Dernière étape : prouvez que c'est vous avec votre phrase secrète ou votre code de secours. Votre porte-documents est alors supprimé tout de suite.
wallet-delete-proof-legend = Le prouver avec
wallet-delete-need-passphrase = Tapez votre phrase secrète. Rien n'a été supprimé.
wallet-delete-need-code = Tapez votre code de secours. Rien n'a été supprimé.
wallet-delete-busy = Suppression…
wallet-delete-submit = Supprimer définitivement mon porte-documents
wallet-deleted-title = Porte-documents supprimé
wallet-deleted-text = Le porte-documents a été supprimé et fermé. Plus rien n'en reste ouvert sur cet ordinateur.
wallet-deleted-start = Aller à la page d'accueil

## Tout télécharger (export)
export-title = Tout télécharger
export-lead = Emportez vos papiers : un seul fichier zip avec tous vos documents, chiffrés, que vous pouvez ouvrir sans PDE avec le programme gratuit age. Vous choisissez une phrase secrète qui protège la clé du fichier.
export-start = Tout télécharger…
export-passphrase-lead = Choisissez la phrase secrète qui protégera cet export : celle de votre porte-documents ou une autre. Elle ne protège que ce fichier. Sans elle, personne ne peut ouvrir l’export, pas même vous.
export-passphrase-label = Phrase secrète de l’export
export-passphrase-again = La même phrase secrète encore une fois
export-need-passphrase = Tapez une phrase secrète.
export-passphrase-mismatch = Les deux phrases secrètes ne sont pas les mêmes.
export-submit = Faire le fichier zip
export-progress-label = Avancement de l’export
export-progress = { $done } documents sur { $total }
export-done = C’est fait : { $n } documents dans { $name }, dans vos téléchargements.
export-damaged-left-out = { $n ->
    [one] Un document n’a pas pu être lu et n’y est pas.
   *[other] { $n } documents n’ont pas pu être lus et n’y sont pas.
}
export-plain-start = Télécharger les fichiers en clair…
export-plain-warning = Attention : ces fichiers ne sont pas chiffrés. Toute personne qui utilise cet ordinateur ou trouve les fichiers peut lire tous vos papiers. Faites-le seulement sur votre propre appareil, et supprimez les fichiers quand vous n’en avez plus besoin.
export-plain-submit = J’ai compris, télécharger les fichiers en clair
export-readme-title = Vos papiers de PDE
export-readme-intro = Ce fichier zip contient vos documents, chiffrés. Vous pouvez les ouvrir sans PDE, avec le programme gratuit age (https://age-encryption.org ; sur Debian ou Ubuntu : apt install age).
export-readme-names = Les fichiers sont numérotés et leur nom ne dit jamais ce qu’est un document : quelqu’un qui voit ce fichier zip (sur un ordinateur partagé, par exemple) n’apprend pas quels papiers il contient.
export-readme-step-identity = 1. Ouvrez votre clé avec la phrase secrète tapée en faisant cet export (age la demande) :
export-readme-step-document = 2. Ouvrez chaque document avec cette clé. documents/1.age est le premier document ; choisissez le nom du fichier obtenu (par exemple document-1.pdf) :
export-readme-step-metadata = 3. Son titre, sa catégorie, ses dates et sa note sont dans documents/1.json.age :
export-readme-keep = identity.txt ouvre tous les documents : gardez-le en lieu sûr, et supprimez-le quand vous avez fini.
export-readme-damaged = Si un fichier est abîmé ou a été modifié, age s’arrête avec un message d’erreur comme celui ci-dessous, et le fichier qu’il faisait est incomplet : supprimez-le et faites un nouvel export depuis votre porte-documents.

## Passkeys et Réglages → moyens d'ouvrir, sessions (issue 9)
passkey-cancelled = La demande de clé d'accès a été fermée, a expiré, ou votre appareil n'a pas pu vérifier que c'est vous (verrouillage, code ou empreinte). Rien ne s'est passé : réessayez, ou utilisez votre phrase secrète.
passkey-open-title = Ouvrir avec une clé d'accès
passkey-open-help = Utilisez le verrouillage de cet appareil (empreinte, visage, code ou schéma) au lieu de taper votre pseudonyme et votre phrase secrète.
passkey-open-button = Ouvrir avec une clé d'accès
passkey-open-busy = En attente de votre clé d'accès…
passkey-unlock-title = Tapez votre phrase secrète pour déverrouiller
passkey-unlock-why = Votre clé d'accès a prouvé que c'est vous, mais sur cet appareil elle ne peut pas déverrouiller vos documents (votre appareil ne sait pas faire la partie « déverrouiller » des clés d'accès). Tapez votre phrase secrète pour les ouvrir.
passkey-unlock-need-passphrase = Tapez votre phrase secrète.
passkey-create-title = Utiliser le verrouillage de ce téléphone
passkey-create-help = Votre porte-documents s'ouvrira avec le verrouillage de cet appareil (empreinte, visage, code ou schéma), sans phrase secrète à retenir. Ensuite vous recevez une feuille de secours, au cas où vous perdez cet appareil.
passkey-create-button = Utiliser le verrouillage de ce téléphone
passkey-create-passphrase-instead = Choisir plutôt une phrase secrète
passkey-create-no-prf = Votre porte-documents est créé et le verrouillage de cet appareil vous connecte. Mais cet appareil ne peut pas s'en servir pour déverrouiller vos documents : choisissez aussi une phrase secrète, que vous taperez après le verrouillage.
passkey-create-no-prf-submit = Garder cette phrase secrète
ways-title = Moyens d'ouvrir mon porte-documents
ways-passkeys = Clés d'accès (verrouillage de l'appareil)
ways-passkeys-none = Pas encore de clé d'accès.
ways-passkey-made = Ajoutée le { $when }
ways-passkey-used = dernière utilisation le { $when }
ways-passkey-never-used = pas encore utilisée
ways-passkey-unlocks = Connecte et déverrouille.
ways-passkey-logs-in-only = Connecte seulement : la phrase secrète déverrouille.
ways-passkey-rename = Renommer
ways-passkey-rename-named = Renommer la clé d'accès { $name }
ways-passkey-remove = Retirer
ways-passkey-remove-named = Retirer la clé d'accès { $name }
ways-passkey-add = Ajouter une clé d'accès
ways-passkey-add-submit = Continuer avec le verrouillage
ways-passkey-remove-submit = Retirer cette clé d'accès
ways-passkey-name = Nom de cette clé d'accès
ways-passkey-rename-submit = Enregistrer le nom
ways-name-length = Le nom doit avoir de 1 à 64 caractères.
ways-add-lead = Prouvez d'abord que c'est vous ; ensuite cet appareil demande son verrouillage.
ways-remove-lead = Prouvez d'abord que c'est vous. La clé d'accès { $name } n'ouvrira plus votre porte-documents.
ways-recovery-help = Une nouvelle feuille de secours remplace l'ancienne : l'ancien code ne marche plus, tout de suite.
ways-recovery-new = Faire une nouvelle feuille de secours
ways-recovery-lead = Prouvez d'abord que c'est vous. L'ancien code de secours ne marchera plus, tout de suite.
ways-recovery-submit = Faire la nouvelle feuille
ways-recovery-sheet-lead = Voici votre nouvelle feuille de secours. L'ancienne ne marche plus : imprimez celle-ci ou recopiez-la maintenant.
ways-passphrase-change = Changer ma phrase secrète
ways-current-passphrase = Phrase secrète actuelle
ways-current-needed = Tapez votre phrase secrète actuelle.
ways-passphrase-submit = Changer ma phrase secrète
ways-proof-legend = Prouver que c'est vous avec
ways-proof-passkey = Une clé d'accès
ways-proof-passkey-help = Votre appareil va demander son verrouillage.
ways-proof-needed = Remplissez le champ pour prouver que c'est vous.
ways-end-others = Fermer aussi mon porte-documents partout ailleurs où il est ouvert
ways-ended-others = Partout ailleurs, votre porte-documents est fermé.
ways-passphrase-changed = Votre phrase secrète est changée. L'ancienne ne marche plus.
ways-recovery-changed = Votre nouvelle feuille de secours est prête. L'ancien code ne marche plus.
ways-passkey-added = La clé d'accès est ajoutée : elle connecte et déverrouille votre porte-documents.
ways-passkey-added-no-prf = La clé d'accès est ajoutée. Sur cet appareil elle connecte seulement : votre phrase secrète déverrouille.
ways-passkey-removed = La clé d'accès est retirée : elle n'ouvre plus votre porte-documents.
ways-passkey-renamed = Le nom est enregistré.
sessions-title = Où mon porte-documents est ouvert
sessions-help = Chaque endroit où votre porte-documents est ouvert maintenant. Fermez ceux que vous ne connaissez pas ou n'utilisez plus.
sessions-this-one = celui-ci
sessions-started = ouvert le { $when }
sessions-last-used = dernière utilisation le { $when }
sessions-end = Fermer
sessions-end-named = Fermer la session sur { $device }, dernière utilisation le { $when }
sessions-end-others = Fermer tous les autres
sessions-ended-one = Cette session est fermée.
sessions-ended-others = Toutes les autres sessions sont fermées.
device-form-phone = Téléphone
device-form-tablet = Tablette
device-form-computer = Ordinateur
device-form-unknown = Appareil
device-system-ios = iPhone ou iPad
device-system-other = autre système

## Masquer jusqu’à… (documents masqués par le serveur jusqu’à une heure)
hide-start = Masquer jusqu’à…
hide-title = Masquer des documents jusqu’à…
hide-lead = Les documents masqués disparaissent de votre porte-documents jusqu’à l’heure choisie : sur tous les téléphones et ordinateurs, même avec votre phrase secrète, une clé d’accès ou votre code de secours. Personne ne peut les faire revenir plus tôt, pas même vous. Ils reviennent tout seuls.
hide-pick-legend = Documents à masquer
hide-picked = { $n ->
    [one] 1 document choisi
   *[other] { $n } documents choisis
}
hide-when-legend = Les masquer jusqu’à
hide-when-hours2 = Dans 2 heures
hide-when-tonight = Ce soir, 20 h
hide-when-tomorrow = Demain soir, 20 h
hide-when-custom = Une date et une heure que je choisis
hide-date = Jour
hide-time = Heure
hide-next = Masquer…
hide-err-no-docs = Choisissez au moins un document à masquer.
hide-err-no-time = Choisissez jusqu’à quand les masquer.
hide-err-custom = Tapez une date et une heure.
err-hide_until_past = Cette heure est déjà passée. Choisissez-en une plus tard.
err-hide_until_too_far = On peut masquer des documents pendant 90 jours au plus. Choisissez une date plus proche.
hide-confirm-title = { $n ->
    [one] Masquer 1 document jusqu’au { $until } ?
   *[other] Masquer { $n } documents jusqu’au { $until } ?
}
hide-confirm-text = D’ici là, personne ne peut les voir ni les faire revenir, pas même vous avec votre phrase secrète ou votre code de secours.
hide-leaves-worker = « { $title } » est partagé avec { $name } ; le masquer arrête ce partage.
hide-leaves-link = « { $title } » est partagé par un lien ; le masquer arrête ce partage.
hide-confirm = Les masquer
hide-done = { $n ->
    [one] 1 document est masqué jusqu’au { $until }.
   *[other] { $n } documents sont masqués jusqu’au { $until }.
}
# Trusted helpers: errors of the help request routes
err-help_request_open = Une demande d’aide est déjà en cours pour ce portefeuille.
err-help_request_ended = Cette demande d’aide est terminée (annulée, expirée ou déjà utilisée).
err-help_not_ready = Le délai d’attente n’est pas encore écoulé.
err-not_enough_approvals = Pas encore assez d’aidants ont approuvé.
## Quick exit and "I am on a shared computer"
quick-exit = Sortie rapide
quick-exit-help = Ferme tout de suite et affiche une page vide. Appuyer trois fois sur Échap fait la même chose.
shared-computer = Je suis sur un ordinateur partagé
shared-computer-help = Pour cet onglet : fermeture après 3 minutes sans activité, un avertissement avant d’imprimer, et un rappel de fermer le navigateur à la fin.
shared-close-browser = Vous êtes sur un ordinateur partagé : fermez maintenant toutes les fenêtres de ce navigateur.
print-confirm-title = Imprimer sur un ordinateur partagé ?
print-confirm-text = L’imprimante ou cet ordinateur peut garder une copie de ce que vous imprimez, et d’autres personnes pourraient la voir. Reprenez tout de suite la feuille à l’imprimante.
print-confirm = Imprimer quand même
print-blocked = Sur un ordinateur partagé, imprimez avec le bouton Imprimer de la page : il dit d'abord ce que l'imprimante et l'ordinateur peuvent garder.
locked-idle-shared = Votre porte-documents a été fermé car personne ne l’a utilisé pendant 3 minutes.
locked-idle-shared-downloaded = Votre porte-documents a été fermé car personne ne l’a utilisé pendant 3 minutes. Les fichiers que vous avez téléchargés restent dans le dossier des téléchargements de ce navigateur.
## Trusted helpers: Settings → Helpers, the paper helper card, "Ask for help", the worker's help requests, the cancel banner
helpers-title = Aidants
helpers-lead = Si vous perdez votre phrase secrète et votre feuille de secours, des personnes de confiance peuvent vous aider à revenir : des travailleurs sociaux et des cartes d’aidant en papier. Aucune ne peut ouvrir votre porte-documents seule, le service non plus.
helpers-none = Vous n’avez pas encore choisi d’aidants.
helpers-needed = { $k } de ces { $n } aidants sont nécessaires pour vous aider à revenir.
helpers-card-named = Carte en papier gardée par
helpers-worker-suspended = Ce travailleur est suspendu et ne peut plus aider. Remplacez vos aidants.
helpers-choose = Choisir des aidants
helpers-replace = Remplacer mes aidants
helpers-remove = Retirer mes aidants
helpers-remove-warning = Plus personne ne pourra vous aider à revenir. Les parts de vos aidants et les cartes en papier ne marchent plus, tout de suite.
helpers-remove-confirm = Oui, les retirer
helpers-removed = Vos aidants sont retirés. Leurs parts et leurs cartes ne marchent plus.
helpers-saved = Vos nouveaux aidants sont enregistrés.
helpers-choose-title = Vos nouveaux aidants
helpers-choose-lead = Nous conseillons 3 aidants, dont 2 sont nécessaires : par exemple un travailleur social que vous connaissez et deux cartes en papier, gardées par un centre de jour et par un ami.
helpers-replace-warning = Vos anciens aidants ne marcheront plus : leurs parts et les anciennes cartes en papier n’ouvriront rien.
helpers-chosen-none = Aucun aidant choisi pour l’instant.
helpers-remove-one = Retirer { $name } de la liste
helpers-remove-one-short = Retirer
helpers-add-worker = Ajouter un travailleur social
helpers-add-card = Ajouter une carte en papier
helpers-threshold-label = Combien d’aidants sont nécessaires
helpers-threshold-option = { $k } sur { $n }
helpers-threshold-help = Moins que ce nombre ne peuvent rien faire, même ensemble.
helpers-save = Enregistrer ces aidants
helpers-saving = Préparation des parts des aidants…
helpers-need-two = Choisissez au moins 2 aidants.
helpers-threshold-too-big = Il ne peut pas falloir plus d’aidants que vous n’en avez.
helpers-too-many = Vous pouvez avoir au plus 10 aidants.
helpers-worker-title = Un travailleur social, par le code de sa carte
helpers-check-title = Est-ce la bonne personne ?
helpers-check-lead = Vérifiez le nom et l’organisation avec la personne avant de la choisir.
helpers-worker-yes = Oui, choisir cette personne
helpers-worker-unverified = Ce travailleur n’est pas encore vérifié : il ne peut pas être aidant. Choisissez-en un autre ou une carte en papier.
helpers-worker-twice = Ce travailleur est déjà dans la liste.
helpers-card-title = Une carte d’aidant en papier
helpers-card-lead = Vous allez imprimer la carte (ou la photographier) et la donner à quelqu’un de confiance : un centre de jour, un ami.
helpers-card-label = Qui gardera cette carte ?
helpers-card-label-help = Vous seul voyez ce nom, dans votre porte-documents. Il n’est pas imprimé sur la carte.
helpers-card-add = Ajouter cette carte
helpers-card-label-empty = Écrivez qui gardera la carte.
helpers-card-label-long = Ce nom est trop long.
helpers-print-title = Carte en papier { $n } sur { $total }
helpers-print-lead = Imprimez cette carte ou photographiez-la, et donnez-la à : { $label }. Vous ne la reverrez plus.
helpers-print = Imprimer la carte
helpers-print-next = Carte suivante
helpers-print-done = Je l’ai imprimée ou photographiée
helpers-done-title = Vos aidants sont prêts
helpers-done-text = Si un jour vous perdez votre phrase secrète et votre feuille de secours, choisissez « J’ai perdu ma phrase secrète et ma feuille de secours » sur la page d’accueil.
helpers-done-back = Retour aux réglages
helper-sheet-title = Carte d’aidant PDE
helper-sheet-text = Carte d’aidant
helper-sheet-qr = Code QR de la carte d’aidant
helper-sheet-step-1 = Gardez cette carte en lieu sûr. Elle aide une personne à revenir dans son porte-documents PDE.
helper-sheet-step-2 = Ne la donnez que si cette personne vous le demande elle-même, à l’adresse ci-dessus : elle la tape ou scanne son code QR sur son écran.
helper-sheet-step-3 = Cette carte seule n’ouvre rien. Ne la donnez à personne d’autre.
help-start = J’ai perdu ma phrase secrète et ma feuille de secours
help-title = Demander de l’aide à vos aidants
help-lead = Tapez votre pseudonyme. Vos aidants (un travailleur social, des cartes d’aidant en papier) pourront ensuite vous aider à revenir dans votre porte-documents.
help-need-pseudonym = Tapez votre pseudonyme.
help-submit = Demander de l’aide
help-already-open = Une demande d’aide est déjà ouverte pour ce porte-documents. Retournez à l’écran où elle a été faite, ou attendez qu’elle se termine.
help-waiting-title = Votre demande d’aide
help-code-title = Le code de votre demande
help-code-text = Montrez ce code à vos aidants. Un travailleur social vérifie qu’il est le même sur son écran avant de vous aider.
help-wait = Pour votre sécurité, il y a un délai d’attente de { $hours } heures : votre porte-documents pourra s’ouvrir à partir du { $time } si assez d’aidants ont accepté.
help-others-told = Si votre porte-documents est ouvert sur un autre téléphone ou ordinateur, celui-ci affiche que quelqu’un a demandé à le récupérer, et peut arrêter la demande.
help-status-title = Où en est votre demande
help-status-open = Travailleurs sociaux qui ont accepté : { $approvals }. Cartes en papier tapées ici : { $cards }.
help-status-cancelled = Cette demande a été arrêtée depuis un appareil où le porte-documents est ouvert. Elle ne peut rien ouvrir.
help-status-expired = Cette demande a expiré. Vous pouvez demander à nouveau.
help-status-completed = Cette demande a déjà servi.
help-check-again = Vérifier à nouveau
help-card-title = Une carte d’aidant en papier
help-card-lead = Tapez le texte de la carte, ou scannez son code QR. Les espaces et les majuscules ne comptent pas.
help-card-field = Texte de la carte d’aidant
help-card-add = Ajouter cette carte
help-card-scan = Scanner la carte
help-card-not-a-card = Ce code QR n’est pas une carte d’aidant.
help-card-empty = Tapez d’abord le texte de la carte.
help-card-added = La carte est acceptée.
help-card-again = Cette carte a déjà été tapée.
help-card-mistyped = Cette carte d’aidant n’est pas valable : un caractère est mal tapé. Vérifiez chaque groupe de 5 caractères.
help-card-invalid = Cette carte d’aidant n’est pas valable : un caractère manque ou est faux. Vérifiez que vous avez tout tapé.
help-open-title = Ouvrir mon porte-documents
help-open-text = Quand le délai d’attente est passé et qu’assez d’aidants ont accepté, votre porte-documents s’ouvre ici.
help-open = Ouvrir mon porte-documents
help-not-ready = Le délai d’attente n’est pas fini : votre porte-documents pourra s’ouvrir à partir du { $time }.
help-not-enough = Pas encore assez d’aidants ont accepté.
help-opened-title = Votre porte-documents est ouvert
help-opened-text = Votre porte-documents est de nouveau ouvert, et il est fermé partout ailleurs. Choisissez maintenant une nouvelle phrase secrète ; ensuite vous recevrez une nouvelle feuille de secours.
help-opened-next = Choisir une nouvelle phrase secrète
help-new-title = Votre nouvelle phrase secrète
help-new-lead = Elle remplace celle que vous avez perdue.
help-renew-title = Choisissez à nouveau vos aidants
help-renew-text = Vos aidants vous ont aidé à revenir. Choisissez à nouveau vos aidants dans Réglages → Aidants, et donnez de nouvelles cartes en papier : celles qui ont servi ont été vues par cet appareil.
help-renew-others = Votre porte-documents a été fermé sur tous les autres appareils.
help-banner-title = Quelqu’un a demandé à récupérer votre porte-documents
help-banner-text = Une demande d’aide a été faite le { $time }. Votre porte-documents pourra s’ouvrir pour cette personne à partir du { $ready } si vos aidants acceptent.
help-banner-not-you = Si ce n’est pas vous, arrêtez-la maintenant.
help-banner-cancel = Arrêter cette demande
help-banner-cancelled = La demande est arrêtée. Elle ne peut rien ouvrir.
help-requests-title = Demandes d’aide
help-requests-lead = Des personnes qui vous ont choisi comme aidant et ont perdu leur phrase secrète et leur feuille de secours.
help-requests-none = Aucune demande d’aide.
help-requests-refresh = Voir les demandes
help-request-from = Demande de
help-request-started = Demandée le { $time }.
help-request-code = Code :
help-request-code-wrong = Ce code ne correspond pas à la clé de la demande. Ne l’approuvez pas, et prévenez le service.
help-request-compare = N’approuvez qu’après avoir comparé ce code avec celui sur l’écran de la personne, en face à face ou lors d’un appel de confiance.
help-request-compared = J’ai vérifié : les codes sont les mêmes et c’est bien cette personne.
help-request-approve = Approuver
help-request-approved = Vous avez approuvé cette demande.
## Cartes de rendez-vous : un partage qui ne s'ouvre qu'un jour, entre deux heures
appt-when-legend = Quand peut-on ouvrir les documents ?
appt-when-now = À partir de maintenant
appt-when-appointment = Seulement pendant un rendez-vous
appt-window-legend = Le rendez-vous
appt-window-help = Heure de Bruxelles. Avant et après ces heures, personne ne peut ouvrir les documents.
appt-field-day = Jour
appt-field-from = De
appt-field-until = À
appt-summary = { $day }, de { $from } à { $until }
err-appt-incomplete = Choisissez le jour et les heures du rendez-vous.
err-appt-past = Cette heure est déjà passée. Choisissez-en une plus tard.
err-appt-too_far = Un rendez-vous peut être au plus dans 90 jours.
err-appt-ends_before_start = La fin doit être après le début.
err-appt-too_short = Le rendez-vous doit durer au moins 15 minutes.
err-appt-too_long = Un lien peut durer au plus 7 jours.
err-appointment_in_past = Cette heure est déjà passée. Choisissez-en une plus tard.
err-appointment_too_far = Un rendez-vous peut être au plus dans 90 jours.
err-appointment_ends_before_start = La fin doit être après le début.
appt-card-title = Votre carte de rendez-vous
appt-card-made = La carte est prête. Imprimez-la ou gardez cette page sur votre téléphone. Au rendez-vous, vous n'avez pas besoin d'ouvrir votre portefeuille.
appt-card-heading = Rendez-vous
appt-card-with = Avec
appt-card-worker = { $name } ({ $organisation })
appt-card-link = La personne qui a cette carte et le code PIN
appt-card-day = Jour
appt-card-hours = Heures
appt-card-hours-value = de { $from } à { $until } (heure de Bruxelles)
appt-card-documents = Documents partagés
appt-card-qr-link = Code QR du lien vers les documents
appt-card-qr-worker = Code QR de l'adresse de PDE
appt-card-how-worker = { $name } ouvre les documents dans son compte PDE, dans « Partagé avec moi », de { $from } à { $until }. Pas avant, pas après.
appt-card-how-link = Scannez le code QR entre { $from } et { $until }. Pas avant, pas après.
appt-card-pin-apart = Le code PIN n'est pas sur cette carte. Dites-le au rendez-vous.
appt-pin-title = Le code PIN
appt-pin-help = Retenez-le ou notez-le ailleurs. Il n'est pas imprimé.
appt-print = Imprimer la carte
appt-keep-on-phone = Ou gardez cette page sur votre téléphone : faites une capture d'écran.
appt-list-window = Rendez-vous
appt-list-window-value = { $day }, de { $from } à { $until }
share-status-scheduled = Rendez-vous à venir
link-bad-appointment = Si c'est une carte de rendez-vous, elle ne marche que le jour et aux heures du rendez-vous.
## Worker keys remembered in the wallet record
err-worker_key_changed = La clé de cette personne a changé depuis votre dernier partage avec elle. Rien n'a été partagé. Demandez-lui de montrer à nouveau sa carte et scannez son code QR ; si vous ne pouvez pas, prévenez l'opérateur de PDE (Paradigm).
err-record_newer = La liste des travailleurs avec qui vous avez partagé a été enregistrée par une version plus récente de PDE. Rien n'a été partagé. Rechargez la page et réessayez.
