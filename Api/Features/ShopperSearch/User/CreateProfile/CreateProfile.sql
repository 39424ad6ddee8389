-- Creates the shopper profile, or returns the existing one with that email (unique per merchant, case-insensitive).
with inserted as (
    insert into shopper.user_profile (merchant_id, user_name, first_name, last_name, email_id, profile_name)
    values (@Merchant, @UserName, @FirstName, @LastName, @EmailId, @ProfileName)
    on conflict (merchant_id, lower(email_id)) do nothing
    returning id, user_name, first_name, last_name, email_id, profile_name
)
select id as "Id", user_name as "UserName", first_name as "FirstName", last_name as "LastName", email_id as "EmailId", profile_name as "ProfileName" from inserted
union all
select id, user_name, first_name, last_name, email_id, profile_name from shopper.user_profile
where merchant_id = @Merchant and lower(email_id) = lower(@EmailId) and not exists (select from inserted);
