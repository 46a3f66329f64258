site-name = المعرض السحابي
nav-skip-to-content = الانتقال إلى المحتوى
nav-main-label = الأقسام الرئيسية
nav-menu = القائمة
nav-halls = القاعات
nav-live = البث المباشر
nav-messages = الرسائل
nav-dashboard = لوحة المعلومات
nav-language-label = اللغة
nav-theme-dark = المظهر الداكن
nav-login = تسجيل الدخول
nav-register = التسجيل
nav-logout = تسجيل الخروج
nav-back-home = العودة إلى المعرض
footer-standard = صُمِّمت المنصة وفقًا لـ«المعيار الإرشادي للمعارض الدولية الرقمية».

not-found-title = الصفحة غير موجودة
not-found-body = الصفحة التي طلبتها غير موجودة أو نُقلت إلى مكان آخر.

error-page-title = حدث خطأ ما
error-unexpected = حدث خطأ غير متوقع. يُرجى المحاولة مرة أخرى.
error-unauthenticated = يُرجى تسجيل الدخول للمتابعة.
error-forbidden = ليست لديك صلاحية للقيام بهذا الإجراء.
error-not-found = تعذّر العثور على ما طلبته.
error-validation = يُرجى تصحيح الحقول المميّزة.
error-conflict = يتعارض هذا مع بيانات موجودة.
error-rate-limited = { $seconds ->
    [zero] محاولات كثيرة جدًا. أعد المحاولة بعد { $seconds } ثانية.
    [one] محاولات كثيرة جدًا. أعد المحاولة بعد ثانية واحدة.
    [two] محاولات كثيرة جدًا. أعد المحاولة بعد ثانيتين.
    [few] محاولات كثيرة جدًا. أعد المحاولة بعد { $seconds } ثوانٍ.
    [many] محاولات كثيرة جدًا. أعد المحاولة بعد { $seconds } ثانية.
   *[other] محاولات كثيرة جدًا. أعد المحاولة بعد { $seconds } ثانية.
}
error-read-only = المنصة في وضع الصيانة، والتعديلات متوقفة مؤقتًا.
error-internal = حدث خطأ من جانبنا. سُجِّل الحادث برقم { $incident }.
error-transport = تعذّر الاتصال بالخادم. تحقّق من اتصالك بالإنترنت وأعد المحاولة.
error-request-malformed = تعذّرت قراءة الطلب. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.
error-body-too-large = حجم الطلب كبير جدًا.
error-cross-site = رُفض هذا الطلب لأنه صادر من موقع آخر.

content-original-language = اللغة الأصلية

date-long = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

error-media-type = نوع الملف هذا غير مقبول. ارفع صور JPEG أو PNG أو WebP، أو مقاطع فيديو MP4 أو WebM، أو مستندات PDF، أو نماذج ثلاثية الأبعاد GLB.
error-media-svg = ملفات SVG غير مقبولة لأنها قد تحتوي على نصوص برمجية. ارفع ملف PNG أو JPEG بدلًا منها.
error-media-too-large = حجم الملف أكبر من المسموح به لهذا النوع.
error-media-empty = الملف فارغ.
error-media-corrupt = تعذّرت قراءة الصورة؛ قد يكون الملف تالفًا.
error-media-too-many-pixels = الصورة أكبر من أن تُعالَج: 12,000 بكسل على الأكثر لكل ضلع و40 ميغابكسل إجمالًا.
error-media-truncated = الملف غير مكتمل أو تالف (ربما انقطع أثناء الحفظ أو الرفع). يُرجى رفع الملف كاملًا مرة أخرى.
error-media-gltf-text = هذا ملف glTF نصي يشير إلى ملفات أخرى. يُرجى رفع النموذج كملف ‎.glb‎ ثنائي واحد.
error-media-incomplete = انقطع الرفع. يُرجى المحاولة مرة أخرى.
error-text-too-long = النص طويل جدًا (4000 حرف كحد أقصى).
error-media-product = هذا المنتج لا ينتمي إلى هذا الجناح.
error-media-panorama-image = يجب أن يكون عرض 360° صورة JPEG أو PNG أو WebP.
error-media-panorama-ratio = يجب أن يكون عرض 360° صورة متساوية المستطيلات عرضها ضعف ارتفاعها.
error-product-name-required = أدخل اسم المنتج.
error-product-name-invalid = الاسم طويل جدًا (200 حرف كحد أقصى) أو يحتوي على فواصل أسطر.
error-product-category = اختر فئة من القائمة.
error-specs-too-many = يمكن أن يحتوي جدول المواصفات على 100 صف كحد أقصى.
error-spec-row-invalid = المواصفة طويلة جدًا (200 حرف كحد أقصى لكل خانة).
error-spec-row-incomplete = تحتاج كل مواصفة إلى اسم وقيمة.
error-price-invalid = أدخل الأسعار أرقامًا بخانتين عشريتين كحد أقصى، والأقل أولًا.
error-currency-invalid = اختر عملة من القائمة.
error-quantity-invalid = أدخل عددًا صحيحًا من القطع.
error-lead-time-invalid = أدخل مدة التوريد بعدد صحيح من الأيام، 3650 كحد أقصى.
error-certifications-invalid = 20 شهادة كحد أقصى، بطول 60 حرفًا لكل منها.
error-media-picture-only = يجب أن تكون صورة JPEG أو PNG أو WebP.
