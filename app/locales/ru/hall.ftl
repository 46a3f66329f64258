halls-title = Павильоны
halls-lead = Каждый павильон посвящён одной отрасли. Откройте павильон, чтобы пройтись по его плану или просмотреть стенды списком.
hall-summary = { $industry } · { $booths ->
    [one] { $booths } стенд
    [few] { $booths } стенда
    [many] { $booths } стендов
   *[other] { $booths } стенда
}
hall-view-label = Вид павильона
hall-view-map = План
hall-view-list = Список
hall-map-label = План павильона
hall-map-controls = Управление планом
hall-map-zoom-in = Увеличить
hall-map-zoom-out = Уменьшить
hall-map-reset = Сбросить вид
hall-map-help = Перетаскивайте план или используйте клавиши со стрелками для перемещения, колесо мыши или клавиши + и − для масштабирования; клавиша Tab переключает стенды, а Enter открывает выбранный.
hall-list-caption = Стенды в этом павильоне
hall-list-booth = Стенд
hall-list-exhibitor = Экспонент
hall-list-country = Страна или регион
hall-list-products = Товары
hall-list-tier = Тип стенда
booth-tier-standard = Стандартный
booth-tier-premium = Премиум
booth-tier-flagship = Флагманский
nav-breadcrumb = Вы здесь
