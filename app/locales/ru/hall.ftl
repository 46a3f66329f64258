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
hall-map-help = Перетаскивайте или используйте стрелки для перемещения; сведение пальцев, Ctrl + колесо или + и − для масштаба; Tab переходит между стендами, Enter открывает стенд.
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
