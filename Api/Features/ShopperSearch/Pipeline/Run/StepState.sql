-- Records the pipeline's progress: @Event is 'start' (current_step), 'done' (appended to completed_steps), 'fail' or 'finish'.
update shopper.pipeline_status set
    current_step = case when @Event in ('start', 'fail') then @Step else current_step end,
    completed_steps = case when @Event = 'done' and not (@Step = any(completed_steps)) then completed_steps || cast(@Step as text) else completed_steps end,
    failed_steps = case when @Event = 'fail' and not (@Step = any(failed_steps)) then failed_steps || cast(@Step as text)
                        when @Event = 'done' then array_remove(failed_steps, cast(@Step as text)) else failed_steps end,
    status = case @Event when 'fail' then 'failed' when 'finish' then 'completed' else 'running' end,
    error_message = case when @Event = 'fail' then @Error when @Event in ('start', 'finish') then null else error_message end,
    completed_at = case when @Event = 'finish' then now() else null end,
    last_updated = now()
where merchant_id = @Merchant and run_id = @RunId
returning completed_steps;
