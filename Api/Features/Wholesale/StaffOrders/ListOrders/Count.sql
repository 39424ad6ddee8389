-- How many live orders match (the handler puts the same conditions as ListOrders.sql's at the WHERE marker).
select count(*)
from wholesale.orders o
where o.deleted_at is null /*WHERE*/;
