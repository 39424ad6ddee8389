-- The shipment (already locked and its move checked) gets the fields sent and one timeline event.
with moved as (
    update wholesale.sourcing_shipments
       set status            = @To,
           tracking_number   = case when @TrackingNumber::text is null then tracking_number else nullif(@TrackingNumber::text, '') end,
           eta               = coalesce(@Eta::date, eta),
           updated_at        = now(),
           status_changed_at = case when @To <> @From then now() else status_changed_at end,
           status_changed_by = case when @To <> @From then @Actor else status_changed_by end
     where id = @Sid
    returning id
)
insert into wholesale.sourcing_shipment_events (shipment_id, from_status, status, event, notes, location, recorded_by, actor_id)
select id, @From, @To, @Event, @Notes::text, @Location::text, @RecordedBy, @StaffId::bigint from moved;
