## Samenspel — Nederlands: gebieden, initiatievenregister en profielen

## Algemeen
choose = Kies…
unknown = Onbekend
yes = Ja
no = Nee
action-save = Opslaan
action-cancel = Annuleren
page-previous = Vorige pagina
page-next = Volgende pagina
page-of = Pagina { $page } van { $pages }
nav-initiatives = Initiatieven
nav-admin-areas = Gebieden importeren
org-profile-link = Profiel van het initiatief
org-registries-link = Registers van de gemeenten waar u werkt

## Onderdelen van een gemeente
municipality-nav = Onderdelen van de gemeente
municipality-nav-areas = Wijken en buurten
municipality-nav-registry = Initiatieven
municipality-nav-facilitators = Begeleiders

## Soorten gebied
area-kind-district = Wijk
area-kind-neighbourhood = Buurt
area-kind-neighbourhood-in = Buurt in { $district }
area-whole-district = { $name } (de hele wijk)
area-neighbourhoods-of = Buurten van { $district } ({ $count })
area-choices-folded = Deze gemeente heeft veel buurten. Kies een hele wijk, of open een wijk om een of meer van haar buurten te kiezen.

## Wijken en buurten
areas-title = Wijken en buurten van { $municipality }
areas-code-is = CBS-code { $code }
areas-counts = Wijken: { $districts }
areas-neighbourhood-count = Buurten: { $count }
areas-none = Voor deze gemeente zijn nog geen wijken en buurten vastgelegd.
areas-none-manage = Voor deze gemeente zijn nog geen wijken en buurten vastgelegd. Stel hieronder de CBS-code van de gemeente in. Importeer daarna de wijken en buurten uit een CBS-bestand, of voeg ze een voor een toe.
areas-map = Kaart
areas-map-hint = Gebieden waar initiatieven actief zijn, hebben een donkerdere kleur. De tabel hieronder geeft dezelfde gegevens.
areas-initiatives = Initiatieven
areas-list = Alle wijken en buurten
areas-listed-by-district = Deze gemeente heeft veel buurten. De tabel toont eerst de wijken; open een wijk om haar buurten te zien.
areas-show-neighbourhoods = Buurten van { $district } tonen ({ $count })
areas-list-caption = Wijken met hun buurten, op volgorde van CBS-code, en het aantal initiatieven dat er actief is
areas-manage = Wijken en buurten beheren
areas-save-code = Gemeentecode opslaan
areas-import-link = Wijken en buurten importeren uit een bestand van het CBS
areas-add = Een wijk of buurt toevoegen
areas-add-submit = Gebied toevoegen
areas-rename = { $name } hernoemen
label-area = Gebied
label-area-name = Naam van het gebied
label-area-kind = Soort gebied
label-cbs-code = CBS-code
label-municipality-code = CBS-code van de gemeente
hint-municipality-code = GM en vier cijfers, zoals GM0363. U vindt de code van uw gemeente op cbs.nl.
hint-area-code = Voor een wijk: WK en zes cijfers, zoals WK036301. Voor een buurt: BU en acht cijfers, zoals BU03630105.

