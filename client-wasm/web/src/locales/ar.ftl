## General
app-name = PDE
app-title = PDE – وثائقي في أمان
lang-switch = اللغة
lang-fr = Français
lang-nl = Nederlands
lang-en = English
lang-ar = العربية
quit = خروج
back = رجوع
next = التالي
cancel = إلغاء
close = إغلاق
save = حفظ
please-wait = يرجى الانتظار…
please-wait-keys = جارٍ حماية محفظتك، يرجى الانتظار بضع ثوانٍ…
listen = استمع
listen-stop = أوقف القراءة

## Start page
start-title = وثائقي في أمان
start-lead = احتفظ هنا بصور أوراقك. أنت وحدك تستطيع فتحها: حتى القائمون على هذه الخدمة لا يستطيعون قراءتها.
open-title = فتح محفظتي
field-pseudonym = الاسم المستعار
field-passphrase = عبارة المرور
open-submit = فتح
opening = جارٍ فتح محفظتك، يرجى الانتظار…
start-other = جديد هنا، أو نسيت عبارة المرور؟
create-start = إنشاء محفظة جديدة
recover-start = نسيت عبارة المرور: استخدم رمز الاسترداد
locked-quit = أُغلقت محفظتك. لا يبقى شيء على هذا الحاسوب.
locked-quit-downloaded = أُغلقت محفظتك. الملفات التي نزّلتها تبقى في مجلد التنزيلات في هذا المتصفح: احذفها إذا كان آخرون يستخدمون هذا الحاسوب.
locked-idle = أُغلقت محفظتك لأن أحدًا لم يستخدمها مدة 10 دقائق.
locked-idle-downloaded = أُغلقت محفظتك لأن أحدًا لم يستخدمها مدة 10 دقائق. الملفات التي نزّلتها تبقى في مجلد التنزيلات في هذا المتصفح.

## Create
create-title = إنشاء محفظة
create-step = الخطوة { $n } من { $total }
pseudonym-title = اختر اسمًا مستعارًا
pseudonym-help = اسم تجد به محفظتك. لا تستخدم اسمك الحقيقي. يمكنك أن تدع التطبيق يخترع لك اسمًا.
pseudonym-generate = اخترع لي اسمًا
passphrase-for = الاسم المستعار: { $pseudonym }
pass-generated-title = عبارة المرور الخاصة بك
pass-generated-help = هذه الكلمات الخمس تفتح محفظتك. اكتبها على ورقة بهذا الترتيب.
pass-show-another = اعرض كلمات أخرى
pass-type-own = أريد أن أكتب عبارة المرور بنفسي
pass-write-down = احتفظ بالورقة في مكان آمن. بدون هذه الكلمات أو ورقة الاسترداد لا يستطيع أحد فتح محفظتك، ولا نحن أيضًا.
pass-typed-title = اكتب عبارة المرور الخاصة بك
pass-typed-help = استخدم 10 أحرف على الأقل. الأفضل عدة كلمات ستتذكرها.
pass-typed-label = عبارة المرور الخاصة بي
pass-again-label = اكتبها مرة أخرى
pass-show = أظهر ما أكتبه
pass-strength = القوة: { $level }
pass-strength-empty = القوة: لم يُكتب شيء بعد
pass-level-0 = ضعيفة جدًا
pass-level-1 = ضعيفة
pass-level-2 = جيدة
pass-level-3 = قوية
pass-too-weak = من السهل جدًا تخمين عبارة المرور هذه. أضف كلمات.
pass-mismatch = عبارتا المرور غير متطابقتين.
pass-use-generated = استخدم كلمات يختارها التطبيق
create-submit = إنشاء محفظتي
creating = جارٍ إنشاء محفظتك، يرجى الانتظار بضع ثوانٍ…

## Recovery sheet
sheet-screen-title = ورقة الاسترداد الخاصة بك
sheet-lead = اطبع هذه الصفحة أو التقط لها صورة الآن. لن تراها إلا مرة واحدة.
sheet-title = ورقة الاسترداد PDE
field-recovery-code = رمز الاسترداد
sheet-qr-label = رمز QR لرمز الاسترداد
sheet-step-1 = إذا نسيت عبارة المرور، فهذا الرمز يفتح محفظتك. ثم تختار عبارة مرور جديدة.
sheet-step-2 = احتفظ بهذه الورقة (أو بالصورة) في مكان آمن، لا مع عبارة المرور.
sheet-step-3 = كل من لديه هذه الورقة واسمك المستعار يستطيع فتح محفظتك. لا تُرِها لأحد.
sheet-step-4 = لاستخدامها: في صفحة البداية، اختر «نسيت عبارة المرور»، ثم اكتب اسمك المستعار وهذا الرمز.
sheet-print = طباعة
sheet-kept = احتفظت بها: متابعة
confirm-title = تحقق من ورقة الاسترداد
confirm-help = لنتأكد أنك احتفظت بالرمز، اكتب مجموعته رقم { $n } (بالعدّ من اليسار).
confirm-label = المجموعة { $n } من رمز الاسترداد
confirm-submit = تحقق
confirm-wrong = هذا غير مطابق. انظر إلى ورقتك مرة أخرى.
confirm-show-sheet = اعرض الورقة مرة أخرى

## Recover
recover-title = الفتح برمز الاسترداد
recover-lead = اكتب اسمك المستعار والرمز المكتوب على ورقة الاسترداد. ثم ستختار عبارة مرور جديدة.
recover-submit = الفتح بالرمز
recover-new-title = اختر عبارة مرور جديدة
recover-new-lead = محفظتك مفتوحة. اختر عبارة مرور جديدة لفتحها في المرة القادمة.
recover-new-submit = حفظ عبارة المرور الجديدة

## Wallet
wallet-title = وثائقي
add-document = إضافة وثيقة
write-note = كتابة ملاحظة
categories-title = الفئات
category-all = الكل
documents-all = كل الوثائق
documents-none = لا توجد وثائق هنا بعد.
doc-count = { $n ->
    [0] فارغة
    [one] وثيقة واحدة
    [two] وثيقتان
    [few] { $n } وثائق
    [many] { $n } وثيقة
   *[other] { $n } وثيقة
}
doc-damaged = هذه الوثيقة تالفة
usage = المساحة المستخدمة: { $used } من { $quota }
category-identity = الهوية
category-social_aid = المساعدة الاجتماعية (CPAS)
category-health = الصحة
category-housing = السكن
category-income = الدخل
category-work = العمل والتكوين
category-children = الأطفال
category-my_story = قصتي
category-contacts = جهات الاتصال
category-other = أخرى

## Add
add-title = إضافة وثيقة
note-title = كتابة ملاحظة
field-file = صورة أو ملف
take-photo = التقاط صورة
choose-file = اختيار ملف
file-chosen = المختار: { $name } ({ $size })
file-none = لم يُختر أي ملف بعد.
keep-original = الاحتفاظ بالأصل (أكبر، وإرساله أبطأ)
thumb-none = لا يستطيع هذا المتصفح قراءة هذه الصورة: ستُحفظ كما هي، بدون صورة صغيرة في القائمة.
limit-hint = أكبر حجم للوثيقة: { $limit }.
field-title = العنوان
field-text = نصك
field-category = الفئة
field-date = تاريخ الوثيقة (اختياري)
field-note = ملاحظة (اختيارية)
field-note-help = إذا شاركت هذه الوثيقة، يرى الشخص هذه الملاحظة أيضًا.
progress-label = التقدم
progress-prepare = جارٍ تجهيز الصورة…
progress-encrypt = جارٍ قفل الوثيقة: { $percent }%
progress-upload = جارٍ الإرسال: { $percent }%
added = حُفظت «{ $title }».

