import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SECTORS } from '../domain/sectors.ts';

const en = {
  appName: 'Escale',
  tagline: 'International economic missions, from the first meeting to signed contracts',
  signIn: 'Sign in',
  signOut: 'Sign out',
  email: 'E-mail',
  password: 'Password',
  withPassword: 'With a password',
  withLink: 'With a link by e-mail',
  sendLink: 'E-mail me a sign-in link',
  linkSent: 'If this address has an account, a sign-in link is on its way. It works once, for 20 minutes.',
  signingIn: 'Signing you in…',
  linkInvalid: 'This link is expired or already used. Ask for a new one.',
  myMissions: 'My missions',
  noMissions: 'You have no role in any mission yet.',
  organizations: 'organizations',
  people: 'people',
  overview: 'Overview',
  directory: 'Directory',
  publicPage: 'Public page',
  dates: '{{start}} to {{end}}',
  timezone: 'Time zone: {{tz}}',
  whyMeet: 'Why meet {{name}}',
  keyFigures: 'Key figures',
  sectorsPutForward: 'Sectors put forward',
  bySector: 'Organizations by sector',
  delegation: 'Delegation',
  host: 'Host',
  programme: 'Programme',
  capacity: '{{signups}} / {{capacity}} places',
  signupsOnly: '{{signups}} signed up',
  search: 'Search',
  searchPlaceholder: 'Name, city, offer, request…',
  allSectors: 'All sectors',
  allSides: 'Both sides',
  results: '{{count}} organizations',
  previous: 'Previous',
  next: 'Next',
  pageOf: 'Page {{page}} of {{pages}}',
  offers: 'Offers',
  requests: 'Requests',
  contacts: 'Contacts',
  website: 'Website',
  edit: 'Edit the profile',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Profile saved.',
  description: 'Description',
  city: 'City',
  sectors: 'Sectors',
  language: 'Language of the texts',
  oneItemPerLine: 'One per line',
  back: 'Back to the directory',
  notFound: 'Nothing here.',
  loading: 'Loading…',
  signInToSee: 'Sign in to see the participants and the programme.',
  role_organizer: 'Organizer',
  role_participant: 'Participant',
  role_official: 'Official',
  kind_company: 'Company',
  kind_startup: 'Start-up',
  kind_research: 'Research lab',
  kind_hospital: 'Hospital',
  kind_university: 'University',
  kind_public_agency: 'Public agency',
  kind_investor: 'Investor',
  kind_association: 'Association',
  programme_workshop: 'Workshop',
  programme_plenary: 'Plenary',
  programme_site_visit: 'Site visit',
  programme_reception: 'Reception',
  yourOrganization: 'Your organization',
  language_fr: 'French',
  language_en: 'English',
};

type Messages = typeof en;

const fr: Messages = {
  appName: 'Escale',
  tagline: 'Les missions économiques internationales, du premier rendez-vous aux contrats signés',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  email: 'Courriel',
  password: 'Mot de passe',
  withPassword: 'Avec un mot de passe',
  withLink: 'Avec un lien par courriel',
  sendLink: 'Recevoir un lien de connexion',
  linkSent:
    'Si cette adresse a un compte, un lien de connexion est en route. Il sert une fois, pendant 20 minutes.',
  signingIn: 'Connexion en cours…',
  linkInvalid: 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.',
  myMissions: 'Mes missions',
  noMissions: 'Vous n’avez encore de rôle dans aucune mission.',
  organizations: 'organisations',
  people: 'personnes',
  overview: 'Vue d’ensemble',
  directory: 'Annuaire',
  publicPage: 'Page publique',
  dates: 'du {{start}} au {{end}}',
  timezone: 'Fuseau horaire : {{tz}}',
  whyMeet: 'Pourquoi rencontrer {{name}}',
  keyFigures: 'Chiffres clés',
  sectorsPutForward: 'Filières mises en avant',
  bySector: 'Organisations par filière',
  delegation: 'Délégation',
  host: 'Accueil',
  programme: 'Programme',
  capacity: '{{signups}} / {{capacity}} places',
  signupsOnly: '{{signups}} inscrits',
  search: 'Rechercher',
  searchPlaceholder: 'Nom, ville, offre, demande…',
  allSectors: 'Toutes les filières',
  allSides: 'Les deux côtés',
  results: '{{count}} organisations',
  previous: 'Précédent',
  next: 'Suivant',
  pageOf: 'Page {{page}} sur {{pages}}',
  offers: 'Offres',
  requests: 'Demandes',
  contacts: 'Contacts',
  website: 'Site web',
  edit: 'Modifier le profil',
  save: 'Enregistrer',
  cancel: 'Annuler',
  saved: 'Profil enregistré.',
  description: 'Description',
  city: 'Ville',
  sectors: 'Filières',
  language: 'Langue des textes',
  oneItemPerLine: 'Une par ligne',
  back: 'Retour à l’annuaire',
  notFound: 'Rien ici.',
  loading: 'Chargement…',
  signInToSee: 'Connectez-vous pour voir les participants et le programme.',
  role_organizer: 'Organisateur',
  role_participant: 'Participant',
  role_official: 'Élu',
  kind_company: 'Entreprise',
  kind_startup: 'Jeune pousse',
  kind_research: 'Laboratoire',
  kind_hospital: 'Hôpital',
  kind_university: 'Université',
  kind_public_agency: 'Organisme public',
  kind_investor: 'Investisseur',
  kind_association: 'Association',
  programme_workshop: 'Atelier',
  programme_plenary: 'Plénière',
  programme_site_visit: 'Visite de site',
  programme_reception: 'Réception',
  yourOrganization: 'Votre organisation',
  language_fr: 'Français',
  language_en: 'Anglais',
};

const withSectors = (messages: Messages, lang: 'fr' | 'en') => ({
  ...messages,
  ...Object.fromEntries(SECTORS.map((s) => [`sector_${s.code}`, lang === 'fr' ? s.nameFr : s.nameEn])),
});

export type Lang = 'fr' | 'en';
const STORAGE_KEY = 'escale.lang';

function initialLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

const lng = initialLanguage();
document.documentElement.lang = lng;
void i18n.use(initReactI18next).init({
  lng,
  fallbackLng: 'en',
  resources: { en: { translation: withSectors(en, 'en') }, fr: { translation: withSectors(fr, 'fr') } },
  interpolation: { escapeValue: false },
});

export default i18n;
