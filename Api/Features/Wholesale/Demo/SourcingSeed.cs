using Npgsql;

namespace Api.Features.Wholesale.Demo;

/// <summary>
/// Sourcing and procurement demo data (issue 15, part B), inside the wholesale seed's transaction: five overseas suppliers
/// (one inactive) listing the demo categories, three RFQs (a draft, a quoted one with two quotes on LLD-0001, an awarded
/// one), an inbound shipment in transit with its timeline, a passed QC inspection, a paid deposit and a pending balance,
/// and two equipment vendors with their products. Numbers come from the same gap-free counters as the endpoints'.
/// </summary>
static class SourcingSeed
{
    public static async Task SeedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            do $$
            declare
                yr int := extract(year from now() at time zone 'America/Chicago')::int;
                cups bigint := (select id from wholesale.products where sku = 'LLD-0001');
                gloves bigint := (select p.id from wholesale.products p join wholesale.categories c on c.id = p.category_id
                                   where c.name = 'Gloves & Apparel' order by p.id limit 1);
                s_eco bigint; s_kitchen bigint; s_glove bigint; s_paper bigint;
                r_quoted bigint; r_awarded bigint; shp bigint; v1 bigint; v2 bigint;
            begin
                insert into wholesale.suppliers (name, name_cn, platform, location, contact_name, contact_wechat, contact_email, contact_phone,
                                                 product_categories, rating, lead_time_days, moq_notes, payment_terms, notes, created_by)
                values ('Ningbo EcoPack Co., Ltd.', '宁波生态包装有限公司', 'Alibaba', 'Ningbo, Zhejiang', 'Lily Chen', 'lily_ecopack',
                        'lily@ecopack.example', '+86 574 5550 1201', '{Disposables,"Paper Goods"}', 5, 25, '5,000 pcs per design',
                        '30% deposit, 70% before shipment', 'Printed cups and clamshells; BPI certified line', 2)
                returning id into s_eco;
                insert into wholesale.suppliers (name, name_cn, platform, location, contact_name, contact_wechat, contact_email,
                                                 product_categories, rating, lead_time_days, moq_notes, payment_terms, created_by)
                values ('Guangzhou Chef Kitchenware Ltd.', '广州厨师厨具有限公司', '1688', 'Guangzhou, Guangdong', 'Kevin Wu', 'kevin_chefware',
                        'kevin@chefware.example', '{Smallwares}', 4, 35, '200 pcs per item', 'T/T 50/50', 2)
                returning id into s_kitchen;
                insert into wholesale.suppliers (name, platform, location, contact_name, contact_email, product_categories, rating,
                                                 lead_time_days, payment_terms, created_by)
                values ('Shenzhen SafeHands Glove Factory', 'Alibaba', 'Shenzhen, Guangdong', 'Grace Lin', 'grace@safehands.example',
                        '{"Gloves & Apparel"}', 4, 30, 'L/C at sight', 2)
                returning id into s_glove;
                insert into wholesale.suppliers (name, platform, location, contact_name, contact_email, product_categories, rating,
                                                 lead_time_days, payment_terms, created_by)
                values ('Xiamen Bright Paper Products', 'Made-in-China', 'Xiamen, Fujian', 'Tony Xu', 'tony@brightpaper.example',
                        '{"Paper Goods",Disposables}', 3, 40, '30% deposit', 2)
                returning id into s_paper;
                insert into wholesale.suppliers (name, platform, location, product_categories, rating, lead_time_days, is_active, notes, created_by)
                values ('Qingdao Golden Spice Trading', 'Alibaba', 'Qingdao, Shandong', '{Spices}', 2, 45, false,
                        'Paused after a failed moisture test', 2);

                -- RFQs: a draft without a product, a quoted one on LLD-0001, an awarded one on a glove
                insert into wholesale.rfqs (rfq_number, status, source, title, description, quantity, target_unit_price, created_by, status_changed_by)
                values (wholesale.next_doc_number('RFQ', yr), 'draft', 'staff', 'Kraft paper soup cups 16 oz',
                        'Kraft soup cups with vented lids, 16 oz, plain', 20000, 0.09, 'staff:3', 'staff:3');
                insert into wholesale.rfqs (rfq_number, status, source, product_id, title, description, quantity, target_unit_price, created_by, status_changed_by)
                select wholesale.next_doc_number('RFQ', yr), 'quoted', 'staff', p.id, p.name, 'Private-label run of ' || p.name, 5000,
                       round(coalesce(p.cost, p.unit_price) * 0.7, 2), 'staff:3', 'staff:3'
                from wholesale.products p where p.id = cups
                returning id into r_quoted;
                insert into wholesale.rfq_quotes (rfq_id, supplier_id, price, moq, lead_time, notes, created_by)
                select r_quoted, s_eco, round(coalesce(p.cost, p.unit_price) * 0.68, 2), 5000, '25 days', 'FOB Ningbo', 3 from wholesale.products p where p.id = cups;
                insert into wholesale.rfq_quotes (rfq_id, supplier_id, price, moq, lead_time, notes, created_by)
                select r_quoted, s_paper, round(coalesce(p.cost, p.unit_price) * 0.74, 2), 10000, '40 days', 'FOB Xiamen', 3 from wholesale.products p where p.id = cups;

