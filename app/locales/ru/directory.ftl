# Справочники и выгрузки
directory-exhibitors = Справочник экспонентов
directory-people = Справочник участников
directory-total = { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[other] { $count } записей
}
directory-export = Скачать показанное:
directory-search = Компания или сайт
directory-search-people = Имя, почта или компания
directory-products = Товары
directory-team = Команда
directory-name = Имя
directory-language = Язык
directory-roles = Роли
directory-registered = Зарегистрирован
directory-id = Идентификатор
dash-exhibitors-body = Все экспоненты, их стенды и команды; CSV и XLSX.
dash-people-body = Все зарегистрированные и их роли; CSV и XLSX.
directory-export-csv = CSV
directory-export-xlsx = XLSX
time-utc = { $time } UTC