## Importeren
import-title = Wijken en buurten importeren voor { $municipality }
import-national-title = Wijken en buurten van heel Nederland importeren
import-intro = Lees de wijken en buurten in uit een bestand van het CBS of PDOK. Nieuwe gebieden komen erbij en gewijzigde namen of omtrekken worden bijgewerkt. Gebieden die niet in het bestand staan, blijven bestaan.
import-national-intro = Lees een bestand met de wijken en buurten van het hele land in. Elke gemeente in Samenspel met een CBS-code krijgt haar eigen gebieden. Gebieden van gemeenten die niet in Samenspel staan, slaan we over.
import-back = Terug naar de wijken en buurten
label-import-file = Bestand
hint-import-file = Een CSV-bestand (gescheiden door puntkomma's of komma's, met de kolommen gemeentecode, wijkcode, wijknaam, buurtcode en buurtnaam) of een GeoJSON FeatureCollection van het CBS of PDOK. Hetzelfde bestand nog eens importeren verandert niets. Staat er ergens een fout in, dan importeren we niets en ziet u alle regels met een fout.
import-submit = Importeren
import-done = Het importeren is gelukt
import-created = Nieuwe gebieden: { $count }.
import-updated = Bijgewerkt: { $count }.
import-unchanged = Ongewijzigd: { $count }.
import-municipalities = Gemeenten met ingelezen gebieden: { $count }.
import-skipped = Overgeslagen omdat de gemeente niet in Samenspel staat of geen CBS-code heeft: { $count }.
import-failed = Er is niets geïmporteerd
import-bad-rows = Regels met een fout: { $count }. Verbeter ze in het bestand en importeer het daarna opnieuw.
import-rows-caption = Regels die we niet kunnen importeren, met de reden
import-row = Regel
import-problem = Probleem
import-value = Waarde
import-more-rows = Niet alle fouten staan in de tabel. Nog niet getoond: { $count }.

## Initiatieven: overzicht
hub-title = Registers en initiatieven
hub-registries = Registers die u kunt openen
hub-no-registries = U kunt nog geen register van een gemeente openen. Dat kan als u lid bent van een gemeente, of van een begeleidingsorganisatie die in een gemeente werkt.
hub-own = Uw initiatieven
hub-no-own = U bent nog geen lid van een bewonersinitiatief.
hub-profile-of = Profiel van { $name }

## Register van een gemeente
registry-title = Bewonersinitiatieven in { $municipality }
registry-intro = Hier staan de bewonersinitiatieven die in deze gemeente actief zijn. Zoek op naam of beschrijving, of filter op thema, gebied en meer.
registry-search = Initiatieven zoeken
registry-search-label = Zoek op naam of beschrijving
registry-search-submit = Zoeken
registry-clear = Filters wissen
registry-found = Gevonden initiatieven: { $count }
registry-export = Download deze selectie als CSV-bestand
registry-none = Er staan nog geen initiatieven in dit register.
registry-none-filtered = Geen initiatieven gevonden met deze zoekwoorden en filters. Pas ze aan of wis de filters.
registry-since = Opgericht in { $year }
registry-by-area = Initiatieven per gebied
registry-by-area-caption = Aantal initiatieven per wijk en buurt
registry-map-hint = Gebieden waar initiatieven actief zijn, hebben een donkerdere kleur. Klik op een gebied om alleen de initiatieven daar te zien. De tabel hieronder geeft dezelfde gegevens.
registry-area-hint = Eerst staan alleen de wijken in de lijst. Kies een wijk en klik op Zoeken: daarna kunt u ook een van haar buurten kiezen.
registry-by-area-closed = Kies een wijk om het aantal per buurt in die wijk te zien.
filter-any = Alle
filter-verified-yes = Gecontroleerd
filter-verified-no = Nog niet gecontroleerd
label-theme = Thema
label-sort = Volgorde
label-verified = Controle

## Volgorde
sort-name = Naam (A tot Z)
sort-newest = Laatst toegevoegd eerst
sort-founded = Oprichtingsjaar (oudste eerst)
sort-members = Aantal leden (meeste eerst)

## Initiatief in kaart brengen
map-title = Initiatief in kaart brengen
map-intro = Voeg een initiatief toe dat nog geen account in Samenspel heeft. Op het profiel staat dan dat uw organisatie het in kaart heeft gebracht. Later kunt u het initiatief uitnodigen om het profiel zelf over te nemen.
map-submit = Initiatief toevoegen aan het register

