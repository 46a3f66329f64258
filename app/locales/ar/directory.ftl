# الأدلة والتصدير
directory-exhibitors = دليل العارضين
directory-people = دليل المسجلين
directory-total = عدد السجلات: { $count }
directory-export = نزّل ما يظهر:
directory-search = الشركة أو الموقع
directory-search-people = الاسم أو البريد أو الشركة
directory-products = المنتجات
directory-team = الفريق
directory-name = الاسم
directory-language = اللغة
directory-roles = الأدوار
directory-registered = تاريخ التسجيل
directory-id = المعرّف
dash-exhibitors-body = كل العارضين وأجنحتهم وفرقهم؛ CSV وXLSX.
dash-people-body = كل المسجلين وأدوارهم؛ CSV وXLSX.