## View
viewer-label = وثيقة
decrypting = جارٍ فتح الوثيقة…
pdf-hint = إذا لم يظهر ملف PDF (في كثير من الهواتف)، فاستخدم «تنزيل على هذا الجهاز».
no-preview = لا يمكن عرض هذا النوع من الملفات هنا. يمكنك تنزيله.
download = تنزيل على هذا الجهاز
download-confirm-title = هل تحتفظ بنسخة على هذا الحاسوب؟
download-confirm-text = سيحتفظ هذا الحاسوب بنسخة مقروءة من «{ $name }» في مجلد التنزيلات في المتصفح. وتبقى هناك بعد الخروج.
download-confirm-shared = على حاسوب يستخدمه آخرون، سيتمكنون من فتحها: احذفها عندما تنتهي.
download-confirm = نعم، نزّلها
edit = تغيير الاسم أو الفئة
edit-title = تغيير الاسم أو الفئة
save-changes = حفظ التغييرات
delete = حذف
delete-title = هل تحذف هذه الوثيقة؟
delete-text = ستُحذف «{ $title }» نهائيًا. لا أحد يستطيع استرجاعها.
delete-confirm = نعم، احذفها
deleted = حُذفت «{ $title }».

## Auto-lock
idle-title = هل ما زلت هنا؟
idle-text = من أجل سلامتك، ستُغلق محفظتك بعد دقيقة واحدة.
idle-stay = أبقِها مفتوحة
idle-quit = الخروج الآن

## Errors
err-fill-both = اكتب اسمك المستعار وعبارة المرور.
err-fill-both-recovery = اكتب اسمك المستعار ورمز الاسترداد.
err-login-passphrase = الاسم المستعار أو عبارة المرور غير صحيحة.
err-login-recovery = الاسم المستعار أو رمز الاسترداد غير صحيح.
err-recovery-code-format = في رمز الاسترداد هذا خطأ في الكتابة. تحقق من كل حرف على ورقتك.
err-too_many_attempts = { $seconds ->
    [one] محاولات كثيرة جدًا. انتظر ثانية واحدة، ثم حاول مرة أخرى.
    [two] محاولات كثيرة جدًا. انتظر ثانيتين، ثم حاول مرة أخرى.
    [few] محاولات كثيرة جدًا. انتظر { $seconds } ثوانٍ، ثم حاول مرة أخرى.
   *[other] محاولات كثيرة جدًا. انتظر { $seconds } ثانية، ثم حاول مرة أخرى.
}
err-pseudonym-length = يتكون الاسم المستعار من 3 إلى 64 حرفًا.
err-choose-file = التقط صورة أو اختر ملفًا أولًا.
err-write-text = اكتب نصك أولًا.
err-title = أعطها عنوانًا.
err-document_too_large = هذا الملف كبير جدًا. أكبر حجم للوثيقة هو { $limit }.
err-quota_exceeded = لا توجد مساحة كافية: المتاح { $free } من أصل { $limit }. احذف وثيقة أولًا.
err-document_too_large-server = هذا الملف كبير جدًا على محفظتك.
err-quota_exceeded-server = محفظتك ممتلئة. احذف وثيقة أولًا.
err-bad_request = حدث خطأ في هذا الطلب. حاول مرة أخرى.
err-invalid_field = شيء مما كتبته غير مقبول. تحقق وحاول مرة أخرى.
err-missing_client_header = حدث خطأ في هذا الطلب. أعد تحميل الصفحة.
err-unauthenticated = انتهت جلستك. اخرج ثم افتح محفظتك من جديد.
err-pseudonym_taken = هذا الاسم المستعار مستخدم من قبل. اختر اسمًا آخر.
err-not_found = هذه الوثيقة لم تعد موجودة.
err-size_mismatch = فشل الإرسال. حاول مرة أخرى.
err-already_uploaded = أُرسلت هذه الوثيقة من قبل.
err-storage_full = الخدمة ممتلئة حاليًا. حاول لاحقًا.
err-unavailable = الخدمة غير متاحة الآن. حاول مرة أخرى بعد دقيقة.
err-payload_too_large = هذا أكبر من أن يُرسل.
err-internal = حدث خطأ من جهتنا. حاول لاحقًا.
err-network = لا يوجد اتصال. تحقق من الإنترنت وحاول مرة أخرى.
err-damaged = هذه الوثيقة تالفة.
err-locked = محفظتك مغلقة. افتحها من جديد.
err-invalid_input = شيء مما كتبته غير مقبول.

## Sharing: new errors
err-forbidden = هذا غير مسموح به بهذا الحساب.
err-worker_suspended = حسابك كعامل اجتماعي موقوف. لا يمكنك فتح الوثائق المشارَكة. تواصل مع فريق PDE.
err-invitation_invalid = هذه الدعوة لم تعد صالحة. اطلب دعوة جديدة من فريق PDE.
err-invalid_worker_code = رمز البطاقة هذا غير مكتمل: فيه 9 أحرف أو أرقام، كما على البطاقة.
err-worker_code_mistyped = في هذا الرمز خطأ في الكتابة: قارنه بالبطاقة، حرفًا حرفًا.
err-worker_not_found = لا أحد لديه هذا الرمز: تحقق منه على البطاقة.
err-worker_code_taken = تعذّر إنشاء حسابك هذه المرة. حاول مرة أخرى.
err-worker_key_mismatch = أعطى الخادم لهذا العامل مفتاحًا لا يطابق بطاقته. لم تتم مشاركة أي شيء. لا تشارك مع هذه البطاقة الآن، وأبلغ مشغّل PDE (Paradigm).
err-weak_kdf = طلب الخادم حماية عبارة المرور الخاصة بك بأقل مما يفعله PDE. لم يُرسَل أي شيء. أبلغ مشغّل PDE (Paradigm).
card-key-mismatch = الرمز الذي يعطيه الخادم لك لا يطابق مفتاحك. لا تسلّم هذه البطاقة؛ أبلغ مشغّل PDE (Paradigm).
err-share_ended = انتهت هذه المشاركة.
err-link_locked = هذا الرابط مقفل: أُدخلت رموز PIN خاطئة كثيرة.
err-passkeys_unavailable = مفاتيح المرور غير متاحة على هذا الخادم.
err-ceremony_expired = استغرق هذا الطلب وقتًا طويلًا أو استُخدم من قبل. حاول مرة أخرى.
err-passkey_rejected = رُفض رد مفتاح المرور. حاول مرة أخرى.
err-user_verification_required = يجب أن يتحقق جهازك من أنك أنت (قفل الشاشة أو رمز PIN أو البصمة). فعّل قفل الشاشة وحاول مرة أخرى.
err-passkey_taken = مفتاح المرور هذا مسجل بالفعل.
err-pin_required = اكتب رمز PIN أولًا.
err-wrong_pin = رمز PIN هذا غير صحيح.
err-wrong_pin-left = { $n ->
    [0] رمز PIN هذا غير صحيح. أصبح الرابط مقفلًا الآن.
    [one] رمز PIN هذا غير صحيح. يمكنك المحاولة مرة واحدة أخرى.
    [two] رمز PIN هذا غير صحيح. يمكنك المحاولة مرتين أخريين.
    [few] رمز PIN هذا غير صحيح. يمكنك المحاولة { $n } مرات أخرى.
   *[other] رمز PIN هذا غير صحيح. يمكنك المحاولة { $n } مرة أخرى.
}
err-link-not_found = هذا الرابط لا يعمل. تحقق من أن لديك الرابط كاملًا.
err-invalid_field-join = تحقق من اسمك الحقيقي (من 2 إلى 100 حرف) ومن اسم الدخول.
err-real-name = اكتب اسمك الأول واسم عائلتك الحقيقيين (من 2 إلى 100 حرف).
err-login-name-length = يتكون اسم الدخول من 3 إلى 64 حرفًا.
err-pin-format = يتكون رمز PIN من 6 أرقام بالضبط.
err-share-pick = اختر وثيقة واحدة على الأقل.
err-share-too-many = يمكنك مشاركة 50 وثيقة على الأكثر في المرة الواحدة.
try-again = حاول مرة أخرى

