# Messaging
chat-title = Messages
chat-list-label = Conversations
chat-empty = No conversations yet. Start one with “Message the exhibitor” on a booth page.
chat-pick = Choose a conversation on the left.
chat-unread = { $count ->
    [one] 1 unread
   *[other] { $count } unread
}
chat-badge-label = { $count ->
    [one] 1 unread message
   *[other] { $count } unread messages
}
chat-support-title = Organizer support
chat-no-messages = No messages yet. Say hello!
chat-load-earlier = Load earlier messages
chat-loading = Loading…
chat-you = You
chat-log-label = Conversation with { $name }
chat-message-label = Message
chat-placeholder = Write a message… (Enter sends, Shift+Enter starts a new line)
chat-send = Send
chat-sending = Sending…
chat-seen = Seen
chat-failed = Not sent: { $reason }
chat-retry = Try again
chat-typing = { $name } is typing…
chat-reconnecting = Connection lost. Reconnecting… What you write now is sent as soon as it is back.
chat-back = All conversations
chat-view-booth = View booth
chat-start = Message the exhibitor
chat-start-signin = Sign in to message the exhibitor
chat-notify = Notify me of new messages
chat-notification-title = New message
chat-notification-body = { $count ->
    [one] You have 1 unread message.
   *[other] You have { $count } unread messages.
}
chat-error-empty = Write something first.
chat-error-too-long = A message can hold at most 4,000 characters.
chat-error-own-booth = This is your own booth. Visitors' conversations with it appear under Messages.
realtime-error-forbidden = You cannot follow or write to this conversation.
realtime-error-malformed = The message could not be read. Please reload the page.
realtime-error-topic = Unknown channel.
realtime-error-too-large = That message is too large to send.
realtime-error-too-many-topics = Too many open conversations in this tab. Close some and try again.
chat-support-start = Contact organizer support
chat-error-own-support = Organizers answer the support desk; visitors' questions appear under Messages.

chat-message-person = Message
chat-message-person-named = Message { $name }
chat-error-self = This is you: choose someone else to write to.