## Profiel van een initiatief
profile-about = Over het initiatief
profile-status = Status van het profiel
profile-in-registry = in het register van { $municipality }
profile-public = openbaar profiel
profile-verified = Gecontroleerd
profile-verified-by = Gecontroleerd door { $name }
profile-not-verified = Nog niet gecontroleerd
profile-mapped-by = In kaart gebracht door { $name }
profile-unclaimed = Nog niet overgenomen door het initiatief
profile-verify = Ik heb dit profiel gecontroleerd
profile-verify-again = Ik heb dit profiel opnieuw gecontroleerd
profile-verify-elsewhere = Uw organisatie heeft dit profiel in kaart gebracht. Een andere organisatie, zoals de gemeente, controleert het.
profile-edit = Profiel bewerken
profile-edit-title = Profiel van { $name } bewerken
profile-create = Profiel invullen
profile-none = Dit initiatief heeft nog geen profiel.
profile-save = Profiel opslaan
profile-back-to-registry = Terug naar het register van { $municipality }
profile-members = Leden: { $count }
profile-members-link = Leden en uitnodigingen van deze organisatie
profile-not-said = Niet ingevuld.
profile-no-areas = Nog geen wijken of buurten gekozen.
profile-contact = Contact
profile-municipality = Register van de gemeente
profile-show-areas = Toon de wijken en buurten
profile-areas-choose-municipality = Kies hierboven eerst een gemeente en toon de wijken en buurten. Daarna kunt u ze hier aanvinken.
profile-areas-none = Deze gemeente heeft nog geen wijken en buurten in Samenspel.
profile-track-record = Eerdere projecten
profile-no-projects = Er zijn nog geen eerdere projecten vastgelegd.
profile-add-project = Een eerder project toevoegen
profile-add-project-submit = Project toevoegen
profile-remove-project = { $title } verwijderen
profile-claim = Het initiatief het profiel laten overnemen
profile-claim-intro = Stuur de contactpersoon van het initiatief een uitnodiging per e-mail. Wie de uitnodiging accepteert, wordt beheerder van het initiatief en beheert vanaf dan zelf het profiel.
profile-claim-submit = Uitnodiging versturen
people-volunteers = Vrijwilligers
people-paid = Betaalde krachten
people-both = Vrijwilligers en betaalde krachten

## Velden van het profiel
label-initiative-name = Naam van het initiatief
label-description = Beschrijving
hint-description = Wat doet het initiatief, voor wie en waar? Een paar zinnen is genoeg.
label-themes = Thema's
label-character = Werkwijze
label-legal-form = Rechtsvorm
label-people = Wie doen het werk?
label-volunteers = Vrijwilligers
label-paid-staff = Betaalde krachten
label-member-count = Aantal leden
hint-member-count = Een schatting is goed genoeg. Weet u het niet, laat het veld dan leeg.
label-founded = Jaar van oprichting
hint-founded = Het jaar waarin het initiatief begon, bijvoorbeeld 2015.
label-core-roles = Rollen in het kernteam
label-does-not-do = Wat het initiatief niet doet
hint-does-not-do = Wat doet het initiatief bewust niet? Bijvoorbeeld: geen installaties verkopen, of geen advies aan losse huishoudens geven.
label-support = Gevraagde ondersteuning
label-support-note = Toelichting op de ondersteuning
label-contact-name = Naam van de contactpersoon
label-contact-email = E-mailadres van de contactpersoon
label-contact-phone = Telefoonnummer
label-website = Website
label-areas = Wijken en buurten waar het initiatief actief is
label-municipality = Gemeente
hint-municipality = Het initiatief komt in het register van deze gemeente. Medewerkers van de gemeente en de begeleiders die daar werken, kunnen het profiel dan zien.
label-public = Profiel openbaar maken
hint-public = Een openbaar profiel kan iedereen zien, ook zonder account. Dat geldt ook voor de contactgegevens.
label-project-year = Jaar
label-project-title = Naam van het project
label-project-result = Resultaat
hint-project-result = Wat heeft het opgeleverd? Bijvoorbeeld: 120 zonnepanelen, of 40 huishoudens die meededen.

## Thema's
theme-heat = Warmte
theme-solar = Zonne-energie
theme-wind = Windenergie
theme-saving = Energie besparen
theme-mobility = Mobiliteit
theme-greenery = Groen
theme-care = Zorg
theme-sport = Sport
theme-culture = Cultuur
theme-social = Buurtleven en ontmoeting

