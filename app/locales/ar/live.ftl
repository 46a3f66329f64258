# البث المباشر: الجدول وغرف البث والاستوديو والتسجيلات
live-title = البث المباشر
live-lead = إطلاق المنتجات الجديدة وجولات المصانع وحفل الافتتاح والمنتديات: شاهد البث مباشرةً واطرح أسئلتك، أو شاهد التسجيل لاحقًا.
live-filter-label = تصفية الجدول
live-filter-hall = القاعة (القطاع)
live-filter-any-hall = كل القاعات
live-filter-day = اليوم
live-filter-any-day = كل الأيام
live-filter-kind = النوع
live-filter-any-kind = كل الأنواع
live-filter-apply = عرض
live-empty = لا يوجد شيء في الجدول هنا بعد.
live-col-time = وقت البدء
live-col-title = البث
live-col-where = المكان
live-col-state = الحالة
live-where-expo = المعرض كله
live-kind-booth = بث من الجناح
live-kind-ceremony = حفل الافتتاح
live-kind-forum = منتدى
live-state-requested = بانتظار الموافقة
live-state-scheduled = مجدول
live-state-live = على الهواء
live-state-ended = انتهى
live-state-declined = مرفوض
live-replay-available = التسجيل متاح
live-open-studio = افتح استوديو البث
live-requests-title = طلبات العارضين لمواعيد البث
live-approve = قبول
live-decline = رفض
live-schedule-open = جدولة بث
live-request-open = اطلب موعدًا للبث المباشر من جناحك
live-kind-label = النوع
live-title-label = العنوان
live-title-en-label = العنوان بالإنجليزية (اختياري)
live-description-label = الوصف
live-description-en-label = الوصف بالإنجليزية (اختياري)
live-starts-label = يبدأ
live-ends-label = ينتهي
live-time-zone-hint = الأوقات بتوقيت المنطقة الزمنية للمعرض ({ $zone })؛ ويراها الزوار بتوقيتهم المحلي.
live-schedule-submit = أضف إلى الجدول
live-request-submit = أرسل الطلب
live-back = كل جلسات البث
live-replay-label = التسجيل
live-no-replay = لا يوجد تسجيل لهذا البث.
live-visit-booth = زُر جناح { $name }
live-player-label = فيديو البث المباشر
live-status-connecting = جارٍ الاتصال…
live-status-waiting = لم يبدأ البث بعد. سيُعرض هنا فور بدئه.
live-status-playing = مباشر
live-status-reconnecting = انقطع الاتصال، جارٍ إعادة الاتصال…
live-status-ended = انتهى البث.
live-status-unsupported = لا يستطيع هذا المتصفح تشغيل البث.
live-viewers = { $count ->
    [zero] { $count } مشاهد
    [one] { $count } مشاهد
    [two] { $count } مشاهدان
    [few] { $count } مشاهدين
    [many] { $count } مشاهدًا
   *[other] { $count } مشاهد
}
live-studio-title = استوديو البث
live-studio-needs-js = يحتاج استوديو البث إلى JavaScript لاستخدام الكاميرا.
live-studio-preview-label = معاينة ما تبثه
live-studio-source = ما تريد بثه
live-studio-source-label = المصدر
live-studio-source-camera = الكاميرا والميكروفون
live-studio-source-screen = شاشة أو نافذة
live-studio-preview = معاينة: لم يبدأ البث بعد.
live-studio-connecting = جارٍ الاتصال…
live-studio-on-air = على الهواء
live-studio-paused = متوقف مؤقتًا
live-studio-reconnecting = انقطع الاتصال، جارٍ إعادة الاتصال…
live-studio-ended = انتهى البث.
live-studio-go-live = ابدأ البث
live-studio-pause = إيقاف مؤقت
live-studio-resume = استئناف
live-studio-end = إنهاء البث
live-studio-watch = شاهد البث كما يراه المشاهدون
live-error-title = أعطِ البث عنوانًا من 120 حرفًا على الأكثر.
live-error-description = الوصف طويل جدًا (2000 حرف على الأكثر).
live-error-start = حدّد وقت البدء.
live-error-end = يجب أن يكون وقت الانتهاء بعد وقت البدء، وخلال 12 ساعة منه على الأكثر.
live-error-kind = اختر نوع هذا البث.
live-error-hall = اختر قاعة من قاعات هذا المعرض.
live-error-exhibitor = هذا العارض غير مشارك في هذا المعرض.
live-error-not-requested = سبق الرد على هذا الطلب.
live-error-not-scheduled = لم تتم الموافقة على هذا البث بعد.
live-error-ended = انتهى هذا البث.
live-error-busy = شخص آخر يبث على هذه القناة الآن.
live-error-media = تعذّر فتح الكاميرا أو الميكروفون أو الشاشة. تحقّق من أذونات المتصفح.
live-error-browser = لا يستطيع هذا المتصفح تسجيل البث (يلزم دعم WebM).
live-error-failed = تعذّرت مواصلة البث. أعد المحاولة.
live-error-not-webm = ما أُرسل ليس فيديو بصيغة WebM.
live-error-malformed = بيانات الفيديو تالفة.
live-error-too-large = جزء من الفيديو كبير جدًا.
live-error-tracks-changed = تغيّرت الكاميرا أو الميكروفون؛ أنهِ البث وابدأ بثًا جديدًا.
live-error-no-keyframes = لا يحتوي الفيديو على إطارات رئيسية يمكن البدء منها.
live-error-no-tracks = لا يحتوي الفيديو على صورة ولا صوت.
live-qa-title = الأسئلة
live-qa-ask-label = سؤالك
live-qa-ask = اسأل
live-qa-sign-in = سجّل الدخول لطرح سؤال
live-qa-closed = أُغلق باب الأسئلة: انتهى البث.
live-qa-removed = أزالك مشرف من غرفة البث هذه.
live-qa-empty = لا توجد أسئلة بعد.
live-qa-votes = { $count ->
    [zero] { $count } صوت
    [one] { $count } صوت
    [two] { $count } صوتان
    [few] { $count } أصوات
    [many] { $count } صوتًا
   *[other] { $count } صوت
}
live-qa-upvote = تأييد
live-qa-upvote-label = تأييد السؤال «{ $question }»
live-qa-pin = تثبيت
live-qa-unpin = إلغاء التثبيت
live-qa-hide = إخفاء
live-qa-unhide = إظهار مجددًا
live-qa-ban = إزالة من غرفة البث
live-qa-answer = تحديد كسؤال مُجاب
live-qa-answer-label = إجابة مكتوبة (اختياري)
live-qa-pinned = مثبّت
live-qa-answered = تمت الإجابة
live-qa-hidden = مخفي
live-qa-error-text = اكتب سؤالًا من 300 حرف على الأكثر.
live-qa-error-answer = الإجابة طويلة جدًا (1000 حرف على الأكثر).
live-qa-error-closed = أُغلق باب الأسئلة في هذا البث.
live-qa-error-action = إجراء غير معروف.
live-qa-error-ban-self = لا يمكنك إزالة نفسك.
live-badge = ● مباشر
live-banner-watch = شاهد البث الآن
live-add-to-calendar = أضف إلى التقويم
live-remind-me = ذكّرني
live-reminder-set = تم ضبط التذكير (إلغاء)
live-error-remind = يمكن ضبط التذكير فقط للبث الذي لم يبدأ بعد.
live-email-footer = المعرض السحابي · تصلك هذه الرسالة لأنك طلبت التذكير بهذا البث.
notice-live-starting = يبدأ بث «{ $title }» في { $time }.
