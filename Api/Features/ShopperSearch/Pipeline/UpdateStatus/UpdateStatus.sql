-- Partial update of the merchant's pipeline row (any non-null field applies). No row: not found.
update shopper.pipeline_status set
    current_step = coalesce(@CurrentStep, current_step),
    completed_steps = (select coalesce(array_agg(s order by o), '{}') from (
        select s, min(o) as o from unnest(completed_steps || array_remove(array[@CurrentStep, @CompletedStep], null)) with ordinality u(s, o) group by s) x),
    status = case when @ErrorMessage is not null then 'failed' else coalesce(@Status, status) end,
    error_message = coalesce(@ErrorMessage, case when @Status in ('running', 'completed') then null else error_message end),
    failed_steps = case when @ErrorMessage is not null and not (coalesce(@CurrentStep, current_step) = any(failed_steps))
                        then failed_steps || coalesce(@CurrentStep, current_step) else failed_steps end,
    completed_at = case when coalesce(@Status, '') = 'completed' then now() when @Status = 'running' then null else completed_at end,
    config = config || cast(@Config as jsonb),
    last_updated = now()
where merchant_id = @Merchant
returning {columns};
