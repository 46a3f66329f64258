# Заявки экспонентов, очередь рассмотрения, уведомления
apply-title = Заявка на участие
apply-lead = Расскажите организаторам о компании и о том, что вы покажете. Организаторы рассматривают каждую заявку и выделяют стенд в павильоне вашей отрасли.
apply-sign-in = Чтобы подать заявку, зарегистрируйтесь или войдите; потом здесь можно следить за её ходом.
apply-company = Название компании
apply-country = Страна или регион
apply-choose = Выберите…
apply-industries = Отрасли
apply-license = Регистрационный номер компании
apply-license-hint = Как в свидетельстве о регистрации: буквы, цифры, дефисы.
apply-summary = Что вы покажете
apply-contact = Контактное лицо
apply-contact-name = Имя
apply-contact-email = Эл. почта
apply-contact-phone = Телефон
apply-website = Сайт (необязательно)
apply-submit = Отправить заявку
apply-resubmit = Отправить исправленную заявку
apply-withdraw = Отозвать заявку
apply-change-heading = Исправьте заявку
apply-open-booth = Открыть редактор стенда
apply-explain-submitted = Организаторы рассмотрят заявку; ответ придёт сюда и на почту.
apply-explain-changes = Организаторы просят исправить:
apply-explain-approved = Добро пожаловать! Ваш стенд готов к оформлению.
apply-explain-rejected = Организаторы отклонили заявку:
apply-explain-withdrawn = Вы отозвали заявку. Можно подать новую.
apply-status-submitted = Ждёт рассмотрения
apply-status-changes-requested = Нужны исправления
apply-status-approved = Одобрена
apply-status-rejected = Отклонена
apply-status-withdrawn = Отозвана
apply-error-required = Заполните это поле.
apply-error-too-long = Слишком длинно.
apply-error-characters = Только буквы, цифры и знаки препинания, в одну строку.
apply-error-country = Выберите страну или регион.
apply-error-industry = Выберите хотя бы одну отрасль из списка.
apply-error-license = Введите номер: от 4 до 40 букв, цифр, дефисов или косых черт.
apply-error-email = Введите адрес почты, например name@example.com.
apply-error-phone = Введите телефон из 6–20 цифр (можно пробелы, +, - и скобки).
apply-error-website = Введите адрес, начинающийся с https://.
apply-error-reason = Укажите причину, чтобы заявитель знал, что делать.
apply-error-booth-code = Введите номер стенда до 12 букв, цифр и дефисов, например M-11.
apply-error-duplicate = У вас уже есть заявка на эту выставку.
apply-error-license-taken = Этот регистрационный номер уже указан в другой заявке.
apply-error-already-exhibitor = Вы уже участвуете в этой выставке.
apply-error-transition = Заявка тем временем изменилась; обновите страницу, чтобы увидеть её состояние.
apply-error-hall = Выберите павильон этой выставки.
apply-error-hall-full = В этом павильоне нет места для нового стенда; выберите другой.
apply-error-booth-taken = В этом павильоне уже есть стенд с таким номером.
apply-email-footer = Облачная выставка · Вы получили это письмо, потому что подали заявку на участие.
review-title = Заявки экспонентов
review-filters = Фильтр заявок
review-status = Состояние
review-any = Любое
review-industry = Отрасль
review-search = Компания, номер или контакт
review-filter = Показать
review-total = { $count ->
    [one] { $count } заявка
    [few] { $count } заявки
   *[other] { $count } заявок
}
review-empty = Нет заявок с такими условиями.
review-updated = Изменена
review-pages = Страницы
review-prev = Назад
review-next = Вперёд
review-page = Страница { $page } из { $pages }
review-applicant = Заявитель
review-reason = Причина
review-booth-code = Номер стенда
review-booth-hint = Стенд ставится на первое свободное место павильона; его можно передвинуть на плане.
review-see-booth = Открыть стенд
review-approve-heading = Одобрить и выделить стенд
review-hall = Павильон
review-approve = Одобрить
review-changes-heading = Попросить исправить
review-request-changes = Попросить исправить
review-reject-heading = Отклонить
review-reject = Отклонить заявку
notice-heading = Уведомления
notice-empty = Ничего нового.
notice-read-all = Отметить все прочитанными
notice-application-decided = Ваша заявка от { $company }: { $status }
notice-application-received = Новая заявка экспонента: { $company }
dash-applications-body = { $count ->
    [0] Нет заявок, ждущих рассмотрения.
    [one] { $count } заявка ждёт рассмотрения.
    [few] { $count } заявки ждут рассмотрения.
   *[other] { $count } заявок ждут рассмотрения.
}
dash-apply-body = Участвуйте в выставке: подайте заявку на стенд.
apply-documents = Документы
apply-documents-hint = Лицензия, сертификаты: PDF, JPEG или PNG, до 10 МБ каждый, не больше пяти.
apply-documents-none = Документов пока нет.
apply-document-file = Документ
apply-document-upload = Прикрепить
apply-error-document-type = Этот файл не является документом PDF, JPEG или PNG.
apply-error-document-size = Этот файл больше 10 МБ.
apply-error-document-count = К заявке можно прикрепить не больше пяти документов.
apply-error-document-closed = Документы можно прикреплять, только пока заявка рассматривается.
apply-error-document-empty = Выберите файл.
