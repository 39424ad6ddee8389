-- Keeps the exchange (with its session when that exists) and touches the session.
with s as (
    update wholesale.chat_sessions set last_message_at = now() where id = @SessionId returning id
)
insert into wholesale.chat_messages (session_id, role, content, language)
select (select id from s), v.role, v.content, @Language
from (values (1, 'user', @Question), (2, 'assistant', @Answer)) as v(n, role, content)
order by v.n;