## Sharing: holder
share-start = مشاركة وثائق
shares-open = مشاركاتي
back-to-documents = العودة إلى وثائقي
back-to-shares = العودة إلى مشاركاتي
share-title = مشاركة وثائق
share-lead = اختر الوثائق التي تريد إظهارها. سيرى الشخص هذه الوثائق فقط، وللمدة التي تختارها فقط.
share-pick-legend = الوثائق المراد مشاركتها
share-picked = { $n ->
    [one] اختيرت وثيقة واحدة
    [two] اختيرت وثيقتان
    [few] اختيرت { $n } وثائق
   *[other] اختيرت { $n } وثيقة
}
share-who-title = من يستطيع رؤيتها؟
share-who-worker = عامل اجتماعي
field-worker-code = رمز بطاقة العامل الاجتماعي
code-help = إنه على بطاقة العامل الاجتماعي: 9 أحرف أو أرقام، مثل B8Y9-W7S7-8.
code-hint-malformed = هذا ليس رمز بطاقة. استخدم أحرف البطاقة وأرقامها فقط.
code-hint-mistyped = في هذا الرمز خطأ في الكتابة: قارنه بالبطاقة، حرفًا حرفًا.
code-hint-ok = الرمز { $code }: مكتوب بشكل صحيح. اختر «ابحث عن هذا العامل».
code-hint-short = هذا الرمز غير مكتمل: فيه 9 أحرف أو أرقام، كما على البطاقة.
share-find-worker = ابحث عن هذا العامل
share-finding = جارٍ البحث عن العامل الاجتماعي…
share-scan = امسح رمز QR الموجود على البطاقة
share-who-link = شخص آخر
share-who-link-text = أنشئ رابطًا محميًا برمز PIN تقوله بصوتك. كل من لديه الرابط ورمز PIN يستطيع رؤية الوثائق حتى انتهاء المشاركة.
share-make-link = أنشئ رابطًا بدلًا من ذلك
share-check-title = هل هذا هو الشخص الصحيح؟
share-check-lead = تحقق من الاسم والمنظمة مع الشخص الذي أمامك قبل المشاركة.
worker-organisation = المنظمة
worker-card-code = رمز البطاقة
worker-verified = تحقق فريق PDE من أن هذا الشخص يعمل لدى هذه المنظمة.
worker-unverified = تنبيه: لم يتحقق فريق PDE من هذا الشخص بعد. لا تشارك إلا إذا كنت تعرفه ورأيت بطاقته.
worker-verified-short = تحقق منه PDE
worker-unverified-short = لم يتحقق منه PDE
worker-verified-badge = تحقق منه PDE
worker-unverified-badge = لم يتحقق منه PDE
share-worker-yes = نعم، هذا هو الشخص الصحيح
share-worker-no = لا، رجوع
share-details-title = لأي مدة؟
share-summary = أنت تشارك مع { $name } ({ $organisation }).
field-duration = كم من الوقت يستطيع رؤية الوثائق؟
duration-hour = ساعة واحدة
duration-day = يوم واحد
duration-week = 7 أيام
duration-month = 30 يومًا
share-ends-at = ستنتهي في { $when }.
note-legend = رسالة إلى { $name } (اختيارية)
field-note-from = الاسم الذي تريد أن تعطيه
note-from-help = إذا تركته فارغًا، فسيرى اسمك المستعار ({ $pseudonym }).
field-note-text = الرسالة
share-confirm = شارك الآن
sharing = جارٍ المشاركة، يرجى الانتظار…
seen-title = ما سيراه { $name }
seen-title-link = ما سيراه من لديه الرابط
seen-lead = كل ما يرافق كل وثيقة: عنوانها وفئتها وتاريخها وملاحظتك والملف.
seen-category = الفئة
seen-date = تاريخ الوثيقة
seen-note = ملاحظتك
seen-file = الملف
seen-none = لا شيء
seen-file-text = النص ({ $size })
share-done-title = تمت المشاركة
share-done-text = يستطيع { $name } رؤية الوثائق حتى { $when }.
share-done-revoke = يمكنك إيقافها قبل ذلك في «مشاركاتي». وهناك ترى أيضًا كل مرة تُفتح فيها وثيقة.
link-make-title = إنشاء رابط مشاركة
link-summary = { $n ->
    [one] سيُظهر الرابط وثيقة واحدة.
    [two] سيُظهر الرابط وثيقتين.
    [few] سيُظهر الرابط { $n } وثائق.
   *[other] سيُظهر الرابط { $n } وثيقة.
}
link-explain = كل من لديه هذا الرابط يستطيع فتح الوثائق حتى انتهاء المشاركة. المتصفح الذي يفتحه يحتفظ به في سجله: رمز PIN الذي يُقال بالصوت هو ما يحمي الوثائق.
link-pin-legend = رمز PIN (موصى به)
link-pin-use = احمِ الرابط برمز PIN من 6 أرقام
link-no-pin-risk = بدون رمز PIN، يستطيع كل من يجد هذا الرابط فتح الوثائق، حتى من سجل حاسوب مشترك فُتح عليه.
field-pin = رمز PIN (6 أرقام)
link-pin-help = لا تكتب رمز PIN بجانب الرابط. قله للشخص بصوتك.
link-pin-generate = اخترع رمز PIN آخر
link-confirm = إنشاء الرابط
link-done-title = رابط المشاركة الخاص بك
link-done-text = يعمل الرابط حتى { $when }.
link-renewed-text = { $n ->
    [one] رابط جديد برمز PIN جديد للوثيقة نفسها. يعمل حتى { $when }.
    [two] رابط جديد برمز PIN جديد للوثيقتين نفسيهما. يعمل حتى { $when }.
    [few] رابط جديد برمز PIN جديد للوثائق الـ{ $n } نفسها. يعمل حتى { $when }.
   *[other] رابط جديد برمز PIN جديد للوثائق نفسها، وعددها { $n }. يعمل حتى { $when }.
}
link-show-title = أظهر هذا الرابط أو أعطه
link-qr-label = رمز QR لرابط المشاركة
link-copy = نسخ الرابط
link-copied = نُسخ الرابط. الصقه في رسالة.
link-copy-failed = النسخ لا يعمل هنا: الرابط محدد، انسخه بنفسك.
link-share = إرسال الرابط…
link-share-title = وثائق مشارَكة
link-pin-reminder = قل رمز PIN هذا للشخص بصوتك:
link-pin-not-copied = رمز PIN ليس في الرابط المنسوخ أو المرسل: قله على حدة.
link-pin-spoken = رمز PIN: { $pin }
link-no-pin-warning = هذا الرابط بلا رمز PIN: كل من يحصل عليه يستطيع فتح الوثائق.
link-done-leave = لن ترى هذا الرابط مرة أخرى. عندما تنتهي، عد إلى وثائقك.
shares-title = مشاركاتي
shares-loading = جارٍ تحميل مشاركاتك…
shares-none = لم تشارك أي شيء بعد.
share-with-link = رابط مشاركة
share-link-pin = { $n ->
    [0] محمي برمز PIN
    [one] محمي برمز PIN · أُدخل رمز PIN خاطئ مرة واحدة
    [two] محمي برمز PIN · أُدخل رمز PIN خاطئ مرتين
    [few] محمي برمز PIN · أُدخل رمز PIN خاطئ { $n } مرات
   *[other] محمي برمز PIN · أُدخل رمز PIN خاطئ { $n } مرة
}
share-link-no-pin = بدون رمز PIN
share-status-active = نشطة
share-status-expired = منتهية
share-status-revoked = أوقفتها أنت
share-status-locked = مقفلة بعد 5 رموز PIN خاطئة
share-created = تاريخ المشاركة
share-ends = تنتهي في
share-ended = انتهت في
share-revoked-at = أُوقفت في
share-documents = الوثائق المشارَكة: { $n }
share-doc-opened = عدد مرات الفتح: { $n }
share-doc-downloaded = عدد مرات التنزيل: { $n }
share-doc-deleted = (وثيقة حذفتها)
share-receipts = مرات الفتح
shares-receipts-truth = كل مرة فتح مذكورة هنا، وكل تنزيل تم بزر «تنزيل». من فتح وثيقة ربما حفظها أيضًا أو طبعها من متصفحه: وهذا غير مذكور.
share-receipts-none = لم يفتح أحد هذه الوثائق بعد.
share-renew = إنشاء رابط جديد لهذه الوثائق
share-renew-locked = هذا الرابط مقفل. للرابط الجديد رمز PIN جديد: الرابط القديم، حتى لو وُجد في سجل، لم يعد يفتح شيئًا.
share-renew-ended = انتهى هذا الرابط. للرابط الجديد رمز PIN جديد.
quoted = «{ $title }»
receipt-open = فُتحت
receipt-download = نُزّلت
receipt-by-worker = بواسطة { $name }
receipt-by-link = عبر الرابط
share-revoke = إيقاف هذه المشاركة
revoke-title = هل توقف هذه المشاركة؟
revoke-text = لن يتمكن { $name } من فتح هذه الوثائق بعد الآن. تبقى قائمة مرات الفتح.
revoke-text-link = لن يفتح الرابط أي شيء بعد الآن. تبقى قائمة مرات الفتح.
revoke-copies = النسخ التي نزّلها { $name } أو حفظها من قبل تبقى عند { $name }.
revoke-copies-link = النسخ التي نُزّلت أو حُفظت من قبل تبقى عند من يملكها.
revoke-confirm = نعم، أوقفها
revoked-notice = أُوقفت المشاركة.
scan-video-label = صورة الكاميرا
scan-help = ضع رمز QR الموجود على البطاقة أمام الكاميرا.
scan-not-a-card = رمز QR هذا ليس بطاقة عامل اجتماعي.
scan-stop = إيقاف الكاميرا
scan-denied = لا يمكن استخدام الكاميرا. اكتب الرمز بدلًا من ذلك.
scan-unavailable = هذا المتصفح لا يستطيع قراءة رموز QR. اكتب الرمز بدلًا من ذلك.

