//! Demo data of the logbook: a year of meetings, decisions, actions and links across the three
//! approaches of Zonnedal. Zonnedal-Centrum has the fullest history (with one decision that a
//! later one supersedes and two overdue actions), Dorpskern Beekveld is just starting, and
//! Populierenbuurt en Vogelwijk keeps its logbook in English. A few meetings lie ahead and have
//! no minutes yet; a few entries are visible to their own organisation only, so the demo shows
//! what that visibility hides.
//!
//! Entries refer to earlier entries of the same approach by their index in the list, and to
//! knooppunten by phase and position in the method pack, as the approaches do; a knooppunt of a
//! phase the approach has not reached is left out. Loading it twice changes nothing.

use anyhow::Context;
use samenspel_domain::logbook::{ActionStatus, EntryKind, MeetingKind, Visibility};
use samenspel_domain::method::Pack;
use samenspel_store::logbook::{self, Audience, Fields, Filter};
use samenspel_store::sql::Sql;
use samenspel_store::{EntryId, OrgId, UserId, approaches};
use time::macros::time;
use time::{Duration, OffsetDateTime, Time};

const MUNICIPALITY: &str = "Gemeente Zonnedal";
const ENERGY: &str = "Energiecoöperatie Zonnedal Energie";
const LINDE: &str = "Buurtvereniging De Linde";
const BEEKVELD: &str = "Dorpsraad Beekveld";
const POPULIEREN: &str = "Warmtegroep Populierenbuurt";
const HOUSING: &str = "Woonstichting Zonnedal";
const GRID: &str = "RegioNet netbeheer";
const FACILITATOR: &str = "Stichting Buurtkracht";

/// The demo person who records an organisation's entries.
const RECORDERS: &[(&str, &str)] = &[
    (MUNICIPALITY, "projectleider@zonnedal.example"),
    (ENERGY, "kernteam@zonnedalenergie.example"),
    (LINDE, "secretaris@delinde.example"),
    (BEEKVELD, "dorpsraad@beekveld.example"),
    (POPULIEREN, "warmtegroep@populierenbuurt.example"),
    (HOUSING, "adviseur@woonstichtingzonnedal.example"),
    (GRID, "wijkregisseur@regionet.example"),
    (FACILITATOR, "begeleider@buurtkracht.example"),
];

const LINDE_HOUSE: &str = "Buurthuis De Linde";
const TOWN_HALL: &str = "Gemeentehuis Zonnedal, zaal De Brink";
const VILLAGE_HALL: &str = "Dorpshuis Beekveld";
const POPULIER_ROOM: &str = "Buurtkamer De Populier, Populierenlaan 12";
const ONLINE: &str = "Online";

/// All the parties of Zonnedal-Centrum that sit in its project team.
const CENTRUM_TEAM: &[&str] = &[MUNICIPALITY, ENERGY, LINDE, HOUSING, GRID];
/// All the parties of Populierenbuurt en Vogelwijk.
const NOORD_TEAM: &[&str] = &[MUNICIPALITY, POPULIEREN, HOUSING, GRID];

/// One entry of a demo logbook.
struct Item {
    /// Days from today: negative in the past.
    days: i64,
    /// The organisation that records it.
    by: &'static str,
    visibility: Visibility,
    title: &'static str,
    body: &'static str,
    /// The parties that attended (meeting) or took the decision.
    parties: &'static [&'static str],
    /// Knooppunten as (phase index, position within the phase).
    nodes: &'static [(usize, usize)],
    what: What,
}

/// What is particular to each kind. Indexes point at earlier items of the same logbook.
enum What {
    Meeting {
        kind: MeetingKind,
        /// Start in UTC.
        start: Time,
        minutes: i64,
        place: &'static str,
        online_url: &'static str,
        agenda: &'static str,
        /// Attendees without an account.
        names: &'static [&'static str],
    },
    Decision {
        meeting: Option<usize>,
        /// Days from today.
        review: Option<i64>,
        supersedes: Option<usize>,
    },
    Action {
        owner_org: Option<&'static str>,
        owner_user: Option<&'static str>,
        /// Days from today.
        due: i64,
        status: ActionStatus,
        meeting: Option<usize>,
        decision: Option<usize>,
    },
    Link {
        url: &'static str,
    },
}

