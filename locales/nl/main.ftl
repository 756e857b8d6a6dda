## Samenspel — Nederlands (standaardtaal)

## Algemeen
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-menu = Menu
nav-home = Start
nav-organisations = Organisaties
nav-account = Mijn account
nav-login = Inloggen
nav-register = Account aanmaken
nav-admin-users = Gebruikers
nav-admin-organisations = Alle organisaties
nav-admin-audit = Auditlog
switch-language = English
logout-as = Uitloggen ({ $name })
footer-text = Samenspel: gemeente en bewonersinitiatieven samen op weg naar een aardgasvrije wijk.
form-has-errors = Controleer het formulier
save = Opslaan
never = nooit
pagination = Bladeren
next-page = Volgende pagina

## Maanden
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Velden
label-email = E-mailadres
label-password = Wachtwoord
label-new-password = Nieuw wachtwoord
label-current-password = Huidig wachtwoord
label-name = Naam
label-language = Taal
label-org-name = Naam van de organisatie
label-org-kind = Soort organisatie
label-role = Rol
label-members = Leden
label-since = Lid sinds
label-actions = Acties
label-organisations = Organisaties
label-registered = Aangemeld op
label-last-login = Laatst ingelogd
hint-password = Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.

## Start
home-title = Samen op weg naar een aardgasvrije wijk
home-intro = Samenspel is de gedeelde werkplek van de gemeente en de bewonersinitiatieven in een wijk. Hier houdt u bij wie er meedoen, wat er besproken en besloten is en welke afspraken er gelden.
home-intro-2 = Log in met uw account, of maak een account aan om uw organisatie toe te voegen of een uitnodiging te accepteren.
home-welcome = Welkom, { $name }
home-your-organisations = Uw organisaties
home-no-organisations = U bent nog geen lid van een organisatie. Maak er een aan, of vraag iemand u uit te nodigen.

## Inloggen en account
login-title = Inloggen
login-submit = Inloggen
login-forgot = Wachtwoord vergeten?
login-no-account = Nog geen account? Maak er een aan.
register-title = Account aanmaken
register-submit = Account aanmaken
register-have-account = Heeft u al een account? Log dan in.
register-closed = Zelf een account aanmaken is op deze installatie uitgeschakeld. Heeft u een uitnodiging gekregen? Gebruik dan de link uit die e-mail.
forgot-title = Wachtwoord vergeten
forgot-intro = Vul uw e-mailadres in. Als er een account bij hoort, sturen we u een link waarmee u een nieuw wachtwoord instelt.
forgot-submit = Stuur mij een link
forgot-sent = Als er een account bij dit adres hoort, is er nu een e-mail met een link onderweg. De link werkt één uur en één keer.
reset-title = Nieuw wachtwoord instellen
reset-submit = Wachtwoord opslaan
reset-invalid = Deze link werkt niet meer: hij is al gebruikt, verlopen of onbekend.
reset-request-new = Vraag een nieuwe link aan
account-title = Mijn account
account-email = U bent ingelogd als { $email }.
account-profile = Naam en taal
account-password = Wachtwoord wijzigen
account-change-password = Wachtwoord wijzigen

## Organisaties
org-list-title = Mijn organisaties
org-list-caption = Organisaties waar u lid van bent
org-new-title = Organisatie toevoegen
org-new-submit = Organisatie toevoegen
org-kind-municipality = Gemeente
org-kind-initiative = Bewonersinitiatief
org-kind-partner = Partner
org-kind-facilitator = Begeleider
org-kind-hint-municipality = De gemeente die de regie heeft over de wijkaanpak.
org-kind-hint-initiative = Bewoners die zich organiseren: een energiecoöperatie, buurtvereniging, wijk- of dorpsraad, stichting of een groep zonder rechtsvorm.
org-kind-hint-partner = Bijvoorbeeld een woningcorporatie, netbeheerder, warmtebedrijf of adviesbureau.
org-kind-hint-facilitator = Een ondersteuningsorganisatie waarvan buurtbegeleiders initiatieven begeleiden.
org-since = in Samenspel sinds { $date }
org-members = Leden
org-members-caption = Huidige leden met hun rol en sinds wanneer
org-you = u
org-role-of = Rol van { $name }
org-change-role = Rol wijzigen
org-remove-member = { $name } verwijderen
org-leave = Deze organisatie verlaten
org-invite = Iemand uitnodigen
org-invite-intro = De persoon krijgt een e-mail met een link. Met die link maakt hij of zij een account aan of logt in, en wordt lid.
org-invite-submit = Uitnodiging versturen
label-invite-language = Taal van de uitnodiging
hint-invite-language = De e-mail staat eerst in deze taal, met de andere taal eronder.
error-invite-language = Kies Nederlands of Engels.
org-open-invitations = Openstaande uitnodigingen
org-invitation-expires = geldig tot { $date }
org-revoke-invitation = Uitnodiging voor { $email } intrekken
org-former-members = Oud-leden
role-admin = Beheerder
role-member = Lid
ended-removed = verwijderd
ended-left = vertrokken

