# العملاء المحتملون للجناح
lead-title = العملاء المحتملون
lead-lead = كل من أبدى اهتمامًا بجناحك: رشّحته المطابقة، أو زار جناحك أو منتجاتك، أو حفظها، أو أرسل طلب عرض سعر، أو التقى فريقك. سجّل لكل منهم مرحلة وملاحظة، وصدّرهم إلى نظام إدارة العملاء. تظهر بيانات الاتصال فقط للمشترين الذين وافقوا على مشاركتها.
lead-filters = تصفية العملاء المحتملين
lead-source = جاء عن طريق
lead-stage = المرحلة
lead-any = الكل
lead-search = الاسم أو الشركة أو الملاحظة
lead-filter = صفِّ
lead-source-matched = مطابقة مقترحة
lead-source-visited = زيارة
lead-source-favorited = حفظ
lead-source-inquired = طلب عرض سعر
lead-source-met = لقاء
lead-stage-new = جديد
lead-stage-contacted = تم التواصل
lead-stage-qualified = مؤهَّل
lead-stage-negotiating = قيد التفاوض
lead-stage-won = تمت الصفقة
lead-stage-lost = لم تتم
lead-stage-count = { $stage }: { $count }
lead-count = يُعرض { $shown } من { $total }
lead-export-csv = صدّر CSV
lead-export-xlsx = صدّر Excel
lead-export-vcf = صدّر جهات الاتصال (vCard)
lead-empty = لا عملاء محتملين يطابقون هذه المرشحات.
lead-col-who = العميل المحتمل
lead-col-role = المنصب
lead-col-signals = الاهتمام
lead-col-score = درجة المطابقة
lead-col-contact = الاتصال
lead-col-follow-up = المتابعة
lead-views = { $count ->
    [zero] لا مشاهدات
    [one] مشاهدة واحدة
    [two] مشاهدتان
    [few] { $count } مشاهدات
   *[other] { $count } مشاهدة
}
lead-inquiries = { $count ->
    [zero] لا طلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
   *[other] { $count } طلبًا
}
lead-meetings = { $count ->
    [zero] لا لقاءات
    [one] لقاء واحد
    [two] لقاءان
    [few] { $count } لقاءات
   *[other] { $count } لقاءً
}
lead-wechat = WeChat: { $id }
lead-no-contact = غير مشاركة
lead-stage-of = مرحلة { $name }
lead-note-of = ملاحظة عن { $name }
lead-note = ملاحظة
lead-note-placeholder = ملاحظة لفريقك
lead-save = احفظ
lead-error-stage = اختر مرحلة من القائمة.
lead-error-note = اكتب 2000 حرف على الأكثر، دون أحرف تحكم.
dash-leads-body = كل من اهتم بجناحك، مع المراحل والملاحظات والتصدير إلى نظام إدارة العملاء.
