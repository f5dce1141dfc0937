## General
app-name = PDE
app-title = PDE – my documents, safe
lang-switch = Language
lang-fr = Français
lang-nl = Nederlands
lang-en = English
quit = Quit
back = Back
next = Next
cancel = Cancel
close = Close
save = Save
please-wait = Please wait…
please-wait-keys = Protecting your wallet, please wait a few seconds…

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
locked-idle = Your wallet was closed because nobody used it for 10 minutes.

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
limit-hint = Largest document: { $limit }.
field-title = Title
field-text = Your text
field-category = Category
field-date = Date of the document (optional)
field-note = Note (optional)
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
err-payload_too_large = This is too big to send.
err-internal = Something went wrong on our side. Try again later.
err-network = No connection. Check the internet and try again.
err-damaged = This document is damaged.
err-locked = Your wallet is closed. Open it again.
err-invalid_input = Something you typed is not accepted.
