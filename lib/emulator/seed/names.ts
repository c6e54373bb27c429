// Name and place lists for the demo data, per country, so accounts read like the businesses an
// ops reviewer meets (local names, streets, postcodes, phone formats). Plain data, no logic.

export const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP'] as const;
export type Country = (typeof COUNTRIES)[number];

export type Locale = 'en' | 'de' | 'fr' | 'ja';
export const LOCALE: Record<Country, Locale> = { US: 'en', GB: 'en', DE: 'de', FR: 'fr', CA: 'en', AU: 'en', JP: 'ja' };

export const FIRST_NAMES: Record<Exclude<Country, 'JP'>, string[]> = {
  US: ['James', 'Mary', 'Michael', 'Patricia', 'Robert', 'Jennifer', 'David', 'Linda', 'Daniel', 'Sarah', 'Carlos', 'Maria', 'Wei', 'Aisha', 'Kevin', 'Emily', 'Jamal', 'Priya', 'Ryan', 'Olivia'],
  GB: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Sophie', 'Thomas', 'Charlotte', 'Mohammed', 'Emily', 'James', 'Grace', 'William', 'Lucy'],
  DE: ['Lukas', 'Anna', 'Maximilian', 'Lea', 'Jonas', 'Hannah', 'Felix', 'Laura', 'Paul', 'Sophie', 'Leon', 'Marie', 'Tobias', 'Julia', 'Stefan', 'Katharina'],
  FR: ['Louis', 'Emma', 'Gabriel', 'Jade', 'Hugo', 'Louise', 'Arthur', 'Alice', 'Jules', 'Chloé', 'Lucas', 'Léa', 'Antoine', 'Camille', 'Nicolas', 'Manon'],
  CA: ['Liam', 'Olivia', 'Noah', 'Emma', 'William', 'Charlotte', 'Benjamin', 'Chloé', 'Félix', 'Léa', 'Ethan', 'Ava', 'Mathieu', 'Sophie'],
  AU: ['Jack', 'Charlotte', 'William', 'Olivia', 'Noah', 'Mia', 'Thomas', 'Isla', 'Lachlan', 'Chloe', 'Cooper', 'Zoe', 'Oliver', 'Ruby'],
};