## Sharing: worker
join-title = الانضمام إلى PDE كعامل اجتماعي
join-checking = جارٍ التحقق من دعوتك…
join-lead = دعتك { $organisation }. سيرى الأشخاص الذين تساعدهم اسمك الحقيقي ومنظمتك قبل أن يشاركوا معك وثائقهم.
field-real-name = اسمك الحقيقي
real-name-help = الاسم الأول واسم العائلة، كما على بطاقة عملك.
field-login-name = اسم الدخول
login-name-help = تكتبه مع عبارة المرور لتدخل، في صفحة البداية.
join-passphrase-for = اسم الدخول: { $name }
join-submit = إنشاء حسابي
joining = جارٍ إنشاء حسابك، يرجى الانتظار بضع ثوانٍ…
join-invalid-title = هذه الدعوة لم تعد صالحة
join-invalid-text = لقد استُخدمت من قبل، أو هي قديمة جدًا. اطلب دعوة جديدة من فريق PDE.
join-go-start = الذهاب إلى صفحة البداية
sheet-step-1-worker = إذا نسيت عبارة المرور، فهذا الرمز يفتح حسابك. ثم تختار عبارة مرور جديدة.
sheet-step-3-worker = كل من لديه هذه الورقة واسم الدخول الخاص بك يستطيع فتح حسابك. لا تُرِها لأحد.
sheet-step-4-worker = لاستخدامها: في صفحة البداية، اختر «أنا عامل اجتماعي»، ثم «نسيت عبارة المرور»، واكتب اسم الدخول وهذا الرمز.
worker-title = وثائق مشارَكة معي
worker-hello = أنت مسجل الدخول باسم { $name } ({ $organisation }).
worker-unverified-self = لم يتحقق فريق PDE من حسابك بعد. وحتى ذلك الحين، يرى الناس تنبيهًا عندما يشاركون معك.
worker-card-open = بطاقتي
worker-refresh = البحث عن مشاركات جديدة
worker-none = لا شيء مشارَك معك الآن. يستطيع الناس مشاركة وثائق معك بكتابة رمز بطاقتك أو بمسحه.
incoming-from = من { $name }
incoming-pseudonym = الاسم المستعار: { $pseudonym }
incoming-note = رسالته
share-until = حتى { $when }
time-left-minutes = { $n ->
    [one] بقيت دقيقة واحدة
    [two] بقيت دقيقتان
    [few] بقيت { $n } دقائق
   *[other] بقيت { $n } دقيقة
}
time-left-hours = { $n ->
    [one] بقيت ساعة واحدة
    [two] بقيت ساعتان
    [few] بقيت { $n } ساعات
   *[other] بقيت { $n } ساعة
}
time-left-days = { $n ->
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $n } أيام
   *[other] بقي { $n } يومًا
}
shared-download = تنزيل على هذا الجهاز
shared-record-hint = يرى الشخص الذي شارك هذه الوثيقة أنك فتحتها، وكل تنزيل تم بهذا الزر. إذا حفظتها أو طبعتها من المتصفح، فلن يرى ذلك: استخدم هذا الزر.
shared-downloaded = حُفظ الملف على هذا الجهاز.
share-ended-title = انتهت هذه المشاركة
share-ended-text = أوقفها الشخص، أو انتهت مدتها. لم يعد بإمكانك فتح هذه الوثائق.
back-to-list = العودة إلى القائمة
worker-suspended-title = حسابك موقوف
card-title = بطاقتي
card-lead = أظهر هذه البطاقة للأشخاص الذين تساعدهم: يكتبون الرمز أو يمسحون رمز QR ليشاركوا معك وثائق.
card-sheet-title = بطاقة العامل الاجتماعي PDE
card-name = الاسم
card-qr-label = رمز QR للبطاقة: الرمز وتحقق كامل من مفتاح العامل
card-instructions = لمشاركة وثائق معي: في محفظة PDE الخاصة بك، اختر «مشاركة وثائق»، ثم اكتب هذا الرمز أو امسح رمز QR هذا.
card-print = طباعة بطاقتي
card-verified = تحقق منها فريق PDE
card-unverified = لم يتحقق منها فريق PDE بعد

## Sharing: link visitor
link-brand = وثائق مشارَكة
link-title = وثائق مشارَكة معك
link-opening = جارٍ فتح الرابط…
link-pin-title = لهذا الرابط رمز PIN
link-pin-text = اكتب الأرقام الستة التي قالها لك الشخص.
field-link-pin = رمز PIN
link-pin-field-help = 6 أرقام، بمسافة أو بدونها (مثلًا 123 456).
link-pin-submit = فتح الوثائق
link-from = من { $name }
link-visitor-hint = عندما تنتهي، اختر «خروج»: لا يبقى شيء على هذا الحاسوب، إلا الملفات التي تنزّلها.
link-bad-title = هذا الرابط لا يعمل
link-bad-text = تحقق من أن لديك الرابط كاملًا، تمامًا كما أُعطي لك. اطلب من الشخص أن يعطيك إياه مرة أخرى.
link-ended-title = انتهى هذا الرابط
link-ended-text = أوقف الشخص المشاركة، أو انتهت المدة. اطلب منه رابطًا جديدًا.
link-locked-title = هذا الرابط مقفل
link-locked-text = أُدخلت رموز PIN خاطئة كثيرة. اطلب من الشخص الذي شاركه أن ينشئ رابطًا جديدًا.
link-closed-title = أُغلقت الوثائق
link-closed-text = لا يبقى شيء على هذا الحاسوب. لرؤيتها مرة أخرى، افتح الرابط من جديد.
link-closed-text-downloaded = الملفات التي نزّلتها تبقى في مجلد التنزيلات في هذا المتصفح: احذفها إذا كان آخرون يستخدمون هذا الحاسوب. لرؤية الوثائق مرة أخرى، افتح الرابط من جديد.

