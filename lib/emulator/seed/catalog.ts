// What the demo businesses do and what can go wrong with them: verticals (MCC, product
// description, name words), the payment-method capabilities each country offers, Stripe's
// verification error codes with the sentences Stripe shows, and rejection reasons.
import type Stripe from 'stripe';
import type { Country } from './names';

export interface Vertical {
  /** Our own segmentation, shown in metadata.segment. */
  segment: string;
  mcc: string;
  description: string;
  words: { en: string[]; de: string[]; fr: string[]; ja: { kana: string; romaji: string } };
}

export const VERTICALS: Vertical[] = [
  { segment: 'apparel', mcc: '5691', description: 'Independent fashion label selling clothing and accessories online', words: { en: ['Apparel', 'Clothing Co'], de: ['Mode', 'Textil'], fr: ['Mode', 'Couture'], ja: { kana: 'アパレル', romaji: 'Apparel' } } },
  { segment: 'restaurants', mcc: '5812', description: 'Restaurant meals for pickup and local delivery', words: { en: ['Kitchen', 'Eatery'], de: ['Küche', 'Gasthaus'], fr: ['Bistrot', 'Cuisine'], ja: { kana: 'フーズ', romaji: 'Foods' } } },
  { segment: 'home_services', mcc: '7349', description: 'Home cleaning and maintenance services booked online', words: { en: ['Home Services', 'Cleaning'], de: ['Hausservice', 'Gebäudereinigung'], fr: ['Services', 'Nettoyage'], ja: { kana: 'ハウスサービス', romaji: 'House Service' } } },
  { segment: 'fitness', mcc: '7997', description: 'Fitness classes, memberships and personal training sessions', words: { en: ['Fitness', 'Athletics'], de: ['Fitness', 'Sportstudio'], fr: ['Fitness', 'Sport'], ja: { kana: 'フィットネス', romaji: 'Fitness' } } },
  { segment: 'digital_goods', mcc: '5815', description: 'Stock photography, fonts and design templates', words: { en: ['Digital', 'Creative'], de: ['Digital', 'Medien'], fr: ['Numérique', 'Création'], ja: { kana: 'デジタル', romaji: 'Digital' } } },
  { segment: 'software', mcc: '5734', description: 'Subscription software for small businesses', words: { en: ['Software', 'Labs'], de: ['Software', 'Systeme'], fr: ['Logiciels', 'Labs'], ja: { kana: 'ソフトウェア', romaji: 'Software' } } },
  { segment: 'lodging', mcc: '7011', description: 'Short-term holiday rentals and boutique lodging', words: { en: ['Stays', 'Lodge'], de: ['Ferienwohnungen', 'Pension'], fr: ['Gîtes', 'Séjours'], ja: { kana: 'ステイ', romaji: 'Stay' } } },
  { segment: 'education', mcc: '8299', description: 'Online tutoring and language courses', words: { en: ['Academy', 'Tutoring'], de: ['Akademie', 'Sprachschule'], fr: ['Académie', 'Cours'], ja: { kana: 'アカデミー', romaji: 'Academy' } } },
  { segment: 'crafts', mcc: '5970', description: 'Handmade jewellery, ceramics and crafts', words: { en: ['Crafts', 'Ceramics'], de: ['Keramik', 'Manufaktur'], fr: ['Artisanat', 'Céramique'], ja: { kana: 'クラフト', romaji: 'Craft' } } },
  { segment: 'electronics', mcc: '5732', description: 'Refurbished phones, laptops and accessories', words: { en: ['Electronics', 'Devices'], de: ['Elektronik', 'Technik'], fr: ['Électronique', 'High-Tech'], ja: { kana: 'エレクトロニクス', romaji: 'Electronics' } } },
  { segment: 'events', mcc: '7922', description: 'Concert, festival and event tickets', words: { en: ['Events', 'Tickets'], de: ['Events', 'Tickets'], fr: ['Événements', 'Billetterie'], ja: { kana: 'イベント', romaji: 'Events' } } },
  { segment: 'beauty', mcc: '7230', description: 'Hair, nail and spa appointments', words: { en: ['Beauty', 'Salon'], de: ['Kosmetik', 'Salon'], fr: ['Beauté', 'Salon'], ja: { kana: 'ビューティー', romaji: 'Beauty' } } },
  { segment: 'photography', mcc: '7221', description: 'Portrait, wedding and event photography', words: { en: ['Photography', 'Studio'], de: ['Fotografie', 'Fotostudio'], fr: ['Photographie', 'Studio'], ja: { kana: 'フォト', romaji: 'Photo' } } },
  { segment: 'pets', mcc: '5995', description: 'Pet food, toys and grooming supplies', words: { en: ['Pet Supply', 'Pets'], de: ['Tierbedarf', 'Heimtier'], fr: ['Animalerie', 'Animaux'], ja: { kana: 'ペット', romaji: 'Pet' } } },
  { segment: 'florist', mcc: '5992', description: 'Fresh flower arrangements with same-day delivery', words: { en: ['Flowers', 'Florist'], de: ['Blumen', 'Floristik'], fr: ['Fleurs', 'Fleuriste'], ja: { kana: 'フラワー', romaji: 'Flower' } } },
  { segment: 'consulting', mcc: '7392', description: 'Freelance consulting and design services', words: { en: ['Consulting', 'Partners'], de: ['Beratung', 'Consulting'], fr: ['Conseil', 'Consulting'], ja: { kana: 'コンサルティング', romaji: 'Consulting' } } },
];

