-- One stock movement: who (actor kind and id) and why (reason, note).
insert into wholesale.inventory_ledger (product_id, delta, balance_after, reason, actor_kind, actor_id, note)
values (@ProductId, @Delta, @BalanceAfter::int, @Reason, @ActorKind, @ActorId::bigint, @Note::text);