## Log-in, navigation, forms
start-worker-switch = أنا عامل اجتماعي
start-worker-title = حساب العامل الاجتماعي
start-worker-lead = افتح الحساب الذي دعتك منظمتك إلى إنشائه. يعرض الوثائق التي يشاركها الناس معك.
open-worker-title = فتح حساب عملي
start-worker-other = ليس لديك حساب بعد، أو نسيت عبارة المرور؟
start-worker-invitation = ترسل إليك منظمتك رابط دعوة لإنشاء حسابك.
recover-start-worker = نسيت عبارة المرور: استخدم رمز الاسترداد الخاص بحسابي
start-holder-switch = لست عاملًا اجتماعيًا: فتح محفظة
err-fill-both-worker = اكتب اسم الدخول وعبارة المرور.
err-login-worker = اسم الدخول أو عبارة المرور غير صحيحة.
err-fill-both-recovery-worker = اكتب اسم الدخول ورمز الاسترداد.
recover-lead-worker = اكتب اسم الدخول والرمز المكتوب على ورقة الاسترداد الخاصة بحسابك. ثم ستختار عبارة مرور جديدة.
login-recovery-hint = ما زال لا يعمل؟ إذا نسيت عبارة المرور، فالرمز المكتوب على ورقة الاسترداد يفتح محفظتك.
login-recovery-hint-worker = ما زال لا يعمل؟ إذا نسيت عبارة المرور، فالرمز المكتوب على ورقة الاسترداد يفتح حسابك.
pass-words-kept = تبقى هذه الكلمات كما هي بعد تغيير اللغة. للحصول على كلمات بهذه اللغة، اضغط «اعرض كلمات أخرى».
recover-new-lead-worker = حسابك مفتوح. اختر عبارة مرور جديدة لفتحه في المرة القادمة.
recover-end-others = إنهاء جلسات محفظتي المفتوحة الأخرى (على هاتف أو حاسوب آخر)
recover-end-others-worker = إنهاء جلسات حسابي المفتوحة الأخرى (على هاتف أو حاسوب آخر)
recover-saved-title = حُفظت عبارة المرور الجديدة
recover-saved-text = من الآن فصاعدًا، افتح بعبارة المرور الجديدة. القديمة لم تعد تعمل.
recover-saved-others = أُنهيت جلساتك المفتوحة الأخرى.
recover-saved-continue = الذهاب إلى محفظتي
recover-saved-continue-worker = الذهاب إلى حسابي
close-ask-title = هل تغلق محفظتك؟
close-ask-text = الرجوع يغلق محفظتك. لفتحها من جديد، ستحتاج إلى عبارة المرور.
close-ask-title-worker = هل تغلق حسابك؟
close-ask-text-worker = الرجوع يغلق حسابك. لفتحه من جديد، ستحتاج إلى عبارة المرور.
close-ask-stay = البقاء هنا
close-ask-close = أغلقها
title-length = عدد الأحرف: { $n } من { $max } على الأكثر.
err-title-too-long = هذا العنوان طويل جدًا: عدد أحرفه { $n }، والحد الأقصى { $max }. اختصره.
edit-saved = حُفظت التغييرات.
sheet-address = عنوان الموقع
sheet-made = تاريخ الإنشاء
err-login-name-taken = اسم الدخول هذا مستخدم من قبل. اختر اسمًا آخر.

## The crypto worker (keys live in a worker of their own)
documents-opening = { $n ->
    [zero] لا توجد وثائق أخرى لفتحها…
    [one] جارٍ فتح وثيقة أخرى…
    [two] جارٍ فتح وثيقتين أخريين…
    [few] جارٍ فتح { $n } وثائق أخرى…
    [many] جارٍ فتح { $n } وثيقة أخرى…
   *[other] جارٍ فتح { $n } وثيقة أخرى…
}
locked-lost = أُغلقت محفظتك لأن المتصفح أوقف الجزء الذي يشفّر الوثائق ويفك تشفيرها (ربما نفدت ذاكرته). وثائقك في أمان. افتحها من جديد، وإذا كنت تضيف وثيقة فتحقق من وجودها في القائمة.
err-worker_lost = أوقف المتصفح الجزء الذي يشفّر الوثائق ويفك تشفيرها (ربما نفدت ذاكرته). افتح محفظتك من جديد.
link-lost = أُغلقت هذه الصفحة لأن المتصفح أوقف الجزء الذي يفك التشفير (ربما نفدت ذاكرته). افتح الرابط من جديد.
settings-open = الإعدادات
settings-title = الإعدادات
wallet-delete-title = حذف محفظتي
wallet-delete-goes = حذف محفظتك يمحو من هذا الخادم كل وثائقك وملاحظاتك، ومشاركاتك (لن يستطيع العاملون الاجتماعيون ولا الروابط فتح أي شيء، فورًا)، واسمك المستعار، وعبارة المرور ورمز الاسترداد، اللذين لن يفتحا شيئًا بعد ذلك. لا يمكن التراجع عن ذلك.
wallet-delete-stays = ما يبقى: النسخ الاحتياطية للخادم تحتفظ بنسخة مشفّرة من محفظتك إلى أن تُحذف، بعد { $n } يومًا على الأكثر. الملفات التي نزّلتها تبقى حيث حفظتها، وكذلك النسخ التي نزّلها عامل اجتماعي من قبل.
wallet-delete-start = حذف محفظتي…
wallet-delete-confirm-lead = للتأكيد، اكتب الاسم المستعار لهذه المحفظة.
wallet-delete-confirm-label = الاسم المستعار لهذه المحفظة
wallet-delete-wrong-pseudonym = هذا ليس الاسم المستعار لهذه المحفظة. لم يُحذف أي شيء.
wallet-delete-continue = متابعة
wallet-delete-proof-lead = الخطوة الأخيرة: أثبت أنك صاحب المحفظة بعبارة المرور أو برمز الاسترداد. تُحذف محفظتك عندئذ فورًا.
wallet-delete-proof-legend = الإثبات بواسطة
wallet-delete-need-passphrase = اكتب عبارة المرور. لم يُحذف أي شيء.
wallet-delete-need-code = اكتب رمز الاسترداد. لم يُحذف أي شيء.
wallet-delete-busy = جارٍ الحذف…
wallet-delete-submit = حذف محفظتي نهائيًا
wallet-deleted-title = حُذفت المحفظة
wallet-deleted-text = حُذفت المحفظة وأُغلقت. لم يبق منها شيء مفتوح على هذا الحاسوب.
wallet-deleted-start = الذهاب إلى صفحة البداية

