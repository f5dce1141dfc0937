## General
app-name = PDE
app-title = PDE – my documents, safe
lang-switch = Language
lang-fr = Français
lang-nl = Nederlands
lang-en = English
lang-ar = العربية
quit = Quit
back = Back
next = Next
cancel = Cancel
close = Close
save = Save
please-wait = Please wait…
please-wait-keys = Protecting your wallet, please wait a few seconds…
listen = Listen
listen-stop = Stop reading

## Start page
start-title = My documents, safe
start-lead = Keep photos of your papers here. Only you can open them: not even the people who run this service can read them.
open-title = Open my wallet
field-pseudonym = Pseudonym
field-passphrase = Passphrase
open-submit = Open
opening = Opening your wallet, please wait…
start-other = New here, or lost your passphrase?
create-start = Create a new wallet
recover-start = I lost my passphrase: use my recovery code
locked-quit = Your wallet is closed. Nothing stays on this computer.
locked-quit-downloaded = Your wallet is closed. The files you downloaded stay in this browser's downloads folder: delete them if other people use this computer.
locked-idle = Your wallet was closed because nobody used it for 10 minutes.
locked-idle-downloaded = Your wallet was closed because nobody used it for 10 minutes. The files you downloaded stay in this browser's downloads folder.

## Create
create-title = Create a wallet
create-step = Step { $n } of { $total }
pseudonym-title = Choose a pseudonym
pseudonym-help = A name to find your wallet. Do not use your real name. You can let the app make one up for you.
pseudonym-generate = Make one up for me
passphrase-for = Pseudonym: { $pseudonym }
pass-generated-title = Your passphrase
pass-generated-help = These 5 words open your wallet. Write them down on paper, in this order.
pass-show-another = Show other words
pass-type-own = I want to type my own passphrase
pass-write-down = Keep the paper somewhere safe. Without these words or your recovery sheet, nobody can open your wallet, not even us.
pass-typed-title = Type your own passphrase
pass-typed-help = Use at least 10 characters. Several words you will remember are best.
pass-typed-label = My passphrase
pass-again-label = Type it again
pass-show = Show what I type
pass-strength = Strength: { $level }
pass-strength-empty = Strength: nothing typed yet
pass-level-0 = very weak
pass-level-1 = weak
pass-level-2 = good
pass-level-3 = strong
pass-too-weak = This passphrase is too easy to guess. Add words.
pass-mismatch = The two passphrases are not the same.
pass-use-generated = Use words chosen by the app
create-submit = Create my wallet
creating = Creating your wallet, please wait a few seconds…

## Recovery sheet
sheet-screen-title = Your recovery sheet
sheet-lead = Print this page or take a photo of it now. You will see it only once.
sheet-title = PDE recovery sheet
field-recovery-code = Recovery code
sheet-qr-label = QR code of the recovery code
sheet-step-1 = If you forget your passphrase, this code opens your wallet. Then you choose a new passphrase.
sheet-step-2 = Keep this sheet (or the photo) in a safe place, not with your passphrase.
sheet-step-3 = Anyone with this sheet and your pseudonym can open your wallet. Do not show it.
sheet-step-4 = To use it: on the start page, choose "I lost my passphrase", then type your pseudonym and this code.
sheet-print = Print
sheet-kept = I have kept it: continue
confirm-title = Check your recovery sheet
confirm-help = To be sure you kept the code, type its group number { $n } (counting from the left).
confirm-label = Group { $n } of the recovery code
confirm-submit = Check
confirm-wrong = This does not match. Look at your sheet again.
confirm-show-sheet = Show the sheet again

## Recover
recover-title = Open with the recovery code
recover-lead = Type your pseudonym and the code from your recovery sheet. Then you will choose a new passphrase.
recover-submit = Open with the code
recover-new-title = Choose a new passphrase
recover-new-lead = Your wallet is open. Choose a new passphrase to open it next time.
recover-new-submit = Save the new passphrase

## Wallet
wallet-title = My documents
add-document = Add a document
write-note = Write a note
categories-title = Categories
category-all = All
documents-all = All documents
documents-none = No documents here yet.
doc-count = { $n ->
    [0] empty
    [one] 1 document
   *[other] { $n } documents
}
doc-damaged = This document is damaged
usage = Space used: { $used } of { $quota }
category-identity = Identity
category-social_aid = Social aid (CPAS)
category-health = Health
category-housing = Housing
category-income = Income
category-work = Work and training
category-children = Children
category-my_story = My story
category-contacts = Contacts
category-other = Other

## Add
add-title = Add a document
note-title = Write a note
field-file = Photo or file
take-photo = Take a photo
choose-file = Choose a file
file-chosen = Chosen: { $name } ({ $size })
file-none = No file chosen yet.
keep-original = Keep the original (bigger, slower to send)
thumb-none = This browser cannot read this photo: it will be kept as it is, with no small picture in the list.
limit-hint = Largest document: { $limit }.
field-title = Title
field-text = Your text
field-category = Category
field-date = Date of the document (optional)
field-note = Note (optional)
field-note-help = If you share this document, the person also sees this note.
progress-label = Progress
progress-prepare = Preparing the photo…
progress-encrypt = Locking the document: { $percent }%
progress-upload = Sending: { $percent }%
added = “{ $title }” is saved.

