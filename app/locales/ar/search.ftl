search-title = البحث
search-title-for = البحث: { $query }
search-label = ابحث عن المنتجات والعارضين
search-placeholder = ابحث عن المنتجات والعارضين…
search-submit = بحث
search-suggestions = اقتراحات
search-sort = الترتيب
search-sort-relevance = الأكثر صلة
search-sort-price-asc = السعر: من الأقل إلى الأعلى
search-sort-price-desc = السعر: من الأعلى إلى الأقل
search-sort-newest = الأحدث
search-notice-too-long = { $max ->
    [zero] يزيد نص البحث على { $max } حرف، لذا لم يُجرَ البحث. يُرجى اختصاره.
    [one] يزيد نص البحث على حرف واحد، لذا لم يُجرَ البحث. يُرجى اختصاره.
    [two] يزيد نص البحث على حرفين، لذا لم يُجرَ البحث. يُرجى اختصاره.
    [few] يزيد نص البحث على { $max } أحرف، لذا لم يُجرَ البحث. يُرجى اختصاره.
    [many] يزيد نص البحث على { $max } حرفًا، لذا لم يُجرَ البحث. يُرجى اختصاره.
   *[other] يزيد نص البحث على { $max } حرف، لذا لم يُجرَ البحث. يُرجى اختصاره.
}
search-notice-unknown-filter = عامل التصفية «{ $value }» غير معروف، لذا تم تجاهله.
search-notice-unknown-sort = الترتيب «{ $value }» غير معروف؛ تُعرض النتائج حسب الأكثر صلة.
search-notice-bad-page = «{ $value }» ليس رقم صفحة صالحًا؛ تُعرض الصفحة الأولى.
search-notice-page-too-deep = الصفحة { $value } بعيدة جدًا؛ تُعرض آخر صفحة يمكن فتحها. أضف كلمات أو عوامل تصفية لتضييق نطاق البحث.
search-filters = عوامل التصفية
search-facet-kind = النوع
search-facet-hall = القاعة
search-facet-country = الدولة أو المنطقة
search-facet-cert = الشهادات
search-facet-price = السعر ابتداءً من
search-filter-remove = (محدَّد؛ اختره مرة أخرى لإزالته)
search-kind-product = منتج
search-kind-exhibitor = عارض
search-price-band = { $currency } { $from } – { $below }
search-price-band-open = { $currency } { $from } فأكثر
search-total = { $count ->
    [zero] { $count } نتيجة
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}
search-total-for = { $count ->
    [zero] { $count } نتيجة للبحث عن «{ $query }»
    [one] نتيجة واحدة للبحث عن «{ $query }»
    [two] نتيجتان للبحث عن «{ $query }»
    [few] { $count } نتائج للبحث عن «{ $query }»
    [many] { $count } نتيجةً للبحث عن «{ $query }»
   *[other] { $count } نتيجة للبحث عن «{ $query }»
}
search-empty = لا توجد نتائج تطابق هذا البحث. يمكنك:
search-empty-words = استخدام كلمات أقل أو أقصر؛
search-empty-language = تجربة الكلمات بلغة أخرى (مثل الصينية أو الإنجليزية)؛
search-empty-filters = إزالة أحد عوامل التصفية.
search-empty-halls = أو تصفّح القاعات حسب القطاع
search-booth = الجناح { $code }
search-products = { $count ->
    [zero] { $count } منتج
    [one] منتج واحد
    [two] منتجان
    [few] { $count } منتجات
    [many] { $count } منتجًا
   *[other] { $count } منتج
}
search-insights-title = عمليات البحث
search-insights-summary = { $days ->
    [zero] خلال آخر { $days } يوم: عدد عمليات البحث { $searches }، منها { $zero } بلا نتائج.
    [one] خلال اليوم الأخير: عدد عمليات البحث { $searches }، منها { $zero } بلا نتائج.
    [two] خلال آخر يومين: عدد عمليات البحث { $searches }، منها { $zero } بلا نتائج.
    [few] خلال آخر { $days } أيام: عدد عمليات البحث { $searches }، منها { $zero } بلا نتائج.
    [many] خلال آخر { $days } يومًا: عدد عمليات البحث { $searches }، منها { $zero } بلا نتائج.
   *[other] خلال آخر { $days } يوم: عدد عمليات البحث { $searches }، منها { $zero } بلا نتائج.
}
search-insights-zero = عمليات بحث بلا نتائج
search-insights-none = أسفرت جميع عمليات البحث عن نتائج.
search-insights-query = الكلمات
search-insights-times = عدد المرات
search-insights-last = آخر بحث
dash-searches-body = ما يبحث عنه الزوار، وما لم يجدوه.