export const LAST_NAMES: Record<Exclude<Country, 'JP'>, string[]> = {
  US: ['Smith', 'Johnson', 'Williams', 'Garcia', 'Martinez', 'Chen', 'Patel', 'Nguyen', 'Brown', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thompson', 'Kim', 'Rivera', 'Clark', 'Walker'],
  GB: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Khan', 'Patel', 'Wright', 'Walker', 'Hughes', 'Edwards', 'Green'],
  DE: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann'],
  FR: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Fontaine'],
  CA: ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Smith', 'Brown', 'Wilson', 'MacDonald', 'Campbell', 'Lee', 'Martin', 'Singh', 'Thompson'],
  AU: ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Johnson', 'Martin', 'White', 'Anderson', 'Walker', 'Thompson', 'Kelly'],
};

/** Japanese names: kanji, katakana (Stripe's kana fields) and the romanised form. */
export interface JapaneseName {
  kanji: string;
  kana: string;
  romaji: string;
}

export const JP_LAST_NAMES: JapaneseName[] = [
  { kanji: '佐藤', kana: 'サトウ', romaji: 'Sato' },
  { kanji: '鈴木', kana: 'スズキ', romaji: 'Suzuki' },
  { kanji: '高橋', kana: 'タカハシ', romaji: 'Takahashi' },
  { kanji: '田中', kana: 'タナカ', romaji: 'Tanaka' },
  { kanji: '伊藤', kana: 'イトウ', romaji: 'Ito' },
  { kanji: '渡辺', kana: 'ワタナベ', romaji: 'Watanabe' },
  { kanji: '山本', kana: 'ヤマモト', romaji: 'Yamamoto' },
  { kanji: '中村', kana: 'ナカムラ', romaji: 'Nakamura' },
  { kanji: '小林', kana: 'コバヤシ', romaji: 'Kobayashi' },
  { kanji: '加藤', kana: 'カトウ', romaji: 'Kato' },
  { kanji: '吉田', kana: 'ヨシダ', romaji: 'Yoshida' },
  { kanji: '松本', kana: 'マツモト', romaji: 'Matsumoto' },
];

export const JP_FIRST_NAMES: JapaneseName[] = [
  { kanji: '健太', kana: 'ケンタ', romaji: 'Kenta' },
  { kanji: '翔太', kana: 'ショウタ', romaji: 'Shota' },
  { kanji: '大輔', kana: 'ダイスケ', romaji: 'Daisuke' },
  { kanji: '陽子', kana: 'ヨウコ', romaji: 'Yoko' },
  { kanji: '美咲', kana: 'ミサキ', romaji: 'Misaki' },
  { kanji: '直樹', kana: 'ナオキ', romaji: 'Naoki' },
  { kanji: '由美', kana: 'ユミ', romaji: 'Yumi' },
  { kanji: '拓也', kana: 'タクヤ', romaji: 'Takuya' },
  { kanji: '恵', kana: 'メグミ', romaji: 'Megumi' },
  { kanji: '誠', kana: 'マコト', romaji: 'Makoto' },
  { kanji: '彩', kana: 'アヤ', romaji: 'Aya' },
  { kanji: '浩二', kana: 'コウジ', romaji: 'Koji' },
];

/** A city with the postcodes and streets used there; `state` where the country's spec asks for it. */
export interface Place {
  city: string;
  state?: string;
  postal: string[];
  streets: string[];
}

export const PLACES: Record<Exclude<Country, 'JP'>, Place[]> = {
  US: [
    { city: 'San Francisco', state: 'CA', postal: ['94107', '94110', '94103'], streets: ['Market Street', 'Valencia Street', 'Folsom Street'] },
    { city: 'New York', state: 'NY', postal: ['10013', '10011', '10002'], streets: ['Broadway', 'Canal Street', 'Orchard Street'] },
    { city: 'Austin', state: 'TX', postal: ['78701', '78704'], streets: ['Congress Avenue', 'South Lamar Boulevard'] },
    { city: 'Seattle', state: 'WA', postal: ['98101', '98122'], streets: ['Pike Street', 'Pine Street'] },
    { city: 'Chicago', state: 'IL', postal: ['60607', '60622'], streets: ['Randolph Street', 'Milwaukee Avenue'] },
    { city: 'Denver', state: 'CO', postal: ['80202', '80205'], streets: ['Larimer Street', 'Blake Street'] },
    { city: 'Miami', state: 'FL', postal: ['33130', '33137'], streets: ['Brickell Avenue', 'Biscayne Boulevard'] },
    { city: 'Boston', state: 'MA', postal: ['02116', '02118'], streets: ['Boylston Street', 'Tremont Street'] },
    { city: 'Portland', state: 'OR', postal: ['97209', '97214'], streets: ['NW 23rd Avenue', 'SE Hawthorne Boulevard'] },
  ],
  GB: [
    { city: 'London', postal: ['EC1V 9HX', 'E1 6JE', 'SE1 9SG'], streets: ['Old Street', 'Brick Lane', 'Borough High Street'] },
    { city: 'Manchester', postal: ['M1 1AE', 'M4 1HQ'], streets: ['Portland Street', 'Oldham Street'] },
    { city: 'Bristol', postal: ['BS1 5TR', 'BS8 1QU'], streets: ['Queen Square', 'Park Street'] },
    { city: 'Edinburgh', postal: ['EH1 1YZ', 'EH3 6AT'], streets: ['High Street', 'George Street'] },
    { city: 'Leeds', postal: ['LS1 4DY', 'LS2 7EY'], streets: ['Briggate', 'Call Lane'] },
    { city: 'Birmingham', postal: ['B1 1BB', 'B5 4BU'], streets: ['Broad Street', 'Digbeth High Street'] },
  ],
  DE: [
    { city: 'Berlin', postal: ['10115', '10119', '10997'], streets: ['Torstraße', 'Invalidenstraße', 'Oranienstraße'] },
    { city: 'München', postal: ['80331', '80469'], streets: ['Sendlinger Straße', 'Müllerstraße'] },
    { city: 'Hamburg', postal: ['20095', '22767'], streets: ['Mönckebergstraße', 'Große Bergstraße'] },
    { city: 'Köln', postal: ['50667', '50672'], streets: ['Hohe Straße', 'Ehrenstraße'] },
    { city: 'Frankfurt am Main', postal: ['60311', '60316'], streets: ['Berger Straße', 'Zeil'] },
    { city: 'Leipzig', postal: ['04109', '04275'], streets: ['Karl-Liebknecht-Straße', 'Nikolaistraße'] },
  ],
  FR: [
    { city: 'Paris', postal: ['75011', '75003', '75010'], streets: ['rue Oberkampf', 'rue de Bretagne', 'rue du Faubourg Saint-Denis'] },
    { city: 'Lyon', postal: ['69002', '69007'], streets: ['rue de la République', 'rue Mercière'] },
    { city: 'Marseille', postal: ['13001', '13006'], streets: ['La Canebière', 'rue Paradis'] },
    { city: 'Bordeaux', postal: ['33000'], streets: ["cours de l'Intendance", 'rue Sainte-Catherine'] },
    { city: 'Lille', postal: ['59000', '59800'], streets: ['rue de Béthune', 'rue Esquermoise'] },
    { city: 'Nantes', postal: ['44000'], streets: ['rue Crébillon', 'quai de la Fosse'] },
  ],
  CA: [
    { city: 'Toronto', state: 'ON', postal: ['M5V 2T6', 'M6J 1H9'], streets: ['King Street West', 'Queen Street West'] },
    { city: 'Vancouver', state: 'BC', postal: ['V6B 1A1', 'V5T 3G5'], streets: ['Granville Street', 'Main Street'] },
    { city: 'Montréal', state: 'QC', postal: ['H2X 1Y4', 'H2T 1S6'], streets: ['rue Sainte-Catherine', 'boulevard Saint-Laurent'] },
    { city: 'Calgary', state: 'AB', postal: ['T2P 1J9', 'T2R 0B3'], streets: ['Stephen Avenue', '17th Avenue SW'] },
    { city: 'Ottawa', state: 'ON', postal: ['K1P 5J6', 'K1N 9J7'], streets: ['Sparks Street', 'Rideau Street'] },
  ],
  AU: [
    { city: 'Sydney', state: 'NSW', postal: ['2000', '2010'], streets: ['George Street', 'Crown Street'] },
    { city: 'Melbourne', state: 'VIC', postal: ['3000', '3065'], streets: ['Collins Street', 'Brunswick Street'] },
    { city: 'Brisbane', state: 'QLD', postal: ['4000', '4006'], streets: ['Queen Street', 'James Street'] },
    { city: 'Perth', state: 'WA', postal: ['6000'], streets: ['Hay Street', 'Murray Street'] },
    { city: 'Adelaide', state: 'SA', postal: ['5000'], streets: ['Rundle Street', 'Gouger Street'] },
  ],
};

/** A Japanese address as Stripe takes it twice: in kanji and in katakana. */
export interface JapanesePlace {
  postal: string;
  kanji: { state: string; city: string; town: string };
  kana: { state: string; city: string; town: string };
}

export const JP_PLACES: JapanesePlace[] = [
  { postal: '150-0001', kanji: { state: '東京都', city: '渋谷区', town: '神宮前' }, kana: { state: 'トウキョウト', city: 'シブヤク', town: 'ジングウマエ' } },
  { postal: '106-0032', kanji: { state: '東京都', city: '港区', town: '六本木' }, kana: { state: 'トウキョウト', city: 'ミナトク', town: 'ロッポンギ' } },
  { postal: '530-0001', kanji: { state: '大阪府', city: '大阪市北区', town: '梅田' }, kana: { state: 'オオサカフ', city: 'オオサカシキタク', town: 'ウメダ' } },
  { postal: '220-0012', kanji: { state: '神奈川県', city: '横浜市西区', town: 'みなとみらい' }, kana: { state: 'カナガワケン', city: 'ヨコハマシニシク', town: 'ミナトミライ' } },
  { postal: '810-0001', kanji: { state: '福岡県', city: '福岡市中央区', town: '天神' }, kana: { state: 'フクオカケン', city: 'フクオカシチュウオウク', town: 'テンジン' } },
  { postal: '460-0008', kanji: { state: '愛知県', city: '名古屋市中区', town: '栄' }, kana: { state: 'アイチケン', city: 'ナゴヤシナカク', town: 'サカエ' } },
];

/** Name stems for businesses, by language; combined with a vertical's words (catalog.ts). */
export const BUSINESS_STEMS: Record<Exclude<Locale, 'ja'>, string[]> = {
  en: ['Northwind', 'Bluebird', 'Harbor', 'Cedar', 'Summit', 'Lantern', 'Maple', 'Copper', 'Redwood', 'Brightside', 'Evergreen', 'Juniper', 'Ironbark', 'Willow', 'Sparrow', 'Meridian', 'Oakridge', 'Silverline', 'Kestrel', 'Tidewater', 'Granite', 'Saffron'],
  de: ['Alpen', 'Nordlicht', 'Lindenhof', 'Sonnenberg', 'Rheinblick', 'Isar', 'Spree', 'Elbe', 'Tannen', 'Falken', 'Eichen', 'Bergkristall'],
  fr: ['Belle Époque', 'Lumière', 'Rive Gauche', 'Mistral', 'Soleil', 'Côte Bleue', 'Olivier', 'Lavande', 'Voltaire', 'Montmartre', 'Bastide', 'Petite Maison'],
};

export const JP_STEMS: JapaneseName[] = [
  { kanji: 'さくら', kana: 'サクラ', romaji: 'Sakura' },
  { kanji: 'みどり', kana: 'ミドリ', romaji: 'Midori' },
  { kanji: '青空', kana: 'アオゾラ', romaji: 'Aozora' },
  { kanji: '富士', kana: 'フジ', romaji: 'Fuji' },
  { kanji: '大和', kana: 'ヤマト', romaji: 'Yamato' },
  { kanji: 'ひかり', kana: 'ヒカリ', romaji: 'Hikari' },
  { kanji: '新星', kana: 'シンセイ', romaji: 'Shinsei' },
  { kanji: '若葉', kana: 'ワカバ', romaji: 'Wakaba' },
];

export const COMPANY_SUFFIXES: Record<Exclude<Country, 'JP'>, string[]> = {
  US: ['LLC', 'Inc.', 'Co.'],
  GB: ['Ltd'],
  DE: ['GmbH', 'UG (haftungsbeschränkt)'],
  FR: ['SAS', 'SARL'],
  CA: ['Inc.', 'Ltd.'],
  AU: ['Pty Ltd'],
};

export const TLD: Record<Country, string> = { US: 'com', GB: 'co.uk', DE: 'de', FR: 'fr', CA: 'ca', AU: 'com.au', JP: 'jp' };

/** Phone prefix and the digits that follow it (E.164, which Stripe accepts everywhere). */
export const PHONE: Record<Country, { prefix: string; areas: string[]; digits: number }> = {
  US: { prefix: '+1', areas: ['415', '212', '512', '206', '312', '720'], digits: 7 },
  GB: { prefix: '+44', areas: ['20', '161', '117', '131', '113'], digits: 7 },
  DE: { prefix: '+49', areas: ['30', '89', '40', '221', '69'], digits: 7 },
  FR: { prefix: '+33', areas: ['1', '4', '5', '6'], digits: 8 },
  CA: { prefix: '+1', areas: ['416', '604', '514', '403', '613'], digits: 7 },
  AU: { prefix: '+61', areas: ['2', '3', '7', '8'], digits: 8 },
  JP: { prefix: '+81', areas: ['3', '6', '45', '92', '52'], digits: 8 },
};

export const TITLES: Record<Locale, { lead: string[]; other: string[] }> = {
  en: { lead: ['CEO', 'Founder', 'Managing Director', 'Owner'], other: ['CFO', 'COO', 'Head of Operations', 'Director'] },
  de: { lead: ['Geschäftsführer', 'Gründer', 'CEO'], other: ['Prokurist', 'CFO', 'Leiter Finanzen'] },
  fr: { lead: ['Président', 'Gérant', 'Fondateur'], other: ['Directeur financier', 'Directrice générale déléguée', 'COO'] },
  ja: { lead: ['代表取締役', '代表取締役社長'], other: ['取締役', '取締役CFO'] },
};

export const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
];