## Uitnodigingen
invitation-title = Uitnodiging
invitation-for = U bent uitgenodigd om lid te worden van { $organisation }.
invitation-invited-by = Uitgenodigd door
invitation-accept = Uitnodiging accepteren
invitation-log-in-first = Log in of maak een account aan met het e-mailadres waarop u de uitnodiging kreeg. Daarna kunt u de uitnodiging accepteren.
invitation-register = Account aanmaken
invitation-login = Ik heb al een account
invitation-unknown = Deze uitnodiging kennen we niet. Controleer of u de hele link hebt gebruikt.
invitation-used = Deze uitnodiging is al gebruikt.
invitation-revoked = Deze uitnodiging is ingetrokken. Vraag zo nodig om een nieuwe.
invitation-expired = Deze uitnodiging is verlopen. Vraag om een nieuwe.
invitation-status-open = Open
invitation-status-accepted = Geaccepteerd
invitation-status-revoked = Ingetrokken
invitation-status-expired = Verlopen
invitation-status-unknown = Onbekend

## Beheer
admin-users-title = Gebruikers
admin-users-caption = Alle gebruikers, op e-mailadres
admin-users-total = { $count } gebruikers in totaal
admin-platform-admin = platformbeheerder
admin-organisations-title = Alle organisaties
admin-organisations-caption = Alle organisaties, op naam
admin-organisations-total = { $count } organisaties in totaal
audit-title = Auditlog
audit-caption = Gebeurtenissen, nieuwste eerst
audit-filter-who = Persoon
audit-filter-who-hint = Het e-mailadres van degene die iets deed.
audit-filter-action = Soort wijziging
audit-filter-any = Alle soorten
audit-filter-from = Vanaf datum
audit-filter-until = Tot en met datum
audit-filter-submit = Filteren
audit-filter-clear = Filters wissen
audit-empty = Er zijn geen gebeurtenissen die bij dit filter passen.
audit-when = Wanneer
audit-who = Wie
audit-what = Wat
audit-organisation = Organisatie
audit-address = Adres
audit-changes = Wijzigingen
audit-nobody = (niemand ingelogd)
audit-older = Oudere gebeurtenissen
audit-user-registered = Account aangemaakt
audit-user-registration-on-taken-address = Aanmelding met een bestaand e-mailadres (eigenaar gemaild)
audit-user-login = Ingelogd
audit-user-login-failed = Inloggen mislukt
audit-user-login-locked = Inloggen geweigerd: account tijdelijk geblokkeerd
audit-user-login-throttled = Inloggen geweigerd: te veel pogingen vanaf dit adres
audit-user-logout = Uitgelogd
audit-user-profile-changed = Naam of taal gewijzigd
audit-user-password-changed = Wachtwoord gewijzigd
audit-user-password-reset-requested = Herstellink voor wachtwoord aangevraagd
audit-user-password-reset = Wachtwoord hersteld
audit-user-created-by-admin = Account aangemaakt door beheer
audit-organisation-created = Organisatie aangemaakt
audit-invitation-created = Uitnodiging verstuurd
audit-invitation-revoked = Uitnodiging ingetrokken
audit-membership-joined = Lid geworden
audit-membership-role-changed = Rol gewijzigd
audit-membership-removed = Lid verwijderd
audit-membership-left = Organisatie verlaten
audit-security-csrf-rejected = Formulier geweigerd: verlopen of ongeldig beveiligingskenmerk
audit-security-cross-site-refused = Verzoek van een andere website geweigerd

