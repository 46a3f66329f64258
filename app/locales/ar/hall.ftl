halls-title = القاعات
halls-lead = تضم كل قاعة قطاعًا واحدًا. افتح القاعة لتتجوّل في مخططها أو لتتصفّح أجنحتها في قائمة.
hall-summary = { $industry } · { $booths ->
    [zero] { $booths } جناح
    [one] { $booths } جناح
    [two] { $booths } جناحان
    [few] { $booths } أجنحة
    [many] { $booths } جناحًا
   *[other] { $booths } جناح
}
hall-view-label = طريقة عرض القاعة
hall-view-map = المخطط
hall-view-list = القائمة
hall-map-label = مخطط القاعة
hall-map-controls = أدوات التحكم في المخطط
hall-map-zoom-in = تكبير
hall-map-zoom-out = تصغير
hall-map-reset = إعادة ضبط العرض
hall-map-help = اسحب المخطط أو استخدم مفاتيح الأسهم للتنقّل، وعجلة الفأرة أو المفتاحين + و − للتكبير والتصغير؛ ينقلك مفتاح Tab بين الأجنحة، ويفتح مفتاح Enter الجناح المحدّد.
hall-list-caption = الأجنحة في هذه القاعة
hall-list-booth = الجناح
hall-list-exhibitor = العارض
hall-list-country = الدولة أو المنطقة
hall-list-products = المنتجات
hall-list-tier = نوع الجناح
booth-tier-standard = قياسي
booth-tier-premium = مميّز
booth-tier-flagship = رائد
nav-breadcrumb = أنت هنا
