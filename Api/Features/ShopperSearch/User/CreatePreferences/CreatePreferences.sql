-- Creates the preferences row of one of the merchant's profiles. No row: the profile is not this merchant's, or preferences already exist.
insert into shopper.user_preferences (merchant_id, user_profile_id, conversational_style, personal_fashion_style, favorite_colors,
    fashion_material_prefer, body_type, fashion_goals, age_group)
select @Merchant, p.id, @ConversationalStyle, @PersonalFashionStyle, cast(@FavoriteColors as text[]), cast(@FashionMaterialPrefer as text[]),
       @BodyType, @FashionGoals, @AgeGroup
from shopper.user_profile p where p.merchant_id = @Merchant and p.id = @UserProfileId
on conflict (user_profile_id) do nothing
returning id as "Id", user_profile_id as "UserProfileId", conversational_style as "ConversationalStyle",
          personal_fashion_style as "PersonalFashionStyle", favorite_colors as "FavoriteColors", fashion_material_prefer as "FashionMaterialPrefer",
          body_type as "BodyType", fashion_goals as "FashionGoals", age_group as "AgeGroup", is_modified as "IsModified", product_ids as "ProductIds";
