#!/usr/bin/env python3
"""Writes the labelled sets of bench/quality/data/ (run from anywhere: python3 bench/quality/data/build.py).

Everything here is written by hand: the catalog rows, the queries and, for each query, the written criterion that grades the
products (LABELLING.md states the rules those criteria follow); the match pairs are hand-written listings per product. The
only randomness is the *generated* set (GEN_SEED), whose ground truth is known by construction. The output files are
committed; re-running this script rewrites them identically.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
GEN_SEED = 19

# ---------------------------------------------------------------------------------------------------------------- catalog
# id, name, category, sub_category, brand, color, tags, price, gender, details
rows = []


def add(pid, name, cat, sub, brand, color, tags, price, gender, details):
    rows.append(dict(id=pid, name=name, cat=cat, sub=sub, brand=brand, color=color, tags=tags, price=price, gender=gender, details=details))


# electronics: devices with model numbers, sibling models on purpose, and accessories that name the device they fit
ELECTRONICS = [
    # id, brand, model, noun, sub, price, tags, details
    ("EL-001", "Panasonic", "KX-TGA670B", "DECT 6.0 Cordless Phone Handset", "phones", 39, "cordless,phone,handset,dect", "Expansion handset for the KX-TG6700 series with caller ID and speakerphone."),
    ("EL-002", "Panasonic", "KX-TG6700B", "DECT 6.0 Cordless Phone System with Answering Machine", "phones", 89, "cordless,phone,answering machine", "Base unit with digital answering system and one handset."),
    ("EL-003", "Panasonic", "KX-TGA680B", "DECT 6.0 Cordless Handset with Bluetooth", "phones", 49, "cordless,phone,handset,bluetooth", "Expansion handset with link-to-cell for the KX-TG7800 series."),
    ("EL-004", "Panasonic", "TH-42PZ80U", "42-Inch 1080p Plasma HDTV", "televisions", 899, "tv,plasma,hdtv,1080p", "42 inch full HD plasma television with three HDMI inputs."),
    ("EL-005", "Panasonic", "TH-50PZ80U", "50-Inch 1080p Plasma HDTV", "televisions", 1299, "tv,plasma,hdtv,1080p", "50 inch full HD plasma television with three HDMI inputs."),
    ("EL-006", "Panasonic", "TH-50PX80U", "50-Inch 720p Plasma HDTV", "televisions", 999, "tv,plasma,hdtv,720p", "50 inch HD plasma television, 720p panel."),
    ("EL-007", "Samsung", "PN50A650", "50-Inch 1080p Plasma HDTV", "televisions", 1199, "tv,plasma,hdtv,1080p", "50 inch plasma with 1,000,000:1 dynamic contrast ratio and four HDMI ports."),
    ("EL-008", "Samsung", "PN63A650", "63-Inch 1080p Plasma HDTV", "televisions", 2499, "tv,plasma,hdtv,1080p", "63 inch plasma with 1,000,000:1 dynamic contrast ratio and four HDMI ports."),
    ("EL-009", "Samsung", "LN40A550", "40-Inch 1080p LCD HDTV", "televisions", 799, "tv,lcd,hdtv,1080p", "40 inch LCD television with 50,000:1 dynamic contrast."),
    ("EL-010", "Sony", "KDL-46V4100", "Bravia 46-Inch 1080p LCD HDTV", "televisions", 1399, "tv,lcd,hdtv,1080p,bravia", "Bravia V series 46 inch LCD with 120Hz motionflow."),
    ("EL-011", "Sony", "KDL-40V4100", "Bravia 40-Inch 1080p LCD HDTV", "televisions", 1099, "tv,lcd,hdtv,1080p,bravia", "Bravia V series 40 inch LCD with 120Hz motionflow."),
    ("EL-012", "Garmin", "nuvi 260W", "4.3-Inch Widescreen Portable GPS Navigator", "gps", 179, "gps,navigation,car", "Portable car GPS with preloaded maps of the US and Canada and text-to-speech."),
    ("EL-013", "Garmin", "nuvi 350", "3.5-Inch Portable GPS Navigator", "gps", 149, "gps,navigation,car", "Pocket-size GPS navigator with spoken street names."),
    ("EL-014", "TomTom", "ONE 130", "3.5-Inch Portable GPS Navigator", "gps", 129, "gps,navigation,car", "Compact GPS with IQ routes and advanced lane guidance."),
    ("EL-015", "Logitech", "910-000298", "MX Revolution Cordless Laser Mouse", "mice", 79, "mouse,wireless,laser", "Rechargeable cordless laser mouse with hyper-fast scroll wheel."),
    ("EL-016", "Logitech", "910-001204", "V470 Cordless Laser Mouse for Bluetooth", "mice", 49, "mouse,wireless,bluetooth", "Bluetooth laser mouse for notebooks with tilt wheel."),
    ("EL-017", "Logitech", "920-000914", "diNovo Edge Bluetooth Keyboard", "keyboards", 149, "keyboard,wireless,bluetooth", "Slim rechargeable keyboard with touch-sensitive volume slider."),
    ("EL-018", "Canon", "PowerShot SD1100 IS", "8MP Digital Elph Camera with 3x Optical Zoom", "cameras", 199, "camera,digital,compact", "8 megapixel compact camera with image stabilisation."),
    ("EL-019", "Canon", "PowerShot SD1000", "7.1MP Digital Elph Camera with 3x Optical Zoom", "cameras", 169, "camera,digital,compact", "7.1 megapixel compact camera in a metal body."),
    ("EL-020", "Nikon", "Coolpix S550", "10MP Digital Camera with 5x Optical Zoom", "cameras", 179, "camera,digital,compact", "10 megapixel compact camera with face priority AF."),
    ("EL-021", "Nikon", "D60", "10.2MP Digital SLR Camera Kit with 18-55mm Lens", "cameras", 649, "camera,dslr,kit", "Entry-level DSLR with an 18-55mm VR zoom lens."),
    ("EL-022", "Sony", "DSC-W120", "Cyber-shot 7.2MP Digital Camera", "cameras", 159, "camera,digital,compact", "7.2 megapixel compact with 4x optical zoom and Super SteadyShot."),
    ("EL-023", "Apple", "MB147LL/A", "iPod nano 8GB Silver", "audio", 149, "mp3,ipod,music player", "Third generation iPod nano with 8GB storage."),
    ("EL-024", "SanDisk", "SDMX4-4096-A70", "Sansa e250 4GB MP3 Player", "audio", 89, "mp3,music player", "Flash MP3 player with a microSD slot and FM radio."),
    ("EL-025", "Bose", "40271", "QuietComfort 3 Noise Cancelling Headphones", "audio", 349, "headphones,noise cancelling", "On-ear acoustic noise cancelling headphones with rechargeable battery."),
    ("EL-026", "Sennheiser", "HD 280 Pro", "Closed Studio Monitor Headphones", "audio", 99, "headphones,studio", "Closed-back dynamic headphones with 32 dB ambient noise attenuation."),
    ("EL-027", "Linksys", "WRT54GL", "Wireless-G Broadband Router", "networking", 59, "router,wifi,wireless", "54 Mbps wireless-G router with four-port switch, Linux firmware."),
    ("EL-028", "Linksys", "WRT160N", "Ultra RangePlus Wireless-N Broadband Router", "networking", 79, "router,wifi,wireless-n", "Wireless-N router with MIMO antennas."),
    ("EL-029", "Netgear", "WNR834B", "RangeMax Next Wireless-N Router", "networking", 89, "router,wifi,wireless-n", "Draft 802.11n router with gigabit-class throughput."),
    ("EL-030", "HP", "CB436A", "LaserJet 36A Black Toner Cartridge", "printer supplies", 79, "toner,laserjet,printer", "Black toner for LaserJet P1505 and M1522, about 2,000 pages."),
    ("EL-031", "HP", "CB435A", "LaserJet 35A Black Toner Cartridge", "printer supplies", 69, "toner,laserjet,printer", "Black toner for LaserJet P1005 and P1006, about 1,500 pages."),
    ("EL-032", "HP", "C4844A", "No. 10 Black Ink Cartridge", "printer supplies", 35, "ink,printer,cartridge", "Black ink cartridge for Business Inkjet printers."),
    ("EL-033", "Western Digital", "WDBAAA5000ABK", "My Book Essential 500GB External Hard Drive", "storage", 119, "hard drive,external,usb", "USB 2.0 external drive with backup software."),
    ("EL-034", "Seagate", "ST3500630AS", "Barracuda 7200.10 500GB SATA Hard Drive", "storage", 99, "hard drive,internal,sata", "3.5 inch internal 7200 rpm drive with 16MB cache."),
    ("EL-035", "Kingston", "DTI/4GB", "DataTraveler I 4GB USB Flash Drive", "storage", 19, "usb,flash drive,memory", "Pocket USB 2.0 flash drive with a cap."),
    ("EL-036", "Belkin", "F5D8233-4", "N Wireless Router", "networking", 99, "router,wifi,wireless-n", "Draft-N router with four antennas."),
]
ACCESSORIES = [
    # id, brand, name, sub, price, tags, details, fits (device ids)
    ("AC-001", "Garmin", "Cigarette Lighter Adapter for Garmin nuvi GPS", "gps accessories", 24, "car charger,power adapter,gps,accessory", "12V vehicle power cable for nuvi 200, 260W and 350 series GPS.", ["EL-012", "EL-013"]),
    ("AC-002", "Garmin", "Friction Dash Mount for nuvi GPS", "gps accessories", 29, "mount,dashboard,gps,accessory", "Weighted beanbag dashboard mount for nuvi GPS navigators.", ["EL-012", "EL-013"]),
    ("AC-003", "Case Logic", "GPS Carrying Case for 4.3-Inch Navigators", "gps accessories", 15, "case,gps,accessory", "Padded case fits Garmin nuvi 260W and TomTom ONE series.", ["EL-012", "EL-014"]),
    ("AC-004", "TomTom", "USB Car Charger for TomTom ONE", "gps accessories", 22, "car charger,gps,accessory", "Car charger with USB cable for the TomTom ONE 130.", ["EL-014"]),
    ("AC-005", "Panasonic", "KX-TCA60 Hands-Free Headset", "phone accessories", 14, "headset,phone,accessory", "Over-the-ear headset for Panasonic cordless phones.", ["EL-001", "EL-002", "EL-003"]),
    ("AC-006", "Panasonic", "HHR-P104 Replacement Phone Battery", "phone accessories", 12, "battery,phone,accessory", "3.6V rechargeable battery for Panasonic cordless handsets.", ["EL-001", "EL-002"]),
    ("AC-007", "Monster", "HDMI Cable 8 ft", "tv accessories", 39, "hdmi,cable,tv,accessory", "High-speed HDMI cable for HDTVs and players, 8 ft.", ["EL-004", "EL-005", "EL-007", "EL-009", "EL-010"]),
    ("AC-008", "OmniMount", "Tilting Wall Mount for 37-63 Inch Flat Panel TVs", "tv accessories", 149, "wall mount,tv,accessory", "Low-profile tilting mount for plasma and LCD TVs up to 63 inches.", ["EL-004", "EL-005", "EL-008", "EL-010"]),
    ("AC-009", "Canon", "NB-4L Rechargeable Camera Battery", "camera accessories", 39, "battery,camera,accessory", "Lithium-ion battery for PowerShot SD1100 IS and SD1000.", ["EL-018", "EL-019"]),
    ("AC-010", "Lowepro", "Rezo 30 Compact Camera Case", "camera accessories", 19, "case,camera,accessory", "Padded pouch for compact digital cameras with belt loop.", ["EL-018", "EL-019", "EL-020", "EL-022"]),
    ("AC-011", "SanDisk", "Ultra II 4GB SD Memory Card", "camera accessories", 29, "sd card,memory,camera,accessory", "SD card rated 15 MB/s for digital cameras.", ["EL-018", "EL-020", "EL-021"]),
    ("AC-012", "Nikon", "EN-EL9 Rechargeable Battery for D60", "camera accessories", 45, "battery,camera,dslr,accessory", "Lithium-ion battery for the Nikon D40, D60 and D5000.", ["EL-021"]),
    ("AC-013", "Apple", "iPod nano Armband", "audio accessories", 29, "armband,ipod,running,accessory", "Sport armband for the third generation iPod nano.", ["EL-023"]),
    ("AC-014", "Belkin", "TuneBase FM Transmitter and Car Charger for iPod", "audio accessories", 69, "fm transmitter,car charger,ipod,accessory", "Plays an iPod through a car stereo and charges it from the lighter socket.", ["EL-023"]),
    ("AC-015", "Bose", "QuietComfort 3 Replacement Ear Cushions", "audio accessories", 40, "ear cushions,headphones,accessory", "Replacement ear cushion kit for QuietComfort 3 headphones.", ["EL-025"]),
    ("AC-016", "Logitech", "Wireless Mouse Charging Dock", "computer accessories", 25, "charger,mouse,accessory", "Charging base for rechargeable Logitech mice.", ["EL-015"]),
    ("AC-017", "Fellowes", "Gel Wrist Rest and Mouse Pad", "computer accessories", 15, "mouse pad,wrist rest,accessory", "Gel-filled wrist support with a smooth mouse surface.", ["EL-015", "EL-016"]),
    ("AC-018", "Belkin", "Surge Protector 8 Outlet", "power", 29, "surge protector,power strip", "Eight-outlet surge protector with a 6 ft cord, 2,000 joules.", []),
]

for pid, brand, model, noun, sub, price, tags, details in ELECTRONICS:
    add(pid, f"{brand} {model} {noun}", "electronics", sub, brand, "black", tags, price, "unisex", details)
for pid, brand, name, sub, price, tags, details, _ in ACCESSORIES:
    add(pid, name, "electronics", sub, brand, "black", tags, price, "unisex", details)
FITS = {a[0]: a[7] for a in ACCESSORIES}

# apparel: hand-written items, each in the colours it is sold in
APPAREL = [
    # key, name pattern ({c} = colour word), category, sub, brand, colours, tags, price, gender, details
    ("AP01", "{c} Wool Suit Jacket", "suits", "suit jackets", "Harbor Row", ["navy", "charcoal", "black"], "wool,tailored,formal,office,suit", 295, "mens", "Half-canvassed wool suit jacket with notch lapels, for work and formal events."),
    ("AP02", "{c} Wool Suit Trousers", "suits", "suit trousers", "Harbor Row", ["navy", "charcoal", "black"], "wool,tailored,formal,office,suit", 145, "mens", "Flat-front suit trousers that match the wool suit jacket."),
    ("AP03", "{c} Linen Blazer", "outerwear", "blazers", "Harbor Row", ["navy", "beige", "olive"], "linen,tailored,summer,smart casual", 189, "mens", "Unstructured linen blazer for smart-casual events and summer weddings."),
    ("AP04", "{c} Tailored Blazer", "outerwear", "blazers", "Meridian", ["navy", "black", "burgundy"], "tailored,office,work,polyester blend", 159, "womens", "Single-button fitted blazer for the office."),
    ("AP05", "{c} Oxford Cotton Shirt", "tops", "shirts", "Harbor Row", ["white", "light blue", "pink"], "cotton,office,classic,button-down", 75, "mens", "Button-down collar oxford shirt for the office."),
    ("AP06", "{c} Silk Blouse", "tops", "blouses", "Meridian", ["ivory", "black", "emerald green"], "silk,office,elegant", 129, "womens", "Washable silk blouse with a concealed placket."),
    ("AP07", "{c} Crew Neck T-Shirt", "tops", "t-shirts", "Daybreak", ["white", "black", "heather grey", "navy"], "cotton,casual,basics", 24, "unisex", "Midweight cotton jersey tee with a ribbed collar."),
    ("AP08", "{c} Merino Crewneck Sweater", "knitwear", "sweaters", "Northfold", ["charcoal", "navy", "camel"], "merino,wool,winter,layering", 98, "mens", "Fine-gauge merino wool sweater that layers under a blazer."),
    ("AP09", "{c} Cable-Knit Cardigan", "knitwear", "cardigans", "Northfold", ["cream", "burgundy"], "cotton,cozy,layering", 110, "womens", "Chunky cable-knit cardigan with horn buttons."),
    ("AP10", "{c} Fleece Zip Hoodie", "knitwear", "hoodies", "Field Theory", ["forest green", "grey", "black"], "fleece,cozy,outdoors", 78, "unisex", "Recycled fleece hoodie with a full zip."),
    ("AP11", "{c} Slim Stretch Jeans", "bottoms", "jeans", "Indigo Mill", ["dark indigo", "black"], "denim,stretch,everyday", 98, "mens", "Slim-fit stretch denim in a dark rinse."),
    ("AP12", "{c} Cotton Chinos", "bottoms", "chinos", "Cove & Coast", ["khaki", "navy", "olive"], "cotton,classic,work", 89, "mens", "Midweight cotton chinos with a tailored leg."),
    ("AP13", "{c} Pleated Midi Skirt", "bottoms", "skirts", "Daybreak", ["sage green", "black"], "pleated,office,spring", 79, "womens", "Knife-pleated midi skirt with an elastic waist."),
    ("AP14", "{c} Midi Wrap Dress", "dresses", "midi", "Sand Coast", ["coral", "navy", "emerald green"], "rayon,summer,wedding guest", 119, "womens", "Floaty midi wrap dress in a soft rayon blend, a wedding guest favourite."),
    ("AP15", "{c} Satin Evening Gown", "dresses", "gowns", "Velvet Hour", ["emerald green", "burgundy", "black"], "satin,formal,gala,black tie", 260, "womens", "Floor-length satin gown with a cowl neck for black-tie events."),
    ("AP16", "{c} Linen Maxi Dress", "dresses", "maxi", "Sand Coast", ["terracotta", "white"], "linen,summer,vacation,beach", 135, "womens", "Tiered maxi dress in breathable linen for holidays."),
    ("AP17", "{c} Swim Shorts", "swimwear", "swim shorts", "Lowtide", ["navy", "coral", "turquoise"], "swim,beach,quick-dry,vacation", 45, "mens", "Quick-dry swim shorts with a mesh liner, made for beach holidays."),
    ("AP18", "{c} One-Piece Swimsuit", "swimwear", "swimsuits", "Lowtide", ["black", "red", "turquoise"], "swim,beach,vacation", 65, "womens", "Scoop-back one-piece swimsuit in chlorine-resistant fabric."),
    ("AP19", "{c} Wool Overcoat", "outerwear", "coats", "Northfold", ["camel", "charcoal", "navy"], "wool,winter,tailored", 320, "mens", "Double-faced wool overcoat with a notch lapel."),
    ("AP20", "{c} Waterproof Rain Jacket", "outerwear", "jackets", "Field Theory", ["yellow", "navy", "red"], "waterproof,rain,outdoors", 129, "unisex", "Seam-sealed waterproof shell with a packable hood."),
    ("AP21", "{c} Puffer Jacket", "outerwear", "jackets", "Field Theory", ["black", "olive"], "down,winter,warm,outdoors", 199, "unisex", "Recycled down puffer jacket rated for cold winters."),
    ("AP22", "{c} Leather Chelsea Boots", "shoes", "boots", "Harbor Row", ["black", "brown"], "leather,boots,classic", 210, "mens", "Pull-on Chelsea boots in smooth leather with elastic gores."),
    ("AP23", "{c} Leather Oxford Shoes", "shoes", "dress shoes", "Harbor Row", ["black", "brown"], "leather,formal,office,dress shoes", 180, "mens", "Cap-toe leather oxfords with a Goodyear-welted sole."),
    ("AP24", "{c} Leather Sneakers", "shoes", "sneakers", "Stride Lab", ["white", "black"], "leather,everyday,minimal", 120, "unisex", "Minimal low-top sneakers with a cushioned footbed."),
    ("AP25", "{c} Trail Running Shoes", "shoes", "running", "Stride Lab", ["cobalt blue", "orange"], "running,trail,athletic", 135, "mens", "Grippy outsole and breathable mesh upper for trail runs."),
    ("AP26", "{c} Block Heel Pumps", "shoes", "heels", "Velvet Hour", ["black", "nude", "red"], "heels,formal,office,evening", 115, "womens", "Pointed-toe pumps on a 7 cm block heel."),
    ("AP27", "{c} Straw Sun Hat", "accessories", "hats", "Sand Coast", ["natural beige"], "straw,beach,vacation,sun", 39, "womens", "Wide-brim straw hat with UPF 50 sun protection."),
    ("AP28", "{c} Silk Tie", "accessories", "ties", "Harbor Row", ["navy", "burgundy", "silver grey"], "silk,formal,office,wedding", 59, "mens", "Hand-finished silk tie, 8 cm blade."),
    ("AP29", "{c} Leather Belt", "accessories", "belts", "Harbor Row", ["black", "brown"], "leather,classic,formal", 55, "mens", "Full-grain leather belt with a brushed steel buckle."),
    ("AP30", "{c} Yoga Leggings", "bottoms", "leggings", "Pulse", ["black", "navy", "plum"], "activewear,yoga,stretch,gym", 68, "womens", "High-waisted leggings in a sculpting four-way stretch fabric."),
    ("AP31", "{c} Budget Cotton Tee", "tops", "t-shirts", "Basics Co", ["white", "black", "grey"], "cotton,basics,value", 9, "unisex", "Lightweight cotton tee, an everyday basic at a low price."),
    ("AP32", "{c} Cashmere Crewneck Sweater", "knitwear", "sweaters", "Maison Lune", ["camel", "black", "cream"], "cashmere,luxury,winter", 395, "womens", "Grade-A Mongolian cashmere sweater, a luxury wardrobe piece."),
    ("AP33", "{c} Canvas Tote Bag", "bags", "totes", "Sand Coast", ["natural beige", "navy"], "canvas,everyday,beach", 35, "womens", "Heavy canvas tote with an inside pocket."),
    ("AP34", "{c} Leather Briefcase", "bags", "briefcases", "Harbor Row", ["brown", "black"], "leather,office,work", 275, "mens", "Full-grain leather briefcase that holds a 15 inch laptop."),
]
COLOR_WORD = {"dark indigo": "Indigo", "natural beige": "Natural", "heather grey": "Heather Grey", "silver grey": "Silver Grey"}
for key, pattern, cat, sub, brand, colours, tags, price, gender, details in APPAREL:
    for i, c in enumerate(colours):
        word = COLOR_WORD.get(c, c.title())
        add(f"{key}-{i + 1}", pattern.format(c=word), cat, sub, brand, c, tags, price, gender, details)

# home: kitchen, bedding, decor, with a cheap and a premium version of several items
HOME = [
    ("HM-001", "Stainless Steel French Press 34 oz", "kitchen", "coffee makers", "Brew House", "silver", "coffee,french press,kitchen", 35, "Double-wall insulated French press for eight cups."),
    ("HM-002", "Glass French Press 12 oz", "kitchen", "coffee makers", "Brew House", "clear", "coffee,french press,kitchen", 15, "Small borosilicate glass press for one or two cups."),
    ("HM-003", "Burr Coffee Grinder", "kitchen", "coffee makers", "Brew House", "black", "coffee,grinder,kitchen", 99, "Conical burr grinder with 40 grind settings."),
    ("HM-004", "12-Cup Programmable Coffee Maker", "kitchen", "coffee makers", "Brew House", "black", "coffee,drip,kitchen", 59, "Drip coffee maker with a 24-hour timer and thermal carafe."),
    ("HM-005", "Enameled Cast Iron Dutch Oven 5.5 qt", "kitchen", "cookware", "Maison Lune", "red", "cast iron,cookware,premium", 360, "Heirloom enameled cast iron pot for braising and bread, made in France."),
    ("HM-006", "Cast Iron Dutch Oven 5 qt", "kitchen", "cookware", "Hearth & Co", "black", "cast iron,cookware,value", 45, "Pre-seasoned cast iron Dutch oven at an everyday price."),
    ("HM-007", "Nonstick Frying Pan 10 inch", "kitchen", "cookware", "Hearth & Co", "black", "nonstick,cookware,pan", 25, "PFOA-free nonstick skillet for eggs and pancakes."),
    ("HM-008", "Tri-Ply Stainless Skillet 12 inch", "kitchen", "cookware", "Maison Lune", "silver", "stainless,cookware,pan,premium", 149, "Fully clad tri-ply stainless steel frying pan, oven safe."),
    ("HM-009", "Chef's Knife 8 inch", "kitchen", "knives", "Hearth & Co", "silver", "knife,kitchen,chef", 39, "High-carbon stainless chef's knife with a full tang."),
    ("HM-010", "Damascus Steel Chef's Knife 8 inch", "kitchen", "knives", "Maison Lune", "silver", "knife,kitchen,chef,premium,luxury", 229, "67-layer Damascus steel blade with a walnut handle."),
    ("HM-011", "Bamboo Cutting Board Set", "kitchen", "prep", "Hearth & Co", "natural", "bamboo,cutting board,kitchen", 29, "Three bamboo boards with juice grooves."),
    ("HM-012", "Percale Cotton Sheet Set Queen", "bedding", "sheets", "Linen Lane", "white", "cotton,percale,bedding,queen", 89, "Crisp 300 thread count percale sheets, queen size."),
    ("HM-013", "Washed Linen Duvet Cover King", "bedding", "duvet covers", "Linen Lane", "sage green", "linen,bedding,king", 249, "Stonewashed European linen duvet cover, king size."),
    ("HM-014", "Microfiber Sheet Set Queen", "bedding", "sheets", "Basics Co", "grey", "microfiber,bedding,queen,value", 22, "Soft brushed microfiber sheets at a budget price."),
    ("HM-015", "Egyptian Cotton Sateen Sheet Set King", "bedding", "sheets", "Maison Lune", "ivory", "cotton,sateen,bedding,king,luxury", 299, "1000 thread count Egyptian cotton sateen, a luxury hotel feel."),
    ("HM-016", "Down Alternative Pillow 2-Pack", "bedding", "pillows", "Linen Lane", "white", "pillow,bedding", 49, "Hypoallergenic down alternative pillows, standard size, pack of 2."),
    ("HM-017", "Chunky Knit Throw Blanket", "decor", "throws", "Linen Lane", "cream", "knit,throw,cozy,blanket", 79, "Hand-knit chunky throw for the sofa."),
    ("HM-018", "Velvet Throw Pillow Cover 18x18", "decor", "pillows", "Linen Lane", "emerald green", "velvet,pillow cover,decor", 25, "Velvet cushion cover with a hidden zip, 18 x 18 inch."),
    ("HM-019", "Ceramic Table Lamp", "decor", "lighting", "Hearth & Co", "white", "lamp,lighting,ceramic", 69, "Glazed ceramic lamp with a linen drum shade."),
    ("HM-020", "Soy Wax Scented Candle", "decor", "candles", "Hearth & Co", "cream", "candle,soy,scented,gift", 28, "Cedar and fig scented soy candle, 50 hour burn."),
    ("HM-021", "Wool Area Rug 5x8", "decor", "rugs", "Maison Lune", "navy", "wool,rug,decor", 399, "Hand-tufted wool rug, 5 x 8 ft."),
    ("HM-022", "Cotton Bath Towel Set of 4", "bath", "towels", "Linen Lane", "white", "cotton,towels,bath", 45, "Absorbent 600 gsm cotton bath towels, set of 4."),
    ("HM-023", "Turkish Cotton Beach Towel", "bath", "towels", "Sand Coast", "turquoise", "cotton,towel,beach,vacation", 35, "Lightweight striped Turkish towel for beach holidays."),
    ("HM-024", "Bamboo Bath Mat", "bath", "mats", "Hearth & Co", "natural", "bamboo,bath", 24, "Slatted bamboo bath mat with non-slip feet."),
    ("HM-025", "Stainless Steel Water Bottle 24 oz", "kitchen", "drinkware", "Brew House", "navy", "water bottle,insulated,travel", 32, "Vacuum-insulated bottle keeps drinks cold 24 hours."),
    ("HM-026", "Ceramic Coffee Mug Set of 4", "kitchen", "drinkware", "Hearth & Co", "white", "mug,coffee,ceramic", 34, "Stoneware mugs, 12 oz each, set of 4."),
]
for pid, name, cat, sub, brand, color, tags, price, details in HOME:
    add(pid, name, cat, sub, brand, color, tags, price, "unisex", details)

BY_ID = {r["id"]: r for r in rows}

# ---------------------------------------------------------------------------------------------------------------- judgements
# Each query has a type and a grading function over a product (0-3; LABELLING.md). Only products a function grades above 0 are
# written, plus the query's explicit hard negatives (grade 0, to document them; NDCG treats unjudged products as 0 anyway).
def words(r):
    return f"{r['name']} {r['sub']} {r['tags']}".lower()


def is_sub(r, *subs):
    return r["sub"] in subs


def col(r, *colours):
    return r["color"] in colours


queries = []


def q(text, kind, grade, negatives=()):
    queries.append((text, kind, grade, list(negatives)))


# known item: the full product name (first 12 electronics and 10 apparel/home rows), grade 3 for it, 1 for its siblings of the
# same brand and sub-category (a sibling is a reasonable second result, never the answer)
def known(pid):
    target = BY_ID[pid]

    def g(r):
        if r["id"] == pid:
            return 3
        return 1 if r["brand"] == target["brand"] and r["sub"] == target["sub"] else 0
    return g


for pid in ["EL-001", "EL-004", "EL-007", "EL-010", "EL-012", "EL-015", "EL-018", "EL-021", "EL-025", "EL-027", "EL-030", "EL-033",
            "AP03-1", "AP14-2", "AP22-1", "AP32-1", "HM-005", "HM-013", "HM-001", "HM-021"]:
    q(BY_ID[pid]["name"], "known-item", known(pid))

# model numbers as written and without separators; the sibling model is a hard negative (grade 0)
MODEL_QUERIES = [
    ("kx-tga670b", "EL-001", ["EL-003"]), ("kxtga670b", "EL-001", ["EL-003"]), ("KX TGA670B", "EL-001", ["EL-003"]),
    ("th-42pz80u", "EL-004", ["EL-005"]), ("th42pz80u", "EL-004", ["EL-005"]), ("th-50pz80u", "EL-005", ["EL-006"]),
    ("th50px80u", "EL-006", ["EL-005"]), ("pn63a650", "EL-008", ["EL-007"]), ("pn50a650", "EL-007", ["EL-008"]),
    ("kdl46v4100", "EL-010", ["EL-011"]), ("910-000298", "EL-015", ["EL-016"]), ("910000298", "EL-015", ["EL-016"]),
    ("wrt54gl", "EL-027", ["EL-028"]), ("cb436a", "EL-030", ["EL-031"]), ("CB435A toner", "EL-031", ["EL-030"]),
    ("sd1100 is", "EL-018", ["EL-019"]), ("nuvi 260w", "EL-012", ["EL-013"]), ("dsc w120", "EL-022", []),
]
for text, pid, sibs in MODEL_QUERIES:
    q(text, "model-number", (lambda pid: lambda r: 3 if r["id"] == pid else (1 if pid in FITS.get(r["id"], []) else 0))(pid), sibs)

# accessory queries: accessories that fit grade 3 (2 for a fitting accessory of another kind), the device itself 1
def accessory(kind_words, devices):
    def g(r):
        if r["id"] in FITS:
            fits = any(d in FITS[r["id"]] for d in devices)
            kind = any(w in words(r) for w in kind_words)
            return 3 if fits and kind else 2 if kind and r["sub"].endswith("accessories") else 1 if fits else 0
        return 1 if r["id"] in devices else 0
    return g


q("cigarette lighter adapter for gps", "accessory", accessory(["car charger", "power adapter", "cigarette"], ["EL-012", "EL-013", "EL-014"]), ["EL-012"])
q("car charger for garmin nuvi", "accessory", accessory(["car charger", "power adapter"], ["EL-012", "EL-013"]))
q("battery for canon powershot sd1100", "accessory", accessory(["battery"], ["EL-018"]))
q("wall mount for 50 inch plasma tv", "accessory", accessory(["wall mount"], ["EL-005", "EL-007", "EL-006"]))
q("hdmi cable for samsung tv", "accessory", accessory(["hdmi"], ["EL-007", "EL-008", "EL-009"]))
q("headset for panasonic cordless phone", "accessory", accessory(["headset"], ["EL-001", "EL-002", "EL-003"]))
q("ipod nano armband", "accessory", accessory(["armband"], ["EL-023"]))
q("replacement ear cushions quietcomfort", "accessory", accessory(["ear cushions"], ["EL-025"]))

# colour + item: the item in that colour 3, the item in a near colour 2 (navy ~ dark indigo/midnight), the item in another
# colour 1, another item in that colour 1 only when it is the same family (blazer ~ suit jacket)
NEAR = {"navy": ["dark indigo"], "burgundy": ["plum", "red"], "olive": ["forest green", "sage green"], "camel": ["brown", "natural beige", "beige"],
        "charcoal": ["grey", "black", "heather grey"], "black": ["charcoal"], "white": ["ivory", "cream"], "emerald green": ["forest green"]}


def colour_item(colour, subs, family=()):
    def g(r):
        item = is_sub(r, *subs)
        fam = is_sub(r, *family)
        if item and col(r, colour):
            return 3
        if item and col(r, *NEAR.get(colour, [])):
            return 2
        if fam and col(r, colour):
            return 2
        if item:
            return 1
        return 0
    return g


q("navy blazer", "colour", colour_item("navy", ["blazers"], ["suit jackets"]))
q("black blazer", "colour", colour_item("black", ["blazers"], ["suit jackets"]))
q("burgundy dress", "colour", colour_item("burgundy", ["midi", "gowns", "maxi"]))
q("emerald green gown", "colour", colour_item("emerald green", ["gowns"], ["midi"]))
q("white sneakers", "colour", colour_item("white", ["sneakers"]))
q("charcoal sweater", "colour", colour_item("charcoal", ["sweaters"], ["cardigans"]))
q("camel coat", "colour", colour_item("camel", ["coats"]))
q("olive chinos", "colour", colour_item("olive", ["chinos"], ["jeans"]))
q("brown leather boots", "colour", colour_item("brown", ["boots"], ["dress shoes"]))
q("red swimsuit", "colour", colour_item("red", ["swimsuits"], ["swim shorts"]))
q("navy suit", "colour", colour_item("navy", ["suit jackets", "suit trousers"], ["blazers"]))
q("sage green sheets", "colour", colour_item("sage green", ["sheets", "duvet covers"]))

# price words: relative to the item's own price range in this catalog
def price_band(subs, cheap):
    def g(r):
        if not is_sub(r, *subs):
            return 0
        same = [x["price"] for x in rows if x["sub"] in subs]
        lo, hi = min(same), max(same)
        pos = 0 if hi == lo else (r["price"] - lo) / (hi - lo)
        pos = pos if not cheap else 1 - pos
        return 3 if pos >= 0.75 else 2 if pos >= 0.4 else 1
    return g


q("cheap t-shirt", "price", price_band(["t-shirts"], True))
q("affordable dutch oven", "price", price_band(["cookware"], True))
q("cheap sheets", "price", price_band(["sheets"], True))
q("premium chef knife", "price", price_band(["knives"], False))
q("luxury sweater", "price", price_band(["sweaters"], False))
q("premium sheets", "price", price_band(["sheets"], False))
q("cheap gps", "price", price_band(["gps"], True))
q("budget french press", "price", price_band(["coffee makers"], True))

# occasions: fitting products by a written list of sub-categories per occasion (3 core, 2 completing the outfit)
def occasion(core, extra, gender=None):
    def g(r):
        if gender and r["gender"] not in (gender, "unisex"):
            return 0
        return 3 if is_sub(r, *core) else 2 if is_sub(r, *extra) else 0
    return g


q("something to wear to a job interview", "occasion", occasion(["suit jackets", "suit trousers", "blazers"], ["shirts", "blouses", "dress shoes", "ties", "heels", "briefcases"]), ["AP07-1", "AP31-1"])
q("job interview outfit", "occasion", occasion(["suit jackets", "suit trousers", "blazers"], ["shirts", "blouses", "dress shoes", "ties", "heels"]))
q("wedding guest dress", "occasion", occasion(["midi"], ["gowns", "heels"]))
q("black tie gala", "occasion", occasion(["gowns"], ["suit jackets", "ties", "heels"]))
q("beach holiday", "occasion", occasion(["swim shorts", "swimsuits"], ["hats", "maxi", "totes", "towels"]))
q("rainy day outdoors", "occasion", occasion(["jackets"], ["boots", "hoodies"]))
q("cold winter walk", "occasion", occasion(["coats"], ["sweaters", "jackets", "boots"]))
q("gym workout", "occasion", occasion(["leggings", "running"], ["t-shirts", "hoodies"]))
q("gift for coffee lover", "occasion", occasion(["coffee makers"], ["drinkware"]))
q("cozy night in", "occasion", occasion(["throws"], ["candles", "cardigans", "hoodies"]))

# misspellings of a known item or category
q("blazr navy", "misspelling", colour_item("navy", ["blazers"], ["suit jackets"]))
q("cashmire sweater", "misspelling", lambda r: 3 if "Cashmere" in r["name"] else (1 if is_sub(r, "sweaters") else 0))
q("panasonik cordless phone", "misspelling", lambda r: 3 if r["sub"] == "phones" and r["brand"] == "Panasonic" else (1 if r["id"] in ("AC-005", "AC-006") else 0))
q("hedphones noise canceling", "misspelling", lambda r: 3 if r["id"] == "EL-025" else (2 if "headphones" in r["tags"] and r["sub"] == "audio" else 0))
q("chelsae boots", "misspelling", lambda r: 3 if "Chelsea" in r["name"] else 0)
q("duvet cover linnen", "misspelling", lambda r: 3 if r["id"] == "HM-013" else (1 if r["sub"] == "sheets" else 0))

# nonsense: nothing in the catalog fits; the right answer is an empty page
NONSENSE = ["xqzv blorft", "quantum hamster lasagna", "asdfghjkl", "zzzz 9999 qqq", "purple elephant tractor engine", "lorem ipsum dolor"]
for text in NONSENSE:
    q(text, "nonsense", lambda r: 0)

# ---------------------------------------------------------------------------------------------------------------- matching
# own product / competitor listing / label (1 = the same product). Positives rewrite the listing the way other shops do (case,
# hyphens, word order, extra marketing words); hard negatives: sibling model, same model number under another brand, a spec
# number that looks like an identifier, another pack size, another colour or size.
pairs = []


def pair(kind, own, comp, label):
    pairs.append((kind, own, comp, label))


def unhyphen(model):
    return model.replace("-", "").replace("/", "")


for pid, brand, model, noun, sub, price, tags, details in ELECTRONICS:
    own = f"{brand} {model} {noun}"
    pair("same-model", own, f"{brand.upper()} {unhyphen(model)} {noun.replace('-Inch', ' inch')}", 1)
    pair("same-model", own, f"{noun} - {brand} {model.lower()}", 1)
    pair("same-model", own, f"New {brand} {model} {sub.rstrip('s').title()} (Retail Packaging)", 1)
    pair("other-brand", own, f"{'Sony' if brand != 'Sony' else 'Samsung'} {model} {noun}", 0)
# sibling models: each listed both ways
SIBLINGS = [("EL-001", "EL-003"), ("EL-004", "EL-005"), ("EL-005", "EL-006"), ("EL-007", "EL-008"), ("EL-010", "EL-011"), ("EL-012", "EL-013"),
            ("EL-015", "EL-016"), ("EL-018", "EL-019"), ("EL-027", "EL-028"), ("EL-030", "EL-031"), ("EL-002", "EL-001"), ("EL-009", "EL-007")]
for a, b in SIBLINGS:
    pair("sibling-model", BY_ID[a]["name"], BY_ID[b]["name"], 0)
    pair("sibling-model", BY_ID[b]["name"], BY_ID[a]["name"].replace("-", ""), 0)
# spec numbers that look like identifiers: the same spec on another product
SPEC = [("EL-007", "Vizio 50-Inch 1,000,000:1 Contrast Plasma HDTV VP50"), ("EL-034", "Hitachi Deskstar 500GB 7200 RPM SATA Hard Drive"),
        ("EL-033", "Maxtor OneTouch 4 500GB External USB Hard Drive"), ("EL-018", "Casio Exilim 8MP 3x Optical Zoom Digital Camera EX-Z80"),
        ("EL-012", "Magellan Maestro 4.3-Inch Portable GPS 4250"), ("EL-027", "D-Link 54 Mbps Wireless-G Router DI-524"),
        ("AC-007", "Belkin HDMI Cable 8 ft Gold"), ("HM-001", "Bodum Chambord French Press 34 oz"), ("HM-021", "Safavieh Wool Area Rug 5x8")]
for pid, comp in SPEC:
    pair("spec-number", BY_ID[pid]["name"], comp, 0)
# accessories: the accessory is not the device
for aid, _, name, *_rest in ACCESSORIES:
    for d in FITS[aid][:1]:
        pair("accessory-vs-device", name, BY_ID[d]["name"], 0)
    pair("same-model", name, name.replace(" for ", " - compatible with ") + " (OEM)", 1)
# pack sizes and multi-packs
PACKS = [("HM-016", "Down Alternative Pillow Single", 0), ("HM-016", "Linen Lane Down Alternative Pillows, Set of 2", 1),
         ("HM-022", "Linen Lane Cotton Bath Towel Set of 6", 0), ("HM-022", "Linen Lane 4-Piece Cotton Bath Towel Set", 1),
         ("HM-026", "Hearth & Co Ceramic Coffee Mug Set of 2", 0), ("HM-026", "Hearth & Co Stoneware Coffee Mugs 4-Pack", 1),
         ("EL-035", "Kingston DataTraveler I 4GB USB Flash Drive 2-Pack", 0), ("EL-035", "Kingston DTI 4GB DataTraveler USB Drive", 1),
         ("EL-032", "HP 10 Black Ink Cartridge Twin Pack", 0), ("EL-032", "HP C4844A #10 Black Inkjet Cartridge", 1),
         ("AC-006", "Panasonic HHR-P104 Phone Battery 2 Pack", 0), ("AC-006", "Panasonic HHRP104 Cordless Phone Rechargeable Battery", 1)]
for pid, comp, label in PACKS:
    pair("pack-size", BY_ID[pid]["name"], comp, label)
# home and apparel: same item, other colour or size, other brand
for pid, name, cat, sub, brand, color, tags, price, details in HOME:
    pair("same-item", name, f"{brand} {name}", 1)
    pair("same-item", name, f"{name.lower()} by {brand.lower()}", 1)
for key, pattern, cat, sub, brand, colours, tags, price, gender, details in APPAREL:
    words_ = [COLOR_WORD.get(c, c.title()) for c in colours]
    own = pattern.format(c=words_[0])
    pair("same-item", own, f"{brand} {own}", 1)
    pair("same-item", own, f"{pattern.format(c='').strip()} - {words_[0]} | {brand}", 1)
    if len(words_) > 1:
        pair("other-colour", own, f"{brand} {pattern.format(c=words_[1])}", 0)
    pair("other-brand", own, f"{'Northfold' if brand != 'Northfold' else 'Harbor Row'} {own}", 0)
# home: other size of the same item
SIZES = [("HM-012", "Linen Lane Percale Cotton Sheet Set King"), ("HM-014", "Basics Co Microfiber Sheet Set Twin"),
         ("HM-001", "Brew House Stainless Steel French Press 17 oz"), ("HM-007", "Hearth & Co Nonstick Frying Pan 12 inch"),
         ("HM-008", "Maison Lune Tri-Ply Stainless Skillet 10 inch"), ("HM-009", "Hearth & Co Chef's Knife 6 inch"),
         ("HM-025", "Brew House Stainless Steel Water Bottle 32 oz"), ("HM-021", "Maison Lune Wool Area Rug 8x10"),
         ("HM-013", "Linen Lane Washed Linen Duvet Cover Queen"), ("HM-006", "Hearth & Co Cast Iron Dutch Oven 7 qt")]
for pid, comp in SIZES:
    pair("other-size", BY_ID[pid]["name"], comp, 0)


# ---------------------------------------------------------------------------------------------------------------- generated set
def generated():
    """A seeded synthetic catalog with known ground truth: every product has a unique model code; its queries are its full
    name (known item) and its code without separators; grade 3 for the product, nothing else is judged."""
    rnd = random.Random(GEN_SEED)
    brands = ["Altora", "Brixon", "Corvell", "Dantec", "Evalux", "Fennick", "Gorvan", "Halcyon"]
    kinds = [("Bluetooth Speaker", "audio"), ("Wireless Earbuds", "audio"), ("Smart Watch", "wearables"), ("Action Camera", "cameras"),
             ("USB-C Hub", "computer accessories"), ("Mechanical Keyboard", "keyboards"), ("Portable Charger", "power"), ("Desk Lamp", "lighting"),
             ("Air Purifier", "home appliances"), ("Electric Kettle", "kitchen appliances")]
    adjectives = ["Compact", "Pro", "Ultra", "Mini", "Max", "Lite", "Plus", "Air"]
    colours = ["black", "white", "silver", "navy", "red", "green"]
    products, judgements = [], []
    codes = set()
    for i in range(200):
        brand = rnd.choice(brands)
        noun, sub = rnd.choice(kinds)
        while True:
            code = f"{brand[:2].upper()}-{rnd.randint(100, 999)}{rnd.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"
            if code not in codes:
                codes.add(code)
                break
        colour = rnd.choice(colours)
        name = f"{brand} {rnd.choice(adjectives)} {noun} {code}"
        pid = f"GEN-{i + 1:03d}"
        products.append(dict(id=pid, name=name, cat="electronics", sub=sub, brand=brand, color=colour, tags=f"{noun.lower()},{sub}",
                             price=rnd.randint(15, 300), gender="unisex", details=f"{colour.title()} {noun.lower()} by {brand}, model {code}."))
        if i % 2 == 0:
            judgements.append((name, "gen-known-item", pid, 3))
        if i % 4 == 1:
            judgements.append((code.replace("-", "").lower(), "gen-model-number", pid, 3))
    return products, judgements


# ---------------------------------------------------------------------------------------------------------------- write
def write_catalog(path, items):
    with open(path, "w") as f:
        f.write("id\tname\tcategory\tsub_category\tbrand\tcolor\ttags\tprice\tgender\tdetails\n")
        for r in items:
            f.write("\t".join(str(r[k]) for k in ["id", "name", "cat", "sub", "brand", "color", "tags", "price", "gender", "details"]) + "\n")


def main():
    write_catalog(os.path.join(HERE, "catalog.tsv"), rows)
    n = 0
    with open(os.path.join(HERE, "search-judgements.tsv"), "w") as f:
        f.write("query\ttype\tproduct_id\tgrade\n")
        for text, kind, grade, negatives in queries:
            judged = [(r["id"], grade(r)) for r in rows]
            judged = [(i, g) for i, g in judged if g > 0] + [(i, 0) for i in negatives]
            if not judged:
                judged = [("-", 0)]
            for pid, g in judged:
                f.write(f"{text}\t{kind}\t{pid}\t{g}\n")
                n += pid != "-"
    gen_products, gen_judgements = generated()
    write_catalog(os.path.join(HERE, "generated-catalog.tsv"), gen_products)
    with open(os.path.join(HERE, "generated-judgements.tsv"), "w") as f:
        f.write(f"# generated by build.py with seed {GEN_SEED}; ground truth by construction\nquery\ttype\tproduct_id\tgrade\n")
        for text, kind, pid, g in gen_judgements:
            f.write(f"{text}\t{kind}\t{pid}\t{g}\n")
    # split for tuning thresholds: every third pair (by position) is train, the rest test
    with open(os.path.join(HERE, "match-pairs.tsv"), "w") as f:
        f.write("id\tkind\town\tcompetitor\tlabel\tsplit\n")
        for i, (kind, own, comp, label) in enumerate(pairs):
            f.write(f"P{i + 1:04d}\t{kind}\t{own}\t{comp}\t{label}\t{'train' if i % 3 == 0 else 'test'}\n")
    print(f"catalog {len(rows)} products; {len(queries)} queries, {n} judgements; generated {len(gen_products)} products, "
          f"{len(gen_judgements)} queries (seed {GEN_SEED}); {len(pairs)} match pairs ({sum(p[3] for p in pairs)} matches)")


if __name__ == "__main__":
    main()