## View
viewer-label = Document
decrypting = Opening the document…
pdf-hint = If the PDF does not appear (on many phones), use “Download to this device”.
no-preview = This kind of file cannot be shown here. You can download it.
download = Download to this device
download-confirm-title = Keep a copy on this computer?
download-confirm-text = This computer will keep a readable copy of “{ $name }” in the browser's downloads folder. It stays there after Quit.
download-confirm-shared = On a computer that others use, they will be able to open it: delete it when you are done.
download-confirm = Yes, download
edit = Rename or change category
edit-title = Rename or change category
save-changes = Save changes
delete = Delete
delete-title = Delete this document?
delete-text = “{ $title }” will be deleted for good. Nobody can get it back.
delete-confirm = Yes, delete it
deleted = “{ $title }” was deleted.

## Auto-lock
idle-title = Are you still there?
idle-text = For your safety, your wallet will close in 1 minute.
idle-stay = Stay
idle-quit = Quit now

## Errors
err-fill-both = Type your pseudonym and your passphrase.
err-fill-both-recovery = Type your pseudonym and your recovery code.
err-login-passphrase = The pseudonym or the passphrase is not right.
err-login-recovery = The pseudonym or the recovery code is not right.
err-recovery-code-format = This recovery code has a typing mistake. Check each character on your sheet.
err-too_many_attempts = { $seconds ->
    [one] Too many tries. Wait 1 second, then try again.
   *[other] Too many tries. Wait { $seconds } seconds, then try again.
}
err-pseudonym-length = A pseudonym has 3 to 64 characters.
err-choose-file = Take a photo or choose a file first.
err-write-text = Write your text first.
err-title = Give it a title.
err-document_too_large = This file is too big. The largest document is { $limit }.
err-quota_exceeded = Not enough space left: { $free } free out of { $limit }. Delete a document first.
err-document_too_large-server = This file is too big for your wallet.
err-quota_exceeded-server = Your wallet is full. Delete a document first.
err-bad_request = Something went wrong with this request. Try again.
err-invalid_field = Something you typed is not accepted. Check and try again.
err-missing_client_header = Something went wrong with this request. Reload the page.
err-unauthenticated = Your session has ended. Quit and open your wallet again.
err-pseudonym_taken = This pseudonym is already used. Choose another one.
err-not_found = This document no longer exists.
err-size_mismatch = Sending failed. Try again.
err-already_uploaded = This document was already sent.
err-storage_full = The service is full right now. Try again later.
err-unavailable = The service is not available for a moment. Try again in a minute.
err-payload_too_large = This is too big to send.
err-internal = Something went wrong on our side. Try again later.
err-network = No connection. Check the internet and try again.
err-damaged = This document is damaged.
err-locked = Your wallet is closed. Open it again.
err-invalid_input = Something you typed is not accepted.

## Sharing: new errors
err-forbidden = This is not allowed with this account.
err-worker_suspended = Your worker account is suspended. You cannot open shared documents. Contact the PDE team.
err-invitation_invalid = This invitation is not valid any more. Ask the PDE team for a new one.
err-invalid_worker_code = This card code is not complete: it has 9 letters or digits, as on the card.
err-worker_code_mistyped = This code has a typing mistake: compare it with the card, letter by letter.
err-worker_not_found = Nobody has this code: check it on the card.
err-worker_code_taken = Your account could not be made this time. Try again.
err-worker_key_mismatch = The server gave a key for this worker that does not match their card. Nothing was shared. Do not share with this card for now, and tell the PDE operator (Paradigm).
err-weak_kdf = The server asked to protect your passphrase less than PDE does. Nothing was sent. Tell the PDE operator (Paradigm).
card-key-mismatch = The code the server gives for you does not match your own key. Do not hand out this card; tell the PDE operator (Paradigm).
err-share_ended = This share has ended.
err-link_locked = This link is locked: too many wrong PINs.
err-passkeys_unavailable = Passkeys are not available on this server.
err-ceremony_expired = This request took too long or was already used. Try again.
err-passkey_rejected = The passkey's answer was refused. Try again.
err-user_verification_required = Your device must check that it is you (screen lock, PIN or fingerprint). Turn on a screen lock and try again.
err-passkey_taken = This passkey is already registered.
err-pin_required = Type the PIN first.
err-wrong_pin = This PIN is not right.
err-wrong_pin-left = { $n ->
    [0] This PIN is not right. The link is now locked.
    [one] This PIN is not right. You can try 1 more time.
   *[other] This PIN is not right. You can try { $n } more times.
}
err-link-not_found = This link does not work. Check that you have the whole link.
err-invalid_field-join = Check your real name (2 to 100 characters) and your login name.
err-real-name = Type your real first and last name (2 to 100 characters).
err-login-name-length = A login name has 3 to 64 characters.
err-pin-format = A PIN has exactly 6 digits.
err-share-pick = Choose at least one document.
err-share-too-many = You can share at most 50 documents at once.
try-again = Try again

