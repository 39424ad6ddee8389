select id as "Id", delivery_name as "DeliveryName", delivery_first_name as "DeliveryFirstName", delivery_last_name as "DeliveryLastName",
       delivery_company as "DeliveryCompany", delivery_address as "DeliveryAddress", delivery_city as "DeliveryCity",
       delivery_state as "DeliveryState", delivery_zip as "DeliveryZip", delivery_phone as "DeliveryPhone", delivery_email::text as "DeliveryEmail"
from wholesale.orders where id = @Id;
