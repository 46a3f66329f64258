# Потенциальные клиенты стенда
lead-title = Потенциальные клиенты
lead-lead = Все, кто проявил интерес к вашему стенду: рекомендованы подбором, смотрели стенд или товары, сохранили их, отправили запрос или встречались с командой. Ведите этап и заметку по каждому и выгружайте их в CRM. Контакты видны только у покупателей, согласившихся ими поделиться.
lead-filters = Фильтр клиентов
lead-source = Источник
lead-stage = Этап
lead-any = Любой
lead-search = Имя, компания или заметка
lead-filter = Показать
lead-source-matched = Рекомендация
lead-source-visited = Просмотр
lead-source-favorited = В избранном
lead-source-inquired = Запрос цены
lead-source-met = Встреча
lead-stage-new = Новый
lead-stage-contacted = Связались
lead-stage-qualified = Перспективный
lead-stage-negotiating = Переговоры
lead-stage-won = Сделка
lead-stage-lost = Отказ
lead-stage-count = { $stage }: { $count }
lead-count = Показано { $shown } из { $total }
lead-export-csv = Выгрузить CSV
lead-export-xlsx = Выгрузить Excel
lead-export-vcf = Выгрузить контакты (vCard)
lead-empty = Нет клиентов, подходящих под фильтр.
lead-col-who = Клиент
lead-col-role = Должность
lead-col-signals = Интерес
lead-col-score = Совпадение
lead-col-contact = Контакты
lead-col-follow-up = Работа с клиентом
lead-views = { $count ->
    [one] { $count } просмотр
    [few] { $count } просмотра
   *[other] { $count } просмотров
}
lead-inquiries = { $count ->
    [one] { $count } запрос
    [few] { $count } запроса
   *[other] { $count } запросов
}
lead-meetings = { $count ->
    [one] { $count } встреча
    [few] { $count } встречи
   *[other] { $count } встреч
}
lead-wechat = WeChat: { $id }
lead-no-contact = Не раскрыты
lead-stage-of = Этап: { $name }
lead-note-of = Заметка о { $name }
lead-note = Заметка
lead-note-placeholder = Заметка для команды
lead-save = Сохранить
lead-error-stage = Выберите этап из списка.
lead-error-note = Не больше 2000 символов, без управляющих символов.
dash-leads-body = Все, кто заинтересовался вашим стендом, с этапами, заметками и выгрузкой в CRM.
