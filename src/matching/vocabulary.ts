/**
 * The bilingual vocabulary: concepts of the twelve sectors, each named by French and English terms that
 * mean the same thing. A term matches a text when every meaningful word of it appears in the text, up to
 * stemming; so "télésurveillance des patients" and "remote patient monitoring" meet on one concept.
 * One line per concept: sector | concept | French terms ; … | English terms ; …
 */
const LINES = `
health|remote_monitoring|télésurveillance;télésuivi;suivi à distance des patients;surveillance à distance;télémonitoring|remote patient monitoring;remote monitoring;telemonitoring;remote patient follow-up
health|telemedicine|télémédecine;téléconsultation;e-santé;santé connectée|telemedicine;telehealth;teleconsultation;virtual care;digital health;connected health
health|medical_devices|dispositif médical;dispositifs médicaux;matériel médical;équipement médical|medical device;medical devices;medical equipment;medtech
health|clinical_trials|essai clinique;étude clinique;recherche clinique;investigation clinique|clinical trial;clinical study;clinical research;clinical investigation
health|cardiology|cardiologie;cardiaque;insuffisance cardiaque;cardiovasculaire|cardiology;cardiac;heart failure;cardiovascular;heart
health|oncology|oncologie;cancer;cancérologie;tumeur;immuno-oncologie|oncology;cancer;tumor;tumour;immuno-oncology
health|diagnostics|diagnostic;dépistage;imagerie médicale;IRM;radiologie|diagnostics;diagnosis;screening;medical imaging;MRI;radiology
health|biotech|biotechnologie;biotech;anticorps;biomédicament;thérapie génique|biotechnology;biotech;antibody;antibodies;biologics;gene therapy
health|hospital|hôpital;hôpitaux;centre hospitalier;établissement de santé|hospital;hospitals;health system;medical center;healthcare provider
health|regulatory|marquage CE;FDA;homologation;conformité réglementaire;affaires réglementaires|CE marking;FDA;FDA clearance;regulatory approval;regulatory compliance;regulatory affairs
health|neurology|neurologie;maladies neurodégénératives;Alzheimer;Parkinson;cerveau;cérébrale|neurology;neurodegenerative;Alzheimer;Parkinson;brain
health|ageing|vieillissement;personnes âgées;dépendance;maintien à domicile;silver économie|ageing;aging;elderly;older adults;senior care;aging in place;home care
digital|artificial_intelligence|intelligence artificielle;IA;apprentissage automatique;apprentissage profond|artificial intelligence;AI;machine learning;deep learning
digital|cybersecurity|cybersécurité;sécurité informatique;cyberdéfense;protection des données;sécurité des systèmes|cybersecurity;cyber security;information security;data protection;cyber defense
digital|cloud|cloud;informatique en nuage;hébergement;centre de données;datacenter|cloud;cloud computing;hosting;data center;datacenter
digital|data|données;big data;analyse de données;science des données|data;big data;data analytics;data science;analytics
digital|software|logiciel;logiciels;éditeur de logiciels;SaaS;application|software;software publisher;SaaS;application;app
digital|iot|objets connectés;capteurs connectés;internet des objets;IoT|connected devices;internet of things;IoT;smart sensors;connected sensors
digital|submarine_cables|câbles sous-marins;câble sous-marin;connectivité internationale|submarine cables;subsea cables;undersea cable;international connectivity
digital|smart_city|ville intelligente;smart city;jumeau numérique|smart city;digital twin
digital|blockchain|blockchain;chaîne de blocs;registre distribué|blockchain;distributed ledger
aeronautics|drones|drone;drones;aéronef sans pilote|drone;drones;unmanned aerial;UAV;unmanned aircraft
aeronautics|helicopters|hélicoptère;hélicoptères;voilure tournante|helicopter;helicopters;rotorcraft
aeronautics|mro|maintenance aéronautique;maintenance des aéronefs;MRO;entretien des avions|aircraft maintenance;MRO;maintenance repair and overhaul;aviation maintenance
aeronautics|satellites|satellite;satellites;spatial;observation de la terre;lanceur|satellite;satellites;space;earth observation;launcher;launch vehicle
aeronautics|aerospace_parts|pièces aéronautiques;composants aéronautiques;aérostructures;sous-traitance aéronautique|aircraft parts;aerospace components;aerostructures;aerospace supplier
aeronautics|airport|aéroport;aéroportuaire;compagnie aérienne|airport;airline;aviation services
maritime_logistics|ocean_freight|fret maritime;transport maritime de marchandises;transport maritime;conteneurs;porte-conteneurs|ocean freight;sea freight;maritime shipping;shipping;containers;container shipping;container ship
maritime_logistics|port|port;portuaire;terminal portuaire;quai;escale|port;seaport;port terminal;harbor;harbour
maritime_logistics|cold_chain|chaîne du froid;logistique frigorifique;transport frigorifique;entreposage frigorifique|cold chain;refrigerated logistics;reefer;cold storage
maritime_logistics|warehousing|entrepôt;entreposage;plateforme logistique;stockage|warehouse;warehousing;distribution center;fulfillment center;storage
maritime_logistics|freight_forwarding|commissionnaire de transport;transitaire;transit;dédouanement;douane|freight forwarder;freight forwarding;customs brokerage;customs clearance;customs
maritime_logistics|cruise|croisière;croisières;paquebot|cruise;cruises;cruise ship;cruise line
maritime_logistics|shipbuilding|construction navale;réparation navale;chantier naval|shipbuilding;ship repair;shipyard
maritime_logistics|last_mile|dernier kilomètre;livraison urbaine|last mile;last-mile delivery;urban delivery
energy_environment|solar|solaire;photovoltaïque;panneaux solaires|solar;photovoltaic;solar panels;PV
energy_environment|hydrogen|hydrogène;électrolyseur;pile à combustible|hydrogen;electrolyzer;electrolyser;fuel cell
energy_environment|offshore_wind|éolien en mer;éolien flottant;éolien offshore;éolienne|offshore wind;floating wind;wind turbine;wind power
energy_environment|water|eau;traitement de l'eau;dessalement;eaux usées;assainissement|water;water treatment;desalination;wastewater;sanitation
energy_environment|climate_resilience|résilience climatique;adaptation au changement climatique;montée des eaux;submersion;inondation|climate resilience;climate adaptation;sea level rise;storm surge;flooding;flood
energy_environment|energy_efficiency|efficacité énergétique;rénovation énergétique;sobriété énergétique|energy efficiency;energy retrofit;energy savings
energy_environment|waste|déchets;recyclage;économie circulaire;valorisation des déchets|waste;recycling;circular economy;waste recovery
energy_environment|decarbonization|décarbonation;bas carbone;neutralité carbone;empreinte carbone|decarbonization;decarbonisation;low carbon;net zero;carbon footprint
energy_environment|batteries|batterie;batteries;stockage d'énergie;mobilité électrique;recharge|battery;batteries;energy storage;electric mobility;EV charging
tourism|hotels|hôtel;hôtellerie;hébergement touristique|hotel;hotels;hospitality;lodging
tourism|destination|destination;office de tourisme;promotion touristique;attractivité|destination;tourism board;destination marketing;visitors bureau
tourism|business_events|congrès;salon professionnel;tourisme d'affaires;événementiel|convention;trade show;business events;MICE;event planning
tourism|tour_operators|voyagiste;tour-opérateur;agence de voyages;réceptif|tour operator;travel agency;inbound travel
tourism|gastronomy|gastronomie;restaurant;restauration;oenotourisme|gastronomy;restaurant;culinary;wine tourism
creative_industries|film|cinéma;tournage;production audiovisuelle;audiovisuel;série|film;film shoot;filming;audiovisual production;television series;TV
creative_industries|video_games|jeu vidéo;jeux vidéo;studio de jeux|video game;video games;game studio;gaming
creative_industries|music|musique;festival;spectacle vivant;salle de concert|music;festival;live entertainment;concert venue
creative_industries|design|design;designer;design d'espace;architecture intérieure|design;designer;interior design
creative_industries|fashion|mode;textile;prêt-à-porter;habillement|fashion;apparel;textile;clothing
creative_industries|art|art contemporain;galerie;musée;arts visuels|contemporary art;gallery;museum;visual arts
creative_industries|animation|animation;effets visuels;réalité virtuelle;immersif|animation;visual effects;VFX;virtual reality;immersive
agrifood|wine|vin;vins;viticulture;domaine viticole|wine;wines;winery;viticulture
agrifood|olive_oil|huile d'olive;oléiculture|olive oil
agrifood|food_import|importateur alimentaire;distribution alimentaire;épicerie fine;produits gourmets|food importer;food distribution;specialty food;gourmet food
agrifood|agritech|agriculture de précision;agritech;serre;hydroponie|precision agriculture;agtech;agritech;greenhouse;hydroponics
agrifood|seafood|produits de la mer;aquaculture;pêche|seafood;aquaculture;fishing;fisheries
agrifood|organic|bio;biologique;agriculture biologique|organic;organic farming
agrifood|food_processing|transformation alimentaire;industrie agroalimentaire;emballage alimentaire|food processing;food manufacturing;food packaging
finance|venture_capital|capital-risque;capital risque;investisseur;investisseurs;amorçage;levée de fonds;fonds d'investissement|venture capital;investor;investors;seed funding;fundraising;investment fund;seed
finance|banking|banque;bancaire;financement;crédit|bank;banking;financing;lending;credit
finance|insurance|assurance;assureur;réassurance|insurance;insurer;reinsurance
finance|fintech|fintech;paiement;paiements;néobanque|fintech;payments;payment;neobank
finance|trade_finance|financement du commerce international;crédit export;assurance-crédit|trade finance;export credit;credit insurance
finance|wealth|gestion de patrimoine;gestion d'actifs|wealth management;asset management
construction|real_estate|immobilier;promotion immobilière;foncier|real estate;property development;property
construction|sustainable_building|bâtiment durable;construction bas carbone;construction bois;écoconstruction|sustainable building;green building;low-carbon construction;timber construction
construction|urban_planning|urbanisme;aménagement urbain;rénovation urbaine|urban planning;urban development;urban renewal
construction|infrastructure|infrastructures;travaux publics;génie civil;ouvrages d'art|infrastructure;public works;civil engineering
construction|architecture|architecte;architecture;cabinet d'architecture|architect;architecture;architecture firm
construction|materials|matériaux de construction;béton;ciment|building materials;construction materials;concrete;cement
education_research|university|université;universitaire;enseignement supérieur;école d'ingénieurs;école|university;higher education;college;engineering school;school
education_research|research_lab|laboratoire;recherche scientifique;unité de recherche;centre de recherche;recherche et développement|laboratory;lab;scientific research;research center;research and development;research partnership
education_research|student_exchange|échange étudiant;mobilité étudiante;double diplôme;stage;stages|student exchange;student mobility;dual degree;internship;internships
education_research|tech_transfer|transfert de technologie;valorisation de la recherche;brevet;licence|technology transfer;tech transfer;patent;licensing
education_research|training|formation;formation continue;apprentissage;compétences|training;continuing education;upskilling;skills
education_research|marine_science|océanographie;biologie marine;sciences de la mer|oceanography;marine biology;marine science
cosmetics|fragrance|parfum;parfumerie;fragrance;senteur|perfume;fragrance;fragrances;scent
cosmetics|skincare|soin de la peau;cosmétique;dermocosmétique;crème|skincare;skin care;cosmetics;dermocosmetics;cream
cosmetics|natural_ingredients|ingrédients naturels;actifs naturels;plantes;huiles essentielles|natural ingredients;botanical;plant extracts;essential oils
cosmetics|soap|savon;savonnerie|soap;soap maker
cosmetics|retail|distribution sélective;grands magasins;boutique;commerce de détail;vente au détail|selective distribution;department store;retail;retailer;boutique
any|distribution|distributeur;distributeurs;distribution;revendeur;importateur|distributor;distributors;distribution;reseller;importer
any|export|export;exportation;exportateur|export;exporting;exporter
any|recruitment|recrutement;recruter;talents;embauche|recruitment;recruiting;hiring;talent
any|joint_venture|coentreprise;joint-venture;implantation;filiale|joint venture;subsidiary;establishment;set up operations
any|procurement|achats;fournisseur;fournisseurs;approvisionnement;sous-traitant|procurement;supplier;suppliers;sourcing;subcontractor
any|pilot|pilote;expérimentation;démonstrateur;preuve de concept|pilot;pilot project;demonstrator;proof of concept
`;

export interface Concept {
  id: string;
  /** The sector the concept belongs to, or `any` for terms of trade that every sector uses. */
  sector: string;
  fr: readonly string[];
  en: readonly string[];
}

export const CONCEPTS: readonly Concept[] = LINES.trim()
  .split('\n')
  .map((line) => {
    const [sector, id, fr, en] = line.split('|') as [string, string, string, string];
    const terms = (s: string) =>
      s
        .split(';')
        .map((t) => t.trim())
        .filter(Boolean);
    return { id, sector, fr: terms(fr), en: terms(en) };
  });
