survey-title = Опросы
survey-lead = Узнайте мнение посетителей, покупателей, экспонентов или участников отдельного павильона — после выставки или после каждой встречи, на их языке. Каждый отвечает только один раз.
dash-surveys-body = Составляйте опросы на нескольких языках, рассылайте их после выставки или после встреч и изучайте результаты.
survey-new = Новый опрос
survey-edit = Редактирование опроса
survey-empty = Опросов пока нет.
survey-field-title = Название
survey-field-intro = Вступительный текст (необязательно)
survey-status = Статус
survey-audience = Кому отправить
survey-trigger = Когда отправить
survey-invited = Отправлено
survey-answered = Ответили
survey-results = Результаты
survey-status-draft = Черновик
survey-status-open = Открыт
survey-status-closed = Закрыт
survey-audience-visitors = Посетители
survey-audience-buyers = Профессиональные покупатели
survey-audience-exhibitors = Экспоненты
survey-audience-hall = Посетители и экспоненты одного павильона
survey-trigger-after-show = После выставки, по вашей команде
survey-trigger-after-meeting = После встречи, в которой человек участвовал (один раз)
survey-kind = Тип вопроса
survey-kind-single = Один вариант ответа
survey-kind-multiple = Несколько вариантов ответа
survey-kind-scale = Шкала
survey-kind-nps = Индекс потребительской лояльности (NPS, 0–10)
survey-kind-text = Свободный ответ
survey-fixed-note = Опрос уже отправлен: состав вопросов изменить нельзя, но формулировки и переводы можно править.
survey-language = Язык редактирования
survey-language-hint = Составьте опрос на одном языке, затем выберите другой, чтобы перевести его. Если опрос есть на языке участника, он увидит его на своём языке.
survey-questions = Вопросы
survey-question-n = Вопрос { $n }
survey-prompt = Текст вопроса
survey-required = Обязательный вопрос
survey-options = Варианты ответа
survey-option-n = Вариант { $n }
survey-add-option = Добавить вариант
survey-remove-option = Удалить
survey-scale-points = Число делений шкалы
survey-move-up = Переместить вверх
survey-move-down = Переместить вниз
survey-remove-question = Удалить вопрос
survey-add-kind = Тип нового вопроса
survey-add-question = Добавить вопрос
survey-who-when = Кому и когда
survey-hall = Павильон
survey-choose-hall = Выберите павильон
survey-save = Сохранить
survey-saved = Сохранено.
survey-send = Отправить
survey-send-again = Отправить новым участникам
survey-sent = { $people ->
        [0] Отправлено. Новых получателей сейчас нет.
        [one] Отправлено { $people } получателю.
        [few] Отправлено { $people } получателям.
        [many] Отправлено { $people } получателям.
       *[other] Отправлено { $people } получателям.
    }
survey-close = Закрыть опрос
survey-closed = Опрос закрыт: ответы больше не принимаются.
survey-delete = Удалить черновик
survey-preview = Предпросмотр
survey-rate = Доля ответивших
survey-share = { $share } %
survey-export-csv = Выгрузить ответы (CSV)
survey-export-xlsx = Выгрузить ответы (XLSX)
survey-answered-by = { $people ->
        [one] Ответил { $people } человек.
        [few] Ответили { $people } человека.
        [many] Ответили { $people } человек.
       *[other] Ответили { $people } человека.
    }
survey-nps-score = Индекс NPS: { $score }
survey-mean = Среднее: { $mean } из { $max }
survey-no-answers = Ответов пока нет.
survey-col-answer = Ответ
survey-col-people = Человек
survey-col-share = Доля
survey-col-answered-at = Дата ответа (UTC)
survey-col-country = Страна или регион
survey-col-language = Язык
survey-answer-title = Опрос
survey-already = Вы уже ответили на этот опрос ({ $at }). Спасибо!
survey-preview-note = Предпросмотр: так опрос увидят получатели.
survey-not-open = Этот опрос не принимает ответы.
survey-thanks = Спасибо! Ваши ответы получены.
survey-submit = Отправить ответы
survey-required-mark = (обязательно)
survey-nps-hint = 0 — крайне маловероятно, 10 — очень вероятно.
survey-scale-hint = 1 — самая низкая оценка, { $max } — самая высокая.
notice-survey-invite = Пожалуйста, пройдите опрос «{ $title }» — это займёт всего минуту.
survey-email-footer = Облачная выставка · Вы получили это письмо, потому что участвовали в выставке.
survey-error-required-text = Заполните этот текст на исходном языке опроса.
survey-error-too-long = Слишком длинный текст.
survey-error-no-questions = Добавьте хотя бы один вопрос.
survey-error-too-many-questions = В опросе может быть не более 30 вопросов.
survey-error-few-options = Укажите не менее двух вариантов ответа.
survey-error-many-options = У вопроса может быть не более 12 вариантов ответа.
survey-error-scale = Шкала может содержать от 3 до 10 делений.
survey-error-hall = Выберите один из павильонов выставки.
survey-error-unknown-question = Ответы не соответствуют вопросам этого опроса. Обновите страницу.
survey-error-answer-too-long = Слишком длинный ответ (не более 2000 символов).
survey-error-out-of-range = Выберите один из предложенных вариантов ответа.
survey-error-one-choice = Выберите только один вариант ответа.
survey-error-required = Пожалуйста, ответьте на этот вопрос.
survey-error-fixed = Опрос уже отправлен: вопросы изменить нельзя, можно править только формулировки.
survey-error-closed = Этот опрос закрыт.
survey-error-not-open = Закрыть можно только открытый опрос.
survey-error-answered = Вы уже ответили на этот опрос.
