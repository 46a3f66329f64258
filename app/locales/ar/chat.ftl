# الرسائل
chat-title = الرسائل
chat-list-label = المحادثات
chat-empty = لا توجد محادثات بعد. ابدأ واحدة من زر «راسل العارض» في صفحة الجناح.
chat-pick = اختر محادثة من القائمة.
chat-unread = { $count } غير مقروءة
chat-badge-label = { $count } رسائل غير مقروءة
chat-support-title = دعم المنظِّم
chat-no-messages = لا توجد رسائل بعد. ألقِ التحية!
chat-load-earlier = تحميل الرسائل الأقدم
chat-loading = جارٍ التحميل…
chat-you = أنت
chat-log-label = محادثة مع { $name }
chat-message-label = الرسالة
chat-placeholder = اكتب رسالة… (Enter للإرسال، Shift+Enter لسطر جديد)
chat-send = إرسال
chat-sending = جارٍ الإرسال…
chat-seen = تمت القراءة
chat-failed = لم تُرسل: { $reason }
chat-retry = أعد المحاولة
chat-typing = { $name } يكتب…
chat-reconnecting = انقطع الاتصال. جارٍ إعادة الاتصال… ما تكتبه الآن يُرسل فور عودته.
chat-back = كل المحادثات
chat-view-booth = عرض الجناح
chat-start = راسل العارض
chat-start-signin = سجّل الدخول لمراسلة العارض
chat-notify = أعلمني بالرسائل الجديدة
chat-notification-title = رسالة جديدة
chat-notification-body = لديك { $count } رسائل غير مقروءة.
chat-error-empty = اكتب شيئًا أولًا.
chat-error-too-long = يمكن أن تحتوي الرسالة على 4000 حرف على الأكثر.
chat-error-own-booth = هذا جناحك. تظهر محادثات الزوار معه في «الرسائل».
realtime-error-forbidden = لا يمكنك متابعة هذه المحادثة أو الكتابة فيها.
realtime-error-malformed = تعذّرت قراءة الرسالة. يُرجى إعادة تحميل الصفحة.
realtime-error-topic = قناة غير معروفة.
realtime-error-too-large = الرسالة أكبر من أن تُرسل.
realtime-error-too-many-topics = محادثات كثيرة مفتوحة في هذا التبويب. أغلق بعضها وأعد المحاولة.
chat-support-start = تواصل مع دعم المنظِّم
chat-error-own-support = يجيب المنظمون من مكتب الدعم؛ تظهر أسئلة الزوار في «الرسائل».

chat-message-person = راسل
chat-message-person-named = راسل { $name }
chat-error-self = هذا أنت: اختر شخصًا آخر لمراسلته.

## التعديل والحذف والحظر والإبلاغ
chat-edited = معدَّلة
chat-edit = تعديل
chat-edit-label = النص الجديد للرسالة
chat-save = حفظ
chat-delete = حذف
chat-delete-confirm = أتريد حذف هذه الرسالة لدى الجميع؟ لا يمكن استعادة نصها بعد ذلك.
chat-delete-yes = احذف الرسالة
chat-deleted = حُذفت هذه الرسالة.
chat-removed-by-organizers = أزال المنظمون هذه الرسالة.
chat-action-failed = تعذّر التنفيذ: { $reason }
chat-report = إبلاغ
chat-report-reason = السبب
chat-report-note = ما المشكلة (اختياري؛ مطلوب عند اختيار «سبب آخر»)
chat-report-send = أبلغ المنظمين
chat-reported = تم الإبلاغ. سيراجع المنظمون الرسالة.
chat-report-spam = رسائل مزعجة أو إعلانات
chat-report-abuse = إهانات أو مضايقة
chat-report-fraud = احتيال أو عرض زائف
chat-report-other = سبب آخر
chat-block = حظر
chat-unblock = إلغاء الحظر
chat-blocked-notice = لقد حظرت هذا الشخص: لا يمكن لأيٍّ منكما الكتابة هنا. ألغِ الحظر لتتواصلا من جديد.
chat-muted-notice = منعك المنظمون من الكتابة في محادثات هذا المعرض. لا يزال بإمكانك مراسلة مكتب الدعم.
chat-error-not-yours = لا يمكن تعديل هذه الرسالة إلا لمرسلها.
chat-error-removed = حُذفت هذه الرسالة.
chat-error-edit-too-late = يمكن تعديل الرسائل خلال 24 ساعة من إرسالها.
chat-error-muted = منعك المنظمون من الكتابة في محادثات هذا المعرض.
chat-error-blocked = هذا الشخص لا يستقبل رسائلك.
chat-error-you-blocked = لقد حظرت هذا الشخص. ألغِ الحظر لتراسله.
chat-error-reason = اختر سببًا.
chat-error-note-needed = اذكر ما المشكلة.
chat-error-note-too-long = اجعل الملاحظة أقل من 500 حرف.
chat-error-report-own = لا يمكنك الإبلاغ عن رسالتك.
chat-error-mute-organizer = لا يمكن منع المنظمين من الكتابة.

