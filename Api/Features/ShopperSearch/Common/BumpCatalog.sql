-- Records a catalog write: creates the merchant_info row if needed and bumps catalog_version.
insert into shopper.merchant_info (merchant_id, catalog_version) values (@Merchant, 1)
on conflict (merchant_id) do update set catalog_version = shopper.merchant_info.catalog_version + 1, updated_at = now()
returning catalog_version;
