landing-empty-title = لا يوجد معرض بعد
landing-empty-body = لم يفتتح المنظِّم أي معرض بعد. يُرجى العودة قريبًا.
landing-dates = { $start } – { $end }
landing-stat-halls = القاعات
landing-stat-exhibitors = العارضون
landing-stat-products = المنتجات
landing-cta-enter = ادخل القاعات
landing-cta-register = سجّل للزيارة
landing-halls-heading = القاعات حسب القطاع
landing-featured-heading = عارضون مميّزون
landing-hall-counts = { $exhibitors ->
    [zero] { $exhibitors } عارض
    [one] عارض واحد
    [two] عارضان
    [few] { $exhibitors } عارضين
    [many] { $exhibitors } عارضًا
   *[other] { $exhibitors } عارض
} · { $products ->
    [zero] { $products } منتج
    [one] منتج واحد
    [two] منتجان
    [few] { $products } منتجات
    [many] { $products } منتجًا
   *[other] { $products } منتج
}
landing-exhibitor-products = { $count ->
    [zero] { $count } منتج
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}

industry-marine = المعدات البحرية
industry-food = الأغذية والزراعة
industry-textiles = المنسوجات والملابس
industry-medical = الأجهزة الطبية
industry-auto = الإطارات وقطع غيار السيارات
industry-electronics = الإلكترونيات
