account-email-label = البريد الإلكتروني
account-password-label = كلمة المرور
account-menu-label = الحساب

login-title = تسجيل الدخول
login-lead = مرحبًا بعودتك. سجّل الدخول للدردشة وعقد الاجتماعات وحفظ المفضلة.
login-submit = تسجيل الدخول
login-no-account = مستخدم جديد؟
login-register-link = أنشئ حسابًا

register-title = إنشاء حساب
register-lead = سجّل مرة واحدة لزيارة جميع القاعات والتحدث مع العارضين وحجز الاجتماعات.
register-password-hint = { $min ->
    [zero] { $min } حرف على الأقل.
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $min } أحرف على الأقل.
    [many] { $min } حرفًا على الأقل.
   *[other] { $min } حرف على الأقل.
}
register-display-name-label = الاسم
register-company-label = الشركة (اختياري)
register-country-label = الدولة أو المنطقة
register-country-choose = اختر…
register-language-label = اللغة المفضلة
register-submit = إنشاء الحساب
register-have-account = لديك حساب بالفعل؟
register-login-link = تسجيل الدخول

error-email-required = أدخل عنوان بريدك الإلكتروني.
error-email-invalid = أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.com.
error-email-taken = يوجد حساب مسجّل بهذا البريد الإلكتروني. سجّل الدخول بدلًا من ذلك.
error-password-too-short = كلمة المرور قصيرة جدًا.
error-password-too-long = كلمة المرور طويلة جدًا (128 حرفًا كحد أقصى).
error-password-is-email = يجب ألا تكون كلمة المرور هي عنوان بريدك الإلكتروني.
error-display-name-required = أدخل اسمك.
error-display-name-invalid = الاسم طويل جدًا أو يحتوي على أحرف غير صالحة.
error-company-invalid = اسم الشركة طويل جدًا أو يحتوي على أحرف غير صالحة.
error-country-required = اختر دولتك أو منطقتك.
error-country-invalid = اختر دولة أو منطقة من القائمة.
error-language-invalid = اختر لغة من القائمة.
error-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.

role-organizer = المنظِّم
role-exhibitor = العارض
role-buyer = المشتري
role-visitor = الزائر
role-consultant = المستشار القانوني
role-interpreter = المترجم الفوري
role-operator = الدعم الفني
