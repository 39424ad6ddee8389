-- Issue 17 §6: X-Shopify-Webhook-Id is not signed, so a replay can carry a new id. Deliveries also record the SHA-256 of
-- the signed body; the same shop, topic and body within the replay window (48 h, Shopify's retry period) is a duplicate.
alter table adpriority.webhook_deliveries add column body_hash text;
create index webhook_deliveries_body on adpriority.webhook_deliveries (shop_domain, topic, body_hash, received_at) where body_hash is not null;
