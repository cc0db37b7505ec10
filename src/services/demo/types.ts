/** name, kind, city, sectors (;-list), language, description, offers, requests, contact [first, last, title] */
export type DemoOrganization = [
  string,
  string,
  string,
  string,
  'fr' | 'en',
  string,
  string[],
  string[],
  [string, string, string],
];
