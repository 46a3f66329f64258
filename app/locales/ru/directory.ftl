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
invite-title = Пригласительные ссылки
invite-lead = Сделайте ссылку для каждой кампании, партнёра или канала, поделитесь ею и смотрите, сколько посещений и регистраций она принесла.
invite-source = Источник
invite-source-hint = Строчные латинские буквы, цифры, - и _, например wechat-december.
invite-create = Создать ссылку
invite-empty = Пригласительных ссылок пока нет.
invite-link = Ссылка
invite-visits = Посещения
invite-registrations = Регистрации
invite-created = Создана
invite-error-source = Используйте от 1 до 40 строчных латинских букв, цифр, - или _.
dash-invitations-body = Ссылки по кампаниям, посещения и регистрации.
ready-heading = Готовность к выставке: { $done } из { $total }
ready-profile = Описание компании написано
ready-logo = Логотип загружен
ready-products = Добавлен хотя бы один товар
ready-media = В галерее есть фото, видео или модели
ready-live-slot = Забронирован слот трансляции
ready-test-stream = Проведена тестовая трансляция
ready-live-slot-action = Запросить слот
ready-test-stream-action = Начать тестовую трансляцию
ready-done = сделано
ready-todo = осталось
directory-readiness = Готовность
directory-readiness-score = { $done } из { $total }
notice-readiness = Ваш стенд { $company } ещё не готов к выставке. Осталось: { $missing }
directory-remind = Напомнить экспонентам, чьи стенды не готовы
directory-remind-hint = Каждый член команды такого стенда получит уведомление и письмо со списком того, что осталось сделать.
directory-reminded = Напоминания отправлены: экспонентов — { $exhibitors }, человек — { $people }.
