booth-location = { $hall }، الجناح { $booth }
booth-contact-label = التواصل مع العارض
booth-action-message = أرسل رسالة
booth-action-meeting = احجز اجتماعًا
booth-action-inquiry = أرسل استفسارًا
booth-action-coming = ستتوفر الرسائل والاجتماعات والاستفسارات قريبًا. وحتى ذلك الحين، يمكنك زيارة الموقع الإلكتروني للعارض عبر الرابط أدناه.
dialog-close = إغلاق
booth-about-heading = من نحن
booth-website = زيارة الموقع الإلكتروني
booth-products-heading = { $count ->
    [zero] { $count } منتج
    [one] { $count } منتج
    [two] { $count } منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}
booth-gallery-heading = معرض الصور
booth-gallery-label = الصور ومقاطع الفيديو
booth-gallery-empty = لم يُرفع أي محتوى بعد. ستظهر هنا الصور ومقاطع الفيديو والمستندات التي ترفعها.
booth-edit-link = تعديل الجناح
booth-editor-title = تعديل الجناح
booth-editor-lead = ارفع الصور ومقاطع الفيديو والمستندات والنماذج ثلاثية الأبعاد. يظهر تقدّم رفع كل ملف على حدة، ويُعاد ضبط حجم الصور لتسريع تحميل الصفحات وتُزال منها بيانات الكاميرا.
booth-editor-preview = العرض كما يراه الزائر
booth-upload-choose = اختر الملفات…
booth-upload-hint = صور JPEG أو PNG أو WebP بحجم أقصاه 20 ميغابايت، ومقاطع فيديو MP4 أو WebM، ومستندات PDF، ونماذج ثلاثية الأبعاد GLB.
booth-upload-progress = جارٍ رفع { $name }
booth-upload-done = تم الرفع
booth-editor-language = لغة النص
booth-editor-about-label = نبذة عن شركتك
booth-editor-save = حفظ
booth-editor-saved = تم الحفظ
booth-upload-panorama = ارفع صورة 360°…
booth-upload-panorama-hint = صورة JPEG أو PNG أو WebP بإسقاط متساوي المستطيلات، عرضها ضعف ارتفاعها (مثل 4096 × 2048).
media-kind-image = صورة
media-kind-video = فيديو
media-kind-document = مستند
media-kind-model = نموذج ثلاثي الأبعاد
media-kind-panorama = عرض 360°
media-kind-file = ملف
media-delete-confirm = حذف «{ $name }»؟ لن يراه الزوار بعد الآن.
media-move-earlier = انقل { $name } إلى الأمام
media-move-later = انقل { $name } إلى الخلف
media-delete = احذف { $name }
media-delete-short = حذف
product-editor-heading = المنتجات
product-delete-confirm = حذف المنتج «{ $name }» مع صوره وملفاته؟
product-edit-named = عدّل { $name }
product-delete-named = احذف { $name }
product-edit = تعديل
product-add = أضف منتجًا
product-new-heading = منتج جديد
product-edit-heading = تعديل المنتج
product-media-heading = صور هذا المنتج ومقاطع الفيديو والمستندات والنماذج ثلاثية الأبعاد
product-upload-hint = تظهر الصورة الأولى على بطاقة المنتج. تحصل نماذج GLB ثلاثية الأبعاد على عارض مع الواقع المعزز على الهواتف.
product-media-empty = لا توجد صور أو ملفات لهذا المنتج بعد.
product-preview = اعرض صفحة المنتج
product-language-hint = تُحفظ النصوص بهذه اللغة وتبقى اللغات الأخرى كما هي. احفظ قبل التبديل.
product-name-label = اسم المنتج
product-description-label = الوصف
product-category-label = الفئة
product-origin-none = غير محدد
product-price-min = من
product-price-max = إلى
product-currency = العملة
product-price-hint = اترك الحقلين فارغين لعرض «السعر عند الطلب».
product-lead-time-days = مدة التوريد (أيام)
product-certifications-hint = افصل بينها بفاصلة منقوطة، مثل: CE; ISO 9001
product-spec-actions = الإجراءات
product-spec-name-n = المواصفة { $n }: الاسم
product-spec-value-n = المواصفة { $n }: القيمة
product-spec-remove-n = احذف المواصفة { $n }
product-spec-add = أضف صفًا
