account-email-label = Электронная почта
account-password-label = Пароль
account-menu-label = Учётная запись

login-title = Вход
login-lead = С возвращением! Войдите, чтобы общаться в чате, проводить встречи и сохранять избранное.
login-submit = Войти
login-no-account = Впервые здесь?
login-register-link = Создать учётную запись

register-title = Создание учётной записи
register-lead = Зарегистрируйтесь один раз — и посещайте все павильоны, общайтесь с экспонентами и назначайте встречи.
register-password-hint = { $min ->
    [one] Не менее { $min } символа.
    [few] Не менее { $min } символов.
    [many] Не менее { $min } символов.
   *[other] Не менее { $min } символа.
}
register-display-name-label = Ваше имя
register-company-label = Компания (необязательно)
register-country-label = Страна или регион
register-country-choose = Выберите…
register-language-label = Предпочитаемый язык
register-submit = Зарегистрироваться
register-have-account = Уже зарегистрированы?
register-login-link = Войти

error-email-required = Введите адрес электронной почты.
error-email-invalid = Введите корректный адрес электронной почты, например name@example.com.
error-email-taken = Учётная запись с этим адресом уже существует. Войдите в неё.
error-password-too-short = Пароль слишком короткий.
error-password-too-long = Пароль слишком длинный (не более 128 символов).
error-password-is-email = Пароль не должен совпадать с адресом электронной почты.
error-display-name-required = Введите своё имя.
error-display-name-invalid = Имя слишком длинное или содержит недопустимые символы.
error-company-invalid = Название компании слишком длинное или содержит недопустимые символы.
error-country-required = Выберите страну или регион.
error-country-invalid = Выберите страну или регион из списка.
error-language-invalid = Выберите язык из списка.
error-login-failed = Неверный адрес электронной почты или пароль.

role-organizer = Организатор
role-exhibitor = Экспонент
role-buyer = Покупатель
role-visitor = Посетитель
role-consultant = Юридический консультант
role-interpreter = Переводчик
role-operator = Техническая поддержка
