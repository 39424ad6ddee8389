insert into wholesale.shipping_labels (order_id, provider, carrier, service, rate, tracking_number, label_url, label_pdf, shipment_id,
                                       tracker_id, ep_order_id, parcel_index, parcel, insurance, created_by)
values (@OrderId, @Provider, @Carrier, @Service, @Rate, @Tracking, @LabelUrl, @Pdf, @ShipmentId, @TrackerId, @EpOrderId, @ParcelIndex,
        @Parcel::jsonb, @Insurance, @CreatedBy)
returning id;
