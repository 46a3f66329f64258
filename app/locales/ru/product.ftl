product-price = Цена
product-price-range = { $min } – { $max } { $currency }
product-price-on-request = По запросу
product-min-order = Минимальный заказ
product-pieces = { $count ->
    [one] { $count } штука
    [few] { $count } штуки
    [many] { $count } штук
   *[other] { $count } штуки
}
product-lead-time = Срок поставки
product-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
    [many] { $count } дней
   *[other] { $count } дня
}
product-origin = Страна происхождения
product-certifications = Сертификаты
product-booth = Стенд { $booth }
product-specs-heading = Характеристики
product-spec-name = Параметр
product-spec-value = Значение
product-related-heading = Другие товары этого экспонента
product-picture-zoom = Открыть изображение в полном размере