/** Payment-method capabilities an account in each country plausibly requests besides cards and transfers. */
export const EXTRA_CAPABILITIES: Record<Country, string[]> = {
  US: ['us_bank_account_ach_payments', 'cashapp_payments', 'affirm_payments', 'klarna_payments', 'link_payments', 'tax_reporting_us_1099_k'],
  GB: ['bacs_debit_payments', 'klarna_payments', 'afterpay_clearpay_payments', 'link_payments', 'sepa_debit_payments'],
  DE: ['sepa_debit_payments', 'giropay_payments', 'sofort_payments', 'klarna_payments', 'p24_payments', 'eps_payments'],
  FR: ['sepa_debit_payments', 'cartes_bancaires_payments', 'bancontact_payments', 'klarna_payments'],
  CA: ['acss_debit_payments', 'afterpay_clearpay_payments', 'link_payments'],
  AU: ['au_becs_debit_payments', 'afterpay_clearpay_payments', 'link_payments'],
  JP: ['jcb_payments', 'konbini_payments', 'jp_bank_transfer_payments'],
};

type Code = Stripe.Account.Requirements.Error.Code;

/** An error on an identity document, with what Stripe tells the account holder. */
export const DOCUMENT_ERRORS: { code: Code; reason: string }[] = [
  { code: 'verification_document_expired', reason: 'The document has expired. Upload an unexpired, government-issued identity document.' },
  { code: 'verification_document_fraudulent', reason: 'The document might have been altered so it could not be verified. Contact support for more information.' },
  { code: 'verification_document_name_mismatch', reason: 'The name on the identity document does not match the name provided on the account.' },
  { code: 'verification_document_dob_mismatch', reason: 'The date of birth on the identity document does not match the date of birth provided on the account.' },
  { code: 'verification_document_not_readable', reason: 'The document could not be read. Upload a clear colour image showing all four corners of the document.' },
  { code: 'verification_document_manipulated', reason: 'The document appears to have been manipulated and could not be verified. Upload an original, unedited document.' },
];

export const ADDRESS_ERROR = {
  code: 'verification_failed_address_match' as Code,
  reason: 'The address could not be verified. Upload a proof of address, such as a utility bill or bank statement dated within the last six months.',
};

export const TAX_ID_ERRORS: { code: Code; reason: string }[] = [
  { code: 'invalid_tax_id', reason: 'The tax ID provided is not valid. Check the number and submit it again.' },
  { code: 'verification_failed_tax_id_match', reason: 'The tax ID and legal business name provided do not match the records of the tax authority.' },
];

export const KEYED_IDENTITY_ERROR = {
  code: 'verification_failed_keyed_identity' as Code,
  reason: 'The identity information entered could not be verified. Correct any errors or upload an identity document that matches it.',
};

/** Reasons a platform gives POST /v1/accounts/:id/reject (2026-09-30.endive and later; `fraud` before). */
export const PLATFORM_REJECT_REASONS = ['fraud_other', 'fraud_payment_method_casher', 'fraud_payment_method_tester', 'fraud_no_intent_to_fulfill', 'terms_of_service', 'credit', 'fraud', 'other'] as const;

/** Stripe's own rejections. */
export const STRIPE_REJECT_REASONS = ['fraud', 'terms_of_service', 'listed'] as const;

export const ONBOARDING_SOURCES = ['self_serve', 'sales_assisted', 'partner_referral', 'migration'];
