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
viewer-ar = Посмотреть у себя (AR)
viewer-model-download = Скачать 3D-модель (GLB)
viewer-model-hint = Перетаскивайте, чтобы вращать; колесо или щипок — масштаб; можно стрелками.
viewer-model-alt = 3D-модель: { $name }
viewer-model-heading = 3D-модель
viewer-panorama-heading = Стенд в 360°
viewer-panorama-start = Открыть обзор 360°
viewer-panorama-loading = Загружаем обзор 360°…
viewer-panorama-error = На этом устройстве обзор 360° недоступен; на снимке виден весь стенд.
viewer-panorama-alt = Обзор 360°: { $name } (развёртка)
viewer-panorama-label = Интерактивный обзор 360°: перетаскивайте или используйте стрелки
product-files-heading = Видео и документы
product-pictures-label = Фотографии товара
product-picture-n = Показать фото { $n }
zoom-in = Увеличить
zoom-out = Уменьшить
zoom-hint = Колесо или + и − — масштаб, перетаскивание или стрелки — сдвиг, Esc — закрыть.