## Sharing: holder
share-start = Share documents
shares-open = My shares
back-to-documents = Back to my documents
back-to-shares = Back to my shares
share-title = Share documents
share-lead = Choose the documents to show. The person will see only these, and only for the time you choose.
share-pick-legend = Documents to share
share-picked = { $n ->
    [one] 1 document chosen
   *[other] { $n } documents chosen
}
share-who-title = Who can see them?
share-who-worker = A social worker
field-worker-code = Card code of the worker
code-help = It is on the worker's card: 9 letters or digits, like B8Y9-W7S7-8.
code-hint-malformed = This is not a card code. Use only the letters and digits of the card.
code-hint-mistyped = This code has a typing mistake: compare it with the card, letter by letter.
code-hint-ok = Code { $code }: typed correctly. Choose “Find this worker”.
code-hint-short = This code is not complete: it has 9 letters or digits, as on the card.
share-find-worker = Find this worker
share-finding = Looking for the worker…
share-scan = Scan the QR code of the card
share-who-link = Someone else
share-who-link-text = Make a link, protected by a PIN that you say aloud. Whoever has the link and the PIN can see the documents until it ends.
share-make-link = Make a link instead
share-check-title = Is this the right person?
share-check-lead = Check the name and organisation with the person in front of you before you share.
worker-organisation = Organisation
worker-card-code = Card code
worker-verified = The PDE team checked that this person works for this organisation.
worker-unverified = Warning: the PDE team has NOT checked this person yet. Share only if you know them and have seen their card.
worker-verified-short = checked by PDE
worker-unverified-short = not checked by PDE
worker-verified-badge = Checked by PDE
worker-unverified-badge = NOT checked by PDE
share-worker-yes = Yes, this is the right person
share-worker-no = No, go back
share-details-title = For how long?
share-summary = You share with { $name } ({ $organisation }).
field-duration = How long can they see the documents?
duration-hour = 1 hour
duration-day = 1 day
duration-week = 7 days
duration-month = 30 days
share-ends-at = It will end on { $when }.
note-legend = A message for { $name } (optional)
field-note-from = The name you want to give
note-from-help = If you leave it empty, they see your pseudonym ({ $pseudonym }).
field-note-text = Message
share-confirm = Share now
sharing = Sharing, please wait…
seen-title = What { $name } will see
seen-title-link = What the person with the link will see
seen-lead = Everything that comes with each document: its title, category, date, your note and the file.
seen-category = Category
seen-date = Date of the document
seen-note = Your note
seen-file = File
seen-none = none
seen-file-text = the text ({ $size })
share-done-title = Shared
share-done-text = { $name } can see the documents until { $when }.
share-done-revoke = You can stop it earlier in “My shares”. There you also see every time a document is opened.
link-make-title = Make a share link
link-summary = { $n ->
    [one] The link will show 1 document.
   *[other] The link will show { $n } documents.
}
link-explain = Anyone who has this link can open the documents until it ends. The browser that opens it keeps it in its history: the PIN, told by voice, is what protects the documents.
link-pin-legend = PIN (recommended)
link-pin-use = Protect the link with a PIN of 6 digits
link-no-pin-risk = Without a PIN, anyone who finds this link can open the documents, also in the history of a shared computer where it was opened.
field-pin = PIN (6 digits)
link-pin-help = Do not write the PIN next to the link. Tell it to the person by voice.
link-pin-generate = Make up another PIN
link-confirm = Make the link
link-done-title = Your share link
link-done-text = The link works until { $when }.
link-renewed-text = { $n ->
    [one] A new link, with a new PIN, for the same document. It works until { $when }.
   *[other] A new link, with a new PIN, for the same { $n } documents. It works until { $when }.
}
link-show-title = Show or give this link
link-qr-label = QR code of the share link
link-copy = Copy the link
link-copied = The link is copied. Paste it into a message.
link-copy-failed = Copying does not work here: the link is selected, copy it yourself.
link-share = Send the link…
link-share-title = Shared documents
link-pin-reminder = Tell this PIN to the person by voice:
link-pin-not-copied = The PIN is not in the copied or sent link: say it separately.
link-pin-spoken = PIN: { $pin }
link-no-pin-warning = This link has no PIN: anyone who gets it can open the documents.
link-done-leave = You will not see this link again. When you are done, go back to your documents.
shares-title = My shares
shares-loading = Loading your shares…
shares-none = You have not shared anything yet.
share-with-link = Share link
share-link-pin = { $n ->
    [0] Protected by a PIN
    [one] Protected by a PIN · 1 wrong PIN typed
   *[other] Protected by a PIN · { $n } wrong PINs typed
}
share-link-no-pin = Without a PIN
share-status-active = Active
share-status-expired = Ended
share-status-revoked = Stopped by you
share-status-locked = Locked after 5 wrong PINs
share-created = Shared on
share-ends = Ends on
share-ended = Ended on
share-revoked-at = Stopped on
share-documents = Shared documents: { $n }
share-doc-opened = opened: { $n }
share-doc-downloaded = downloaded: { $n }
share-doc-deleted = (a document you deleted)
share-receipts = Openings
shares-receipts-truth = Every opening is listed here, and every download made with the Download button. Someone who opened a document may also have saved or printed it from their browser: that is not listed.
share-receipts-none = Nobody has opened these documents yet.
share-renew = Make a new link for these documents
share-renew-locked = This link is locked. A new link has a new PIN: the old link, even found in a history, opens nothing any more.
share-renew-ended = This link has ended. A new link has a new PIN.
quoted = “{ $title }”
receipt-open = Opened
receipt-download = Downloaded
receipt-by-worker = by { $name }
receipt-by-link = through the link
share-revoke = Stop this share
revoke-title = Stop this share?
revoke-text = { $name } will not be able to open these documents any more. The list of openings stays.
revoke-text-link = The link will not open anything any more. The list of openings stays.
revoke-copies = Copies that { $name } already downloaded or saved stay with { $name }.
revoke-copies-link = Copies already downloaded or saved stay with whoever has them.
revoke-confirm = Yes, stop it
revoked-notice = The share is stopped.
scan-video-label = Camera view
scan-help = Hold the QR code of the card in front of the camera.
scan-not-a-card = This QR code is not a worker card.
scan-stop = Stop the camera
scan-denied = The camera cannot be used. Type the code instead.
scan-unavailable = This browser cannot read QR codes. Type the code instead.

