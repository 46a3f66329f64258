site-name = Облачная выставка
nav-skip-to-content = Перейти к содержимому
nav-main-label = Основные разделы
nav-menu = Меню
nav-halls = Павильоны
nav-live = Трансляции
nav-messages = Сообщения
nav-dashboard = Аналитика
nav-language-label = Язык
nav-theme-dark = Тёмная тема
nav-login = Войти
nav-register = Регистрация
nav-logout = Выйти
nav-back-home = Вернуться на выставку
footer-standard = Создано в соответствии с «Руководящим стандартом цифровых международных выставок».

not-found-title = Страница не найдена
not-found-body = Запрошенная страница не существует или была перемещена.

error-page-title = Что-то пошло не так
error-unexpected = Произошла непредвиденная ошибка. Повторите попытку.
error-unauthenticated = Чтобы продолжить, войдите в систему.
error-forbidden = У вас нет прав на это действие.
error-not-found = Не удалось найти запрошенные данные.
error-validation = Исправьте выделенные поля.
error-conflict = Это противоречит уже существующим данным.
error-rate-limited = { $seconds ->
    [one] Слишком много попыток. Повторите через { $seconds } секунду.
    [few] Слишком много попыток. Повторите через { $seconds } секунды.
    [many] Слишком много попыток. Повторите через { $seconds } секунд.
   *[other] Слишком много попыток. Повторите через { $seconds } секунды.
}
error-read-only = Платформа на техническом обслуживании; внесение изменений временно приостановлено.
error-internal = На нашей стороне произошла ошибка. Инцидент { $incident } зарегистрирован.
error-transport = Не удалось связаться с сервером. Проверьте подключение к интернету и повторите попытку.
error-request-malformed = Не удалось прочитать запрос. Перезагрузите страницу и повторите попытку.
error-body-too-large = Слишком большой объём запроса.
error-cross-site = Запрос отправлен с другого сайта и был отклонён.

content-original-language = Язык оригинала

date-long = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

error-media-type = Этот тип файла не поддерживается. Загрузите изображения JPEG, PNG или WebP, видео MP4 или WebM, документы PDF или 3D-модели GLB.
error-media-svg = Файлы SVG не принимаются, так как могут содержать скрипты. Загрузите PNG или JPEG.
error-media-too-large = Файл превышает допустимый размер для этого типа.
error-media-empty = Файл пуст.
error-media-corrupt = Не удалось прочитать изображение: возможно, файл повреждён.
error-media-too-many-pixels = Изображение слишком велико для обработки: не более 12 000 пикселей по стороне и 40 мегапикселей.
error-media-truncated = Файл неполный или повреждён (возможно, он оборвался при сохранении или загрузке). Загрузите файл целиком ещё раз.
error-media-gltf-text = Это текстовый glTF, который ссылается на другие файлы. Загрузите модель одним двоичным файлом .glb.
error-media-incomplete = Загрузка прервалась. Попробуйте ещё раз.
error-text-too-long = Текст слишком длинный (не более 4000 символов).
error-media-product = Этот товар не относится к этому стенду.
error-media-panorama-image = Панорама 360° должна быть картинкой JPEG, PNG или WebP.
error-media-panorama-ratio = Панорама 360° должна быть равнопромежуточной: вдвое шире, чем выше.
error-product-name-required = Введите название товара.
error-product-name-invalid = Название слишком длинное (не более 200 символов) или содержит переносы строк.
error-product-category = Выберите категорию из списка.
error-specs-too-many = В таблице характеристик не больше 100 строк.
error-spec-row-invalid = Характеристика слишком длинная (не более 200 символов в ячейке).
error-spec-row-incomplete = У каждой характеристики должны быть и название, и значение.
error-price-invalid = Введите цены числами (не более двух знаков после запятой), меньшую первой.
error-currency-invalid = Выберите валюту из списка.
error-quantity-invalid = Введите целое число штук.
error-lead-time-invalid = Введите срок поставки целым числом дней, не более 3 650.
error-certifications-invalid = Не более 20 сертификатов, каждый до 60 символов.
error-media-picture-only = Нужна картинка JPEG, PNG или WebP.