                insert into wholesale.rfqs (rfq_number, status, source, product_id, title, description, quantity, target_unit_price,
                                            awarded_supplier_id, awarded_price, awarded_at, awarded_by, created_by, status_changed_by,
                                            created_at, status_changed_at)
                select wholesale.next_doc_number('RFQ', yr), 'awarded', 'staff', p.id, p.name, 'Nitrile gloves, powder free, private label',
                       2000, round(coalesce(p.cost, p.unit_price) * 0.6, 2), s_glove, round(coalesce(p.cost, p.unit_price) * 0.58, 2),
                       now() - interval '30 days', 2, 'staff:3', 'staff:2', now() - interval '40 days', now() - interval '30 days'
                from wholesale.products p where p.id = gloves
                returning id into r_awarded;
                insert into wholesale.rfq_quotes (rfq_id, supplier_id, price, moq, lead_time, created_by, created_at)
                select r_awarded, s_glove, round(coalesce(p.cost, p.unit_price) * 0.58, 2), 1000, '30 days', 3, now() - interval '35 days'
                from wholesale.products p where p.id = gloves;

                -- the awarded RFQ's shipment, on the water, with its timeline
                insert into wholesale.sourcing_shipments (shipment_number, supplier_id, rfq_id, tracking_number, carrier, status, origin, eta,
                                                          items, documents, total_cost, currency, notes, created_by, created_at,
                                                          status_changed_at, status_changed_by)
                values (wholesale.next_doc_number('SHP', yr), s_glove, r_awarded, 'MSKU7781203', 'Maersk', 'in_transit', 'Shenzhen (Yantian)',
                        (now() at time zone 'America/Chicago')::date + 12,
                        jsonb_build_array(jsonb_build_object('product_id', gloves, 'quantity', 2000, 'name', 'Nitrile gloves, private label')),
                        '["commercial-invoice.pdf", "packing-list.pdf", "bill-of-lading.pdf"]', 8450.00, 'USD', 'One 20 ft container', 2,
                        now() - interval '28 days', now() - interval '6 days', 'staff:2')
                returning id into shp;
                insert into wholesale.sourcing_shipment_items (shipment_id, product_id, quantity) values (shp, gloves, 2000);
                insert into wholesale.sourcing_shipment_events (shipment_id, from_status, status, event, location, recorded_by, actor_id, created_at)
                values (shp, null, 'production', 'Shipment created', 'Shenzhen', 'staff:2', 2, now() - interval '28 days'),
                       (shp, 'production', 'qc', 'Production finished', 'Shenzhen', 'staff:2', 2, now() - interval '12 days'),
                       (shp, 'qc', 'shipped', 'Loaded at Yantian', 'Shenzhen', 'forwarder', 2, now() - interval '8 days'),
                       (shp, 'shipped', 'in_transit', 'Vessel departed', 'Yantian port', 'forwarder', 2, now() - interval '6 days');
                insert into wholesale.qc_inspections (shipment_id, supplier_id, product_id, product_name, inspection_date, inspector, result,
                                                      notes, defects, created_by, created_at)
                values (shp, s_glove, gloves, 'Nitrile gloves, private label', (now() at time zone 'America/Chicago')::date - 11, 'QIMA', 'pass',
                        'AQL 2.5: 2 minor defects in 200 sampled',
                        '[{"type": "carton marking", "severity": "minor", "count": 2}]', 2, now() - interval '11 days');
                insert into wholesale.supplier_payments (supplier_id, rfq_id, shipment_id, amount, currency, payment_date, status, notes,
                                                         created_by, status_changed_by)
                values (s_glove, r_awarded, shp, 2535.00, 'USD', (now() at time zone 'America/Chicago')::date - 29, 'paid', '30% deposit', 2, 'staff:2'),
                       (s_glove, r_awarded, shp, 5915.00, 'USD', null, 'pending', '70% balance against the bill of lading', 2, 'staff:2');

                -- procurement: equipment vendors and their products
                insert into wholesale.procurement_vendors (name, website, phone, email, contact_name, address, notes)
                values ('Midwest Restaurant Equipment', 'https://midwest-equipment.example', '(312) 555-0190', 'sales@midwest-equipment.example',
                        'Dana Ortiz', '2200 S Halsted St, Chicago, IL 60608', 'Delivers and installs in Chicagoland')
                returning id into v1;
                insert into wholesale.procurement_vendors (name, website, phone, email, contact_name, address)
                values ('Lakeshore Kitchen Supply', 'https://lakeshore-kitchen.example', '(773) 555-0117', 'orders@lakeshore-kitchen.example',
                        'Pat Nguyen', '4100 N Elston Ave, Chicago, IL 60618')
                returning id into v2;
                insert into wholesale.procurement_vendors (name, notes, active) values ('Old Line Refrigeration', 'Closed in 2024', false);
                insert into wholesale.procurement_products (vendor_id, name, category, description, model_number, est_price_min, est_price_max,
                                                            lead_time_days, notes)
                values (v1, 'Gas Deep Fryer, 40 lb', 'Cooking', 'Floor fryer, 90,000 BTU, stainless tank', 'MRE-F40', 899.00, 1299.00, 10, null),
                       (v1, 'Walk-in Cooler 8 x 10 ft', 'Refrigeration', 'Prefab panels with a self-contained condensing unit', 'MRE-WIC810',
                        8500.00, 11500.00, 45, 'Site survey first'),
                       (v2, 'High-Temp Door Dish Machine', 'Warewashing', 'Door type, 55 racks an hour, booster heater', 'LKS-DM55', 6200.00,
                        7900.00, 21, null),
                       (v2, 'Ice Machine, 500 lb', 'Refrigeration', 'Air-cooled modular head with bin', 'LKS-IM500', 3100.00, 4200.00, 14, null);
                insert into wholesale.procurement_products (vendor_id, name, category, est_price_min, est_price_max, lead_time_days, active)
                values (v2, 'Charbroiler 36 in (discontinued)', 'Cooking', 1500.00, 2100.00, 30, false);
            end $$;
            """, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