const CENTRUM: &[Item] = &[
    // 0
    Item {
        days: -350,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Kennismaking gemeente en Zonnedal Energie",
        body: "Eerste gesprek tussen de gemeente en de coöperatie, op initiatief van de coöperatie. \
               Stichting Buurtkracht schoof aan als begeleider.\n\n\
               - De coöperatie vertelde over haar zonnedaken en wil nu ook iets met warmte doen.\n\
               - De gemeente lichtte de planning van de Transitievisie Warmte toe: Zonnedal-Centrum \
               staat bij de eerste wijken.\n\
               - Beide kanten willen eerst weten wat de ander verwacht voordat er afspraken komen.\n\
               - De coöperatie mist een vast aanspreekpunt bij de gemeente.\n\n\
               Volgende stap: een verdiepend gesprek met ook de buurtvereniging De Linde erbij.",
        parties: &[MUNICIPALITY, ENERGY, FACILITATOR],
        nodes: &[(0, 8), (0, 6), (0, 10)],
        what: What::Meeting {
            kind: MeetingKind::Acquaintance,
            start: time!(18:30),
            minutes: 120,
            place: TOWN_HALL,
            online_url: "",
            agenda: "1. Voorstelronde\n2. Wat doet Zonnedal Energie nu al?\n\
                     3. De Transitievisie Warmte en Zonnedal-Centrum\n4. Wat verwachten we van elkaar?",
            names: &[],
        },
    },
    // 1
    Item {
        days: -349,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Vast aanspreekpunt aanwijzen voor Zonnedal-Centrum",
        body: "Eén persoon bij de gemeente die de coöperatie en de buurtvereniging kunnen bellen, \
               en die de vragen binnen het gemeentehuis uitzet.",
        parties: &[],
        nodes: &[(0, 4)],
        what: What::Action {
            owner_org: Some(MUNICIPALITY),
            owner_user: Some("projectleider@zonnedal.example"),
            due: -320,
            status: ActionStatus::Done,
            meeting: Some(0),
            decision: None,
        },
    },
    // 2
    Item {
        days: -320,
        by: LINDE,
        visibility: Visibility::Public,
        title: "Buurtavond: wat betekent aardgasvrij voor De Linde?",
        body: "Ruim zestig bewoners in een volle zaal. De buurtvereniging opende, de gemeente \
               vertelde waarom Zonnedal-Centrum als een van de eerste wijken aan de beurt is.\n\n\
               - Veel vragen over de kosten: wie betaalt de aanpassingen in huis?\n\
               - Zorgen bij oudere bewoners of ze wel mee kunnen komen.\n\
               - Een groep bewoners rond het Lindeplein is nieuwsgierig naar een eigen warmtenet.\n\
               - Twintig mensen lieten hun e-mailadres achter om op de hoogte te blijven.\n\n\
               De vragen zijn verzameld en komen terug op de website van de buurtvereniging.",
        parties: &[LINDE, ENERGY, MUNICIPALITY],
        nodes: &[(0, 12)],
        what: What::Meeting {
            kind: MeetingKind::Neighbourhood,
            start: time!(18:30),
            minutes: 120,
            place: LINDE_HOUSE,
            online_url: "",
            agenda: "1. Welkom door de buurtvereniging\n2. Waarom van het aardgas af?\n\
                     3. Vragen uit de zaal\n4. Wie wil meedenken?",
            names: &[
                "Anna de Vries (bewoner)",
                "Henk Jansen (bewoner Lindeplein)",
                "Mirjam Postma (bewoner Kerkstraat)",
            ],
        },
    },
    // 3
    Item {
        days: -300,
        by: MUNICIPALITY,
        visibility: Visibility::Own,
        title: "Interne voorbereiding: rol van de gemeente en intentieovereenkomst",
        body: "Intern overleg ter voorbereiding op de gesprekken met de coöperatie en de \
               buurtvereniging.\n\n\
               - We kiezen voor een netwerkende rol: de gemeente regisseert het proces, de \
               coöperatie neemt het initiatief in de buurt.\n\
               - Juridische zaken kijkt mee naar een model voor de intentieovereenkomst.\n\
               - Financiën onderzoekt of er procesgeld voor de coöperatie kan komen.\n\
               - De wethouder wil de raad informeren voordat er iets getekend wordt.",
        parties: &[MUNICIPALITY],
        nodes: &[(0, 1), (0, 5)],
        what: What::Meeting {
            kind: MeetingKind::Other,
            start: time!(9:00),
            minutes: 90,
            place: "Gemeentehuis Zonnedal, kamer 2.14",
            online_url: "",
            agenda: "1. Rol van de gemeente in Zonnedal-Centrum\n2. Opzet intentieovereenkomst\n\
                     3. Procesgeld\n4. Informeren van de raad",
            names: &["Jeroen Smit (juridische zaken)", "Nadia Koster (financiën)"],
        },
    },
    // 4
    Item {
        days: -285,
        by: FACILITATOR,
        visibility: Visibility::Parties,
        title: "Ambitiesessie met gemeente, coöperatie en buurtvereniging",
        body: "Samen gewerkt aan één zin waar iedereen achter kan staan. Eerst schreef elke partij \
               op wat zij wil bereiken, daarna zochten we de overlap.\n\n\
               - De coöperatie wil dat bewoners eigenaar worden van hun warmte.\n\
               - De buurtvereniging wil dat niemand erop achteruitgaat in woonlasten.\n\
               - De gemeente wil Zonnedal-Centrum in 2035 aardgasvrij.\n\n\
               De ambitie is aan het eind van de avond vastgesteld; zie het besluit.",
        parties: &[MUNICIPALITY, ENERGY, LINDE, FACILITATOR],
        nodes: &[(0, 13)],
        what: What::Meeting {
            kind: MeetingKind::CoCreation,
            start: time!(18:30),
            minutes: 150,
            place: LINDE_HOUSE,
            online_url: "",
            agenda: "1. Wat wil ieder van ons bereiken?\n2. Waar overlappen we?\n\
                     3. Eén gedeelde ambitie\n4. Hoe verder?",
            names: &[],
        },
    },
    // 5
    Item {
        days: -285,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "Gedeelde ambitie: Oude Kern en De Linde aardgasvrij in 2035",
        body: "Gemeente, coöperatie en buurtvereniging leggen samen vast waar ze naartoe werken: \
               in 2035 verwarmen de bewoners van Oude Kern en De Linde hun huis zonder aardgas, \
               tegen woonlasten die niet hoger zijn dan nu.\n\n\
               **Waarom:** een gedeeld doel maakt duidelijk waar elke volgende stap aan moet \
               bijdragen, en geeft bewoners iets om de partijen aan te houden.",
        parties: &[MUNICIPALITY, ENERGY, LINDE],
        nodes: &[(0, 13)],
        what: What::Decision {
            meeting: Some(4),
            review: None,
            supersedes: None,
        },
    },
    // 6
    Item {
        days: -250,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "Intentieovereenkomst Zonnedal-Centrum ondertekend",
        body: "De wethouder, de voorzitter van Zonnedal Energie en de voorzitter van \
               buurtvereniging De Linde hebben de intentieovereenkomst getekend in het buurthuis.\n\n\
               **Waarom:** met de overeenkomst spreken de partijen uit dat ze de komende jaren \
               samen een plan van aanpak maken, en wie daarin welke rol heeft. De raad is vooraf \
               met een memo geïnformeerd.",
        parties: &[MUNICIPALITY, ENERGY, LINDE],
        nodes: &[(0, 14)],
        what: What::Decision {
            meeting: None,
            review: None,
            supersedes: None,
        },
    },
    // 7
    Item {
        days: -230,
        by: ENERGY,
        visibility: Visibility::Parties,
        title: "Eerste projectteamoverleg",
        body: "Voor het eerst met alle partners aan tafel, nu ook met de woonstichting en de \
               netbeheerder.\n\n\
               - Afgesproken hoe vaak we bijeenkomen en wie voorzit (zie het besluit).\n\
               - De coöperatie vraagt offertes op voor een haalbaarheidsstudie naar een warmtenet.\n\
               - RegioNet brengt in kaart hoeveel ruimte het elektriciteitsnet nog heeft.\n\
               - De woonstichting heeft 180 huurwoningen in het gebied en wil haar \
               renovatieplanning laten aansluiten.",
        parties: CENTRUM_TEAM,
        nodes: &[(1, 1), (1, 2)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:00),
            minutes: 90,
            place: ONLINE,
            online_url: "https://meet.zonnedal.example/zonnedal-centrum-projectteam",
            agenda: "1. Kennismaking met de nieuwe partners\n2. Overlegstructuur\n\
                     3. Haalbaarheidsstudie warmtenet\n4. Netcapaciteit",
            names: &[],
        },
    },
    // 8
    Item {
        days: -230,
        by: ENERGY,
        visibility: Visibility::Parties,
        title: "Projectteam komt elke vier weken bijeen",
        body: "Het projectteam vergadert elke vier weken online, op dinsdagavond. De voorzitter \
               rouleert tussen de gemeente en de coöperatie.\n\n\
               **Waarom:** in deze fase gebeurt veel tegelijk; een vast ritme voorkomt dat \
               partners langs elkaar heen werken.",
        parties: CENTRUM_TEAM,
        nodes: &[(1, 2)],
        what: What::Decision {
            meeting: Some(7),
            review: Some(-60),
            supersedes: None,
        },
    },
    // 9
    Item {
        days: -229,
        by: ENERGY,
        visibility: Visibility::Parties,
        title: "Offertes opvragen voor de haalbaarheidsstudie warmtenet",
        body: "Drie bureaus vragen om een voorstel voor een studie naar een warmtenet rond het \
               Lindeplein, met de vraag om twee varianten door te rekenen.",
        parties: &[],
        nodes: &[(1, 0)],
        what: What::Action {
            owner_org: Some(ENERGY),
            owner_user: Some("kernteam@zonnedalenergie.example"),
            due: -200,
            status: ActionStatus::Done,
            meeting: Some(7),
            decision: None,
        },
    },
    // 10
    Item {
        days: -229,
        by: GRID,
        visibility: Visibility::Parties,
        title: "Capaciteit van het elektriciteitsnet in Oude Kern en De Linde in kaart brengen",
        body: "Per straat nagaan hoeveel warmtepompen het net nu aankan, en waar verzwaring nodig \
               is als de meeste huizen elektrisch gaan verwarmen.",
        parties: &[],
        nodes: &[],
        what: What::Action {
            owner_org: Some(GRID),
            owner_user: Some("wijkregisseur@regionet.example"),
            due: -170,
            status: ActionStatus::Done,
            meeting: Some(7),
            decision: None,
        },
    },
    // 11
    Item {
        days: -200,
        by: ENERGY,
        visibility: Visibility::Own,
        title: "Kernteam Zonnedal Energie: ledenwerving en eigenaarschap",
        body: "Overleg van het kernteam van de coöperatie, zonder partners.\n\n\
               - We staan op 140 leden; het doel is 250 voor het eind van het jaar.\n\
               - Als het warmtenet er komt, willen we minstens de helft van de aandelen in \
               handen van bewoners. Dat brengen we pas in het projectteam als de studie er ligt.\n\
               - Lotte maakt een flyer, Wim zoekt uit wat een stand op de weekmarkt kost.\n\
               - We hebben iemand nodig met verstand van financiering; Buurtkracht kan helpen \
               zoeken.",
        parties: &[ENERGY],
        nodes: &[(1, 6)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:30),
            minutes: 120,
            place: "Kantoor Zonnedal Energie, Molenstraat 4",
            online_url: "",
            agenda: "1. Stand ledenwerving\n2. Eigendom van een warmtenet\n3. Rolverdeling kernteam",
            names: &[
                "Wim Dekker (penningmeester)",
                "Lotte Vermeer (communicatie)",
            ],
        },
    },
    // 12
    Item {
        days: -199,
        by: ENERGY,
        visibility: Visibility::Own,
        title: "Ledenwerving: stand op de weekmarkt en flyer huis-aan-huis",
        body: "Twee zaterdagen een stand op de weekmarkt, en een flyer in alle brievenbussen van \
               Oude Kern en De Linde.",
        parties: &[],
        nodes: &[],
        what: What::Action {
            owner_org: Some(ENERGY),
            owner_user: Some("kernteam@zonnedalenergie.example"),
            due: -150,
            status: ActionStatus::Done,
            meeting: Some(11),
            decision: None,
        },
    },
    // 13
    Item {
        days: -190,
        by: LINDE,
        visibility: Visibility::Parties,
        title: "Keukentafelgesprekken rond het Lindeplein",
        body: "Vrijwilligers van de buurtvereniging gaan langs bij bewoners die vragen hebben, \
               vooral bij ouderen en huurders. Wat ze horen, komt terug in het plan van aanpak.",
        parties: &[],
        nodes: &[(1, 5)],
        what: What::Action {
            owner_org: Some(LINDE),
            owner_user: Some("secretaris@delinde.example"),
            due: -110,
            status: ActionStatus::Done,
            meeting: None,
            decision: None,
        },
    },
    // 14
    Item {
        days: -140,
        by: FACILITATOR,
        visibility: Visibility::Parties,
        title: "Leerbezoek aan het buurtwarmtenet van Dijkhuizen",
        body: "Met een busje naar Dijkhuizen, waar een bewonerscoöperatie sinds vier jaar een \
               klein warmtenet beheert.\n\n\
               - Het net draait op een collectieve bodemwarmtepomp met opslag.\n\
               - Het lastigste was niet de techniek, maar genoeg aansluitingen vóór de \
               investeringsbeslissing.\n\
               - Tip: zorg voor één vast gezicht bij de gemeente en bij de netbeheerder.\n\
               - De huurders kwamen pas mee toen de woonstichting zich uitsprak.",
        parties: &[ENERGY, LINDE, MUNICIPALITY, FACILITATOR],
        nodes: &[(1, 6)],
        what: What::Meeting {
            kind: MeetingKind::Learning,
            start: time!(8:30),
            minutes: 240,
            place: "Dorpshuis Dijkhuizen",
            online_url: "",
            agenda: "1. Rondleiding langs de warmtecentrale\n2. Gesprek met het bestuur\n\
                     3. Wat nemen we mee naar Zonnedal?",
            names: &["Bert van Dam (Warmtecoöperatie Dijkhuizen)"],
        },
    },
    // 15
    Item {
        days: -139,
        by: FACILITATOR,
        visibility: Visibility::Parties,
        title: "Tweede leerbezoek organiseren, nu met huurders",
        body: "Een tweede bezoek aan Dijkhuizen voor huurders van de woonstichting.\n\n\
               Vervallen: de woonstichting organiseert zelf een bijeenkomst voor haar huurders.",
        parties: &[],
        nodes: &[],
        what: What::Action {
            owner_org: Some(FACILITATOR),
            owner_user: Some("begeleider@buurtkracht.example"),
            due: -60,
            status: ActionStatus::Cancelled,
            meeting: Some(14),
            decision: None,
        },
    },
    // 16
    Item {
        days: -110,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Projectteam: uitkomsten haalbaarheidsstudie warmtenet",
        body: "Het bureau presenteerde de haalbaarheidsstudie.\n\n\
               - Een warmtenet rond het Lindeplein is haalbaar vanaf ongeveer 60% deelname.\n\
               - Variant A (hoge temperatuur, restwarmte van de zuivering) valt af: de bron is \
               te onzeker.\n\
               - Variant B (middentemperatuur met collectieve warmtepomp) past het best bij de \
               jarendertigwoningen.\n\
               - Voor de rest van Oude Kern lijken individuele warmtepompen met isolatie beter.\n\
               - RegioNet: het net in Oude Kern moet hoe dan ook verzwaard worden.",
        parties: &[MUNICIPALITY, ENERGY, LINDE, HOUSING, GRID, FACILITATOR],
        nodes: &[(1, 0)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:00),
            minutes: 120,
            place: TOWN_HALL,
            online_url: "",
            agenda: "1. Presentatie haalbaarheidsstudie\n2. Vragen en reacties per partij\n\
                     3. Keuze van de variant om verder uit te werken",
            names: &["Daan Wouters (adviesbureau)"],
        },
    },
    // 17
    Item {
        days: -110,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "Warmtenet De Linde verder uitwerken als middentemperatuurnet",
        body: "Het projectteam werkt variant B uit de haalbaarheidsstudie verder uit: een \
               middentemperatuurnet met een collectieve warmtepomp voor de huizen rond het \
               Lindeplein. Voor de rest van Oude Kern gaan we uit van isolatie en individuele \
               warmtepompen.\n\n\
               **Waarom:** deze variant heeft een betrouwbare bron, past bij de bouwjaren in De \
               Linde en houdt de woonlasten volgens de studie op het huidige niveau. Het is nog \
               geen definitieve keuze; die volgt na de draagvlakpeiling.",
        parties: &[MUNICIPALITY, ENERGY, LINDE, HOUSING],
        nodes: &[(1, 0)],
        what: What::Decision {
            meeting: Some(16),
            review: Some(120),
            supersedes: None,
        },
    },
    // 18
    Item {
        days: -109,
        by: ENERGY,
        visibility: Visibility::Parties,
        title: "Eindrapport haalbaarheidsstudie warmtenet De Linde",
        body: "Het volledige rapport met de twee varianten, de kostenramingen per woningtype en \
               de aannames over deelname.",
        parties: &[],
        nodes: &[(1, 0)],
        what: What::Link {
            url: "https://www.zonnedalenergie.example/documenten/haalbaarheidsstudie-warmtenet-de-linde.pdf",
        },
    },
    // 19
    Item {
        days: -109,
        by: HOUSING,
        visibility: Visibility::Parties,
        title: "Renovatieplanning van de huurwoningen rond het Lindeplein delen",
        body: "De woonstichting deelt welke huurwoningen wanneer een renovatie krijgen, zodat het \
               warmtenet en de isolatie op elkaar kunnen aansluiten.",
        parties: &[],
        nodes: &[(1, 1)],
        what: What::Action {
            owner_org: Some(HOUSING),
            owner_user: Some("adviseur@woonstichtingzonnedal.example"),
            due: -30,
            status: ActionStatus::InProgress,
            meeting: Some(16),
            decision: None,
        },
    },
    // 20
    Item {
        days: -75,
        by: ENERGY,
        visibility: Visibility::Public,
        title: "Informatieavond warmtenet en isolatie",
        body: "Zo'n negentig bewoners kwamen luisteren naar de uitkomsten van de studie.\n\n\
               - Uitleg over het middentemperatuurnet: wat verandert er in huis?\n\
               - De woonstichting vertelde wat dit betekent voor huurders.\n\
               - Veel belangstelling voor isolatie: bewoners willen samen inkopen (zie besluit).\n\
               - Veertig huishoudens schreven zich in voor een gratis warmtescan.\n\
               - Vragen over subsidies gaan mee naar de gemeente.",
        parties: &[ENERGY, LINDE, MUNICIPALITY, HOUSING],
        nodes: &[(1, 5)],
        what: What::Meeting {
            kind: MeetingKind::Neighbourhood,
            start: time!(18:30),
            minutes: 120,
            place: LINDE_HOUSE,
            online_url: "",
            agenda: "1. Uitkomsten haalbaarheidsstudie\n2. Wat betekent het voor huurders?\n\
                     3. Isoleren: waar begin je?\n4. Aanmelden warmtescan",
            names: &[
                "Anna de Vries (bewoner)",
                "Pieter Bos (bewoner Oude Kern)",
                "Yara Mahmoud (bewoner)",
                "Theo Kuipers (huurderskoepel)",
            ],
        },
    },
    // 21
    Item {
        days: -75,
        by: ENERGY,
        visibility: Visibility::Public,
        title: "Collectieve inkoop van isolatie voor eigenaar-bewoners",
        body: "De coöperatie organiseert een collectieve inkoop van dak-, vloer- en \
               spouwmuurisolatie voor eigenaar-bewoners in Oude Kern en De Linde. De gemeente \
               betaalt de begeleiding en wijst bewoners op de landelijke isolatiesubsidie.\n\n\
               **Waarom:** isoleren is bij elke warmteoplossing de eerste stap, en samen inkopen \
               maakt het goedkoper en eenvoudiger.",
        parties: &[ENERGY, MUNICIPALITY],
        nodes: &[],
        what: What::Decision {
            meeting: Some(20),
            review: Some(100),
            supersedes: None,
        },
    },
    // 22
    Item {
        days: -74,
        by: LINDE,
        visibility: Visibility::Parties,
        title: "Warmtescans bij veertig woningen laten uitvoeren",
        body: "Een warmtecamera laat zien waar een huis warmte verliest. De buurtvereniging \
               plant de scans in met de aangemelde bewoners en bespreekt de uitkomsten met hen.",
        parties: &[],
        nodes: &[(1, 5)],
        what: What::Action {
            owner_org: Some(LINDE),
            owner_user: Some("secretaris@delinde.example"),
            due: 45,
            status: ActionStatus::InProgress,
            meeting: Some(20),
            decision: Some(21),
        },
    },
    // 23
    Item {
        days: -74,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Draagvlakenquête warmtenet voorbereiden",
        body: "Een korte enquête voor alle huishoudens rond het Lindeplein: wie overweegt aan te \
               sluiten op het warmtenet, en onder welke voorwaarden?",
        parties: &[],
        nodes: &[(1, 4)],
        what: What::Action {
            owner_org: Some(MUNICIPALITY),
            owner_user: Some("beleid@zonnedal.example"),
            due: -14,
            status: ActionStatus::Open,
            meeting: Some(20),
            decision: None,
        },
    },
    // 24
    Item {
        days: -60,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "Transitievisie Warmte gemeente Zonnedal",
        body: "De vastgestelde transitievisie, met de volgorde van de wijken en de \
               voorkeursalternatieven per buurt.",
        parties: &[],
        nodes: &[],
        what: What::Link {
            url: "https://www.zonnedal.example/transitievisie-warmte",
        },
    },
    // 25
    Item {
        days: -35,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Projectteam: hoe gaat onze samenwerking?",
        body: "Een half jaar na de start keken we terug met de vragen van de \
               samenwerkingsmonitor.\n\n\
               - Iedereen ervaart het overleg als open, maar elke vier weken is te vaak voor de \
               vrijwilligers.\n\
               - De coöperatie wil tussendoor kort kunnen schakelen met de gemeente.\n\
               - RegioNet vraagt om eerder betrokken te worden bij keuzes over de straat.\n\n\
               Het ritme van het projectteam is aangepast; zie het nieuwe besluit.",
        parties: CENTRUM_TEAM,
        nodes: &[(1, 8)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:00),
            minutes: 90,
            place: ONLINE,
            online_url: "https://meet.zonnedal.example/zonnedal-centrum-projectteam",
            agenda: "1. Uitkomsten samenwerkingsmonitor\n2. Ritme van het overleg\n\
                     3. Stand van de acties",
            names: &[],
        },
    },
    // 26
    Item {
        days: -35,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Projectteam komt om de zes weken bijeen, met een kernoverleg ertussen",
        body: "Het projectteam vergadert voortaan om de zes weken. Tussendoor hebben de \
               projectleider van de gemeente en het kernteam van de coöperatie een kort \
               kernoverleg. RegioNet krijgt de agenda vooraf en sluit aan als er keuzes over de \
               openbare ruimte op tafel liggen.\n\n\
               **Waarom:** elke vier weken vroeg te veel van de vrijwilligers, terwijl korte \
               vragen juist sneller beantwoord moeten worden.",
        parties: CENTRUM_TEAM,
        nodes: &[(1, 2)],
        what: What::Decision {
            meeting: Some(25),
            review: Some(150),
            supersedes: Some(8),
        },
    },
    // 27
    Item {
        days: -34,
        by: GRID,
        visibility: Visibility::Parties,
        title: "Netverzwaring Oude Kern opnemen in de investeringsplanning",
        body: "RegioNet neemt de verzwaring van het laagspanningsnet in Oude Kern op in de \
               planning, en stemt de werkzaamheden af met de aanleg van het warmtenet.",
        parties: &[],
        nodes: &[],
        what: What::Action {
            owner_org: Some(GRID),
            owner_user: Some("wijkregisseur@regionet.example"),
            due: 60,
            status: ActionStatus::Open,
            meeting: Some(25),
            decision: None,
        },
    },
    // 28
    Item {
        days: 9,
        by: ENERGY,
        visibility: Visibility::Parties,
        title: "Projectteam: opzet draagvlakenquête en samenwerkingsovereenkomst",
        body: "",
        parties: CENTRUM_TEAM,
        nodes: &[(1, 4), (1, 9)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:00),
            minutes: 90,
            place: ONLINE,
            online_url: "https://meet.zonnedal.example/zonnedal-centrum-projectteam",
            agenda: "1. Concept van de draagvlakenquête\n2. Eerste opzet samenwerkingsovereenkomst\n\
                     3. Planning van de buurtavond",
            names: &[],
        },
    },
    // 29
    Item {
        days: 16,
        by: LINDE,
        visibility: Visibility::Public,
        title: "Buurtavond: uitkomsten van de warmtescans",
        body: "",
        parties: &[LINDE, ENERGY, MUNICIPALITY],
        nodes: &[(1, 5)],
        what: What::Meeting {
            kind: MeetingKind::Neighbourhood,
            start: time!(18:30),
            minutes: 120,
            place: LINDE_HOUSE,
            online_url: "",
            agenda: "1. Wat lieten de warmtescans zien?\n2. Collectieve inkoop isolatie: hoe doe je mee?\n\
                     3. Vooruitblik op de enquête over het warmtenet",
            names: &[],
        },
    },
];

