# Сообщения
chat-title = Сообщения
chat-list-label = Диалоги
chat-empty = Диалогов пока нет. Начните его кнопкой «Написать экспоненту» на странице стенда.
chat-pick = Выберите диалог слева.
chat-unread = { $count ->
    [one] { $count } непрочитанное
    [few] { $count } непрочитанных
   *[other] { $count } непрочитанных
}
chat-badge-label = { $count ->
    [one] { $count } непрочитанное сообщение
    [few] { $count } непрочитанных сообщения
   *[other] { $count } непрочитанных сообщений
}
chat-support-title = Поддержка организатора
chat-no-messages = Сообщений пока нет. Поздоровайтесь!
chat-load-earlier = Загрузить более ранние сообщения
chat-loading = Загрузка…
chat-you = Вы
chat-log-label = Диалог с { $name }
chat-message-label = Сообщение
chat-placeholder = Напишите сообщение… (Enter — отправить, Shift+Enter — новая строка)
chat-send = Отправить
chat-sending = Отправка…
chat-seen = Прочитано
chat-failed = Не отправлено: { $reason }
chat-retry = Повторить
chat-typing = { $name } печатает…
chat-reconnecting = Соединение потеряно. Переподключаемся… Написанное сейчас уйдёт, как только связь вернётся.
chat-back = Все диалоги
chat-view-booth = Открыть стенд
chat-start = Написать экспоненту
chat-start-signin = Войдите, чтобы написать экспоненту
chat-notify = Уведомлять о новых сообщениях
chat-notification-title = Новое сообщение
chat-notification-body = { $count ->
    [one] У вас { $count } непрочитанное сообщение.
    [few] У вас { $count } непрочитанных сообщения.
   *[other] У вас { $count } непрочитанных сообщений.
}
chat-error-empty = Сначала напишите что-нибудь.
chat-error-too-long = Сообщение может содержать не более 4000 символов.
chat-error-own-booth = Это ваш собственный стенд. Диалоги посетителей с ним показаны в «Сообщениях».
realtime-error-forbidden = Вы не можете читать этот диалог или писать в него.
realtime-error-malformed = Не удалось прочитать сообщение. Перезагрузите страницу.
realtime-error-topic = Неизвестный канал.
realtime-error-too-large = Сообщение слишком большое для отправки.
realtime-error-too-many-topics = В этой вкладке открыто слишком много диалогов. Закройте некоторые и повторите.
chat-support-start = Написать в поддержку организатора
chat-error-own-support = Организаторы отвечают в службе поддержки; вопросы посетителей появляются в «Сообщениях».

chat-message-person = Написать
chat-message-person-named = Написать: { $name }
chat-error-self = Это вы сами: выберите другого собеседника.