## تنزيل كل شيء (التصدير)
export-title = تنزيل كل شيء
export-lead = خذ أوراقك معك: ملف zip واحد فيه كل وثائقك، مشفّرة، يمكنك فتحه بدون PDE بالبرنامج المجاني age. تختار عبارة مرور تحمي مفتاح الملف.
export-start = تنزيل كل شيء…
export-passphrase-lead = اختر عبارة المرور التي ستحمي هذا التصدير: عبارة مرور محفظتك أو عبارة أخرى. إنها تحمي هذا الملف فقط. بدونها لا يستطيع أحد فتح التصدير، ولا أنت.
export-passphrase-label = عبارة مرور التصدير
export-passphrase-again = عبارة المرور نفسها مرة أخرى
export-need-passphrase = اكتب عبارة مرور.
export-passphrase-mismatch = عبارتا المرور غير متطابقتين.
export-submit = إنشاء ملف zip
export-progress-label = تقدّم التصدير
export-progress = { $done } من { $total } وثائق
export-done = تم: { $n } وثائق في { $name }، في التنزيلات.
export-damaged-left-out = { $n ->
    [one] تعذّرت قراءة وثيقة واحدة وهي ليست فيه.
   *[other] تعذّرت قراءة { $n } وثائق وهي ليست فيه.
}
export-plain-start = تنزيل الملفات غير المشفّرة…
export-plain-warning = تنبيه: هذه الملفات غير مشفّرة. كل من يستعمل هذا الحاسوب أو يجد الملفات يستطيع قراءة كل أوراقك. لا تفعل ذلك إلا على جهازك الخاص، واحذف الملفات عندما لا تحتاجها.
export-plain-submit = فهمت، نزّل الملفات غير المشفّرة
export-readme-title = أوراقك من PDE
export-readme-intro = يحتوي ملف zip هذا على وثائقك، مشفّرة. يمكنك فتحها بدون PDE بالبرنامج المجاني age (https://age-encryption.org؛ على Debian أو Ubuntu: apt install age).
export-readme-names = الملفات مرقّمة ولا تقول أسماؤها أبدًا ما هي الوثيقة، حتى لا يعرف من يرى ملف zip هذا (على حاسوب مشترك مثلًا) أيّ أوراق فيه.
export-readme-step-identity = 1. افتح مفتاحك بعبارة المرور التي كتبتها عند إنشاء هذا التصدير (يطلبها age):
export-readme-step-document = 2. افتح كل وثيقة بهذا المفتاح. documents/1.age هي الوثيقة الأولى؛ اختر اسم الملف الناتج (مثلًا document-1.pdf):
export-readme-step-metadata = 3. عنوانها وفئتها وتواريخها وملاحظتها في documents/1.json.age:
export-readme-keep = يفتح identity.txt كل الوثائق: احفظه في مكان آمن، واحذفه عندما تنتهي.
export-readme-damaged = إذا كان ملف تالفًا أو تم تغييره، يتوقف age برسالة خطأ مثل التي في الأسفل، ويكون الملف الذي كان ينشئه ناقصًا: احذفه وأنشئ تصديرًا جديدًا من محفظتك.

## مفاتيح المرور والإعدادات ← طرق الفتح، الجلسات (issue 9)
passkey-cancelled = أُغلق طلب مفتاح المرور، أو انتهت مهلته، أو لم يستطع جهازك التحقق من أنك أنت (قفل الشاشة أو الرمز أو البصمة). لم يحدث شيء: حاول مرة أخرى، أو استعمل عبارة المرور.
passkey-open-title = الفتح بمفتاح مرور
passkey-open-help = استعمل قفل شاشة هذا الجهاز (البصمة أو الوجه أو الرمز أو النمط) بدل كتابة اسمك المستعار وعبارة المرور.
passkey-open-button = الفتح بمفتاح مرور
passkey-open-busy = في انتظار مفتاح المرور…
passkey-unlock-title = اكتب عبارة المرور لفتح القفل
passkey-unlock-why = أثبت مفتاح المرور أنك أنت، لكنه لا يستطيع على هذا الجهاز فتح قفل وثائقك (جهازك لا يدعم جزء فتح القفل في مفاتيح المرور). اكتب عبارة المرور لفتحها.
passkey-unlock-need-passphrase = اكتب عبارة المرور.
passkey-create-title = استعمال قفل شاشة هذا الهاتف
passkey-create-help = ستُفتح محفظتك بقفل شاشة هذا الجهاز (البصمة أو الوجه أو الرمز أو النمط)، دون عبارة مرور تحفظها. بعد ذلك تحصل على ورقة استرداد، في حال فقدت هذا الجهاز.
passkey-create-button = استعمال قفل شاشة هذا الهاتف
passkey-create-passphrase-instead = اختيار عبارة مرور بدلًا من ذلك
passkey-create-no-prf = أُنشئت محفظتك وقفل شاشة هذا الجهاز يُدخلك. لكن هذا الجهاز لا يستطيع استعماله لفتح قفل وثائقك، فاختر عبارة مرور أيضًا: ستكتبها بعد قفل الشاشة.
passkey-create-no-prf-submit = الاحتفاظ بعبارة المرور هذه
ways-title = طرق فتح محفظتي
ways-passkeys = مفاتيح المرور (قفل الشاشة)
ways-passkeys-none = لا يوجد مفتاح مرور بعد.
ways-passkey-made = أُضيف في { $when }
ways-passkey-used = آخر استعمال في { $when }
ways-passkey-never-used = لم يُستعمل بعد
ways-passkey-unlocks = يُدخل ويفتح القفل.
ways-passkey-logs-in-only = يُدخل فقط: عبارة المرور تفتح القفل.
ways-passkey-rename = إعادة تسمية
ways-passkey-rename-named = إعادة تسمية مفتاح المرور { $name }
ways-passkey-remove = إزالة
ways-passkey-remove-named = إزالة مفتاح المرور { $name }
ways-passkey-add = إضافة مفتاح مرور
ways-passkey-add-submit = المتابعة بقفل الشاشة
ways-passkey-remove-submit = إزالة مفتاح المرور هذا
ways-passkey-name = اسم مفتاح المرور هذا
ways-passkey-rename-submit = حفظ الاسم
ways-name-length = يجب أن يتكون الاسم من 1 إلى 64 حرفًا.
ways-add-lead = أثبت أولًا أنك أنت؛ ثم يطلب هذا الجهاز قفل شاشته.
ways-remove-lead = أثبت أولًا أنك أنت. لن يفتح مفتاح المرور { $name } محفظتك بعد ذلك.
ways-recovery-help = ورقة استرداد جديدة تحل محل القديمة: يتوقف الرمز القديم عن العمل فورًا.
ways-recovery-new = إنشاء ورقة استرداد جديدة
ways-recovery-lead = أثبت أولًا أنك أنت. يتوقف رمز الاسترداد القديم عن العمل فورًا.
ways-recovery-submit = إنشاء الورقة الجديدة
ways-recovery-sheet-lead = هذه ورقة الاسترداد الجديدة. القديمة لم تعد تعمل: اطبع هذه أو انسخها الآن.
ways-passphrase-change = تغيير عبارة المرور
ways-current-passphrase = عبارة المرور الحالية
ways-current-needed = اكتب عبارة المرور الحالية.
ways-passphrase-submit = تغيير عبارة المرور
ways-proof-legend = أثبت أنك أنت باستعمال
ways-proof-passkey = مفتاح مرور
ways-proof-passkey-help = سيطلب جهازك قفل شاشته.
ways-proof-needed = املأ الحقل لتثبت أنك أنت.
ways-end-others = إغلاق محفظتي أيضًا في كل مكان آخر هي مفتوحة فيه
ways-ended-others = أُغلقت محفظتك في كل مكان آخر.
ways-passphrase-changed = تغيّرت عبارة المرور. القديمة لم تعد تعمل.
ways-recovery-changed = ورقة الاسترداد الجديدة جاهزة. الرمز القديم لم يعد يعمل.
ways-passkey-added = أُضيف مفتاح المرور: يُدخلك ويفتح قفل محفظتك.
ways-passkey-added-no-prf = أُضيف مفتاح المرور. على هذا الجهاز يُدخلك فقط: عبارة المرور تفتح القفل.
ways-passkey-removed = أُزيل مفتاح المرور: لم يعد يفتح محفظتك.
ways-passkey-renamed = حُفظ الاسم.
sessions-title = أين محفظتي مفتوحة
sessions-help = كل مكان محفظتك مفتوحة فيه الآن. أغلق ما لا تعرفه أو لم تعد تستعمله.
sessions-this-one = هذه
sessions-started = فُتحت في { $when }
sessions-last-used = آخر استعمال في { $when }
sessions-end = إغلاق
sessions-end-named = إغلاق الجلسة على { $device }، آخر استعمال في { $when }
sessions-end-others = إغلاق كل الجلسات الأخرى
sessions-ended-one = أُغلقت تلك الجلسة.
sessions-ended-others = أُغلقت كل الجلسات الأخرى.
device-form-phone = هاتف
device-form-tablet = جهاز لوحي
device-form-computer = حاسوب
device-form-unknown = جهاز
device-system-ios = آيفون أو آيباد
device-system-other = نظام آخر

## الإخفاء حتى… (وثائق يخفيها الخادم حتى وقت معيّن)
hide-start = إخفاء حتى…
hide-title = إخفاء وثائق حتى…
hide-lead = تختفي الوثائق المخفية من محفظتك حتى الوقت الذي تختاره: على كل هاتف وحاسوب، حتى بعبارة المرور أو مفتاح المرور أو رمز الاسترداد. لا يستطيع أحد إعادتها قبل ذلك، ولا أنت. تعود من تلقاء نفسها.
hide-pick-legend = الوثائق المراد إخفاؤها
hide-picked = { $n ->
    [one] اختيرت وثيقة واحدة
    [two] اختيرت وثيقتان
    [few] اختيرت { $n } وثائق
   *[other] اختيرت { $n } وثيقة
}
hide-when-legend = إخفاؤها حتى
hide-when-hours2 = بعد ساعتين
hide-when-tonight = هذا المساء، الساعة 20:00
hide-when-tomorrow = مساء الغد، الساعة 20:00
hide-when-custom = تاريخ ووقت أختارهما
hide-date = التاريخ
hide-time = الوقت
hide-next = إخفاء…
hide-err-no-docs = اختر وثيقة واحدة على الأقل لإخفائها.
hide-err-no-time = اختر حتى متى تخفيها.
hide-err-custom = اكتب تاريخًا ووقتًا.
err-hide_until_past = لقد مضى هذا الوقت. اختر وقتًا لاحقًا.
err-hide_until_too_far = يمكن إخفاء الوثائق 90 يومًا على الأكثر. اختر تاريخًا أقرب.
hide-confirm-title = { $n ->
    [one] إخفاء وثيقة واحدة حتى { $until }؟
    [two] إخفاء وثيقتين حتى { $until }؟
    [few] إخفاء { $n } وثائق حتى { $until }؟
   *[other] إخفاء { $n } وثيقة حتى { $until }؟
}
hide-confirm-text = حتى ذلك الحين لا يستطيع أحد رؤيتها أو إعادتها، ولا أنت بعبارة المرور أو رمز الاسترداد.
hide-leaves-worker = «{ $title }» مشاركة مع { $name }؛ إخفاؤها ينهي ذلك.
hide-leaves-link = «{ $title }» مشاركة عبر رابط؛ إخفاؤها ينهي ذلك.
hide-confirm = إخفاؤها
hide-done = { $n ->
    [one] أُخفيت وثيقة واحدة حتى { $until }.
    [two] أُخفيت وثيقتان حتى { $until }.
    [few] أُخفيت { $n } وثائق حتى { $until }.
   *[other] أُخفيت { $n } وثيقة حتى { $until }.
}
# Trusted helpers: errors of the help request routes
err-help_request_open = هناك طلب مساعدة مفتوح بالفعل لهذه المحفظة.
err-help_request_ended = انتهى طلب المساعدة هذا (أُلغي أو انتهت صلاحيته أو استُخدم من قبل).
err-help_not_ready = لم تنتهِ فترة الانتظار بعد.
err-not_enough_approvals = لم يوافق عدد كافٍ من المساعدين بعد.
## Quick exit and "I am on a shared computer"
quick-exit = مغادرة سريعة
quick-exit-help = يغلق كل شيء فورًا ويعرض صفحة فارغة. الضغط على مفتاح Escape ثلاث مرات يفعل الشيء نفسه.
shared-computer = أنا على حاسوب مشترك
shared-computer-help = لهذا التبويب: إغلاق بعد 3 دقائق دون نشاط، وتحذير قبل الطباعة، وتذكير بإغلاق المتصفح في النهاية.
shared-close-browser = أنت على حاسوب مشترك: أغلق الآن كل نوافذ هذا المتصفح.
print-confirm-title = الطباعة على حاسوب مشترك؟
print-confirm-text = قد تحتفظ الطابعة أو هذا الحاسوب بنسخة مما تطبعه، وقد يراها أشخاص آخرون. خذ الورقة من الطابعة فورًا.
print-confirm = اطبع رغم ذلك
print-blocked = على حاسوب مشترك، اطبع بزر الطباعة في الصفحة: فهو يخبرك أولًا بما قد تحتفظ به الطابعة والحاسوب.
locked-idle-shared = أُغلقت محفظتك لأن أحدًا لم يستخدمها مدة 3 دقائق.
locked-idle-shared-downloaded = أُغلقت محفظتك لأن أحدًا لم يستخدمها مدة 3 دقائق. الملفات التي نزّلتها تبقى في مجلد التنزيلات في هذا المتصفح.
## Trusted helpers: Settings → Helpers, the paper helper card, "Ask for help", the worker's help requests, the cancel banner
helpers-title = المساعدون
helpers-lead = إذا فقدت عبارة المرور وورقة الاسترداد، يمكن لأشخاص تثق بهم مساعدتك على العودة: عاملون اجتماعيون وبطاقات مساعدة ورقية. لا يستطيع أيّ منهم فتح محفظتك وحده، ولا الخدمة أيضًا.
helpers-none = لم تختر أي مساعد بعد.
helpers-needed = يلزم { $k } من هؤلاء المساعدين الـ { $n } لمساعدتك على العودة.
helpers-card-named = بطاقة ورقية يحتفظ بها
helpers-worker-suspended = هذا العامل موقوف ولم يعد يستطيع المساعدة. استبدل مساعديك.
helpers-choose = اختيار المساعدين
helpers-replace = استبدال مساعديّ
helpers-remove = إزالة مساعديّ
helpers-remove-warning = لن يستطيع أحد بعد الآن مساعدتك على العودة. تتوقف حصص مساعديك والبطاقات الورقية عن العمل فورًا.
helpers-remove-confirm = نعم، أزلهم
helpers-removed = أُزيل مساعدوك. لم تعد حصصهم وبطاقاتهم تعمل.
helpers-saved = حُفظ مساعدوك الجدد.
helpers-choose-title = مساعدوك الجدد
helpers-choose-lead = ننصح بثلاثة مساعدين يلزم اثنان منهم: مثلًا عامل اجتماعي تعرفه وبطاقتان ورقيتان يحتفظ بهما مركز نهاري وصديق.
helpers-replace-warning = سيتوقف مساعدوك القدامى عن العمل: لن تفتح حصصهم ولا البطاقات الورقية القديمة شيئًا.
helpers-chosen-none = لم يُختر أي مساعد بعد.
helpers-remove-one = إزالة { $name } من القائمة
helpers-remove-one-short = إزالة
helpers-add-worker = إضافة عامل اجتماعي
helpers-add-card = إضافة بطاقة ورقية
helpers-threshold-label = كم مساعدًا يلزم
helpers-threshold-option = { $k } من { $n }
helpers-threshold-help = أقل من هذا العدد لا يستطيعون فعل شيء، حتى معًا.
helpers-save = حفظ هؤلاء المساعدين
helpers-saving = جارٍ إعداد حصص المساعدين…
helpers-need-two = اختر مساعدَين على الأقل.
helpers-threshold-too-big = لا يمكن أن يلزم مساعدون أكثر مما لديك.
helpers-too-many = يمكن أن يكون لديك 10 مساعدين على الأكثر.
helpers-worker-title = عامل اجتماعي، برمز بطاقته
helpers-check-title = هل هذا هو الشخص الصحيح؟
helpers-check-lead = تحقق من الاسم والمنظمة مع الشخص قبل أن تختاره.
helpers-worker-yes = نعم، اختر هذا الشخص
helpers-worker-unverified = لم يُتحقق من هذا العامل بعد، فلا يمكن أن يكون مساعدًا. اختر غيره أو بطاقة ورقية.
helpers-worker-twice = هذا العامل موجود في القائمة بالفعل.
helpers-card-title = بطاقة مساعدة ورقية
helpers-card-lead = ستطبع البطاقة (أو تصوّرها) وتعطيها لشخص تثق به: مركز نهاري، صديق.
helpers-card-label = من سيحتفظ بهذه البطاقة؟
helpers-card-label-help = أنت وحدك ترى هذا الاسم، في محفظتك. لا يُطبع على البطاقة.
helpers-card-add = إضافة هذه البطاقة
helpers-card-label-empty = اكتب من سيحتفظ بالبطاقة.
helpers-card-label-long = هذا الاسم طويل جدًا.
helpers-print-title = البطاقة الورقية { $n } من { $total }
helpers-print-lead = اطبع هذه البطاقة أو صوّرها، وأعطها إلى: { $label }. لن تراها مرة أخرى.
helpers-print = طباعة البطاقة
helpers-print-next = البطاقة التالية
helpers-print-done = طبعتها أو صوّرتها
helpers-done-title = مساعدوك جاهزون
helpers-done-text = إذا فقدت يومًا عبارة المرور وورقة الاسترداد، اختر «فقدت عبارة المرور وورقة الاسترداد» في صفحة البداية.
helpers-done-back = العودة إلى الإعدادات
helper-sheet-title = بطاقة مساعدة PDE
helper-sheet-text = بطاقة المساعدة
helper-sheet-qr = رمز QR لبطاقة المساعدة
helper-sheet-step-1 = احتفظ بهذه البطاقة في مكان آمن. إنها تساعد شخصًا واحدًا على العودة إلى محفظته في PDE.
helper-sheet-step-2 = لا تعطها إلا إذا طلبها هذا الشخص بنفسه، على العنوان أعلاه: يكتبها أو يمسح رمز QR على شاشته.
helper-sheet-step-3 = هذه البطاقة وحدها لا تفتح شيئًا. لا تعطها لأي شخص آخر.
help-start = فقدت عبارة المرور وورقة الاسترداد
help-title = اطلب المساعدة من مساعديك
help-lead = اكتب اسمك المستعار. يمكن لمساعديك بعد ذلك (عامل اجتماعي، بطاقات مساعدة ورقية) مساعدتك على العودة إلى محفظتك.
help-need-pseudonym = اكتب اسمك المستعار.
help-submit = طلب المساعدة
help-already-open = هناك طلب مساعدة مفتوح بالفعل لهذه المحفظة. عد إلى الشاشة التي طُلب منها، أو انتظر حتى ينتهي.
help-waiting-title = طلب المساعدة الخاص بك
help-code-title = رمز طلبك
help-code-text = أرِ هذا الرمز لمساعديك. يتحقق العامل الاجتماعي من أنه نفسه على شاشته قبل أن يساعدك.
help-wait = من أجل سلامتك هناك مدة انتظار { $hours } ساعة: يمكن أن تُفتح محفظتك ابتداءً من { $time } إذا وافق عدد كافٍ من المساعدين.
help-others-told = إذا كانت محفظتك مفتوحة على هاتف أو حاسوب آخر، فسيُظهر أن شخصًا طلب استرجاعها، ويمكنه إيقاف الطلب.
help-status-title = أين وصل طلبك
help-status-open = العاملون الاجتماعيون الذين وافقوا: { $approvals }. البطاقات الورقية المكتوبة هنا: { $cards }.
help-status-cancelled = أُوقف هذا الطلب من جهاز المحفظة مفتوحة عليه. لا يمكنه فتح شيء.
help-status-expired = انتهت صلاحية هذا الطلب. يمكنك الطلب من جديد.
help-status-completed = استُخدم هذا الطلب بالفعل.
help-check-again = التحقق مرة أخرى
help-card-title = بطاقة مساعدة ورقية
help-card-lead = اكتب نص البطاقة، أو امسح رمز QR الخاص بها. المسافات والأحرف الكبيرة لا تهم.
help-card-field = نص بطاقة المساعدة
help-card-add = إضافة هذه البطاقة
help-card-scan = مسح البطاقة
help-card-not-a-card = رمز QR هذا ليس بطاقة مساعدة.
help-card-empty = اكتب نص البطاقة أولًا.
help-card-added = قُبلت البطاقة.
help-card-again = كُتبت هذه البطاقة من قبل.
help-card-mistyped = بطاقة المساعدة هذه غير صالحة: حرف مكتوب خطأ. تحقق من كل مجموعة من 5 أحرف.
help-card-invalid = بطاقة المساعدة هذه غير صالحة: حرف ناقص أو خاطئ. تحقق من أنك كتبتها كلها.
help-open-title = فتح محفظتي
help-open-text = عندما تنتهي مدة الانتظار ويوافق عدد كافٍ من المساعدين، تُفتح محفظتك هنا.
help-open = افتح محفظتي
help-not-ready = لم تنته مدة الانتظار: يمكن أن تُفتح محفظتك ابتداءً من { $time }.
help-not-enough = لم يوافق عدد كافٍ من المساعدين بعد.
help-opened-title = محفظتك مفتوحة
help-opened-text = محفظتك مفتوحة من جديد، وهي مغلقة في كل مكان آخر. اختر الآن عبارة مرور جديدة؛ ثم تحصل على ورقة استرداد جديدة.
help-opened-next = اختيار عبارة مرور جديدة
help-new-title = عبارة المرور الجديدة
help-new-lead = تحل محل التي فقدتها.
help-renew-title = اختر مساعديك من جديد
help-renew-text = ساعدك مساعدوك على العودة. اختر مساعديك من جديد في الإعدادات ← المساعدون، وأعطِ بطاقات ورقية جديدة: البطاقات المستخدمة رآها هذا الجهاز.
help-renew-others = أُغلقت محفظتك على كل الأجهزة الأخرى.
help-banner-title = طلب شخص ما استرجاع محفظتك
help-banner-text = قُدّم طلب مساعدة في { $time }. يمكن أن تُفتح محفظتك لهذا الشخص ابتداءً من { $ready } إذا وافق مساعدوك.
help-banner-not-you = إذا لم تكن أنت، أوقفه الآن.
help-banner-cancel = إيقاف هذا الطلب
help-banner-cancelled = أُوقف الطلب. لا يمكنه فتح شيء.
help-requests-title = طلبات المساعدة
help-requests-lead = أشخاص اختاروك مساعدًا وفقدوا عبارة المرور وورقة الاسترداد.
help-requests-none = لا توجد طلبات مساعدة.
help-requests-refresh = البحث عن طلبات
help-request-from = طلب من
help-request-started = طُلب في { $time }.
help-request-code = الرمز:
help-request-code-wrong = هذا الرمز لا يطابق مفتاح الطلب. لا توافق عليه، وأبلغ الخدمة.
help-request-compare = لا توافق إلا بعد مقارنة هذا الرمز بالرمز الظاهر على شاشة الشخص، وجهًا لوجه أو في مكالمة تثق بها.
help-request-compared = تحققت: الرمزان متطابقان وهذا هو الشخص.
help-request-approve = موافقة
help-request-approved = وافقت على هذا الطلب.
## بطاقات الموعد: مشاركة لا تُفتح إلا في يوم واحد بين ساعتين
appt-when-legend = متى يمكن فتح الوثائق؟
appt-when-now = من الآن
appt-when-appointment = أثناء موعد فقط
appt-window-legend = الموعد
appt-window-help = بتوقيت بروكسل. قبل هذه الساعات وبعدها لا يستطيع أحد فتح الوثائق.
appt-field-day = اليوم
appt-field-from = من
appt-field-until = إلى
appt-summary = { $day }، من { $from } إلى { $until }
err-appt-incomplete = اختر يوم الموعد وساعاته.
err-appt-past = هذا الوقت مضى. اختر وقتًا لاحقًا.
err-appt-too_far = يمكن أن يكون الموعد بعد 90 يومًا على الأكثر.
err-appt-ends_before_start = يجب أن تكون النهاية بعد البداية.
err-appt-too_short = يجب أن يدوم الموعد 15 دقيقة على الأقل.
err-appt-too_long = يمكن أن يدوم الرابط 7 أيام على الأكثر.
err-appointment_in_past = هذا الوقت مضى. اختر وقتًا لاحقًا.
err-appointment_too_far = يمكن أن يكون الموعد بعد 90 يومًا على الأكثر.
err-appointment_ends_before_start = يجب أن تكون النهاية بعد البداية.
appt-card-title = بطاقة موعدك
appt-card-made = البطاقة جاهزة. اطبعها أو احتفظ بهذه الصفحة على هاتفك. لا تحتاج إلى فتح محفظتك في الموعد.
appt-card-heading = موعد
appt-card-with = مع
appt-card-worker = { $name } من { $organisation }
appt-card-link = من لديه هذه البطاقة ورمز PIN
appt-card-day = اليوم
appt-card-hours = الساعات
appt-card-hours-value = من { $from } إلى { $until } (بتوقيت بروكسل)
appt-card-documents = الوثائق
appt-card-qr-link = رمز QR للرابط إلى الوثائق
appt-card-qr-worker = رمز QR لعنوان PDE
appt-card-how-worker = يفتح { $name } الوثائق في حسابه على PDE، في «وثائق مشارَكة معي»، من { $from } إلى { $until }. لا قبل ولا بعد.
appt-card-how-link = امسح رمز QR بين { $from } و{ $until }. لا قبل ولا بعد.
appt-card-pin-apart = رمز PIN ليس على هذه البطاقة. قله في الموعد.
appt-pin-title = رمز PIN
appt-pin-help = احفظه أو اكتبه في مكان آخر. لا يُطبع.
appt-print = اطبع البطاقة
appt-keep-on-phone = أو احتفظ بهذه الصفحة على هاتفك: التقط صورة للشاشة.
appt-list-window = موعد
appt-list-window-value = { $day }، من { $from } إلى { $until }
share-status-scheduled = موعد قادم
link-bad-appointment = إذا كانت بطاقة موعد، فهي لا تعمل إلا في يوم الموعد وساعاته.
## Worker keys remembered in the wallet record
err-worker_key_changed = تغيّر مفتاح هذا الشخص منذ آخر مرة شاركت معه. لم تتم مشاركة أي شيء. اطلب منه أن يُريك بطاقته مرة أخرى وامسح رمز QR الموجود عليها؛ وإن لم تستطع، أبلغ مشغّل PDE (Paradigm).
err-record_newer = حُفظت قائمة العاملين الذين شاركت معهم بإصدار أحدث من PDE. لم تتم مشاركة أي شيء. أعد تحميل الصفحة وحاول مرة أخرى.
