select s.id as "Id", s.name as "Name", s.name_cn as "NameCn", s.platform as "Platform", s.location as "Location",
       s.contact_name as "ContactName", s.contact_wechat as "ContactWechat", s.contact_email as "ContactEmail",
       s.contact_phone as "ContactPhone", to_json(s.product_categories)::text as "CategoriesJson", s.rating as "Rating",
       s.lead_time_days as "LeadTimeDays", s.moq_notes as "MoqNotes", s.payment_terms as "PaymentTerms",
       s.is_active as "IsActive", s.notes as "Notes", s.created_at as "CreatedAt", s.updated_at as "UpdatedAt"
from wholesale.suppliers s
where true
