-- An order's live labels (voided ones are kept but hidden), oldest first.
select id as "Id", provider as "Provider", carrier as "Carrier", service as "Service", rate as "Rate", tracking_number as "TrackingNumber",
       label_url as "LabelUrl", shipment_id as "ShipmentId", tracker_id as "TrackerId", ep_order_id as "EpOrderId",
       parcel_index as "ParcelIndex", created_by as "CreatedBy", created_at as "CreatedAt", ep_refund_status as "EpRefundStatus"
from wholesale.shipping_labels
where order_id = @OrderId and voided_at is null
order by id;