## Rechtsvormen
legal-form-none = Geen rechtsvorm (informele groep)
legal-form-association = Vereniging
legal-form-cooperative = Coöperatie
legal-form-foundation = Stichting
legal-form-owners-association = Vereniging van eigenaren (VvE)
legal-form-company = Bedrijf (bv)
legal-form-other = Andere rechtsvorm

## Werkwijze
character-technical = Ontwikkelt zelf een technische oplossing
character-participation = Brengt vooral bewoners bij elkaar
character-both = Ontwikkelt een technische oplossing én brengt bewoners bij elkaar

## Rollen in het kernteam
core-role-entrepreneurs = Ondernemers
core-role-connectors = Verbinders
core-role-technical = Techneuten
core-role-communicators = Communicatiemensen
core-role-organisers = Organisatoren
core-role-finance = Financieel deskundigen

## Ondersteuning
support-knowledge = Kennis
support-budget = Budget
support-capacity = Menskracht en tijd
support-premises = Een ruimte of locatie
support-contacts = Contacten en netwerk
support-communication = Hulp bij communicatie
support-process = Procesbegeleiding

## Begeleiders in een gemeente
facilitators-title = Begeleiders in { $municipality }
facilitators-intro = Begeleidingsorganisaties die in deze gemeente werken, kunnen het register en de wijken en buurten zien. Hun buurtbegeleiders kunnen initiatieven in kaart brengen en profielen controleren. Beheerders van de gemeente voegen begeleiders toe of halen ze weg.
facilitators-none = Er werken nog geen begeleidingsorganisaties in deze gemeente.
facilitators-none-available = Er is geen begeleidingsorganisatie meer om toe te voegen: ze werken hier al, of er staan er nog geen in Samenspel.
facilitators-add = Begeleidingsorganisatie toevoegen
facilitators-add-submit = Toevoegen
facilitators-remove = { $name } verwijderen
label-facilitator = Begeleidingsorganisatie

## Kolommen van de CSV-export
csv-name = Naam
csv-description = Beschrijving
csv-themes = Thema's
csv-character = Werkwijze
csv-legal-form = Rechtsvorm
csv-volunteers = Vrijwilligers
csv-paid-staff = Betaalde krachten
csv-members = Aantal leden
csv-core-roles = Rollen in kernteam
csv-support = Gevraagde ondersteuning
csv-support-note = Toelichting ondersteuning
csv-does-not-do = Doet niet
csv-contact-name = Contactpersoon
csv-contact-email = E-mail contactpersoon
csv-contact-phone = Telefoon contactpersoon
csv-website = Website
csv-founded = Jaar van oprichting
csv-areas = Gebieden (CBS-codes)
csv-verified = Gecontroleerd op
csv-public = Openbaar
csv-claimed = Overgenomen door initiatief

## Auditlog
audit-municipality-code-set = CBS-code van gemeente ingesteld
audit-municipality-facilitator-added = Begeleidingsorganisatie toegevoegd aan gemeente
audit-municipality-facilitator-removed = Begeleidingsorganisatie weggehaald bij gemeente
audit-area-created = Gebied toegevoegd
audit-area-renamed = Gebied hernoemd
audit-areas-imported = Gebieden geïmporteerd
audit-initiative-mapped = Initiatief in kaart gebracht
audit-initiative-profile-created = Profiel van initiatief aangemaakt
audit-initiative-profile-updated = Profiel van initiatief gewijzigd
audit-initiative-verified = Profiel van initiatief gecontroleerd
audit-initiative-project-added = Eerder project toegevoegd
audit-initiative-project-removed = Eerder project verwijderd

