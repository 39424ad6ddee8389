insert into wholesale.sourcing_plans (requirement, product_id, product_name, quantity, target_price, deadline, notes, config, source, model,
                                      requested_by)
values (@Requirement, @ProductId::bigint, @ProductName::text, @Quantity::int, @TargetPrice::numeric, @Deadline::text, @Notes::text,
        @Config::jsonb, @Source, @Model::text, @RequestedBy)
returning id as "Id", created_at as "CreatedAt";