## Sharing: worker
join-title = Join PDE as a social worker
join-checking = Checking your invitation…
join-lead = You were invited by { $organisation }. The people you help will see your real name and organisation before they share documents with you.
field-real-name = Your real name
real-name-help = First and last name, as on your work card.
field-login-name = Login name
login-name-help = You type it with your passphrase to log in, on the start page.
join-passphrase-for = Login name: { $name }
join-submit = Create my account
joining = Creating your account, please wait a few seconds…
join-invalid-title = This invitation is not valid any more
join-invalid-text = It was already used, or it is too old. Ask the PDE team for a new invitation.
join-go-start = Go to the start page
sheet-step-1-worker = If you forget your passphrase, this code opens your account. Then you choose a new passphrase.
sheet-step-3-worker = Anyone with this sheet and your login name can open your account. Do not show it.
sheet-step-4-worker = To use it: on the start page, choose "I am a social worker", then "I lost my passphrase", and type your login name and this code.
worker-title = Shared with me
worker-hello = You are logged in as { $name } ({ $organisation }).
worker-unverified-self = The PDE team has not checked your account yet. Until then, people see a warning when they share with you.
worker-card-open = My card
worker-refresh = Check for new shares
worker-none = Nothing is shared with you right now. People can share documents with you by typing or scanning your card code.
incoming-from = From { $name }
incoming-pseudonym = Pseudonym: { $pseudonym }
incoming-note = Their message
share-until = Until { $when }
time-left-minutes = { $n ->
    [one] 1 minute left
   *[other] { $n } minutes left
}
time-left-hours = { $n ->
    [one] 1 hour left
   *[other] { $n } hours left
}
time-left-days = { $n ->
    [one] 1 day left
   *[other] { $n } days left
}
shared-download = Download to this device
shared-record-hint = The person who shared this document sees that you opened it, and every download made with this button. If you save or print it from the browser, they do not see it: use this button.
shared-downloaded = The file is saved on this device.
share-ended-title = This share has ended
share-ended-text = The person stopped it, or its time is over. You cannot open these documents any more.
back-to-list = Back to the list
worker-suspended-title = Your account is suspended
card-title = My card
card-lead = Show this card to the people you help: they type the code or scan the QR code to share documents with you.
card-sheet-title = PDE worker card
card-name = Name
card-qr-label = QR code of the card: the code and a full check of the worker's key
card-instructions = To share documents with me: in your PDE wallet, choose “Share documents”, then type this code or scan this QR code.
card-print = Print my card
card-verified = Checked by the PDE team
card-unverified = Not yet checked by the PDE team

## Sharing: link visitor
link-brand = Shared documents
link-title = Documents shared with you
link-opening = Opening the link…
link-pin-title = This link has a PIN
link-pin-text = Type the 6 digits that the person told you.
field-link-pin = PIN
link-pin-field-help = 6 digits, with or without a space (for example 123 456).
link-pin-submit = Open the documents
link-from = From { $name }
link-visitor-hint = When you are done, choose Quit: nothing stays on this computer, except the files you download.
link-bad-title = This link does not work
link-bad-text = Check that you have the whole link, exactly as it was given. Ask the person to give it again.
link-ended-title = This link has ended
link-ended-text = The person stopped sharing, or the time is over. Ask them for a new link.
link-locked-title = This link is locked
link-locked-text = Too many wrong PINs were typed. Ask the person who shared it to make a new link.
link-closed-title = The documents are closed
link-closed-text = Nothing stays on this computer. To see them again, open the link again.
link-closed-text-downloaded = The files you downloaded stay in this browser's downloads folder: delete them if other people use this computer. To see the documents again, open the link again.

## Log-in, navigation, forms
start-worker-switch = I am a social worker
start-worker-title = Social worker's account
start-worker-lead = Open the account your organisation invited you to create. It shows the documents people share with you.
open-worker-title = Open my work account
start-worker-other = No account yet, or lost your passphrase?
start-worker-invitation = Your organisation sends you an invitation link to create your account.
recover-start-worker = I lost my passphrase: use my account's recovery code
start-holder-switch = I am not a social worker: open a wallet
err-fill-both-worker = Type your login name and your passphrase.
err-login-worker = The login name or the passphrase is not right.
err-fill-both-recovery-worker = Type your login name and your recovery code.
recover-lead-worker = Type your login name and the code from your account's recovery sheet. Then you will choose a new passphrase.
login-recovery-hint = Still not working? If you lost your passphrase, the code on your recovery sheet opens your wallet.
login-recovery-hint-worker = Still not working? If you lost your passphrase, the code on your recovery sheet opens your account.
pass-words-kept = These words stay as they are after the change of language. For words in this language, press “Show other words”.
recover-new-lead-worker = Your account is open. Choose a new passphrase to open it next time.
recover-end-others = End my wallet's other open sessions (on another phone or computer)
recover-end-others-worker = End my account's other open sessions (on another phone or computer)
recover-saved-title = New passphrase saved
recover-saved-text = From now on, open with your new passphrase. The old one no longer works.
recover-saved-others = Your other open sessions are ended.
recover-saved-continue = Go to my wallet
recover-saved-continue-worker = Go to my account
close-ask-title = Close your wallet?
close-ask-text = Going back closes your wallet. To open it again, you will need your passphrase.
close-ask-title-worker = Close your account?
close-ask-text-worker = Going back closes your account. To open it again, you will need your passphrase.
close-ask-stay = Stay here
close-ask-close = Close it
title-length = { $n } characters of { $max } at most.
err-title-too-long = This title is too long: { $n } characters, { $max } at most. Shorten it.
edit-saved = Changes saved.
sheet-address = Web address
sheet-made = Made on
err-login-name-taken = This login name is already used. Choose another one.