## Meldingen na een actie
flash-code-saved = De CBS-code van de gemeente is opgeslagen.
flash-area-added = Het gebied is toegevoegd.
flash-area-renamed = De naam van het gebied is gewijzigd.
flash-facilitator-added = De begeleidingsorganisatie is toegevoegd.
flash-facilitator-removed = De begeleidingsorganisatie is weggehaald.
flash-initiative-mapped = Het initiatief staat nu in het register.
flash-profile-saved = Het profiel is opgeslagen.
flash-profile-verified = Het profiel staat nu als gecontroleerd.
flash-claim-invited = De uitnodiging is verstuurd. Wie de uitnodiging accepteert, wordt beheerder van het initiatief.
flash-project-added = Het project is toegevoegd.
flash-project-removed = Het project is verwijderd.

## Fouten
error-code-first = Stel eerst de CBS-code van de gemeente in: GM en vier cijfers. Dat doet u op de pagina met wijken en buurten.
error-code-has-areas = Deze code kan niet meer veranderen, want er zijn al wijken en buurten met de huidige code.
error-code-taken = Een andere gemeente in Samenspel heeft deze code al. Controleer de code op cbs.nl.
error-area-code-required = Vul de CBS-code van de wijk of buurt in.
error-area-code-kind = Een code begint met WK voor een wijk of BU voor een buurt.
error-area-code-taken = Deze gemeente heeft al een gebied met deze code. Wilt u de naam veranderen? Hernoem dan dat gebied.
error-area-unknown = Een van de gekozen gebieden hoort niet bij deze gemeente. Kies de wijken en buurten uit de lijst.
error-areas-choose-again = U heeft een andere gemeente gekozen. Kies de wijken en buurten opnieuw, uit de lijst van die gemeente.
error-import-no-file = Kies een bestand om te importeren. Een leeg bestand kan niet.
error-import-encoding = Het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8 of als GeoJSON en probeer het opnieuw.
error-import-too-large = Het bestand is groter dan 64 MB. Gebruik een kleiner bestand, bijvoorbeeld met minder gemeenten.
error-import-unreadable-upload = Het bestand kwam niet goed aan. Probeer het opnieuw.
error-municipality-required = Kies een gemeente uit de lijst. Het initiatief komt in het register van die gemeente.
error-description-long = De beschrijving mag hoogstens 2000 tekens lang zijn. Maak hem korter.
error-support-note-long = De toelichting op de ondersteuning mag hoogstens 1000 tekens lang zijn. Maak hem korter.
error-does-not-do-long = Wat het initiatief niet doet, mag hoogstens 1000 tekens lang zijn. Maak het korter.
error-theme-invalid = Kies de thema's uit de lijst.
error-themes-required = Kies minstens één thema.
error-legal-form-invalid = Kies een rechtsvorm uit de lijst.
error-character-invalid = Kies een werkwijze uit de lijst.
error-core-role-invalid = Kies de rollen uit de lijst.
error-support-invalid = Kies de ondersteuning uit de lijst.
error-member-count = Vul een heel getal in van 0 tot 1.000.000, of laat het veld leeg.
error-founded-invalid = Vul een jaartal in tussen 1800 en dit jaar, bijvoorbeeld 2015.
error-contact-name = De naam van de contactpersoon mag hoogstens 100 tekens lang zijn.
error-phone-invalid = Vul een telefoonnummer in van 6 tot 20 cijfers. Spaties, +, - en haakjes mogen ook.
error-website-invalid = Vul een volledig webadres in, bijvoorbeeld https://www.voorbeeld.nl.
error-facilitator-choose = Kies een begeleidingsorganisatie uit de lijst.
error-profile-first = Sla eerst het profiel op. Daarna kunt u eerdere projecten toevoegen.
error-project-year = Vul een jaartal in van 1900 tot vijf jaar na dit jaar, bijvoorbeeld 2019.
error-project-title-required = Vul de naam van het project in.
error-project-title-long = De naam van het project mag hoogstens 200 tekens lang zijn.
error-project-result-long = Het resultaat mag hoogstens 500 tekens lang zijn.
map-attribution-kadaster = Kaartgegevens © Kadaster
