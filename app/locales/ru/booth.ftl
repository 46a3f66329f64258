booth-location = { $hall }, стенд { $booth }
booth-contact-label = Связаться с экспонентом
booth-action-message = Написать сообщение
booth-action-meeting = Назначить встречу
booth-action-inquiry = Отправить запрос
booth-action-coming = Сообщения, встречи и запросы скоро станут доступны. А пока вы можете перейти на сайт экспонента по ссылке ниже.
dialog-close = Закрыть
booth-about-heading = О компании
booth-website = Перейти на сайт
booth-products-heading = { $count ->
    [one] { $count } товар
    [few] { $count } товара
    [many] { $count } товаров
   *[other] { $count } товара
}
booth-gallery-heading = Галерея
booth-gallery-label = Изображения и видео
booth-gallery-empty = Пока ничего не загружено. Здесь появятся загруженные вами изображения, видео и документы.
booth-edit-link = Редактировать стенд
booth-editor-title = Редактирование стенда
booth-editor-lead = Загружайте изображения, видео, документы и 3D-модели. Для каждого файла показывается прогресс; размер изображений уменьшается, чтобы страницы открывались быстрее, а сведения о камере удаляются.
booth-editor-preview = Посмотреть глазами посетителя
booth-upload-choose = Выбрать файлы…
booth-upload-hint = Изображения JPEG, PNG или WebP до 20 МБ, видео MP4 или WebM, документы PDF, 3D-модели GLB.
booth-upload-progress = Загружается { $name }
booth-upload-done = Загружено
booth-editor-language = Язык текста
booth-editor-about-label = О компании
booth-editor-save = Сохранить
booth-editor-saved = Сохранено
