-- A new chat session; returns its id.
insert into wholesale.chat_sessions default values returning id;