## Meldingen na een actie
flash-saved = Uw wijzigingen zijn opgeslagen.
flash-logged-out = U bent uitgelogd.
flash-password-reset = Uw nieuwe wachtwoord is ingesteld. U kunt nu inloggen.
flash-password-changed = Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.
flash-organisation-created = De organisatie is toegevoegd. U bent de beheerder.
flash-invitation-sent = De uitnodiging is verstuurd.
flash-invitation-revoked = De uitnodiging is ingetrokken.
flash-invitation-accepted = Welkom! U bent nu lid.
flash-role-changed = De rol is gewijzigd.
flash-member-removed = Het lid is verwijderd. Het lidmaatschap blijft zichtbaar bij de oud-leden.
flash-left = U heeft de organisatie verlaten.

## Fouten
error-title = Dat ging niet goed
error-home = Naar de startpagina
error-id = Foutcode: { $id }. Noem deze code als u contact opneemt.
error-status = Status { $status }
error-not-found = Deze pagina bestaat niet, of u heeft er geen toegang toe.
error-forbidden = U heeft geen toegang tot deze pagina of actie.
error-unexpected = Er ging iets mis aan onze kant. Probeer het later nog eens.
error-bad-request = Dit verzoek kunnen we niet verwerken. Controleer de link of het formulier.
error-bad-form = Het formulier kwam niet goed aan. Probeer het opnieuw.
error-too-large = Wat u verstuurde is te groot.
error-method = Deze actie kan op deze pagina niet.
error-timeout = Het duurde te lang. Probeer het opnieuw.
error-conflict = Dit botst met bestaande gegevens. Vernieuw de pagina en probeer het opnieuw.
error-email-required = Vul een e-mailadres in.
error-email-invalid = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
error-email-taken = Er bestaat al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan.
error-name-required = Vul een naam in.
error-name-too-long = Een naam mag hoogstens 100 tekens lang zijn.
error-name-invalid = Deze naam bevat tekens die niet kunnen.
error-password-required = Vul uw wachtwoord in.
error-password-too-short = Een wachtwoord moet minstens 10 tekens lang zijn.
error-password-too-long = Een wachtwoord mag hoogstens 256 tekens lang zijn.
error-password-common = Dit wachtwoord is te makkelijk te raden. Kies iets wat niet voor de hand ligt, bijvoorbeeld een zin van een paar woorden.
error-current-password = Uw huidige wachtwoord klopt niet.
error-login-failed = Deze combinatie van e-mailadres en wachtwoord kennen we niet. Na een paar verkeerde pogingen kunt u het pas na enkele minuten opnieuw proberen, of vraag een nieuw wachtwoord aan.
error-too-many-attempts = Te veel pogingen vanaf uw adres. Wacht een minuut en probeer het dan opnieuw.
error-language-invalid = Kies Nederlands of English.
error-org-kind-invalid = Kies de soort organisatie.
error-org-name-required = Vul de naam van de organisatie in.
error-org-name-length = De naam moet tussen 2 en 150 tekens lang zijn.
error-org-name-invalid = Deze naam bevat tekens die niet kunnen.
error-role-invalid = Kies een rol: beheerder of lid.
error-last-admin = Een organisatie heeft altijd minstens één beheerder. Maak eerst iemand anders beheerder.
error-already-member = Deze persoon is al lid van de organisatie.
error-invitation-other-email = Deze uitnodiging is verstuurd naar een ander e-mailadres dan dat van uw account. Log in met het juiste account, of vraag om een uitnodiging op uw adres.
error-audit-unknown-person = Er is geen account met dit e-mailadres.
error-audit-action = Kies een soort wijziging uit de lijst.
error-date-invalid = Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-03-01.
error-date-out-of-range = Vul een datum tussen 2000 en 2100 in.
error-period-order = De einddatum ligt vóór de begindatum.

