-- One shopper's preferences within the merchant. No row: the profile has none (or belongs to another merchant).
select id as "Id", user_profile_id as "UserProfileId", conversational_style as "ConversationalStyle",
       personal_fashion_style as "PersonalFashionStyle", favorite_colors as "FavoriteColors",
       fashion_material_prefer as "FashionMaterialPrefer", body_type as "BodyType", fashion_goals as "FashionGoals",
       age_group as "AgeGroup", is_modified as "IsModified", product_ids as "ProductIds"
from shopper.user_preferences where merchant_id = @Merchant and user_profile_id = @UserProfileId;
