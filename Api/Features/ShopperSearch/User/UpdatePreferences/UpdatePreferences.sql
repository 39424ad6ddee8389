-- Partial update of a profile's preferences (omitted fields unchanged); marks them user-modified. No row: not found.
update shopper.user_preferences set
    conversational_style = coalesce(@ConversationalStyle, conversational_style),
    personal_fashion_style = coalesce(@PersonalFashionStyle, personal_fashion_style),
    favorite_colors = coalesce(cast(@FavoriteColors as text[]), favorite_colors),
    fashion_material_prefer = coalesce(cast(@FashionMaterialPrefer as text[]), fashion_material_prefer),
    body_type = coalesce(@BodyType, body_type),
    fashion_goals = coalesce(@FashionGoals, fashion_goals),
    age_group = coalesce(@AgeGroup, age_group),
    is_modified = true, updated_at = now()
where merchant_id = @Merchant and user_profile_id = @UserProfileId
returning id as "Id", user_profile_id as "UserProfileId", conversational_style as "ConversationalStyle",
          personal_fashion_style as "PersonalFashionStyle", favorite_colors as "FavoriteColors", fashion_material_prefer as "FashionMaterialPrefer",
          body_type as "BodyType", fashion_goals as "FashionGoals", age_group as "AgeGroup", is_modified as "IsModified", product_ids as "ProductIds";
