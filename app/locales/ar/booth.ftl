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
