## Général
app-name = PDE
app-title = PDE – mes documents, à l’abri
lang-switch = Langue
lang-fr = Français
lang-nl = Nederlands
lang-en = English
quit = Quitter
back = Retour
next = Suivant
cancel = Annuler
close = Fermer
save = Enregistrer
please-wait = Un instant…
please-wait-keys = Protection de votre porte-documents, attendez quelques secondes…

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
locked-idle = Votre porte-documents a été fermé car personne ne l’a utilisé pendant 10 minutes.

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
limit-hint = Taille maximale d’un document : { $limit }.
field-title = Titre
field-text = Votre texte
field-category = Catégorie
field-date = Date du document (facultatif)
field-note = Note (facultatif)
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
err-payload_too_large = C’est trop gros pour être envoyé.
err-internal = Un problème est survenu de notre côté. Réessayez plus tard.
err-network = Pas de connexion. Vérifiez internet et réessayez.
err-damaged = Ce document est endommagé.
err-locked = Votre porte-documents est fermé. Ouvrez-le à nouveau.
err-invalid_input = Quelque chose que vous avez tapé n’est pas accepté.