## Verlopen formulier
csrf-title = Uw formulier was verlopen
csrf-explanation = Om u te beschermen accepteren we een formulier alleen als het kort geleden op deze site is geopend. Verstuur het daarom opnieuw vanaf het formulier zelf.
csrf-refilled = Om u te beschermen accepteren we een formulier alleen als het kort geleden op deze site is geopend. We hebben het formulier opnieuw geopend en uw invoer teruggezet. Kijk die na en verstuur het formulier opnieuw.
csrf-typed = Dit had u ingevuld. Kopieer wat u wilt bewaren voordat u verdergaat.
csrf-field = Veld
csrf-back = Terug naar het formulier
csrf-other-site-title = Verzoek van een andere website geweigerd
csrf-other-site = Dit verzoek kwam niet van een pagina van Samenspel, maar van een andere website. Om u te beschermen hebben we het niet uitgevoerd en niets ervan bewaard. Wilde u zelf iets doen? Open dan de pagina in Samenspel en probeer het daar opnieuw.
csrf-password-dropped = Wachtwoorden bewaren we nooit; die moet u opnieuw invullen.

## E-mail
register-sent-title = Kijk in uw e-mail
register-sent = We hebben een e-mail gestuurd naar { $email }. Open de link daarin binnen 24 uur om uw account te activeren; pas dan kunt u inloggen.
register-sent-missing = Niets ontvangen? Kijk ook bij ongewenste e-mail. Na een paar minuten kunt u zich opnieuw aanmelden; de nieuwste link geldt dan.
register-confirm-title = Account activeren
register-confirm-intro = U activeert het account van { $name } met het e-mailadres { $email }. Daarna bent u ingelogd.
register-confirm-submit = Account activeren
register-confirm-gone = Deze link werkt niet meer: hij is al gebruikt of ouder dan 24 uur. Meld u opnieuw aan, of log in als uw account al actief is.
register-confirm-exists = Bij dit e-mailadres hoort al een account. Log in, of vraag een nieuw wachtwoord aan als u het niet meer weet.
mail-register-subject = Activeer uw account bij Samenspel
mail-register-body =
    Beste { $name },

    U heeft een account aangemaakt bij Samenspel. Open deze link om te bevestigen dat dit e-mailadres van u is en het account te activeren:

    { $link }

    De link werkt 24 uur. Heeft u zich niet zelf aangemeld? Dan kunt u deze e-mail negeren; er wordt geen account gemaakt.
mail-register-taken-subject = Iemand probeerde een account te maken met uw e-mailadres
mail-register-taken-body =
    Beste { $name },

    Zojuist is geprobeerd een nieuw Samenspel-account aan te maken met dit e-mailadres. U heeft er al een, dus er is niets veranderd.

    Was u dat zelf? Log dan in: { $login }
    Weet u uw wachtwoord niet meer? Vraag een nieuw aan: { $forgot }

    Was u het niet? Dan hoeft u niets te doen.
mail-municipality-verified-subject = { $municipality } is geverifieerd in Samenspel
mail-municipality-verified-body =
    Beste { $name },

    Een beheerder van Samenspel heeft { $municipality } geverifieerd. U kunt nu de CBS-code instellen, de gebieden ophalen, initiatieven opnemen en een wijkaanpak starten:

    { $link }
mail-municipality-rejected-subject = { $municipality } is niet geverifieerd in Samenspel
mail-municipality-rejected-body =
    Beste { $name },

    Een beheerder van Samenspel heeft { $municipality } niet geverifieerd. De reden:

    { $reason }

    Meer staat op de pagina van de organisatie: { $link }
mail-party-request-subject = { $municipality } vraagt { $organisation } mee te doen aan een wijkaanpak
mail-party-request-body =
    Beste { $name },

    { $municipality } vraagt { $organisation } mee te doen aan de wijkaanpak { $approach } in Samenspel. Uw organisatie doet pas mee als een beheerder dit accepteert; tot dan ziet zij niets van de wijkaanpak.

    Accepteren of weigeren doet u op de pagina van uw organisatie:

    { $link }
mail-facilitator-request-subject = { $municipality } vraagt { $organisation } als procesbegeleider
mail-facilitator-request-body =
    Beste { $name },

    { $municipality } vraagt { $organisation } om in Samenspel als procesbegeleider in de gemeente te werken. Dat gebeurt pas als een beheerder dit accepteert.

    Accepteren of weigeren doet u op de pagina van uw organisatie:

    { $link }
