-- Stores the cold-start product ids on the profile's preferences (if any) and logs the greeting shown.
with prefs as (
    update shopper.user_preferences set product_ids = cast(@ProductIds as bigint[]), updated_at = now()
    where merchant_id = @Merchant and user_profile_id = @UserProfileId
    returning id
)
insert into shopper.user_greetings (merchant_id, user_profile_id, current_hour, greeting)
select @Merchant, p.id, @CurrentHour, @Greeting from shopper.user_profile p
where p.merchant_id = @Merchant and p.id = @UserProfileId and @Greeting is not null;
