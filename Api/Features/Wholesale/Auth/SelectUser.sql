-- A live customer's own profile. No row: unknown or deleted.
select id as "Id", username::text as "Username", email::text as "Email", email_verified as "EmailVerified",
       first_name as "FirstName", last_name as "LastName", company_name as "CompanyName", phone as "Phone",
       business_type as "BusinessType", state_of_operation as "StateOfOperation",
       shipping_address as "ShippingAddress", billing_address as "BillingAddress",
       payment_terms as "PaymentTerms", account_approved as "AccountApproved", created_at as "CreatedAt"
from wholesale.customers
where id = @Id and deleted_at is null;
