survey-title = الاستبيانات
survey-lead = اسأل الزوار أو المشترين أو العارضين أو المشاركين في قاعة بعينها عن آرائهم، بعد المعرض أو بعد كل اجتماع، وبلغتهم. يجيب كل شخص مرة واحدة فقط.
dash-surveys-body = اكتب استبيانات بعدة لغات، وأرسلها بعد المعرض أو بعد الاجتماعات، واطّلع على النتائج.
survey-new = استبيان جديد
survey-edit = تعديل الاستبيان
survey-empty = لا توجد استبيانات بعد.
survey-field-title = العنوان
survey-field-intro = المقدمة (اختياري)
survey-status = الحالة
survey-audience = الفئة المستهدفة
survey-trigger = موعد الإرسال
survey-invited = عدد المرسَل إليهم
survey-answered = عدد المجيبين
survey-results = النتائج
survey-status-draft = مسودة
survey-status-open = مفتوح
survey-status-closed = مغلق
survey-audience-visitors = الزوار
survey-audience-buyers = المشترون المحترفون
survey-audience-exhibitors = العارضون
survey-audience-hall = زوار قاعة واحدة وعارضوها
survey-trigger-after-show = بعد المعرض، عند إرساله
survey-trigger-after-meeting = بعد اجتماع شارك فيه (مرة واحدة لكل شخص)
survey-kind = نوع السؤال
survey-kind-single = اختيار واحد
survey-kind-multiple = اختيار متعدد
survey-kind-scale = مقياس تقييم
survey-kind-nps = صافي نقاط الترويج (NPS، من 0 إلى 10)
survey-kind-text = نص حر
survey-fixed-note = أُرسل الاستبيان: أسئلته ثابتة، لكن لا يزال بالإمكان تعديل صياغتها وترجماتها.
survey-language = لغة الكتابة
survey-language-hint = اكتب الاستبيان بلغة واحدة، ثم اختر لغة أخرى لترجمته. يقرأ كل شخص الاستبيان بلغته إن كان مكتوبًا بها.
survey-questions = الأسئلة
survey-question-n = السؤال { $n }
survey-prompt = نص السؤال
survey-required = الإجابة إلزامية
survey-options = الخيارات
survey-option-n = الخيار { $n }
survey-add-option = أضف خيارًا
survey-remove-option = احذف
survey-scale-points = عدد درجات المقياس
survey-move-up = انقل لأعلى
survey-move-down = انقل لأسفل
survey-remove-question = احذف السؤال
survey-add-kind = نوع السؤال الجديد
survey-add-question = أضف سؤالًا
survey-who-when = لمن ومتى
survey-hall = القاعة
survey-choose-hall = اختر قاعة
survey-save = حفظ
survey-saved = تم الحفظ.
survey-send = أرسل
survey-send-again = أرسل إلى المنضمّين الجدد
survey-sent = { $people ->
        [0] أُرسل الاستبيان. لا يوجد الآن أشخاص جدد لإرساله إليهم.
        [one] أُرسل الاستبيان إلى شخص واحد.
        [two] أُرسل الاستبيان إلى شخصين.
        [few] أُرسل الاستبيان إلى { $people } أشخاص.
        [many] أُرسل الاستبيان إلى { $people } شخصًا.
       *[other] أُرسل الاستبيان إلى { $people } شخص.
    }
survey-close = أغلق الاستبيان
survey-closed = مغلق: لم يعد الاستبيان يقبل إجابات.
survey-delete = احذف المسودة
survey-preview = معاينة
survey-rate = معدل الاستجابة
survey-share = { $share }%
survey-export-csv = صدّر الإجابات (CSV)
survey-export-xlsx = صدّر الإجابات (XLSX)
survey-answered-by = { $people ->
        [zero] لم يُجب أحد بعد.
        [one] أجاب شخص واحد.
        [two] أجاب شخصان.
        [few] أجاب { $people } أشخاص.
        [many] أجاب { $people } شخصًا.
       *[other] أجاب { $people } شخص.
    }
survey-nps-score = صافي نقاط الترويج: { $score }
survey-mean = المتوسط: { $mean } من { $max }
survey-no-answers = لا توجد إجابات بعد.
survey-col-answer = الإجابة
survey-col-people = عدد الأشخاص
survey-col-share = النسبة
survey-col-answered-at = تاريخ الإجابة (UTC)
survey-col-country = البلد أو المنطقة
survey-col-language = اللغة
survey-answer-title = استبيان
survey-already = لقد أجبت عن هذا الاستبيان في { $at }. شكرًا لك.
survey-preview-note = معاينة: هكذا يرى المستلمون الاستبيان.
survey-not-open = هذا الاستبيان لا يقبل إجابات.
survey-thanks = شكرًا لك: تلقّينا إجاباتك.
survey-submit = أرسل الإجابات
survey-required-mark = (إلزامي)
survey-nps-hint = 0 = غير مرجَّح إطلاقًا، 10 = مرجَّح للغاية.
survey-scale-hint = 1 = الأدنى، { $max } = الأعلى.
notice-survey-invite = يُرجى الإجابة عن الاستبيان «{ $title }»: لن يستغرق سوى دقيقة.
survey-email-footer = المعرض السحابي · وصلتك هذه الرسالة لأنك شاركت في المعرض.
survey-error-required-text = اكتب هذا النص باللغة التي كُتب بها الاستبيان أولًا.
survey-error-too-long = هذا النص طويل جدًا.
survey-error-no-questions = أضف سؤالًا واحدًا على الأقل.
survey-error-too-many-questions = يمكن أن يضم الاستبيان 30 سؤالًا على الأكثر.
survey-error-few-options = أدخل خيارين على الأقل.
survey-error-many-options = يمكن أن يضم السؤال 12 خيارًا على الأكثر.
survey-error-scale = يتراوح المقياس بين 3 و10 درجات.
survey-error-hall = اختر إحدى قاعات المعرض.
survey-error-unknown-question = لا تطابق الإجابات أسئلة هذا الاستبيان. أعد تحميل الصفحة.
survey-error-answer-too-long = هذه الإجابة طويلة جدًا (2000 حرف على الأكثر).
survey-error-out-of-range = اختر إحدى الإجابات المعروضة.
survey-error-one-choice = اختر إجابة واحدة فقط.
survey-error-required = يُرجى الإجابة عن هذا السؤال.
survey-error-fixed = أُرسل هذا الاستبيان: لم يعد بالإمكان تغيير أسئلته، بل صياغتها فقط.
survey-error-closed = هذا الاستبيان مغلق.
survey-error-not-open = لا يمكن إغلاق إلا الاستبيان المفتوح.
survey-error-answered = لقد أجبت عن هذا الاستبيان من قبل.