## The crypto worker (keys live in a worker of their own)
documents-opening = { $n ->
    [one] Opening one more document…
   *[other] Opening { $n } more documents…
}
locked-lost = Your wallet closed because the browser stopped the part that encrypts and decrypts (it may have been short of memory). Your documents are safe. Open it again; if you were adding a document, check that it is in the list.
err-worker_lost = The browser stopped the part that encrypts and decrypts (it may have been short of memory). Open your wallet again.
link-lost = This page closed because the browser stopped the part that decrypts (it may have been short of memory). Open the link again.
settings-open = Settings
settings-title = Settings
wallet-delete-title = Delete my wallet
wallet-delete-goes = Deleting your wallet removes from this server all your documents and notes, your shares (social workers and links can no longer open anything, at once), your pseudonym, and your passphrase and recovery code, which will open nothing any more. It cannot be undone.
wallet-delete-stays = What stays: the server's backups keep an encrypted copy of your wallet until they are deleted, at most { $n } days later. Files you downloaded stay where you saved them, and so do copies a social worker already downloaded.
wallet-delete-start = Delete my wallet…
wallet-delete-confirm-lead = To confirm, type the pseudonym of this wallet.
wallet-delete-confirm-label = Pseudonym of this wallet
wallet-delete-wrong-pseudonym = This is not the pseudonym of this wallet. Nothing was deleted.
wallet-delete-continue = Continue
wallet-delete-proof-lead = Last step: prove it is you with your passphrase or your recovery code. Your wallet is then deleted at once.
wallet-delete-proof-legend = Prove it with
wallet-delete-need-passphrase = Type your passphrase. Nothing was deleted.
wallet-delete-need-code = Type your recovery code. Nothing was deleted.
wallet-delete-busy = Deleting…
wallet-delete-submit = Delete my wallet for good
wallet-deleted-title = Wallet deleted
wallet-deleted-text = The wallet has been deleted and closed. Nothing of it is left open on this computer.
wallet-deleted-start = Go to the start page

