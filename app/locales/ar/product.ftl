product-price = السعر
product-price-range = { $currency } { $min } – { $max }
product-price-on-request = عند الطلب
product-min-order = الحد الأدنى للطلب
product-pieces = { $count ->
    [zero] { $count } قطعة
    [one] { $count } قطعة
    [two] { $count } قطعتان
    [few] { $count } قطع
    [many] { $count } قطعة
   *[other] { $count } قطعة
}
product-lead-time = مدة التسليم
product-days = { $count ->
    [zero] { $count } يوم
    [one] { $count } يوم
    [two] { $count } يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
product-origin = بلد المنشأ
product-certifications = الشهادات
product-booth = الجناح { $booth }
product-specs-heading = المواصفات
product-spec-name = البند
product-spec-value = القيمة
product-related-heading = المزيد من منتجات هذا العارض
product-picture-zoom = افتح الصورة بالحجم الكامل
viewer-ar = اعرضه في مكانك (الواقع المعزز)
viewer-model-download = تنزيل النموذج ثلاثي الأبعاد (GLB)
viewer-model-hint = اسحب للتدوير، ومرّر أو اقرص للتكبير، أو استخدم مفاتيح الأسهم.
viewer-model-alt = نموذج ثلاثي الأبعاد لـ { $name }
viewer-model-heading = نموذج ثلاثي الأبعاد
viewer-panorama-heading = عرض الجناح بزاوية 360°
viewer-panorama-start = ادخل إلى عرض 360°
viewer-panorama-loading = جارٍ تحميل عرض 360°…
viewer-panorama-error = لا يمكن عرض 360° على هذا الجهاز؛ تُظهر الصورة الجناح كاملاً.
viewer-panorama-alt = عرض 360° لـ { $name } بشكل مسطح
viewer-panorama-label = عرض 360° تفاعلي: اسحب أو استخدم مفاتيح الأسهم للتجول
product-files-heading = مقاطع الفيديو والمستندات
product-pictures-label = صور المنتج
product-picture-n = اعرض الصورة { $n }
zoom-in = تكبير
zoom-out = تصغير
zoom-hint = مرّر أو استخدم + و − للتكبير، واسحب أو استخدم الأسهم للتحريك، وEsc للإغلاق.
