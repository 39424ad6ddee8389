-- Key administration is audited: who (staff id), what, which key.
insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
values ('staff', @StaffId, @Action, 'api_key', @KeyId::text, @Details::jsonb);
