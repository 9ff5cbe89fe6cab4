"""About 200 countries: where members live, which Faker locale names them, their big cities.

`weight` is a rough "professionals on the network, in millions" figure: a few countries
are huge, most are a long tail. The seeder raises it to the recipe's skew exponent, so
a recipe can flatten or sharpen the spread without editing this table.

`locales` says which Faker locales give names that fit the country, with shares. Faker
has person data for about 80 locales; a country without its own borrows the closest
one by language and region (francophone Africa from fr_FR, Spanish-speaking America
from es_MX / es_CO / es_AR / es_CL, the Gulf from ar_SA, the Maghreb from fr_DZ/ar_DZ,
southern Africa from zu_ZA ...). Countries with several communities list several.

`cities` are written in English and ordered roughly by size; the first ones get most
members. Keeping them hand-written (rather than Faker's invented "Lake Michelleton")
is what lets a member's city agree with their country.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Country:
    name: str  # English short name, as shown and searched
    code: str  # ISO 3166-1 alpha-2
    weight: float  # population-like size of its professional network
    locales: tuple[tuple[str, float], ...]  # (Faker locale, share)
    cities: tuple[str, ...]  # biggest first

    @property
    def main_locale(self) -> str:
        return self.locales[0][0]


def _country(name: str, code: str, weight: float, locales: str, cities: str) -> Country:
    """Build a row from compact text: locales "en_US:90 es_MX:10", cities "A, B, C"."""
    parsed = []
    for part in locales.split():
        locale, _, share = part.partition(":")
        parsed.append((locale, float(share or 100)))
    return Country(name, code, weight, tuple(parsed), tuple(c.strip() for c in cities.split(",")))


C = _country

# fmt: off
COUNTRIES: tuple[Country, ...] = (
    # North America
    C("United States", "US", 200, "en_US:90 es_MX:10",
      "New York, Los Angeles, Chicago, San Francisco, Houston, Seattle, Boston, Atlanta, "
      "Dallas, Austin, Washington, Denver, Miami, Philadelphia, San Diego, Phoenix, Minneapolis"),
    C("Canada", "CA", 22, "en_US:75 fr_CA:25",
      "Toronto, Montreal, Vancouver, Calgary, Ottawa, Edmonton, Quebec City, Winnipeg, Halifax"),
    C("Mexico", "MX", 22, "es_MX",
      "Mexico City, Guadalajara, Monterrey, Puebla, Querétaro, Tijuana, León, Mérida"),
    # Central America and the Caribbean
    C("Guatemala", "GT", 1.5, "es_MX", "Guatemala City, Quetzaltenango"),
    C("Honduras", "HN", 0.8, "es_MX", "Tegucigalpa, San Pedro Sula"),
    C("El Salvador", "SV", 0.8, "es_MX", "San Salvador, Santa Ana"),
    C("Nicaragua", "NI", 0.5, "es_MX", "Managua, Granada"),
    C("Costa Rica", "CR", 1.2, "es_MX", "San José, Heredia, Alajuela"),
    C("Panama", "PA", 1.0, "es_CO", "Panama City, Colón"),
    C("Cuba", "CU", 0.3, "es_MX", "Havana, Santiago de Cuba"),
    C("Dominican Republic", "DO", 2.0, "es_MX", "Santo Domingo, Santiago de los Caballeros"),
    C("Puerto Rico", "PR", 0.8, "es_MX", "San Juan, Bayamón, Ponce"),
    C("Haiti", "HT", 0.2, "fr_FR", "Port-au-Prince, Cap-Haïtien"),
    C("Jamaica", "JM", 0.6, "en_GB", "Kingston, Montego Bay"),
    C("Trinidad and Tobago", "TT", 0.5, "en_GB", "Port of Spain, San Fernando"),
    C("Bahamas", "BS", 0.1, "en_US", "Nassau"),
    C("Barbados", "BB", 0.1, "en_GB", "Bridgetown"),
    C("Belize", "BZ", 0.05, "en_GB", "Belize City, Belmopan"),
    C("Saint Lucia", "LC", 0.03, "en_GB", "Castries"),
    C("Grenada", "GD", 0.02, "en_GB", "St. George's"),
    C("Saint Vincent and the Grenadines", "VC", 0.02, "en_GB", "Kingstown"),
    C("Antigua and Barbuda", "AG", 0.02, "en_GB", "St. John's"),
    C("Dominica", "DM", 0.01, "en_GB", "Roseau"),
    C("Saint Kitts and Nevis", "KN", 0.01, "en_GB", "Basseterre"),
    C("Bermuda", "BM", 0.02, "en_GB", "Hamilton"),
    C("Cayman Islands", "KY", 0.02, "en_GB", "George Town"),
    C("Curaçao", "CW", 0.05, "nl_NL", "Willemstad"),
    C("Aruba", "AW", 0.03, "nl_NL", "Oranjestad"),
    C("Martinique", "MQ", 0.05, "fr_FR", "Fort-de-France"),
    C("Guadeloupe", "GP", 0.05, "fr_FR", "Pointe-à-Pitre, Basse-Terre"),
    # South America
    C("Brazil", "BR", 65, "pt_BR",
      "São Paulo, Rio de Janeiro, Belo Horizonte, Brasília, Curitiba, Porto Alegre, Recife, "
      "Salvador, Fortaleza, Campinas, Florianópolis"),
    C("Argentina", "AR", 11, "es_AR", "Buenos Aires, Córdoba, Rosario, Mendoza, La Plata"),
    C("Colombia", "CO", 13, "es_CO", "Bogotá, Medellín, Cali, Barranquilla, Bucaramanga"),
    C("Peru", "PE", 8, "es_CL:50 es_MX:50", "Lima, Arequipa, Trujillo, Cusco"),
    C("Chile", "CL", 7, "es_CL", "Santiago, Valparaíso, Concepción, Antofagasta"),
    C("Venezuela", "VE", 3.5, "es_CO", "Caracas, Maracaibo, Valencia, Barquisimeto"),
    C("Ecuador", "EC", 3, "es_CO", "Quito, Guayaquil, Cuenca"),
    C("Bolivia", "BO", 1, "es_CL", "La Paz, Santa Cruz de la Sierra, Cochabamba"),
    C("Paraguay", "PY", 0.8, "es_AR", "Asunción, Ciudad del Este"),
    C("Uruguay", "UY", 1, "es_AR", "Montevideo, Punta del Este"),
    C("Guyana", "GY", 0.05, "en_GB", "Georgetown"),
    C("Suriname", "SR", 0.05, "nl_NL", "Paramaribo"),
    # Western Europe
    C("United Kingdom", "GB", 40, "en_GB",
      "London, Manchester, Birmingham, Edinburgh, Glasgow, Leeds, Bristol, Liverpool, "
      "Cambridge, Oxford, Belfast, Cardiff"),
    C("Ireland", "IE", 2.5, "en_IE:80 ga_IE:20", "Dublin, Cork, Galway, Limerick"),
    C("France", "FR", 28, "fr_FR",
      "Paris, Lyon, Marseille, Toulouse, Lille, Bordeaux, Nantes, Nice, Strasbourg, "
      "Montpellier, Rennes"),
    C("Germany", "DE", 20, "de_DE",
      "Berlin, Munich, Hamburg, Frankfurt, Cologne, Stuttgart, Düsseldorf, Leipzig, Dresden, "
      "Hanover, Nuremberg"),
    C("Italy", "IT", 18, "it_IT",
      "Milan, Rome, Turin, Naples, Bologna, Florence, Genoa, Padua, Bari, Palermo, Verona"),
    C("Spain", "ES", 17, "es_ES",
      "Madrid, Barcelona, Valencia, Seville, Bilbao, Málaga, Zaragoza"),
    C("Portugal", "PT", 4, "pt_PT", "Lisbon, Porto, Braga, Coimbra"),
    C("Netherlands", "NL", 10, "nl_NL",
      "Amsterdam, Rotterdam, The Hague, Utrecht, Eindhoven, Groningen"),
    C("Belgium", "BE", 4.5, "nl_BE:60 fr_BE:40", "Brussels, Antwerp, Ghent, Liège, Leuven"),
    C("Luxembourg", "LU", 0.4, "de_LU:50 fr_FR:50", "Luxembourg, Esch-sur-Alzette"),
    C("Switzerland", "CH", 4, "de_CH:65 fr_CH:25 it_IT:10",
      "Zurich, Geneva, Basel, Lausanne, Bern, Lugano"),
    C("Austria", "AT", 2, "de_AT", "Vienna, Graz, Linz, Salzburg, Innsbruck"),
    C("Liechtenstein", "LI", 0.03, "de_LI", "Vaduz"),
    C("Monaco", "MC", 0.03, "fr_FR", "Monaco"),
    C("Andorra", "AD", 0.03, "es_ES", "Andorra la Vella"),
    C("San Marino", "SM", 0.01, "it_IT", "San Marino"),
    C("Malta", "MT", 0.2, "it_IT:60 en_GB:40", "Valletta, Birkirkara, Sliema"),
    C("Jersey", "JE", 0.05, "en_GB", "Saint Helier"),
    C("Isle of Man", "IM", 0.03, "en_GB", "Douglas"),
    C("Gibraltar", "GI", 0.02, "en_GB", "Gibraltar"),
    # Northern Europe
    C("Denmark", "DK", 2.5, "da_DK", "Copenhagen, Aarhus, Odense, Aalborg"),
    C("Sweden", "SE", 4.5, "sv_SE", "Stockholm, Gothenburg, Malmö, Uppsala"),
    C("Norway", "NO", 2.5, "no_NO", "Oslo, Bergen, Trondheim, Stavanger"),
    C("Finland", "FI", 1.5, "fi_FI", "Helsinki, Espoo, Tampere, Turku, Oulu"),
    C("Iceland", "IS", 0.15, "is_IS", "Reykjavík, Kópavogur"),
    C("Faroe Islands", "FO", 0.01, "da_DK", "Tórshavn"),
    C("Greenland", "GL", 0.01, "da_DK", "Nuuk"),
    C("Estonia", "EE", 0.4, "et_EE", "Tallinn, Tartu"),
    C("Latvia", "LV", 0.4, "lv_LV", "Riga, Daugavpils"),
    C("Lithuania", "LT", 0.6, "lt_LT", "Vilnius, Kaunas, Klaipėda"),
    # Central and Eastern Europe
    C("Poland", "PL", 6, "pl_PL",
      "Warsaw, Kraków, Wrocław, Poznań, Gdańsk, Łódź, Katowice"),
    C("Czechia", "CZ", 2, "cs_CZ", "Prague, Brno, Ostrava, Plzeň"),
    C("Slovakia", "SK", 1, "sk_SK", "Bratislava, Košice, Žilina"),
    C("Hungary", "HU", 1.5, "hu_HU", "Budapest, Debrecen, Szeged"),
    C("Romania", "RO", 3.5, "ro_RO", "Bucharest, Cluj-Napoca, Timișoara, Iași, Brașov"),
    C("Moldova", "MD", 0.3, "ro_RO", "Chișinău, Bălți"),
    C("Bulgaria", "BG", 1.2, "bg_BG", "Sofia, Plovdiv, Varna"),
    C("Greece", "GR", 2, "el_GR", "Athens, Thessaloniki, Patras, Heraklion"),
    C("Cyprus", "CY", 0.4, "el_GR", "Nicosia, Limassol, Larnaca"),
    C("Slovenia", "SI", 0.5, "sl_SI", "Ljubljana, Maribor"),
    C("Croatia", "HR", 1, "hr_HR", "Zagreb, Split, Rijeka"),
    C("Bosnia and Herzegovina", "BA", 0.5, "hr_HR", "Sarajevo, Banja Luka, Mostar"),
    # Faker has no Serbian or Montenegrin person data; Croatian names are the closest.
    C("Serbia", "RS", 1.5, "hr_HR", "Belgrade, Novi Sad, Niš"),
    C("Montenegro", "ME", 0.1, "hr_HR", "Podgorica"),
    C("North Macedonia", "MK", 0.4, "mk_MK", "Skopje, Bitola"),
    # Faker has no Albanian person data; Italian is the neighbouring fallback.
    C("Albania", "AL", 0.5, "it_IT", "Tirana, Durrës"),
    C("Kosovo", "XK", 0.15, "it_IT", "Pristina"),
    C("Ukraine", "UA", 4.5, "uk_UA", "Kyiv, Kharkiv, Lviv, Odesa, Dnipro"),
    C("Belarus", "BY", 0.6, "ru_RU", "Minsk, Gomel"),
    C("Russia", "RU", 6, "ru_RU",
      "Moscow, Saint Petersburg, Novosibirsk, Yekaterinburg, Kazan, Nizhny Novgorod"),
    C("Georgia", "GE", 0.5, "ka_GE", "Tbilisi, Batumi"),
    C("Armenia", "AM", 0.5, "hy_AM", "Yerevan, Gyumri"),
    C("Azerbaijan", "AZ", 0.6, "az_AZ", "Baku, Ganja"),
    C("Turkey", "TR", 15, "tr_TR", "Istanbul, Ankara, Izmir, Bursa, Antalya"),
    # Middle East
    C("Israel", "IL", 2.5, "he_IL", "Tel Aviv, Jerusalem, Haifa, Herzliya"),
    C("Palestine", "PS", 0.3, "ar_PS", "Ramallah, Gaza, Nablus"),
    C("Jordan", "JO", 1.2, "ar_PS:50 ar_AA:50", "Amman, Irbid, Zarqa"),
    C("Lebanon", "LB", 0.8, "ar_AA", "Beirut, Tripoli, Sidon"),
    C("Syria", "SY", 0.4, "ar_AA", "Damascus, Aleppo"),
    C("Iraq", "IQ", 1, "ar_AA", "Baghdad, Erbil, Basra"),
    C("Saudi Arabia", "SA", 7, "ar_SA", "Riyadh, Jeddah, Dammam, Khobar, Mecca"),
    C("United Arab Emirates", "AE", 7, "ar_SA:50 en_IN:30 en_PK:10 en_GB:10",
      "Dubai, Abu Dhabi, Sharjah"),
    C("Qatar", "QA", 1.5, "ar_SA:60 en_IN:40", "Doha"),
    C("Kuwait", "KW", 1, "ar_SA", "Kuwait City"),
    C("Bahrain", "BH", 0.4, "ar_SA", "Manama"),
    C("Oman", "OM", 0.7, "ar_SA", "Muscat, Salalah"),
    C("Yemen", "YE", 0.3, "ar_SA", "Sanaa, Aden"),
    C("Iran", "IR", 2, "fa_IR", "Tehran, Isfahan, Mashhad, Shiraz, Tabriz"),
    C("Afghanistan", "AF", 0.4, "fa_IR", "Kabul, Herat, Mazar-i-Sharif"),
    # North Africa
    C("Egypt", "EG", 8, "ar_AA", "Cairo, Alexandria, Giza"),
    C("Libya", "LY", 0.3, "ar_AA", "Tripoli, Benghazi"),
    C("Tunisia", "TN", 1.5, "fr_DZ:60 ar_DZ:40", "Tunis, Sfax, Sousse"),
    C("Algeria", "DZ", 3, "fr_DZ:60 ar_DZ:40", "Algiers, Oran, Constantine"),
    C("Morocco", "MA", 4, "fr_DZ:60 ar_DZ:40", "Casablanca, Rabat, Marrakesh, Tangier, Fez"),
    C("Sudan", "SD", 0.3, "ar_AA", "Khartoum, Omdurman"),
    C("Mauritania", "MR", 0.05, "ar_AA:60 fr_FR:40", "Nouakchott"),
    # West Africa
    C("Nigeria", "NG", 12, "yo_NG:30 en_NG:25 ig_NG:25 ha_NG:20",
      "Lagos, Abuja, Port Harcourt, Ibadan, Kano"),
    C("Ghana", "GH", 2, "tw_GH", "Accra, Kumasi, Tema"),
    C("Senegal", "SN", 0.8, "fr_FR", "Dakar, Thiès"),
    C("Côte d'Ivoire", "CI", 1, "fr_FR", "Abidjan, Yamoussoukro"),
    C("Mali", "ML", 0.2, "fr_FR", "Bamako"),
    C("Burkina Faso", "BF", 0.2, "fr_FR", "Ouagadougou"),
    C("Niger", "NE", 0.1, "ha_NG:60 fr_FR:40", "Niamey"),
    C("Guinea", "GN", 0.2, "fr_FR", "Conakry"),
    C("Benin", "BJ", 0.3, "fr_FR:60 yo_NG:40", "Cotonou, Porto-Novo"),
    C("Togo", "TG", 0.2, "fr_FR", "Lomé"),
    C("Sierra Leone", "SL", 0.1, "en_NG", "Freetown"),
    C("Liberia", "LR", 0.1, "en_NG", "Monrovia"),
    C("Gambia", "GM", 0.05, "en_NG", "Banjul"),
    C("Cape Verde", "CV", 0.05, "pt_PT", "Praia"),
    C("Guinea-Bissau", "GW", 0.01, "pt_PT", "Bissau"),
    # Central Africa
    C("Cameroon", "CM", 0.9, "fr_FR:70 en_NG:30", "Douala, Yaoundé"),
    C("Chad", "TD", 0.05, "fr_FR:50 ar_AA:50", "N'Djamena"),
    C("Gabon", "GA", 0.1, "fr_FR", "Libreville"),
    C("Republic of the Congo", "CG", 0.1, "fr_FR", "Brazzaville, Pointe-Noire"),
    C("DR Congo", "CD", 0.5, "fr_FR", "Kinshasa, Lubumbashi"),
    C("Central African Republic", "CF", 0.02, "fr_FR", "Bangui"),
    C("Equatorial Guinea", "GQ", 0.02, "es_ES", "Malabo"),
    C("São Tomé and Príncipe", "ST", 0.01, "pt_PT", "São Tomé"),
    # East Africa
    C("Kenya", "KE", 4, "en_KE:70 sw:30", "Nairobi, Mombasa, Kisumu, Nakuru"),
    C("Tanzania", "TZ", 1, "sw", "Dar es Salaam, Dodoma, Arusha"),
    C("Uganda", "UG", 1, "en_KE:50 sw:50", "Kampala, Entebbe"),
    C("Rwanda", "RW", 0.3, "en_KE", "Kigali"),
    C("Burundi", "BI", 0.05, "fr_FR", "Bujumbura, Gitega"),
    C("Ethiopia", "ET", 1, "en_KE", "Addis Ababa, Dire Dawa"),
    C("Somalia", "SO", 0.1, "ar_AA", "Mogadishu"),
    C("Djibouti", "DJ", 0.03, "fr_FR", "Djibouti"),
    C("Eritrea", "ER", 0.02, "en_KE", "Asmara"),
    C("South Sudan", "SS", 0.05, "en_KE", "Juba"),
    C("Madagascar", "MG", 0.3, "fr_FR", "Antananarivo"),
    C("Mauritius", "MU", 0.3, "fr_FR:50 en_IN:50", "Port Louis"),
    C("Seychelles", "SC", 0.03, "fr_FR", "Victoria"),
    C("Comoros", "KM", 0.01, "fr_FR", "Moroni"),
    C("Réunion", "RE", 0.1, "fr_FR", "Saint-Denis"),
    # Southern Africa
    C("South Africa", "ZA", 11, "zu_ZA:55 en_GB:45",
      "Johannesburg, Cape Town, Durban, Pretoria, Port Elizabeth"),
    C("Zimbabwe", "ZW", 0.7, "zu_ZA:60 en_GB:40", "Harare, Bulawayo"),
    C("Zambia", "ZM", 0.6, "zu_ZA:50 en_KE:50", "Lusaka, Kitwe, Ndola"),
    C("Botswana", "BW", 0.4, "zu_ZA", "Gaborone, Francistown"),
    C("Namibia", "NA", 0.3, "zu_ZA:60 en_GB:40", "Windhoek"),
    C("Lesotho", "LS", 0.05, "zu_ZA", "Maseru"),
    C("Eswatini", "SZ", 0.05, "zu_ZA", "Mbabane, Manzini"),
    C("Malawi", "MW", 0.2, "zu_ZA:50 en_KE:50", "Lilongwe, Blantyre"),
    C("Mozambique", "MZ", 0.4, "pt_PT", "Maputo, Beira"),
    C("Angola", "AO", 0.8, "pt_PT", "Luanda, Huambo"),
    # South Asia
    C("India", "IN", 100, "en_IN:85 hi_IN:5 ta_IN:5 gu_IN:2.5 mr_IN:2.5",
      "Bengaluru, Mumbai, New Delhi, Hyderabad, Chennai, Pune, Gurugram, Noida, Kolkata, "
      "Ahmedabad, Kochi, Jaipur, Chandigarh"),
    C("Pakistan", "PK", 10, "en_PK", "Karachi, Lahore, Islamabad, Rawalpindi, Faisalabad"),
    C("Bangladesh", "BD", 7, "bn_BD", "Dhaka, Chittagong, Khulna, Sylhet"),
    C("Sri Lanka", "LK", 2, "si_LK:75 ta_IN:25", "Colombo, Kandy, Galle"),
    C("Nepal", "NP", 1.5, "ne_NP", "Kathmandu, Pokhara, Lalitpur"),
    C("Bhutan", "BT", 0.02, "ne_NP", "Thimphu"),
    C("Maldives", "MV", 0.05, "en_PK", "Malé"),
    # East Asia
    C("China", "CN", 50, "zh_CN",
      "Beijing, Shanghai, Shenzhen, Guangzhou, Hangzhou, Chengdu, Nanjing, Wuhan, Suzhou, "
      "Xi'an"),
    C("Hong Kong", "HK", 3, "zh_TW:75 en_GB:25", "Hong Kong, Kowloon"),
    C("Macau", "MO", 0.1, "zh_TW", "Macau"),
    C("Taiwan", "TW", 2, "zh_TW", "Taipei, Hsinchu, Taichung, Kaohsiung"),
    C("Japan", "JP", 3, "ja_JP",
      "Tokyo, Osaka, Yokohama, Nagoya, Fukuoka, Kyoto, Sapporo, Kobe"),
    C("South Korea", "KR", 3, "ko_KR", "Seoul, Busan, Incheon, Seongnam, Daegu, Daejeon"),
    C("Mongolia", "MN", 0.1, "ru_RU", "Ulaanbaatar"),
    # Southeast Asia
    C("Vietnam", "VN", 5, "vi_VN", "Ho Chi Minh City, Hanoi, Da Nang, Hai Phong"),
    C("Thailand", "TH", 3, "th_TH:80 en_TH:20", "Bangkok, Chiang Mai, Phuket"),
    C("Cambodia", "KH", 0.3, "th_TH", "Phnom Penh, Siem Reap"),
    C("Laos", "LA", 0.05, "th_TH", "Vientiane"),
    C("Myanmar", "MM", 0.5, "en_TH", "Yangon, Mandalay"),
    C("Malaysia", "MY", 7, "id_ID:60 zh_CN:25 en_IN:15",
      "Kuala Lumpur, Penang, Johor Bahru, Petaling Jaya, Cyberjaya"),
    C("Singapore", "SG", 3, "zh_CN:55 id_ID:20 en_IN:15 en_GB:10", "Singapore"),
    C("Indonesia", "ID", 25, "id_ID",
      "Jakarta, Surabaya, Bandung, Medan, Yogyakarta, Semarang, Denpasar"),
    # Faker has no Filipino person data; Filipino names mix English given names and
    # Spanish surnames, so both locales are used.
    C("Philippines", "PH", 15, "en_US:50 es_MX:50",
      "Manila, Quezon City, Makati, Cebu City, Davao City, Taguig"),
    C("Brunei", "BN", 0.05, "id_ID", "Bandar Seri Begawan"),
    C("Timor-Leste", "TL", 0.02, "pt_PT", "Dili"),
    # Central Asia
    C("Kazakhstan", "KZ", 1, "ru_RU:50 uz_UZ:50", "Almaty, Astana, Shymkent"),
    C("Uzbekistan", "UZ", 0.6, "uz_UZ", "Tashkent, Samarkand"),
    C("Kyrgyzstan", "KG", 0.2, "uz_UZ:50 ru_RU:50", "Bishkek"),
    C("Tajikistan", "TJ", 0.1, "uz_UZ", "Dushanbe"),
    C("Turkmenistan", "TM", 0.03, "uz_UZ", "Ashgabat"),
    # Oceania
    C("Australia", "AU", 14, "en_NZ:50 en_GB:50",
      "Sydney, Melbourne, Brisbane, Perth, Adelaide, Canberra, Gold Coast"),
    C("New Zealand", "NZ", 2.5, "en_NZ", "Auckland, Wellington, Christchurch, Hamilton"),
    C("Papua New Guinea", "PG", 0.05, "en_NZ", "Port Moresby"),
    C("Fiji", "FJ", 0.05, "en_NZ", "Suva"),
    C("Guam", "GU", 0.03, "en_US", "Hagåtña"),
    C("New Caledonia", "NC", 0.03, "fr_FR", "Nouméa"),
    C("French Polynesia", "PF", 0.02, "fr_FR", "Papeete"),
    C("Samoa", "WS", 0.01, "en_NZ", "Apia"),
    C("Tonga", "TO", 0.01, "en_NZ", "Nukuʻalofa"),
    C("Vanuatu", "VU", 0.01, "en_NZ", "Port Vila"),
    C("Solomon Islands", "SB", 0.01, "en_NZ", "Honiara"),
    C("Kiribati", "KI", 0.005, "en_NZ", "Tarawa"),
    C("Micronesia", "FM", 0.005, "en_US", "Palikir"),
    C("Marshall Islands", "MH", 0.005, "en_US", "Majuro"),
    C("Palau", "PW", 0.005, "en_US", "Ngerulmud"),
    C("Nauru", "NR", 0.003, "en_NZ", "Yaren"),
    C("Tuvalu", "TV", 0.003, "en_NZ", "Funafuti"),
)
# fmt: on


@cache
def largest_countries(count: int) -> tuple[Country, ...]:
    """The `count` countries with the largest networks (ties broken by name)."""
    ranked = sorted(COUNTRIES, key=lambda c: (-c.weight, c.name))
    return tuple(ranked[:count])


def all_locales() -> list[str]:
    """Every Faker locale the table uses, sorted."""
    return sorted({locale for c in COUNTRIES for locale, _ in c.locales})
