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
