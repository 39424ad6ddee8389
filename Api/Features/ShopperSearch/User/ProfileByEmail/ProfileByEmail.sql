-- The merchant's profile with this email (case-insensitive). No row: not found.
select id as "Id", user_name as "UserName", first_name as "FirstName", last_name as "LastName", email_id as "EmailId", profile_name as "ProfileName"
from shopper.user_profile where merchant_id = @Merchant and lower(email_id) = lower(@EmailId);
