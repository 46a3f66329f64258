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
