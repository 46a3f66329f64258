search-title = Поиск
search-title-for = Поиск: { $query }
search-label = Поиск товаров и экспонентов
search-placeholder = Искать товары, экспонентов…
search-submit = Найти
search-suggestions = Подсказки
search-sort = Сортировка
search-sort-relevance = По релевантности
search-sort-price-asc = Цена: по возрастанию
search-sort-price-desc = Цена: по убыванию
search-sort-newest = Сначала новые
search-notice-too-long = { $max ->
    [one] Запрос длиннее { $max } символа, поэтому поиск не выполнен. Пожалуйста, сократите его.
    [few] Запрос длиннее { $max } символов, поэтому поиск не выполнен. Пожалуйста, сократите его.
    [many] Запрос длиннее { $max } символов, поэтому поиск не выполнен. Пожалуйста, сократите его.
   *[other] Запрос длиннее { $max } символа, поэтому поиск не выполнен. Пожалуйста, сократите его.
}
search-notice-unknown-filter = Фильтр «{ $value }» не распознан и не применён.
search-notice-unknown-sort = Порядок сортировки «{ $value }» не распознан; результаты показаны по релевантности.
search-notice-bad-page = «{ $value }» — не номер страницы; показана первая страница.
search-notice-page-too-deep = Страница { $value } слишком далеко; показана последняя доступная страница. Добавьте слова или фильтры, чтобы сузить поиск.
search-filters = Фильтры
search-facet-kind = Тип
search-facet-hall = Павильон
search-facet-country = Страна или регион
search-facet-cert = Сертификаты
search-facet-price = Цена от
search-filter-remove = (выбрано; выберите ещё раз, чтобы снять)
search-kind-product = Товар
search-kind-exhibitor = Экспонент
search-price-band = { $from } – { $below } { $currency }
search-price-band-open = от { $from } { $currency }
search-total = { $count ->
    [one] { $count } результат
    [few] { $count } результата
    [many] { $count } результатов
   *[other] { $count } результата
}
search-total-for = { $count ->
    [one] { $count } результат по запросу «{ $query }»
    [few] { $count } результата по запросу «{ $query }»
    [many] { $count } результатов по запросу «{ $query }»
   *[other] { $count } результата по запросу «{ $query }»
}
search-empty = По этому запросу ничего не найдено. Вы можете:
search-empty-words = ввести меньше слов или более короткие слова;
search-empty-language = попробовать слова на другом языке (например, на китайском или английском);
search-empty-filters = убрать один из фильтров.
search-empty-halls = Или просмотрите павильоны по отраслям
search-booth = Стенд { $code }
search-products = { $count ->
    [one] { $count } товар
    [few] { $count } товара
    [many] { $count } товаров
   *[other] { $count } товара
}
search-insights-title = Поисковые запросы
search-insights-summary = { $days ->
    [one] За последний { $days } день: поисковых запросов — { $searches }, из них без результатов — { $zero }.
    [few] За последние { $days } дня: поисковых запросов — { $searches }, из них без результатов — { $zero }.
    [many] За последние { $days } дней: поисковых запросов — { $searches }, из них без результатов — { $zero }.
   *[other] За последние { $days } дня: поисковых запросов — { $searches }, из них без результатов — { $zero }.
}
search-insights-zero = Запросы без результатов
search-insights-none = По всем запросам нашлись результаты.
search-insights-query = Запрос
search-insights-times = Сколько раз
search-insights-last = Последний поиск
dash-searches-body = Что ищут посетители и чего они не нашли.
