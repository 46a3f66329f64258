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

## Editing, deleting, blocking and reporting
chat-edited = edited
chat-edit = Edit
chat-edit-label = New text of the message
chat-save = Save
chat-delete = Delete
chat-delete-confirm = Delete this message for everyone? Its text cannot be brought back.
chat-delete-yes = Delete the message
chat-deleted = This message was deleted.
chat-removed-by-organizers = This message was removed by the organizers.
chat-action-failed = Not done: { $reason }
chat-report = Report
chat-report-reason = Reason
chat-report-note = What is wrong (optional; needed for "Something else")
chat-report-send = Report to the organizers
chat-reported = Reported. The organizers will look at it.
chat-report-spam = Spam or advertising
chat-report-abuse = Insults or harassment
chat-report-fraud = Scam or fake offer
chat-report-other = Something else
chat-block = Block
chat-unblock = Unblock
chat-blocked-notice = You blocked this person: neither of you can write here. Unblock them to talk again.
chat-muted-notice = The organizers have stopped you from writing in this expo's conversations. You can still write to the support desk.
chat-error-not-yours = Only the sender can change this message.
chat-error-removed = This message was deleted.
chat-error-edit-too-late = Messages can be changed for 24 hours after sending.
chat-error-muted = The organizers have stopped you from writing in this expo's conversations.
chat-error-blocked = This person is not accepting your messages.
chat-error-you-blocked = You blocked this person. Unblock them to write.
chat-error-reason = Choose a reason.
chat-error-note-needed = Say what is wrong.
chat-error-note-too-long = Keep the note under 500 characters.
chat-error-report-own = You cannot report your own message.
chat-error-mute-organizer = Organizers cannot be stopped from writing.

## Moderation (organizers)
moderation-title = Chat moderation
dash-moderation-body = Reported messages, and people stopped from writing.
moderation-lead = Messages people reported in this expo's conversations. Remove what breaks the rules, keep what does not, and stop repeat offenders from writing.
moderation-summary = { $count ->
    [0] Nothing is waiting.
    [one] One reported message is waiting.
   *[other] { $count } reported messages are waiting.
}
moderation-empty = No reported messages. Reports appear here as soon as someone sends one.
moderation-item-title = { $name } in a { $room }
moderation-room-booth = booth conversation
moderation-room-direct = one-to-one conversation
moderation-room-support = support conversation
moderation-room-meeting = meeting chat
moderation-context = Said just before
moderation-reports = { $count ->
    [one] One report
   *[other] { $count } reports
}
moderation-reported-by = reported by { $name }
moderation-remove = Remove the message
moderation-dismiss = Keep it
moderation-mute = Stop { $name } writing
moderation-mute-reason = Note for the organizers
moderation-already-muted = Already stopped from writing
moderation-muted-title = People stopped from writing
moderation-none-muted = Nobody is stopped from writing.
moderation-person = Person
moderation-since = Since
moderation-actions = Actions
moderation-unmute = Let { $name } write again
notice-message-reported = A chat message was reported ({ $reason }). Open the moderation queue.

chat-presence-online = Online now
chat-presence-offline = Not online: your messages wait for them
chat-translate = Translate
chat-translating = Translating…
chat-translation = Translation:
chat-error-translate-off = Translation is not set up on this platform.
chat-error-translate-failed = The translation service did not answer. Try again later.
chat-attach = Attach a picture or PDF
chat-file-sending = Sending { $name }
chat-file-drop = Remove
chat-file-refused = Not sent: { $reason }
chat-file-wait = Wait until the file is uploaded.
chat-file-picture = Picture: { $name }
chat-error-file-gone = This file was already sent or is gone. Attach it again.
chat-error-file-type = Only pictures (JPEG, PNG, WebP) and PDF files can be sent.
chat-error-file-quota = You have sent as many files as one person may in a day (100 files or 200 MB). Please try again tomorrow.
moderation-storage = Files in conversations: { $files } ({ $size }); in the last day { $filesToday } ({ $sizeToday }).
moderation-changed = Changed by the sender since: { $text }
chat-attach-short = File

## Topic rooms
chat-topics-title = Topic rooms
chat-topics-lead = Group conversations on a subject, opened by the organizers. Join one to read everything said so far and take part.
chat-topics-empty = No topic rooms yet.
chat-topic-join = Join “{ $title }”
chat-topic-join-short = Join
chat-topic-open = Open
chat-topic-sign-in = Sign in to join
chat-topic-leave = Leave the room
chat-topic-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
chat-topic-active = last active { $time }
chat-topic-create = Open a topic room
chat-topic-title-label = Subject
chat-topic-about-label = What it is for (optional)
chat-topic-hall-label = Hall
chat-topic-hall-any = All halls
chat-topic-create-submit = Open the room
chat-topic-error-title = Give the room a subject.
chat-topic-error-title-long = Keep the subject to 80 characters.
chat-topic-error-about-long = Keep the description to 500 characters.
chat-topic-error-hall = Choose one of the expo's halls.
moderation-room-topic = topic room
