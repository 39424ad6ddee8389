-- Starts (or restarts) the merchant's push pipeline run: resets its progress and names the run.
insert into shopper.pipeline_status (merchant_id, current_step, status, run_id)
values (@Merchant, 'enrichment_dev', 'running', @RunId)
on conflict (merchant_id) do update set current_step = 'enrichment_dev', completed_steps = '{}', failed_steps = '{}', status = 'running',
    error_message = null, started_at = now(), completed_at = null, last_updated = now(), run_id = excluded.run_id;