const BEEKVELD_LOG: &[Item] = &[
    // 0
    Item {
        days: -120,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Kennismaking dorpsraad Beekveld en gemeente",
        body: "De dorpsraad had zelf om dit gesprek gevraagd na vragen uit het dorp.\n\n\
               - In Beekveld staan veel oude, vrijstaande huizen; bewoners vrezen hoge kosten.\n\
               - De dorpsraad wil eerst weten wat er al gebeurt: er is een zonnepanelengroep en \
               een groep rond de kerk die het gebouw wil verduurzamen.\n\
               - De dorpsraad zoekt begeleiding; de gemeente vraagt Buurtkracht.",
        parties: &[MUNICIPALITY, BEEKVELD],
        nodes: &[(0, 8), (0, 0)],
        what: What::Meeting {
            kind: MeetingKind::Acquaintance,
            start: time!(18:30),
            minutes: 90,
            place: VILLAGE_HALL,
            online_url: "",
            agenda: "1. Voorstellen\n2. Wat leeft er in Beekveld?\n3. Wat kan de gemeente doen?",
            names: &["Ria Hofman (zonnepanelengroep Beekveld)"],
        },
    },
    // 1
    Item {
        days: -119,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Buurtkracht vragen de dorpsraad te begeleiden",
        body: "Een buurtbegeleider van Stichting Buurtkracht helpt de dorpsraad om de eigen \
               ambitie scherp te krijgen en het gesprek met de gemeente voor te bereiden.",
        parties: &[],
        nodes: &[(0, 10)],
        what: What::Action {
            owner_org: Some(MUNICIPALITY),
            owner_user: Some("projectleider@zonnedal.example"),
            due: -90,
            status: ActionStatus::Done,
            meeting: Some(0),
            decision: None,
        },
    },
    // 2
    Item {
        days: -80,
        by: FACILITATOR,
        visibility: Visibility::Parties,
        title: "Verdiepend gesprek: wat wil Beekveld zelf?",
        body: "Onder begeleiding van Buurtkracht verkenden de dorpsraad en de gemeente wat ieder \
               wil en kan.\n\n\
               - De dorpsraad wil aanjagen en informeren, maar geen warmtebedrijf worden.\n\
               - Een warmtenet ligt in een dorp met zoveel vrijstaande huizen niet voor de hand; \
               isoleren en warmtepompen waarschijnlijk wel.\n\
               - Eerst een enquête, dan een dorpsavond.",
        parties: &[BEEKVELD, FACILITATOR, MUNICIPALITY],
        nodes: &[(0, 6), (0, 9)],
        what: What::Meeting {
            kind: MeetingKind::InDepth,
            start: time!(18:30),
            minutes: 120,
            place: VILLAGE_HALL,
            online_url: "",
            agenda: "1. Doelen, wensen en verwachtingen\n2. Wat doet de dorpsraad wel en niet?\n\
                     3. Volgende stappen",
            names: &[],
        },
    },
    // 3
    Item {
        days: -80,
        by: BEEKVELD,
        visibility: Visibility::Parties,
        title: "Dorpsraad wordt aanjager, geen uitvoerder",
        body: "De dorpsraad haalt op wat het dorp wil, informeert de inwoners en brengt mensen \
               samen. Uitvoering, zoals aanleg of inkoop, laat de dorpsraad aan anderen.\n\n\
               **Waarom:** de dorpsraad bestaat uit vrijwilligers en wil haar rol als \
               onafhankelijke stem van het dorp houden.",
        parties: &[BEEKVELD, MUNICIPALITY],
        nodes: &[(0, 9)],
        what: What::Decision {
            meeting: Some(2),
            review: Some(200),
            supersedes: None,
        },
    },
    // 4
    Item {
        days: -79,
        by: BEEKVELD,
        visibility: Visibility::Parties,
        title: "Enquête onder alle huishoudens opstellen",
        body: "Vragen over het type woning, de isolatie, de plannen van bewoners en wat ze nodig \
               hebben om de stap te zetten. Op papier en online.",
        parties: &[],
        nodes: &[(0, 11)],
        what: What::Action {
            owner_org: Some(BEEKVELD),
            owner_user: Some("dorpsraad@beekveld.example"),
            due: -20,
            status: ActionStatus::Open,
            meeting: Some(2),
            decision: None,
        },
    },
    // 5
    Item {
        days: -50,
        by: BEEKVELD,
        visibility: Visibility::Own,
        title: "Werkgroep energie van de dorpsraad: opzet dorpsavond",
        body: "Intern overleg van de dorpsraad.\n\n\
               - De werkgroep energie telt nu vier mensen; we zoeken er jongere dorpsgenoten bij.\n\
               - De dorpsavond komt na de zomer in het dorpshuis.\n\
               - We vragen de gemeente om een bijdrage voor zaal en sprekers.",
        parties: &[BEEKVELD],
        nodes: &[(0, 7)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:30),
            minutes: 90,
            place: VILLAGE_HALL,
            online_url: "",
            agenda: "1. Samenstelling werkgroep\n2. Datum en opzet dorpsavond\n3. Begroting",
            names: &[
                "Klaas Mulder (werkgroep energie)",
                "Sophie Brink (werkgroep energie)",
            ],
        },
    },
    // 6
    Item {
        days: -49,
        by: FACILITATOR,
        visibility: Visibility::Parties,
        title: "Voorbeeldberekening maken voor een jarendertigwoning",
        body: "Wat kost isoleren en een warmtepomp voor een typisch vrijstaand huis uit de jaren \
               dertig in Beekveld, en wat levert het op? Voor de dorpsavond.",
        parties: &[],
        nodes: &[],
        what: What::Action {
            owner_org: Some(FACILITATOR),
            owner_user: Some("begeleider@buurtkracht.example"),
            due: 20,
            status: ActionStatus::InProgress,
            meeting: Some(2),
            decision: None,
        },
    },
    // 7
    Item {
        days: -30,
        by: BEEKVELD,
        visibility: Visibility::Public,
        title: "Energiepagina op de website van de dorpsraad",
        body: "Hier zet de dorpsraad het nieuws over energie en warmte in Beekveld, en straks de \
               uitkomsten van de enquête.",
        parties: &[],
        nodes: &[],
        what: What::Link {
            url: "https://www.dorpsraadbeekveld.example/energie",
        },
    },
    // 8
    Item {
        days: -20,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "Gemeente steunt de dorpsavond met een bijdrage en een spreker",
        body: "De gemeente betaalt de zaalhuur en de koffie van de dorpsavond en levert een \
               spreker over de Transitievisie Warmte en de subsidies voor isolatie.\n\n\
               **Waarom:** de dorpsraad neemt het initiatief; de gemeente wil dat ondersteunen \
               zonder het over te nemen.",
        parties: &[MUNICIPALITY, BEEKVELD],
        nodes: &[(0, 1)],
        what: What::Decision {
            meeting: None,
            review: None,
            supersedes: None,
        },
    },
    // 9
    Item {
        days: -19,
        by: BEEKVELD,
        visibility: Visibility::Parties,
        title: "Uitnodiging voor de dorpsavond huis-aan-huis bezorgen",
        body: "Een uitnodiging in elke brievenbus, en een aankondiging in het dorpsblad.",
        parties: &[],
        nodes: &[(0, 12)],
        what: What::Action {
            owner_org: Some(BEEKVELD),
            owner_user: Some("dorpsraad@beekveld.example"),
            due: 25,
            status: ActionStatus::Open,
            meeting: None,
            decision: Some(8),
        },
    },
    // 10
    Item {
        days: 30,
        by: BEEKVELD,
        visibility: Visibility::Public,
        title: "Dorpsavond: van het gas af in Beekveld",
        body: "",
        parties: &[BEEKVELD, MUNICIPALITY, FACILITATOR],
        nodes: &[(0, 12)],
        what: What::Meeting {
            kind: MeetingKind::Neighbourhood,
            start: time!(18:30),
            minutes: 150,
            place: VILLAGE_HALL,
            online_url: "",
            agenda: "1. Welkom door de dorpsraad\n2. Wat betekent aardgasvrij voor Beekveld?\n\
                     3. Rekenvoorbeeld: een jarendertigwoning\n4. Subsidies en vragen\n\
                     5. Wie doet mee in de werkgroep?",
            names: &[],
        },
    },
];

