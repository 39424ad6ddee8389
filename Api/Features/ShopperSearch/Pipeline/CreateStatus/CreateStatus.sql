-- Creates the merchant's pipeline row; on reinstall (shopify_etl_dev) resets it, else moves it to the given step.
insert into shopper.pipeline_status (merchant_id, shop_domain, current_step, config)
values (@Merchant, @ShopDomain, @CurrentStep, cast(@Config as jsonb))
on conflict (merchant_id) do update set
    shop_domain = coalesce(excluded.shop_domain, shopper.pipeline_status.shop_domain),
    current_step = excluded.current_step,
    config = shopper.pipeline_status.config || excluded.config,
    completed_steps = case when excluded.current_step = 'shopify_etl_dev' then '{}' else shopper.pipeline_status.completed_steps end,
    failed_steps = case when excluded.current_step = 'shopify_etl_dev' then '{}' else shopper.pipeline_status.failed_steps end,
    status = case when excluded.current_step = 'shopify_etl_dev' then 'running' else shopper.pipeline_status.status end,
    error_message = case when excluded.current_step = 'shopify_etl_dev' then null else shopper.pipeline_status.error_message end,
    started_at = case when excluded.current_step = 'shopify_etl_dev' then now() else shopper.pipeline_status.started_at end,
    completed_at = case when excluded.current_step = 'shopify_etl_dev' then null else shopper.pipeline_status.completed_at end,
    last_updated = now()
returning {columns};
