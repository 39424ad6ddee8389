-- A product deletion is audited: who, which product and SKU.
insert into wholesale.audit_log (actor_kind, actor_id, action, entity, entity_id, details)
values (@ActorKind, @ActorId::bigint, 'product.delete', 'product', @ProductId::text, jsonb_build_object('sku', @Sku::text));
