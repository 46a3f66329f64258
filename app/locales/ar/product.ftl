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