mail-reset-subject = Nieuw wachtwoord voor Samenspel
mail-reset-body =
    Beste { $name },

    Er is gevraagd om een nieuw wachtwoord voor uw Samenspel-account. Via deze link stelt u het in:

    { $link }

    De link werkt één uur en één keer. Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.
mail-invitation-subject = Uitnodiging voor { $organisation } in Samenspel
mail-in-this-language = Nederlands
mail-invitation-body =
    Hallo,

    { $inviter } nodigt u uit om lid te worden van { $organisation } in Samenspel, de werkplek waar gemeente en bewonersinitiatieven samen werken aan een aardgasvrije wijk.

    Accepteer de uitnodiging via deze link (twee weken geldig):

    { $link }

## Gebieden
error-code-municipality = Een gemeentecode bestaat uit GM en vier cijfers, zoals GM0363.
error-code-district = Een wijkcode bestaat uit WK en zes cijfers, zoals WK036301.
error-code-neighbourhood = Een buurtcode bestaat uit BU en acht cijfers, zoals BU03630105.
error-area-kind = Kies wijk of buurt.
error-area-name-required = Vul de naam van het gebied in.
error-area-name-invalid = De naam van een gebied is hoogstens 120 tekens en bevat geen stuurtekens.
error-import-district-missing = Deze buurt hoort bij een wijk die niet in het bestand staat en nog niet bestaat.
error-import-other-municipality = Deze code hoort bij een andere gemeente.
error-import-no-code = Deze regel heeft geen wijkcode en geen buurtcode.
error-import-wrong-district = De buurtcode past niet bij de wijkcode op dezelfde regel.
error-import-unreadable = Deze regel kunnen we niet lezen.
error-import-columns = Het bestand mist de kolommen wijkcode of buurtcode (met wijknaam en buurtnaam).
error-import-not-feature-collection = Dit is geen GeoJSON FeatureCollection.
error-import-geometry-type = De omtrek moet een Polygon of MultiPolygon zijn.
error-import-geometry-invalid = De omtrek klopt niet: elke ring moet gesloten zijn, minstens vier punten hebben en in lengte- en breedtegraden (WGS 84) staan.
## Gemeenten verifiëren
nav-admin-municipalities = Gemeenten verifiëren
admin-municipalities-title = Gemeenten verifiëren
admin-municipalities-intro = Een gemeente die iemand toevoegt, kan pas een CBS-code krijgen, gebieden beheren, initiatieven opnemen en wijkaanpakken starten als u hebt nagegaan dat deze mensen echt namens die gemeente werken. Controleer het e-mailadres en neem zo nodig contact op met de gemeente zelf.
admin-municipalities-pending = Wachten op verificatie
admin-municipalities-none = Er wachten geen gemeenten op verificatie.
admin-municipalities-rejected = Afgewezen
admin-municipalities-added-by = Toegevoegd door { $name } ({ $email })
admin-municipalities-verify = { $name } verifiëren
admin-municipalities-reject = { $name } afwijzen
label-reject-reason = Reden van afwijzing
hint-reject-reason = De beheerders van de gemeente krijgen deze reden te zien en per e-mail.
error-reject-reason-required = Vul de reden van de afwijzing in.
error-reject-reason-long = De reden is te lang (hoogstens 2000 tekens).
error-municipality-name-taken = Er is al een geverifieerde gemeente met deze naam. Werkt u daar? Vraag dan een beheerder van die gemeente om u uit te nodigen.
flash-municipality-pending = De gemeente is toegevoegd. Een beheerder van Samenspel gaat na of u namens deze gemeente werkt; tot dan kunt u alleen collega’s uitnodigen.
flash-municipality-verified = De gemeente is geverifieerd.
flash-municipality-rejected = De gemeente is afgewezen.
flash-verification-done = Over deze gemeente was al besloten.
org-verification-pending = Deze gemeente wacht op verificatie door een beheerder van Samenspel. Tot dan kan zij geen CBS-code krijgen, geen gebieden en initiatieven beheren, geen wijkaanpak starten en geen andere organisaties uitnodigen. Collega’s uitnodigen kan al wel.
org-verification-rejected = Een beheerder van Samenspel heeft deze gemeente niet geverifieerd, met deze reden:
audit-municipality-verified = Gemeente geverifieerd
audit-municipality-rejected = Gemeente afgewezen
## Verzoeken om mee te doen
error-party-requested = Deze organisatie is al gevraagd en heeft nog niet geantwoord.
flash-party-requested = Het verzoek is verstuurd. De organisatie doet mee zodra een van haar beheerders het accepteert.
flash-facilitator-requested = Het verzoek is verstuurd. De organisatie werkt hier zodra een van haar beheerders het accepteert.
party-requested = Gevraagd, nog geen antwoord
party-requested-intro = Deze organisaties zien de wijkaanpak pas en krijgen pas berichten als een van hun beheerders het verzoek accepteert.
party-add-consent = De beheerders van de organisatie krijgen een verzoek dat zij accepteren of weigeren. Beheert u de organisatie zelf, dan doet zij meteen mee.
requested-on = gevraagd op { $date }
facilitators-requested = Gevraagd, nog geen antwoord
facilitators-add-consent = De beheerders van de procesbegeleidende organisatie krijgen een verzoek dat zij accepteren of weigeren.
requests-title = Verzoeken om mee te doen
requests-intro = Uw organisatie doet pas mee, en ziet pas iets, als u een verzoek accepteert.
request-party = { $municipality } vraagt uw organisatie mee te doen aan de wijkaanpak { $approach }.
request-party-role = Voorgestelde rol: { $role }.
request-facilitator = { $municipality } vraagt uw organisatie om als procesbegeleider in de gemeente te werken. U ziet dan het register van initiatieven van deze gemeente.
request-accept = Accepteren
request-decline = Weigeren
flash-request-accepted = U heeft het verzoek geaccepteerd.
flash-request-declined = U heeft het verzoek geweigerd.
flash-request-gone = Op dit verzoek is al geantwoord.
audit-approach-party-requested = Organisatie gevraagd als partij
audit-municipality-facilitator-requested = Procesbegeleider gevraagd
audit-consent-accepted = Verzoek om mee te doen geaccepteerd
audit-consent-declined = Verzoek om mee te doen geweigerd
## Mensen beheren
admin-users-search = Zoek op naam of e-mailadres
admin-users-search-submit = Zoeken
admin-users-found =
    { $count ->
        [one] Eén gebruiker gevonden
       *[other] { $count } gebruikers gevonden
    }