## الإشراف (للمنظمين)
moderation-title = الإشراف على الدردشة
dash-moderation-body = الرسائل المبلَّغ عنها والأشخاص الممنوعون من الكتابة.
moderation-lead = رسائل أبلغ عنها المشاركون في محادثات هذا المعرض. أزل ما يخالف القواعد، وأبقِ ما لا يخالفها، وامنع المخالفين المتكررين من الكتابة.
moderation-summary = { $count ->
    [zero] لا توجد بلاغات بانتظار المراجعة.
    [one] رسالة واحدة مبلَّغ عنها بانتظار المراجعة.
    [two] رسالتان مبلَّغ عنهما بانتظار المراجعة.
    [few] { $count } رسائل مبلَّغ عنها بانتظار المراجعة.
    [many] { $count } رسالةً مبلَّغًا عنها بانتظار المراجعة.
   *[other] { $count } رسالة مبلَّغ عنها بانتظار المراجعة.
}
moderation-empty = لا توجد رسائل مبلَّغ عنها. تظهر البلاغات هنا فور إرسالها.
moderation-item-title = { $name } في { $room }
moderation-room-booth = محادثة جناح
moderation-room-direct = محادثة ثنائية
moderation-room-support = محادثة دعم
moderation-room-meeting = دردشة اجتماع
moderation-context = ما قيل قبلها
moderation-reports = { $count ->
    [zero] { $count } بلاغ
    [one] بلاغ واحد
    [two] بلاغان
    [few] { $count } بلاغات
    [many] { $count } بلاغًا
   *[other] { $count } بلاغ
}
moderation-reported-by = أبلغ عنها { $name }
moderation-remove = إزالة الرسالة
moderation-dismiss = الإبقاء عليها
moderation-mute = منع { $name } من الكتابة
moderation-mute-reason = ملاحظة للمنظمين
moderation-already-muted = ممنوع من الكتابة بالفعل
moderation-muted-title = الممنوعون من الكتابة
moderation-none-muted = لا أحد ممنوع من الكتابة.
moderation-person = الشخص
moderation-since = منذ
moderation-actions = الإجراءات
moderation-unmute = السماح لـ{ $name } بالكتابة من جديد
notice-message-reported = أُبلغ عن رسالة في الدردشة ({ $reason }). افتح قائمة الإشراف.

chat-presence-online = متصل الآن
chat-presence-offline = غير متصل: ستنتظره رسائلك حتى يعود
chat-translate = ترجمة
chat-translating = جارٍ الترجمة…
chat-translation = الترجمة:
chat-error-translate-off = لم يتم إعداد الترجمة على هذه المنصة.
chat-error-translate-failed = لم تستجب خدمة الترجمة. حاول مرة أخرى لاحقًا.
chat-attach = إرفاق صورة أو ملف PDF
chat-file-sending = جارٍ إرسال { $name }
chat-file-drop = إزالة
chat-file-refused = لم يُرسل: { $reason }
chat-file-wait = انتظر حتى يكتمل رفع الملف.
chat-file-picture = صورة: { $name }
chat-error-file-gone = هذا الملف أُرسل من قبل أو لم يعد موجودًا. أرفقه مرة أخرى.
chat-error-file-type = يمكن إرسال الصور (JPEG وPNG وWebP) وملفات PDF فقط.
chat-error-file-quota = أرسلت أقصى عدد من الملفات المسموح به في اليوم (100 ملف أو 200 ميغابايت). يُرجى المحاولة غدًا.
moderation-storage = الملفات في المحادثات: { $files } ({ $size })؛ في آخر يوم { $filesToday } ({ $sizeToday }).
moderation-changed = غيّرها المرسل بعد ذلك: { $text }
chat-attach-short = ملف

## Topic rooms
chat-topics-title = غرف النقاش
chat-topics-lead = محادثات جماعية حول موضوع محدد يفتحها المنظمون. انضم إلى إحداها لتقرأ كل ما قيل فيها حتى الآن وتشارك في النقاش.
chat-topics-empty = لا توجد غرف نقاش بعد.
chat-topic-join = انضم إلى «{ $title }»
chat-topic-join-short = انضمام
chat-topic-open = فتح
chat-topic-sign-in = سجّل الدخول للانضمام
chat-topic-leave = مغادرة الغرفة
chat-topic-members = { $count ->
    [zero] { $count } عضو
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوًا
   *[other] { $count } عضو
}
chat-topic-active = آخر نشاط: { $time }
chat-topic-create = افتح غرفة نقاش
chat-topic-title-label = الموضوع
chat-topic-about-label = الغرض منها (اختياري)
chat-topic-hall-label = القاعة
chat-topic-hall-any = كل القاعات
chat-topic-create-submit = افتح الغرفة
chat-topic-error-title = أعطِ الغرفة موضوعًا.
chat-topic-error-title-long = اجعل الموضوع 80 حرفًا على الأكثر.
chat-topic-error-about-long = اجعل الوصف 500 حرف على الأكثر.
chat-topic-error-hall = اختر قاعة من قاعات هذا المعرض.
moderation-room-topic = غرفة نقاش
