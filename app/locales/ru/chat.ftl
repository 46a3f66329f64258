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

## Редактирование, удаление, блокировка и жалобы
chat-edited = изменено
chat-edit = Изменить
chat-edit-label = Новый текст сообщения
chat-save = Сохранить
chat-delete = Удалить
chat-delete-confirm = Удалить это сообщение для всех? Восстановить его текст будет невозможно.
chat-delete-yes = Удалить сообщение
chat-deleted = Это сообщение удалено.
chat-removed-by-organizers = Это сообщение удалено организаторами.
chat-action-failed = Не выполнено: { $reason }
chat-report = Пожаловаться
chat-report-reason = Причина
chat-report-note = Что не так (необязательно; нужно для варианта «Другое»)
chat-report-send = Отправить жалобу организаторам
chat-reported = Жалоба отправлена. Организаторы её рассмотрят.
chat-report-spam = Спам или реклама
chat-report-abuse = Оскорбления или травля
chat-report-fraud = Мошенничество или фиктивное предложение
chat-report-other = Другое
chat-block = Заблокировать
chat-unblock = Разблокировать
chat-blocked-notice = Вы заблокировали этого человека: никто из вас не может здесь писать. Разблокируйте его, чтобы снова общаться.
chat-muted-notice = Организаторы запретили вам писать в диалогах этой выставки. В службу поддержки писать по-прежнему можно.
chat-error-not-yours = Изменить это сообщение может только отправитель.
chat-error-removed = Это сообщение удалено.
chat-error-edit-too-late = Сообщение можно изменить в течение 24 часов после отправки.
chat-error-muted = Организаторы запретили вам писать в диалогах этой выставки.
chat-error-blocked = Этот человек не принимает ваши сообщения.
chat-error-you-blocked = Вы заблокировали этого человека. Разблокируйте его, чтобы написать.
chat-error-reason = Выберите причину.
chat-error-note-needed = Опишите, что не так.
chat-error-note-too-long = Пояснение должно быть короче 500 символов.
chat-error-report-own = Нельзя пожаловаться на собственное сообщение.
chat-error-mute-organizer = Организаторам нельзя запретить писать.

## Модерация (для организаторов)
moderation-title = Модерация чата
dash-moderation-body = Сообщения с жалобами и люди, которым запрещено писать.
moderation-lead = Сообщения из диалогов этой выставки, на которые пожаловались участники. Удаляйте то, что нарушает правила, оставляйте то, что не нарушает, и запрещайте писать тем, кто нарушает их повторно.
moderation-summary = { $count ->
    [0] Жалоб, ждущих рассмотрения, нет.
    [one] { $count } сообщение с жалобой ждёт рассмотрения.
    [few] { $count } сообщения с жалобами ждут рассмотрения.
    [many] { $count } сообщений с жалобами ждут рассмотрения.
   *[other] { $count } сообщения с жалобами ждут рассмотрения.
}
moderation-empty = Жалоб на сообщения нет. Новая жалоба появляется здесь сразу после отправки.
moderation-item-title = { $name } — { $room }
moderation-room-booth = диалог на стенде
moderation-room-direct = личный диалог
moderation-room-support = диалог с поддержкой
moderation-room-meeting = чат встречи
moderation-context = Предыдущие сообщения
moderation-reports = { $count ->
    [one] { $count } жалоба
    [few] { $count } жалобы
    [many] { $count } жалоб
   *[other] { $count } жалобы
}
moderation-reported-by = жалоба от { $name }
moderation-remove = Удалить сообщение
moderation-dismiss = Оставить
moderation-mute = Запретить писать: { $name }
moderation-mute-reason = Заметка для организаторов
moderation-already-muted = Уже запрещено писать
moderation-muted-title = Кому запрещено писать
moderation-none-muted = Никому не запрещено писать.
moderation-person = Участник
moderation-since = Действует с
moderation-actions = Действия
moderation-unmute = Снова разрешить писать: { $name }
notice-message-reported = На сообщение в чате пожаловались ({ $reason }). Откройте очередь модерации.

chat-presence-online = В сети
chat-presence-offline = Не в сети: сообщения дождутся собеседника
chat-translate = Перевести
chat-translating = Перевод…
chat-translation = Перевод:
chat-error-translate-off = Перевод на этой платформе не настроен.
chat-error-translate-failed = Служба перевода не ответила. Попробуйте позже.
chat-attach = Прикрепить изображение или PDF
chat-file-sending = Отправка { $name }
chat-file-drop = Убрать
chat-file-refused = Не отправлено: { $reason }
chat-file-wait = Дождитесь окончания загрузки файла.
chat-file-picture = Изображение: { $name }
chat-error-file-gone = Этот файл уже отправлен или удалён. Прикрепите его снова.
chat-error-file-type = Можно отправлять только изображения (JPEG, PNG, WebP) и файлы PDF.
chat-error-file-quota = Вы отправили столько файлов, сколько можно за день (100 файлов или 200 МБ). Попробуйте завтра.
moderation-storage = Файлов в переписке: { $files } ({ $size }); за последние сутки { $filesToday } ({ $sizeToday }).
moderation-changed = Отправитель изменил после жалобы: { $text }
chat-attach-short = Файл

## Topic rooms
chat-topics-title = Тематические чаты
chat-topics-lead = Групповые обсуждения на заданную тему, которые открывают организаторы. Присоединитесь, чтобы прочитать всё, что уже сказано, и принять участие в разговоре.
chat-topics-empty = Тематических чатов пока нет.
chat-topic-join = Присоединиться: «{ $title }»
chat-topic-join-short = Присоединиться
chat-topic-open = Открыть
chat-topic-sign-in = Войдите, чтобы присоединиться
chat-topic-leave = Выйти из чата
chat-topic-members = { $count ->
    [one] { $count } участник
    [few] { $count } участника
    [many] { $count } участников
   *[other] { $count } участника
}
chat-topic-active = последняя активность: { $time }
chat-topic-create = Открыть тематический чат
chat-topic-title-label = Тема
chat-topic-about-label = Для чего этот чат (необязательно)
chat-topic-hall-label = Павильон
chat-topic-hall-any = Все павильоны
chat-topic-create-submit = Открыть чат
chat-topic-error-title = Укажите тему чата.
chat-topic-error-title-long = Тема может содержать не более 80 символов.
chat-topic-error-about-long = Описание может содержать не более 500 символов.
chat-topic-error-hall = Выберите один из павильонов выставки.
moderation-room-topic = тематический чат
