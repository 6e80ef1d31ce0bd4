/// The bundled sample directory, generated from data/sample.json by scripts/embed-sample. Do not edit.
public enum SampleData {
    /// The name shown in messages for the bundled sample.
    public static let displayName = "<bundled sample>"
    /// The JSON text of data/sample.json.
    public static let json: String = ##"""
{
  "format": "convene/1",
  "title": "UNESCO Creative Cities — ASEAN+3 directory (sample)",
  "notice": "Sample data. Records marked illustrative — most delegates, the organisations they belong to and the Hanoi conference agenda (its sessions, times, rooms and speakers) — are invented for illustration. The rest (cities, network fields and years, events, dates, venues, organisers, themes, reported attendance and the three named officials) is sourced: see data/SOURCES.md.",
  "countries": [
    {
      "code": "BN",
      "name": "Brunei Darussalam",
      "region": "ASEAN"
    },
    {
      "code": "KH",
      "name": "Cambodia",
      "region": "ASEAN"
    },
    {
      "code": "ID",
      "name": "Indonesia",
      "region": "ASEAN"
    },
    {
      "code": "LA",
      "name": "Lao People's Democratic Republic",
      "region": "ASEAN"
    },
    {
      "code": "MY",
      "name": "Malaysia",
      "region": "ASEAN"
    },
    {
      "code": "MM",
      "name": "Myanmar",
      "region": "ASEAN"
    },
    {
      "code": "PH",
      "name": "Philippines",
      "region": "ASEAN"
    },
    {
      "code": "SG",
      "name": "Singapore",
      "region": "ASEAN"
    },
    {
      "code": "TH",
      "name": "Thailand",
      "region": "ASEAN"
    },
    {
      "code": "VN",
      "name": "Viet Nam",
      "region": "ASEAN"
    },
    {
      "code": "CN",
      "name": "China",
      "region": "East Asia"
    },
    {
      "code": "JP",
      "name": "Japan",
      "region": "East Asia"
    },
    {
      "code": "KR",
      "name": "Korea, Republic of",
      "region": "East Asia"
    },
    {
      "code": "MO",
      "name": "Macao",
      "region": "East Asia"
    },
    {
      "code": "SE",
      "name": "Sweden",
      "region": "Europe"
    },
    {
      "code": "FR",
      "name": "France",
      "region": "Europe"
    },
    {
      "code": "PL",
      "name": "Poland",
      "region": "Europe"
    },
    {
      "code": "IT",
      "name": "Italy",
      "region": "Europe"
    },
    {
      "code": "PT",
      "name": "Portugal",
      "region": "Europe"
    },
    {
      "code": "BR",
      "name": "Brazil",
      "region": "South America"
    }
  ],
  "cities": [
    {
      "id": "pekalongan",
      "name": "Pekalongan",
      "country": "ID",
      "timeZone": "Asia/Jakarta",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2014,
      "latitude": -6.8886,
      "longitude": 109.6753
    },
    {
      "id": "bandung",
      "name": "Bandung",
      "country": "ID",
      "timeZone": "Asia/Jakarta",
      "creativeField": "Design",
      "memberSince": 2015,
      "latitude": -6.9222,
      "longitude": 107.6069
    },
    {
      "id": "ambon",
      "name": "Ambon",
      "country": "ID",
      "timeZone": "Asia/Jayapura",
      "creativeField": "Music",
      "memberSince": 2019,
      "latitude": -3.6958,
      "longitude": 128.1833
    },
    {
      "id": "jakarta",
      "name": "Jakarta",
      "country": "ID",
      "timeZone": "Asia/Jakarta",
      "creativeField": "Literature",
      "memberSince": 2021,
      "latitude": -6.2146,
      "longitude": 106.8451
    },
    {
      "id": "surakarta",
      "name": "Surakarta",
      "country": "ID",
      "timeZone": "Asia/Jakarta",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2023,
      "latitude": -7.5561,
      "longitude": 110.8317
    },
    {
      "id": "malang",
      "name": "Malang",
      "country": "ID",
      "timeZone": "Asia/Jakarta",
      "creativeField": "Media Arts",
      "memberSince": 2025,
      "latitude": -7.9797,
      "longitude": 112.6304
    },
    {
      "id": "ponorogo",
      "name": "Ponorogo",
      "country": "ID",
      "timeZone": "Asia/Jakarta",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2025,
      "latitude": -7.8685,
      "longitude": 111.462
    },
    {
      "id": "phuket",
      "name": "Phuket",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Gastronomy",
      "memberSince": 2015,
      "latitude": 7.8906,
      "longitude": 98.3981
    },
    {
      "id": "chiang-mai",
      "name": "Chiang Mai",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2017,
      "latitude": 18.7904,
      "longitude": 98.9847
    },
    {
      "id": "bangkok",
      "name": "Bangkok",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Design",
      "memberSince": 2019,
      "latitude": 13.754,
      "longitude": 100.5014
    },
    {
      "id": "sukhothai",
      "name": "Sukhothai",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2019,
      "latitude": 17.0078,
      "longitude": 99.823
    },
    {
      "id": "phetchaburi",
      "name": "Phetchaburi",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Gastronomy",
      "memberSince": 2021,
      "latitude": 13.1119,
      "longitude": 99.9447
    },
    {
      "id": "chiang-rai",
      "name": "Chiang Rai",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Design",
      "memberSince": 2023,
      "latitude": 19.9086,
      "longitude": 99.8325
    },
    {
      "id": "suphanburi",
      "name": "Suphanburi",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Music",
      "memberSince": 2023,
      "latitude": 14.4742,
      "longitude": 100.1222
    },
    {
      "id": "nan",
      "name": "Nan",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2025,
      "latitude": 18.7838,
      "longitude": 100.779
    },
    {
      "id": "songkhla",
      "name": "Songkhla",
      "country": "TH",
      "timeZone": "Asia/Bangkok",
      "creativeField": "Gastronomy",
      "memberSince": 2025,
      "latitude": 7.1988,
      "longitude": 100.5951
    },
    {
      "id": "singapore",
      "name": "Singapore",
      "country": "SG",
      "timeZone": "Asia/Singapore",
      "creativeField": "Design",
      "memberSince": 2015,
      "latitude": 1.2897,
      "longitude": 103.8501
    },
    {
      "id": "baguio-city",
      "name": "Baguio City",
      "country": "PH",
      "timeZone": "Asia/Manila",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2017,
      "latitude": 16.4164,
      "longitude": 120.5931
    },
    {
      "id": "cebu-city",
      "name": "Cebu City",
      "country": "PH",
      "timeZone": "Asia/Manila",
      "creativeField": "Design",
      "memberSince": 2019,
      "latitude": 10.3167,
      "longitude": 123.8907
    },
    {
      "id": "iloilo-city",
      "name": "Iloilo City",
      "country": "PH",
      "timeZone": "Asia/Manila",
      "creativeField": "Gastronomy",
      "memberSince": 2023,
      "latitude": 10.6969,
      "longitude": 122.5644
    },
    {
      "id": "dumaguete-city",
      "name": "Dumaguete City",
      "country": "PH",
      "timeZone": "Asia/Manila",
      "creativeField": "Literature",
      "memberSince": 2025,
      "latitude": 9.3065,
      "longitude": 123.3077
    },
    {
      "id": "quezon-city",
      "name": "Quezon City",
      "country": "PH",
      "timeZone": "Asia/Manila",
      "creativeField": "Film",
      "memberSince": 2025,
      "latitude": 14.6488,
      "longitude": 121.0509
    },
    {
      "id": "hanoi",
      "name": "Hanoi",
      "country": "VN",
      "timeZone": "Asia/Ho_Chi_Minh",
      "creativeField": "Design",
      "memberSince": 2019,
      "latitude": 21.0245,
      "longitude": 105.8412
    },
    {
      "id": "hoi-an",
      "name": "Hoi An",
      "country": "VN",
      "timeZone": "Asia/Ho_Chi_Minh",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2023,
      "latitude": 15.8794,
      "longitude": 108.335
    },
    {
      "id": "da-lat",
      "name": "Da Lat",
      "country": "VN",
      "timeZone": "Asia/Ho_Chi_Minh",
      "creativeField": "Music",
      "memberSince": 2023,
      "latitude": 11.9465,
      "longitude": 108.4419
    },
    {
      "id": "ho-chi-minh-city",
      "name": "Ho Chi Minh City",
      "country": "VN",
      "timeZone": "Asia/Ho_Chi_Minh",
      "creativeField": "Film",
      "memberSince": 2025,
      "latitude": 10.823,
      "longitude": 106.6296
    },
    {
      "id": "kuching",
      "name": "Kuching",
      "country": "MY",
      "timeZone": "Asia/Kuching",
      "creativeField": "Gastronomy",
      "memberSince": 2021,
      "latitude": 1.55,
      "longitude": 110.3333
    },
    {
      "id": "ipoh",
      "name": "Ipoh",
      "country": "MY",
      "timeZone": "Asia/Kuala_Lumpur",
      "creativeField": "Music",
      "memberSince": 2023,
      "latitude": 4.5841,
      "longitude": 101.0829
    },
    {
      "id": "kuala-lumpur",
      "name": "Kuala Lumpur",
      "country": "MY",
      "timeZone": "Asia/Kuala_Lumpur",
      "creativeField": "Design",
      "memberSince": 2025,
      "latitude": 3.1412,
      "longitude": 101.6865
    },
    {
      "id": "battambang",
      "name": "Battambang",
      "country": "KH",
      "timeZone": "Asia/Phnom_Penh",
      "creativeField": "Gastronomy",
      "memberSince": 2023,
      "latitude": 13.1027,
      "longitude": 103.1982
    },
    {
      "id": "shenzhen",
      "name": "Shenzhen",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Design",
      "memberSince": 2008,
      "latitude": 22.5455,
      "longitude": 114.0683
    },
    {
      "id": "shanghai",
      "name": "Shanghai",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Design",
      "memberSince": 2010,
      "latitude": 31.2222,
      "longitude": 121.4581
    },
    {
      "id": "chengdu",
      "name": "Chengdu",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Gastronomy",
      "memberSince": 2010,
      "latitude": 30.6667,
      "longitude": 104.0667
    },
    {
      "id": "beijing",
      "name": "Beijing",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Design",
      "memberSince": 2012,
      "latitude": 39.9075,
      "longitude": 116.3972
    },
    {
      "id": "hangzhou",
      "name": "Hangzhou",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2012,
      "latitude": 30.2936,
      "longitude": 120.1614
    },
    {
      "id": "suzhou",
      "name": "Suzhou",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2014,
      "latitude": 31.3041,
      "longitude": 120.5954
    },
    {
      "id": "jingdezhen",
      "name": "Jingdezhen",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2014,
      "latitude": 29.2947,
      "longitude": 117.2079
    },
    {
      "id": "shunde",
      "name": "Shunde",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Gastronomy",
      "memberSince": 2014,
      "latitude": 22.8407,
      "longitude": 113.2503
    },
    {
      "id": "changsha",
      "name": "Changsha",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Media Arts",
      "memberSince": 2017,
      "latitude": 28.1987,
      "longitude": 112.9709
    },
    {
      "id": "qingdao",
      "name": "Qingdao",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Film",
      "memberSince": 2017,
      "latitude": 36.0649,
      "longitude": 120.3804
    },
    {
      "id": "wuhan",
      "name": "Wuhan",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Design",
      "memberSince": 2017,
      "latitude": 30.5833,
      "longitude": 114.2667
    },
    {
      "id": "macao",
      "name": "Macao",
      "country": "MO",
      "timeZone": "Asia/Macau",
      "creativeField": "Gastronomy",
      "memberSince": 2017,
      "latitude": 22.2006,
      "longitude": 113.5461
    },
    {
      "id": "nanjing",
      "name": "Nanjing",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Literature",
      "memberSince": 2019,
      "latitude": 32.0617,
      "longitude": 118.7778
    },
    {
      "id": "yangzhou",
      "name": "Yangzhou",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Gastronomy",
      "memberSince": 2019,
      "latitude": 32.3972,
      "longitude": 119.4358
    },
    {
      "id": "huai-an",
      "name": "Huai'an",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Gastronomy",
      "memberSince": 2021,
      "latitude": 33.5886,
      "longitude": 119.0192
    },
    {
      "id": "weifang",
      "name": "Weifang",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2021,
      "latitude": 36.71,
      "longitude": 119.1019
    },
    {
      "id": "chaozhou",
      "name": "Chaozhou",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Gastronomy",
      "memberSince": 2023,
      "latitude": 23.654,
      "longitude": 116.6226
    },
    {
      "id": "chongqing",
      "name": "Chongqing",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Design",
      "memberSince": 2023,
      "latitude": 29.5603,
      "longitude": 106.5577
    },
    {
      "id": "quanzhou",
      "name": "Quanzhou",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Gastronomy",
      "memberSince": 2025,
      "latitude": 24.9139,
      "longitude": 118.5858
    },
    {
      "id": "wuxi",
      "name": "Wuxi",
      "country": "CN",
      "timeZone": "Asia/Shanghai",
      "creativeField": "Music",
      "memberSince": 2025,
      "latitude": 31.5689,
      "longitude": 120.2886
    },
    {
      "id": "kobe",
      "name": "Kobe",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Design",
      "memberSince": 2008,
      "latitude": 34.6913,
      "longitude": 135.183
    },
    {
      "id": "nagoya",
      "name": "Nagoya",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Design",
      "memberSince": 2008,
      "latitude": 35.1815,
      "longitude": 136.9064
    },
    {
      "id": "kanazawa",
      "name": "Kanazawa",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2009,
      "latitude": 36.6,
      "longitude": 136.6167
    },
    {
      "id": "sapporo",
      "name": "Sapporo",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Media Arts",
      "memberSince": 2013,
      "latitude": 43.0667,
      "longitude": 141.35
    },
    {
      "id": "hamamatsu",
      "name": "Hamamatsu",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Music",
      "memberSince": 2014,
      "latitude": 34.7,
      "longitude": 137.7333
    },
    {
      "id": "tsuruoka",
      "name": "Tsuruoka",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Gastronomy",
      "memberSince": 2014,
      "latitude": 38.7217,
      "longitude": 139.8217
    },
    {
      "id": "tamba-sasayama",
      "name": "Tamba-Sasayama",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2015,
      "latitude": 35.0732,
      "longitude": 135.2178
    },
    {
      "id": "yamagata",
      "name": "Yamagata",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Film",
      "memberSince": 2017,
      "latitude": 38.2333,
      "longitude": 140.3667
    },
    {
      "id": "asahikawa",
      "name": "Asahikawa",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Design",
      "memberSince": 2019,
      "latitude": 43.7706,
      "longitude": 142.3649
    },
    {
      "id": "usuki",
      "name": "Usuki",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Gastronomy",
      "memberSince": 2021,
      "latitude": 33.1234,
      "longitude": 131.804
    },
    {
      "id": "okayama",
      "name": "Okayama",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Literature",
      "memberSince": 2023,
      "latitude": 34.65,
      "longitude": 133.9333
    },
    {
      "id": "echizen",
      "name": "Echizen",
      "country": "JP",
      "timeZone": "Asia/Tokyo",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2025,
      "latitude": 35.8857,
      "longitude": 136.1707
    },
    {
      "id": "seoul",
      "name": "Seoul",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Design",
      "memberSince": 2010,
      "latitude": 37.566,
      "longitude": 126.9784
    },
    {
      "id": "icheon",
      "name": "Icheon",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2010,
      "latitude": 37.2792,
      "longitude": 127.4425
    },
    {
      "id": "jeonju",
      "name": "Jeonju",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Gastronomy",
      "memberSince": 2012,
      "latitude": 35.8219,
      "longitude": 127.1489
    },
    {
      "id": "busan",
      "name": "Busan",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Film",
      "memberSince": 2014,
      "latitude": 35.1017,
      "longitude": 129.03
    },
    {
      "id": "gwangju",
      "name": "Gwangju",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Media Arts",
      "memberSince": 2014,
      "latitude": 35.1547,
      "longitude": 126.9156
    },
    {
      "id": "tongyeong",
      "name": "Tongyeong",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Music",
      "memberSince": 2015,
      "latitude": 34.8496,
      "longitude": 128.4278
    },
    {
      "id": "bucheon",
      "name": "Bucheon",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Literature",
      "memberSince": 2017,
      "latitude": 37.4989,
      "longitude": 126.7831
    },
    {
      "id": "daegu",
      "name": "Daegu",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Music",
      "memberSince": 2017,
      "latitude": 35.8703,
      "longitude": 128.5911
    },
    {
      "id": "jinju",
      "name": "Jinju",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2019,
      "latitude": 35.1928,
      "longitude": 128.0847
    },
    {
      "id": "wonju",
      "name": "Wonju",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Literature",
      "memberSince": 2019,
      "latitude": 37.3514,
      "longitude": 127.9453
    },
    {
      "id": "gimhae",
      "name": "Gimhae",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2021,
      "latitude": 35.2342,
      "longitude": 128.8811
    },
    {
      "id": "gangneung",
      "name": "Gangneung",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Gastronomy",
      "memberSince": 2023,
      "latitude": 37.7527,
      "longitude": 128.8724
    },
    {
      "id": "cheongju",
      "name": "Cheongju",
      "country": "KR",
      "timeZone": "Asia/Seoul",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2025,
      "latitude": 36.6372,
      "longitude": 127.4897
    },
    {
      "id": "taguig",
      "name": "Taguig",
      "country": "PH",
      "timeZone": "Asia/Manila",
      "latitude": 14.5243,
      "longitude": 121.0792
    },
    {
      "id": "ostersund",
      "name": "Östersund",
      "country": "SE",
      "timeZone": "Europe/Stockholm",
      "creativeField": "Gastronomy",
      "memberSince": 2010,
      "latitude": 63.1792,
      "longitude": 14.6357
    },
    {
      "id": "enghien-les-bains",
      "name": "Enghien-les-Bains",
      "country": "FR",
      "timeZone": "Europe/Paris",
      "creativeField": "Media Arts",
      "memberSince": 2013
    },
    {
      "id": "krakow",
      "name": "Kraków",
      "country": "PL",
      "timeZone": "Europe/Warsaw",
      "creativeField": "Literature",
      "memberSince": 2013,
      "latitude": 50.0614,
      "longitude": 19.9366
    },
    {
      "id": "katowice",
      "name": "Katowice",
      "country": "PL",
      "timeZone": "Europe/Warsaw",
      "latitude": 50.2597,
      "longitude": 19.0217
    },
    {
      "id": "fabriano",
      "name": "Fabriano",
      "country": "IT",
      "timeZone": "Europe/Rome",
      "creativeField": "Crafts and Folk Art",
      "memberSince": 2013,
      "latitude": 43.3394,
      "longitude": 12.9033
    },
    {
      "id": "santos",
      "name": "Santos",
      "country": "BR",
      "timeZone": "America/Sao_Paulo",
      "creativeField": "Film",
      "memberSince": 2015,
      "latitude": -23.9608,
      "longitude": -46.3336
    },
    {
      "id": "braga",
      "name": "Braga",
      "country": "PT",
      "timeZone": "Europe/Lisbon",
      "creativeField": "Media Arts",
      "memberSince": 2017,
      "latitude": 41.5514,
      "longitude": -8.4231
    },
    {
      "id": "hue",
      "name": "Hue",
      "country": "VN",
      "timeZone": "Asia/Ho_Chi_Minh",
      "latitude": 16.4619,
      "longitude": 107.5955
    }
  ],
  "organizations": [
    {
      "id": "hanoi-dcs",
      "name": "Hanoi Department of Culture and Sports",
      "kind": "government",
      "city": "hanoi"
    },
    {
      "id": "unesco-hanoi",
      "name": "UNESCO Office in Hanoi",
      "kind": "un-agency",
      "city": "hanoi"
    },
    {
      "id": "un-habitat",
      "name": "UN-Habitat",
      "kind": "un-agency"
    },
    {
      "id": "hanoi-peoples-committee",
      "name": "Hanoi People's Committee",
      "kind": "government",
      "city": "hanoi"
    },
    {
      "id": "hn-design-institute",
      "name": "Hanoi Institute of Creative Design (illustrative)",
      "kind": "university",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-urban-lab",
      "name": "Old Quarter Urban Lab",
      "kind": "ngo",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-song-hong-studio",
      "name": "Sông Hồng Design Studio",
      "kind": "company",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-lotus-architects",
      "name": "Lotus Courtyard Architects",
      "kind": "company",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-heritage-volunteers",
      "name": "Hanoi Heritage Volunteers Network",
      "kind": "ngo",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-culture-weekly",
      "name": "Hanoi Culture Weekly (illustrative)",
      "kind": "media",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-long-bien-hub",
      "name": "Long Biên Creative Hub",
      "kind": "company",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-district-culture",
      "name": "District Culture Office, Hanoi (illustrative)",
      "kind": "government",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-craft-villages",
      "name": "Red River Craft Villages Association",
      "kind": "ngo",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-young-designers",
      "name": "Hanoi Young Designers Collective",
      "kind": "ngo",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-urban-planning",
      "name": "Hanoi Urban Planning Research Centre (illustrative)",
      "kind": "government",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hn-media-arts-school",
      "name": "Hanoi School of Media Arts (illustrative)",
      "kind": "university",
      "city": "hanoi",
      "illustrative": true
    },
    {
      "id": "hoi-an-lanterns",
      "name": "Hội An Lantern Makers' Cooperative",
      "kind": "ngo",
      "city": "hoi-an",
      "illustrative": true
    },
    {
      "id": "hoi-an-culture",
      "name": "Hội An City Culture Office (illustrative)",
      "kind": "government",
      "city": "hoi-an",
      "illustrative": true
    },
    {
      "id": "da-lat-music",
      "name": "Đà Lạt Highland Music Collective",
      "kind": "ngo",
      "city": "da-lat",
      "illustrative": true
    },
    {
      "id": "hcmc-film-studio",
      "name": "Saigon Riverside Film Studio",
      "kind": "company",
      "city": "ho-chi-minh-city",
      "illustrative": true
    },
    {
      "id": "hcmc-urban-institute",
      "name": "Southern Institute for Urban Studies (illustrative)",
      "kind": "university",
      "city": "ho-chi-minh-city",
      "illustrative": true
    },
    {
      "id": "hue-heritage-studio",
      "name": "Perfume River Heritage Studio",
      "kind": "company",
      "city": "hue",
      "illustrative": true
    },
    {
      "id": "bkk-creative-office",
      "name": "Bangkok Creative City Office (illustrative)",
      "kind": "government",
      "city": "bangkok",
      "illustrative": true
    },
    {
      "id": "bkk-chao-phraya-studio",
      "name": "Chao Phraya Design Studio",
      "kind": "company",
      "city": "bangkok",
      "illustrative": true
    },
    {
      "id": "cnx-lanna-craft-lab",
      "name": "Lanna Craft Lab",
      "kind": "ngo",
      "city": "chiang-mai",
      "illustrative": true
    },
    {
      "id": "sukhothai-crafts-office",
      "name": "Sukhothai Crafts Office (illustrative)",
      "kind": "government",
      "city": "sukhothai",
      "illustrative": true
    },
    {
      "id": "chiang-rai-design-school",
      "name": "Chiang Rai School of Design (illustrative)",
      "kind": "university",
      "city": "chiang-rai",
      "illustrative": true
    },
    {
      "id": "bdg-design-collective",
      "name": "Bandung Design Collective",
      "kind": "ngo",
      "city": "bandung",
      "illustrative": true
    },
    {
      "id": "pekalongan-batik",
      "name": "Pekalongan Batik Workshop",
      "kind": "company",
      "city": "pekalongan",
      "illustrative": true
    },
    {
      "id": "ambon-music-house",
      "name": "Ambon Music House",
      "kind": "ngo",
      "city": "ambon",
      "illustrative": true
    },
    {
      "id": "cebu-design-studio",
      "name": "Cebu Design Studio",
      "kind": "company",
      "city": "cebu-city",
      "illustrative": true
    },
    {
      "id": "baguio-weavers",
      "name": "Baguio Weavers Guild",
      "kind": "ngo",
      "city": "baguio-city",
      "illustrative": true
    },
    {
      "id": "iloilo-food-heritage",
      "name": "Iloilo Food Heritage Project",
      "kind": "ngo",
      "city": "iloilo-city",
      "illustrative": true
    },
    {
      "id": "kuching-food-studio",
      "name": "Sarawak Food Heritage Studio",
      "kind": "company",
      "city": "kuching",
      "illustrative": true
    },
    {
      "id": "ipoh-music-society",
      "name": "Ipoh Music Society (illustrative)",
      "kind": "ngo",
      "city": "ipoh",
      "illustrative": true
    },
    {
      "id": "sg-tropical-cities",
      "name": "Institute for Tropical Cities (illustrative)",
      "kind": "university",
      "city": "singapore",
      "illustrative": true
    },
    {
      "id": "sg-marina-design-lab",
      "name": "Marina Design Lab",
      "kind": "company",
      "city": "singapore",
      "illustrative": true
    },
    {
      "id": "battambang-kitchen",
      "name": "Battambang Culinary Workshop",
      "kind": "ngo",
      "city": "battambang",
      "illustrative": true
    },
    {
      "id": "kanazawa-crafts-studio",
      "name": "Kanazawa Crafts Studio",
      "kind": "company",
      "city": "kanazawa",
      "illustrative": true
    },
    {
      "id": "kobe-design-office",
      "name": "Kobe Design City Office (illustrative)",
      "kind": "government",
      "city": "kobe",
      "illustrative": true
    },
    {
      "id": "nagoya-design-school",
      "name": "Nagoya School of Design (illustrative)",
      "kind": "university",
      "city": "nagoya",
      "illustrative": true
    }
  ],
  "events": [
    {
      "id": "hanoi-2023",
      "title": "UNESCO ASEAN Creative Cities Network conference",
      "localTitle": "Tái tạo đô thị và phát triển bền vững",
      "kind": "conference",
      "city": "hanoi",
      "venue": "Hanoi Museum",
      "start": "2023-11-18T08:00:00+07:00",
      "end": "2023-11-18T17:30:00+07:00",
      "timeZone": "Asia/Ho_Chi_Minh",
      "organizers": [
        "hanoi-dcs",
        "unesco-hanoi",
        "un-habitat"
      ],
      "themes": [
        "Urban regeneration and sustainable development",
        "Culture and creativity for urban development and quality of life in ASEAN",
        "Solutions for ASEAN Plus 3 member cities facing rapid urbanisation and climate change",
        "City-level cooperation",
        "Hanoi's new development direction and cooperation opportunities in design"
      ],
      "reportedDelegates": 120,
      "sources": [
        "Seed article on the conference: “more than 120 delegates, including 20 from ASEAN member cities and Asian cities cooperating with Hanoi”",
        "VNA (Vietnam News Agency): over 100 Vietnamese and 20 foreign delegates",
        "Nhân Dân (nhandan.vn), post 783273: forum title “Tái tạo đô thị và phát triển bền vững”; more than 100 Vietnamese and more than 20 foreign delegates",
        "qdnd.vn and kinhtedothi.vn: part of the Hanoi Creative Design Festival 2023"
      ],
      "sessions": [
        {
          "id": "hanoi-2023-s01",
          "title": "Registration and welcome coffee",
          "start": "2023-11-18T08:00:00+07:00",
          "end": "2023-11-18T08:30:00+07:00",
          "room": "Lobby",
          "track": "General",
          "speakers": [],
          "description": "Illustrative: the conference's reported venue is the Hanoi Museum; this slot is invented.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s02",
          "title": "Opening speech",
          "start": "2023-11-18T08:30:00+07:00",
          "end": "2023-11-18T08:50:00+07:00",
          "room": "Main hall",
          "track": "Plenary",
          "speakers": [
            "vu-thu-ha"
          ],
          "description": "Sourced: Vũ Thu Hà, Vice Chairwoman of the Hanoi People's Committee, gave the opening speech. Illustrative: the time, length and room.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s03",
          "title": "Remarks from the UNESCO Office in Hanoi",
          "start": "2023-11-18T08:50:00+07:00",
          "end": "2023-11-18T09:10:00+07:00",
          "room": "Main hall",
          "track": "Plenary",
          "speakers": [
            "pham-thi-thanh-huong"
          ],
          "description": "Sourced: Phạm Thị Thanh Hương, Head of the Culture Division, UNESCO Office in Hanoi, spoke at the conference. Illustrative: the time, length and room.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s04",
          "title": "Panel: Urban regeneration and sustainable development",
          "start": "2023-11-18T09:10:00+07:00",
          "end": "2023-11-18T10:30:00+07:00",
          "room": "Main hall",
          "track": "Plenary",
          "speakers": [
            "d013",
            "d104",
            "d092",
            "d112"
          ],
          "description": "Sourced: the forum's theme (nhandan.vn). The time, room and speakers are illustrative.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s05",
          "title": "Coffee break",
          "start": "2023-11-18T10:30:00+07:00",
          "end": "2023-11-18T10:45:00+07:00",
          "room": "Lobby",
          "track": "General",
          "speakers": [],
          "description": "Illustrative: an invented break.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s06",
          "title": "Panel: Culture and creativity for urban development and quality of life in ASEAN",
          "start": "2023-11-18T10:45:00+07:00",
          "end": "2023-11-18T12:00:00+07:00",
          "room": "Main hall",
          "track": "Plenary",
          "speakers": [
            "d099",
            "d006",
            "d108",
            "d003"
          ],
          "description": "Sourced: one of the conference's reported focus themes. The time, room and speakers are illustrative.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s07",
          "title": "Lunch",
          "start": "2023-11-18T12:00:00+07:00",
          "end": "2023-11-18T13:30:00+07:00",
          "room": "Museum courtyard",
          "track": "General",
          "speakers": [],
          "description": "Illustrative: an invented break.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s08",
          "title": "Panel: ASEAN Plus 3 cities facing rapid urbanisation and climate change",
          "start": "2023-11-18T13:30:00+07:00",
          "end": "2023-11-18T14:45:00+07:00",
          "room": "Main hall",
          "track": "Climate and cities",
          "speakers": [
            "d103",
            "d116",
            "d014",
            "d110"
          ],
          "description": "Sourced: one of the conference's reported focus themes. The time, room and speakers are illustrative.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s09",
          "title": "Workshop: City-level cooperation between creative cities",
          "start": "2023-11-18T13:30:00+07:00",
          "end": "2023-11-18T14:45:00+07:00",
          "room": "Room 2",
          "track": "Cooperation",
          "speakers": [
            "d098",
            "d101",
            "d083",
            "d035"
          ],
          "description": "Sourced: city-level cooperation was a reported focus. The time, room and speakers are illustrative.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s10",
          "title": "Hanoi's new development direction and cooperation opportunities in design",
          "start": "2023-11-18T15:00:00+07:00",
          "end": "2023-11-18T16:15:00+07:00",
          "room": "Main hall",
          "track": "Design",
          "speakers": [
            "d002",
            "d115",
            "d107",
            "d038"
          ],
          "description": "Sourced: one of the conference's reported focus themes. The time, room and speakers are illustrative.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s11",
          "title": "Roundtable: Crafts, design and the creative economy",
          "start": "2023-11-18T15:00:00+07:00",
          "end": "2023-11-18T16:15:00+07:00",
          "room": "Room 2",
          "track": "Cooperation",
          "speakers": [
            "d100",
            "d105",
            "d082",
            "d026"
          ],
          "description": "Illustrative: an invented session; the speakers are illustrative delegates.",
          "illustrative": true
        },
        {
          "id": "hanoi-2023-s12",
          "title": "Closing and summary",
          "start": "2023-11-18T16:30:00+07:00",
          "end": "2023-11-18T17:00:00+07:00",
          "room": "Main hall",
          "track": "Plenary",
          "speakers": [
            "d001"
          ],
          "description": "Illustrative: an invented closing session.",
          "illustrative": true
        }
      ]
    },
    {
      "id": "hanoi-design-festival-2023",
      "title": "Hanoi Creative Design Festival 2023",
      "kind": "festival",
      "city": "hanoi",
      "venue": "Gia Lâm Train Factory",
      "start": "2023-11-17T00:00:00+07:00",
      "end": "2023-11-28T23:59:00+07:00",
      "timeZone": "Asia/Ho_Chi_Minh",
      "organizers": [],
      "themes": [
        "Dòng chảy (Flow)"
      ],
      "sources": [
        "qdnd.vn: opened the evening of 17 Nov 2023 at the Gia Lâm Train Factory, theme “Dòng chảy”",
        "kinhtedothi.vn: planned for 17–26 Nov 2023, extended to 28 Nov"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2014-chengdu",
      "title": "UCCN Annual Conference VIII",
      "kind": "conference",
      "city": "chengdu",
      "venue": "Venue not recorded",
      "start": "2014-09-26T00:00:00+08:00",
      "end": "2014-09-29T23:59:00+08:00",
      "timeZone": "Asia/Shanghai",
      "organizers": [],
      "themes": [],
      "sources": [
        "Shanghai Daily, 9 Sep 2014"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2015-kanazawa",
      "title": "UCCN Annual Conference IX",
      "kind": "conference",
      "city": "kanazawa",
      "venue": "Venue not recorded",
      "start": "2015-05-25T00:00:00+09:00",
      "end": "2015-05-28T23:59:00+09:00",
      "timeZone": "Asia/Tokyo",
      "organizers": [],
      "themes": [],
      "sources": [
        "creativekanazawa.jp"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2016-ostersund",
      "title": "UCCN Annual Conference X",
      "kind": "conference",
      "city": "ostersund",
      "venue": "Venue not recorded",
      "start": "2016-09-14T00:00:00+02:00",
      "end": "2016-09-16T23:59:00+02:00",
      "timeZone": "Europe/Stockholm",
      "organizers": [],
      "themes": [],
      "sources": [
        "en.unesco.org"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2017-enghien-les-bains",
      "title": "UCCN Annual Conference XI",
      "kind": "conference",
      "city": "enghien-les-bains",
      "venue": "Venue not recorded",
      "start": "2017-06-30T00:00:00+02:00",
      "end": "2017-07-02T23:59:00+02:00",
      "timeZone": "Europe/Paris",
      "organizers": [],
      "themes": [],
      "sources": [
        "UNESCO archive"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2018-krakow",
      "title": "UCCN Annual Conference XII",
      "kind": "conference",
      "city": "krakow",
      "venue": "Kraków and Katowice (venues not recorded)",
      "start": "2018-06-12T00:00:00+02:00",
      "end": "2018-06-15T23:59:00+02:00",
      "timeZone": "Europe/Warsaw",
      "organizers": [],
      "themes": [],
      "sources": [
        "UNESCO press release"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2019-fabriano",
      "title": "UCCN Annual Conference XIII",
      "kind": "conference",
      "city": "fabriano",
      "venue": "Venue not recorded",
      "start": "2019-06-10T00:00:00+02:00",
      "end": "2019-06-15T23:59:00+02:00",
      "timeZone": "Europe/Rome",
      "organizers": [],
      "themes": [],
      "sources": [
        "unescofabriano2019.it"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2022-santos",
      "title": "UCCN Annual Conference XIV",
      "kind": "conference",
      "city": "santos",
      "venue": "Venue not recorded",
      "start": "2022-07-18T00:00:00-03:00",
      "end": "2022-07-22T23:59:00-03:00",
      "timeZone": "America/Sao_Paulo",
      "organizers": [],
      "themes": [],
      "sources": [
        "turismosantos.com.br"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2024-braga",
      "title": "UCCN Annual Conference XVI",
      "kind": "conference",
      "city": "braga",
      "venue": "Venue not recorded",
      "start": "2024-07-01T00:00:00+01:00",
      "end": "2024-07-05T23:59:00+01:00",
      "timeZone": "Europe/Lisbon",
      "organizers": [],
      "themes": [
        "Bringing youth to the table for the next decade"
      ],
      "sources": [
        "forumbraga.com"
      ],
      "sessions": []
    },
    {
      "id": "uccn-2025-enghien-les-bains",
      "title": "UCCN Annual Conference XVII",
      "kind": "conference",
      "city": "enghien-les-bains",
      "venue": "Venue not recorded",
      "start": "2025-06-23T00:00:00+02:00",
      "end": "2025-06-24T23:59:00+02:00",
      "timeZone": "Europe/Paris",
      "organizers": [],
      "themes": [
        "Culture and Artificial Intelligence"
      ],
      "sources": [
        "targatocn.it"
      ],
      "sessions": []
    },
    {
      "id": "asean-creative-cities-forum-2017",
      "title": "ASEAN Creative Cities Forum and Exhibition",
      "kind": "forum",
      "city": "taguig",
      "venue": "Venue not recorded",
      "start": "2017-04-24T00:00:00+08:00",
      "end": "2017-04-27T23:59:00+08:00",
      "timeZone": "Asia/Manila",
      "organizers": [],
      "themes": [],
      "sources": [
        "britishcouncil.ph: exhibition 24–27 Apr 2017, forum 26–27 Apr 2017"
      ],
      "sessions": []
    },
    {
      "id": "bangkok-creative-city-dialogue-2023",
      "title": "Bangkok Creative City Dialogue",
      "kind": "meeting",
      "city": "bangkok",
      "venue": "Venue not recorded",
      "start": "2023-02-10T00:00:00+07:00",
      "end": "2023-02-10T23:59:00+07:00",
      "timeZone": "Asia/Bangkok",
      "organizers": [],
      "themes": [],
      "sources": [
        "cea.or.th: 10 UCCN cities took part"
      ],
      "sessions": []
    },
    {
      "id": "kuching-creative-cities-forum-2024",
      "title": "Kuching Creative Cities Forum",
      "kind": "forum",
      "city": "kuching",
      "venue": "Venue not recorded",
      "start": "2024-09-14T00:00:00+08:00",
      "end": "2024-09-14T23:59:00+08:00",
      "timeZone": "Asia/Kuching",
      "organizers": [],
      "themes": [],
      "sources": [
        "dayakdaily.com: 12 Asia-Pacific UCCN cities took part"
      ],
      "sessions": []
    },
    {
      "id": "seacn-mou-renewal-2025",
      "title": "Southeast Asian Creative Cities Network MoU renewal",
      "kind": "meeting",
      "city": "kuala-lumpur",
      "venue": "Venue not recorded",
      "start": "2025-11-15T00:00:00+08:00",
      "end": "2025-11-15T23:59:00+08:00",
      "timeZone": "Asia/Kuala_Lumpur",
      "organizers": [],
      "themes": [],
      "sources": [
        "thinkcity.com.my"
      ],
      "sessions": []
    }
  ],
  "delegates": [
    {
      "id": "pham-thi-thanh-huong",
      "name": "Phạm Thị Thanh Hương",
      "role": "Head of the Culture Division, UNESCO Office in Hanoi",
      "organization": "unesco-hanoi",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ]
    },
    {
      "id": "vu-thu-ha",
      "name": "Vũ Thu Hà",
      "role": "Vice Chairwoman, Hanoi People's Committee",
      "organization": "hanoi-peoples-committee",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ]
    },
    {
      "id": "do-dinh-hong",
      "name": "Đỗ Đình Hồng",
      "role": "Director, Hanoi Department of Culture and Sports",
      "organization": "hanoi-dcs",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ]
    },
    {
      "id": "d001",
      "name": "Nguyễn Thị Lan Anh",
      "role": "Lecturer in product design",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d002",
      "name": "Trần Minh Đức",
      "role": "Urban researcher",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d003",
      "name": "Lê Thu Hương",
      "role": "Graphic designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d004",
      "name": "Phạm Quốc Bảo",
      "role": "Architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d005",
      "name": "Hoàng Thị Mai",
      "role": "Heritage volunteer coordinator",
      "organization": "hn-heritage-volunteers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d006",
      "name": "Đặng Văn Khôi",
      "role": "Culture journalist",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d007",
      "name": "Bùi Ngọc Hân",
      "role": "Creative hub manager",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d008",
      "name": "Đỗ Thanh Tùng",
      "role": "City culture official",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d009",
      "name": "Vũ Thị Hồng Nhung",
      "role": "Craft village representative",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d010",
      "name": "Ngô Gia Huy",
      "role": "Fashion designer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d011",
      "name": "Nguyễn Hữu Thịnh",
      "role": "Urban planner",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d012",
      "name": "Trần Thị Ngọc Ánh",
      "role": "Media artist",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d013",
      "name": "Lê Hoàng Nam",
      "role": "Interior architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d014",
      "name": "Phan Thị Diệu Linh",
      "role": "Design student",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d015",
      "name": "Đinh Công Hậu",
      "role": "Programme officer",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d016",
      "name": "Dương Thùy Trang",
      "role": "Landscape architect",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d017",
      "name": "Lý Minh Khang",
      "role": "Curator",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d018",
      "name": "Nguyễn Đức Anh",
      "role": "Photographer",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d019",
      "name": "Trương Thị Bích Ngọc",
      "role": "Researcher in cultural policy",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d020",
      "name": "Hồ Văn Lợi",
      "role": "Lacquer artist",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d021",
      "name": "Mai Thanh Thảo",
      "role": "Industrial designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d022",
      "name": "Cao Xuân Trường",
      "role": "Event producer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d023",
      "name": "Tạ Thị Hương Ly",
      "role": "Lecturer in animation",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d024",
      "name": "Lương Văn Hiếu",
      "role": "Lecturer in product design",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d025",
      "name": "Kiều Thị Minh Nguyệt",
      "role": "Urban researcher",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true,
      "listed": false
    },
    {
      "id": "d026",
      "name": "Đặng Thị Thu Hương",
      "role": "Graphic designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d027",
      "name": "Nguyễn Văn Tuấn",
      "role": "Architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d028",
      "name": "Phạm Thị Thu Trang",
      "role": "Heritage volunteer coordinator",
      "organization": "hn-heritage-volunteers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d029",
      "name": "Vũ Đức Thịnh",
      "role": "Culture journalist",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d030",
      "name": "Trịnh Hải Yến",
      "role": "Creative hub manager",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d031",
      "name": "Lã Văn Quang",
      "role": "City culture official",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d032",
      "name": "Đoàn Thị Kim Oanh",
      "role": "Craft village representative",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d033",
      "name": "Nguyễn Mạnh Cường",
      "role": "Fashion designer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d034",
      "name": "Lê Thị Phương",
      "role": "Urban planner",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d035",
      "name": "Hà Quang Vinh",
      "role": "Media artist",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d036",
      "name": "Tô Thị Thanh Tâm",
      "role": "Interior architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d037",
      "name": "Phùng Văn Hải",
      "role": "Design student",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d038",
      "name": "Nguyễn Thị Quỳnh Hương",
      "role": "Programme officer",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d039",
      "name": "Bùi Đức Long",
      "role": "Landscape architect",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d040",
      "name": "Chu Thị Hạnh",
      "role": "Curator",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d041",
      "name": "Vương Tuấn Kiệt",
      "role": "Photographer",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d042",
      "name": "Lê Minh Châu",
      "role": "Researcher in cultural policy",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d043",
      "name": "Trần Đăng Quân",
      "role": "Lacquer artist",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d044",
      "name": "Nguyễn Thị Thanh Huyền",
      "role": "Industrial designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d045",
      "name": "Đỗ Hoàng Việt",
      "role": "Event producer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d046",
      "name": "Hoàng Thị Thúy Hằng",
      "role": "Lecturer in animation",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d047",
      "name": "Phạm Văn Hưng",
      "role": "Lecturer in product design",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d048",
      "name": "Nghiêm Thị Loan",
      "role": "Urban researcher",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d049",
      "name": "Khuất Duy Tùng",
      "role": "Graphic designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d050",
      "name": "Ngô Thị Lệ Thu",
      "role": "Architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d051",
      "name": "Nguyễn Tiến Phát",
      "role": "Heritage volunteer coordinator",
      "organization": "hn-heritage-volunteers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d052",
      "name": "Trần Thị Hương Thảo",
      "role": "Culture journalist",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d053",
      "name": "Lưu Bảo Ngọc",
      "role": "Creative hub manager",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d054",
      "name": "Đàm Văn Toàn",
      "role": "City culture official",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d055",
      "name": "Quách Thị Hoài",
      "role": "Craft village representative",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d056",
      "name": "Võ Minh Tâm",
      "role": "Fashion designer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d057",
      "name": "Lâm Thị Mỹ Duyên",
      "role": "Urban planner",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d058",
      "name": "Nguyễn Khánh Ngân",
      "role": "Media artist",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d059",
      "name": "Hoàng Văn Đức",
      "role": "Interior architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d060",
      "name": "Phó Thị Ngân",
      "role": "Design student",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d061",
      "name": "Triệu Quốc Khánh",
      "role": "Programme officer",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d062",
      "name": "Đặng Minh Hoàng",
      "role": "Landscape architect",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d063",
      "name": "Nguyễn Thị Thu Hiền",
      "role": "Curator",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d064",
      "name": "Lê Văn Sang",
      "role": "Photographer",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d065",
      "name": "Trần Phương Nhi",
      "role": "Researcher in cultural policy",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d066",
      "name": "Vũ Hải Đăng",
      "role": "Lacquer artist",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d067",
      "name": "Nguyễn Thùy Dung",
      "role": "Industrial designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d068",
      "name": "Phạm Gia Bảo",
      "role": "Event producer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d069",
      "name": "Đỗ Thị Hà My",
      "role": "Lecturer in animation",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d070",
      "name": "Bạch Văn Thành",
      "role": "Lecturer in product design",
      "organization": "hn-design-institute",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d071",
      "name": "Ninh Thị Hồng Vân",
      "role": "Urban researcher",
      "organization": "hn-urban-lab",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d072",
      "name": "Nguyễn Trung Kiên",
      "role": "Graphic designer",
      "organization": "hn-song-hong-studio",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d073",
      "name": "Lê Thị Ánh Tuyết",
      "role": "Architect",
      "organization": "hn-lotus-architects",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d074",
      "name": "Tăng Quốc Trung",
      "role": "Heritage volunteer coordinator",
      "organization": "hn-heritage-volunteers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d075",
      "name": "Hoàng Mai Hương",
      "role": "Culture journalist",
      "organization": "hn-culture-weekly",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d076",
      "name": "Trần Văn Phúc",
      "role": "Creative hub manager",
      "organization": "hn-long-bien-hub",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d077",
      "name": "Nguyễn Ngọc Diệp",
      "role": "City culture official",
      "organization": "hn-district-culture",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d078",
      "name": "Mạc Đăng Khoa",
      "role": "Craft village representative",
      "organization": "hn-craft-villages",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d079",
      "name": "Vi Thị Hoa",
      "role": "Fashion designer",
      "organization": "hn-young-designers",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d080",
      "name": "Nông Văn Thái",
      "role": "Urban planner",
      "organization": "hn-urban-planning",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d081",
      "name": "Lê Quang Huy",
      "role": "Media artist",
      "organization": "hn-media-arts-school",
      "city": "hanoi",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d082",
      "name": "Huỳnh Thị Thu Ba",
      "role": "Lantern maker",
      "organization": "hoi-an-lanterns",
      "city": "hoi-an",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d083",
      "name": "Phan Văn Lộc",
      "role": "City culture official",
      "organization": "hoi-an-culture",
      "city": "hoi-an",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true,
      "listed": false
    },
    {
      "id": "d084",
      "name": "Lê Thị Kim Liên",
      "role": "Tailor and textile designer",
      "city": "hoi-an",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d085",
      "name": "Trần Quang Nhật",
      "role": "Heritage conservation officer",
      "organization": "hoi-an-culture",
      "city": "hoi-an",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d086",
      "name": "Võ Thị Ngọc Hương",
      "role": "Ceramic artist",
      "organization": "hoi-an-lanterns",
      "city": "hoi-an",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d087",
      "name": "Nguyễn Hoàng Phúc",
      "role": "Composer",
      "organization": "da-lat-music",
      "city": "da-lat",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d088",
      "name": "Đặng Thị Tuyết Mai",
      "role": "Music teacher",
      "organization": "da-lat-music",
      "city": "da-lat",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d089",
      "name": "Lê Văn Khánh",
      "role": "Festival organiser",
      "city": "da-lat",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d090",
      "name": "Phạm Nhật Minh",
      "role": "Sound engineer",
      "organization": "da-lat-music",
      "city": "da-lat",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d091",
      "name": "Huỳnh Minh Trí",
      "role": "Film producer",
      "organization": "hcmc-film-studio",
      "city": "ho-chi-minh-city",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d092",
      "name": "Nguyễn Thị Bảo Trâm",
      "role": "Urban researcher",
      "organization": "hcmc-urban-institute",
      "city": "ho-chi-minh-city",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d093",
      "name": "Lâm Quốc Thiện",
      "role": "Architect",
      "city": "ho-chi-minh-city",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d094",
      "name": "Trần Thị Mỹ Ngân",
      "role": "Screenwriter",
      "organization": "hcmc-film-studio",
      "city": "ho-chi-minh-city",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d095",
      "name": "Châu Gia Vĩ",
      "role": "Lecturer in urban design",
      "organization": "hcmc-urban-institute",
      "city": "ho-chi-minh-city",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d096",
      "name": "Tôn Nữ Minh Châu",
      "role": "Heritage architect",
      "organization": "hue-heritage-studio",
      "city": "hue",
      "country": "VN",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d097",
      "name": "Hồ Đắc Thuận",
      "role": "Craft researcher",
      "organization": "hue-heritage-studio",
      "city": "hue",
      "country": "VN",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d098",
      "name": "ณัฐพล ศรีสุข",
      "role": "Urban designer",
      "organization": "bkk-creative-office",
      "city": "bangkok",
      "country": "TH",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d099",
      "name": "Kanokwan Rattanapong",
      "role": "Design strategist",
      "organization": "bkk-chao-phraya-studio",
      "city": "bangkok",
      "country": "TH",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d100",
      "name": "พิมพ์ชนก แก้วมณี",
      "role": "Craft researcher",
      "organization": "cnx-lanna-craft-lab",
      "city": "chiang-mai",
      "country": "TH",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d101",
      "name": "Anucha Thongdee",
      "role": "City culture official",
      "organization": "sukhothai-crafts-office",
      "city": "sukhothai",
      "country": "TH",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d102",
      "name": "Siriporn Chaiyawat",
      "role": "Lecturer in design",
      "organization": "chiang-rai-design-school",
      "city": "chiang-rai",
      "country": "TH",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d103",
      "name": "Dimas Prasetyo",
      "role": "Architect",
      "organization": "bdg-design-collective",
      "city": "bandung",
      "country": "ID",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d104",
      "name": "Rina Kusumawati",
      "role": "Urban planner",
      "organization": "bdg-design-collective",
      "city": "bandung",
      "country": "ID",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d105",
      "name": "Siti Rahmawati",
      "role": "Batik designer",
      "organization": "pekalongan-batik",
      "city": "pekalongan",
      "country": "ID",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d106",
      "name": "Maria Pattiasina",
      "role": "Music programme manager",
      "organization": "ambon-music-house",
      "city": "ambon",
      "country": "ID",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d107",
      "name": "Paolo Dela Cruz",
      "role": "Furniture designer",
      "organization": "cebu-design-studio",
      "city": "cebu-city",
      "country": "PH",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d108",
      "name": "Grace Bayangan",
      "role": "Weaver and curator",
      "organization": "baguio-weavers",
      "city": "baguio-city",
      "country": "PH",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d109",
      "name": "Kristine Sarmiento",
      "role": "Food heritage researcher",
      "organization": "iloilo-food-heritage",
      "city": "iloilo-city",
      "country": "PH",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d110",
      "name": "Nur Aisyah Rahman",
      "role": "Chef and food writer",
      "organization": "kuching-food-studio",
      "city": "kuching",
      "country": "MY",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d111",
      "name": "Mohd Hafiz bin Kamarudin",
      "role": "Music promoter",
      "organization": "ipoh-music-society",
      "city": "ipoh",
      "country": "MY",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true,
      "listed": false
    },
    {
      "id": "d112",
      "name": "陈慧玲",
      "role": "Researcher in urban climate",
      "organization": "sg-tropical-cities",
      "city": "singapore",
      "country": "SG",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d113",
      "name": "Priya Raman",
      "role": "Service designer",
      "organization": "sg-marina-design-lab",
      "city": "singapore",
      "country": "SG",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d114",
      "name": "Chan Sophea",
      "role": "Culinary educator",
      "organization": "battambang-kitchen",
      "city": "battambang",
      "country": "KH",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d115",
      "name": "田中 美咲",
      "role": "Crafts curator",
      "organization": "kanazawa-crafts-studio",
      "city": "kanazawa",
      "country": "JP",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d116",
      "name": "Kenji Morimoto",
      "role": "City design official",
      "organization": "kobe-design-office",
      "city": "kobe",
      "country": "JP",
      "events": [
        "hanoi-2023",
        "hanoi-design-festival-2023"
      ],
      "illustrative": true
    },
    {
      "id": "d117",
      "name": "中村 陽子",
      "role": "Professor of design",
      "organization": "nagoya-design-school",
      "city": "nagoya",
      "country": "JP",
      "events": [
        "hanoi-2023"
      ],
      "illustrative": true
    }
  ]
}

"""##
}