admin-users-back = Terug naar alle gebruikers
admin-person-status = Toegang
admin-person-active = Kan inloggen
admin-person-locked = Tijdelijk vergrendeld na verkeerde wachtwoorden
admin-person-blocked-since = Geblokkeerd sinds { $date }
admin-person-no-organisations = Geen lid van een organisatie.
admin-person-access = Toegang beheren
admin-person-lift-intro = Na te veel verkeerde wachtwoorden kan deze persoon een tijd niet inloggen. Heeft u vastgesteld dat het de persoon zelf was, dan kunt u de vergrendeling opheffen.
admin-person-lift = Vergrendeling opheffen
admin-person-end-intro = Meldt deze persoon af op alle apparaten, bijvoorbeeld na een verloren telefoon. Opnieuw inloggen kan meteen.
admin-person-end = Overal afmelden
admin-person-block-confirm = Ik begrijp dat { $name } meteen overal wordt afgemeld en niet meer kan inloggen tot de blokkade wordt opgeheven.
admin-person-block = { $name } blokkeren
admin-person-unblock = Blokkade van { $name } opheffen
error-block-confirm = Vink aan dat u begrijpt wat blokkeren doet.
error-not-yourself = Dit kunt u niet met uw eigen account doen.
error-account-blocked = Dit account is geblokkeerd door een beheerder van Samenspel. Neem contact met hen op als u denkt dat dit niet klopt.
flash-user-blocked = Het account is geblokkeerd en overal afgemeld.
flash-user-unblocked = De blokkade is opgeheven.
flash-user-sessions-ended = De persoon is overal afgemeld.
flash-user-lockout-lifted = De vergrendeling is opgeheven.
audit-user-blocked = Account geblokkeerd
audit-user-unblocked = Blokkade opgeheven
audit-user-sessions-ended = Overal afgemeld door een beheerder
audit-user-lockout-lifted = Vergrendeling opgeheven
## Organisaties beheren
admin-organisations-back = Terug naar alle organisaties
admin-organisation-page = Pagina van de organisatie
admin-organisation-rename = Naam wijzigen
admin-organisation-rename-submit = Naam opslaan
admin-organisation-appoint = Beheerder aanstellen
admin-organisation-appoint-intro = Deze organisatie heeft geen beheerder meer. Stel iemand met een account aan; die kan daarna zelf mensen uitnodigen en rollen wijzigen.
admin-organisation-appoint-submit = Aanstellen als beheerder
admin-organisation-delete = Organisatie verwijderen
admin-organisation-delete-not = Deze organisatie doet al mee aan de samenwerking (gebieden, wijkaanpakken, een profiel of het logboek) en kan daarom niet worden verwijderd.
admin-organisation-delete-confirm = Ik begrijp dat { $name } met haar leden en uitnodigingen definitief verdwijnt.
admin-organisation-delete-submit = { $name } verwijderen
error-appoint-no-account = Bij dit e-mailadres hoort geen account. Vraag de persoon eerst een account aan te maken.
error-organisation-has-admin = Deze organisatie heeft een beheerder; die beslist zelf wie er beheert.
error-organisation-holds-something = Deze organisatie doet al mee aan de samenwerking en kan niet worden verwijderd.
error-delete-confirm = Vink aan dat u begrijpt dat verwijderen definitief is.
flash-organisation-renamed = De naam is gewijzigd.
flash-admin-appointed = De beheerder is aangesteld.
flash-organisation-deleted = De organisatie is verwijderd.
audit-organisation-renamed = Organisatie hernoemd
audit-organisation-admin-appointed = Beheerder aangesteld door het platform
audit-organisation-deleted = Organisatie verwijderd
## Inloggen in twee stappen
two-factor-title = Inloggen in twee stappen
two-factor-intro = Met een tweede stap is een gestolen wachtwoord niet genoeg: bij het inloggen vult u ook een code in uit een app op uw telefoon.
two-factor-manage = Inloggen in twee stappen beheren
two-factor-back = Terug naar mijn account
two-factor-off = Inloggen in twee stappen staat uit. U heeft een app nodig die codes maakt, zoals een authenticator-app of een wachtwoordbeheerder.
two-factor-start = Inloggen in twee stappen instellen
two-factor-step-app = Open de authenticator-app op uw telefoon.
two-factor-step-scan = Scan de QR-code, of typ de geheime sleutel over.
two-factor-step-code = Vul de code van zes cijfers in die de app nu toont.
two-factor-qr-label = QR-code om te scannen met uw authenticator-app
two-factor-secret = Geheime sleutel:
two-factor-confirm = Code controleren en aanzetten
two-factor-enabled = Inloggen in twee stappen staat aan.
two-factor-codes-title = Uw herstelcodes
two-factor-codes-intro = Bewaar deze codes op een veilige plek, los van uw telefoon. Elke code werkt één keer, als u de app niet bij de hand heeft. U ziet ze alleen nu.
two-factor-on = Inloggen in twee stappen staat aan. Na uw wachtwoord vraagt Samenspel om een code uit uw app.
two-factor-codes-left = { $count ->
    [one] U heeft nog 1 herstelcode.
   *[other] U heeft nog { $count } herstelcodes.
}
two-factor-disable = Inloggen in twee stappen uitzetten
two-factor-disable-submit = Uitzetten
flash-two-factor-disabled = Inloggen in twee stappen staat uit.
label-login-code = Code
hint-login-code = De zes cijfers uit uw authenticator-app, of een van uw herstelcodes.
login-code-title = Code invullen
login-code-intro = Uw wachtwoord klopt. Vul nu de code in die uw authenticator-app toont.
login-code-submit = Inloggen
login-code-restart = Opnieuw beginnen met inloggen
error-code-wrong = Deze code klopt niet. Een code werkt één keer en maar kort; wacht op de volgende of gebruik een herstelcode.
flash-code-expired = Het inloggen duurde te lang. Begin opnieuw met uw e-mailadres en wachtwoord.
flash-code-too-many = Te veel verkeerde codes. Begin opnieuw met uw e-mailadres en wachtwoord.
audit-user-two-factor-started = Inloggen in twee stappen: instellen begonnen
audit-user-two-factor-enabled = Inloggen in twee stappen aangezet
audit-user-two-factor-disabled = Inloggen in twee stappen uitgezet
audit-user-login-code-failed = Verkeerde code bij inloggen
admin-person-two-factor-on = Staat aan
admin-person-two-factor-off = Staat uit
admin-person-reset-intro = Is de telefoon met de authenticator-app kwijt en zijn de herstelcodes op? Zet inloggen in twee stappen dan uit, nadat u heeft vastgesteld dat u met de persoon zelf spreekt.
admin-person-reset-confirm = Ik heb vastgesteld dat dit verzoek van { $name } zelf komt.
admin-person-reset = Inloggen in twee stappen uitzetten
admin-person-make-admin-intro = Een beheerder van het platform ziet alle gebruikers en organisaties. Dat kan alleen met inloggen in twee stappen.
admin-person-make-admin = { $name } beheerder van het platform maken
admin-person-unmake-admin = { $name } is geen beheerder van het platform meer
error-reset-confirm = Vink aan dat u heeft vastgesteld dat het verzoek van de persoon zelf komt.
error-admin-needs-two-factor = Zet eerst inloggen in twee stappen aan voor deze persoon (dat doet die zelf, onder Mijn account).
flash-user-two-factor-reset = Inloggen in twee stappen staat uit voor deze persoon.
flash-user-made-admin = De persoon is nu beheerder van het platform.
flash-user-unmade-admin = De persoon is geen beheerder van het platform meer.
audit-user-two-factor-reset = Inloggen in twee stappen uitgezet door een beheerder
audit-user-made-admin = Beheerder van het platform gemaakt
audit-user-unmade-admin = Geen beheerder van het platform meer
org-two-factor-off = Leden kiezen zelf of ze inloggen in twee stappen gebruiken. U kunt het voor alle leden verplicht maken: wie het nog niet gebruikt, stelt het in voordat die verder kan.
org-two-factor-on = Inloggen in twee stappen is verplicht voor alle leden van deze organisatie.
org-two-factor-require = Verplicht maken voor alle leden
org-two-factor-stop = Niet langer verplichten
flash-two-factor-required-by-org = Inloggen in twee stappen is nu verplicht voor alle leden.
flash-two-factor-not-required-by-org = Inloggen in twee stappen is niet langer verplicht.
flash-two-factor-required = Voor uw account is inloggen in twee stappen verplicht. Stel het eerst in; daarna kunt u verder.
audit-organisation-two-factor-required = Inloggen in twee stappen verplicht of niet langer verplicht

