import ExcelJS from 'exceljs';

/** Builds participant sheets for tests; every name here is fictional. */
export const HEADER_EN =
  'side,organization,kind,country,city,website,sectors,description,offers,requests,first_name,last_name,email,title,language';

export const SMALL_ROSTER_CSV = [
  HEADER_EN,
  'delegation,Bouillabaisse Robotics,startup,France,Marseille,https://bouillabaisse-robotics.example,digital;Santé,Robots de téléassistance,Robots de téléprésence | Maintenance à distance,Hôpitaux pilotes,Lina,Ferri,lina.ferri@bouillabaisse.example,CEO,fr',
  'delegation,Bouillabaisse Robotics,startup,France,Marseille,,,,,,Omar,Haddad,omar.haddad@bouillabaisse.example,CTO,fr',
  'host,Key West Devices,company,United States,Key West,,Health and life sciences,Medical device maker,Cardiac monitors,European distributors,Ruth,Ellison,ruth.ellison@keywest-devices.example,VP Sales,en',
].join('\n');

export const FRENCH_ROSTER_CSV = `\uFEFF${[
  'côté;organisation;type;pays;ville;site;filières;description;offres;demandes;prénom;nom;email;fonction;langue',
  'délégation;Navettes du Frioul;entreprise;France;Marseille;;Tourisme;Navettes maritimes;Excursions en mer;Croisiéristes;Jeanne;Aubanel;jeanne.aubanel@navettes.example;Gérante;fr',
  'hôte;Everglades Tours;company;United States;Miami;;tourism;Airboat tours;Guided tours;Tour operators;Mark;Delaney;mark.delaney@evtours.example;Owner;en',
].join('\r\n')}\r\n`;

export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('participants');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const csvRows = (csv: string): string[][] => csv.split('\n').map((line) => line.split(','));
