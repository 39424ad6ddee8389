-- Writes the new delivery details and an 'address' event naming the changed fields.
with u as (
    update wholesale.orders
       set delivery_name = @DeliveryName, delivery_first_name = @DeliveryFirstName, delivery_last_name = @DeliveryLastName,
           delivery_company = @DeliveryCompany, delivery_address = @DeliveryAddress, delivery_city = @DeliveryCity,
           delivery_state = @DeliveryState, delivery_zip = @DeliveryZip, delivery_phone = @DeliveryPhone, delivery_email = @DeliveryEmail,
           updated_at = now()
     where id = @Id
    returning id
)
insert into wholesale.order_events (order_id, kind, actor_kind, actor_id, reason)
select id, 'address', @ActorKind, @ActorId, 'delivery details changed: ' || @Fields from u;