const NOORD: &[Item] = &[
    // 0
    Item {
        days: -300,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Project team: final draft of the plan of approach",
        body: "Last round of comments on the plan of approach before it goes to the board of \
               each partner.\n\n\
               - The heat group asks for a clearer section on residents who do not read Dutch.\n\
               - The housing association wants its renovation cycle to set the pace.\n\
               - RegioNet flags that Vogelwijk needs a new substation before most homes go \
               electric.\n\
               - The cooperation agreement follows the plan; a draft is ready.",
        parties: NOORD_TEAM,
        nodes: &[(1, 0), (1, 9)],
        what: What::Meeting {
            kind: MeetingKind::ProjectTeam,
            start: time!(18:00),
            minutes: 90,
            place: ONLINE,
            online_url: "https://meet.zonnedal.example/populierenbuurt-project-team",
            agenda: "1. Comments on the plan of approach\n2. Draft cooperation agreement\n\
                     3. Planning",
            names: &[],
        },
    },
    // 1
    Item {
        days: -270,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "Cooperation agreement for Populierenbuurt and Vogelwijk signed",
        body: "The municipality, the heat group and the housing association signed the \
               cooperation agreement. It sets out the roles, the meeting structure and how \
               decisions are made until the implementation plan is adopted.\n\n\
               **Why:** the plan of approach is agreed, and the partners are about to spend real \
               money and time; that calls for firm agreements.",
        parties: &[MUNICIPALITY, POPULIEREN, HOUSING],
        nodes: &[(1, 9)],
        what: What::Decision {
            meeting: None,
            review: None,
            supersedes: None,
        },
    },
    // 2
    Item {
        days: -220,
        by: POPULIEREN,
        visibility: Visibility::Parties,
        title: "In-depth session: revisiting our core values",
        body: "Now that the plans get concrete, we checked whether our starting points still \
               hold.\n\n\
               - 'Nobody is left behind' stays first: tenants and owners, whatever language \
               they speak.\n\
               - We add 'no surprises': every household hears about a change in their street \
               at least six months ahead.\n\
               - The housing association endorses both values for its tenants.",
        parties: &[POPULIEREN, MUNICIPALITY, HOUSING],
        nodes: &[(2, 0)],
        what: What::Meeting {
            kind: MeetingKind::InDepth,
            start: time!(18:30),
            minutes: 120,
            place: POPULIER_ROOM,
            online_url: "",
            agenda: "1. Our core values, one year on\n2. What do they mean in practice?\n\
                     3. Next steps",
            names: &[],
        },
    },
    // 3
    Item {
        days: -219,
        by: POPULIEREN,
        visibility: Visibility::Parties,
        title: "Translate the information leaflet into Dutch, Turkish and Polish",
        body: "The leaflet about the plans exists in English only. Volunteers from the \
               neighbourhood translate it, and the municipality pays for printing.",
        parties: &[],
        nodes: &[(2, 5)],
        what: What::Action {
            owner_org: Some(POPULIEREN),
            owner_user: Some("warmtegroep@populierenbuurt.example"),
            due: -180,
            status: ActionStatus::Done,
            meeting: Some(2),
            decision: None,
        },
    },
    // 4
    Item {
        days: -160,
        by: POPULIEREN,
        visibility: Visibility::Public,
        title: "Street meetings: all-electric, street by street",
        body: "An evening with a table per street, each with a map and a volunteer.\n\n\
               - Around 120 residents came, about a third of them tenants.\n\
               - Most streets lean towards heat pumps after insulation; two streets of small \
               terraced houses prefer a shared solution.\n\
               - Many questions about noise of outdoor units and about costs for owners.\n\
               - RegioNet showed when each street's grid will be reinforced.",
        parties: NOORD_TEAM,
        nodes: &[(2, 1)],
        what: What::Meeting {
            kind: MeetingKind::Neighbourhood,
            start: time!(18:30),
            minutes: 150,
            place: "Gymzaal basisschool De Merel, Vogelwijk",
            online_url: "",
            agenda: "1. Where we stand\n2. Tables per street\n3. What we heard\n4. Next steps",
            names: &[
                "Liam O'Connor (resident)",
                "Agnieszka Nowak (resident, Merelstraat)",
                "Mehmet Demir (tenant)",
            ],
        },
    },
    // 5
    Item {
        days: -130,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Co-creation workshop: the outline of the implementation plan",
        body: "Partners and a group of residents drafted the outline of the implementation plan \
               together.\n\n\
               - Order of the streets, based on the grid reinforcement and the renovation \
               cycle.\n\
               - A shared heat pump for the two streets of small terraced houses.\n\
               - A help desk in the Buurtkamer for subsidies and contractors.\n\
               - The heat alternative was agreed at the end of the workshop; see the decision.",
        parties: NOORD_TEAM,
        nodes: &[(2, 1), (2, 2)],
        what: What::Meeting {
            kind: MeetingKind::CoCreation,
            start: time!(9:00),
            minutes: 240,
            place: POPULIER_ROOM,
            online_url: "",
            agenda: "1. What the street meetings told us\n2. Order of the streets\n\
                     3. Support for households\n4. The heat alternative",
            names: &[
                "Liam O'Connor (resident)",
                "Fenna Smits (resident, Populierenlaan)",
            ],
        },
    },
    // 6
    Item {
        days: -130,
        by: MUNICIPALITY,
        visibility: Visibility::Public,
        title: "All-electric is the heat alternative for Populierenbuurt and Vogelwijk",
        body: "The homes of Populierenbuurt and Vogelwijk will be heated with heat pumps after \
               insulation. Two streets of small terraced houses get a shared heat pump.\n\n\
               **Why:** the homes are fairly young and easy to insulate, there is no suitable \
               heat source for a network nearby, and most streets preferred it at the street \
               meetings.",
        parties: NOORD_TEAM,
        nodes: &[(2, 1)],
        what: What::Decision {
            meeting: Some(5),
            review: Some(230),
            supersedes: None,
        },
    },
    // 7
    Item {
        days: -129,
        by: GRID,
        visibility: Visibility::Parties,
        title: "Plan the reinforcement of the low-voltage grid in Vogelwijk",
        body: "A new substation at the edge of Vogelwijk and heavier cables in four streets, \
               planned so that the streets are opened only once.",
        parties: &[],
        nodes: &[],
        what: What::Action {
            owner_org: Some(GRID),
            owner_user: Some("wijkregisseur@regionet.example"),
            due: 120,
            status: ActionStatus::InProgress,
            meeting: None,
            decision: Some(6),
        },
    },
    // 8
    Item {
        days: -90,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Learning session: how is our collaboration going?",
        body: "Every partner filled in the collaboration review beforehand; we discussed the \
               outcomes together.\n\n\
               - Trust has grown, especially between the heat group and the housing \
               association.\n\
               - The heat group feels it carries too much of the resident contact alone.\n\
               - Decisions are sometimes taken between meetings without everyone knowing; from \
               now on they go in this logbook.",
        parties: NOORD_TEAM,
        nodes: &[(2, 7)],
        what: What::Meeting {
            kind: MeetingKind::Learning,
            start: time!(18:00),
            minutes: 120,
            place: TOWN_HALL,
            online_url: "",
            agenda: "1. Results of the collaboration review\n2. What goes well\n\
                     3. What we change",
            names: &[],
        },
    },
    // 9
    Item {
        days: -89,
        by: MUNICIPALITY,
        visibility: Visibility::Parties,
        title: "Draft the council proposal for the implementation plan",
        body: "The council decides on the implementation plan. The proposal includes the \
               order of the streets, the support for households and the costs for the \
               municipality.",
        parties: &[],
        nodes: &[(2, 3)],
        what: What::Action {
            owner_org: Some(MUNICIPALITY),
            owner_user: Some("beleid@zonnedal.example"),
            due: 20,
            status: ActionStatus::InProgress,
            meeting: None,
            decision: Some(6),
        },
    },
    // 10
    Item {
        days: -60,
        by: HOUSING,
        visibility: Visibility::Parties,
        title: "Investment decision: 320 rental homes go all-electric",
        body: "The board of Woonstichting Zonnedal approved the investment to insulate 320 \
               rental homes in Populierenbuurt and Vogelwijk and fit them with heat pumps, over \
               three years.\n\n\
               **Why:** the homes are due for maintenance anyway; combining the work keeps the \
               disruption for tenants to one period and the rent increase within the agreed \
               limits.",
        parties: &[HOUSING],
        nodes: &[(2, 4)],
        what: What::Decision {
            meeting: None,
            review: Some(300),
            supersedes: None,
        },
    },
    // 11
    Item {
        days: -59,
        by: HOUSING,
        visibility: Visibility::Parties,
        title: "Home visits to all tenants before the works start",
        body: "A tenant adviser visits every household to explain the works, the planning and \
               what changes in the rent and the energy bill.",
        parties: &[],
        nodes: &[(2, 5)],
        what: What::Action {
            owner_org: Some(HOUSING),
            owner_user: Some("adviseur@woonstichtingzonnedal.example"),
            due: 40,
            status: ActionStatus::InProgress,
            meeting: None,
            decision: Some(10),
        },
    },
    // 12
    Item {
        days: -40,
        by: POPULIEREN,
        visibility: Visibility::Parties,
        title: "Draft implementation plan (shared folder)",
        body: "The latest draft of the implementation plan, with comments from all partners.",
        parties: &[],
        nodes: &[(2, 2)],
        what: What::Link {
            url: "https://docs.populierenbuurt.example/implementation-plan-draft",
        },
    },
    // 13
    Item {
        days: -20,
        by: POPULIEREN,
        visibility: Visibility::Parties,
        title: "Find a street ambassador for every street",
        body: "One resident per street who knows the plans, answers questions from neighbours \
               and tells the heat group what worries people.",
        parties: &[],
        nodes: &[(2, 6)],
        what: What::Action {
            owner_org: Some(POPULIEREN),
            owner_user: Some("warmtegroep@populierenbuurt.example"),
            due: 30,
            status: ActionStatus::Open,
            meeting: Some(8),
            decision: None,
        },
    },
    // 14
    Item {
        days: 23,
        by: POPULIEREN,
        visibility: Visibility::Public,
        title: "Information evening: the implementation plan",
        body: "",
        parties: NOORD_TEAM,
        nodes: &[(2, 2), (2, 5)],
        what: What::Meeting {
            kind: MeetingKind::Neighbourhood,
            start: time!(18:30),
            minutes: 120,
            place: "Gymzaal basisschool De Merel, Vogelwijk",
            online_url: "",
            agenda: "1. The implementation plan in short\n2. When is my street's turn?\n\
                     3. Subsidies and the help desk\n4. Questions",
            names: &[],
        },
    },
];

