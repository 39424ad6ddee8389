-- Procurement writes are audited: who (staff id), what, which row, and a snapshot for deletes.
insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
values ('staff', @StaffId, @Action, @Entity, @EntityId, @Details::jsonb);