## Download everything (export)
export-title = Download everything
export-lead = Take your papers with you: one zip file with all your documents, encrypted, that you can open without PDE with the free program age. You choose a passphrase that protects the key of the file.
export-start = Download everything…
export-passphrase-lead = Choose the passphrase that will protect this export: your wallet's passphrase or another one. It protects only this file. Without it, nobody can open the export, not even you.
export-passphrase-label = Passphrase for the export
export-passphrase-again = The same passphrase again
export-need-passphrase = Type a passphrase.
export-passphrase-mismatch = The two passphrases are not the same.
export-submit = Make the zip file
export-progress-label = Export progress
export-progress = { $done } of { $total } documents
export-done = Done: { $n } documents in { $name }, in your downloads.
export-damaged-left-out = { $n ->
    [one] One document could not be read and is not in it.
   *[other] { $n } documents could not be read and are not in it.
}
export-plain-start = Download the plain files…
export-plain-warning = Warning: these files are not encrypted. Anyone who uses this computer or finds the files can read all your papers. Only do this on your own device, and delete the files when you no longer need them.
export-plain-submit = I understand, download the plain files
export-readme-title = Your papers from PDE
export-readme-intro = This zip file holds your documents, encrypted. You can open them without PDE, with the free program age (https://age-encryption.org; on Debian or Ubuntu: apt install age).
export-readme-names = The files are numbered and their names never say what a document is, so that someone who sees this zip file (on a shared computer, for example) does not learn which papers it holds.
export-readme-step-identity = 1. Open your key with the passphrase you typed when you made this export (age asks for it):
export-readme-step-document = 2. Open each document with that key. documents/1.age is the first document; choose the name of the file it makes (for example document-1.pdf):
export-readme-step-metadata = 3. Its title, category, dates and note are in documents/1.json.age:
export-readme-keep = identity.txt opens every document: keep it safe, and delete it when you are done.
export-readme-damaged = If a file is damaged or has been changed, age stops with an error message like the one below, and the file it was making is incomplete: delete it and make a new export from your wallet.

## Passkeys and Settings → ways in, sessions (issue 9)
passkey-cancelled = The passkey prompt was closed, timed out, or your device could not check that it is you (screen lock, PIN or fingerprint). Nothing happened: try again, or use your passphrase.
passkey-open-title = Open with a passkey
passkey-open-help = Use this device's screen lock (fingerprint, face, PIN or pattern) instead of typing your pseudonym and passphrase.
passkey-open-button = Open with a passkey
passkey-open-busy = Waiting for your passkey…
passkey-unlock-title = Type your passphrase to unlock
passkey-unlock-why = Your passkey proved it is you, but on this device it cannot unlock your documents (your device does not support the unlocking part of passkeys). Type your passphrase to open them.
passkey-unlock-need-passphrase = Type your passphrase.
passkey-create-title = Use this phone's screen lock
passkey-create-help = Your wallet will open with this device's screen lock (fingerprint, face, PIN or pattern), with no passphrase to remember. Then you get a recovery sheet, in case you lose this device.
passkey-create-button = Use this phone's screen lock
passkey-create-passphrase-instead = Choose a passphrase instead
passkey-create-no-prf = Your wallet is made and this device's screen lock logs you in. But this device cannot use it to unlock your documents, so choose a passphrase too: you will type it after the screen lock.
passkey-create-no-prf-submit = Keep this passphrase
ways-title = Ways to open my wallet
ways-passkeys = Passkeys (screen lock)
ways-passkeys-none = No passkey yet.
ways-passkey-made = Added { $when }
ways-passkey-used = last used { $when }
ways-passkey-never-used = never used yet
ways-passkey-unlocks = Logs in and unlocks.
ways-passkey-logs-in-only = Logs in only: the passphrase unlocks.
ways-passkey-rename = Rename
ways-passkey-rename-named = Rename the passkey { $name }
ways-passkey-remove = Remove
ways-passkey-remove-named = Remove the passkey { $name }
ways-passkey-add = Add a passkey
ways-passkey-add-submit = Continue with the screen lock
ways-passkey-remove-submit = Remove this passkey
ways-passkey-name = Name of this passkey
ways-passkey-rename-submit = Save the name
ways-name-length = The name must have 1 to 64 characters.
ways-add-lead = First prove it is you; then this device asks for its screen lock.
ways-remove-lead = First prove it is you. The passkey { $name } will no longer open your wallet.
ways-recovery-help = A new recovery sheet replaces the old one: the old code stops working at once.
ways-recovery-new = Make a new recovery sheet
ways-recovery-lead = First prove it is you. The old recovery code stops working at once.
ways-recovery-submit = Make the new sheet
ways-recovery-sheet-lead = Here is your new recovery sheet. The old one no longer works: print this one or write it down now.
ways-passphrase-change = Change my passphrase
ways-current-passphrase = Current passphrase
ways-current-needed = Type your current passphrase.
ways-passphrase-submit = Change my passphrase
ways-proof-legend = Prove it is you with
ways-proof-passkey = A passkey
ways-proof-passkey-help = Your device will ask for its screen lock.
ways-proof-needed = Fill in the field to prove it is you.
ways-end-others = Also end my wallet everywhere else it is open
ways-ended-others = Everywhere else, your wallet is closed.
ways-passphrase-changed = Your passphrase is changed. The old one no longer works.
ways-recovery-changed = Your new recovery sheet is ready. The old code no longer works.
ways-passkey-added = The passkey is added: it logs in and unlocks your wallet.
ways-passkey-added-no-prf = The passkey is added. On this device it only logs in: your passphrase unlocks.
ways-passkey-removed = The passkey is removed: it no longer opens your wallet.
ways-passkey-renamed = The name is saved.
sessions-title = Where my wallet is open
sessions-help = Each place where your wallet is open now. End the ones you do not know or no longer use.
sessions-this-one = this one
sessions-started = opened { $when }
sessions-last-used = last used { $when }
sessions-end = End
sessions-end-named = End the session on { $device }, last used { $when }
sessions-end-others = End all others
sessions-ended-one = That session is ended.
sessions-ended-others = Every other session is ended.
device-form-phone = Phone
device-form-tablet = Tablet
device-form-computer = Computer
device-form-unknown = Device
device-system-ios = iPhone or iPad
device-system-other = other system

## Hide until… (documents hidden by the server until a time)
hide-start = Hide until…
hide-title = Hide documents until…
hide-lead = Hidden documents disappear from your wallet until the time you choose: on every phone and computer, even with your passphrase, a passkey or your recovery code. Nobody can bring them back earlier, not even you. They come back by themselves.
hide-pick-legend = Documents to hide
hide-picked = { $n ->
    [one] 1 document chosen
   *[other] { $n } documents chosen
}
hide-when-legend = Hide them until
hide-when-hours2 = In 2 hours
hide-when-tonight = Tonight, 20:00
hide-when-tomorrow = Tomorrow evening, 20:00
hide-when-custom = A date and time I choose
hide-date = Date
hide-time = Time
hide-next = Hide…
hide-err-no-docs = Choose at least one document to hide.
hide-err-no-time = Choose until when to hide them.
hide-err-custom = Type a date and a time.
err-hide_until_past = This time has already passed. Choose a later one.
err-hide_until_too_far = Documents can be hidden for at most 90 days. Choose an earlier date.
hide-confirm-title = { $n ->
    [one] Hide 1 document until { $until }?
   *[other] Hide { $n } documents until { $until }?
}
hide-confirm-text = Until then nobody can see them or bring them back, not even you with your passphrase or your recovery code.
hide-leaves-worker = “{ $title }” is shared with { $name }; hiding it ends that.
hide-leaves-link = “{ $title }” is shared by a link; hiding it ends that.
hide-confirm = Hide them
hide-done = { $n ->
    [one] 1 document is hidden until { $until }.
   *[other] { $n } documents are hidden until { $until }.
}
# Trusted helpers: errors of the help request routes
err-help_request_open = A request for help is already open for this wallet.
err-help_request_ended = This request for help has ended (cancelled, expired or already used).
err-help_not_ready = The waiting period is not over yet.
err-not_enough_approvals = Not enough helpers have approved yet.
## Quick exit and "I am on a shared computer"
quick-exit = Quick exit
quick-exit-help = Closes everything at once and shows a blank page. Pressing Escape three times does the same.
shared-computer = I am on a shared computer
shared-computer-help = For this tab: closes after 3 minutes without activity, a warning before printing, and a reminder to close the browser at the end.
shared-close-browser = You are on a shared computer: close every window of this browser now.
print-confirm-title = Print on a shared computer?
print-confirm-text = The printer or this computer may keep a copy of what you print, and other people could see it. Take the sheet from the printer at once.
print-confirm = Print anyway
print-blocked = On a shared computer, print with the Print button of the page: it first says what the printer and the computer may keep.
locked-idle-shared = Your wallet was closed because nobody used it for 3 minutes.
locked-idle-shared-downloaded = Your wallet was closed because nobody used it for 3 minutes. The files you downloaded stay in this browser's downloads folder.
## Trusted helpers: Settings → Helpers, the paper helper card, "Ask for help", the worker's help requests, the cancel banner
helpers-title = Helpers
helpers-lead = If you lose your passphrase and your recovery sheet, people you trust can help you get back in: social workers and paper helper cards. None of them can open your wallet alone, and neither can the service.
helpers-none = You have not chosen any helpers yet.
helpers-needed = { $k } of these { $n } helpers are needed to help you get back in.
helpers-card-named = Paper card kept by
helpers-worker-suspended = This worker is suspended and cannot help any more. Replace your helpers.
helpers-choose = Choose helpers
helpers-replace = Replace my helpers
helpers-remove = Remove my helpers
helpers-remove-warning = Nobody will be able to help you get back in any more. The shares of your helpers and the paper cards stop working at once.
helpers-remove-confirm = Yes, remove them
helpers-removed = Your helpers are removed. Their shares and cards no longer work.
helpers-saved = Your new helpers are saved.
helpers-choose-title = Your new helpers
helpers-choose-lead = We suggest 3 helpers, 2 of whom are needed: for example a social worker you know and two paper cards kept at a day centre and by a friend.
helpers-replace-warning = Your old helpers will stop working: their shares and the old paper cards will open nothing.
helpers-chosen-none = No helper chosen yet.
helpers-remove-one = Take off: { $name }
helpers-remove-one-short = Take off
helpers-add-worker = Add a social worker
helpers-add-card = Add a paper card
helpers-threshold-label = How many helpers are needed
helpers-threshold-option = { $k } of { $n }
helpers-threshold-help = Fewer than this number can do nothing, even together.
helpers-save = Save these helpers
helpers-saving = Making the helpers' shares…
helpers-need-two = Choose at least 2 helpers.
helpers-threshold-too-big = You cannot need more helpers than you have.
helpers-too-many = You can have at most 10 helpers.
helpers-worker-title = A social worker by their card code
helpers-check-title = Is this the right person?
helpers-check-lead = Check the name and the organisation with the person before you choose them.
helpers-worker-yes = Yes, choose this person
helpers-worker-unverified = This worker is not verified yet, so they cannot be a helper. Choose another one or a paper card.
helpers-worker-twice = This worker is already on the list.
helpers-card-title = A paper helper card
helpers-card-lead = You will print the card (or take a photo of it) and give it to someone you trust: a day centre, a friend.
helpers-card-label = Who will keep this card?
helpers-card-label-help = Only you see this name, in your wallet. It is not printed on the card.
helpers-card-add = Add this card
helpers-card-label-empty = Write who will keep the card.
helpers-card-label-long = This name is too long.
helpers-print-title = Paper card { $n } of { $total }
helpers-print-lead = Print this card or take a photo of it, and give it to: { $label }. You will not see it again.
helpers-print = Print the card
helpers-print-next = Next card
helpers-print-done = I have printed or photographed it
helpers-done-title = Your helpers are ready
helpers-done-text = If one day you lose your passphrase and your recovery sheet, choose "I lost my passphrase and my recovery sheet" on the start page.
helpers-done-back = Back to the settings
helper-sheet-title = PDE helper card
helper-sheet-text = Helper card
helper-sheet-qr = QR code of the helper card
helper-sheet-step-1 = Keep this card safe. It helps one person get back into their PDE wallet.
helper-sheet-step-2 = Only give it when that person asks you themselves, at the address above: they type it or scan its QR code on their screen.
helper-sheet-step-3 = This card alone opens nothing. Do not give it to anyone else.
help-start = I lost my passphrase and my recovery sheet
help-title = Ask your helpers for help
help-lead = Type your pseudonym. Your helpers (a social worker, paper helper cards) can then help you get back into your wallet.
help-need-pseudonym = Type your pseudonym.
help-submit = Ask for help
help-already-open = A request for help is already open for this wallet. Go back to the screen where it was asked, or wait until it ends.
help-waiting-title = Your request for help
help-code-title = The code of your request
help-code-text = Show this code to your helpers. A social worker checks that it is the same on their screen before helping you.
help-wait = For your safety there is a waiting period of { $hours } hours: your wallet can open from { $time } if enough helpers agreed.
help-others-told = If your wallet is open on another phone or computer, it shows that someone asked to recover it, and it can stop the request.
help-status-title = Where your request stands
help-status-open = Social workers who agreed: { $approvals }. Paper cards typed here: { $cards }.
help-status-cancelled = This request was stopped from a device where the wallet is open. It can open nothing.
help-status-expired = This request has expired. You can ask again.
help-status-completed = This request has been used.
help-check-again = Check again
help-card-title = A paper helper card
help-card-lead = Type the text of the card, or scan its QR code. Spaces and capitals do not matter.
help-card-field = Text of the helper card
help-card-add = Add this card
help-card-scan = Scan the card
help-card-not-a-card = This QR code is not a helper card.
help-card-empty = Type the text of the card first.
help-card-added = The card is accepted.
help-card-again = This card was already typed.
help-card-mistyped = This helper card is not valid: a character is mistyped. Check each group of 5 characters.
help-card-invalid = This helper card is not valid: a character is missing or wrong. Check that you typed all of it.
help-open-title = Open my wallet
help-open-text = When the waiting period is over and enough helpers agreed, your wallet opens here.
help-open = Open my wallet
help-not-ready = The waiting period is not over: your wallet can open from { $time }.
help-not-enough = Not enough helpers have agreed yet.
help-opened-title = Your wallet is open
help-opened-text = Your wallet is open again, and it is closed everywhere else. Now choose a new passphrase; then you get a new recovery sheet.
help-opened-next = Choose a new passphrase
help-new-title = Your new passphrase
help-new-lead = It replaces the one you lost.
help-renew-title = Choose your helpers again
help-renew-text = Your helpers helped you get back in. Choose your helpers again in Settings → Helpers, and give new paper cards: the ones used have been seen by this computer.
help-renew-others = Your wallet was closed on every other device.
help-banner-title = Someone asked to recover your wallet
help-banner-text = A request for help was made on { $time }. Your wallet can open for that person from { $ready } if your helpers agree.
help-banner-not-you = If it is not you, stop it now.
help-banner-cancel = Stop this request
help-banner-cancelled = The request is stopped. It can open nothing.
help-requests-title = Help requests
help-requests-lead = People who chose you as a helper and lost their passphrase and recovery sheet.
help-requests-none = No request for help.
help-requests-refresh = Check for requests
help-request-from = Request from
help-request-started = Asked on { $time }.
help-request-code = Code:
help-request-code-wrong = This code does not match the request's key. Do not approve it, and tell the service.
help-request-compare = Approve only after comparing this code with the one on the person's screen, in person or on a call you trust.
help-request-compared = I checked: the codes are the same and it is this person.
help-request-approve = Approve
help-request-approved = You approved this request.
## Appointment cards: a share that opens only on a day, between two hours
appt-when-legend = When can they open the documents?
appt-when-now = From now
appt-when-appointment = Only at an appointment
appt-window-legend = The appointment
appt-window-help = Brussels time. Before and after these hours, nobody can open the documents.
appt-field-day = Day
appt-field-from = From
appt-field-until = Until
appt-summary = { $day }, from { $from } to { $until }
err-appt-incomplete = Choose the day and the hours of the appointment.
err-appt-past = This time has already passed. Choose a later one.
err-appt-too_far = An appointment can be at most 90 days ahead.
err-appt-ends_before_start = The end must be later than the start.
err-appt-too_short = The appointment must last at least 15 minutes.
err-appt-too_long = A link can last at most 7 days.
err-appointment_in_past = This time has already passed. Choose a later one.
err-appointment_too_far = An appointment can be at most 90 days ahead.
err-appointment_ends_before_start = The end must be later than the start.
appt-card-title = Your appointment card
appt-card-made = The card is ready. Print it or keep this page on your phone. You do not need to open your wallet at the appointment.
appt-card-heading = Appointment
appt-card-with = With
appt-card-worker = { $name } at { $organisation }
appt-card-link = Whoever has this card and the PIN
appt-card-day = Day
appt-card-hours = Hours
appt-card-hours-value = from { $from } to { $until } (Brussels time)
appt-card-documents = Documents shared
appt-card-qr-link = QR code of the link to the documents
appt-card-qr-worker = QR code of the PDE address
appt-card-how-worker = { $name } opens the documents in their PDE account, under “Shared with me”, from { $from } to { $until }. Not before, not after.
appt-card-how-link = Scan the QR code between { $from } and { $until }. Not before, not after.
appt-card-pin-apart = The PIN is not on this card. Say it at the appointment.
appt-pin-title = The PIN
appt-pin-help = Learn it or write it somewhere else. It is not printed.
appt-print = Print the card
appt-keep-on-phone = Or keep this page on your phone: take a screenshot.
appt-list-window = Appointment
appt-list-window-value = { $day }, from { $from } to { $until }
share-status-scheduled = Appointment to come
link-bad-appointment = If it is an appointment card, it works only on its day and during its hours.
## Worker keys remembered in the wallet record
err-worker_key_changed = This person's key has changed since you last shared with them. Nothing was shared. Ask them to show their card again and scan its QR code; if you cannot, tell the PDE operator (Paradigm).
err-record_newer = Your wallet's list of the workers you shared with was saved by a newer version of PDE. Nothing was shared. Reload the page and try again.