/// The demo logbooks, by the name of their approach.
const LOGBOOKS: &[(&str, &[Item])] = &[
    ("Wijkaanpak Zonnedal-Centrum", CENTRUM),
    ("Dorpskern Beekveld", BEEKVELD_LOG),
    ("Populierenbuurt en Vogelwijk", NOORD),
];

/// The keys of the knooppunten at (phase index, position), leaving out phases after `phase`.
fn node_keys(pack: &Pack, phase: usize, wanted: &[(usize, usize)]) -> Vec<String> {
    wanted
        .iter()
        .filter(|(p, _)| *p <= phase)
        .filter_map(|(p, position)| {
            let key = pack.phases.get(*p)?.key.as_str();
            pack.nodes
                .iter()
                .filter(|n| n.phase == key)
                .nth(*position)
                .map(|n| n.key.clone())
        })
        .collect()
}

/// The id of an earlier item of the same logbook.
fn earlier(ids: &[EntryId], index: Option<usize>) -> anyhow::Result<Option<EntryId>> {
    index
        .map(|i| {
            ids.get(i)
                .copied()
                .with_context(|| format!("demo logbook item {i} is not an earlier one"))
        })
        .transpose()
}

pub fn load(
    c: &mut Sql<'_>,
    org_of: &dyn Fn(&str) -> Option<OrgId>,
    user_of: &dyn Fn(&str) -> Option<UserId>,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let zonnedal = org_of(MUNICIPALITY).context("demo municipality")?;
    let found = approaches::of_municipality(c, zonnedal, now.date(), i64::MAX, 0)?;
    let reader = Audience {
        user: None,
        party: true,
    };
    for (name, _) in LOGBOOKS {
        let Some(approach) = found.iter().find(|a| a.name == *name) else {
            continue;
        };
        let (entries, _) = logbook::timeline(c, approach.id, reader, &Filter::default(), None, 1)?;
        if !entries.is_empty() {
            return Ok(());
        }
    }
    let pack = Pack::default_pack().map_err(|p| anyhow::anyhow!("method pack: {p:?}"))?;
    let org = |name: &str| org_of(name).with_context(|| format!("demo organisation {name}"));
    let person = |email: &str| user_of(email).with_context(|| format!("demo person {email}"));
    let recorder = |name: &str| {
        RECORDERS
            .iter()
            .find(|(o, _)| *o == name)
            .map(|(_, email)| *email)
            .with_context(|| format!("demo recorder of {name}"))
    };
    for (name, items) in LOGBOOKS {
        let Some(approach) = found.iter().find(|a| a.name == *name) else {
            continue;
        };
        let phase = pack.phase_index(&approach.phase_key).unwrap_or(0);
        let mut ids: Vec<EntryId> = Vec::with_capacity(items.len());
        for item in *items {
            let day = now + Duration::days(item.days);
            let by = org(item.by)?;
            let user = person(recorder(item.by)?)?;
            let at = day.replace_time(time!(9:00));
            let mut fields = Fields::new(item.visibility, item.title, at);
            fields.body = item.body.to_owned();
            fields.parties = item
                .parties
                .iter()
                .copied()
                .map(org)
                .collect::<anyhow::Result<_>>()?;
            fields.nodes = node_keys(&pack, phase, item.nodes);
            let kind = match item.what {
                What::Meeting {
                    kind,
                    start,
                    minutes,
                    place,
                    online_url,
                    agenda,
                    names,
                } => {
                    let at = day.replace_time(start);
                    fields.happened_at = at;
                    fields.meeting_kind = Some(kind);
                    fields.ends_at = Some(at + Duration::minutes(minutes));
                    fields.place = place.to_owned();
                    fields.online_url = online_url.to_owned();
                    fields.agenda = agenda.to_owned();
                    fields.attendee_names = names.iter().copied().map(str::to_owned).collect();
                    EntryKind::Meeting
                }
                What::Decision {
                    meeting,
                    review,
                    supersedes: earlier_decision,
                } => {
                    // After the evening's meeting, on the same Dutch day.
                    fields.happened_at = day.replace_time(time!(21:00));
                    fields.meeting = earlier(&ids, meeting)?;
                    fields.review_on = review.map(|d| (now + Duration::days(d)).date());
                    fields.supersedes = earlier(&ids, earlier_decision)?;
                    EntryKind::Decision
                }
                What::Action {
                    owner_org,
                    owner_user,
                    due,
                    status,
                    meeting,
                    decision,
                } => {
                    fields.owner_org = owner_org.map(org).transpose()?;
                    fields.owner_user = owner_user.map(person).transpose()?;
                    fields.due_on = Some((now + Duration::days(due)).date());
                    fields.action_status = Some(status);
                    fields.meeting = earlier(&ids, meeting)?;
                    fields.decision = earlier(&ids, decision)?;
                    EntryKind::Action
                }
                What::Link { url } => {
                    fields.url = url.to_owned();
                    EntryKind::Link
                }
            };
            let recorded = fields.happened_at.min(now);
            let id = logbook::create(c, approach.id, kind, by, &fields, user, recorded)?;
            ids.push(id);
        }
        // The approaches that are under way show their public entries to residents.
        if phase > 0 {
            approaches::set_public_page(c, approach.id, true, now)?;
        }
    }
    Ok(())
}