## Eerst vragen, voordat iets wordt verwijderd of beëindigd
confirm-remove-member-title = { $name } verwijderen uit { $org }?
confirm-remove-member-what = { $name } is dan geen lid meer van { $org } en kan niet meer meelezen of meewerken. Het lidmaatschap blijft in de geschiedenis staan. Wilt u { $name } later terug, dan nodigt u diegene opnieuw uit.
confirm-leave-org-title = { $org } verlaten?
confirm-leave-org-what = U bent dan geen lid meer van { $org } en ziet niet meer wat alleen voor leden is. Terugkomen kan alleen met een nieuwe uitnodiging van een beheerder.
confirm-calendar-revoke-title = Deze agenda-link intrekken?
confirm-calendar-revoke-what = De link voor { $name }, gemaakt op { $made }, werkt daarna niet meer: agenda's die erop geabonneerd zijn, krijgen geen overleggen meer binnen. U kunt altijd een nieuwe link maken.
confirm-remove-project-title = Het project “{ $title }” verwijderen?
confirm-remove-project-what = Het project verdwijnt van het profiel van uw initiatief. Dit kan niet ongedaan worden gemaakt; u kunt het wel opnieuw toevoegen.
confirm-remove-facilitator-title = { $name } als ondersteuner verwijderen?
confirm-remove-facilitator-what = Mensen van { $name } kunnen het register van deze gemeente daarna niet meer bijhouden. U kunt { $name } later weer toevoegen.
confirm-revoke-invitation-title = De uitnodiging voor { $email } intrekken?
confirm-revoke-invitation-what = De link in de uitnodiging aan { $email } werkt daarna niet meer. U kunt later een nieuwe uitnodiging sturen.
